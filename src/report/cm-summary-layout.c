/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-layout"

#include "config.h"

#include "cm-summary-layout.h"

#include <math.h>
#include <pango/pangocairo.h>

/* Text is laid out once, when a block is added, at the width it will have
 * on paper. Paginating only moves whole lines and rows about; rendering
 * draws the lines of a page one by one, so that nothing of the text on
 * other pages is ever put into the page (a clip would hide it from the eye
 * but not from a PDF's text layer). */

#define EPSILON 0.01

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

#define TEXT_COLOUR   0x1d1d1f
#define DIM_COLOUR    0x55575c
#define ACCENT_COLOUR 0x1b4f8a
#define RULE_COLOUR   0xb8bcc4
#define SHADE_COLOUR  0xe9eef5
#define GROUP_COLOUR  0xf4f6f9
#define MARK_COLOUR   0xb3261e

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

#define TABLE_PAD_X      5.0
#define TABLE_PAD_Y      3.5
#define PLAIN_PAD_Y      2.0
#define TABLE_SPACE      8.0
#define MARK_WIDTH       2.5
#define QUOTE_BAR_WIDTH  2.0

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

static double
lines_height (const TextBox *box,
              guint          first,
              guint          last)
{
  if (last <= first)
    return 0.0;
  return box->bottom[last - 1] - box->top[first];
}

static void
set_colour (cairo_t *cr,
            guint32  colour)
{
  cairo_set_source_rgb (cr, ((colour >> 16) & 0xff) / 255.0, ((colour >> 8) & 0xff) / 255.0,
                        (colour & 0xff) / 255.0);
}

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

  set_colour (cr, styles[style].colour);
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

/* Pagination ------------------------------------------------------------ */

typedef struct
{
  CmSummaryFlow *flow;
  GArray        *page;     /* of Piece: the page being filled */
  double         y;
  double         bottom;
} Pager;

static void
pager_new_page (Pager *pager)
{
  pager->page = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_ptr_array_add (pager->flow->pages, pager->page);
  pager->y = 0.0;
}

static gboolean
pager_at_top (Pager *pager)
{
  return pager->y <= EPSILON;
}

static void
pager_place (Pager *pager,
             Piece *piece)
{
  g_array_append_val (pager->page, *piece);
}

/* The part of a row that fits above @limit without cutting a line of any
 * of its cells, from @from on. Returns @from when no line fits. */
static double
row_break (const CmSummaryTable *table,
           const Row            *row,
           double                from,
           double                limit)
{
  double cut = limit;
  gboolean changed = TRUE;

  while (changed && cut > from + EPSILON)
    {
      changed = FALSE;
      for (guint c = 0; c < row->n_cells; c++)
        {
          const TextBox *box = row->cells[c];

          for (guint i = 0; i < box->n_lines; i++)
            {
              double top = table->pad_y + box->top[i];
              double bottom = table->pad_y + box->bottom[i];

              if (top < cut - EPSILON && bottom > cut + EPSILON)
                {
                  cut = top;
                  changed = TRUE;
                  break;
                }
            }
        }
    }

  return cut > from + EPSILON ? cut : from;
}

static double
header_height (const CmSummaryTable *table)
{
  return table->header != NULL ? table->header->height : 0.0;
}

static double
table_height (const CmSummaryTable *table)
{
  double height = header_height (table);

  for (guint r = 0; r < table->rows->len; r++)
    height += ((Row *) g_ptr_array_index (table->rows, r))->height;
  return height;
}

/* A table kept together goes whole onto one page, if it is small enough
 * not to leave most of a page empty. */
static gboolean
table_is_kept_together (const CmSummaryTable *table,
                        double                body_height)
{
  return table->keep_together && table_height (table) <= body_height / 2;
}

/* The least of a block that must go on the same page as a heading before
 * it: a few lines, a table's header and first row, a whole figure. */
