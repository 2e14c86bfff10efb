/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-contribution-writer"

#include "config.h"

#include "cm-contribution-writer.h"

#include "cm-store-workshops.h"

/* One thread, one queue, one connection. The connection is opened on the
 * caller's thread (it is quick: the first connection already checked the
 * file) and from then on used only by the thread. A finished write is
 * reported through a GTask; the thread hands its reference to the task
 * back to the task's own context, so that the task, and the writer it
 * holds, are always finalised there and never on the thread itself. */

#define BUSY_TIMEOUT_MS 5000

typedef enum
{
  JOB_ADD,
  JOB_LIMIT,
  JOB_FLUSH,
  JOB_STOP,
} JobKind;

typedef struct
{
  JobKind         kind;
  GTask          *task;
  CmContribution *draft;
  gint64          limit;
} Job;

struct _CmContributionWriter
{
  GObject       parent_instance;

  CmStore      *companion;
  GThread      *thread;
  GAsyncQueue  *queue;

  GMutex        flush_mutex;
  GCond         flush_cond;
  guint64       flushes_asked;
  guint64       flushes_done;
};

G_DEFINE_FINAL_TYPE (CmContributionWriter, cm_contribution_writer, G_TYPE_OBJECT)

static Job *
job_new (JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  return job;
}

static gboolean
unref_task (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
release_task_in_its_context (GTask *task)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, unref_task, task, NULL);
  g_source_set_static_name (source, "[cm] release contribution task");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

static void
write_one (CmContributionWriter *self,
           Job                  *job)
{
  g_autoptr(GError) error = NULL;

  /* The draft belongs to this thread now: the connection's cache lets go
   * of it here, when it is unreferenced. */
  if (cm_store_add_contribution (self->companion, job->draft, &error))
    g_task_return_pointer (job->task,
                           g_memdup2 (&(gint64) { cm_contribution_get_id (job->draft) },
                                      sizeof (gint64)),
                           g_free);
  else
    g_task_return_error (job->task, g_steal_pointer (&error));

  g_clear_object (&job->draft);
  release_task_in_its_context (g_steal_pointer (&job->task));
}

static gpointer
writer_thread (gpointer data)
{
  CmContributionWriter *self = data;

  while (TRUE)
    {
      Job *job = g_async_queue_pop (self->queue);
      JobKind kind = job->kind;

      switch (kind)
        {
        case JOB_ADD:
          write_one (self, job);
          break;

        case JOB_LIMIT:
          cm_store_limit_size (self->companion, job->limit);
          break;

        case JOB_FLUSH:
          g_mutex_lock (&self->flush_mutex);
          self->flushes_done++;
          g_cond_broadcast (&self->flush_cond);
          g_mutex_unlock (&self->flush_mutex);
          break;

        case JOB_STOP:
          /* Closed here, where it was used. */
          g_clear_object (&self->companion);
          break;

        default:
          g_assert_not_reached ();
        }

      g_free (job);
      if (kind == JOB_STOP)
        return NULL;
    }
}

static void
cm_contribution_writer_finalize (GObject *object)
{
  CmContributionWriter *self = CM_CONTRIBUTION_WRITER (object);

  /* Every task holds the writer, so nothing is queued but what is ahead
   * of the stop: it is all written before the thread ends. */
  if (self->thread != NULL)
    {
      g_async_queue_push (self->queue, job_new (JOB_STOP));
      g_thread_join (self->thread);
    }
  g_clear_object (&self->companion);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_mutex_clear (&self->flush_mutex);
  g_cond_clear (&self->flush_cond);

  G_OBJECT_CLASS (cm_contribution_writer_parent_class)->finalize (object);
}

static void
cm_contribution_writer_class_init (CmContributionWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cm_contribution_writer_finalize;
}

static void
cm_contribution_writer_init (CmContributionWriter *self)
{
  self->queue = g_async_queue_new ();
  g_mutex_init (&self->flush_mutex);
  g_cond_init (&self->flush_cond);
}

CmContributionWriter *
cm_contribution_writer_new (CmStore  *store,
                            GError  **error)
{
  g_autoptr(CmContributionWriter) self = NULL;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);

  self = g_object_new (CM_TYPE_CONTRIBUTION_WRITER, NULL);
  self->companion = cm_store_open_companion (store, BUSY_TIMEOUT_MS, error);
  if (self->companion == NULL)
    return NULL;

  self->thread = g_thread_new ("cm-contribution-writer", writer_thread, self);
  return g_steal_pointer (&self);
}

void
cm_contribution_writer_add_async (CmContributionWriter *self,
                                  CmContribution       *draft,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  Job *job;

  g_return_if_fail (CM_IS_CONTRIBUTION_WRITER (self));
  g_return_if_fail (CM_IS_CONTRIBUTION (draft));
  g_return_if_fail (cm_contribution_get_id (draft) == 0);

  job = job_new (JOB_ADD);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, cm_contribution_writer_add_async);
  g_task_set_check_cancellable (job->task, FALSE);
  job->draft = draft;
  g_async_queue_push (self->queue, job);
}

gint64
cm_contribution_writer_add_finish (CmContributionWriter  *self,
                                   GAsyncResult          *result,
                                   GError               **error)
{
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (CM_IS_CONTRIBUTION_WRITER (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  id = g_task_propagate_pointer (G_TASK (result), error);
  return id != NULL ? *id : 0;
}

void
cm_contribution_writer_flush (CmContributionWriter *self)
{
  guint64 ticket;

  g_return_if_fail (CM_IS_CONTRIBUTION_WRITER (self));

  g_mutex_lock (&self->flush_mutex);
  ticket = ++self->flushes_asked;
  g_async_queue_push (self->queue, job_new (JOB_FLUSH));
  while (self->flushes_done < ticket)
    g_cond_wait (&self->flush_cond, &self->flush_mutex);
  g_mutex_unlock (&self->flush_mutex);
}

void
cm_contribution_writer_limit_size (CmContributionWriter *self,
                                   gint64                max_bytes)
{
  Job *job;

  g_return_if_fail (CM_IS_CONTRIBUTION_WRITER (self));

  job = job_new (JOB_LIMIT);
  job->limit = max_bytes;
  g_async_queue_push (self->queue, job);
}
