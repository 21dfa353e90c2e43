/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-outbox.c: the durable local queue that sends each booking once, retrying until answered. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kiosk-outbox-private.h"

/* How a booking goes through the queue:
 *
 *   submit → INSERT (committed, synchronous=FULL) → first attempt
 *     2xx              → sent: body and display fields deleted
 *     409              → taken (customer told) or failed (nobody waiting)
 *     400/404/422      → failed: waits for staff (retry_now, discard)
 *     transport/5xx/…  → pending: next attempt after a full-jitter back-off
 *   pending past its start, or 24 h old → failed (expired), never sent again
 *   failed, 2 days past its start     → body and first name deleted
 *
 * Every attempt sends the stored key and the stored bytes. A row that was
 * being sent when the kiosk stopped goes back to pending at the next start;
 * the key makes the backend answer the resend as it answered the first.
 * The main thread owns the entries and decides; one worker thread owns
 * the SQLite connection and writes, in the order asked. */

/* One booking the backend has not answered for yet (pending, sending or
 * failed). Transfers hold a reference; @outbox is cleared at dispose. */
typedef struct
{
  gatomicrefcount  ref_count;
  KioskOutbox     *outbox;
  KioskOutboxRow  *row;
  gboolean         in_flight;
  GTask           *waiter;          /* the submit waiting for its first answer */
  guint            answer_timeout_id;
} Entry;

struct _KioskOutbox
{
  GObject           parent_instance;

  KioskApiClient   *client;
  char             *path;
  KioskOutboxStore *store;
  GThreadPool      *worker;
  GCancellable     *cancellable;
  GQueue            entries;        /* Entry, oldest first */
  guint             timer_id;
  guint             n_in_flight;
  guint             n_pending;
  guint             n_failed;

  guint             retry_base_ms;
  guint             retry_max_ms;
  guint             answer_timeout_ms;
};

G_DEFINE_FINAL_TYPE (KioskOutbox, kiosk_outbox, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_PENDING,
  PROP_N_FAILED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void kiosk_outbox_schedule (KioskOutbox *self);

/* Storage work goes to the worker (kiosk-outbox-worker.c) in order. */
static void
run_job (KioskOutbox          *self,
         KioskOutboxJob        kind,
         const KioskOutboxRow *row,
         GAsyncReadyCallback   callback,
         gpointer              user_data)
{
  kiosk_outbox_worker_push (self->worker, G_OBJECT (self), kind, row, callback, user_data);
}

/* A change the queue does not wait for. If it fails the disk is in
 * trouble; the booking still goes out, and a restart resends it safely. */
static void
on_update_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxRow) row = kiosk_outbox_worker_finish (result, &error);

  if (row == NULL)
    g_warning ("Booking queue: %s", error->message);
}

/* Entries */

static Entry *
entry_new (KioskOutbox    *self,
           KioskOutboxRow *row)
{
  Entry *entry = g_new0 (Entry, 1);

  g_atomic_ref_count_init (&entry->ref_count);
  entry->outbox = self;
  entry->row = row;

  return entry;
}

static Entry *
entry_ref (Entry *entry)
{
  g_atomic_ref_count_inc (&entry->ref_count);
  return entry;
}

static void
entry_unref (Entry *entry)
{
  if (!g_atomic_ref_count_dec (&entry->ref_count))
    return;

  g_assert (entry->waiter == NULL);
  g_clear_handle_id (&entry->answer_timeout_id, g_source_remove);
  kiosk_outbox_row_free (entry->row);
  g_free (entry);
}

static void
update_counts (KioskOutbox *self)
{
  guint n_pending = 0;
  guint n_failed = 0;

  for (GList *l = self->entries.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (entry->row->state == KIOSK_OUTBOX_STATE_FAILED)
        n_failed++;
      else
        n_pending++;
    }

  if (n_pending != self->n_pending)
    {
      self->n_pending = n_pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
    }
  if (n_failed != self->n_failed)
    {
      self->n_failed = n_failed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FAILED]);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_entry (KioskOutbox *self,
              Entry       *entry)
{
  if (g_queue_remove (&self->entries, entry))
    entry_unref (entry);
}

/* The answer to the customer's submit */

typedef struct
{
  KioskOutboxOutcome  outcome;
  char               *reference;
  GError             *error;
} SubmitResult;

static void
submit_result_free (SubmitResult *result)
{
  g_free (result->reference);
  g_clear_error (&result->error);
  g_free (result);
}

