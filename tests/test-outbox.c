/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-outbox.c: the booking queue on a real SQLite file, sending to the real HTTPS backend. */

#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outbox-test-util.h"
#include "kiosk-test-backend.h"

typedef struct
{
  KioskTestBackend *backend;
  KioskApiClient   *client;
  char             *dir;
  char             *path;
  KioskOutbox      *outbox;
} Fixture;

static KioskApiClient *
make_client (KioskTestBackend *backend,
             guint             timeout_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  KioskBackendConfig *config;
  KioskApiClient *client;

  g_assert_true (g_file_get_contents (kiosk_test_backend_get_token_file (backend), &token, NULL,
                                      &error));
  config = kiosk_backend_config_new (kiosk_test_backend_get_url (backend), g_strstrip (token),
                                     "test-kiosk", &error);
  g_assert_no_error (error);
  kiosk_backend_config_set_ca_file (config, kiosk_test_backend_get_ca_file (backend));
  kiosk_backend_config_set_timeout_ms (config, timeout_ms);
  kiosk_backend_config_set_connect_timeout_ms (config, MIN (timeout_ms, 5000));
  client = kiosk_api_client_new (config);
  kiosk_backend_config_unref (config);

  return client;
}

static KioskOutbox *
open_outbox (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  KioskOutbox *outbox = kiosk_outbox_new (f->client, f->path, &error);

  g_assert_no_error (error);
  kiosk_outbox_set_retry_delays (outbox, 50, 400);

  return outbox;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->backend = kiosk_test_backend_start (KIOSK_TEST_BACKEND_NONE);
  f->client = make_client (f->backend, 20000);
  f->dir = g_dir_make_tmp ("test-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "outbox.db", NULL);
  f->outbox = open_outbox (f);
}

/* Drops the queue and waits until it is really gone (its last writes done). */
static void
close_outbox (KioskOutbox **outbox)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (*outbox), (gpointer *) outbox);
  g_object_unref (*outbox);
  while (*outbox != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->outbox != NULL)
    close_outbox (&f->outbox);
  g_assert_finalize_object (f->client);
  kiosk_test_backend_free (f->backend);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @cond holds, failing after @seconds. */
static void
wait_for (gboolean (*cond) (gpointer),
          gpointer  data,
          guint     seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, wake_up, NULL);

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("condition not met within %u s", seconds);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static gboolean
queue_is_empty (gpointer data)
{
  KioskOutbox *outbox = data;

  return kiosk_outbox_get_n_pending (outbox) == 0;
}

static void
on_availability (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  KioskApiAvailability **out = user_data;

  *out = kiosk_api_client_get_availability_finish (KIOSK_API_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

/* A free start time for @service, @days_ahead days from now; @index picks
 * among the day's slots (2 h apart, so they never overlap). */
static char *
free_slot (Fixture    *f,
           const char *service,
           guint       days_ahead,
           guint       index)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Denver");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_ahead);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  g_autoptr(KioskApiAvailability) availability = NULL;

  kiosk_api_client_get_availability_async (f->client, service, date, 0, NULL, on_availability,
                                           &availability);
  wait_for (is_set, &availability, 30);
  g_assert_cmpuint (g_strv_length (availability->slots), >, index * 4);

  return g_strdup (availability->slots[index * 4]);
}

static void
fill_details (KioskBookingDetails *details,
              const char          *start,
              const char          *first_name,
              const char          *phone)
{
  details->service_id = g_strdup ("relaxation");
  details->start = g_strdup (start);
  details->first_name = g_strdup (first_name);
  details->last_name = g_strdup ("Vandersloot");
  details->phone = g_strdup (phone);
  details->email = g_strdup ("guest@example.com");
  details->health_note = g_strdup ("sciatica");
}

typedef struct
{
  gboolean            done;
  KioskOutboxOutcome  outcome;
  char               *reference;
  GError             *error;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->reference, g_free);
  g_clear_error (&answer->error);
  answer->done = FALSE;
}

