/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-layout-paginate"

#include "config.h"

#include "cm-summary-layout-private.h"

/* Breaking the flow into pages: headings kept with what follows, no widows
 * or orphans, tables broken between rows (or between the lines of a row
 * taller than a page) with their header and group heading repeated. */

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
        double height = block->space_before + cm_summary_lines_height (block->text, 0, lines);

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

      while (fit < remaining &&
             cm_summary_lines_height (box, start, start + fit + 1) <= avail + EPSILON)
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
      pager->y += cm_summary_lines_height (box, start, start + fit);
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
