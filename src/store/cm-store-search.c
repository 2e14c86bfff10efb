/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-search"

#include "config.h"

#include "cm-store-private.h"
#include "cm-store-search.h"

/* Each kind of text has its own FTS5 index. Scoring relevance (bm25)
 * needs every match of a word counted first, which for a word in half of
 * 100,000 contributions costs more than a keystroke may; so each index
 * gives its newest matches, found in rowid order without scoring, with
 * the cycle and the trash applied as the rows stream past. Results come
 * activities first, then specification sections, then contributions,
 * newest first within each: the plan, the document, then what was said. */

#define NEWEST_MATCHES(index, alias, in_cycle)                                     \
  " " alias " AS (SELECT rowid,"                                                   \
  "        snippet(" index ", -1, char(1), char(2), '…', 16) AS snippet"           \
  "       FROM " index " WHERE " index " MATCH ?1"                                 \
  "        AND (?3 = 0 OR +rowid IN (" in_cycle "))"                               \
  "       ORDER BY rowid DESC LIMIT ?2)"

static const char search_sql[] =
  "WITH"
  NEWEST_MATCHES ("activity_fts", "a",
                  "SELECT id FROM activity WHERE cycle_id = ?3") ","
  NEWEST_MATCHES ("section_fts", "s",
                  "SELECT spec_section.id FROM spec_section JOIN service_spec"
                  " ON service_spec.id = spec_section.spec_id WHERE service_spec.cycle_id = ?3") ","
  NEWEST_MATCHES ("contribution_fts", "c",
                  "SELECT contribution.id FROM contribution JOIN workshop"
                  " ON workshop.id = contribution.workshop_id WHERE workshop.cycle_id = ?3")
  " SELECT 0, activity.id, activity.cycle_id, activity.title, a.snippet"
  "  FROM a JOIN activity ON activity.id = a.rowid"
  "  JOIN cycle ON cycle.id = activity.cycle_id"
  "  WHERE activity.trashed = 0 AND cycle.trashed = 0"
  " UNION ALL"
  " SELECT 1, spec_section.id, service_spec.cycle_id, spec_section.title, s.snippet"
  "  FROM s JOIN spec_section ON spec_section.id = s.rowid"
  "  JOIN service_spec ON service_spec.id = spec_section.spec_id"
  "  JOIN cycle ON cycle.id = service_spec.cycle_id"
  "  WHERE spec_section.trashed = 0 AND service_spec.trashed = 0 AND cycle.trashed = 0"
  " UNION ALL"
  " SELECT 2, contribution.id, workshop.cycle_id, workshop.title, c.snippet"
  "  FROM c JOIN contribution ON contribution.id = c.rowid"
  "  JOIN workshop ON workshop.id = contribution.workshop_id"
  "  JOIN cycle ON cycle.id = workshop.cycle_id"
  "  WHERE contribution.trashed = 0 AND workshop.trashed = 0 AND cycle.trashed = 0"
  " ORDER BY 1, 2 DESC LIMIT ?2";

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