/* Answers the submit once; later answers for the same booking only
 * change the queue. */
static void
entry_answer (Entry              *entry,
              KioskOutboxOutcome  outcome,
              const char         *reference,
              const GError       *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&entry->waiter);
  SubmitResult *result;

  g_clear_handle_id (&entry->answer_timeout_id, g_source_remove);
  if (task == NULL)
    return;

  result = g_new0 (SubmitResult, 1);
  result->outcome = outcome;
  result->reference = g_strdup (reference);
  result->error = error ? g_error_copy (error) : NULL;
  g_task_return_pointer (task, result, (GDestroyNotify) submit_result_free);
}

/* The customer is answered in bounded time, even while the disk is slow to
 * save: "queued" only for a booking that is saved. If the save completes
 * later, the booking is sent as usual. The customer's callback may drop
 * the last reference to the queue: it is held until this returns, and
 * nothing follows the answer. */
static gboolean
on_answer_timeout (gpointer user_data)
{
  Entry *entry = user_data;
  g_autoptr(KioskOutbox) hold = entry->outbox ? g_object_ref (entry->outbox) : NULL;
  g_autoptr(GError) error = NULL;

  entry->answer_timeout_id = 0;
  if (entry->row->id != 0)
    {
      entry_answer (entry, KIOSK_OUTBOX_OUTCOME_QUEUED, NULL, NULL);
      return G_SOURCE_REMOVE;
    }

  error = g_error_new_literal (KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_SAVING,
                               _("Your booking is still being saved — please tell the "
                                 "front desk"));
  entry_answer (entry, KIOSK_OUTBOX_OUTCOME_ERROR, NULL, error);

  return G_SOURCE_REMOVE;
}

/* Sending */

static gint64
backoff_usec (KioskOutbox *self,
              guint        attempts)
{
  guint64 window = self->retry_base_ms;

  for (guint i = 1; i < attempts && window < self->retry_max_ms; i++)
    window *= 2;
  window = MIN (window, self->retry_max_ms);

  /* Full jitter: kiosks that lost the backend together do not all come
   * back at the same moment. */
  return (gint64) (g_random_double () * window * 1000);
}

static void
entry_finish (KioskOutbox      *self,
              Entry            *entry,
              KioskOutboxState  state,
              const char       *reference)
{
  entry->row->state = state;
  g_free (entry->row->reference);
  entry->row->reference = g_strdup (reference);
  run_job (self, KIOSK_OUTBOX_JOB_DONE, entry->row, on_update_written, NULL);
  remove_entry (self, entry);
}

static void
entry_wait (KioskOutbox      *self,
            Entry            *entry,
            KioskOutboxState  state,
            const char       *reason)
{
  KioskOutboxRow *row = entry->row;

  row->state = state;
  row->next_attempt_at = state == KIOSK_OUTBOX_STATE_PENDING
                           ? g_get_real_time () + backoff_usec (self, row->attempts)
                           : 0;
  g_free (row->last_error);
  row->last_error = g_strdup (reason);
  run_job (self, KIOSK_OUTBOX_JOB_WAITING, row, on_update_written, NULL);
}

/* Giving up */

