/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-objects"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-store-private.h"

/* The typed face of the store: one small function per object and verb,
 * each a thin call into the table mapping. */

#define DEFINE_ADD(func, Type, table)                                        \
  gboolean                                                                   \
  func (CmStore *self, Type *object, GError **error)                         \
  {                                                                          \
    g_return_val_if_fail (CM_IS_STORE (self), FALSE);                        \
    g_return_val_if_fail (G_IS_OBJECT (object), FALSE);                      \
    return cm_store_append_object (self, &table, G_OBJECT (object), error);  \
  }

#define DEFINE_SAVE(func, Type, table)                                       \
  gboolean                                                                   \
  func (CmStore *self, Type *object, GError **error)                         \
  {                                                                          \
    g_return_val_if_fail (CM_IS_STORE (self), FALSE);                        \
    g_return_val_if_fail (G_IS_OBJECT (object), FALSE);                      \
    return cm_store_update_object (self, &table, G_OBJECT (object), error);  \
  }

#define DEFINE_GET(func, Type, table)                                        \
  Type *                                                                     \
  func (CmStore *self, gint64 id, GError **error)                            \
  {                                                                          \
    g_return_val_if_fail (CM_IS_STORE (self), NULL);                         \
    return (Type *) cm_store_get_object (self, &table, id, error);           \
  }

DEFINE_GET (cm_store_get_cycle, CmCycle, cm_table_cycle)
DEFINE_SAVE (cm_store_save_cycle, CmCycle, cm_table_cycle)

DEFINE_ADD (cm_store_add_activity, CmActivity, cm_table_activity)
DEFINE_GET (cm_store_get_activity, CmActivity, cm_table_activity)
DEFINE_SAVE (cm_store_save_activity, CmActivity, cm_table_activity)

DEFINE_ADD (cm_store_add_spec, CmServiceSpec, cm_table_spec)
DEFINE_GET (cm_store_get_spec, CmServiceSpec, cm_table_spec)
DEFINE_SAVE (cm_store_save_spec, CmServiceSpec, cm_table_spec)
DEFINE_ADD (cm_store_add_section, CmSpecSection, cm_table_section)
DEFINE_SAVE (cm_store_save_section, CmSpecSection, cm_table_section)
DEFINE_ADD (cm_store_add_kpi, CmKpi, cm_table_kpi)
DEFINE_SAVE (cm_store_save_kpi, CmKpi, cm_table_kpi)

DEFINE_ADD (cm_store_add_workshop, CmWorkshop, cm_table_workshop)
DEFINE_GET (cm_store_get_workshop, CmWorkshop, cm_table_workshop)
DEFINE_SAVE (cm_store_save_workshop, CmWorkshop, cm_table_workshop)
DEFINE_ADD (cm_store_add_participant, CmParticipant, cm_table_participant)
DEFINE_GET (cm_store_get_participant, CmParticipant, cm_table_participant)
DEFINE_SAVE (cm_store_save_participant, CmParticipant, cm_table_participant)
DEFINE_ADD (cm_store_add_contribution, CmContribution, cm_table_contribution)
DEFINE_SAVE (cm_store_save_contribution, CmContribution, cm_table_contribution)

DEFINE_ADD (cm_store_add_action, CmAction, cm_table_action)
DEFINE_SAVE (cm_store_save_action, CmAction, cm_table_action)

gboolean
cm_store_move_activity (CmStore     *self,
                        CmActivity  *activity,
                        CmStage      stage,
                        CmRing       ring,
                        guint        position,
                        GError     **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_ACTIVITY (activity), FALSE);

  cm_activity_set_stage (activity, stage);
  cm_activity_set_ring (activity, ring);
  return cm_store_move_object (self, &cm_table_activity, G_OBJECT (activity), position, error);
}

gboolean
cm_store_move_section (CmStore        *self,
                       CmSpecSection  *section,
                       guint           position,
                       GError        **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  return cm_store_move_object (self, &cm_table_section, G_OBJECT (section), position, error);
}

gboolean
cm_store_move_kpi (CmStore  *self,
                   CmKpi    *kpi,
                   guint     position,
                   GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  return cm_store_move_object (self, &cm_table_kpi, G_OBJECT (kpi), position, error);
}

