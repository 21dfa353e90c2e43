/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-api-client.c: the booking API client against the real spa-backend over HTTPS on loopback. */

#include "config.h"

#include <string.h>

#include "kiosk-api-client.h"
#include "kiosk-booking.h"
#include "kiosk-test-backend.h"

#define DEADLINE_SECONDS 60

typedef struct
{
  KioskTestBackend *backend;
  KioskBackendConfig *config;
  KioskApiClient *client;
} Fixture;

typedef struct
{
  gboolean done;
  GAsyncResult *result;
} Wait;

static gboolean
deadline_cb (gpointer user_data)
{
  g_error ("a request did not finish within %d seconds", DEADLINE_SECONDS);
  return G_SOURCE_REMOVE;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

/* Runs the main context until the request is done; the caller owns the result. */
static GAsyncResult *
wait_for (Wait *wait)
{
  guint deadline = g_timeout_add_seconds (DEADLINE_SECONDS, deadline_cb, NULL);

  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);

  return wait->result;
}

/* The token as in the backend's token file, without the newline. */
static char *
read_token (KioskTestBackend *backend)
{
  g_autoptr(GError) error = NULL;
  char *token = NULL;

  g_file_get_contents (kiosk_test_backend_get_token_file (backend), &token, NULL, &error);
  g_assert_no_error (error);
  return g_strstrip (token);
}

static KioskBackendConfig *
config_for (KioskTestBackend *backend,
            const char       *token)
{
  g_autoptr(GError) error = NULL;
  KioskBackendConfig *config;

  config = kiosk_backend_config_new (kiosk_test_backend_get_url (backend), token, "lobby-1",
                                     &error);
  g_assert_no_error (error);
  kiosk_backend_config_set_ca_file (config, kiosk_test_backend_get_ca_file (backend));
  kiosk_backend_config_set_connect_timeout_ms (config, 5000);
  kiosk_backend_config_set_timeout_ms (config, 20000);

  return config;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *token = NULL;

  fixture->backend = kiosk_test_backend_start (KIOSK_TEST_BACKEND_NONE);
  token = read_token (fixture->backend);
  fixture->config = config_for (fixture->backend, token);
  fixture->client = kiosk_api_client_new (fixture->config);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->client);
  g_clear_pointer (&fixture->config, kiosk_backend_config_unref);
  g_clear_pointer (&fixture->backend, kiosk_test_backend_free);
}

static void
assert_error (const GError *error,
              int           code,
              gboolean      retryable)
{
  g_assert_error (error, KIOSK_API_ERROR, code);
  g_assert_cmpint (kiosk_api_error_is_retryable (error), ==, retryable);
  g_test_message ("error as a person sees it: %s", error->message);
}

/* ---- synchronous wrappers for the tests ---- */

static KioskApiHealth *
get_health (KioskApiClient  *client,
            GError         **error)
{
  Wait wait = { FALSE, NULL };
  g_autoptr(GAsyncResult) result = NULL;

  kiosk_api_client_get_health_async (client, NULL, done_cb, &wait);
  result = wait_for (&wait);
  return kiosk_api_client_get_health_finish (client, result, error);
}

static GPtrArray *
list_services (KioskApiClient  *client,
               GError         **error)
{
  Wait wait = { FALSE, NULL };
  g_autoptr(GAsyncResult) result = NULL;

  kiosk_api_client_list_services_async (client, NULL, done_cb, &wait);
  result = wait_for (&wait);
  return kiosk_api_client_list_services_finish (client, result, error);
}

static KioskApiAvailability *
get_availability_for (KioskApiClient  *client,
                      const char      *service,
                      const char      *date,
                      guint            duration_minutes,
                      GError         **error)
{
  Wait wait = { FALSE, NULL };
  g_autoptr(GAsyncResult) result = NULL;

  kiosk_api_client_get_availability_async (client, service, date, duration_minutes, NULL,
                                           done_cb, &wait);
  result = wait_for (&wait);
  return kiosk_api_client_get_availability_finish (client, result, error);
}

static KioskApiAvailability *
get_availability (KioskApiClient  *client,
                  const char      *service,
                  const char      *date,
                  GError         **error)
{
  return get_availability_for (client, service, date, 0, error);
}

static char *
submit (KioskApiClient  *client,
        const char      *key,
        GBytes          *body,
        GCancellable    *cancellable,
        GError         **error)
{
  Wait wait = { FALSE, NULL };
  g_autoptr(GAsyncResult) result = NULL;

  kiosk_api_client_submit_booking_async (client, key, body, cancellable, done_cb, &wait);
  result = wait_for (&wait);
  return kiosk_api_client_submit_booking_finish (client, result, error);
}