/* When the appointment starts, or G_MAXINT64 if the row does not say. */
static gint64
row_start_time (const KioskOutboxRow *row)
{
  g_autoptr(GDateTime) start = NULL;

  if (row->start != NULL)
    start = g_date_time_new_from_iso8601 (row->start, NULL);
  if (start == NULL)
    return G_MAXINT64;

  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

/* From then on the booking is never sent, by the queue or by staff: its
 * time has passed, or the backend may have forgotten its key. */
static gint64
row_give_up_at (const KioskOutboxRow *row)
{
  return MIN (row_start_time (row), row->created_at + KIOSK_OUTBOX_GIVE_UP_USEC);
}

/* From then on a failed booking keeps no personal data; a row that does
 * not say when it starts counts from when it was made. */
static gint64
row_forget_at (const KioskOutboxRow *row)
{
  gint64 start = row_start_time (row);

  if (start == G_MAXINT64)
    start = row->created_at;

  return start + KIOSK_OUTBOX_FORGET_USEC;
}

static gboolean
row_is_forgotten (const KioskOutboxRow *row)
{
  return (row->body == NULL || g_bytes_get_size (row->body) == 0) && row->first_name == NULL;
}

static void
entry_forget (KioskOutbox *self,
              Entry       *entry)
{
  g_clear_pointer (&entry->row->body, g_bytes_unref);
  g_clear_pointer (&entry->row->first_name, g_free);
  run_job (self, KIOSK_OUTBOX_JOB_FORGET, entry->row, on_update_written, NULL);
}

/* Pending bookings whose time has passed wait for staff instead, and
 * failed ones long past lose the customer's data. */
static void
housekeep (KioskOutbox *self)
{
  gint64 now = g_get_real_time ();

  for (GList *l = self->entries.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;
      KioskOutboxRow *row = entry->row;

      if (entry->in_flight)
        continue;
      if (row->state == KIOSK_OUTBOX_STATE_PENDING && now >= row_give_up_at (row))
        entry_wait (self, entry, KIOSK_OUTBOX_STATE_FAILED,
                    _("Expired before it reached the booking system: call the customer"));
      if (row->state == KIOSK_OUTBOX_STATE_FAILED && !row_is_forgotten (row)
          && now >= row_forget_at (row))
        entry_forget (self, entry);
    }
}

/* The backend answers again: the others waiting out a back-off go now. */
static void
hurry_pending (KioskOutbox *self)
{
  gint64 now = g_get_real_time ();

  for (GList *l = self->entries.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (entry->row->state == KIOSK_OUTBOX_STATE_PENDING)
        entry->row->next_attempt_at = MIN (entry->row->next_attempt_at, now);
    }
}

static KioskOutboxOutcome
entry_sent (KioskOutbox  *self,
            Entry        *entry,
            const char   *reference)
{
  entry_finish (self, entry, KIOSK_OUTBOX_STATE_SENT, reference);
  hurry_pending (self);

  return KIOSK_OUTBOX_OUTCOME_CONFIRMED;
}

/* A 409 when nobody is waiting: the customer was told "queued", so staff
 * must learn the time was taken and call them. */
static KioskOutboxOutcome
entry_taken (KioskOutbox *self,
             Entry       *entry)
{
  g_autoptr(GError) error = NULL;

  if (entry->waiter != NULL)
    {
      entry_finish (self, entry, KIOSK_OUTBOX_STATE_TAKEN, NULL);
      return KIOSK_OUTBOX_OUTCOME_TAKEN;
    }

  error = g_error_new_literal (KIOSK_API_ERROR, KIOSK_API_ERROR_SLOT_TAKEN,
                               _("The time was taken before the booking reached the spa's "
                                 "system; please call the customer"));
  entry_wait (self, entry, KIOSK_OUTBOX_STATE_FAILED, error->message);

  return KIOSK_OUTBOX_OUTCOME_QUEUED;
}

/* Changes the queue after a failed attempt; returns what the customer
 * (if still waiting) is told. */
static KioskOutboxOutcome
entry_failed (KioskOutbox  *self,
              Entry        *entry,
              const GError *error)
{
  /* A transfer cancelled while the queue stays open (the client was shut
   * down) is not an answer: the booking waits for the next attempt. */
  if (kiosk_api_error_is_retryable (error) || kiosk_api_error_is_cancelled (error))
    {
      entry_wait (self, entry, KIOSK_OUTBOX_STATE_PENDING, error->message);
      return KIOSK_OUTBOX_OUTCOME_QUEUED;
    }
  if (g_error_matches (error, KIOSK_API_ERROR, KIOSK_API_ERROR_SLOT_TAKEN))
    return entry_taken (self, entry);

  entry_wait (self, entry, KIOSK_OUTBOX_STATE_FAILED, error->message);
  return KIOSK_OUTBOX_OUTCOME_REJECTED;
}

static void
on_booking_sent (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Entry *entry = user_data;
  KioskOutbox *self = entry->outbox;
  g_autoptr(KioskOutbox) hold = self ? g_object_ref (self) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  KioskOutboxOutcome outcome;

  reference = kiosk_api_client_submit_booking_finish (KIOSK_API_CLIENT (source), result, &error);

  /* The queue was closed: the row stays "sending" in the file and goes
   * back to pending when the queue opens again. */
  if (self == NULL)
    {
      entry_unref (entry);
      return;
    }

  entry->in_flight = FALSE;
  self->n_in_flight--;
  if (reference != NULL)
    outcome = entry_sent (self, entry, reference);
  else
    outcome = entry_failed (self, entry, error);
  update_counts (self);
  kiosk_outbox_schedule (self);

  /* Last: the customer's callback may drop the last reference to the
   * queue (held above until this returns). */
  entry_answer (entry, outcome, reference,
                outcome == KIOSK_OUTBOX_OUTCOME_REJECTED ? error : NULL);
  entry_unref (entry);
}

/* One transfer per booking at a time: in_flight guards it, always the
 * same key and the same stored bytes. */
static void
entry_send (KioskOutbox *self,
            Entry       *entry)
{
  g_assert (!entry->in_flight);

  entry->in_flight = TRUE;
  self->n_in_flight++;
  kiosk_api_client_submit_booking_async (self->client,
                                         entry->row->key,
                                         entry->row->body,
                                         self->cancellable,
                                         on_booking_sent,
                                         entry_ref (entry));
}

/* A row read back without its key or body (a damaged file) cannot be
 * sent: the API client would refuse it and never answer, holding a slot.
 * (An empty key or body is sent, and refused by the backend in words.) */
static gboolean
row_is_sendable (const KioskOutboxRow *row)
{
  return row->key != NULL && row->body != NULL;
}

static void
entry_claim (KioskOutbox *self,
             Entry       *entry)
{
  if (!row_is_sendable (entry->row))
    {
      entry_wait (self, entry, KIOSK_OUTBOX_STATE_FAILED,
                  _("The booking’s data is damaged, so it cannot be sent"));
      return;
    }

  entry->row->state = KIOSK_OUTBOX_STATE_SENDING;
  entry->row->attempts++;
  run_job (self, KIOSK_OUTBOX_JOB_SENDING, entry->row, on_update_written, NULL);
  entry_send (self, entry);
}

static gboolean
on_retry_timer (gpointer user_data)
{
  KioskOutbox *self = user_data;
  gint64 now = g_get_real_time ();

  self->timer_id = 0;
  housekeep (self);
  for (GList *l = self->entries.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (self->n_in_flight >= KIOSK_OUTBOX_MAX_IN_FLIGHT)
        break;
      if (entry->row->state == KIOSK_OUTBOX_STATE_PENDING && !entry->in_flight
          && entry->row->next_attempt_at <= now)
        entry_claim (self, entry);
    }

  update_counts (self);
  kiosk_outbox_schedule (self);

  return G_SOURCE_REMOVE;
}

/* Sets the one timer for the next booking that is due: to be sent, given
 * up or forgotten. */
static void
kiosk_outbox_schedule (KioskOutbox *self)
{
  gint64 next = G_MAXINT64;
  gint64 delay_ms;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->n_in_flight >= KIOSK_OUTBOX_MAX_IN_FLIGHT)
    return;

  for (GList *l = self->entries.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;
      KioskOutboxRow *row = entry->row;

      if (entry->in_flight)
        continue;
      if (row->state == KIOSK_OUTBOX_STATE_PENDING)
        next = MIN (next, MIN (row->next_attempt_at, row_give_up_at (row)));
      else if (row->state == KIOSK_OUTBOX_STATE_FAILED && !row_is_forgotten (row))
        next = MIN (next, row_forget_at (row));
    }
  if (next == G_MAXINT64)
    return;

  delay_ms = CLAMP ((next - g_get_real_time ()) / 1000, 0, (gint64) self->retry_max_ms);
  self->timer_id = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, on_retry_timer, self, NULL);
}

