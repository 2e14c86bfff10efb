/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-tables"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-store-private.h"

/* Each model class is kept in one table, one property to a column. The
 * tables below say which; the statements to read, insert and update rows
 * are built from them once, and every value is bound as a parameter. */

#define COLUMNS(array) array, G_N_ELEMENTS (array)

static const CmColumn cycle_columns[] = {
  { "title", "title", CM_COLUMN_TEXT },
  { "service_area", "service-area", CM_COLUMN_TEXT },
  { "period_start", "period-start", CM_COLUMN_DATE },
  { "period_end", "period-end", CM_COLUMN_DATE },
  { "lead_officer", "lead-officer", CM_COLUMN_TEXT },
  { "current_stage", "current-stage", CM_COLUMN_ENUM },
};

static const CmColumn activity_columns[] = {
  { "cycle_id", "cycle-id", CM_COLUMN_INT64 },
  { "stage", "stage", CM_COLUMN_ENUM },
  { "ring", "ring", CM_COLUMN_ENUM },
  { "position", "position", CM_COLUMN_UINT },
  { "title", "title", CM_COLUMN_TEXT },
  { "description", "description", CM_COLUMN_TEXT },
  { "status", "status", CM_COLUMN_ENUM },
  { "owner", "owner", CM_COLUMN_TEXT },
  { "due_date", "due-date", CM_COLUMN_DATE },
  { "evidence_notes", "evidence-notes", CM_COLUMN_TEXT },
  { "coproduction_level", "coproduction-level", CM_COLUMN_ENUM },
};

static const CmColumn spec_columns[] = {
  { "cycle_id", "cycle-id", CM_COLUMN_INT64 },
  { "title", "title", CM_COLUMN_TEXT },
  { "advocacy_types", "advocacy-types", CM_COLUMN_FLAGS },
  { "status", "status", CM_COLUMN_ENUM },
  { "lead", "lead", CM_COLUMN_TEXT },
  { "contract_term", "contract-term", CM_COLUMN_TEXT },
  { "budget_pence", "budget-pence", CM_COLUMN_INT64 },
  { "procurement_route", "procurement-route", CM_COLUMN_ENUM },
  { "version", "version", CM_COLUMN_UINT },
  { "updated_at", "updated-at", CM_COLUMN_DATE_TIME },
};

static const CmColumn section_columns[] = {
  { "spec_id", "spec-id", CM_COLUMN_INT64 },
  { "position", "position", CM_COLUMN_UINT },
  { "title", "title", CM_COLUMN_TEXT },
  { "body", "body", CM_COLUMN_TEXT },
};

static const CmColumn kpi_columns[] = {
  { "spec_id", "spec-id", CM_COLUMN_INT64 },
  { "position", "position", CM_COLUMN_UINT },
  { "measure", "measure", CM_COLUMN_TEXT },
  { "target", "target", CM_COLUMN_TEXT },
  { "frequency", "frequency", CM_COLUMN_TEXT },
  { "source", "source", CM_COLUMN_TEXT },
};

static const CmColumn workshop_columns[] = {
  { "cycle_id", "cycle-id", CM_COLUMN_INT64 },
  { "title", "title", CM_COLUMN_TEXT },
  { "starts_at", "starts-at", CM_COLUMN_DATE_TIME },
  { "venue", "venue", CM_COLUMN_TEXT },
  { "facilitator", "facilitator", CM_COLUMN_TEXT },
  { "purpose", "purpose", CM_COLUMN_TEXT },
  { "access_arrangements", "access-arrangements", CM_COLUMN_TEXT },
  { "state", "state", CM_COLUMN_ENUM },
};

static const CmColumn participant_columns[] = {
  { "name", "name", CM_COLUMN_TEXT },
  { "role", "role", CM_COLUMN_ENUM },
  { "organisation", "organisation", CM_COLUMN_TEXT },
  { "access_needs", "access-needs", CM_COLUMN_TEXT },
  { "consent", "consent", CM_COLUMN_ENUM },
  { "payment_notes", "payment-notes", CM_COLUMN_TEXT },
  { "erased", "erased", CM_COLUMN_BOOLEAN },
};

