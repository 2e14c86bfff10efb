/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GListModel of model objects that the store keeps in step with the
 * database: when an object is added, changed, trashed or moved, every list
 * it belongs to learns of it and emits one items-changed. */

#define CM_TYPE_STORE_LIST (cm_store_list_get_type ())
G_DECLARE_FINAL_TYPE (CmStoreList, cm_store_list, CM, STORE_LIST, GObject)

typedef gboolean (*CmStoreListMatchFunc) (GObject  *item,
                                          gpointer  user_data);

CmStoreList *cm_store_list_new        (GType                 item_type,
                                       CmStoreListMatchFunc  match,
                                       gpointer              match_data,
                                       GDestroyNotify        match_data_free,
                                       GCompareFunc          compare);
void         cm_store_list_set_source (CmStoreList          *self,
                                       gpointer              source,
                                       GDestroyNotify        source_free);
gpointer     cm_store_list_get_source (CmStoreList          *self);
void         cm_store_list_replace    (CmStoreList          *self,
                                       GPtrArray            *items);
void         cm_store_list_offer      (CmStoreList          *self,
                                       GObject              *item);
void         cm_store_list_withdraw   (CmStoreList          *self,
                                       GObject              *item);
gboolean     cm_store_list_accepts    (CmStoreList          *self,
                                       GObject              *item);

/* Orderings shared by several lists. */
int          cm_store_compare_by_id       (gconstpointer a,
                                           gconstpointer b);
int          cm_store_compare_by_position (gconstpointer a,
                                           gconstpointer b);
int          cm_store_compare_by_title    (gconstpointer a,
                                           gconstpointer b);

G_END_DECLS
