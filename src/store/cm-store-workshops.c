/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-workshops"

#include "config.h"

#include "cm-store-workshops.h"

#include <glib/gi18n.h>

#include "cm-store-private.h"

/* Workshop queries. Themes are kept one to a line in a single column, so
 * counting them splits the lines in SQL with a recursive query rather
 * than loading every contribution. */

void
cm_theme_count_free (CmThemeCount *count)
{
  if (count == NULL)
    return;

  g_free (count->theme);
  g_free (count);
}

void
cm_said_did_free (CmSaidDid *said_did)
{
  if (said_did == NULL)
    return;

  g_clear_object (&said_did->action);
  g_clear_pointer (&said_did->contributions, g_ptr_array_unref);
  g_free (said_did);
}

GPtrArray *
cm_store_count_themes (CmStore  *self,
                       gint64    cycle_id,
                       gint64    workshop_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  sql = g_strdup_printf (
    "WITH RECURSIVE split (theme, rest) AS ("
    "  SELECT NULL, themes || char(10) FROM contribution"
    "  WHERE trashed = 0 AND themes != '' AND %s"
    "  UNION ALL"
    "  SELECT substr (rest, 1, instr (rest, char(10)) - 1),"
    "         substr (rest, instr (rest, char(10)) + 1)"
    "  FROM split WHERE rest != ''"
    ") "
    "SELECT theme, count(*) FROM split WHERE theme IS NOT NULL AND theme != '' "
    "GROUP BY theme ORDER BY count(*) DESC, theme",
    workshop_id != 0
    ? "workshop_id = ?1"
    : "workshop_id IN (SELECT id FROM workshop WHERE cycle_id = ?1 AND trashed = 0)");

  stmt = cm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, workshop_id != 0 ? workshop_id : cycle_id);

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) cm_theme_count_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CmThemeCount *count = g_new0 (CmThemeCount, 1);

      count->theme = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      count->count = (guint) sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (counts, count);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cm_store_set_error (error, self->db, rc);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

GPtrArray *
cm_store_list_said_did (CmStore  *self,
                        gint64    cycle_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GString) sql = NULL;
  CmTable *table = &cm_table_contribution;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  actions = cm_store_select_objects (self, &cm_table_action, "cycle_id = ?1", cycle_id, error);
  if (actions == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) cm_said_did_free);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < actions->len; i++)
    {
      CmSaidDid *said_did = g_new0 (CmSaidDid, 1);
      gint64 *id = g_new (gint64, 1);

      said_did->action = g_object_ref (g_ptr_array_index (actions, i));
      said_did->contributions = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (result, said_did);
      *id = cm_action_get_id (said_did->action);
      g_hash_table_insert (by_id, id, said_did);
    }

  /* The contribution's own columns come first, as cm_store_object_from_row()
   * expects, and the action they answer last. */
  sql = g_string_new ("SELECT contribution.id");
  for (guint i = 0; i < table->n_columns; i++)
    g_string_append_printf (sql, ", contribution.%s", table->columns[i].name);
  g_string_append (sql,
                   ", link.action_id FROM contribution "
                   "JOIN action_contribution AS link ON link.contribution_id = contribution.id "
                   "WHERE link.action_id IN "
                   "  (SELECT id FROM action WHERE cycle_id = ?1 AND trashed = 0) "
                   "AND contribution.trashed = 0 "
                   "AND contribution.workshop_id IN (SELECT id FROM workshop WHERE trashed = 0) "
                   "ORDER BY link.action_id, contribution.id");

  stmt = cm_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, cycle_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 action_id = sqlite3_column_int64 (stmt, (int) table->n_columns + 1);
      CmSaidDid *said_did = g_hash_table_lookup (by_id, &action_id);
      GObject *contribution = cm_store_object_from_row (self, table, stmt);

      if (said_did != NULL)
        g_ptr_array_add (said_did->contributions, contribution);
      else
        g_object_unref (contribution);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cm_store_set_error (error, self->db, rc);
      return NULL;
    }

  return g_steal_pointer (&result);
}

static int
compare_workshops_by_start (gconstpointer a,
                            gconstpointer b)
{
  CmWorkshop *first = *(CmWorkshop **) a;
  CmWorkshop *second = *(CmWorkshop **) b;
  GDateTime *first_start = cm_workshop_get_starts_at (first);
  GDateTime *second_start = cm_workshop_get_starts_at (second);

  /* Workshops without a date come last, in the order they were made. */
  if (first_start != NULL && second_start != NULL)
    {
      int order = g_date_time_compare (first_start, second_start);
      if (order != 0)
        return order;
    }
  else if (first_start != NULL || second_start != NULL)
    return first_start != NULL ? -1 : 1;

  return (cm_workshop_get_id (first) > cm_workshop_get_id (second)) -
         (cm_workshop_get_id (first) < cm_workshop_get_id (second));
}

GPtrArray *
cm_store_list_attended_workshops (CmStore  *self,
                                  gint64    participant_id,
                                  GError  **error)
{
  GPtrArray *workshops;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  workshops = cm_store_select_objects (self, &cm_table_workshop,
                                       "id IN (SELECT workshop_id FROM attendance "
                                       "WHERE participant_id = ?1)",
                                       participant_id, error);
  if (workshops != NULL)
    g_ptr_array_sort (workshops, compare_workshops_by_start);

  return workshops;
}

/* Speakers --------------------------------------------------------------- */

