/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-lists"

#include "config.h"

#include "cm-store-private.h"

/* The lists the store hands out, and how they stay in step. A list knows
 * which rows it shows in two ways: as SQL, to load itself, and as a test
 * on an object's properties, to judge an object that was just added or
 * changed without asking the database again. Lists whose membership lives
 * in a link table (attendees) keep the set of member ids from their last
 * load and are reloaded when a link changes. */

typedef struct
{
  CmTable    *table;
  char       *where;           /* SQL condition, ?1 is the parameter */
  gint64      parameter;
  const char *parent_property; /* or NULL */
  gint64      parent_id;
  int         stage;           /* CM_STAGE_NONE for any */
  int         ring;            /* -1 for any */
  gboolean    skip_erased;
  GHashTable *member_ids;      /* for lists defined by a link table, else NULL */
} ListFilter;

static void
list_filter_free (gpointer data)
{
  ListFilter *filter = data;

  g_free (filter->where);
  g_clear_pointer (&filter->member_ids, g_hash_table_unref);
  g_free (filter);
}

static gboolean
list_filter_match (GObject  *item,
                   gpointer  user_data)
{
  ListFilter *filter = user_data;

  if (filter->parent_property != NULL)
    {
      gint64 parent_id = 0;

      g_object_get (item, filter->parent_property, &parent_id, NULL);
      if (parent_id != filter->parent_id)
        return FALSE;
    }

  if (filter->stage != CM_STAGE_NONE || filter->ring >= 0)
    {
      int stage = 0, ring = 0;

      g_object_get (item, "stage", &stage, "ring", &ring, NULL);
      if (filter->stage != CM_STAGE_NONE && stage != filter->stage)
        return FALSE;
      if (filter->ring >= 0 && ring != filter->ring)
        return FALSE;
    }

  if (filter->skip_erased)
    {
      gboolean erased = FALSE;

      g_object_get (item, "erased", &erased, NULL);
      if (erased)
        return FALSE;
    }

  if (filter->member_ids != NULL)
    {
      gint64 id = 0;

      g_object_get (item, "id", &id, NULL);
      if (!g_hash_table_contains (filter->member_ids, &id))
        return FALSE;
    }

  return TRUE;
}

static int
compare_activities (gconstpointer a,
                    gconstpointer b)
{
  int stage_a, stage_b, ring_a, ring_b;

  g_object_get ((gpointer) a, "stage", &stage_a, "ring", &ring_a, NULL);
  g_object_get ((gpointer) b, "stage", &stage_b, "ring", &ring_b, NULL);

  if (stage_a != stage_b)
    return stage_a < stage_b ? -1 : 1;
  if (ring_a != ring_b)
    return ring_a < ring_b ? -1 : 1;

  return cm_store_compare_by_position (a, b);
}

static int
compare_participants (gconstpointer a,
                      gconstpointer b)
{
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;
  int result;

  g_object_get ((gpointer) a, "name", &name_a, NULL);
  g_object_get ((gpointer) b, "name", &name_b, NULL);

  result = g_utf8_collate (name_a, name_b);
  return result != 0 ? result : cm_store_compare_by_id (a, b);
}

static GCompareFunc
compare_for_table (CmTable *table)
{
  if (table == &cm_table_cycle)
    return cm_store_compare_by_title;
  if (table == &cm_table_activity)
    return compare_activities;
  if (table == &cm_table_section || table == &cm_table_kpi)
    return cm_store_compare_by_position;
  if (table == &cm_table_participant)
    return compare_participants;

  return cm_store_compare_by_id;
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GCompareFunc compare = user_data;

  return compare (*(gconstpointer *) a, *(gconstpointer *) b);
}

static gboolean
load_list (CmStore      *self,
           CmStoreList  *list,
           GError      **error)
{
  ListFilter *filter = cm_store_list_get_source (list);
  g_autoptr(GPtrArray) items = NULL;
  GCompareFunc compare = compare_for_table (filter->table);

  items = cm_store_select_objects (self, filter->table, filter->where, filter->parameter, error);
  if (items == NULL)
    return FALSE;

  if (filter->member_ids != NULL)
    {
      g_hash_table_remove_all (filter->member_ids);
      for (guint i = 0; i < items->len; i++)
        {
          gint64 *id = g_new (gint64, 1);

          g_object_get (g_ptr_array_index (items, i), "id", id, NULL);
          g_hash_table_add (filter->member_ids, id);
        }
    }

  /* SQL and C may collate text differently; the C order is the one offers
   * keep, so it is the one a load must produce. */
  if (compare != cm_store_compare_by_id)
    g_ptr_array_sort_with_data (items, compare_indirect, compare);

  cm_store_list_replace (list, items);
  return TRUE;
}

void
cm_store_list_finalized (gpointer  data,
                         GObject  *where_the_list_was)
{
  CmStore *self = data;

  g_ptr_array_remove_fast (self->lists, where_the_list_was);
}

