/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-checkpoint"

#include "config.h"

#include <sqlite3.h>

#include "cm-store-checkpoint.h"

/* SQLite normally checkpoints inside whichever commit pushes the log past
 * a thousand pages, so one contribution in a hundred took several times
 * longer to save than the rest. Here the store's own connection only
 * notices the log growing; a second connection, on this thread, does the
 * copying with a passive checkpoint, which never blocks a writer. */

struct _CmCheckpointer
{
  GThread  *thread;
  GMutex    mutex;
  GCond     cond;
  sqlite3  *db;
  gboolean  requested;
  gboolean  stopping;
  guint     count;
};

static gpointer
checkpoint_thread (gpointer data)
{
  CmCheckpointer *self = data;

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      while (!self->requested && !self->stopping)
        g_cond_wait (&self->cond, &self->mutex);

      if (self->stopping)
        break;

      self->requested = FALSE;
      g_mutex_unlock (&self->mutex);

      if (sqlite3_wal_checkpoint_v2 (self->db, "main", SQLITE_CHECKPOINT_PASSIVE,
                                     NULL, NULL) != SQLITE_OK)
        g_debug ("Checkpoint deferred: %s", sqlite3_errmsg (self->db));

      g_mutex_lock (&self->mutex);
      self->count++;
    }
  g_mutex_unlock (&self->mutex);

  return NULL;
}

CmCheckpointer *
cm_checkpointer_new (const char *path)
{
  CmCheckpointer *self;
  sqlite3 *db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      /* Without it SQLite's own checkpoints still keep the log in bounds. */
      sqlite3_close_v2 (db);
      return NULL;
    }

  self = g_new0 (CmCheckpointer, 1);
  self->db = db;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->thread = g_thread_new ("cm-checkpoint", checkpoint_thread, self);

  return self;
}

void
cm_checkpointer_request (CmCheckpointer *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  self->requested = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
}

guint
cm_checkpointer_get_count (CmCheckpointer *self)
{
  guint count;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->mutex);
  count = self->count;
  g_mutex_unlock (&self->mutex);

  return count;
}

void
cm_checkpointer_free (CmCheckpointer *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_thread_join (self->thread);
  sqlite3_close_v2 (self->db);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}