gboolean
cm_store_add_cycle (CmStore    *self,
                    CmCycle    *cycle,
                    GPtrArray  *template_activities,
                    GError    **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_CYCLE (cycle), FALSE);

  if (!cm_store_begin (self, error))
    return FALSE;

  if (!cm_store_insert_object (self, &cm_table_cycle, G_OBJECT (cycle), error))
    goto failed;

  for (guint i = 0; template_activities != NULL && i < template_activities->len; i++)
    {
      CmTemplateActivity *item = g_ptr_array_index (template_activities, i);
      g_autoptr(CmActivity) activity = cm_activity_new ();

      cm_activity_set_cycle_id (activity, cm_cycle_get_id (cycle));
      cm_activity_set_stage (activity, item->stage);
      cm_activity_set_ring (activity, item->ring);
      cm_activity_set_position (activity, item->position);
      cm_activity_set_title (activity, item->title);
      cm_activity_set_description (activity, item->description);

      if (!cm_store_insert_object (self, &cm_table_activity, G_OBJECT (activity), error))
        goto failed;
    }

  if (!cm_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  cm_store_rollback (self);
  cm_cycle_set_id (cycle, 0);
  return FALSE;
}

gboolean
cm_store_add_cycle_from_default_template (CmStore  *self,
                                          CmCycle  *cycle,
                                          GError  **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  activities = cm_template_load_default (&local_error);
  if (activities == NULL)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   /* Translators: %s explains what is wrong with the template */
                   _("The cycle template could not be read: %s"), local_error->message);
      return FALSE;
    }

  return cm_store_add_cycle (self, cycle, activities, error);
}

/* Finds a cycle by its number or, failing that, by its exact title (any
 * case), for the command line. */
CmCycle *
cm_store_find_cycle (CmStore     *self,
                     const char  *title_or_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *folded = NULL;
  gint64 id;
  char *end = NULL;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);
  g_return_val_if_fail (title_or_id != NULL, NULL);

  id = g_ascii_strtoll (title_or_id, &end, 10);
  if (end != title_or_id && *end == '\0' && id > 0)
    {
      CmCycle *cycle = cm_store_get_cycle (self, id, NULL);
      if (cycle != NULL)
        return cycle;
    }

  matches = cm_store_select_objects (self, &cm_table_cycle, NULL, 0, error);
  if (matches == NULL)
    return NULL;

  folded = g_utf8_casefold (title_or_id, -1);
  for (guint i = 0; i < matches->len; i++)
    {
      CmCycle *cycle = g_ptr_array_index (matches, i);
      g_autofree char *title = g_utf8_casefold (cm_cycle_get_title (cycle), -1);

      if (g_str_equal (title, folded))
        return g_object_ref (cycle);
    }

  g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is what the user asked for */
               _("There is no cycle called “%s”. Check the title, or give the cycle’s number."),
               title_or_id);
  return NULL;
}

gboolean
cm_store_erase_participant (CmStore        *self,
                            CmParticipant  *participant,
                            GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_PARTICIPANT (participant), FALSE);

  if (!cm_store_begin (self, error))
    return FALSE;

  cm_participant_erase (participant);
  if (!cm_store_update_object (self, &cm_table_participant, G_OBJECT (participant), error))
    goto failed;

  /* Their attendance is personal data too, but what they said stays,
   * attributed to "a participant". */
  stmt = cm_store_prepare (self, "DELETE FROM attendance WHERE participant_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, cm_participant_get_id (participant));
  if (!cm_store_step_done (self, stmt, error) ||
      !cm_store_commit (self, error))
    goto failed;

  cm_store_reload_lists_of (self, &cm_table_participant);
  return TRUE;

failed:
  cm_store_rollback (self);
  return FALSE;
}

static gboolean
run_link (CmStore     *self,
          const char  *sql,
          gint64       first,
          gint64       second,
          GError     **error)
{
  sqlite3_stmt *stmt = cm_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  return cm_store_step_done (self, stmt, error);
}