/* Tomorrow in the spa's time zone: open, within the horizon, all free. */
static char *
tomorrow (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Denver");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next = NULL;

  g_assert_nonnull (tz);
  now = g_date_time_new_now (tz);
  next = g_date_time_add_days (now, 1);
  return g_date_time_format (next, "%Y-%m-%d");
}

static char *
free_slot (Fixture *fixture,
           guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = tomorrow ();
  g_autoptr(KioskApiAvailability) availability = NULL;

  availability = get_availability (fixture->client, "relaxation", date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (availability->slots), >, index);
  return g_strdup (availability->slots[index]);
}

static GBytes *
booking_body (const char *start,
              const char *phone)
{
  g_auto(KioskBookingDetails) details = { NULL, };

  details.service_id = g_strdup ("relaxation");
  details.start = g_strdup (start);
  details.first_name = g_strdup ("José");
  details.last_name = g_strdup ("Núñez");
  details.phone = g_strdup (phone);
  details.email = g_strdup ("jose@example.com");
  details.health_note = g_strdup ("sciatica");

  return kiosk_booking_details_to_json (&details, "lobby-1");
}

/* ---- the tests ---- */

static void
test_health (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskApiHealth) health = get_health (fixture->client, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (health->status, ==, "ok");
  g_assert_cmpint (health->api_version, ==, 1);
  g_assert_cmpstr (health->time_zone, ==, "America/Denver");
}

