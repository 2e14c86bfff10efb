/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-search-result.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* Searches activities, specification sections and contributions for every
 * word typed (the last one also as a prefix, unless it is a single letter;
 * case and accents ignored), leaving out whatever is in the trash or
 * belongs to something that is. Results come activities first, then
 * sections, then contributions, newest first within each kind, at most
 * limit in all. cycle_id 0 searches every cycle. Returns a list of
 * CmSearchResult. */
GListModel *cm_store_search (CmStore     *self,
                             const char  *text,
                             gint64       cycle_id,
                             guint        limit,
                             GError     **error);

/* Turns what a person typed into a safe full-text query; NULL if it has no
 * words. Exposed for tests. */
char       *cm_store_search_query_from_text (const char *text);

G_END_DECLS