static const CmColumn contribution_columns[] = {
  { "workshop_id", "workshop-id", CM_COLUMN_INT64 },
  { "participant_id", "participant-id", CM_COLUMN_REFERENCE },
  { "text", "text", CM_COLUMN_TEXT },
  { "kind", "kind", CM_COLUMN_ENUM },
  { "stage", "stage", CM_COLUMN_ENUM },
  { "themes", "themes", CM_COLUMN_STRV },
  { "captured_at", "captured-at", CM_COLUMN_DATE_TIME },
  { "pinned", "pinned", CM_COLUMN_BOOLEAN },
};

static const CmColumn action_columns[] = {
  { "cycle_id", "cycle-id", CM_COLUMN_INT64 },
  { "response", "response", CM_COLUMN_TEXT },
  { "state", "state", CM_COLUMN_ENUM },
  { "reason", "reason", CM_COLUMN_TEXT },
  { "owner", "owner", CM_COLUMN_TEXT },
  { "due_date", "due-date", CM_COLUMN_DATE },
  { "activity_id", "activity-id", CM_COLUMN_REFERENCE },
  { "section_id", "section-id", CM_COLUMN_REFERENCE },
};

CmTable cm_table_cycle = {
  "cycle", cm_cycle_get_type, (gpointer) cm_cycle_validate, COLUMNS (cycle_columns),
  NULL, NULL, "title COLLATE NOCASE, id",
};
CmTable cm_table_activity = {
  "activity", cm_activity_get_type, (gpointer) cm_activity_validate, COLUMNS (activity_columns),
  "cycle_id", "cycle_id = ?1 AND stage = ?2 AND ring = ?3", "stage, ring, position, id",
};
CmTable cm_table_spec = {
  "service_spec", cm_service_spec_get_type, (gpointer) cm_service_spec_validate,
  COLUMNS (spec_columns), "cycle_id", NULL, "id",
};
CmTable cm_table_section = {
  "spec_section", cm_spec_section_get_type, (gpointer) cm_spec_section_validate,
  COLUMNS (section_columns), "spec_id", "spec_id = ?1", "position, id",
};
CmTable cm_table_kpi = {
  "kpi", cm_kpi_get_type, (gpointer) cm_kpi_validate, COLUMNS (kpi_columns),
  "spec_id", "spec_id = ?1", "position, id",
};
CmTable cm_table_workshop = {
  "workshop", cm_workshop_get_type, (gpointer) cm_workshop_validate, COLUMNS (workshop_columns),
  "cycle_id", NULL, "id",
};
CmTable cm_table_participant = {
  "participant", cm_participant_get_type, (gpointer) cm_participant_validate,
  COLUMNS (participant_columns), NULL, NULL, "name COLLATE NOCASE, id",
};
CmTable cm_table_contribution = {
  "contribution", cm_contribution_get_type, (gpointer) cm_contribution_validate,
  COLUMNS (contribution_columns), "workshop_id", NULL, "id",
};
CmTable cm_table_action = {
  "action", cm_action_get_type, (gpointer) cm_action_validate, COLUMNS (action_columns),
  "cycle_id", NULL, "id",
};

static CmTable *all_tables[] = {
  &cm_table_cycle, &cm_table_activity, &cm_table_spec, &cm_table_section, &cm_table_kpi,
  &cm_table_workshop, &cm_table_participant, &cm_table_contribution, &cm_table_action,
};

static gboolean
table_has_trash (CmTable *table)
{
  return table != &cm_table_participant;
}