gboolean
cm_store_set_attendance (CmStore        *self,
                         CmWorkshop     *workshop,
                         CmParticipant  *participant,
                         gboolean        attended,
                         GError        **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (CM_IS_PARTICIPANT (participant), FALSE);

  if (!run_link (self,
                 attended
                 ? "INSERT OR IGNORE INTO attendance (workshop_id, participant_id) VALUES (?1, ?2)"
                 : "DELETE FROM attendance WHERE workshop_id = ?1 AND participant_id = ?2",
                 cm_workshop_get_id (workshop), cm_participant_get_id (participant), error))
    return FALSE;

  cm_store_reload_lists_of (self, &cm_table_participant);
  return TRUE;
}

gboolean
cm_store_link_action_contribution (CmStore         *self,
                                   CmAction        *action,
                                   CmContribution  *contribution,
                                   gboolean         linked,
                                   GError         **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_ACTION (action), FALSE);
  g_return_val_if_fail (CM_IS_CONTRIBUTION (contribution), FALSE);

  if (!run_link (self,
                 linked
                 ? "INSERT OR IGNORE INTO action_contribution (action_id, contribution_id) "
                   "VALUES (?1, ?2)"
                 : "DELETE FROM action_contribution WHERE action_id = ?1 AND contribution_id = ?2",
                 cm_action_get_id (action), cm_contribution_get_id (contribution), error))
    return FALSE;

  cm_store_reload_lists_of (self, &cm_table_contribution);
  return TRUE;
}

gint64
cm_store_count_contributions (CmStore  *self,
                              gint64    workshop_id,
                              GError  **error)
{
  gint64 count = -1;

  g_return_val_if_fail (CM_IS_STORE (self), -1);

  if (!cm_store_query_int64 (self,
                             "SELECT count(*) FROM contribution "
                             "WHERE workshop_id = ?1 AND trashed = 0",
                             workshop_id, &count, error))
    return -1;

  return count;
}

/* Trash ---------------------------------------------------------------- */

static gboolean
set_trashed (CmStore   *self,
             GObject   *object,
             gboolean   trashed,
             GError   **error)
{
  CmTable *table = cm_store_table_for_object (object);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (table != NULL, FALSE);

  if (!cm_store_table_has_trash (table))
    {
      g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                           _("People are not deleted but erased, so that their details "
                             "are removed for good."));
      return FALSE;
    }

  g_object_get (object, "id", &id, NULL);
  sql = g_strdup_printf ("UPDATE %s SET trashed = ?1 WHERE id = ?2", table->name);
  stmt = cm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, trashed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!cm_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                           _("This item no longer exists; it may have been deleted."));
      return FALSE;
    }

  if (trashed)
    cm_store_notify_removed (self, object);
  else
    cm_store_notify_added (self, object);

  return TRUE;
}

gboolean
cm_store_trash (CmStore  *self,
                GObject  *object,
                GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  return set_trashed (self, object, TRUE, error);
}

gboolean
cm_store_restore (CmStore  *self,
                  GObject  *object,
                  GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  return set_trashed (self, object, FALSE, error);
}

/* Deletes every trashed row for good, in one transaction. Children of a
 * trashed cycle or specification go with it through ON DELETE CASCADE. */
gboolean
cm_store_empty_trash (CmStore  *self,
                      GError  **error)
{
  sqlite3_int64 changes;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  if (!cm_store_begin (self, error))
    return FALSE;

  changes = sqlite3_total_changes64 (self->db);

  for (guint i = 0; i < cm_store_n_tables (); i++)
    {
      CmTable *table = cm_store_nth_table (i);
      g_autofree char *sql = NULL;

      if (!cm_store_table_has_trash (table))
        continue;

      sql = g_strdup_printf ("DELETE FROM %s WHERE trashed = 1", table->name);
      if (!cm_store_exec (self, sql, error))
        {
          cm_store_rollback (self);
          return FALSE;
        }
    }

  if (!cm_store_commit (self, error))
    {
      cm_store_rollback (self);
      return FALSE;
    }

  /* Lists may show children of what was deleted (a trashed cycle's
   * activities): they are gone for good now. */
  if (sqlite3_total_changes64 (self->db) != changes)
    cm_store_reload_lists (self);

  return TRUE;
}
