/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The difference between two texts, as runs of kept, added and removed
 * text, word by word (within the lines that changed) or line by line. */

typedef enum
{
  CM_DIFF_SAME    = 0,
  CM_DIFF_ADDED   = 1,
  CM_DIFF_REMOVED = 2,
} CmDiffOp;

/* One run of text. Runs alternate: two neighbours never share an op. */
typedef struct
{
  CmDiffOp  op;
  char     *text;
} CmDiffSpan;

/* Both return a GPtrArray of CmDiffSpan: concatenating the SAME and
 * REMOVED runs gives @older back, the SAME and ADDED runs give @newer. */
GPtrArray *cm_diff_words       (const char *older,
                                const char *newer);
GPtrArray *cm_diff_lines       (const char *older,
                                const char *newer);
/* @text as a single run with @op. */
GPtrArray *cm_diff_whole       (CmDiffOp    op,
                                const char *text);
/* How many words (runs holding a letter or digit) the runs with @op hold. */
guint      cm_diff_count_words (GPtrArray  *spans,
                                CmDiffOp    op);

G_END_DECLS
