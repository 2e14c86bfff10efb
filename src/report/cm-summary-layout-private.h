/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-summary-layout.h"

G_BEGIN_DECLS

/* Shared between the parts of the flow: its blocks (cm-summary-layout.c),
 * their pagination (cm-summary-layout-paginate.c), the drawing of a page
 * (cm-summary-layout-render.c) and the queries on what went where
 * (cm-summary-layout-pieces.c).
 *
 * Text is laid out once, when a block is added, at the width it will have
 * on paper. Paginating only moves whole lines and rows about; rendering
 * draws the lines of a page one by one, so that nothing of the text on
 * other pages is ever put into the page (a clip would hide it from the eye
 * but not from a PDF's text layer). */

#define EPSILON 0.01

#define TEXT_COLOUR   0x1d1d1f
#define DIM_COLOUR    0x55575c
#define ACCENT_COLOUR 0x1b4f8a
#define RULE_COLOUR   0xb8bcc4
#define SHADE_COLOUR  0xe9eef5
#define GROUP_COLOUR  0xf4f6f9
#define MARK_COLOUR   0xb3261e

#define TABLE_PAD_X 5.0

typedef struct
{
  PangoLayout      *layout;
  guint             n_lines;
  PangoLayoutLine **lines;
  double           *top;
  double           *bottom;
  double           *baseline;
  double           *x;
  double            height;
} TextBox;

typedef struct
{
  CmSummaryRowFlags  flags;
  TextBox          **cells;      /* n_columns of them, or one for a group row */
  guint              n_cells;
  double             height;     /* with padding */
} Row;

struct _CmSummaryTable
{
  CmSummaryFlow       *flow;
  CmSummaryTableStyle  style;
  guint                n_columns;
  double              *column_x;
  double              *column_width;
  double               width;
  double               pad_y;
  gboolean             keep_together;
  Row                 *header;
  GPtrArray           *rows;
};

typedef enum
{
  BLOCK_TEXT,
  BLOCK_TABLE,
  BLOCK_FIGURE,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind           kind;
  CmSummaryTextStyle  style;
  double              space_before;
  double              space_after;
  double              indent;
  gboolean            keep_with_next;
  guint               outline_level;   /* 0: not in the outline */
  char               *outline_text;

  TextBox            *text;
  CmSummaryTable     *table;

  double              width;           /* figures and spaces */
  double              height;
  CmSummaryDrawFunc   draw;
  gpointer            user_data;
  GDestroyNotify      destroy;
} Block;

typedef struct
{
  Block  *block;
  double  y;
  int     row;       /* tables: -1 for the header */
  guint   first;     /* text: lines [first, last) */
  guint   last;
  double  from;      /* table rows: the part [from, to) of the row */
  double  to;
  double  scale;     /* figures */
  gboolean repeated; /* a group heading repeated at the top of a page */
} Piece;

typedef struct
{
  guint       level;
  const char *text;
  guint       page;
  double      y;
} OutlineItem;

struct _CmSummaryFlow
{
  double                 width;
  PangoFontMap          *font_map;
  PangoContext          *context;
  PangoFontDescription  *fonts[CM_SUMMARY_N_TEXT_STYLES];
  GPtrArray             *blocks;
  GPtrArray             *pages;      /* of GArray of Piece */
  GArray                *outline;    /* of OutlineItem */
  double                 body_height;
  double                 end_y;      /* where the next block would start */
};

double cm_summary_lines_height (const TextBox *box,
                                guint          first,
                                guint          last);
void   cm_summary_set_colour   (cairo_t       *cr,
                                guint32        colour);

G_END_DECLS