static void
build_statements (CmTable *table)
{
  g_autoptr(GString) select = g_string_new ("SELECT id");
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) update = g_string_new (NULL);

  g_string_printf (insert, "INSERT INTO %s (", table->name);
  g_string_printf (update, "UPDATE %s SET ", table->name);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *name = table->columns[i].name;

      g_string_append_printf (select, ", %s", name);
      g_string_append_printf (insert, "%s%s", i ? ", " : "", name);
      g_string_append_printf (values, "%s?%u", i ? ", " : "", i + 1);
      g_string_append_printf (update, "%s%s = ?%u", i ? ", " : "", name, i + 1);
    }

  g_string_append_printf (select, " FROM %s", table->name);
  g_string_append_printf (insert, ") VALUES (%s)", values->str);
  g_string_append_printf (update, " WHERE id = ?%u", table->n_columns + 1);

  table->select_sql = g_string_free (g_steal_pointer (&select), FALSE);
  table->insert_sql = g_string_free (g_steal_pointer (&insert), FALSE);
  table->update_sql = g_string_free (g_steal_pointer (&update), FALSE);
}

void
cm_store_tables_init (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_tables); i++)
    {
      if (all_tables[i]->select_sql == NULL)
        build_statements (all_tables[i]);
    }
}

CmTable *
cm_store_table_for_object (GObject *object)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_tables); i++)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (object, all_tables[i]->get_type ()))
        return all_tables[i];
    }

  return NULL;
}

static gint64
object_id (GObject *object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);
  return id;
}

/* One instance per row ------------------------------------------------- */

typedef struct
{
  GHashTable *owner;
  gint64      id;
  GObject    *object;
} CachedObject;

static void
cached_object_finalized (gpointer  data,
                         GObject  *where_the_object_was)
{
  CachedObject *entry = data;

  entry->object = NULL;
  g_hash_table_remove (entry->owner, &entry->id);
}

static void
cached_object_free (gpointer data)
{
  CachedObject *entry = data;

  if (entry->object != NULL)
    g_object_weak_unref (entry->object, cached_object_finalized, entry);
  g_free (entry);
}

static GHashTable *
cache_for_table (CmStore *self,
                 CmTable *table)
{
  GHashTable *cache = g_hash_table_lookup (self->objects, table->name);

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, cached_object_free);
      g_hash_table_insert (self->objects, g_strdup (table->name), cache);
    }

  return cache;
}

static GObject *
cache_lookup (CmStore *self,
              CmTable *table,
              gint64   id)
{
  CachedObject *entry = g_hash_table_lookup (cache_for_table (self, table), &id);

  return entry != NULL ? entry->object : NULL;
}

static void
cache_insert (CmStore *self,
              CmTable *table,
              GObject *object,
              gint64   id)
{
  GHashTable *cache = cache_for_table (self, table);
  CachedObject *entry = g_new0 (CachedObject, 1);

  entry->owner = cache;
  entry->id = id;
  entry->object = object;
  g_object_weak_ref (object, cached_object_finalized, entry);
  g_hash_table_replace (cache, &entry->id, entry);
}

/* Values --------------------------------------------------------------- */