static void
test_services (Fixture       *fixture,
               gconstpointer  data)
{
  const char *ids[] = { "relaxation", "hot-stone", "deep-tissue", "thai" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = list_services (fixture->client, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < services->len; i++)
    {
      KioskApiService *service = g_ptr_array_index (services, i);

      g_assert_cmpstr (service->id, ==, ids[i]);
      g_assert_nonnull (service->name_en);
      g_assert_nonnull (service->name_es);
      g_assert_cmpint (service->duration_minutes, >=, 30);
      g_assert_cmpint (service->price_minor, >, 0);
      g_assert_cmpstr (service->currency, ==, "USD");
    }
}

static void
test_availability (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = tomorrow ();
  g_autoptr(KioskApiAvailability) availability = NULL;

  availability = get_availability (fixture->client, "hot-stone", date, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (availability->service, ==, "hot-stone");
  g_assert_cmpstr (availability->date, ==, date);
  g_assert_cmpstr (availability->time_zone, ==, "America/Denver");
  g_assert_cmpuint (g_strv_length (availability->slots), >, 0);
  for (guint i = 0; availability->slots[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (availability->slots[i], date));

  g_clear_pointer (&availability, kiosk_api_availability_free);
  availability = get_availability (fixture->client, "no-such-massage", date, &error);
  g_assert_null (availability);
  assert_error (error, KIOSK_API_ERROR_REJECTED, FALSE);
}

/* The durations and prices the kiosk's content lists: 60 and 90 minutes. */
static void
test_service_options (Fixture       *fixture,
                      gconstpointer  data)
{
  const gint64 prices[][2] = { { 8000, 11500 }, { 10000, 14000 }, { 9500, 13500 }, { 9000, 12500 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = list_services (fixture->client, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, G_N_ELEMENTS (prices));
  for (guint i = 0; i < services->len; i++)
    {
      KioskApiService *service = g_ptr_array_index (services, i);
      KioskApiServiceOption *options = (KioskApiServiceOption *) service->options->data;

      g_assert_cmpuint (service->options->len, ==, 2);
      g_assert_cmpint (options[0].duration_minutes, ==, 60);
      g_assert_cmpint (options[0].price_minor, ==, prices[i][0]);
      g_assert_cmpint (options[1].duration_minutes, ==, 90);
      g_assert_cmpint (options[1].price_minor, ==, prices[i][1]);
      /* The old members are the first option, for older kiosks. */
      g_assert_cmpint (service->duration_minutes, ==, 60);
      g_assert_cmpint (service->price_minor, ==, prices[i][0]);
    }
}

static const char *
last_slot (KioskApiAvailability *availability)
{
  guint n = g_strv_length (availability->slots);

  g_assert_cmpuint (n, >, 0);
  return availability->slots[n - 1];
}

/* A 90-minute massage must end by closing time (19:00) and blocks 90 minutes. */
static void
test_duration_availability (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = tomorrow ();
  g_autoptr(KioskApiAvailability) sixty = NULL;
  g_autoptr(KioskApiAvailability) ninety = NULL;
  g_autoptr(KioskApiAvailability) after = NULL;
  g_autoptr(KioskApiAvailability) odd = NULL;
  g_auto(KioskBookingDetails) details = { NULL, };
  g_autoptr(GBytes) body = NULL;
  g_autofree char *key = kiosk_api_new_idempotency_key ();
  g_autofree char *reference = NULL;

  sixty = get_availability_for (fixture->client, "relaxation", date, 60, &error);
  g_assert_no_error (error);
  ninety = get_availability_for (fixture->client, "relaxation", date, 90, &error);
  g_assert_no_error (error);
  g_assert_true (strstr (last_slot (sixty), "T18:00:00") != NULL);
  g_assert_true (strstr (last_slot (ninety), "T17:30:00") != NULL);
  g_assert_true (strstr (ninety->slots[0], "T10:00:00") != NULL);

  odd = get_availability_for (fixture->client, "relaxation", date, 45, &error);
  g_assert_null (odd);
  assert_error (error, KIOSK_API_ERROR_REJECTED, FALSE);
  g_clear_error (&error);

  details.service_id = g_strdup ("relaxation");
  details.start = g_strdup (ninety->slots[0]);
  details.duration_minutes = 90;
  details.first_name = g_strdup ("Ana");
  details.last_name = g_strdup ("Ruiz");
  details.phone = g_strdup ("8015550123");
  body = kiosk_booking_details_to_json (&details, "lobby-1");
  reference = submit (fixture->client, key, body, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reference);

  /* A length the service does not offer is refused, and books nothing. */
  g_clear_pointer (&body, g_bytes_unref);
  g_clear_pointer (&key, g_free);
  g_clear_pointer (&reference, g_free);
  details.duration_minutes = 45;
  g_free (details.start);
  details.start = g_strdup (last_slot (ninety));
  body = kiosk_booking_details_to_json (&details, "lobby-1");
  key = kiosk_api_new_idempotency_key ();
  reference = submit (fixture->client, key, body, NULL, &error);
  g_assert_null (reference);
  assert_error (error, KIOSK_API_ERROR_REJECTED, FALSE);
  g_clear_error (&error);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 1);

  /* 10:00, 10:30 and 11:00 are taken by the 90 minutes; 11:30 is free. */
  after = get_availability_for (fixture->client, "relaxation", date, 60, &error);
  g_assert_no_error (error);
  g_assert_true (strstr (after->slots[0], "T11:30:00") != NULL);
}

static void
test_booking_end_to_end (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *slot = free_slot (fixture, 0);
  g_autofree char *key = kiosk_api_new_idempotency_key ();
  g_autoptr(GBytes) body = booking_body (slot, "8015550123");
  g_autofree char *reference = NULL;
  g_autofree char *next_free = NULL;

  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 0);
  reference = submit (fixture->client, key, body, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reference);
  g_assert_cmpstr (reference, !=, "");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 1);

  /* The booked time is no longer offered. */
  next_free = free_slot (fixture, 0);
  g_assert_cmpstr (next_free, !=, slot);
}

static void
test_same_key_twice (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *slot = free_slot (fixture, 1);
  g_autofree char *key = kiosk_api_new_idempotency_key ();
  g_autoptr(GBytes) body = booking_body (slot, "8015550123");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = submit (fixture->client, key, body, NULL, &error);
  g_assert_no_error (error);
  second = submit (fixture->client, key, body, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 1);
}

static void
test_key_reused_with_other_body (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *slot = free_slot (fixture, 0);
  g_autofree char *key = kiosk_api_new_idempotency_key ();
  g_autoptr(GBytes) body = booking_body (slot, "8015550123");
  g_autoptr(GBytes) other = booking_body (slot, "8015550124");
  g_autofree char *reference = NULL;
  g_autofree char *refused = NULL;

  reference = submit (fixture->client, key, body, NULL, &error);
  g_assert_no_error (error);

  refused = submit (fixture->client, key, other, NULL, &error);
  g_assert_null (refused);
  assert_error (error, KIOSK_API_ERROR_REJECTED, FALSE);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 1);
}

static void
test_slot_taken (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *slot = free_slot (fixture, 2);
  g_autofree char *first_key = kiosk_api_new_idempotency_key ();
  g_autofree char *second_key = kiosk_api_new_idempotency_key ();
  g_autoptr(GBytes) first = booking_body (slot, "8015550123");
  g_autoptr(GBytes) second = booking_body (slot, "8015550199");
  g_autofree char *reference = NULL;
  g_autofree char *refused = NULL;

  reference = submit (fixture->client, first_key, first, NULL, &error);
  g_assert_no_error (error);

  refused = submit (fixture->client, second_key, second, NULL, &error);
  g_assert_null (refused);
  assert_error (error, KIOSK_API_ERROR_SLOT_TAKEN, FALSE);
  g_assert_nonnull (strstr (error->message, "just taken"));
  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 1);
}

