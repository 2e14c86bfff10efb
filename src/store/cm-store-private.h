/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "cm-store.h"
#include "cm-store-checkpoint.h"
#include "cm-store-list.h"

G_BEGIN_DECLS

/* How one property of a model object is kept in one column. */
typedef enum
{
  CM_COLUMN_TEXT,       /* string property, TEXT NOT NULL */
  CM_COLUMN_INT64,      /* gint64 property */
  CM_COLUMN_UINT,       /* guint property */
  CM_COLUMN_ENUM,       /* enum property, INTEGER */
  CM_COLUMN_FLAGS,      /* flags property, INTEGER */
  CM_COLUMN_BOOLEAN,    /* gboolean property, INTEGER 0/1 */
  CM_COLUMN_DATE,       /* GDate property, ISO text or NULL */
  CM_COLUMN_DATE_TIME,  /* GDateTime property, ISO text or NULL */
  CM_COLUMN_STRV,       /* GStrv property, lines of TEXT */
  CM_COLUMN_REFERENCE,  /* gint64 id property, 0 kept as NULL */
} CmColumnKind;

typedef struct
{
  const char   *name;
  const char   *property;
  CmColumnKind  kind;
} CmColumn;

typedef struct _CmTable CmTable;

struct _CmTable
{
  const char     *name;
  GType         (*get_type) (void);
  gboolean      (*validate) (gpointer object, GError **error);
  const CmColumn *columns;
  guint           n_columns;
  /* The column that names the parent ("cycle_id"…) or NULL, and the
   * grouping columns within which "position" counts (NULL if unordered). */
  const char     *parent_column;
  const char     *position_group;
  const char     *order_by;
  /* Built once: SELECT list, INSERT and UPDATE statements. */
  char           *select_sql;
  char           *insert_sql;
  char           *update_sql;
};

struct _CmStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  int          schema_version;
  GHashTable  *statements;     /* SQL text → sqlite3_stmt, finalised on dispose */
  GHashTable  *objects;        /* "table:id" → GObject (weak), one instance per row */
  GPtrArray   *lists;          /* CmStoreList (weak) to keep in step */
  guint        transaction_depth;
  CmCheckpointer *checkpointer; /* NULL until the schema is ready */
};

/* cm-store-db.c: statements and errors */
sqlite3_stmt *cm_store_prepare        (CmStore       *self,
                                       const char    *sql,
                                       GError       **error);
gboolean      cm_store_step_done      (CmStore       *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);
gboolean      cm_store_check_open     (CmStore       *self,
                                       GError       **error);
gboolean      cm_store_exec           (CmStore       *self,
                                       const char    *sql,
                                       GError       **error);
void          cm_store_set_error      (GError       **error,
                                       sqlite3       *db,
                                       int            rc);
int           cm_store_error_code_from_sqlite (int    rc);
gboolean      cm_store_query_int64    (CmStore       *self,
                                       const char    *sql,
                                       gint64         parameter,
                                       gint64        *result,
                                       GError       **error);

/* cm-store-schema.c */
gboolean      cm_store_migrate        (CmStore       *self,
                                       GError       **error);
gboolean      cm_store_migrate_to     (CmStore       *self,
                                       int            target_version,
                                       GError       **error);

/* cm-store-tables.c: the object ↔ row mapping */
extern CmTable cm_table_cycle;
extern CmTable cm_table_activity;
extern CmTable cm_table_spec;
extern CmTable cm_table_section;
extern CmTable cm_table_kpi;
extern CmTable cm_table_workshop;
extern CmTable cm_table_participant;
extern CmTable cm_table_contribution;
extern CmTable cm_table_action;

CmTable      *cm_store_table_for_object (GObject      *object);
void          cm_store_tables_init    (void);
GObject      *cm_store_object_from_row (CmStore      *self,
                                        CmTable      *table,
                                        sqlite3_stmt *stmt);
gboolean      cm_store_insert_object  (CmStore       *self,
                                       CmTable       *table,
                                       GObject       *object,
                                       GError       **error);
gboolean      cm_store_update_object  (CmStore       *self,
                                       CmTable       *table,
                                       GObject       *object,
                                       GError       **error);
GObject      *cm_store_get_object     (CmStore       *self,
                                       CmTable       *table,
                                       gint64         id,
                                       GError       **error);
GPtrArray    *cm_store_select_objects (CmStore       *self,
                                       CmTable       *table,
                                       const char    *where,
                                       gint64         parameter,
                                       GError       **error);
gboolean      cm_store_append_object  (CmStore       *self,
                                       CmTable       *table,
                                       GObject       *object,
                                       GError       **error);
const char   *cm_store_table_parent_property (CmTable *table);
gboolean      cm_store_table_has_trash (CmTable      *table);
guint         cm_store_n_tables       (void);
CmTable      *cm_store_nth_table      (guint          index);
gboolean      cm_store_move_object    (CmStore       *self,
                                       CmTable       *table,
                                       GObject       *object,
                                       guint          position,
                                       GError       **error);

/* Lists: the store tells them about every change. */
GListModel   *cm_store_track_list     (CmStore       *self,
                                       CmStoreList   *list,
                                       GError       **error);
void          cm_store_notify_added   (CmStore       *self,
                                       GObject       *object);
void          cm_store_notify_removed (CmStore       *self,
                                       GObject       *object);
void          cm_store_notify_changed (CmStore       *self,
                                       GObject       *object);
void          cm_store_reload_lists   (CmStore       *self);
void          cm_store_list_finalized (gpointer       data,
                                       GObject       *where_the_list_was);
void          cm_store_reload_lists_of (CmStore      *self,
                                        CmTable      *table);

G_END_DECLS
