/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cm-store-private.h"

/* Opening a file is where most things go wrong, and a person must never
 * lose data because of it: every check that can be made by reading alone
 * is made before SQLite is allowed to write anything (even switching the
 * journal mode writes to the header). A new database is built under a
 * temporary name and renamed into place, so an empty or half-made file is
 * never left where the user expects their data. */

#define DEFAULT_BUSY_TIMEOUT_MS 3000

/* Checking every page of a large file at start-up costs a noticeable
 * fraction of a second; below this size it is cheap, and above it a full
 * check is made only after an unclean exit (a log left behind). Damage
 * found later is still reported by the read that meets it. */
#define FULL_CHECK_MAX_BYTES (16 * 1024 * 1024)

/* How long the write-ahead log may grow before it is copied back. */
#define CHECKPOINT_PAGES 1000

G_DEFINE_FINAL_TYPE (CmStore, cm_store, G_TYPE_OBJECT)

static void
statement_finalize (gpointer data)
{
  sqlite3_finalize (data);
}

static void
cm_store_dispose (GObject *object)
{
  CmStore *self = CM_STORE (object);

  g_clear_pointer (&self->objects, g_hash_table_unref);

  if (self->lists != NULL)
    {
      for (guint i = 0; i < self->lists->len; i++)
        g_object_weak_unref (g_ptr_array_index (self->lists, i), cm_store_list_finalized, self);
      g_clear_pointer (&self->lists, g_ptr_array_unref);
    }
  g_clear_pointer (&self->statements, g_hash_table_unref);

  G_OBJECT_CLASS (cm_store_parent_class)->dispose (object);
}

static void
close_database (CmStore *self)
{
  g_clear_pointer (&self->checkpointer, cm_checkpointer_free);

  if (self->statements != NULL)
    g_hash_table_remove_all (self->statements);

  if (self->db != NULL)
    {
      /* Closing the last connection checkpoints the WAL into the file
       * and removes it, which tells the next start the exit was clean. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

static void
cm_store_finalize (GObject *object)
{
  CmStore *self = CM_STORE (object);

  close_database (self);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cm_store_parent_class)->finalize (object);
}

static void
cm_store_class_init (CmStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cm_store_dispose;
  object_class->finalize = cm_store_finalize;

  cm_store_tables_init ();
}

static void
cm_store_init (CmStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            statement_finalize);
  self->objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_hash_table_unref);
  self->lists = g_ptr_array_new ();
}

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

static gboolean
check_folder (const char  *path,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *shown = display_name (folder);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NO_SUCH_FOLDER,
                   /* Translators: %s is a folder */
                   _("The folder “%s” does not exist. Create it, or choose another "
                     "place for the database."), shown);
      return FALSE;
    }

  if (g_access (folder, W_OK) != 0)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY,
                   /* Translators: %s is a folder */
                   _("The folder “%s” is read-only, and the database needs to write "
                     "beside it. Ask for write access, or copy the database to a folder "
                     "you can write to."), shown);
      return FALSE;
    }

  return TRUE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* Reads the 100-byte SQLite header to recognise files that are not
 * databases, or are shorter than the header says they are. */
static gboolean
check_existing_file (const char  *path,
                     GError     **error)
{
  g_autofree char *shown = display_name (path);
  guint8 header[100];
  GStatBuf info;
  gsize page_size;
  guint32 page_count;
  FILE *file;
  gsize length;

  if (g_stat (path, &info) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_IO,
                   /* Translators: %s is a file, the second %s the system's reason */
                   _("“%s” could not be read: %s."), shown, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (info.st_mode))
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a path */
                   _("“%s” is not a file. Choose a database file."), shown);
      return FALSE;
    }

  if (info.st_size == 0)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file */
                   _("“%s” is empty, so it is not a Commissioning Cycle database. "
                     "Choose another file, or a new name to start a new database."), shown);
      return FALSE;
    }

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, CM_STORE_ERROR,
                   saved_errno == EACCES ? CM_STORE_ERROR_READ_ONLY : CM_STORE_ERROR_IO,
                   _("“%s” could not be read: %s."), shown, g_strerror (saved_errno));
      return FALSE;
    }
  length = fread (header, 1, sizeof header, file);
  fclose (file);

  if (length < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file */
                   _("“%s” is not a Commissioning Cycle database. Choose another file, "
                     "or a new name to start a new database."), shown);
      return FALSE;
    }

  /* The page size is stored big-endian, with 1 meaning 65536. */
  page_size = ((gsize) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);

  /* The page count is only trustworthy when the "version valid for"
   * number matches the change counter. */
  if (page_size >= 512 && read_be32 (header + 92) == read_be32 (header + 24) &&
      (guint64) info.st_size < (guint64) page_count * page_size)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT,
                   /* Translators: %s is a file */
                   _("“%s” is shorter than it should be: it was cut off, perhaps while "
                     "being copied. Restore it from a backup or copy it again."), shown);
      return FALSE;
    }

  if (g_access (path, W_OK) != 0)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_READ_ONLY,
                   /* Translators: %s is a file */
                   _("“%s” is read-only. Ask for write access, or copy it somewhere "
                     "you can write to."), shown);
      return FALSE;
    }

  return TRUE;
}