static void
on_submitted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Answer *answer = user_data;

  answer->outcome = kiosk_outbox_submit_finish (KIOSK_OUTBOX (source), result,
                                                &answer->reference, &answer->error);
  answer->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Answer *) data)->done;
}

static void
submit (KioskOutbox  *outbox,
        const char   *start,
        const char   *first_name,
        const char   *phone,
        Answer       *answer)
{
  g_auto(KioskBookingDetails) details = { 0 };

  fill_details (&details, start, first_name, phone);
  kiosk_outbox_submit_async (outbox, &details, NULL, on_submitted, answer);
}

static void
submit_and_wait (KioskOutbox  *outbox,
                 const char   *start,
                 const char   *first_name,
                 const char   *phone,
                 Answer       *answer)
{
  submit (outbox, start, first_name, phone, answer);
  wait_for (is_done, answer, 60);
}

typedef struct
{
  const char *path;
  const char *sql;
  const char *expected;
} DbCheck;

static gboolean
db_says (gpointer data)
{
  const DbCheck *check = data;
  g_autofree char *value = query_text (check->path, check->sql);

  return g_strcmp0 (value, check->expected) == 0;
}

/* Waits until @sql on the queue file answers @expected. */
static void
wait_for_db (const char *path,
             const char *sql,
             const char *expected)
{
  DbCheck check = { path, sql, expected };

  wait_for (db_says, &check, 60);
}

static void
test_confirmed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  Answer answer = { 0 };
  struct stat st;

  submit_and_wait (f->outbox, start, "Philomena", "8015550142", &answer);
  g_assert_no_error (answer.error);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_CONFIRMED);
  g_assert_nonnull (answer.reference);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);

  /* Only the key, state, reference and times remain, in a 0600 file. */
  wait_for_db (f->path, "SELECT state FROM outbox", "sent");
  g_assert_false (file_contains (f->path, "Philomena"));
  g_assert_false (file_contains (f->path, "Vandersloot"));
  g_assert_false (file_contains (f->path, "8015550142"));
  g_assert_false (file_contains (f->path, "guest@example.com"));
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *reference = query_text (f->path, "SELECT reference FROM outbox");
    g_assert_cmpstr (reference, ==, answer.reference);
  }
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);
  answer_clear (&answer);
}

typedef struct
{
  const char *path;
  Answer     *answer;
} RowSeen;

static gboolean
row_in_file (gpointer data)
{
  RowSeen *seen = data;
  g_autofree char *state = NULL;

  /* The submit has not answered: the backend is still holding the request. */
  g_assert_false (seen->answer->done);
  state = query_text (seen->path,
                      "SELECT state FROM outbox WHERE CAST (body AS TEXT) LIKE '%8015550143%'");

  return state != NULL;
}

static void
test_durable_before_sending (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  Answer answer = { 0 };
  RowSeen seen = { f->path, &answer };

  kiosk_test_backend_fault (f->backend, "slow", 1, 4000);
  submit (f->outbox, start, "Ottoline", "8015550143", &answer);
  wait_for (row_in_file, &seen, 30);

  wait_for (is_done, &answer, 60);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_CONFIRMED);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  answer_clear (&answer);
}

static void
count_call (guint *counter)
{
  (*counter)++;
}

static void
test_backend_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  g_autoptr(GListModel) items = NULL;
  g_autoptr(KioskOutboxItem) item = NULL;
  Answer answer = { 0 };

  guint n_changed = 0;
  guint n_notified = 0;

  g_signal_connect_swapped (f->outbox, "changed", G_CALLBACK (count_call), &n_changed);
  g_signal_connect_swapped (f->outbox, "notify::n-pending", G_CALLBACK (count_call), &n_notified);

  kiosk_test_backend_stop (f->backend);
  submit_and_wait (f->outbox, start, "Cordelia", "8015550144", &answer);
  g_assert_no_error (answer.error);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_QUEUED);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 1);

  /* Staff see who is waiting and why, in plain words. */
  items = kiosk_outbox_list_items (f->outbox);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpstr (kiosk_outbox_item_get_first_name (item), ==, "Cordelia");
  g_assert_cmpstr (kiosk_outbox_item_get_service (item), ==, "relaxation");
  g_assert_cmpstr (kiosk_outbox_item_get_start (item), ==, start);

  /* A few more attempts fail while it is down. */
  wait_for_db (f->path, "SELECT attempts >= 3 FROM outbox", "1");

  kiosk_test_backend_restart (f->backend);
  wait_for (queue_is_empty, f->outbox, 60);
  wait_for_db (f->path, "SELECT state FROM outbox", "sent");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);

  /* Staff screens heard of it: 0 → 1 → 0 pending, and every change. */
  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_cmpuint (n_changed, >=, 3);
  g_signal_handlers_disconnect_by_data (f->outbox, &n_changed);
  g_signal_handlers_disconnect_by_data (f->outbox, &n_notified);
  answer_clear (&answer);
}

