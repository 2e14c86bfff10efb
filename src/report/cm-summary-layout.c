/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-layout"

#include "config.h"

#include "cm-summary-layout.h"

#include <pango/pangocairo.h>

#include "cm-summary-layout-private.h"

/* The flow and its blocks: text boxes shaped when they are added, tables
 * and their rows, figures, spaces and page breaks. */

typedef struct
{
  const char *font;
  double      line_spacing;   /* a factor of the font's height; 0 for the font's own */
  double      space_before;
  double      space_after;
  double      indent;
  guint32     colour;         /* 0xRRGGBB */
  gboolean    keep_with_next;
} Style;

static const Style styles[CM_SUMMARY_N_TEXT_STYLES] = {
  [CM_SUMMARY_TEXT_BODY]         = { "Sans 10",        1.25, 0,  6,  0,  TEXT_COLOUR,   FALSE },
  [CM_SUMMARY_TEXT_SMALL]        = { "Sans 8.5",       1.2,  0,  4,  0,  DIM_COLOUR,    FALSE },
  [CM_SUMMARY_TEXT_QUOTE]        = { "Sans Italic 10", 1.25, 4,  1,  14, TEXT_COLOUR,   TRUE },
  [CM_SUMMARY_TEXT_ATTRIBUTION]  = { "Sans 8.5",       1.2,  0,  6,  14, DIM_COLOUR,    FALSE },
  [CM_SUMMARY_TEXT_HEADING_1]    = { "Sans Bold 17",   1.1,  22, 10, 0,  ACCENT_COLOUR, TRUE },
  [CM_SUMMARY_TEXT_HEADING_2]    = { "Sans Bold 12.5", 1.1,  16, 6,  0,  ACCENT_COLOUR, TRUE },
  [CM_SUMMARY_TEXT_HEADING_3]    = { "Sans Bold 10.5", 1.1,  10, 4,  0,  TEXT_COLOUR,   TRUE },
  [CM_SUMMARY_TEXT_TITLE]        = { "Sans Bold 26",   1.1,  0,  8,  0,  ACCENT_COLOUR, FALSE },
  [CM_SUMMARY_TEXT_SUBTITLE]     = { "Sans 14",        1.15, 0,  18, 0,  DIM_COLOUR,    FALSE },
  [CM_SUMMARY_TEXT_KICKER]       = { "Sans Bold 9",    1.1,  0,  8,  0,  ACCENT_COLOUR, TRUE },
  [CM_SUMMARY_TEXT_TABLE]        = { "Sans 8.5",       1.2,  0,  0,  0,  TEXT_COLOUR,   FALSE },
  [CM_SUMMARY_TEXT_TABLE_HEADER] = { "Sans Bold 8",    1.15, 0,  0,  0,  TEXT_COLOUR,   FALSE },
  [CM_SUMMARY_TEXT_RUNNING]      = { "Sans 8",         1.0,  0,  0,  0,  DIM_COLOUR,    FALSE },
};

#define TABLE_PAD_Y      3.5
#define PLAIN_PAD_Y      2.0
#define TABLE_SPACE      8.0

/* Text boxes ------------------------------------------------------------ */

static void
text_box_free (TextBox *box)
{
  if (box == NULL)
    return;

  for (guint i = 0; i < box->n_lines; i++)
    pango_layout_line_unref (box->lines[i]);
  g_free (box->lines);
  g_free (box->top);
  g_free (box->bottom);
  g_free (box->baseline);
  g_free (box->x);
  g_clear_object (&box->layout);
  g_free (box);
}

static PangoLayout *
create_layout (CmSummaryFlow      *flow,
               CmSummaryTextStyle  style)
{
  PangoLayout *layout = pango_layout_new (flow->context);

  pango_layout_set_font_description (layout, flow->fonts[style]);
  if (styles[style].line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) styles[style].line_spacing);
  return layout;
}

