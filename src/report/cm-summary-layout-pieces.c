/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-layout-pieces"

#include "config.h"

#include "cm-summary-layout-private.h"

#include <string.h>

/* What went where, as last paginated: the pieces of each page, for tests,
 * and the outline of headings, for a PDF's bookmarks. */

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
      piece->height = cm_summary_lines_height (found->block->text, found->first, found->last);
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