/* Lower case, without accents, "_" read as a space, spaces squeezed. */
static char *
fold_name (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autofree char *folded = g_utf8_casefold (decomposed ? decomposed : "", -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;

      if (c == '_' || g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

guint
cm_name_match_score (const char *name,
                     const char *typed)
{
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_typed = NULL;
  g_autofree char *squeezed_name = NULL;
  g_autofree char *squeezed_typed = NULL;
  g_auto(GStrv) words = NULL;
  guint best = 0;

  if (name == NULL || typed == NULL)
    return 0;

  folded_name = fold_name (name);
  folded_typed = fold_name (typed);
  if (*folded_name == '\0' || *folded_typed == '\0')
    return 0;

  if (g_str_equal (folded_name, folded_typed))
    return 100;

  words = g_strsplit_set (folded_name, " -", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], folded_typed))
        best = MAX (best, i == 0 ? 85 : 80);
      else if (*words[i] != '\0' && g_str_has_prefix (words[i], folded_typed))
        best = MAX (best, i == 0 ? 55 : 50);
    }

  if (g_str_has_prefix (folded_name, folded_typed))
    best = MAX (best, 70);

  squeezed_name = without_spaces (folded_name);
  squeezed_typed = without_spaces (folded_typed);
  if (g_str_has_prefix (squeezed_name, squeezed_typed))
    best = MAX (best, 60);

  return best;
}

static CmParticipant *
best_match (GPtrArray  *participants,
            const char *typed)
{
  CmParticipant *best = NULL;
  guint best_score = 0;

  for (guint i = 0; i < participants->len; i++)
    {
      CmParticipant *participant = g_ptr_array_index (participants, i);
      guint score;

      if (cm_participant_get_erased (participant))
        continue;

      score = cm_name_match_score (cm_participant_get_name (participant), typed);
      if (score > best_score)
        {
          best = participant;
          best_score = score;
        }
    }

  return best != NULL ? g_object_ref (best) : NULL;
}

CmParticipant *
cm_store_find_speaker (CmStore     *self,
                       gint64       workshop_id,
                       const char  *typed,
                       gboolean    *attending,
                       GError     **error)
{
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  CmParticipant *found;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);
  g_return_val_if_fail (typed != NULL, NULL);

  if (attending != NULL)
    *attending = FALSE;

  attendees = cm_store_select_objects (self, &cm_table_participant,
                                       "id IN (SELECT participant_id FROM attendance "
                                       "WHERE workshop_id = ?1)",
                                       workshop_id, error);
  if (attendees == NULL)
    return NULL;

  found = best_match (attendees, typed);
  if (found != NULL)
    {
      if (attending != NULL)
        *attending = TRUE;
      return found;
    }

  everyone = cm_store_select_objects (self, &cm_table_participant, "erased = 0", 0, error);
  if (everyone == NULL)
    return NULL;

  return best_match (everyone, typed);
}

/* Connections -------------------------------------------------------------- */

#define COMPANION_CHECKPOINT_PAGES 1000

static int
on_companion_log_committed (gpointer    user_data,
                            sqlite3    *db,
                            const char *name,
                            int         n_pages)
{
  CmStore *companion = user_data;

  if (n_pages >= COMPANION_CHECKPOINT_PAGES && companion->checkpointer != NULL)
    cm_checkpointer_request (companion->checkpointer);

  return SQLITE_OK;
}

CmContribution *
cm_store_adopt_contribution (CmStore  *self,
                             gint64    id,
                             GError  **error)
{
  GObject *contribution;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);
  g_return_val_if_fail (id > 0, NULL);

  contribution = cm_store_get_object (self, &cm_table_contribution, id, error);
  if (contribution != NULL)
    cm_store_notify_added (self, contribution);

  return (CmContribution *) contribution;
}

CmStore *
cm_store_open_companion (CmStore  *self,
                         guint     busy_timeout_ms,
                         GError  **error)
{
  g_autoptr(CmStore) companion = NULL;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  companion = g_object_new (CM_TYPE_STORE, NULL);
  companion->path = g_strdup (self->path);
  companion->schema_version = self->schema_version;

  rc = sqlite3_open_v2 (self->path, &companion->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      cm_store_set_error (error, companion->db, rc);
      return NULL;
    }
  sqlite3_extended_result_codes (companion->db, TRUE);
  sqlite3_busy_timeout (companion->db, (int) busy_timeout_ms);

  /* The journal mode is kept in the file; the rest is per connection. */
  if (!cm_store_exec (companion, "PRAGMA synchronous = NORMAL", error) ||
      !cm_store_exec (companion, "PRAGMA foreign_keys = ON", error) ||
      !cm_store_exec (companion, "PRAGMA secure_delete = ON", error))
    return NULL;

  /* Like the first connection, it leaves copying the log back to a
   * checkpointer of its own rather than doing it inside a commit. */
  companion->checkpointer = cm_checkpointer_new (self->path);
  if (companion->checkpointer != NULL)
    sqlite3_wal_hook (companion->db, on_companion_log_committed, companion);

  return g_steal_pointer (&companion);
}

gboolean
cm_store_flush_erased (CmStore  *self,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean busy;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  stmt = cm_store_prepare (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cm_store_set_error (error, self->db, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }
  busy = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  if (busy)
    {
      g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_LOCKED,
                           _("The person’s details were erased, but another program is "
                             "reading the database, so an old copy may stay in its journal "
                             "until that program closes it."));
      return FALSE;
    }

  return TRUE;
}
