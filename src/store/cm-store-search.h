/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-search-result.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* Searches activities, specification sections and contributions for every
 * word typed (each as a prefix, accents ignored), best matches first.
 * cycle_id 0 searches every cycle. Returns a list of CmSearchResult. */
GListModel *cm_store_search (CmStore     *self,
                             const char  *text,
                             gint64       cycle_id,
                             guint        limit,
                             GError     **error);

/* Turns what a person typed into a safe full-text query; NULL if it has no
 * words. Exposed for tests. */
char       *cm_store_search_query_from_text (const char *text);

G_END_DECLS