static void
bind_property (sqlite3_stmt   *stmt,
               int             index,
               GObject        *object,
               const CmColumn *column)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                    column->property);

  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, column->property, &value);

  switch (column->kind)
    {
    case CM_COLUMN_TEXT:
      {
        const char *text = g_value_get_string (&value);
        sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
      }
      break;
    case CM_COLUMN_INT64:
      sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&value));
      break;
    case CM_COLUMN_REFERENCE:
      if (g_value_get_int64 (&value) != 0)
        sqlite3_bind_int64 (stmt, index, g_value_get_int64 (&value));
      else
        sqlite3_bind_null (stmt, index);
      break;
    case CM_COLUMN_UINT:
      sqlite3_bind_int64 (stmt, index, g_value_get_uint (&value));
      break;
    case CM_COLUMN_ENUM:
      sqlite3_bind_int (stmt, index, g_value_get_enum (&value));
      break;
    case CM_COLUMN_FLAGS:
      sqlite3_bind_int64 (stmt, index, g_value_get_flags (&value));
      break;
    case CM_COLUMN_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_value_get_boolean (&value) ? 1 : 0);
      break;
    case CM_COLUMN_DATE:
      {
        char *iso = cm_date_to_iso (g_value_get_boxed (&value));
        if (iso != NULL)
          sqlite3_bind_text (stmt, index, iso, -1, g_free);
        else
          sqlite3_bind_null (stmt, index);
      }
      break;
    case CM_COLUMN_DATE_TIME:
      {
        char *iso = cm_date_time_to_iso (g_value_get_boxed (&value));
        if (iso != NULL)
          sqlite3_bind_text (stmt, index, iso, -1, g_free);
        else
          sqlite3_bind_null (stmt, index);
      }
      break;
    case CM_COLUMN_STRV:
      {
        const char * const *strv = g_value_get_boxed (&value);
        char *joined = g_strjoinv ("\n", (char **) (strv ? strv : (const char * const[]) { NULL }));
        sqlite3_bind_text (stmt, index, joined, -1, g_free);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
read_column (sqlite3_stmt   *stmt,
             int             index,
             GObject        *object,
             const CmColumn *column)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                    column->property);
  const char *text;

  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);

  switch (column->kind)
    {
    case CM_COLUMN_TEXT:
      text = (const char *) sqlite3_column_text (stmt, index);
      g_value_set_string (&value, text ? text : "");
      break;
    case CM_COLUMN_INT64:
    case CM_COLUMN_REFERENCE:
      g_value_set_int64 (&value, sqlite3_column_int64 (stmt, index));
      break;
    case CM_COLUMN_UINT:
      g_value_set_uint (&value, (guint) sqlite3_column_int64 (stmt, index));
      break;
    case CM_COLUMN_ENUM:
      g_value_set_enum (&value, sqlite3_column_int (stmt, index));
      break;
    case CM_COLUMN_FLAGS:
      g_value_set_flags (&value, (guint) sqlite3_column_int64 (stmt, index));
      break;
    case CM_COLUMN_BOOLEAN:
      g_value_set_boolean (&value, sqlite3_column_int (stmt, index) != 0);
      break;
    case CM_COLUMN_DATE:
      text = (const char *) sqlite3_column_text (stmt, index);
      g_value_take_boxed (&value, cm_date_new_from_iso (text, NULL));
      break;
    case CM_COLUMN_DATE_TIME:
      text = (const char *) sqlite3_column_text (stmt, index);
      g_value_take_boxed (&value, cm_date_time_new_from_iso (text, NULL));
      break;
    case CM_COLUMN_STRV:
      text = (const char *) sqlite3_column_text (stmt, index);
      if (text != NULL && *text != '\0')
        g_value_take_boxed (&value, g_strsplit (text, "\n", -1));
      else
        g_value_take_boxed (&value, g_new0 (char *, 1));
      break;
    default:
      g_assert_not_reached ();
    }

  g_object_set_property (object, column->property, &value);
}

/* Rows and objects ----------------------------------------------------- */

/* The statement's first column is the id and the rest follow the table. If
 * the row's object is already alive it is refreshed, so its views see the
 * change through notify, rather than a second copy being made. */
GObject *
cm_store_object_from_row (CmStore      *self,
                          CmTable      *table,
                          sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  GObject *object = cache_lookup (self, table, id);

  if (object != NULL)
    g_object_ref (object);
  else
    {
      object = g_object_new (table->get_type (), "id", id, NULL);
      cache_insert (self, table, object, id);
    }

  g_object_freeze_notify (object);
  for (guint i = 0; i < table->n_columns; i++)
    read_column (stmt, (int) i + 1, object, &table->columns[i]);
  g_object_thaw_notify (object);

  return object;
}

static gboolean
validate_object (CmTable  *table,
                 GObject  *object,
                 GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (table->validate (object, &local_error))
    return TRUE;

  g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_INVALID, local_error->message);
  return FALSE;
}

