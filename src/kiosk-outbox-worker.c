/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-outbox-worker.c: the one thread that writes the outbox's SQLite file, in order. */

#include "config.h"

#include "kiosk-outbox-private.h"

/* Jobs run in order on the one worker thread, which alone touches the
 * SQLite connection. The result comes back on the main context of the
 * caller, where every GTask and GObject reference is handled: the worker
 * never drops the last reference to anything but its own copies. */

typedef struct
{
  KioskOutboxJob  kind;
  KioskOutboxRow *row;              /* a copy: the worker owns it while it runs */
  GTask          *task;
  GMainContext   *context;
  gboolean        ok;
  GError         *error;
} Job;

static void
job_free (Job *job)
{
  kiosk_outbox_row_free (job->row);
  g_clear_object (&job->task);
  g_main_context_unref (job->context);
  g_clear_error (&job->error);
  g_free (job);
}

static gboolean
job_deliver (gpointer data)
{
  Job *job = data;

  if (job->ok)
    g_task_return_pointer (job->task, g_steal_pointer (&job->row),
                           (GDestroyNotify) kiosk_outbox_row_free);
  else
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  job_free (job);

  return G_SOURCE_REMOVE;
}

static gboolean
job_run (Job               *job,
         KioskOutboxStore  *store,
         GError           **error)
{
  KioskOutboxRow *row = job->row;

  switch (job->kind)
    {
    case KIOSK_OUTBOX_JOB_INSERT:
      return kiosk_outbox_store_insert (store, row, error);
    case KIOSK_OUTBOX_JOB_SENDING:
      return kiosk_outbox_store_mark_sending (store, row->id, row->attempts, error);
    case KIOSK_OUTBOX_JOB_DONE:
      return kiosk_outbox_store_mark_done (store, row->id, row->state, row->reference, error);
    case KIOSK_OUTBOX_JOB_WAITING:
      return kiosk_outbox_store_mark_waiting (store, row->id, row->state, row->next_attempt_at,
                                              row->last_error, error);
    case KIOSK_OUTBOX_JOB_DISCARD:
      return kiosk_outbox_store_discard (store, row->id, error);
    case KIOSK_OUTBOX_JOB_FORGET:
      return kiosk_outbox_store_forget (store, row->id, error);
    default:
      g_assert_not_reached ();
    }
}

static void
worker_func (gpointer data,
             gpointer user_data)
{
  Job *job = data;

  job->ok = job_run (job, user_data, &job->error);
  g_main_context_invoke (job->context, job_deliver, job);
}

/* The worker uses @store until the pool is freed (g_thread_pool_free
 * with wait_ set), which must happen before the store is closed. */
GThreadPool *
kiosk_outbox_worker_new (KioskOutboxStore  *store,
                         GError           **error)
{
  return g_thread_pool_new (worker_func, store, 1, TRUE, error);
}

/* Queues @kind for a copy of @row. The task holds @source until the
 * result is delivered; its value is the row as written (with its id after
 * an insert). */
void
kiosk_outbox_worker_push (GThreadPool          *worker,
                          GObject              *source,
                          KioskOutboxJob        kind,
                          const KioskOutboxRow *row,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->row = kiosk_outbox_row_copy (row);
  job->task = g_task_new (source, NULL, callback, user_data);
  g_task_set_source_tag (job->task, kiosk_outbox_worker_push);
  job->context = g_main_context_ref_thread_default ();
  g_thread_pool_push (worker, job, NULL);
}

KioskOutboxRow *
kiosk_outbox_worker_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kiosk_outbox_worker_push, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
