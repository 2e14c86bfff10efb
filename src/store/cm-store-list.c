/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-list"

#include "config.h"

#include "cm-store-list.h"

struct _CmStoreList
{
  GObject               parent_instance;

  GType                 item_type;
  GPtrArray            *items;
  CmStoreListMatchFunc  match;
  gpointer              match_data;
  GDestroyNotify        match_data_free;
  GCompareFunc          compare;
  gpointer              source;
  GDestroyNotify        source_free;
};

static GType
cm_store_list_get_item_type (GListModel *model)
{
  return CM_STORE_LIST (model)->item_type;
}

static guint
cm_store_list_get_n_items (GListModel *model)
{
  return CM_STORE_LIST (model)->items->len;
}

static gpointer
cm_store_list_get_item (GListModel *model,
                        guint       position)
{
  CmStoreList *self = CM_STORE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
cm_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cm_store_list_get_item_type;
  iface->get_n_items = cm_store_list_get_n_items;
  iface->get_item = cm_store_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CmStoreList, cm_store_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cm_store_list_model_init))

static int
compare_items (CmStoreList *self,
               gpointer     a,
               gpointer     b)
{
  return self->compare (a, b);
}

/* Lists are ordered, so the place for a new item is found by bisection:
 * appending the 10,001st contribution costs a handful of comparisons. */
static guint
find_insert_position (CmStoreList *self,
                      GObject     *item)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_items (self, g_ptr_array_index (self->items, middle), item) <= 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static gboolean
find_item (CmStoreList *self,
           GObject     *item,
           guint       *position)
{
  /* Most changes touch recent items, so look from the end. */
  for (guint i = self->items->len; i > 0; i--)
    {
      if (g_ptr_array_index (self->items, i - 1) == item)
        {
          *position = i - 1;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_in_order_at (CmStoreList *self,
                guint        position)
{
  gpointer item = g_ptr_array_index (self->items, position);

  if (position > 0 &&
      compare_items (self, g_ptr_array_index (self->items, position - 1), item) > 0)
    return FALSE;

  if (position + 1 < self->items->len &&
      compare_items (self, item, g_ptr_array_index (self->items, position + 1)) > 0)
    return FALSE;

  return TRUE;
}

static void
cm_store_list_finalize (GObject *object)
{
  CmStoreList *self = CM_STORE_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (self->match_data_free != NULL)
    g_clear_pointer (&self->match_data, self->match_data_free);
  if (self->source_free != NULL)
    g_clear_pointer (&self->source, self->source_free);

  G_OBJECT_CLASS (cm_store_list_parent_class)->finalize (object);
}

static void
cm_store_list_class_init (CmStoreListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cm_store_list_finalize;
}

static void
cm_store_list_init (CmStoreList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

CmStoreList *
cm_store_list_new (GType                 item_type,
                   CmStoreListMatchFunc  match,
                   gpointer              match_data,
                   GDestroyNotify        match_data_free,
                   GCompareFunc          compare)
{
  CmStoreList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (match != NULL, NULL);
  g_return_val_if_fail (compare != NULL, NULL);

  self = g_object_new (CM_TYPE_STORE_LIST, NULL);
  self->item_type = item_type;
  self->match = match;
  self->match_data = match_data;
  self->match_data_free = match_data_free;
  self->compare = compare;

  return self;
}

void
cm_store_list_set_source (CmStoreList    *self,
                          gpointer        source,
                          GDestroyNotify  source_free)
{
  g_return_if_fail (CM_IS_STORE_LIST (self));

  if (self->source_free != NULL)
    g_clear_pointer (&self->source, self->source_free);

  self->source = source;
  self->source_free = source_free;
}

gpointer
cm_store_list_get_source (CmStoreList *self)
{
  g_return_val_if_fail (CM_IS_STORE_LIST (self), NULL);

  return self->source;
}

gboolean
cm_store_list_accepts (CmStoreList *self,
                       GObject     *item)
{
  g_return_val_if_fail (CM_IS_STORE_LIST (self), FALSE);

  return G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type) &&
         self->match (item, self->match_data);
}

/* Replaces the whole content; the items must already be in order. Only
 * the part that differs is announced, so reloading a list that did not
 * change emits nothing. */
void
cm_store_list_replace (CmStoreList *self,
                       GPtrArray   *items)
{
  g_autoptr(GPtrArray) old = NULL;
  guint prefix = 0;
  guint suffix = 0;

  g_return_if_fail (CM_IS_STORE_LIST (self));
  g_return_if_fail (items != NULL);

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));

  while (prefix < old->len && prefix < items->len &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (items, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < items->len - prefix &&
         g_ptr_array_index (old, old->len - 1 - suffix) ==
         g_ptr_array_index (items, items->len - 1 - suffix))
    suffix++;

  if (prefix + suffix < old->len || prefix + suffix < items->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix, items->len - prefix - suffix);
}

/* An item was added or changed: put it in, move it, or take it out. */
void
cm_store_list_offer (CmStoreList *self,
                     GObject     *item)
{
  gboolean belongs;
  guint position;

  g_return_if_fail (CM_IS_STORE_LIST (self));
  g_return_if_fail (G_IS_OBJECT (item));

  belongs = cm_store_list_accepts (self, item);

  if (find_item (self, item, &position))
    {
      if (!belongs)
        {
          g_ptr_array_remove_index (self->items, position);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
        }
      else if (!is_in_order_at (self, position))
        {
          /* One change covering the stretch between the old and new places. */
          gpointer held = g_ptr_array_steal_index (self->items, position);
          guint new_position = find_insert_position (self, held);
          guint first = MIN (position, new_position);
          guint n = MAX (position, new_position) - first + 1;

          g_ptr_array_insert (self->items, new_position, held);
          g_list_model_items_changed (G_LIST_MODEL (self), first, n, n);
        }
      return;
    }

  if (belongs)
    {
      position = find_insert_position (self, item);
      g_ptr_array_insert (self->items, position, g_object_ref (item));
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
}

void
cm_store_list_withdraw (CmStoreList *self,
                        GObject     *item)
{
  guint position;

  g_return_if_fail (CM_IS_STORE_LIST (self));

  if (find_item (self, item, &position))
    {
      g_ptr_array_remove_index (self->items, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
}

static gint64
get_int64 (gconstpointer object,
           const char   *property)
{
  gint64 value = 0;

  g_object_get ((gpointer) object, property, &value, NULL);
  return value;
}

int
cm_store_compare_by_id (gconstpointer a,
                        gconstpointer b)
{
  gint64 id_a = get_int64 (a, "id");
  gint64 id_b = get_int64 (b, "id");

  return (id_a > id_b) - (id_a < id_b);
}

int
cm_store_compare_by_position (gconstpointer a,
                              gconstpointer b)
{
  guint position_a = 0;
  guint position_b = 0;

  g_object_get ((gpointer) a, "position", &position_a, NULL);
  g_object_get ((gpointer) b, "position", &position_b, NULL);

  if (position_a != position_b)
    return position_a < position_b ? -1 : 1;

  return cm_store_compare_by_id (a, b);
}

int
cm_store_compare_by_title (gconstpointer a,
                           gconstpointer b)
{
  g_autofree char *title_a = NULL;
  g_autofree char *title_b = NULL;
  int result;

  g_object_get ((gpointer) a, "title", &title_a, NULL);
  g_object_get ((gpointer) b, "title", &title_b, NULL);

  result = g_utf8_collate (title_a ? title_a : "", title_b ? title_b : "");
  if (result != 0)
    return result;

  return cm_store_compare_by_id (a, b);
}