static TextBox *
text_box_new (CmSummaryFlow      *flow,
              CmSummaryTextStyle  style,
              const char         *markup,
              double              width)
{
  TextBox *box = g_new0 (TextBox, 1);
  PangoLayoutIter *iter;
  PangoRectangle logical;
  GSList *lines;
  guint i = 0;

  box->layout = create_layout (flow, style);
  pango_layout_set_width (box->layout, pango_units_from_double (MAX (width, 1.0)));
  /* Words longer than the line are broken rather than run off the page. */
  pango_layout_set_wrap (box->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (box->layout, markup != NULL ? markup : "", -1);

  lines = pango_layout_get_lines_readonly (box->layout);
  box->n_lines = g_slist_length (lines);
  box->lines = g_new (PangoLayoutLine *, box->n_lines);
  box->top = g_new (double, box->n_lines);
  box->bottom = g_new (double, box->n_lines);
  box->baseline = g_new (double, box->n_lines);
  box->x = g_new (double, box->n_lines);

  iter = pango_layout_get_iter (box->layout);
  do
    {
      int y0, y1;

      g_assert (i < box->n_lines);
      box->lines[i] = pango_layout_line_ref (pango_layout_iter_get_line_readonly (iter));
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      box->top[i] = pango_units_to_double (y0);
      box->bottom[i] = pango_units_to_double (y1);
      box->baseline[i] = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      box->x[i] = pango_units_to_double (logical.x);
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  box->height = box->n_lines > 0 ? box->bottom[box->n_lines - 1] : 0.0;
  return box;
}

double
cm_summary_lines_height (const TextBox *box,
                         guint          first,
                         guint          last)
{
  if (last <= first)
    return 0.0;
  return box->bottom[last - 1] - box->top[first];
}

void
cm_summary_set_colour (cairo_t *cr,
                       guint32  colour)
{
  cairo_set_source_rgb (cr, ((colour >> 16) & 0xff) / 255.0, ((colour >> 8) & 0xff) / 255.0,
                        (colour & 0xff) / 255.0);
}

/* Blocks ---------------------------------------------------------------- */

static void
row_free (Row *row)
{
  if (row == NULL)
    return;

  for (guint i = 0; i < row->n_cells; i++)
    text_box_free (row->cells[i]);
  g_free (row->cells);
  g_free (row);
}

static void
table_free (CmSummaryTable *table)
{
  if (table == NULL)
    return;

  g_free (table->column_x);
  g_free (table->column_width);
  row_free (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  text_box_free (block->text);
  table_free (block->table);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  g_free (block->outline_text);
  g_free (block);
}

static Block *
add_block (CmSummaryFlow *flow,
           BlockKind      kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (flow->blocks, block);
  return block;
}

/* The flow ---------------------------------------------------------------- */

CmSummaryFlow *
cm_summary_flow_new (double width)
{
  CmSummaryFlow *flow = g_new0 (CmSummaryFlow, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  g_return_val_if_fail (width > 0, NULL);

  flow->width = width;
  /* A font map of its own, so that a flow built on a worker thread can be
   * drawn on another without the two sharing a font cache. */
  flow->font_map = pango_cairo_font_map_new ();
  flow->context = pango_font_map_create_context (flow->font_map);
  /* Unhinted metrics at 72 units to the inch: one point is one unit, and
   * a line breaks the same way at every scale. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (flow->context, options);
  pango_cairo_context_set_resolution (flow->context, 72.0);
  pango_context_set_round_glyph_positions (flow->context, FALSE);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < CM_SUMMARY_N_TEXT_STYLES; i++)
    flow->fonts[i] = pango_font_description_from_string (styles[i].font);

  flow->blocks = g_ptr_array_new_with_free_func (block_free);
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  flow->outline = g_array_new (FALSE, TRUE, sizeof (OutlineItem));
  return flow;
}

void
cm_summary_flow_free (CmSummaryFlow *flow)
{
  if (flow == NULL)
    return;

  g_ptr_array_unref (flow->pages);
  g_ptr_array_unref (flow->blocks);
  g_array_unref (flow->outline);
  for (guint i = 0; i < CM_SUMMARY_N_TEXT_STYLES; i++)
    pango_font_description_free (flow->fonts[i]);
  g_clear_object (&flow->context);
  g_clear_object (&flow->font_map);
  g_free (flow);
}

double
cm_summary_flow_get_width (CmSummaryFlow *flow)
{
  g_return_val_if_fail (flow != NULL, 0.0);

  return flow->width;
}

PangoLayout *
cm_summary_flow_create_layout (CmSummaryFlow      *flow,
                               CmSummaryTextStyle  style)
{
  g_return_val_if_fail (flow != NULL, NULL);
  g_return_val_if_fail (style < CM_SUMMARY_N_TEXT_STYLES, NULL);

  return create_layout (flow, style);
}

void
cm_summary_flow_set_text_colour (cairo_t            *cr,
                                 CmSummaryTextStyle  style)
{
  g_return_if_fail (style < CM_SUMMARY_N_TEXT_STYLES);

  cm_summary_set_colour (cr, styles[style].colour);
}

void
cm_summary_flow_add_text (CmSummaryFlow      *flow,
                          CmSummaryTextStyle  style,
                          const char         *markup)
{
  Block *block;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (style < CM_SUMMARY_N_TEXT_STYLES);

  block = add_block (flow, BLOCK_TEXT);
  block->style = style;
  block->space_before = styles[style].space_before;
  block->space_after = styles[style].space_after;
  block->indent = styles[style].indent;
  block->keep_with_next = styles[style].keep_with_next;
  block->text = text_box_new (flow, style, markup, flow->width - block->indent);
}

void
cm_summary_flow_add_heading (CmSummaryFlow *flow,
                             guint          level,
                             const char    *text,
                             gboolean       in_outline)
{
  static const CmSummaryTextStyle heading_styles[] = {
    CM_SUMMARY_TEXT_HEADING_1, CM_SUMMARY_TEXT_HEADING_2, CM_SUMMARY_TEXT_HEADING_3,
  };
  g_autofree char *markup = NULL;
  Block *block;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (level >= 1 && level <= 3);

  markup = g_markup_escape_text (text, -1);
  cm_summary_flow_add_text (flow, heading_styles[level - 1], markup);
  block = g_ptr_array_index (flow->blocks, flow->blocks->len - 1);
  block->keep_with_next = TRUE;
  if (in_outline)
    {
      block->outline_level = level;
      block->outline_text = g_strdup (text);
    }
}

void
cm_summary_flow_keep_with_next (CmSummaryFlow *flow)
{
  Block *block;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (flow->blocks->len > 0);

  block = g_ptr_array_index (flow->blocks, flow->blocks->len - 1);
  block->keep_with_next = TRUE;
}

void
cm_summary_flow_add_space (CmSummaryFlow *flow,
                           double         height)
{
  Block *block;

  g_return_if_fail (flow != NULL);

  block = add_block (flow, BLOCK_SPACE);
  block->height = MAX (height, 0.0);
}

void
cm_summary_flow_add_figure (CmSummaryFlow     *flow,
                            double             width,
                            double             height,
                            CmSummaryDrawFunc  draw,
                            gpointer           user_data,
                            GDestroyNotify     destroy)
{
  Block *block;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (draw != NULL);

  block = add_block (flow, BLOCK_FIGURE);
  block->width = CLAMP (width, 1.0, flow->width);
  block->height = MAX (height, 1.0);
  block->draw = draw;
  block->user_data = user_data;
  block->destroy = destroy;
  block->space_before = 4.0;
  block->space_after = 8.0;
}

void
cm_summary_flow_add_page_break (CmSummaryFlow *flow)
{
  g_return_if_fail (flow != NULL);

  add_block (flow, BLOCK_PAGE_BREAK);
}

void
cm_summary_flow_add_page_break_unless_room (CmSummaryFlow *flow,
                                            double         room)
{
  Block *block;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (room > 0);

  block = add_block (flow, BLOCK_PAGE_BREAK);
  block->height = room;
}

CmSummaryTable *
cm_summary_flow_add_table (CmSummaryFlow       *flow,
                           CmSummaryTableStyle  style,
                           guint                n_columns,
                           const double        *weights)
{
  CmSummaryTable *table;
  Block *block;
  double total = 0.0, x = 0.0;

  g_return_val_if_fail (flow != NULL, NULL);
  g_return_val_if_fail (n_columns > 0, NULL);
  g_return_val_if_fail (weights != NULL, NULL);

  table = g_new0 (CmSummaryTable, 1);
  table->flow = flow;
  table->style = style;
  table->n_columns = n_columns;
  table->width = flow->width;
  table->pad_y = style == CM_SUMMARY_TABLE_GRID ? TABLE_PAD_Y : PLAIN_PAD_Y;
  table->keep_together = style == CM_SUMMARY_TABLE_PLAIN;
  table->column_x = g_new (double, n_columns);
  table->column_width = g_new (double, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  for (guint i = 0; i < n_columns; i++)
    total += MAX (weights[i], 0.0);
  for (guint i = 0; i < n_columns; i++)
    {
      table->column_x[i] = x;
      table->column_width[i] = total > 0 ? table->width * MAX (weights[i], 0.0) / total
                                         : table->width / n_columns;
      x += table->column_width[i];
    }

  block = add_block (flow, BLOCK_TABLE);
  block->table = table;
  block->space_before = 2.0;
  block->space_after = TABLE_SPACE;
  return table;
}

static Row *
row_new (CmSummaryTable     *table,
         CmSummaryRowFlags   flags,
         CmSummaryTextStyle  style,
         const char * const *markup)
{
  Row *row = g_new0 (Row, 1);
  double content = 0.0;

  row->flags = flags;
  row->n_cells = (flags & CM_SUMMARY_ROW_GROUP) ? 1 : table->n_columns;
  row->cells = g_new0 (TextBox *, row->n_cells);
  for (guint i = 0; i < row->n_cells; i++)
    {
      double width = row->n_cells == 1 && table->n_columns > 1 ? table->width
                                                                : table->column_width[i];

      row->cells[i] = text_box_new (table->flow, style, markup[i], width - 2 * TABLE_PAD_X);
      content = MAX (content, row->cells[i]->height);
    }
  row->height = content + 2 * table->pad_y;
  return row;
}

void
cm_summary_table_set_header (CmSummaryTable     *table,
                             const char * const *markup)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (markup != NULL);

  row_free (table->header);
  table->header = row_new (table, CM_SUMMARY_ROW_NORMAL, CM_SUMMARY_TEXT_TABLE_HEADER, markup);
}

void
cm_summary_table_set_keep_together (CmSummaryTable *table,
                                    gboolean        keep_together)
{
  g_return_if_fail (table != NULL);

  table->keep_together = keep_together;
}

void
cm_summary_table_add_row (CmSummaryTable     *table,
                          CmSummaryRowFlags   flags,
                          const char * const *markup)
{
  CmSummaryTextStyle style = CM_SUMMARY_TEXT_TABLE;

  g_return_if_fail (table != NULL);
  g_return_if_fail (markup != NULL);

  if (flags & CM_SUMMARY_ROW_GROUP)
    style = CM_SUMMARY_TEXT_TABLE_HEADER;
  g_ptr_array_add (table->rows, row_new (table, flags, style, markup));
}
