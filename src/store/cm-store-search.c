/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-search"

#include "config.h"

#include "cm-store-private.h"
#include "cm-store-search.h"

/* Each kind of text has its own FTS5 index. Ranking a broad prefix such as
 * "advo" means scoring every one of tens of thousands of matches, so each
 * index ranks only its most recent CANDIDATES matches — found in rowid
 * order, which costs no scoring — and the three short lists are merged.
 * For a commissioning team the newest matching words are the ones they
 * are looking for; older ones appear as soon as the words are narrowed. */

#define CANDIDATES "400"

#define RECENT_MATCHES(index, alias)                                              \
  " " alias " AS (SELECT rowid, rank,"                                            \
  "        snippet(" index ", -1, char(1), char(2), '…', 16) AS snippet"          \
  "       FROM " index " WHERE " index " MATCH ?1"                                \
  "        AND rowid >= (SELECT coalesce(min(rowid), 0) FROM"                     \
  "              (SELECT rowid FROM " index " WHERE " index " MATCH ?1"           \
  "               ORDER BY rowid DESC LIMIT " CANDIDATES "))"                     \
  "       ORDER BY rank LIMIT ?2)"

static const char search_sql[] =
  "WITH"
  RECENT_MATCHES ("activity_fts", "a") ","
  RECENT_MATCHES ("section_fts", "s") ","
  RECENT_MATCHES ("contribution_fts", "c")
  " SELECT 0, activity.id, activity.cycle_id, activity.title, a.snippet, a.rank"
  "  FROM a JOIN activity ON activity.id = a.rowid"
  "  JOIN cycle ON cycle.id = activity.cycle_id"
  "  WHERE activity.trashed = 0 AND cycle.trashed = 0"
  "    AND (?3 = 0 OR activity.cycle_id = ?3)"
  " UNION ALL"
  " SELECT 1, spec_section.id, service_spec.cycle_id, spec_section.title, s.snippet, s.rank"
  "  FROM s JOIN spec_section ON spec_section.id = s.rowid"
  "  JOIN service_spec ON service_spec.id = spec_section.spec_id"
  "  JOIN cycle ON cycle.id = service_spec.cycle_id"
  "  WHERE spec_section.trashed = 0 AND service_spec.trashed = 0 AND cycle.trashed = 0"
  "    AND (?3 = 0 OR service_spec.cycle_id = ?3)"
  " UNION ALL"
  " SELECT 2, contribution.id, workshop.cycle_id, workshop.title, c.snippet, c.rank"
  "  FROM c JOIN contribution ON contribution.id = c.rowid"
  "  JOIN workshop ON workshop.id = contribution.workshop_id"
  "  JOIN cycle ON cycle.id = workshop.cycle_id"
  "  WHERE contribution.trashed = 0 AND workshop.trashed = 0 AND cycle.trashed = 0"
  "    AND (?3 = 0 OR workshop.cycle_id = ?3)"
  " ORDER BY 6 LIMIT ?2";

char *
cm_store_search_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *normalized = NULL;
  const char *p;
  const char *word = NULL;

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
          word = NULL;
        }

      if (c == 0)
        break;
    }

  if (query->len > 0)
    g_string_append_c (query, '*');

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
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
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  query = cm_store_search_query_from_text (text);
  if (query == NULL)
    return G_LIST_MODEL (g_steal_pointer (&results));

  stmt = cm_store_prepare (self, search_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) MAX (limit, 1));
  sqlite3_bind_int64 (stmt, 3, cycle_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CmSearchResult) result =
        cm_search_result_new (sqlite3_column_int (stmt, 0),
                              sqlite3_column_int64 (stmt, 1),
                              sqlite3_column_int64 (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3),
                              (const char *) sqlite3_column_text (stmt, 4));
      g_list_store_append (results, result);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cm_store_set_error (error, self->db, rc);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}
