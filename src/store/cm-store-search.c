/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-search"

#include "config.h"

#include "cm-store-private.h"
#include "cm-store-search.h"

/* Each kind of text has its own FTS5 index. Scoring relevance (bm25)
 * needs every match of a word counted first, which for a word in half of
 * 100,000 contributions costs more than a keystroke may; so each index
 * gives its newest matches, found in rowid order without scoring. Results
 * come activities first, then specification sections, then contributions,
 * newest first within each: the plan, the document, then what was said.
 *
 * The kinds are asked for one after another, each for only as many rows
 * as are still wanted, so that a snippet (which reads and tokenizes the
 * row's text again) is made only for a row that is returned. The trash is
 * applied while the matches stream past, before the limit, so that
 * trashed rows never crowd out live ones.
 *
 * Searching one cycle, the scan of the index is bounded by the lowest and
 * highest id of that cycle's rows: a cycle's rows were written during its
 * own months, so its ids lie close together, and a word common elsewhere
 * but rare in the cycle does not walk every match in the file. Within the
 * bounds, a row is checked against the cycle's ids gathered once, which
 * stays cheap when the ids of several cycles are interleaved. */

#define SNIPPET(index) "snippet(" index ", -1, char(1), char(2), '…', 16)"

#define NEWEST_MATCHES(index, columns, joins, live, in_cycle)                              \
  "SELECT " index ".rowid, " columns ", " SNIPPET (index)                                  \
  " FROM " index " " joins                                                                 \
  " WHERE " index " MATCH ?1 AND " live in_cycle                                           \
  " ORDER BY " index ".rowid DESC LIMIT ?2"

#define IN_CYCLE(index, lowest, highest, ids)                                              \
  " AND " index ".rowid >= (" lowest ") AND " index ".rowid <= (" highest ")"              \
  " AND +" index ".rowid IN (" ids ")"

/* CROSS JOIN keeps the index as the outer loop, so that its rowid order
 * is the order of the results and no sorting is needed. */
#define ACTIVITY_MATCHES(in_cycle)                                                         \
  NEWEST_MATCHES ("activity_fts", "activity.cycle_id, activity.title",                     \
                  "CROSS JOIN activity ON activity.id = activity_fts.rowid"                \
                  " CROSS JOIN cycle ON cycle.id = activity.cycle_id",                     \
                  "activity.trashed = 0 AND cycle.trashed = 0", in_cycle)

#define ACTIVITY_IDS "SELECT id FROM activity WHERE cycle_id = ?3"

#define SECTION_MATCHES(in_cycle)                                                          \
  NEWEST_MATCHES ("section_fts", "service_spec.cycle_id, spec_section.title",              \
                  "CROSS JOIN spec_section ON spec_section.id = section_fts.rowid"         \
                  " CROSS JOIN service_spec ON service_spec.id = spec_section.spec_id"     \
                  " CROSS JOIN cycle ON cycle.id = service_spec.cycle_id",                 \
                  "spec_section.trashed = 0 AND service_spec.trashed = 0"                  \
                  " AND cycle.trashed = 0", in_cycle)

#define SECTION_IDS                                                                        \
  "SELECT spec_section.id FROM service_spec"                                               \
  " JOIN spec_section ON spec_section.spec_id = service_spec.id"                           \
  " WHERE service_spec.cycle_id = ?3"

#define CONTRIBUTION_MATCHES(in_cycle)                                                     \
  NEWEST_MATCHES ("contribution_fts", "workshop.cycle_id, workshop.title",                 \
                  "CROSS JOIN contribution ON contribution.id = contribution_fts.rowid"    \
                  " CROSS JOIN workshop ON workshop.id = contribution.workshop_id"         \
                  " CROSS JOIN cycle ON cycle.id = workshop.cycle_id",                     \
                  "contribution.trashed = 0 AND workshop.trashed = 0"                      \
                  " AND cycle.trashed = 0", in_cycle)

#define CONTRIBUTION_IDS                                                                   \
  "SELECT contribution.id FROM workshop"                                                   \
  " JOIN contribution ON contribution.workshop_id = workshop.id"                           \
  " WHERE workshop.cycle_id = ?3"