static void
test_server_error_then_success (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  Answer answer = { 0 };

  kiosk_test_backend_fault (f->backend, "status-503", 2, 0);
  submit_and_wait (f->outbox, start, "Isadora", "8015550145", &answer);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_QUEUED);

  wait_for (queue_is_empty, f->outbox, 60);
  wait_for_db (f->path, "SELECT state || ' ' || attempts FROM outbox", "sent 3");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  answer_clear (&answer);
}

static void
test_taken (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  Answer first = { 0 };
  Answer second = { 0 };

  submit_and_wait (f->outbox, start, "Augustina", "8015550146", &first);
  g_assert_cmpint (first.outcome, ==, KIOSK_OUTBOX_OUTCOME_CONFIRMED);

  submit_and_wait (f->outbox, start, "Bartholomew", "8015550147", &second);
  g_assert_cmpint (second.outcome, ==, KIOSK_OUTBOX_OUTCOME_TAKEN);
  g_assert_null (second.reference);

  /* The customer was told; nothing of theirs stays. */
  wait_for_db (f->path, "SELECT group_concat(state, ' ') FROM outbox ORDER BY id", "sent taken");
  g_assert_false (file_contains (f->path, "Bartholomew"));
  g_assert_false (file_contains (f->path, "8015550147"));
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);
  g_assert_cmpuint (kiosk_outbox_get_n_failed (f->outbox), ==, 0);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  answer_clear (&first);
  answer_clear (&second);
}

static guint
item_attempts (KioskOutbox *outbox)
{
  g_autoptr(GListModel) items = kiosk_outbox_list_items (outbox);
  g_autoptr(KioskOutboxItem) item = g_list_model_get_item (items, 0);

  return kiosk_outbox_item_get_attempts (item);
}

static gboolean
attempts_are_two (gpointer data)
{
  KioskOutbox *outbox = data;

  return kiosk_outbox_get_n_failed (outbox) == 1 && item_attempts (outbox) == 2;
}

static void
test_rejected (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  g_autoptr(GListModel) items = NULL;
  g_autoptr(KioskOutboxItem) item = NULL;
  Answer answer = { 0 };

  submit_and_wait (f->outbox, start, "Leopoldine", "12", &answer);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_REJECTED);
  g_assert_error (answer.error, KIOSK_API_ERROR, KIOSK_API_ERROR_REJECTED);
  g_assert_nonnull (strstr (answer.error->message, "phone"));
  g_assert_cmpuint (kiosk_outbox_get_n_failed (f->outbox), ==, 1);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);

  /* It waits for staff with its reason, and is not retried by itself. */
  items = kiosk_outbox_list_items (f->outbox);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpint (kiosk_outbox_item_get_state (item), ==, KIOSK_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (kiosk_outbox_item_get_first_name (item), ==, "Leopoldine");
  g_assert_cmpstr (kiosk_outbox_item_get_reason (item), ==, answer.error->message);
  g_assert_cmpuint (kiosk_outbox_item_get_attempts (item), ==, 1);
  wait_for_db (f->path, "SELECT state || ' ' || attempts FROM outbox", "failed 1");
  g_usleep (G_USEC_PER_SEC);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (item_attempts (f->outbox), ==, 1);

  /* Staff retry it: one more attempt, refused again, still waiting. */
  kiosk_outbox_retry_now (f->outbox);
  wait_for (attempts_are_two, f->outbox, 60);
  wait_for_db (f->path, "SELECT state || ' ' || attempts FROM outbox", "failed 2");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);

  /* Staff settle it another way: its data leaves the file. */
  g_assert_true (kiosk_outbox_discard (f->outbox, kiosk_outbox_item_get_id (item), NULL));
  g_assert_cmpuint (kiosk_outbox_get_n_failed (f->outbox), ==, 0);
  wait_for_db (f->path, "SELECT count(*) FROM outbox", "0");
  g_assert_false (file_contains (f->path, "Leopoldine"));
  answer_clear (&answer);
}

