/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* A flow of blocks (text, tables, figures) laid out in one column of a fixed
 * width and broken into pages of a fixed body height. It knows nothing of
 * cycles: cm-summary-document.c fills it. Every unit is a point (1/72 inch)
 * and text is shaped with unhinted metrics, so a page breaks the same way on
 * screen, on paper and in a PDF.
 *
 * Page breaking keeps headings with what follows them, leaves no single
 * line of a paragraph alone at the top or bottom of a page (widows and
 * orphans), breaks tables between rows (or, for a row taller than a page,
 * between lines) and repeats a table's header row on every page. */

typedef struct _CmSummaryFlow  CmSummaryFlow;
typedef struct _CmSummaryTable CmSummaryTable;

typedef enum
{
  CM_SUMMARY_TEXT_BODY,
  CM_SUMMARY_TEXT_SMALL,
  CM_SUMMARY_TEXT_QUOTE,          /* set in from the margin, with a bar beside it */
  CM_SUMMARY_TEXT_ATTRIBUTION,    /* who said the quote above it */
  CM_SUMMARY_TEXT_HEADING_1,
  CM_SUMMARY_TEXT_HEADING_2,
  CM_SUMMARY_TEXT_HEADING_3,
  CM_SUMMARY_TEXT_TITLE,
  CM_SUMMARY_TEXT_SUBTITLE,
  CM_SUMMARY_TEXT_KICKER,         /* a small capitalised line above a title */
  CM_SUMMARY_TEXT_TABLE,
  CM_SUMMARY_TEXT_TABLE_HEADER,
  CM_SUMMARY_TEXT_RUNNING,        /* running header and footer */
  CM_SUMMARY_N_TEXT_STYLES
} CmSummaryTextStyle;

typedef enum
{
  CM_SUMMARY_ROW_NORMAL = 0,
  CM_SUMMARY_ROW_GROUP  = 1 << 0,  /* one cell across the whole table: a group heading */
  CM_SUMMARY_ROW_MARKED = 1 << 1,  /* a bar at its start, e.g. an overdue activity */
  CM_SUMMARY_ROW_TOTAL  = 1 << 2,  /* a heavier rule above it */
} CmSummaryRowFlags;

typedef enum
{
  CM_SUMMARY_TABLE_GRID,   /* rules between rows, a shaded header */
  CM_SUMMARY_TABLE_PLAIN,  /* label and value pairs, no rules */
} CmSummaryTableStyle;

typedef void (*CmSummaryDrawFunc) (cairo_t *cr,
                                   double   width,
                                   double   height,
                                   gpointer user_data);

/* Widows and orphans: the fewest lines of a broken paragraph on a page. */
#define CM_SUMMARY_MIN_LINES 2

CmSummaryFlow  *cm_summary_flow_new              (double               width);
void            cm_summary_flow_free             (CmSummaryFlow       *flow);
double          cm_summary_flow_get_width        (CmSummaryFlow       *flow);

/* A layout in one of the flow's styles, for text outside the flow (the
 * running header and footer). */
PangoLayout    *cm_summary_flow_create_layout    (CmSummaryFlow       *flow,
                                                  CmSummaryTextStyle   style);
void            cm_summary_flow_set_text_colour  (cairo_t             *cr,
                                                  CmSummaryTextStyle   style);

/* @markup is Pango markup: escape every piece of data put into it. */
void            cm_summary_flow_add_text         (CmSummaryFlow       *flow,
                                                  CmSummaryTextStyle   style,
                                                  const char          *markup);
/* A heading (levels 1 to 3) from plain text; it is kept with the block
 * after it and, when @in_outline, listed in the PDF's outline. */
void            cm_summary_flow_add_heading      (CmSummaryFlow       *flow,
                                                  guint                level,
                                                  const char          *text,
                                                  gboolean             in_outline);
/* Keeps the last block added on the same page as the next one. */
void            cm_summary_flow_keep_with_next   (CmSummaryFlow       *flow);
void            cm_summary_flow_add_space        (CmSummaryFlow       *flow,
                                                  double               height);
void            cm_summary_flow_add_figure       (CmSummaryFlow       *flow,
                                                  double               width,
                                                  double               height,
                                                  CmSummaryDrawFunc    draw,
                                                  gpointer             user_data,
                                                  GDestroyNotify       destroy);
void            cm_summary_flow_add_page_break   (CmSummaryFlow       *flow);
/* Starts a new page only when less than @room is left on this one. */
void            cm_summary_flow_add_page_break_unless_room
                                                 (CmSummaryFlow       *flow,
                                                  double               room);

CmSummaryTable *cm_summary_flow_add_table        (CmSummaryFlow       *flow,
                                                  CmSummaryTableStyle  style,
                                                  guint                n_columns,
                                                  const double        *weights);
void            cm_summary_table_set_header      (CmSummaryTable      *table,
                                                  const char * const  *markup);
/* Small tables are moved whole to the next page rather than broken; plain
 * tables are kept together unless told otherwise. */
void            cm_summary_table_set_keep_together
                                                 (CmSummaryTable      *table,
                                                  gboolean             keep_together);
void            cm_summary_table_add_row         (CmSummaryTable      *table,
                                                  CmSummaryRowFlags    flags,
                                                  const char * const  *markup);

/* Breaks the flow into pages of @body_height; returns the number of pages
 * (at least one). Call again after adding blocks. */
guint           cm_summary_flow_paginate         (CmSummaryFlow       *flow,
                                                  double               body_height);
guint           cm_summary_flow_get_n_pages      (CmSummaryFlow       *flow);
/* How far down its last page the flow ends, as last paginated. */
double          cm_summary_flow_get_end          (CmSummaryFlow       *flow);
/* Draws page @page with the top-left corner of the body at (0, 0). */
void            cm_summary_flow_render_page      (CmSummaryFlow       *flow,
                                                  guint                page,
                                                  cairo_t             *cr);

/* What went where, for tests. */
typedef enum
{
  CM_SUMMARY_PIECE_TEXT,
  CM_SUMMARY_PIECE_TABLE_ROW,
  CM_SUMMARY_PIECE_FIGURE,
} CmSummaryPieceKind;

typedef struct
{
  CmSummaryPieceKind kind;
  guint              block;      /* the block's index, in the order added */
  double             y;
  double             height;
  guint              first;      /* text: lines [first, last) of n_lines */
  guint              last;
  guint              n_lines;
  int                row;        /* tables: the row, -1 for the header */
  gboolean           whole_row;  /* FALSE for part of a row broken over pages */
  gboolean           repeated;   /* a group heading repeated on a new page */
} CmSummaryPiece;

guint           cm_summary_flow_get_n_blocks     (CmSummaryFlow       *flow);
guint           cm_summary_flow_get_n_pieces     (CmSummaryFlow       *flow,
                                                  guint                page);
void            cm_summary_flow_get_piece        (CmSummaryFlow       *flow,
                                                  guint                page,
                                                  guint                index,
                                                  CmSummaryPiece      *piece);

guint           cm_summary_flow_get_n_outline    (CmSummaryFlow       *flow);
void            cm_summary_flow_get_outline      (CmSummaryFlow       *flow,
                                                  guint                index,
                                                  guint               *level,
                                                  const char         **text,
                                                  guint               *page,
                                                  double              *y);

G_END_DECLS