/* Builds a fresh database under a temporary name, then moves it into
 * place: either the whole new database appears, or nothing does. */
static gboolean
create_database (const char  *path,
                 GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temporary = g_build_filename (folder, template, NULL);
  g_autofree char *shown = display_name (path);
  g_autoptr(CmStore) store = NULL;
  int fd;
  int rc;

  fd = g_mkstemp_full (temporary, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, CM_STORE_ERROR,
                   saved_errno == ENOSPC ? CM_STORE_ERROR_FULL : CM_STORE_ERROR_IO,
                   /* Translators: %s is a file, the second %s the system's reason */
                   _("The database “%s” could not be created: %s."),
                   shown, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  store = g_object_new (CM_TYPE_STORE, NULL);
  store->path = g_strdup (temporary);
  rc = sqlite3_open_v2 (temporary, &store->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK ||
      !cm_store_exec (store, "PRAGMA foreign_keys = ON", NULL) ||
      !cm_store_migrate (store, error))
    {
      if (rc != SQLITE_OK)
        cm_store_set_error (error, store->db, rc);
      g_clear_object (&store);
      g_unlink (temporary);
      return FALSE;
    }
  g_clear_object (&store);

  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_IO,
                   _("The database “%s” could not be created: %s."),
                   shown, g_strerror (saved_errno));
      g_unlink (temporary);
      return FALSE;
    }

  return TRUE;
}

static gboolean
has_table (CmStore    *self,
           const char *name,
           gboolean   *found,
           GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cm_store_prepare (self, "SELECT count(*) FROM sqlite_master "
                                 "WHERE type = 'table' AND (?1 IS NULL OR name = ?1)", error);
  if (stmt == NULL)
    return FALSE;

  if (name != NULL)
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      cm_store_set_error (error, self->db, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *found = sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
wants_full_check (const char *path)
{
  g_autofree char *log_path = g_strconcat (path, "-wal", NULL);
  GStatBuf info;

  if (g_stat (path, &info) != 0 || info.st_size <= FULL_CHECK_MAX_BYTES)
    return TRUE;

  /* A clean close empties and removes the log. */
  return g_stat (log_path, &info) == 0 && info.st_size > 0;
}

static int
on_log_committed (gpointer    user_data,
                  sqlite3    *db,
                  const char *name,
                  int         n_pages)
{
  CmStore *self = user_data;

  if (n_pages >= CHECKPOINT_PAGES && self->checkpointer != NULL)
    cm_checkpointer_request (self->checkpointer);

  return SQLITE_OK;
}

/* Reads, never writes: is this a healthy file of ours that we understand? */
static gboolean
check_contents (CmStore  *self,
                GError  **error)
{
  g_autofree char *shown = display_name (self->path);
  sqlite3_stmt *stmt;
  gint64 version;
  gboolean found;
  int rc;

  if (!cm_store_query_int64 (self, "PRAGMA user_version", 0, &version, error))
    return FALSE;

  if (!has_table (self, version == 0 ? NULL : "cycle", &found, error))
    return FALSE;

  if ((version == 0 && found) || (version > 0 && !found))
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file */
                   _("“%s” is a database made by another program, not by "
                     "Commissioning Cycle. Choose another file."), shown);
      return FALSE;
    }

  /* Checked only now: other programs number their schemas too. */
  if (version > CM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_TOO_NEW,
                   /* Translators: %s is a file */
                   _("“%s” was saved by a newer version of Commissioning Cycle. "
                     "Update the app to open it; the file has not been changed."), shown);
      return FALSE;
    }

  if (!wants_full_check (self->path))
    {
      self->schema_version = (int) version;
      return TRUE;
    }

  /* A quick structural check finds damage before anything is written. */
  stmt = cm_store_prepare (self, "PRAGMA quick_check(1)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      if (rc == SQLITE_ROW || (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT,
                     /* Translators: %s is a file */
                     _("“%s” is damaged. It has not been changed; restore it from a "
                       "backup, or open another database."), shown);
      else
        cm_store_set_error (error, self->db, rc);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  self->schema_version = (int) version;
  return TRUE;
}