static gboolean
run_with_object (CmStore     *self,
                 CmTable     *table,
                 const char  *sql,
                 GObject     *object,
                 gint64       id,
                 GError     **error)
{
  sqlite3_stmt *stmt = cm_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    bind_property (stmt, (int) i + 1, object, &table->columns[i]);
  if (id != 0)
    sqlite3_bind_int64 (stmt, (int) table->n_columns + 1, id);

  return cm_store_step_done (self, stmt, error);
}

gboolean
cm_store_insert_object (CmStore  *self,
                        CmTable  *table,
                        GObject  *object,
                        GError  **error)
{
  gint64 id;

  g_return_val_if_fail (object_id (object) == 0, FALSE);

  if (!validate_object (table, object, error) ||
      !run_with_object (self, table, table->insert_sql, object, 0, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (self->db);
  g_object_set (object, "id", id, NULL);
  cache_insert (self, table, object, id);
  cm_store_notify_added (self, object);

  return TRUE;
}

gboolean
cm_store_update_object (CmStore  *self,
                        CmTable  *table,
                        GObject  *object,
                        GError  **error)
{
  gint64 id = object_id (object);
  GObject *cached;

  g_return_val_if_fail (id != 0, FALSE);

  if (!validate_object (table, object, error) ||
      !run_with_object (self, table, table->update_sql, object, id, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                   _("This item no longer exists; it may have been deleted."));
      return FALSE;
    }

  /* Someone saved a copy: bring the instance everyone else holds up to date. */
  cached = cache_lookup (self, table, id);
  if (cached != NULL && cached != object)
    {
      GObject *refreshed = cm_store_get_object (self, table, id, NULL);
      g_clear_object (&refreshed);
    }

  cm_store_notify_changed (self, cached != NULL ? cached : object);
  return TRUE;
}

GObject *
cm_store_get_object (CmStore  *self,
                     CmTable  *table,
                     gint64    id,
                     GError  **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  GObject *object;
  int rc;

  sql = g_strdup_printf ("%s WHERE id = ?1%s", table->select_sql,
                         table_has_trash (table) ? " AND trashed = 0" : "");
  stmt = cm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                   _("This item no longer exists; it may have been deleted."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cm_store_set_error (error, self->db, rc);
      sqlite3_reset (stmt);
      return NULL;
    }

  object = cm_store_object_from_row (self, table, stmt);
  sqlite3_reset (stmt);
  return object;
}

/* Selects live (untrashed) rows matching a condition with at most one
 * parameter, in the table's natural order. */
GPtrArray *
cm_store_select_objects (CmStore     *self,
                         CmTable     *table,
                         const char  *where,
                         gint64       parameter,
                         GError     **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("%s WHERE %s%s%s ORDER BY %s", table->select_sql,
                         where ? where : "1",
                         table_has_trash (table) ? " AND " : "",
                         table_has_trash (table) ? "trashed = 0" : "",
                         table->order_by);
  stmt = cm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, parameter);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (objects, cm_store_object_from_row (self, table, stmt));

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cm_store_set_error (error, self->db, rc);
      return NULL;
    }

  return g_steal_pointer (&objects);
}

/* Moves an object to a new position within its group (its stage and ring,
 * or its specification), renumbering the group in one transaction. */