static double
min_start_height (CmSummaryFlow *flow,
                  guint          index,
                  guint          depth)
{
  Block *block;

  if (index >= flow->blocks->len || depth > 4)
    return 0.0;

  block = g_ptr_array_index (flow->blocks, index);
  switch (block->kind)
    {
    case BLOCK_TEXT:
      {
        guint n = block->text->n_lines;
        guint lines = n <= CM_SUMMARY_MIN_LINES * 2 - 1 ? n : CM_SUMMARY_MIN_LINES;
        double height = block->space_before + lines_height (block->text, 0, lines);

        if (block->keep_with_next)
          height += block->space_after + min_start_height (flow, index + 1, depth + 1);
        return height;
      }

    case BLOCK_TABLE:
      {
        CmSummaryTable *table = block->table;
        double height = block->space_before + header_height (table);

        /* A small table kept with what follows brings that along too. */
        if (block->keep_with_next && table_height (table) < flow->body_height / 3)
          return block->space_before + table_height (table) + block->space_after +
                 min_start_height (flow, index + 1, depth + 1);
        if (table_is_kept_together (table, flow->body_height))
          return block->space_before + table_height (table);
        if (table->rows->len > 0)
          {
            Row *row = g_ptr_array_index (table->rows, 0);
            height += MIN (row->height, flow->body_height / 4);
          }
        return height;
      }

    case BLOCK_FIGURE:
      return block->space_before + MIN (block->height, flow->body_height);

    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    default:
      return 0.0;
    }
}

static void
place_text (Pager *pager,
            Block *block)
{
  const TextBox *box = block->text;
  guint start = 0;

  while (start < box->n_lines)
    {
      double avail = pager->bottom - pager->y;
      guint remaining = box->n_lines - start;
      guint fit = 0;
      Piece piece = { block, pager->y, 0, start, 0, 0, 0, 1.0 };

      while (fit < remaining && lines_height (box, start, start + fit + 1) <= avail + EPSILON)
        fit++;

      if (fit < remaining)
        {
          if (!pager_at_top (pager))
            {
              /* Orphans: too few lines would be left at the bottom. */
              if (fit < CM_SUMMARY_MIN_LINES)
                {
                  pager_new_page (pager);
                  continue;
                }
              /* Widows: too few lines would go over to the next page. */
              if (remaining - fit < CM_SUMMARY_MIN_LINES)
                {
                  fit = remaining - CM_SUMMARY_MIN_LINES;
                  if (fit < CM_SUMMARY_MIN_LINES)
                    {
                      pager_new_page (pager);
                      continue;
                    }
                }
            }
          else
            {
              /* A page of nothing but this paragraph: it must break here,
               * but still leaves no single line over when it can. */
              fit = MAX (fit, 1);
              if (remaining - fit < CM_SUMMARY_MIN_LINES && fit > CM_SUMMARY_MIN_LINES)
                fit = MAX (remaining - CM_SUMMARY_MIN_LINES, CM_SUMMARY_MIN_LINES);
            }
        }

      piece.last = start + fit;
      pager_place (pager, &piece);
      pager->y += lines_height (box, start, start + fit);
      start += fit;
      if (start < box->n_lines)
        pager_new_page (pager);
    }
}

static void
place_header (Pager          *pager,
              Block          *block,
              CmSummaryTable *table)
{
  Piece piece = { block, pager->y, -1, 0, 0, 0, 0, 1.0, FALSE };

  if (table->header == NULL)
    return;

  piece.to = table->header->height;
  pager_place (pager, &piece);
  pager->y += table->header->height;
}

/* Goes on to a new page in the middle of a table: the header again and,
 * when the rows go on under a group heading, that heading again. Returns
 * where the rows start. */
static double
continue_table (Pager          *pager,
                Block          *block,
                CmSummaryTable *table,
                int             group,
                guint           next_row)
{
  Row *next = g_ptr_array_index (table->rows, next_row);

  pager_new_page (pager);
  place_header (pager, block, table);

  if (group >= 0 && !(next->flags & CM_SUMMARY_ROW_GROUP))
    {
      Row *heading = g_ptr_array_index (table->rows, (guint) group);
      Piece piece = { block, pager->y, group, 0, 0, 0, heading->height, 1.0, TRUE };

      pager_place (pager, &piece);
      pager->y += heading->height;
    }

  return pager->y;
}