/* GObject */

static void
kiosk_outbox_dispose (GObject *object)
{
  KioskOutbox *self = (KioskOutbox *) object;
  Entry *entry;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);

  while ((entry = g_queue_pop_head (&self->entries)) != NULL)
    {
      entry->outbox = NULL;
      entry_unref (entry);
    }

  /* Every storage job holds a reference to the queue, so none is left
   * here; freeing the pool only stops its thread. */
  if (self->worker != NULL)
    g_thread_pool_free (g_steal_pointer (&self->worker), FALSE, TRUE);
  g_clear_pointer (&self->store, kiosk_outbox_store_close);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (kiosk_outbox_parent_class)->dispose (object);
}

static void
kiosk_outbox_finalize (GObject *object)
{
  KioskOutbox *self = (KioskOutbox *) object;

  g_clear_object (&self->cancellable);
  g_free (self->path);

  G_OBJECT_CLASS (kiosk_outbox_parent_class)->finalize (object);
}

static void
kiosk_outbox_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KioskOutbox *self = KIOSK_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_N_PENDING:
      g_value_set_uint (value, self->n_pending);
      break;

    case PROP_N_FAILED:
      g_value_set_uint (value, self->n_failed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_outbox_class_init (KioskOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kiosk_outbox_dispose;
  object_class->finalize = kiosk_outbox_finalize;
  object_class->get_property = kiosk_outbox_get_property;

  /* Bookings saved and not yet answered for: the front desk confirms them. */
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bookings refused for good: they wait for staff. */
  properties[PROP_N_FAILED] =
    g_param_spec_uint ("n-failed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted whenever a booking in the queue changes. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kiosk_outbox_init (KioskOutbox *self)
{
  self->cancellable = g_cancellable_new ();
  self->retry_base_ms = KIOSK_OUTBOX_DEFAULT_RETRY_BASE_MS;
  self->retry_max_ms = KIOSK_OUTBOX_DEFAULT_RETRY_MAX_MS;
  self->answer_timeout_ms = KIOSK_OUTBOX_DEFAULT_ANSWER_TIMEOUT_MS;
}

/* Opening */

typedef struct
{
  char             *path;
  KioskOutboxStore *store;
  GPtrArray        *rows;
} Opened;

static void
opened_free (Opened *opened)
{
  g_free (opened->path);
  g_clear_pointer (&opened->store, kiosk_outbox_store_close);
  g_clear_pointer (&opened->rows, g_ptr_array_unref);
  g_free (opened);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opened, opened_free)

/* Opens the file and reads what an earlier run left: the only disk work
 * outside the worker, done before the queue exists. */
static Opened *
open_and_load (const char  *path,
               GError     **error)
{
  g_autoptr(Opened) opened = g_new0 (Opened, 1);
  gint64 now = g_get_real_time ();

  opened->path = path ? g_strdup (path) : kiosk_outbox_default_path ();
  if (path == NULL)
    {
      /* The kiosk's own folder is private even if something else made it. */
      g_autofree char *dir = g_path_get_dirname (opened->path);
      g_chmod (dir, 0700);
    }
  opened->store = kiosk_outbox_store_open (opened->path, error);
  if (opened->store == NULL
      || !kiosk_outbox_store_recover (opened->store, now, error)
      || !kiosk_outbox_store_prune (opened->store, now - KIOSK_OUTBOX_KEEP_DONE_USEC, error))
    return NULL;

  opened->rows = kiosk_outbox_store_load (opened->store, error);
  if (opened->rows == NULL)
    return NULL;

  return g_steal_pointer (&opened);
}

static KioskOutbox *
kiosk_outbox_create (KioskApiClient  *client,
                     Opened          *opened,
                     GError         **error)
{
  g_autoptr(KioskOutbox) self = g_object_new (KIOSK_TYPE_OUTBOX, NULL);
  gint64 now = g_get_real_time ();

  self->client = g_object_ref (client);
  self->path = g_steal_pointer (&opened->path);
  self->store = g_steal_pointer (&opened->store);
  for (guint i = 0; i < opened->rows->len; i++)
    {
      KioskOutboxRow *row = g_steal_pointer (&opened->rows->pdata[i]);

      /* A clock that jumped back must not park a booking for years. */
      row->next_attempt_at = MIN (row->next_attempt_at, now + self->retry_max_ms * (gint64) 1000);
      g_queue_push_tail (&self->entries, entry_new (self, row));
    }

  self->worker = kiosk_outbox_worker_new (self->store, error);
  if (self->worker == NULL)
    return NULL;

  housekeep (self);
  update_counts (self);
  kiosk_outbox_schedule (self);

  return g_steal_pointer (&self);
}

/**
 * kiosk_outbox_new:
 * @client: the API client the bookings go out through
 * @path: (nullable): the queue file, or %NULL for the user's data folder
 * @error: return location for a #KIOSK_OUTBOX_ERROR
 *
 * Opens the queue and starts sending what it holds: bookings an earlier
 * run left pending or in the middle of sending. This reads the file on
 * the calling thread (for tools and tests); the kiosk uses
 * kiosk_outbox_new_async(). Later disk work runs on the queue's own thread.
 *
 * Returns: (transfer full): the queue, or %NULL with @error set
 */
KioskOutbox *
kiosk_outbox_new (KioskApiClient  *client,
                  const char      *path,
                  GError         **error)
{
  g_autoptr(Opened) opened = NULL;

  g_return_val_if_fail (KIOSK_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  opened = open_and_load (path, error);
  if (opened == NULL)
    return NULL;

  return kiosk_outbox_create (client, opened, error);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  Opened *opened = open_and_load (task_data, &error);

  if (opened == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, opened, (GDestroyNotify) opened_free);
}

/**
 * kiosk_outbox_new_async:
 * @client: the API client the bookings go out through
 * @path: (nullable): the queue file, or %NULL for the user's data folder
 *
 * Like kiosk_outbox_new(), with the file opened and read on another
 * thread, so the main loop never waits for the disk.
 */
void
kiosk_outbox_new_async (KioskApiClient      *client,
                        const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KIOSK_IS_API_CLIENT (client));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_outbox_new_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
}

/**
 * kiosk_outbox_new_finish:
 *
 * Returns: (transfer full): the queue, or %NULL with @error set
 */
KioskOutbox *
kiosk_outbox_new_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_autoptr(Opened) opened = NULL;
  GObject *client = g_async_result_get_source_object (result);
  g_autoptr(KioskApiClient) api_client = KIOSK_API_CLIENT (client);

  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kiosk_outbox_new_async, NULL);

  opened = g_task_propagate_pointer (G_TASK (result), error);
  if (opened == NULL)
    return NULL;

  return kiosk_outbox_create (api_client, opened, error);
}

const char *
kiosk_outbox_get_path (KioskOutbox *self)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX (self), NULL);

  return self->path;
}