static void
on_outbox_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  KioskOutbox **out = user_data;

  *out = kiosk_outbox_new_finish (result, &error);
  g_assert_no_error (error);
  kiosk_outbox_set_retry_delays (*out, 50, 400);
}

static void
test_survives_restart (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  Answer answer = { 0 };

  kiosk_test_backend_stop (f->backend);
  submit_and_wait (f->outbox, start, "Evangeline", "8015550148", &answer);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_QUEUED);
  close_outbox (&f->outbox);

  /* A new queue on the same file, opened as the kiosk opens it. */
  kiosk_test_backend_restart (f->backend);
  kiosk_outbox_new_async (f->client, f->path, NULL, on_outbox_opened, &f->outbox);
  wait_for (is_set, &f->outbox, 30);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 1);
  wait_for (queue_is_empty, f->outbox, 60);
  wait_for_db (f->path, "SELECT state FROM outbox", "sent");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  answer_clear (&answer);
}

static void
test_answer_in_bounded_time (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  Answer answer = { 0 };
  gint64 began;

  /* The backend holds the request far longer than the customer waits. */
  kiosk_test_backend_fault (f->backend, "slow", 1, 8000);
  kiosk_outbox_set_answer_timeout (f->outbox, 2500);
  began = g_get_monotonic_time ();
  submit_and_wait (f->outbox, start, "Marguerite", "8015550149", &answer);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_QUEUED);
  g_assert_cmpint (g_get_monotonic_time () - began, <, 6 * G_USEC_PER_SEC);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 1);

  /* The same transfer goes on and lands once. */
  wait_for (queue_is_empty, f->outbox, 60);
  wait_for_db (f->path, "SELECT state || ' ' || attempts FROM outbox", "sent 1");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  answer_clear (&answer);
}

typedef struct
{
  Answer       answer;
  KioskOutbox *outbox;
} Dropper;

/* The customer's screen lets go of the queue as soon as it has its answer. */
static void
on_submitted_drop (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Dropper *dropper = user_data;

  on_submitted (source, result, &dropper->answer);
  g_clear_object (&dropper->outbox);
}

static gboolean
is_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_drop_in_callback (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  g_auto(KioskBookingDetails) details = { 0 };
  Dropper dropper = { { 0 }, g_steal_pointer (&f->outbox) };
  KioskOutbox *weak = dropper.outbox;
  g_autofree char *state = NULL;

  /* The callback drops the last reference: the queue still writes the
   * answer to the file, and only then goes away. */
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  fill_details (&details, start, "Hortensia", "8015550152");
  kiosk_outbox_submit_async (dropper.outbox, &details, NULL, on_submitted_drop, &dropper);
  wait_for (is_done, &dropper.answer, 60);
  g_assert_cmpint (dropper.answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_CONFIRMED);
  g_assert_null (dropper.outbox);
  wait_for (is_cleared, &weak, 30);
  state = query_text (f->path, "SELECT state FROM outbox");
  g_assert_cmpstr (state, ==, "sent");
  g_assert_false (file_contains (f->path, "Hortensia"));
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  answer_clear (&dropper.answer);
}