static void
place_table (Pager *pager,
             Block *block)
{
  CmSummaryTable *table = block->table;
  double header = header_height (table);
  double start = -1.0;   /* where rows start on a page the table began at the top of */
  int group = -1;

  if (!pager_at_top (pager) && table_is_kept_together (table, pager->flow->body_height) &&
      pager->y + table_height (table) > pager->bottom + EPSILON)
    pager_new_page (pager);

  /* Never a header (or a group heading) alone at the foot of a page. */
  if (!pager_at_top (pager) && table->rows->len > 0)
    {
      double quarter = pager->flow->body_height / 4;
      Row *first = g_ptr_array_index (table->rows, 0);
      double need = header + MIN (first->height, quarter);

      if ((first->flags & CM_SUMMARY_ROW_GROUP) && table->rows->len > 1)
        need += MIN (((Row *) g_ptr_array_index (table->rows, 1))->height, quarter);
      if (pager->y + need > pager->bottom + EPSILON)
        pager_new_page (pager);
    }
  if (pager_at_top (pager))
    start = header;
  place_header (pager, block, table);

  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);
      Piece piece = { block, pager->y, (int) r, 0, 0, 0, row->height, 1.0, FALSE };
      double need = row->height;
      double from = 0.0;

      /* A group heading is kept with the start of the row after it. */
      if ((row->flags & CM_SUMMARY_ROW_GROUP) && r + 1 < table->rows->len)
        {
          Row *next = g_ptr_array_index (table->rows, r + 1);
          need += MIN (next->height, pager->flow->body_height / 4);
        }

      /* The first row was seen to fit, at least in part, before the header
       * was placed. */
      if (r > 0 && pager->y + need > pager->bottom + EPSILON && pager->y > start + EPSILON)
        {
          start = continue_table (pager, block, table, group, r);
          piece.y = pager->y;
        }

      if (row->flags & CM_SUMMARY_ROW_GROUP)
        group = (int) r;

      if (pager->y + row->height <= pager->bottom + EPSILON)
        {
          pager_place (pager, &piece);
          pager->y += row->height;
          continue;
        }

      /* Taller than a page: break it between lines. */
      while (from < row->height - EPSILON)
        {
          double limit = from + (pager->bottom - pager->y);
          double cut;

          if (limit >= row->height - table->pad_y - EPSILON)
            cut = row->height;
          else
            {
              cut = row_break (table, row, from, limit);
              if (cut <= from + EPSILON)
                {
                  if (pager->y > start + EPSILON)
                    {
                      start = continue_table (pager, block, table, group, r);
                      continue;
                    }
                  cut = limit;  /* one line taller than a page: no choice */
                }
            }

          piece.y = pager->y;
          piece.from = from;
          piece.to = cut;
          pager_place (pager, &piece);
          pager->y += cut - from;
          from = cut;
          if (from < row->height - EPSILON)
            start = continue_table (pager, block, table, group, r);
        }
    }
}

static void
place_figure (Pager *pager,
              Block *block)
{
  Piece piece = { block, 0, 0, 0, 0, 0, 0, 1.0 };
  double height = block->height;

  if (height > pager->flow->body_height)
    {
      piece.scale = pager->flow->body_height / height;
      height = pager->flow->body_height;
    }
  if (pager->y + height > pager->bottom + EPSILON && !pager_at_top (pager))
    pager_new_page (pager);

  piece.y = pager->y;
  pager_place (pager, &piece);
  pager->y += height;
}

guint
cm_summary_flow_paginate (CmSummaryFlow *flow,
                          double         body_height)
{
  Pager pager = { flow, NULL, 0.0, body_height };

  g_return_val_if_fail (flow != NULL, 0);
  g_return_val_if_fail (body_height > 0, 0);

  flow->body_height = body_height;
  g_ptr_array_set_size (flow->pages, 0);
  g_array_set_size (flow->outline, 0);
  pager_new_page (&pager);

  for (guint i = 0; i < flow->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (flow->blocks, i);
      double before = pager_at_top (&pager) ? 0.0 : block->space_before;

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          /* block->height is the room below which to break: all of it for
           * an unconditional break. */
          if (pager.page->len > 0 &&
              (block->height <= 0 || pager.bottom - pager.y < block->height))
            pager_new_page (&pager);
          continue;
        }

      if (block->kind == BLOCK_SPACE)
        {
          if (!pager_at_top (&pager))
            pager.y = MIN (pager.y + block->height, pager.bottom);
          continue;
        }

      if (pager.y + before > pager.bottom)
        pager_new_page (&pager);
      else
        pager.y += before;

      if (block->keep_with_next && !pager_at_top (&pager))
        {
          double own = block->kind == BLOCK_TEXT ? block->text->height :
                       block->kind == BLOCK_TABLE ? table_height (block->table) : block->height;

          if (own < body_height / 3)
            {
              double need = own + block->space_after + min_start_height (flow, i + 1, 0);

              if (pager.y + need > pager.bottom + EPSILON)
                pager_new_page (&pager);
            }
        }

      if (block->outline_level > 0)
        {
          OutlineItem item = { block->outline_level, block->outline_text,
                               flow->pages->len - 1, pager.y };
          g_array_append_val (flow->outline, item);
        }

      switch (block->kind)
        {
        case BLOCK_TEXT:
          place_text (&pager, block);
          break;
        case BLOCK_TABLE:
          place_table (&pager, block);
          break;
        case BLOCK_FIGURE:
          place_figure (&pager, block);
          break;
        case BLOCK_SPACE:
        case BLOCK_PAGE_BREAK:
        default:
          g_assert_not_reached ();
        }

      pager.y = MIN (pager.y + block->space_after, pager.bottom);
    }

  flow->end_y = pager.y;

  /* A page break at the very end leaves no blank page. */
  if (flow->pages->len > 1 && pager.page->len == 0)
    g_ptr_array_set_size (flow->pages, flow->pages->len - 1);

  return flow->pages->len;
}