/**
 * kiosk_outbox_set_retry_delays:
 * @base_ms: the window after the first failed attempt
 * @max_ms: the largest window
 *
 * After attempt n fails, the next waits a random time up to
 * min(@max_ms, @base_ms × 2^(n-1)).
 */
void
kiosk_outbox_set_retry_delays (KioskOutbox *self,
                               guint        base_ms,
                               guint        max_ms)
{
  g_return_if_fail (KIOSK_IS_OUTBOX (self));
  g_return_if_fail (base_ms > 0 && base_ms <= max_ms);

  self->retry_base_ms = base_ms;
  self->retry_max_ms = max_ms;
  kiosk_outbox_schedule (self);
}

void
kiosk_outbox_set_answer_timeout (KioskOutbox *self,
                                 guint        timeout_ms)
{
  g_return_if_fail (KIOSK_IS_OUTBOX (self));

  self->answer_timeout_ms = timeout_ms;
}

/* Submitting */

static void
on_row_inserted (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KioskOutbox *self = KIOSK_OUTBOX (source);
  Entry *entry = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxRow) row = kiosk_outbox_worker_finish (result, &error);

  if (row == NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&entry->waiter);

      /* Answered already ("still being saved"): the front desk was told. */
      if (task == NULL)
        g_warning ("Booking queue: a booking could not be saved: %s", error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      entry_unref (entry);
      return;
    }

  /* Durable now: the first attempt may start. */
  entry->row->id = row->id;
  g_queue_push_tail (&self->entries, entry);
  entry_send (self, entry);
  update_counts (self);
  kiosk_outbox_schedule (self);
}