/* Writes a row into the queue file as an earlier run left it. */
static void
put_row (const char       *path,
         const char       *key,
         const char       *first_name,
         const char       *phone,
         KioskOutboxState  state,
         gint64            age_seconds,
         gint64            start_from_now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxStore) store = kiosk_outbox_store_open (path, &error);
  g_autoptr(KioskOutboxRow) row = make_row (key, first_name, phone);

  g_assert_no_error (error);
  row->state = state;
  row->created_at -= age_seconds * G_USEC_PER_SEC;
  g_free (row->start);
  row->start = iso_from_now (start_from_now);
  g_assert_true (kiosk_outbox_store_insert (store, row, &error));
  g_assert_no_error (error);
}

static void
idle_a_second (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, wake_up, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

#define EXPIRED_REASON "Expired before it reached the booking system: call the customer"

static void
test_expired_on_open (Fixture       *f,
                      gconstpointer  data)
{
  const char *states = "SELECT group_concat (idempotency_key || ' ' || state || ' ' || attempts,"
                       " ', ') FROM (SELECT * FROM outbox ORDER BY id)";
  g_autofree char *reason = NULL;
  g_autofree char *key = NULL;

  close_outbox (&f->outbox);
  /* Made 25 h ago for tomorrow; made an hour ago for ten minutes ago;
   * refused three days ago for a time two days and a minute ago. */
  put_row (f->path, "key-old", "Wilhelmina", "8015550160", KIOSK_OUTBOX_STATE_PENDING,
           25 * 60 * 60, 24 * 60 * 60);
  put_row (f->path, "key-past", "Cordelia", "8015550161", KIOSK_OUTBOX_STATE_SENDING,
           60 * 60, -10 * 60);
  put_row (f->path, "key-gone", "Clementine", "8015550162", KIOSK_OUTBOX_STATE_FAILED,
           3 * 24 * 60 * 60, -(2 * 24 * 60 + 1) * 60);

  /* None of them is sent: they wait for staff, with the reason in words. */
  f->outbox = open_outbox (f);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);
  g_assert_cmpuint (kiosk_outbox_get_n_failed (f->outbox), ==, 3);
  wait_for_db (f->path, "SELECT count (*) FROM outbox WHERE last_error = '" EXPIRED_REASON "'",
               "2");
  wait_for_db (f->path, "SELECT count (*) FROM outbox WHERE body IS NULL", "1");

  /* Staff cannot resend them either: their time has passed. */
  kiosk_outbox_retry_now (f->outbox);
  idle_a_second ();
  wait_for_db (f->path, states, "key-old failed 0, key-past failed 0, key-gone failed 0");
  g_assert_cmpuint (kiosk_outbox_get_n_failed (f->outbox), ==, 3);

  /* The long-past one keeps nothing of the customer's, only what staff
   * need to find it. */
  g_assert_false (file_contains (f->path, "Clementine"));
  g_assert_false (file_contains (f->path, "8015550162"));
  g_assert_true (file_contains (f->path, "8015550160"));
  key = query_text (f->path, "SELECT idempotency_key FROM outbox WHERE first_name IS NULL");
  g_assert_cmpstr (key, ==, "key-gone");
  reason = query_text (f->path, "SELECT last_error FROM outbox WHERE idempotency_key = 'key-old'");
  g_assert_cmpstr (reason, ==, EXPIRED_REASON);
}

static gboolean
one_failed (gpointer data)
{
  return kiosk_outbox_get_n_failed (data) == 1;
}

static void
test_expires_while_queued (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *start = iso_from_now (3);
  g_autofree char *attempts = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(KioskOutboxItem) item = NULL;
  Answer answer = { 0 };

  /* The backend is away until the appointment has begun. */
  kiosk_test_backend_stop (f->backend);
  submit_and_wait (f->outbox, start, "Philippa", "8015550163", &answer);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_QUEUED);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 1);

  wait_for (one_failed, f->outbox, 30);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);
  items = kiosk_outbox_list_items (f->outbox);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpstr (kiosk_outbox_item_get_reason (item), ==, EXPIRED_REASON);
  wait_for_db (f->path, "SELECT state || ' ' || last_error FROM outbox", "failed " EXPIRED_REASON);
  attempts = query_text (f->path, "SELECT attempts FROM outbox");

  /* The backend is back: the booking stays unsent, even when staff ask. */
  kiosk_test_backend_restart (f->backend);
  kiosk_outbox_retry_now (f->outbox);
  idle_a_second ();
  idle_a_second ();
  g_assert_cmpuint (kiosk_outbox_get_n_failed (f->outbox), ==, 1);
  g_assert_cmpuint (item_attempts (f->outbox), ==, g_ascii_strtoull (attempts, NULL, 10));
  expected = g_strconcat ("failed ", attempts, NULL);
  wait_for_db (f->path, "SELECT state || ' ' || attempts FROM outbox", expected);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);
  answer_clear (&answer);
}