static void
test_rejected_names_fields (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *slot = free_slot (fixture, 0);
  g_autofree char *key = kiosk_api_new_idempotency_key ();
  g_autoptr(GBytes) body = booking_body (slot, "12");
  g_autofree char *reference = NULL;

  reference = submit (fixture->client, key, body, NULL, &error);
  g_assert_null (reference);
  assert_error (error, KIOSK_API_ERROR_REJECTED, FALSE);
  g_assert_nonnull (strstr (error->message, "customer.phone"));
  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 0);
}

static void
test_malformed_key_never_sent (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = booking_body ("2026-11-27T10:00:00-07:00", "8015550123");
  g_autofree char *reference = NULL;
  KioskHttpClient *http;

  reference = submit (fixture->client, "abc\r\nX-Evil: 1", body, NULL, &error);
  g_assert_null (reference);
  assert_error (error, KIOSK_API_ERROR_REJECTED, FALSE);
  http = kiosk_api_client_get_http_client (fixture->client);
  g_assert_cmpuint (kiosk_http_client_get_n_active (http), ==, 0);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 0);
}

static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KioskBackendConfig) config = config_for (fixture->backend, "wrong-token");
  g_autoptr(KioskApiClient) client = kiosk_api_client_new (config);
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskApiHealth) health = get_health (client, &error);

  g_assert_null (health);
  assert_error (error, KIOSK_API_ERROR_UNAUTHORIZED, TRUE);
}

static void
test_server_error_then_retry (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *slot = free_slot (fixture, 3);
  g_autofree char *key = kiosk_api_new_idempotency_key ();
  g_autoptr(GBytes) body = booking_body (slot, "8015550123");
  g_autofree char *failed = NULL;
  g_autofree char *reference = NULL;

  kiosk_test_backend_fault (fixture->backend, "status-500", 1, 0);
  failed = submit (fixture->client, key, body, NULL, &error);
  g_assert_null (failed);
  assert_error (error, KIOSK_API_ERROR_SERVER, TRUE);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 0);
  g_clear_error (&error);

  kiosk_test_backend_fault (fixture->backend, "status-503", 1, 0);
  failed = submit (fixture->client, key, body, NULL, &error);
  g_assert_null (failed);
  assert_error (error, KIOSK_API_ERROR_SERVER, TRUE);
  g_clear_error (&error);

  /* libcurl resends once by itself when a reused connection dies without an
   * answer (safe here: same key, same body), so two drops make one failure. */
  kiosk_test_backend_fault (fixture->backend, "drop", 2, 0);
  failed = submit (fixture->client, key, body, NULL, &error);
  g_assert_null (failed);
  assert_error (error, KIOSK_API_ERROR_UNREACHABLE, TRUE);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 0);
  g_clear_error (&error);
  kiosk_test_backend_fault (fixture->backend, "clear", 0, 0);

  reference = submit (fixture->client, key, body, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reference);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, 1);
}

/* The backend made the booking but its answer was lost on the way: the
 * retry with the same key gets the same booking, not a second one. */
static void
test_lost_answer_then_retry (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *faults[] = { "truncated", "malformed", "wrong-type", "oversized" };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *slot = free_slot (fixture, 0);
      g_autofree char *key = kiosk_api_new_idempotency_key ();
      g_autoptr(GBytes) body = booking_body (slot, "8015550123");
      g_autofree char *failed = NULL;
      g_autofree char *reference = NULL;

      kiosk_test_backend_fault (fixture->backend, faults[i], 1, 0);
      failed = submit (fixture->client, key, body, NULL, &error);
      g_assert_null (failed);
      assert_error (error, KIOSK_API_ERROR_PROTOCOL, TRUE);
      g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, i + 1);
      g_clear_error (&error);

      reference = submit (fixture->client, key, body, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (reference);
      g_assert_cmpuint (kiosk_test_backend_count_bookings (fixture->backend), ==, i + 1);
    }
}

