/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-store-private.h"

/* Rows as objects, through the column tables of cm-store-tables.c: one
 * instance per row while anyone holds it, values bound as parameters and
 * read back by type, and the inserts, updates, moves and reads every kind
 * of object shares. */

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
                         cm_store_table_has_trash (table) ? " AND trashed = 0" : "");
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
                         cm_store_table_has_trash (table) ? " AND " : "",
                         cm_store_table_has_trash (table) ? "trashed = 0" : "",
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

  g_object_get (object, cm_store_table_parent_property (table), &parent_id, NULL);
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