/**
 * kiosk_outbox_submit_async:
 * @details: the booking
 * @cancellable: (nullable): stops waiting for the answer; a booking that
 *   was already saved stays in the queue and is still sent
 *
 * Saves the booking durably with a new Idempotency-Key, then sends it.
 * The answer comes when the backend answers, or after the answer timeout
 * (counted from this call): QUEUED while the transfer goes on, or ERROR
 * with %KIOSK_OUTBOX_ERROR_SAVING if the booking is not saved yet (it is
 * still sent once saved).
 */
void
kiosk_outbox_submit_async (KioskOutbox               *self,
                           const KioskBookingDetails *details,
                           GCancellable              *cancellable,
                           GAsyncReadyCallback        callback,
                           gpointer                   user_data)
{
  KioskBackendConfig *config;
  g_autoptr(GBytes) body = NULL;
  KioskOutboxRow *row;
  Entry *entry;

  g_return_if_fail (KIOSK_IS_OUTBOX (self));
  g_return_if_fail (details != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  config = kiosk_api_client_get_config (self->client);
  body = kiosk_booking_details_to_json (details, kiosk_backend_config_get_kiosk_id (config));

  /* These exact bytes go out on every attempt, after a restart too. */
  row = kiosk_outbox_row_new ();
  row->key = kiosk_api_new_idempotency_key ();
  row->body = kiosk_outbox_wiped_bytes_new (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  row->state = KIOSK_OUTBOX_STATE_SENDING;
  row->attempts = 1;
  row->next_attempt_at = row->created_at = g_get_real_time ();
  row->first_name = g_strdup (details->first_name);
  row->service = g_strdup (details->service_id);
  row->start = g_strdup (details->start);

  entry = entry_new (self, row);
  entry->waiter = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (entry->waiter, kiosk_outbox_submit_async);
  entry->answer_timeout_id = g_timeout_add (self->answer_timeout_ms, on_answer_timeout, entry);
  run_job (self, KIOSK_OUTBOX_JOB_INSERT, row, on_row_inserted, entry);
}

/**
 * kiosk_outbox_submit_finish:
 * @reference: (out) (optional): the booking reference when CONFIRMED
 * @error: why, for REJECTED (which details) and ERROR (not saved)
 *
 * Returns: what to tell the customer
 */
KioskOutboxOutcome
kiosk_outbox_submit_finish (KioskOutbox   *self,
                            GAsyncResult  *result,
                            char         **reference,
                            GError       **error)
{
  SubmitResult *answer;
  KioskOutboxOutcome outcome;

  g_return_val_if_fail (KIOSK_IS_OUTBOX (self), KIOSK_OUTBOX_OUTCOME_ERROR);
  g_return_val_if_fail (g_task_is_valid (result, self), KIOSK_OUTBOX_OUTCOME_ERROR);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kiosk_outbox_submit_async,
                        KIOSK_OUTBOX_OUTCOME_ERROR);

  answer = g_task_propagate_pointer (G_TASK (result), error);
  if (answer == NULL)
    return KIOSK_OUTBOX_OUTCOME_ERROR;

  outcome = answer->outcome;
  if (reference != NULL)
    *reference = g_steal_pointer (&answer->reference);
  if (answer->error != NULL)
    g_propagate_error (error, g_steal_pointer (&answer->error));
  submit_result_free (answer);

  return outcome;
}

/* For staff */

guint
kiosk_outbox_get_n_pending (KioskOutbox *self)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX (self), 0);

  return self->n_pending;
}