/* A cycle holds thousands of contributions: its bounds come from each
 * workshop's first and last, two steps down an index apiece. */
#define CONTRIBUTION_BOUND(fn)                                                             \
  "SELECT " fn "((SELECT " fn "(id) FROM contribution"                                     \
  "  WHERE contribution.workshop_id = workshop.id))"                                       \
  " FROM workshop WHERE workshop.cycle_id = ?3"

typedef struct
{
  CmSearchKind  kind;
  const char   *every_cycle_sql;
  const char   *one_cycle_sql;
} SearchSource;

static const SearchSource sources[] = {
  {
    CM_SEARCH_KIND_ACTIVITY,
    ACTIVITY_MATCHES (""),
    ACTIVITY_MATCHES (IN_CYCLE ("activity_fts",
                                "SELECT min(id) FROM activity WHERE cycle_id = ?3",
                                "SELECT max(id) FROM activity WHERE cycle_id = ?3",
                                ACTIVITY_IDS)),
  },
  {
    CM_SEARCH_KIND_SECTION,
    SECTION_MATCHES (""),
    SECTION_MATCHES (IN_CYCLE ("section_fts",
                               "SELECT min(id) FROM (" SECTION_IDS ")",
                               "SELECT max(id) FROM (" SECTION_IDS ")",
                               SECTION_IDS)),
  },
  {
    CM_SEARCH_KIND_CONTRIBUTION,
    CONTRIBUTION_MATCHES (""),
    CONTRIBUTION_MATCHES (IN_CYCLE ("contribution_fts",
                                    CONTRIBUTION_BOUND ("min"),
                                    CONTRIBUTION_BOUND ("max"),
                                    CONTRIBUTION_IDS)),
  },
};

char *
cm_store_search_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *normalized = NULL;
  const char *p;
  const char *word = NULL;
  glong last_word_length = 0;

  if (text == NULL)
    return NULL;

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (normalized == NULL)
    return NULL;

  /* Every run of letters and digits becomes a quoted term, so that nothing
   * typed is read as FTS5 syntax. Only the last word is taken as a prefix:
   * the others have been typed in full. */
  for (p = normalized; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean in_word = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (in_word && word == NULL)
        word = p;
      else if (!in_word && word != NULL)
        {
          g_string_append_printf (query, "%s\"%.*s\"", query->len ? " " : "",
                                  (int) (p - word), word);
          last_word_length = g_utf8_strlen (word, p - word);
          word = NULL;
        }

      if (c == 0)
        break;
    }

  /* One letter as a prefix would match half the dictionary. */
  if (query->len > 0 && last_word_length > 1)
    g_string_append_c (query, '*');

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Appends to results the newest matches of one kind, at most limit. */
static gboolean
search_source (CmStore             *self,
               const SearchSource  *source,
               const char          *query,
               gint64               cycle_id,
               guint                limit,
               GListStore          *results,
               GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cm_store_prepare (self,
                           cycle_id != 0 ? source->one_cycle_sql : source->every_cycle_sql,
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (cycle_id != 0)
    sqlite3_bind_int64 (stmt, 3, cycle_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CmSearchResult) result =
        cm_search_result_new (source->kind,
                              sqlite3_column_int64 (stmt, 0),
                              sqlite3_column_int64 (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3));
      g_list_store_append (results, result);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cm_store_set_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

GListModel *
cm_store_search (CmStore     *self,
                 const char  *text,
                 gint64       cycle_id,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GListStore) results = g_list_store_new (CM_TYPE_SEARCH_RESULT);
  g_autofree char *query = NULL;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  query = cm_store_search_query_from_text (text);
  if (query == NULL)
    return G_LIST_MODEL (g_steal_pointer (&results));

  limit = MAX (limit, 1);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      guint found = g_list_model_get_n_items (G_LIST_MODEL (results));

      if (found >= limit)
        break;

      if (!search_source (self, &sources[i], query, cycle_id, limit - found, results, error))
        return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}