gboolean
cm_store_move_object (CmStore  *self,
                      CmTable  *table,
                      GObject  *object,
                      guint     position,
                      GError  **error)
{
  g_autoptr(GPtrArray) group = NULL;
  g_autofree char *update_sql = NULL;
  gint64 parent_id = 0;
  gint64 id = object_id (object);
  int stage = 0, ring = 0;
  gboolean is_activity = table == &cm_table_activity;
  g_autofree char *select_sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (table->position_group != NULL, FALSE);
  g_return_val_if_fail (id != 0, FALSE);

  g_object_get (object, table == &cm_table_activity ? "cycle-id" : "spec-id", &parent_id, NULL);
  if (is_activity)
    g_object_get (object, "stage", &stage, "ring", &ring, NULL);

  if (!cm_store_begin (self, error))
    return FALSE;

  /* The object may be joining this group (a new stage or ring), so the
   * group is read without it and it is put in at its new place. */
  select_sql = g_strdup_printf ("SELECT id FROM %s WHERE %s AND trashed = 0 AND id != ?%d "
                                "ORDER BY position, id",
                                table->name, table->position_group, is_activity ? 4 : 2);
  stmt = cm_store_prepare (self, select_sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  if (is_activity)
    {
      sqlite3_bind_int (stmt, 2, stage);
      sqlite3_bind_int (stmt, 3, ring);
      sqlite3_bind_int64 (stmt, 4, id);
    }
  else
    sqlite3_bind_int64 (stmt, 2, id);

  group = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (group, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                       sizeof (gint64)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cm_store_set_error (error, self->db, rc);
      goto failed;
    }

  position = MIN (position, group->len);
  g_ptr_array_insert (group, position, g_memdup2 (&id, sizeof id));

  /* Number the live objects first: when the moved one is saved, the lists
   * find every neighbour already in its new order and move it in one step. */
  for (guint i = 0; i < group->len; i++)
    {
      GObject *alive = cache_lookup (self, table, *(gint64 *) g_ptr_array_index (group, i));

      if (alive != NULL)
        g_object_set (alive, "position", i, NULL);
    }
  g_object_set (object, "position", position, NULL);

  if (!cm_store_update_object (self, table, object, error))
    goto failed;

  update_sql = g_strdup_printf ("UPDATE %s SET position = ?1 WHERE id = ?2", table->name);
  for (guint i = 0; i < group->len; i++)
    {
      stmt = cm_store_prepare (self, update_sql, error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, *(gint64 *) g_ptr_array_index (group, i));
      if (!cm_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!cm_store_commit (self, error))
    goto failed;

  cm_store_reload_lists_of (self, table);
  return TRUE;

failed:
  cm_store_rollback (self);
  return FALSE;
}

static const char *
parent_property (CmTable *table)
{
  if (table->parent_column == NULL)
    return NULL;
  if (g_str_equal (table->parent_column, "cycle_id"))
    return "cycle-id";
  if (g_str_equal (table->parent_column, "spec_id"))
    return "spec-id";
  return "workshop-id";
}

/* The next free position at the end of an object's group. */
static gboolean
next_position (CmStore  *self,
               CmTable  *table,
               GObject  *object,
               guint    *position,
               GError  **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 parent_id = 0;
  int stage = 0, ring = 0;
  int rc;

  g_object_get (object, parent_property (table), &parent_id, NULL);
  sql = g_strdup_printf ("SELECT coalesce(max(position) + 1, 0) FROM %s WHERE %s",
                         table->name, table->position_group);
  stmt = cm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, parent_id);
  if (table == &cm_table_activity)
    {
      g_object_get (object, "stage", &stage, "ring", &ring, NULL);
      sqlite3_bind_int (stmt, 2, stage);
      sqlite3_bind_int (stmt, 3, ring);
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cm_store_set_error (error, self->db, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *position = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Adds an object at the end of its group when it has one. */
gboolean
cm_store_append_object (CmStore  *self,
                        CmTable  *table,
                        GObject  *object,
                        GError  **error)
{
  guint position;

  if (table->position_group != NULL)
    {
      if (!next_position (self, table, object, &position, error))
        return FALSE;
      g_object_set (object, "position", position, NULL);
    }

  return cm_store_insert_object (self, table, object, error);
}

const char *
cm_store_table_parent_property (CmTable *table)
{
  return parent_property (table);
}

gboolean
cm_store_table_has_trash (CmTable *table)
{
  return table_has_trash (table);
}

guint
cm_store_n_tables (void)
{
  return G_N_ELEMENTS (all_tables);
}

CmTable *
cm_store_nth_table (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (all_tables), NULL);

  return all_tables[index];
}