static gboolean
configure_connection (CmStore  *self,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* WAL lets the capture view write while other views read, and with
   * synchronous=NORMAL a commit survives the app being killed. */
  stmt = cm_store_prepare (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cm_store_set_error (error, self->db, rc);
      return FALSE;
    }

  /* secure_delete overwrites freed space, so an erased participant's
   * details do not linger in the file; not every SQLite build has it on. */
  return cm_store_exec (self, "PRAGMA synchronous = NORMAL", error) &&
         cm_store_exec (self, "PRAGMA foreign_keys = ON", error) &&
         cm_store_exec (self, "PRAGMA secure_delete = ON", error);
}

char *
cm_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "commissioning", "commissioning.db", NULL);
}

static CmStore *open_store (const char  *path,
                            guint        busy_timeout_ms,
                            gboolean     empty_trash,
                            GError     **error);

CmStore *
cm_store_open (const char  *path,
               GError     **error)
{
  return open_store (path, DEFAULT_BUSY_TIMEOUT_MS, TRUE, error);
}

CmStore *
cm_store_open_with_timeout (const char  *path,
                            guint        busy_timeout_ms,
                            GError     **error)
{
  return open_store (path, busy_timeout_ms, TRUE, error);
}

/* A session of the application starts by emptying the trash, which holds
 * what it may still offer to undo. A task beside it (the command-line
 * export) leaves the trash alone: a window may have it open. */
CmStore *
cm_store_open_keeping_trash (const char  *path,
                             GError     **error)
{
  return open_store (path, DEFAULT_BUSY_TIMEOUT_MS, FALSE, error);
}

static CmStore *
open_store (const char  *path,
            guint        busy_timeout_ms,
            gboolean     empty_trash,
            GError     **error)
{
  g_autoptr(CmStore) self = NULL;
  g_autofree char *default_path = NULL;
  int rc;

  if (path == NULL)
    {
      g_autofree char *folder = NULL;

      default_path = cm_store_default_path ();
      folder = g_path_get_dirname (default_path);
      g_mkdir_with_parents (folder, 0700);
      path = default_path;
    }

  if (!check_folder (path, error))
    return NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create_database (path, error))
        return NULL;
    }
  else if (!check_existing_file (path, error))
    return NULL;

  self = g_object_new (CM_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      cm_store_set_error (error, self->db, rc);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, (int) busy_timeout_ms);

  if (!check_contents (self, error) ||
      !configure_connection (self, error) ||
      !cm_store_migrate (self, error) ||
      (empty_trash && !cm_store_empty_trash (self, error)))
    return NULL;

  /* From here on commits only note the log's growth (replacing SQLite's
   * own checkpoint-on-commit); the checkpointer does the copying. */
  self->checkpointer = cm_checkpointer_new (path);
  if (self->checkpointer != NULL)
    sqlite3_wal_hook (self->db, on_log_committed, self);

  return g_steal_pointer (&self);
}

/* Closes the file now, whoever still holds the store (windows being torn
 * down at quit, say); any later call on it fails with an error. */
void
cm_store_close (CmStore *self)
{
  g_return_if_fail (CM_IS_STORE (self));

  close_database (self);
}

gboolean
cm_store_is_closed (CmStore *self)
{
  g_return_val_if_fail (CM_IS_STORE (self), TRUE);

  return self->db == NULL;
}

const char *
cm_store_get_path (CmStore *self)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return self->path;
}

int
cm_store_get_schema_version (CmStore *self)
{
  g_return_val_if_fail (CM_IS_STORE (self), 0);

  return self->schema_version;
}

gboolean
cm_store_check_integrity (CmStore  *self,
                          GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);

  stmt = cm_store_prepare (self, "PRAGMA integrity_check(1)", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_reset (stmt);

  if (!ok)
    g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT,
                         _("The database failed its integrity check. Restore it from a "
                           "backup."));
  return ok;
}

void
cm_store_limit_size (CmStore *self,
                     gint64   max_bytes)
{
  g_autofree char *sql = NULL;
  gint64 page_size = 4096;

  g_return_if_fail (CM_IS_STORE (self));

  cm_store_query_int64 (self, "PRAGMA page_size", 0, &page_size, NULL);
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                         MAX (1, max_bytes / MAX (page_size, 512)));
  cm_store_exec (self, sql, NULL);
}