static void
assert_garbled (const GError *error)
{
  assert_error (error, KIOSK_API_ERROR_PROTOCOL, TRUE);
  g_assert_true (g_str_has_prefix (error->message, "The booking system answered something "
                                                   "the kiosk does not understand"));
}

/* Every read endpoint turns every spoiled answer into a clean error. */
static void
test_garbled_answers (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *faults[] = { "truncated", "malformed", "wrong-type", "oversized", "redirect" };
  g_autofree char *date = tomorrow ();

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) services = NULL;
      g_autoptr(KioskApiHealth) health = NULL;
      g_autoptr(KioskApiAvailability) availability = NULL;

      g_test_message ("fault %s", faults[i]);
      kiosk_test_backend_fault (fixture->backend, faults[i], 3, 0);

      services = list_services (fixture->client, &error);
      g_assert_null (services);
      assert_garbled (error);
      g_clear_error (&error);

      health = get_health (fixture->client, &error);
      g_assert_null (health);
      assert_garbled (error);
      g_clear_error (&error);

      availability = get_availability (fixture->client, "thai", date, &error);
      g_assert_null (availability);
      assert_garbled (error);
    }
}

static void
test_unreachable_then_back (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskApiHealth) health = NULL;

  kiosk_test_backend_stop (fixture->backend);
  health = get_health (fixture->client, &error);
  g_assert_null (health);
  assert_error (error, KIOSK_API_ERROR_UNREACHABLE, TRUE);
  g_clear_error (&error);

  kiosk_test_backend_restart (fixture->backend);
  health = get_health (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (health->status, ==, "ok");
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_booking (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *slot = free_slot (fixture, 0);
  g_autofree char *key = kiosk_api_new_idempotency_key ();
  g_autoptr(GBytes) body = booking_body (slot, "8015550123");
  g_autofree char *reference = NULL;
  gint64 started = g_get_monotonic_time ();

  kiosk_test_backend_fault (fixture->backend, "slow", 1, 10000);
  g_timeout_add (300, cancel_cb, cancellable);
  reference = submit (fixture->client, key, body, cancellable, &error);

  g_assert_null (reference);
  assert_error (error, KIOSK_API_ERROR_CANCELLED, FALSE);
  g_assert_true (kiosk_api_error_is_cancelled (error));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
}

static void
test_error_retryable (void)
{
  struct { GQuark domain; int code; gboolean retryable; } cases[] = {
    { KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG, TRUE },
    { KIOSK_API_ERROR, KIOSK_API_ERROR_UNREACHABLE, TRUE },
    { KIOSK_API_ERROR, KIOSK_API_ERROR_CERTIFICATE, TRUE },
    { KIOSK_API_ERROR, KIOSK_API_ERROR_UNAUTHORIZED, TRUE },
    { KIOSK_API_ERROR, KIOSK_API_ERROR_SLOT_TAKEN, FALSE },
    { KIOSK_API_ERROR, KIOSK_API_ERROR_REJECTED, FALSE },
    { KIOSK_API_ERROR, KIOSK_API_ERROR_SERVER, TRUE },
    { KIOSK_API_ERROR, KIOSK_API_ERROR_PROTOCOL, TRUE },
    { KIOSK_API_ERROR, KIOSK_API_ERROR_CANCELLED, FALSE },
    { G_IO_ERROR, G_IO_ERROR_CANCELLED, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (cases[i].domain, cases[i].code, "x");

      g_assert_cmpint (kiosk_api_error_is_retryable (error), ==, cases[i].retryable);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/kiosk/api-client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("health", test_health);
  ADD ("services", test_services);
  ADD ("availability", test_availability);
  ADD ("service-options", test_service_options);
  ADD ("duration-availability", test_duration_availability);
  ADD ("booking-end-to-end", test_booking_end_to_end);
  ADD ("same-key-twice", test_same_key_twice);
  ADD ("key-reused-with-other-body", test_key_reused_with_other_body);
  ADD ("slot-taken", test_slot_taken);
  ADD ("rejected-names-fields", test_rejected_names_fields);
  ADD ("malformed-key-never-sent", test_malformed_key_never_sent);
  ADD ("unauthorized", test_unauthorized);
  ADD ("server-error-then-retry", test_server_error_then_retry);
  ADD ("lost-answer-then-retry", test_lost_answer_then_retry);
  ADD ("garbled-answers", test_garbled_answers);
  ADD ("unreachable-then-back", test_unreachable_then_back);
  ADD ("cancel-booking", test_cancel_booking);
  g_test_add_func ("/kiosk/api-client/error-retryable", test_error_retryable);

  return g_test_run ();
}