/* Changes the queue file as a damaged disk or a careless hand would. */
static void
spoil_file (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gboolean
five_failed (gpointer data)
{
  return kiosk_outbox_get_n_failed (data) == 5;
}

static void
test_rows_without_data (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  g_autoptr(GListModel) items = NULL;
  Answer answer = { 0 };

  /* Five rows lost their body: more than the transfers sent at once. */
  close_outbox (&f->outbox);
  for (guint i = 0; i < KIOSK_OUTBOX_MAX_IN_FLIGHT + 1; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-damaged-%u", i);
      put_row (f->path, key, "Griselda", "8015550164", KIOSK_OUTBOX_STATE_PENDING, 0, 3600);
    }
  spoil_file (f->path, "UPDATE outbox SET body = NULL");

  /* They wait for staff with the reason in words, and hold no slot. */
  f->outbox = open_outbox (f);
  wait_for (five_failed, f->outbox, 30);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);
  items = kiosk_outbox_list_items (f->outbox);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(KioskOutboxItem) item = g_list_model_get_item (items, i);
      g_assert_nonnull (strstr (kiosk_outbox_item_get_reason (item), "damaged"));
    }

  /* A staff retry books none of them; a new booking still goes. */
  kiosk_outbox_retry_now (f->outbox);
  submit_and_wait (f->outbox, start, "Octavia", "8015550165", &answer);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_CONFIRMED);
  wait_for (five_failed, f->outbox, 60);
  wait_for_db (f->path, "SELECT count (*) FROM outbox WHERE state = 'failed'", "5");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  answer_clear (&answer);
}

typedef struct
{
  sqlite3 *db;
  Answer  *answer;
} Blocker;

/* Another process holds the file, so the save waits: the customer is
 * answered meanwhile, then the file is let go. */
static gboolean
answered_while_blocked (gpointer data)
{
  Blocker *blocker = data;

  if (!blocker->answer->done)
    return FALSE;
  g_assert_cmpint (sqlite3_exec (blocker->db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  return TRUE;
}

static void
test_answer_while_saving (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  Answer answer = { 0 };
  Blocker blocker = { NULL, &answer };

  /* The save is held up (as by a stalled fsync) for up to 10 s: the
   * customer hears within 8 s that it is not saved yet, never "queued". */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &blocker.db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (blocker.db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  kiosk_outbox_set_answer_timeout (f->outbox, 500);
  submit (f->outbox, start, "Bernadette", "8015550166", &answer);
  wait_for (answered_while_blocked, &blocker, 8);
  g_assert_cmpint (sqlite3_close (blocker.db), ==, SQLITE_OK);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_ERROR);
  g_assert_error (answer.error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_SAVING);
  g_assert_nonnull (strstr (answer.error->message, "front desk"));

  /* Saved after all: it goes out as usual. */
  wait_for_db (f->path, "SELECT state FROM outbox", "sent");
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  answer_clear (&answer);
}

static void
test_not_saved_not_sent (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  g_autofree char *garbage = g_strnfill (100, 'x');
  Answer answer = { 0 };
  FILE *file;

  /* The disk spoils the queue file under the running kiosk. */
  file = fopen (f->path, "r+");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (garbage, 1, 100, file), ==, 100);
  g_assert_cmpint (fclose (file), ==, 0);

  /* A booking that could not be saved is not sent: the customer is told
   * to call the spa, and the backend never hears of it. */
  submit_and_wait (f->outbox, start, "Anastasia", "8015550151", &answer);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_ERROR);
  g_assert_error (answer.error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_STORAGE);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);
  answer_clear (&answer);
}