static GListModel *
track (CmStore     *self,
       ListFilter  *filter,
       GError     **error)
{
  g_autoptr(CmStoreList) list = NULL;

  list = cm_store_list_new (filter->table->get_type (), list_filter_match, filter, NULL,
                            compare_for_table (filter->table));
  cm_store_list_set_source (list, filter, list_filter_free);

  if (!load_list (self, list, error))
    return NULL;

  g_ptr_array_add (self->lists, list);
  g_object_weak_ref (G_OBJECT (list), cm_store_list_finalized, self);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static ListFilter *
filter_new (CmTable    *table,
            const char *where,
            gint64      parameter)
{
  ListFilter *filter = g_new0 (ListFilter, 1);

  filter->table = table;
  filter->where = g_strdup (where);
  filter->parameter = parameter;
  filter->parent_property = where != NULL ? cm_store_table_parent_property (table) : NULL;
  filter->parent_id = parameter;
  filter->stage = CM_STAGE_NONE;
  filter->ring = -1;

  return filter;
}

void
cm_store_notify_added (CmStore *self,
                       GObject *object)
{
  for (guint i = 0; i < self->lists->len; i++)
    cm_store_list_offer (g_ptr_array_index (self->lists, i), object);
}

void
cm_store_notify_changed (CmStore *self,
                         GObject *object)
{
  cm_store_notify_added (self, object);
}

void
cm_store_notify_removed (CmStore *self,
                         GObject *object)
{
  for (guint i = 0; i < self->lists->len; i++)
    cm_store_list_withdraw (g_ptr_array_index (self->lists, i), object);
}

void
cm_store_reload_lists_of (CmStore *self,
                          CmTable *table)
{
  /* Loading can run code that drops a list, so work on a copy. */
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->lists->len; i++)
    g_ptr_array_add (lists, g_object_ref (g_ptr_array_index (self->lists, i)));

  for (guint i = 0; i < lists->len; i++)
    {
      CmStoreList *list = g_ptr_array_index (lists, i);
      ListFilter *filter = cm_store_list_get_source (list);
      g_autoptr(GError) error = NULL;

      if (table != NULL && filter->table != table)
        continue;

      if (!load_list (self, list, &error))
        g_warning ("Could not reload a list of %s: %s", filter->table->name, error->message);
    }
}

void
cm_store_reload_lists (CmStore *self)
{
  cm_store_reload_lists_of (self, NULL);
}

/* Public lists --------------------------------------------------------- */

GListModel *
cm_store_list_cycles (CmStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return track (self, filter_new (&cm_table_cycle, NULL, 0), error);
}

GListModel *
cm_store_list_activities (CmStore  *self,
                          gint64    cycle_id,
                          CmStage   stage,
                          int       ring,
                          GError  **error)
{
  g_autoptr(GString) where = g_string_new ("cycle_id = ?1");
  ListFilter *filter;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);
  g_return_val_if_fail (stage >= CM_STAGE_NONE && stage <= CM_STAGE_REVIEW, NULL);
  g_return_val_if_fail (ring >= -1 && ring < CM_N_RINGS, NULL);

  /* The stage and ring are small enums, safe to write into the text. */
  if (stage != CM_STAGE_NONE)
    g_string_append_printf (where, " AND stage = %d", stage);
  if (ring >= 0)
    g_string_append_printf (where, " AND ring = %d", ring);

  filter = filter_new (&cm_table_activity, where->str, cycle_id);
  filter->stage = stage;
  filter->ring = ring;

  return track (self, filter, error);
}

GListModel *
cm_store_list_specs (CmStore  *self,
                     gint64    cycle_id,
                     GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return track (self, filter_new (&cm_table_spec, "cycle_id = ?1", cycle_id), error);
}

GListModel *
cm_store_list_sections (CmStore  *self,
                        gint64    spec_id,
                        GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return track (self, filter_new (&cm_table_section, "spec_id = ?1", spec_id), error);
}

GListModel *
cm_store_list_kpis (CmStore  *self,
                    gint64    spec_id,
                    GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return track (self, filter_new (&cm_table_kpi, "spec_id = ?1", spec_id), error);
}

GListModel *
cm_store_list_workshops (CmStore  *self,
                         gint64    cycle_id,
                         GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return track (self, filter_new (&cm_table_workshop, "cycle_id = ?1", cycle_id), error);
}

GListModel *
cm_store_list_participants (CmStore  *self,
                            GError  **error)
{
  ListFilter *filter;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  filter = filter_new (&cm_table_participant, "erased = 0", 0);
  filter->skip_erased = TRUE;
  return track (self, filter, error);
}

GListModel *
cm_store_list_attendees (CmStore  *self,
                         gint64    workshop_id,
                         GError  **error)
{
  ListFilter *filter;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  filter = filter_new (&cm_table_participant,
                       "id IN (SELECT participant_id FROM attendance WHERE workshop_id = ?1)",
                       workshop_id);
  filter->parent_property = NULL;
  filter->member_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return track (self, filter, error);
}

GListModel *
cm_store_list_contributions (CmStore  *self,
                             gint64    workshop_id,
                             GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return track (self, filter_new (&cm_table_contribution, "workshop_id = ?1", workshop_id),
                error);
}

GListModel *
cm_store_list_actions (CmStore  *self,
                       gint64    cycle_id,
                       GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return track (self, filter_new (&cm_table_action, "cycle_id = ?1", cycle_id), error);
}

GListModel *
cm_store_list_action_contributions (CmStore  *self,
                                    gint64    action_id,
                                    GError  **error)
{
  ListFilter *filter;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  filter = filter_new (&cm_table_contribution,
                       "id IN (SELECT contribution_id FROM action_contribution "
                       "WHERE action_id = ?1) "
                       /* Nor what was said at a workshop in the trash. */
                       "AND workshop_id IN (SELECT id FROM workshop WHERE trashed = 0)",
                       action_id);
  filter->parent_property = NULL;
  filter->member_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return track (self, filter, error);
}