guint
kiosk_outbox_get_n_failed (KioskOutbox *self)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX (self), 0);

  return self->n_failed;
}

/**
 * kiosk_outbox_list_items:
 *
 * Returns: (transfer full): a snapshot of the bookings not yet answered
 *   for, oldest first, as #KioskOutboxItem; ask again after #KioskOutbox::changed
 */
GListModel *
kiosk_outbox_list_items (KioskOutbox *self)
{
  GListStore *items;

  g_return_val_if_fail (KIOSK_IS_OUTBOX (self), NULL);

  items = g_list_store_new (KIOSK_TYPE_OUTBOX_ITEM);
  for (GList *l = self->entries.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;
      g_autoptr(KioskOutboxItem) item = kiosk_outbox_item_new_from_row (entry->row);

      g_list_store_append (items, item);
    }

  return G_LIST_MODEL (items);
}

/* Staff ask for every booking to go now, the refused ones too (after they
 * fixed what the message said, or to try once more); not those whose time
 * has passed: staff call the customer and discard them. */
void
kiosk_outbox_retry_now (KioskOutbox *self)
{
  gint64 now = g_get_real_time ();

  g_return_if_fail (KIOSK_IS_OUTBOX (self));

  for (GList *l = self->entries.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (entry->in_flight || now >= row_give_up_at (entry->row))
        continue;
      entry->row->state = KIOSK_OUTBOX_STATE_PENDING;
      entry->row->next_attempt_at = now;
      run_job (self, KIOSK_OUTBOX_JOB_WAITING, entry->row, on_update_written, NULL);
    }

  update_counts (self);
  kiosk_outbox_schedule (self);
}

/* Staff settled a booking another way (they called the customer): it
 * leaves the queue and its data leaves the file. */
gboolean
kiosk_outbox_discard (KioskOutbox  *self,
                      gint64        id,
                      GError      **error)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX (self), FALSE);

  for (GList *l = self->entries.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (entry->row->id != id || entry->in_flight)
        continue;
      run_job (self, KIOSK_OUTBOX_JOB_DISCARD, entry->row, on_update_written, NULL);
      remove_entry (self, entry);
      update_counts (self);
      return TRUE;
    }

  g_set_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_NOT_FOUND,
               _("That booking is not waiting in the queue, or it is being sent right now"));
  return FALSE;
}