double
cm_summary_flow_get_end (CmSummaryFlow *flow)
{
  g_return_val_if_fail (flow != NULL, 0.0);

  return flow->end_y;
}

guint
cm_summary_flow_get_n_pages (CmSummaryFlow *flow)
{
  g_return_val_if_fail (flow != NULL, 0);

  return flow->pages->len;
}

/* Rendering ------------------------------------------------------------- */

static void
fill_rect (cairo_t *cr,
           guint32  colour,
           double   x,
           double   y,
           double   width,
           double   height)
{
  set_colour (cr, colour);
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
  set_colour (cr, colour);
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
  double height = lines_height (block->text, piece->first, piece->last);

  if (block->style == CM_SUMMARY_TEXT_QUOTE)
    fill_rect (cr, ACCENT_COLOUR, block->indent - 8.0, piece->y, QUOTE_BAR_WIDTH, height);

  set_colour (cr, styles[block->style].colour);
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

          set_colour (cr, TEXT_COLOUR);
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

guint
cm_summary_flow_get_n_blocks (CmSummaryFlow *flow)
{
  g_return_val_if_fail (flow != NULL, 0);

  return flow->blocks->len;
}

guint
cm_summary_flow_get_n_pieces (CmSummaryFlow *flow,
                              guint          page)
{
  g_return_val_if_fail (flow != NULL, 0);

  if (page >= flow->pages->len)
    return 0;
  return ((GArray *) g_ptr_array_index (flow->pages, page))->len;
}

void
cm_summary_flow_get_piece (CmSummaryFlow *flow,
                           guint          page,
                           guint          index,
                           CmSummaryPiece *piece)
{
  GArray *pieces;
  const Piece *found;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (page < flow->pages->len);
  g_return_if_fail (piece != NULL);

  pieces = g_ptr_array_index (flow->pages, page);
  g_return_if_fail (index < pieces->len);

  found = &g_array_index (pieces, Piece, index);
  memset (piece, 0, sizeof *piece);
  for (guint i = 0; i < flow->blocks->len; i++)
    if (g_ptr_array_index (flow->blocks, i) == found->block)
      piece->block = i;
  piece->y = found->y;
  switch (found->block->kind)
    {
    case BLOCK_TEXT:
      piece->kind = CM_SUMMARY_PIECE_TEXT;
      piece->first = found->first;
      piece->last = found->last;
      piece->n_lines = found->block->text->n_lines;
      piece->height = lines_height (found->block->text, found->first, found->last);
      break;
    case BLOCK_TABLE:
      piece->kind = CM_SUMMARY_PIECE_TABLE_ROW;
      piece->row = found->row;
      piece->repeated = found->repeated;
      piece->whole_row = found->from <= EPSILON &&
                         (found->row < 0 ||
                          found->to >= ((Row *) g_ptr_array_index (found->block->table->rows,
                                                                   (guint) found->row))->height
                                       - EPSILON);
      piece->height = found->to - found->from;
      break;
    case BLOCK_FIGURE:
      piece->kind = CM_SUMMARY_PIECE_FIGURE;
      piece->height = found->block->height * found->scale;
      break;
    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    default:
      g_assert_not_reached ();
    }
}

guint
cm_summary_flow_get_n_outline (CmSummaryFlow *flow)
{
  g_return_val_if_fail (flow != NULL, 0);

  return flow->outline->len;
}

void
cm_summary_flow_get_outline (CmSummaryFlow  *flow,
                             guint           index,
                             guint          *level,
                             const char    **text,
                             guint          *page,
                             double         *y)
{
  const OutlineItem *item;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (index < flow->outline->len);

  item = &g_array_index (flow->outline, OutlineItem, index);
  if (level != NULL)
    *level = item->level;
  if (text != NULL)
    *text = item->text;
  if (page != NULL)
    *page = item->page;
  if (y != NULL)
    *y = item->y;
}