/* Reads one value from the backend's own database. */
static char *
backend_query (Fixture    *f,
               const char *sql)
{
  return query_text (kiosk_test_backend_get_db_path (f->backend), sql);
}

static void
test_same_key_and_body (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *start = free_slot (f, "relaxation", 1, 0);
  g_autofree char *key = NULL;
  g_autofree char *backend_key = NULL;
  g_autofree char *n_keys = NULL;
  Answer answer = { 0 };

  /* The backend makes the booking but its answer arrives garbled, twice:
   * the kiosk must resend. A new key would find the slot taken (409); the
   * same key with other bytes would be refused as a reused key (422). */
  kiosk_test_backend_fault (f->backend, "malformed", 2, 0);
  submit_and_wait (f->outbox, start, "Rosalind", "8015550150", &answer);
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_QUEUED);

  wait_for (queue_is_empty, f->outbox, 60);
  wait_for_db (f->path, "SELECT state || ' ' || attempts FROM outbox", "sent 3");
  g_assert_cmpuint (kiosk_outbox_get_n_failed (f->outbox), ==, 0);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);

  key = query_text (f->path, "SELECT idempotency_key FROM outbox");
  n_keys = backend_query (f, "SELECT count(*) FROM idempotency_keys");
  backend_key = backend_query (f, "SELECT key FROM idempotency_keys");
  g_assert_cmpstr (n_keys, ==, "1");
  g_assert_cmpstr (backend_key, ==, key);
  answer_clear (&answer);
}

/* The kill test */

#define STRESS_COUNT 200
#define STRESS_KILLS 4

/* 0 while the file or its table does not exist yet. Opened read-write, as
 * the next run would: after a kill, only a writer may roll back the
 * interrupted transaction. */
static guint
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* The stress tool dies with the test, whatever becomes of the test. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GSubprocess *
spawn_stress (Fixture    *f,
              const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tool = g_test_build_filename (G_TEST_BUILT, "outbox-stress", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  GSubprocess *process;

  /* Its chatter goes to stderr: stdout carries this test's TAP. */
  g_subprocess_launcher_take_stdout_fd (launcher, dup (STDERR_FILENO));
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, tool,
                              kiosk_test_backend_get_url (f->backend),
                              kiosk_test_backend_get_ca_file (f->backend),
                              kiosk_test_backend_get_token_file (f->backend),
                              dir, G_STRINGIFY (STRESS_COUNT), NULL);
  g_assert_no_error (error);

  return process;
}

static void
test_kill (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "stress", NULL);
  g_autofree char *db = g_build_filename (dir, "outbox.db", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 began = g_get_monotonic_time ();

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  for (guint kill = 0; kill < STRESS_KILLS; kill++)
    {
      /* Kills spread over the whole run, each at a random moment near
       * its share of the bookings. */
      guint target = (kill + 1) * STRESS_COUNT / (STRESS_KILLS + 1)
                     + g_test_rand_int_range (-10, 10);
      gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

      process = spawn_stress (f, dir);
      while (kiosk_test_backend_count_bookings (f->backend) < target)
        {
          g_assert_nonnull (g_subprocess_get_identifier (process));
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_usleep (g_test_rand_int_range (1000, 10000));
        }

      /* The hard case: bookings the backend has made but whose answers
       * are still on the way when the kiosk dies. */
      kiosk_test_backend_fault (f->backend, "drip", 8, 50);
      g_usleep (g_test_rand_int_range (0, 150000));
      g_subprocess_force_exit (process);
      g_assert_true (g_subprocess_wait (process, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (process));
      kiosk_test_backend_fault (f->backend, "clear", 0, 0);
      g_test_message ("killed with %u queued, %u sent, %u in the backend",
                      count_rows (db, "SELECT count(*) FROM outbox"),
                      count_rows (db, "SELECT count(*) FROM outbox WHERE state = 'sent'"),
                      kiosk_test_backend_count_bookings (f->backend));
      g_clear_object (&process);
    }

  /* The last run finishes the queue. */
  process = spawn_stress (f, dir);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%d bookings, %d kills, %.1f s", STRESS_COUNT, STRESS_KILLS,
                  (g_get_monotonic_time () - began) / (double) G_USEC_PER_SEC);

  /* None lost, none doubled: one row and one booking per booking. */
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, STRESS_COUNT);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM outbox WHERE state = 'sent'"), ==,
                    STRESS_COUNT);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM outbox"), ==, STRESS_COUNT);
  g_assert_cmpuint (count_rows (kiosk_test_backend_get_db_path (f->backend),
                                "SELECT count(*) FROM idempotency_keys"), ==, STRESS_COUNT);
  g_assert_cmpuint (count_rows (kiosk_test_backend_get_db_path (f->backend),
                                "SELECT count(DISTINCT phone) FROM bookings"), ==, STRESS_COUNT);
  g_assert_false (file_contains (db, "Guest"));
}

