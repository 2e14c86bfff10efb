/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-db"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-store-private.h"

/* The thin layer over SQLite: cached prepared statements, and SQLite's
 * result codes turned into errors a person can act on. */

G_DEFINE_QUARK (cm-store-error-quark, cm_store_error)

int
cm_store_error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return CM_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return CM_STORE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return CM_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return CM_STORE_ERROR_LOCKED;
    case SQLITE_FULL:
      return CM_STORE_ERROR_FULL;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      return CM_STORE_ERROR_IO;
    case SQLITE_TOOBIG:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      return CM_STORE_ERROR_INVALID;
    default:
      return CM_STORE_ERROR_FAILED;
    }
}

void
cm_store_set_error (GError  **error,
                    sqlite3  *db,
                    int       rc)
{
  int code = cm_store_error_code_from_sqlite (rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch ((CmStoreError) code)
    {
    case CM_STORE_ERROR_NOT_A_DATABASE:
      g_set_error_literal (error, CM_STORE_ERROR, code,
                           _("This file is not a Commissioning Cycle database. "
                             "Choose another file, or start a new database."));
      break;
    case CM_STORE_ERROR_CORRUPT:
      g_set_error_literal (error, CM_STORE_ERROR, code,
                           _("The database is damaged. Nothing more will be written to it; "
                             "restore it from a backup, or open another database."));
      break;
    case CM_STORE_ERROR_READ_ONLY:
      g_set_error_literal (error, CM_STORE_ERROR, code,
                           _("The database cannot be changed because the file or its folder "
                             "is read-only. Ask for write access, or copy it somewhere you "
                             "can write."));
      break;
    case CM_STORE_ERROR_LOCKED:
      g_set_error_literal (error, CM_STORE_ERROR, code,
                           _("The database is in use by another program. Close the other "
                             "program (or the other copy of Commissioning Cycle) and try again."));
      break;
    case CM_STORE_ERROR_FULL:
      g_set_error_literal (error, CM_STORE_ERROR, code,
                           _("The disk is full, so the last change was not saved. "
                             "Free some space and try again; what was saved before is safe."));
      break;
    case CM_STORE_ERROR_IO:
      g_set_error (error, CM_STORE_ERROR, code,
                   /* Translators: %s is a technical detail from the database engine */
                   _("The database could not be read or written (%s). Check the disk "
                     "and try again."), detail);
      break;
    case CM_STORE_ERROR_INVALID:
      g_set_error (error, CM_STORE_ERROR, code,
                   /* Translators: %s is a technical detail from the database engine */
                   _("The change was refused because it does not fit the data (%s)."),
                   detail);
      break;
    case CM_STORE_ERROR_NO_SUCH_FOLDER:
    case CM_STORE_ERROR_TOO_NEW:
    case CM_STORE_ERROR_NOT_FOUND:
    case CM_STORE_ERROR_FAILED:
    default:
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                   /* Translators: %s is a technical detail from the database engine */
                   _("The database reported a problem: %s."), detail);
      break;
    }
}

sqlite3_stmt *
cm_store_prepare (CmStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!cm_store_check_open (self, error))
    return NULL;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cm_store_set_error (error, self->db, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
cm_store_step_done (CmStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cm_store_set_error (error, self->db, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cm_store_check_open (CmStore  *self,
                     GError  **error)
{
  if (self->db != NULL)
    return TRUE;

  g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                       _("The database has been closed. Open it again to make changes."));
  return FALSE;
}

gboolean
cm_store_exec (CmStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc;

  if (!cm_store_check_open (self, error))
    return FALSE;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      cm_store_set_error (error, self->db, rc);
      return FALSE;
    }

  return TRUE;
}

/* Runs a query with at most one integer parameter that yields one integer. */
gboolean
cm_store_query_int64 (CmStore     *self,
                      const char  *sql,
                      gint64       parameter,
                      gint64      *result,
                      GError     **error)
{
  sqlite3_stmt *stmt = cm_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, parameter);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *result = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *result = 0;
  else
    {
      cm_store_set_error (error, self->db, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cm_store_begin (CmStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  if (self->transaction_depth++ > 0)
    return TRUE;

  if (!cm_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      self->transaction_depth = 0;
      return FALSE;
    }

  return TRUE;
}

gboolean
cm_store_commit (CmStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (--self->transaction_depth > 0)
    return TRUE;

  if (!cm_store_exec (self, "COMMIT", error))
    {
      cm_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

void
cm_store_rollback (CmStore *self)
{
  g_return_if_fail (CM_IS_STORE (self));

  /* An inner failure may already have rolled everything back. */
  if (self->transaction_depth == 0)
    return;

  self->transaction_depth = 0;
  if (self->db != NULL && sqlite3_get_autocommit (self->db) == 0)
    cm_store_exec (self, "ROLLBACK", NULL);

  /* Objects may hold values that never reached the file. */
  cm_store_reload_lists (self);
}
