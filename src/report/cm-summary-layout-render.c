/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-layout-render"

#include "config.h"

#include "cm-summary-layout-private.h"

#include <pango/pangocairo.h>

/* Drawing one page of a paginated flow: the lines, rows and figures placed
 * on it, and nothing of the other pages. */

#define MARK_WIDTH       2.5
#define QUOTE_BAR_WIDTH  2.0

/* Draws lines [first, last) with the top of line @first at @y. */
static void
text_box_draw_lines (const TextBox *box,
                     cairo_t       *cr,
                     double         x,
                     double         y,
                     guint          first,
                     guint          last)
{
  double shift = y - (first < box->n_lines ? box->top[first] : 0.0);

  for (guint i = first; i < last && i < box->n_lines; i++)
    {
      cairo_move_to (cr, x + box->x[i], shift + box->baseline[i]);
      pango_cairo_show_layout_line (cr, box->lines[i]);
    }
}

static void
fill_rect (cairo_t *cr,
           guint32  colour,
           double   x,
           double   y,
           double   width,
           double   height)
{
  cm_summary_set_colour (cr, colour);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

static void
draw_rule (cairo_t *cr,
           guint32  colour,
           double   line_width,
           double   x0,
           double   x1,
           double   y)
{
  cm_summary_set_colour (cr, colour);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
render_text (CmSummaryFlow *flow,
             cairo_t       *cr,
             const Piece   *piece)
{
  Block *block = piece->block;
  double height = cm_summary_lines_height (block->text, piece->first, piece->last);

  if (block->style == CM_SUMMARY_TEXT_QUOTE)
    fill_rect (cr, ACCENT_COLOUR, block->indent - 8.0, piece->y, QUOTE_BAR_WIDTH, height);

  cm_summary_flow_set_text_colour (cr, block->style);
  text_box_draw_lines (block->text, cr, block->indent, piece->y, piece->first, piece->last);

  if (block->style == CM_SUMMARY_TEXT_HEADING_1 && piece->last == block->text->n_lines)
    draw_rule (cr, ACCENT_COLOUR, 1.0, 0.0, flow->width, piece->y + height + 3.0);
}

static void
render_row (cairo_t     *cr,
            const Piece *piece)
{
  CmSummaryTable *table = piece->block->table;
  const Row *row = piece->row < 0 ? table->header
                                  : g_ptr_array_index (table->rows, (guint) piece->row);
  gboolean grid = table->style == CM_SUMMARY_TABLE_GRID;
  double height = piece->to - piece->from;

  if (piece->row < 0 && grid)
    fill_rect (cr, SHADE_COLOUR, 0, piece->y, table->width, height);
  else if (row->flags & CM_SUMMARY_ROW_GROUP)
    fill_rect (cr, GROUP_COLOUR, 0, piece->y, table->width, height);

  if (row->flags & CM_SUMMARY_ROW_MARKED)
    fill_rect (cr, MARK_COLOUR, 0, piece->y, MARK_WIDTH, height);

  for (guint c = 0; c < row->n_cells; c++)
    {
      const TextBox *box = row->cells[c];
      guint first = box->n_lines, last = 0;

      for (guint i = 0; i < box->n_lines; i++)
        {
          double top = table->pad_y + box->top[i];
          double bottom = table->pad_y + box->bottom[i];

          if (top >= piece->from - EPSILON && bottom <= piece->to + EPSILON)
            {
              first = MIN (first, i);
              last = MAX (last, i + 1);
            }
        }

      if (first < last)
        {
          double y = piece->y + table->pad_y + box->top[first] - piece->from;

          cm_summary_set_colour (cr, TEXT_COLOUR);
          text_box_draw_lines (box, cr, table->column_x[c] + TABLE_PAD_X, y, first, last);
        }
    }

  if (!grid)
    return;

  if (piece->row < 0)
    draw_rule (cr, ACCENT_COLOUR, 1.0, 0, table->width, piece->y + height);
  else if (piece->to >= row->height - EPSILON)
    draw_rule (cr, RULE_COLOUR, 0.5, 0, table->width, piece->y + height);
  if (row->flags & CM_SUMMARY_ROW_TOTAL && piece->from <= EPSILON)
    draw_rule (cr, TEXT_COLOUR, 1.0, 0, table->width, piece->y);
}

static void
render_figure (CmSummaryFlow *flow,
               cairo_t       *cr,
               const Piece   *piece)
{
  Block *block = piece->block;
  double width = block->width * piece->scale;

  cairo_save (cr);
  cairo_translate (cr, (flow->width - width) / 2.0, piece->y);
  cairo_scale (cr, piece->scale, piece->scale);
  cairo_rectangle (cr, 0, 0, block->width, block->height);
  cairo_clip (cr);
  block->draw (cr, block->width, block->height, block->user_data);
  cairo_restore (cr);
}

void
cm_summary_flow_render_page (CmSummaryFlow *flow,
                             guint          page,
                             cairo_t       *cr)
{
  GArray *pieces;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (cr != NULL);

  if (page >= flow->pages->len)
    return;

  pieces = g_ptr_array_index (flow->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);

      cairo_save (cr);
      switch (piece->block->kind)
        {
        case BLOCK_TEXT:
          render_text (flow, cr, piece);
          break;
        case BLOCK_TABLE:
          render_row (cr, piece);
          break;
        case BLOCK_FIGURE:
          render_figure (flow, cr, piece);
          break;
        case BLOCK_SPACE:
        case BLOCK_PAGE_BREAK:
        default:
          break;
        }
      cairo_restore (cr);
    }
  cairo_restore (cr);
}