static gboolean
retried_once (gpointer data)
{
  KioskOutbox *outbox = data;

  return kiosk_outbox_get_n_failed (outbox) == 1 && item_attempts (outbox) == 1;
}

/* A row that lost its body (a damaged or hand-edited file) is not sent and
 * does not stall the queue: it waits for staff as failed, saying why. */
static void
test_damaged_row (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KioskOutboxRow) row = make_row ("3f2a6c1e-0d4b-4c55-9a51-9b7d2f0c1a11",
                                            "Leopoldine", "8015550123");
  g_autoptr(KioskOutboxStore) store = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(KioskOutboxItem) item = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  close_outbox (&f->outbox);
  store = kiosk_outbox_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_outbox_store_insert (store, row, &error));
  g_clear_pointer (&store, kiosk_outbox_store_close);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE outbox SET body = x''", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  f->outbox = open_outbox (f);
  g_assert_cmpuint (kiosk_outbox_get_n_failed (f->outbox), ==, 1);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);
  items = kiosk_outbox_list_items (f->outbox);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpint (kiosk_outbox_item_get_state (item), ==, KIOSK_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (kiosk_outbox_item_get_first_name (item), ==, "Leopoldine");
  g_assert_nonnull (strstr (kiosk_outbox_item_get_reason (item), "damaged"));

  /* Staff retry it: the backend refuses the empty body; nothing is booked. */
  kiosk_outbox_retry_now (f->outbox);
  wait_for (retried_once, f->outbox, 60);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);


#define BACKEND_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  BACKEND_TEST ("/kiosk/outbox/confirmed", test_confirmed);
  BACKEND_TEST ("/kiosk/outbox/durable-before-sending", test_durable_before_sending);
  BACKEND_TEST ("/kiosk/outbox/backend-down", test_backend_down);
  BACKEND_TEST ("/kiosk/outbox/server-error-then-success", test_server_error_then_success);
  BACKEND_TEST ("/kiosk/outbox/taken", test_taken);
  BACKEND_TEST ("/kiosk/outbox/rejected", test_rejected);
  BACKEND_TEST ("/kiosk/outbox/survives-restart", test_survives_restart);
  BACKEND_TEST ("/kiosk/outbox/answer-in-bounded-time", test_answer_in_bounded_time);
  BACKEND_TEST ("/kiosk/outbox/same-key-and-body", test_same_key_and_body);
  BACKEND_TEST ("/kiosk/outbox/not-saved-not-sent", test_not_saved_not_sent);
  BACKEND_TEST ("/kiosk/outbox/drop-in-callback", test_drop_in_callback);
  BACKEND_TEST ("/kiosk/outbox/expired-on-open", test_expired_on_open);
  BACKEND_TEST ("/kiosk/outbox/expires-while-queued", test_expires_while_queued);
  BACKEND_TEST ("/kiosk/outbox/rows-without-data", test_rows_without_data);
  BACKEND_TEST ("/kiosk/outbox/answer-while-saving", test_answer_while_saving);
  BACKEND_TEST ("/kiosk/outbox/kill", test_kill);
  BACKEND_TEST ("/kiosk/outbox/damaged-row", test_damaged_row);

  return g_test_run ();
}
