/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backend.c: the reference spa-backend driven over real HTTPS with libsoup. */

#include "config.h"

#include <libsoup/soup.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "kiosk-json.h"
#include "kiosk-test-backend.h"

typedef struct
{
  KioskTestBackend *backend;
  SoupSession      *session;
  char             *token;
  char             *base_url;   /* another backend to talk to, or NULL */
} Fixture;

typedef struct
{
  guint   status;
  GBytes *body;
  char   *content_type;
  char   *location;
  char   *replayed;
  GError *error;
  double  seconds;
  GTlsCertificate *peer;
} Answer;

static void
answer_free (Answer *answer)
{
  g_clear_pointer (&answer->body, g_bytes_unref);
  g_free (answer->content_type);
  g_free (answer->location);
  g_free (answer->replayed);
  g_clear_error (&answer->error);
  g_clear_object (&answer->peer);
  g_free (answer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Answer, answer_free)

static SoupSession *
session_trusting (const char *ca_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) database = g_tls_file_database_new (ca_file, &error);

  g_assert_no_error (error);
  return soup_session_new_with_options ("tls-database", database, "timeout", 60, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->backend = kiosk_test_backend_start (GPOINTER_TO_UINT (data));
  f->session = session_trusting (kiosk_test_backend_get_ca_file (f->backend));
  g_file_get_contents (kiosk_test_backend_get_token_file (f->backend), &f->token, NULL, &error);
  g_assert_no_error (error);
  g_strstrip (f->token);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_pointer (&f->backend, kiosk_test_backend_free);
  g_free (f->token);
  g_free (f->base_url);
}

/* Sends @method @path (relative to the backend's URL) with @token (NULL: no
 * Authorization), @key (the raw Idempotency-Key value, NULL: none) and @body. */
static Answer *
request_typed (Fixture    *f,
               const char *method,
               const char *path,
               const char *token,
               const char *key,
               const char *content_type,
               const char *body)
{
  const char *base = f->base_url ? f->base_url : kiosk_test_backend_get_url (f->backend);
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  SoupMessageHeaders *response_headers;
  Answer *answer = g_new0 (Answer, 1);
  gint64 begin = g_get_monotonic_time ();

  /* A fresh connection each time: libsoup would quietly resend a request
   * whose reused connection was dropped, hiding the fault under test. */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT | SOUP_MESSAGE_NEW_CONNECTION);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", key);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }

  answer->body = soup_session_send_and_read (f->session, msg, NULL, &answer->error);
  answer->seconds = (g_get_monotonic_time () - begin) / (double) G_USEC_PER_SEC;
  answer->status = soup_message_get_status (msg);
  response_headers = soup_message_get_response_headers (msg);
  answer->content_type = g_strdup (soup_message_headers_get_content_type (response_headers, NULL));
  answer->location = g_strdup (soup_message_headers_get_one (response_headers, "Location"));
  answer->replayed = g_strdup (soup_message_headers_get_one (response_headers,
                                                             "Idempotent-Replayed"));
  if (soup_message_get_tls_peer_certificate (msg) != NULL)
    answer->peer = g_object_ref (soup_message_get_tls_peer_certificate (msg));
  return answer;
}

static Answer *
request_full (Fixture    *f,
              const char *method,
              const char *path,
              const char *token,
              const char *key,
              const char *body)
{
  return request_typed (f, method, path, token, key, "application/json", body);
}

static Answer *
get (Fixture    *f,
     const char *path)
{
  return request_full (f, "GET", path, f->token, NULL, NULL);
}

static Answer *
post_booking (Fixture    *f,
              const char *key,
              const char *body)
{
  return request_full (f, "POST", "v1/bookings", f->token, key, body);
}

static json_object *
answer_json (Answer *answer)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;
  json_object *root;

  g_assert_no_error (answer->error);
  data = g_bytes_get_data (answer->body, &size);
  root = kiosk_json_parse (data, size, KIOSK_JSON_MAX_DEPTH, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_is_type (root, json_type_object));
  return root;
}

static const char *
member_string (json_object *object,
               const char  *member)
{
  g_autoptr(GError) error = NULL;
  const char *value = NULL;

  kiosk_json_get_string (object, member, TRUE, &value, &error);
  g_assert_no_error (error);
  return value;
}

/* Asserts an RFC 9457 problem document with this status and type. */
static void
assert_problem (Answer     *answer,
                guint       status,
                const char *type)
{
  g_autoptr(json_object) problem = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *type_uri = g_strconcat ("https://matrixmassage.com/problems/", type, NULL);
  gint64 number = 0;

  g_assert_cmpuint (answer->status, ==, status);
  g_assert_cmpstr (answer->content_type, ==, "application/problem+json");
  problem = answer_json (answer);
  g_assert_cmpstr (member_string (problem, "type"), ==, type_uri);
  g_assert_cmpstr (member_string (problem, "title"), !=, "");
  kiosk_json_get_int (problem, "status", TRUE, 100, 599, &number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (number, ==, status);
}

static GTimeZone *
spa_zone (void)
{
  GTimeZone *zone = g_time_zone_new_identifier ("America/Denver");

  g_assert_nonnull (zone);
  return zone;
}

/* A day @days from today in the spa's zone, as YYYY-MM-DD. */
static char *
spa_day (int days)
{
  g_autoptr(GTimeZone) zone = spa_zone ();
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

/* The first free slot of @service tomorrow, from the backend. */
static char *
first_slot (Fixture    *f,
            const char *service)
{
  g_autofree char *date = spa_day (1);
  g_autofree char *path = g_strdup_printf ("v1/availability?service=%s&date=%s", service, date);
  g_autoptr(Answer) answer = get (f, path);
  g_autoptr(json_object) root = answer_json (answer);
  json_object *slots = NULL;

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_true (json_object_object_get_ex (root, "slots", &slots));
  g_assert_cmpuint (json_object_array_length (slots), >, 0);
  return g_strdup (json_object_get_string (json_object_array_get_idx (slots, 0)));
}

static GPtrArray *
slots_of (Fixture    *f,
          const char *service,
          const char *date)
{
  g_autofree char *path = g_strdup_printf ("v1/availability?service=%s&date=%s", service, date);
  g_autoptr(Answer) answer = get (f, path);
  g_autoptr(json_object) root = answer_json (answer);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  json_object *slots = NULL;

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_true (json_object_object_get_ex (root, "slots", &slots));
  for (gsize i = 0; i < json_object_array_length (slots); i++)
    {
      json_object *slot = json_object_array_get_idx (slots, i);
      g_ptr_array_add (list, g_strdup (json_object_get_string (slot)));
    }
  return list;
}

static char *
booking_body (const char *service,
              const char *start,
              const char *phone)
{
  return g_strdup_printf ("{\"service\": \"%s\", \"start\": \"%s\", "
                          "\"customer\": {\"first_name\": \"José\", \"last_name\": \"Núñez\", "
                          "\"phone\": \"%s\", \"email\": \"jose@example.com\"}, "
                          "\"health_note\": \"sciatica\", \"kiosk_id\": \"lobby-1\"}",
                          service, start, phone);
}

static char *
new_key (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  return g_strdup_printf ("\"%s\"", uuid);
}

static gboolean
strv_has (GPtrArray  *list,
          const char *text)
{
  for (guint i = 0; i < list->len; i++)
    if (strcmp (g_ptr_array_index (list, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_health (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(Answer) answer = get (f, "v1/health");
  g_autoptr(json_object) root = answer_json (answer);
  gint64 version = 0;

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpstr (answer->content_type, ==, "application/json");
  g_assert_cmpstr (member_string (root, "status"), ==, "ok");
  g_assert_cmpstr (member_string (root, "time_zone"), ==, "America/Denver");
  g_assert_true (kiosk_json_get_int (root, "api_version", TRUE, 1, 1, &version, NULL));
}

static void
test_services (Fixture       *f,
               gconstpointer  data)
{
  static const char *const ids[] = { "relaxation", "hot-stone", "deep-tissue", "thai" };
  g_autoptr(Answer) answer = get (f, "v1/services");
  g_autoptr(json_object) root = answer_json (answer);
  json_object *services = NULL;

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_true (kiosk_json_get_array (root, "services", TRUE, &services, NULL));
  g_assert_cmpuint (json_object_array_length (services), ==, G_N_ELEMENTS (ids));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      json_object *service = json_object_array_get_idx (services, i);
      json_object *name = NULL;
      gint64 minutes = 0, price = 0;

      g_assert_cmpstr (member_string (service, "id"), ==, ids[i]);
      g_assert_true (kiosk_json_get_object (service, "name", TRUE, &name, NULL));
      g_assert_cmpstr (member_string (name, "en"), !=, "");
      g_assert_cmpstr (member_string (name, "es"), !=, "");
      g_assert_true (kiosk_json_get_int (service, "duration_minutes", TRUE, 15, 240,
                                         &minutes, NULL));
      g_assert_true (kiosk_json_get_int (service, "price_minor", TRUE, 1, 100000, &price, NULL));
      g_assert_cmpstr (member_string (service, "currency"), ==, "USD");
    }
}

/* Every slot: RFC 3339 with the spa's own UTC offset at that instant, on the day, in order. */
static void
assert_slot_format (GPtrArray  *slots,
                    const char *date)
{
  g_autoptr(GTimeZone) zone = spa_zone ();
  g_autoptr(GRegex) shape = g_regex_new ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00[+-]\\d{2}:\\d{2}$",
                                         0, 0, NULL);
  g_autoptr(GDateTime) previous = NULL;

  for (guint i = 0; i < slots->len; i++)
    {
      const char *text = g_ptr_array_index (slots, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *expected = NULL;

      g_assert_true (g_regex_match (shape, text, 0, NULL));
      g_assert_nonnull (time);
      local = g_date_time_to_timezone (time, zone);
      expected = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
      g_assert_cmpstr (text, ==, expected);
      g_assert_true (g_str_has_prefix (text, date));
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous, time), <, 0);
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_steal_pointer (&time);
    }
}

static void
test_availability_format (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *date = spa_day (1);
  g_autofree char *path = g_strdup_printf ("v1/availability?service=thai&date=%s", date);
  g_autoptr(Answer) answer = get (f, path);
  g_autoptr(json_object) root = answer_json (answer);
  g_autoptr(GPtrArray) slots = slots_of (f, "thai", date);

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpstr (member_string (root, "service"), ==, "thai");
  g_assert_cmpstr (member_string (root, "date"), ==, date);
  g_assert_cmpstr (member_string (root, "time_zone"), ==, "America/Denver");
  g_assert_cmpuint (slots->len, >, 0);
  assert_slot_format (slots, date);
}

static void
test_availability_excludes_past (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *today = spa_day (0);
  g_autofree char *yesterday = spa_day (-1);
  g_autoptr(GPtrArray) slots = slots_of (f, "relaxation", today);
  g_autoptr(GPtrArray) past = slots_of (f, "relaxation", yesterday);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  assert_slot_format (slots, today);
  for (guint i = 0; i < slots->len; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (g_ptr_array_index (slots, i), NULL);
      g_assert_cmpint (g_date_time_compare (time, now), >, 0);
    }
  g_assert_cmpuint (past->len, ==, 0);
}

static void
test_availability_refusals (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *date = spa_day (1);
  g_autofree char *unknown = g_strdup_printf ("v1/availability?service=reiki&date=%s", date);
  g_autoptr(Answer) not_found = get (f, unknown);
  g_autoptr(Answer) bad_day = get (f, "v1/availability?service=thai&date=2027-02-30");
  g_autoptr(Answer) bad_text = get (f, "v1/availability?service=thai&date=tomorrow");
  g_autoptr(Answer) no_date = get (f, "v1/availability?service=thai");

  assert_problem (not_found, 404, "unknown-service");
  assert_problem (bad_day, 400, "invalid-date");
  assert_problem (bad_text, 400, "invalid-date");
  assert_problem (no_date, 400, "invalid-date");
}

/* The booking's row, read with SQLite from the backend's own file. */
static void
assert_booking_row (Fixture    *f,
                    const char *reference,
                    const char *service,
                    const char *start)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (kiosk_test_backend_get_db_path (f->backend), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT service, start_text, phone, health_note, kiosk_id "
                                       "FROM bookings WHERE reference = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, service);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, start);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "8015550123");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "sciatica");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "lobby-1");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_booking_created (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *start = first_slot (f, "relaxation");
  g_autofree char *body = booking_body ("relaxation", start, "8015550123");
  g_autofree char *key = new_key ();
  g_autofree char *date = g_strndup (start, 10);
  g_autoptr(Answer) answer = NULL;
  g_autoptr(json_object) root = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GRegex) reference = g_regex_new ("^MX-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}$", 0, 0, NULL);

  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);
  answer = post_booking (f, key, body);
  root = answer_json (answer);

  g_assert_cmpuint (answer->status, ==, 201);
  g_assert_cmpstr (answer->content_type, ==, "application/json");
  g_assert_true (g_regex_match (reference, member_string (root, "reference"), 0, NULL));
  g_assert_cmpstr (member_string (root, "service"), ==, "relaxation");
  g_assert_cmpstr (member_string (root, "start"), ==, start);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  assert_booking_row (f, member_string (root, "reference"), "relaxation", start);

  /* The 60-minute booking takes its slot and the half hour after it. */
  after = slots_of (f, "relaxation", date);
  g_assert_false (strv_has (after, start));
  g_assert_cmpuint (after->len, >, 0);
  g_assert_cmpint (strcmp (g_ptr_array_index (after, 0), start), >, 0);
}

static void
test_booking_replayed (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *start = first_slot (f, "hot-stone");
  g_autofree char *body = booking_body ("hot-stone", start, "8015550123");
  g_autofree char *key = new_key ();
  g_autoptr(Answer) first = post_booking (f, key, body);
  g_autoptr(Answer) second = post_booking (f, key, body);

  g_assert_no_error (first->error);
  g_assert_no_error (second->error);
  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpuint (second->status, ==, 201);
  g_assert_true (g_bytes_equal (first->body, second->body));
  g_assert_cmpstr (second->content_type, ==, first->content_type);
  g_assert_null (first->replayed);
  g_assert_cmpstr (second->replayed, ==, "true");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
}

static void
test_booking_key_reused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *start = first_slot (f, "deep-tissue");
  g_autofree char *body = booking_body ("deep-tissue", start, "8015550123");
  g_autofree char *other = booking_body ("deep-tissue", start, "8015550999");
  g_autofree char *key = new_key ();
  g_autoptr(Answer) first = post_booking (f, key, body);
  g_autoptr(Answer) second = post_booking (f, key, other);

  g_assert_cmpuint (first->status, ==, 201);
  assert_problem (second, 422, "idempotency-key-reused");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
}

static void
test_booking_slot_taken (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *start = first_slot (f, "thai");
  g_autofree char *body = booking_body ("thai", start, "8015550123");
  g_autofree char *key1 = new_key (), *key2 = new_key (), *key3 = new_key ();
  g_autoptr(GDateTime) begin = g_date_time_new_from_iso8601 (start, NULL);
  g_autoptr(GDateTime) half_hour = g_date_time_add_minutes (begin, 30);
  g_autoptr(GTimeZone) zone = spa_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (half_hour, zone);
  g_autofree char *overlapping = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *body2 = booking_body ("thai", overlapping, "8015550124");
  g_autoptr(Answer) first = post_booking (f, key1, body);
  g_autoptr(Answer) same = post_booking (f, key2, body);
  g_autoptr(Answer) overlap = post_booking (f, key3, body2);

  g_assert_cmpuint (first->status, ==, 201);
  assert_problem (same, 409, "slot-taken");
  /* The 90-minute booking also covers the slot half an hour later. */
  assert_problem (overlap, 409, "slot-taken");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
}

static gboolean
has_field_error (json_object *problem,
                 const char  *field)
{
  json_object *errors = NULL;

  g_assert_true (kiosk_json_get_array (problem, "errors", TRUE, &errors, NULL));
  for (gsize i = 0; i < json_object_array_length (errors); i++)
    {
      json_object *item = json_object_array_get_idx (errors, i);
      if (g_strcmp0 (member_string (item, "field"), field) == 0)
        return member_string (item, "detail")[0] != '\0';
    }
  return FALSE;
}

static void
test_booking_invalid (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *date = spa_day (1);
  g_autofree char *body = g_strdup_printf (
    "{\"service\": \"relaxation\", \"start\": \"%sT10:15:00-07:00\", "
    "\"customer\": {\"first_name\": \"1234\", \"last_name\": \"   \", \"phone\": \"801-555-012\", "
    "\"email\": \"not-an-email\"}, \"health_note\": \"headache\"}", date);
  g_autofree char *key = new_key ();
  g_autofree char *key2 = new_key ();
  g_autoptr(Answer) answer = post_booking (f, key, body);
  g_autoptr(Answer) garbled = post_booking (f, key2, "{\"service\": ");
  g_autoptr(json_object) problem = answer_json (answer);
  static const char *const fields[] = {
    "start", "customer.first_name", "customer.last_name", "customer.phone",
    "customer.email", "health_note", "kiosk_id",
  };

  assert_problem (answer, 422, "validation");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (has_field_error (problem, fields[i]));
  g_assert_false (has_field_error (problem, "service"));
  assert_problem (garbled, 400, "malformed-body");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);
}

static void
test_unauthorized (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *start = first_slot (f, "relaxation");
  g_autofree char *body = booking_body ("relaxation", start, "8015550123");
  g_autofree char *key = new_key ();
  g_autofree char *almost = g_strdup (f->token);
  g_autoptr(Answer) none = request_full (f, "GET", "v1/health", NULL, NULL, NULL);
  g_autoptr(Answer) wrong = NULL;
  g_autoptr(Answer) longer = NULL;
  g_autoptr(Answer) booking = NULL;
  g_autofree char *extended = g_strconcat (f->token, "0", NULL);

  almost[0] = almost[0] == 'a' ? 'b' : 'a';
  wrong = request_full (f, "GET", "v1/services", almost, NULL, NULL);
  longer = request_full (f, "GET", "v1/services", extended, NULL, NULL);
  booking = request_full (f, "POST", "v1/bookings", almost, key, body);

  assert_problem (none, 401, "unauthorized");
  assert_problem (wrong, 401, "unauthorized");
  assert_problem (longer, 401, "unauthorized");
  assert_problem (booking, 401, "unauthorized");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);
}

static void
test_booking_needs_key (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *start = first_slot (f, "relaxation");
  g_autofree char *body = booking_body ("relaxation", start, "8015550123");
  g_autoptr(Answer) missing = post_booking (f, NULL, body);
  g_autoptr(Answer) unquoted = post_booking (f, "3f2a6c1e-0d4b-4c55-9a51-9b7d2f0c1a11", body);
  g_autoptr(Answer) empty = post_booking (f, "\"\"", body);

  assert_problem (missing, 400, "idempotency-key-missing");
  assert_problem (unquoted, 400, "idempotency-key-missing");
  assert_problem (empty, 400, "idempotency-key-missing");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *start = first_slot (f, "relaxation");
  g_autofree char *body = booking_body ("relaxation", start, "8015550123");
  g_autofree char *k1 = new_key (), *k2 = new_key (), *k3 = new_key ();
  g_autofree char *deep = g_strnfill (9, '[');
  g_autoptr(GString) large = g_string_new ("{\"padding\": \"");
  g_autoptr(Answer) wrong_method = NULL, nowhere = NULL, as_text = NULL;
  g_autoptr(Answer) too_large = NULL, too_deep = NULL;

  while (large->len < 17 * 1024)
    g_string_append (large, "xxxxxxxx");
  g_string_append (large, "\"}");

  wrong_method = request_full (f, "POST", "v1/health", f->token, NULL, "{}");
  nowhere = get (f, "v1/nothing");
  as_text = request_typed (f, "POST", "v1/bookings", f->token, k1, "text/plain", body);
  too_large = post_booking (f, k2, large->str);
  too_deep = post_booking (f, k3, deep);

  assert_problem (wrong_method, 405, "method-not-allowed");
  assert_problem (nowhere, 404, "not-found");
  assert_problem (as_text, 415, "unsupported-media-type");
  assert_problem (too_large, 413, "payload-too-large");
  assert_problem (too_deep, 400, "malformed-body");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);
}

/* A second backend whose log is captured: one line per request, and none
 * of the customer's details. */
static void
test_log_has_no_customer_data (Fixture       *f,
                               gconstpointer  data)
{
  static const char *const private[] = {
    "José", "Núñez", "8015550123", "jose@example.com", "sciatica",
  };
  g_autofree char *dir = g_path_get_dirname (kiosk_test_backend_get_ca_file (f->backend));
  g_autofree char *cert = g_build_filename (dir, "server.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "server.key", NULL);
  g_autofree char *db = g_build_filename (dir, "logged.sqlite", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL, *log = NULL, *start = NULL, *body = NULL, *idem = new_key ();
  g_autoptr(Answer) answer = NULL;

  /* With --control-stdin it exits as soon as this test dies and the pipe closes. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SPA_BACKEND"),
                                         "--port", "0", "--cert", cert, "--key", key,
                                         "--db", db, "--token-file",
                                         kiosk_test_backend_get_token_file (f->backend),
                                         "--control-stdin", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "listening on https://127.0.0.1:"));
  f->base_url = g_strdup (line + strlen ("listening on "));

  start = first_slot (f, "relaxation");
  body = booking_body ("relaxation", start, "8015550123");
  answer = post_booking (f, idem, body);
  g_assert_cmpuint (answer->status, ==, 201);

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &log, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_nonnull (strstr (log, "POST /v1/bookings 201"));
  for (guint i = 0; i < G_N_ELEMENTS (private); i++)
    g_assert_null (strstr (log, private[i]));
}

static void
test_refuses_non_loopback (Fixture       *f,
                           gconstpointer  data)
{
  static const char *const addresses[] = { "0.0.0.0", "192.0.2.10", "::", "localhost" };
  g_autofree char *dir = g_path_get_dirname (kiosk_test_backend_get_ca_file (f->backend));
  g_autofree char *cert = g_build_filename (dir, "server.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "server.key", NULL);
  g_autofree char *db = g_build_filename (dir, "refused.sqlite", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      const char *argv[] = {
        g_getenv ("SPA_BACKEND"), "--port", "0", "--address", addresses[i], "--cert", cert,
        "--key", key, "--db", db,
        "--token-file", kiosk_test_backend_get_token_file (f->backend), NULL
      };
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_nonnull (argv[0]);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_null (strstr (out, "listening"));
      g_assert_nonnull (strstr (err, addresses[i]));
    }
}

static void
assert_health_ok (Fixture *f)
{
  g_autoptr(Answer) answer = get (f, "v1/health");
  g_autoptr(json_object) root = answer_json (answer);

  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpstr (member_string (root, "status"), ==, "ok");
}

static void
test_fault_slow (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Answer) answer = NULL;
  g_autoptr(json_object) root = NULL;

  kiosk_test_backend_fault (f->backend, "slow", 1, 1200);
  answer = get (f, "v1/health");
  root = answer_json (answer);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpstr (member_string (root, "status"), ==, "ok");
  g_assert_cmpfloat (answer->seconds, >=, 1.1);
  assert_health_ok (f);
}

static void
test_fault_drip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Answer) normal = get (f, "v1/health");
  g_autoptr(Answer) dripped = NULL;
  gsize size = g_bytes_get_size (normal->body);

  kiosk_test_backend_fault (f->backend, "drip", 1, 30);
  dripped = get (f, "v1/health");
  g_assert_no_error (dripped->error);
  g_assert_cmpuint (dripped->status, ==, 200);
  g_assert_true (g_bytes_equal (normal->body, dripped->body));
  /* One byte per 30 ms cannot arrive faster than this. */
  g_assert_cmpfloat (dripped->seconds, >=, (size - 1) * 0.030 * 0.9);
}

static void
test_fault_status (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Answer) first = NULL, second = NULL, third = NULL;

  kiosk_test_backend_fault (f->backend, "status-503", 2, 0);
  first = get (f, "v1/services");
  second = get (f, "v1/services");
  assert_problem (first, 503, "unavailable");
  assert_problem (second, 503, "unavailable");

  kiosk_test_backend_fault (f->backend, "status-500", 1, 0);
  third = get (f, "v1/services");
  assert_problem (third, 500, "server-error");
  assert_health_ok (f);
}

static void
test_fault_drop (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *start = first_slot (f, "relaxation");
  g_autofree char *body = booking_body ("relaxation", start, "8015550123");
  g_autofree char *key = new_key ();
  g_autoptr(Answer) health = NULL, booking = NULL;

  kiosk_test_backend_fault (f->backend, "drop", 2, 0);
  health = get (f, "v1/health");
  booking = post_booking (f, key, body);
  g_assert_nonnull (health->error);
  g_assert_null (health->body);
  g_assert_nonnull (booking->error);
  /* Dropped before it was processed: nothing was booked. */
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);
  assert_health_ok (f);
}

static void
test_fault_truncated (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *start = first_slot (f, "relaxation");
  g_autofree char *body = booking_body ("relaxation", start, "8015550123");
  g_autofree char *key = new_key ();
  g_autoptr(Answer) health = NULL, booking = NULL, retry = NULL;

  kiosk_test_backend_fault (f->backend, "truncated", 2, 0);
  health = get (f, "v1/health");
  g_assert_error (health->error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
  booking = post_booking (f, key, body);
  g_assert_error (booking->error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);

  /* The booking was made before the answer was cut: the retry with the
   * same key gets the stored answer, and there is still one booking. */
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  retry = post_booking (f, key, body);
  g_assert_no_error (retry->error);
  g_assert_cmpuint (retry->status, ==, 201);
  g_assert_cmpstr (retry->replayed, ==, "true");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
}

static void
test_fault_malformed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Answer) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(json_object) root = NULL;
  gsize size;
  const char *text;

  kiosk_test_backend_fault (f->backend, "malformed", 1, 0);
  answer = get (f, "v1/services");
  g_assert_no_error (answer->error);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpstr (answer->content_type, ==, "application/json");
  text = g_bytes_get_data (answer->body, &size);
  root = kiosk_json_parse (text, size, KIOSK_JSON_MAX_DEPTH, &error);
  g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_SYNTAX);
  assert_health_ok (f);
}

static void
test_fault_wrong_type (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Answer) answer = NULL;
  g_autoptr(json_object) root = NULL;
  g_autoptr(GError) error = NULL;
  json_object *services = NULL;
  const char *status = NULL;

  kiosk_test_backend_fault (f->backend, "wrong-type", 2, 0);
  answer = get (f, "v1/health");
  root = answer_json (answer);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_false (kiosk_json_get_string (root, "status", TRUE, &status, &error));
  g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_TYPE);
  g_clear_error (&error);
  g_clear_pointer (&root, json_object_put);
  g_clear_pointer (&answer, answer_free);

  answer = get (f, "v1/services");
  root = answer_json (answer);
  g_assert_false (kiosk_json_get_array (root, "services", TRUE, &services, &error));
  g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_TYPE);
}

static void
test_fault_oversized (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Answer) answer = NULL;
  g_autoptr(json_object) root = NULL;
  json_object *services = NULL;

  kiosk_test_backend_fault (f->backend, "oversized", 1, 0);
  answer = get (f, "v1/services");
  root = answer_json (answer);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (answer->body), ==, 1024 * 1024);
  g_assert_true (kiosk_json_get_array (root, "services", TRUE, &services, NULL));
}

static void
test_fault_redirect (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Answer) answer = NULL;
  g_autofree char *prefix = g_strconcat (kiosk_test_backend_get_url (f->backend), "moved/", NULL);

  kiosk_test_backend_fault (f->backend, "redirect", 1, 0);
  answer = get (f, "v1/services");
  g_assert_no_error (answer->error);
  g_assert_cmpuint (answer->status, ==, 302);
  g_assert_true (g_str_has_prefix (answer->location, "https://"));
  g_assert_true (g_str_has_prefix (answer->location, prefix));
  assert_health_ok (f);
}

static void
test_fault_clear (Fixture       *f,
                  gconstpointer  data)
{
  kiosk_test_backend_fault (f->backend, "status-500", 5, 0);
  kiosk_test_backend_fault (f->backend, "clear", 0, 0);
  assert_health_ok (f);
}

static void
test_restart_keeps_bookings (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *url = g_strdup (kiosk_test_backend_get_url (f->backend));
  g_autofree char *key = new_key ();
  g_autofree char *start = first_slot (f, "thai");
  g_autofree char *body = booking_body ("thai", start, "8015550123");
  g_autofree char *date = g_strndup (start, 10);
  g_autoptr(Answer) first = post_booking (f, key, body);
  g_autoptr(Answer) again = NULL;
  g_autoptr(GPtrArray) slots = NULL;

  g_assert_cmpuint (first->status, ==, 201);
  kiosk_test_backend_stop (f->backend);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);

  kiosk_test_backend_restart (f->backend);
  g_assert_cmpstr (kiosk_test_backend_get_url (f->backend), ==, url);
  assert_health_ok (f);
  again = post_booking (f, key, body);
  g_assert_cmpuint (again->status, ==, 201);
  g_assert_true (g_bytes_equal (first->body, again->body));
  slots = slots_of (f, "thai", date);
  g_assert_false (strv_has (slots, start));
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
}

static void
test_tls_wrong_host (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Answer) answer = get (f, "v1/health");

  g_assert_error (answer->error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
}

static void
test_tls_other_ca (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Answer) answer = NULL;

  g_clear_object (&f->session);
  f->session = session_trusting (kiosk_test_backend_get_other_ca_file (f->backend));
  answer = get (f, "v1/health");
  g_assert_error (answer->error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
}

/* Reads one DER tag and length at *pos; returns the content's length. */
static gsize
der_header (const guint8 *der,
            gsize         size,
            gsize        *pos)
{
  gsize length = 0;
  guint8 first;

  g_assert_cmpuint (*pos + 2, <=, size);
  (*pos)++;
  first = der[(*pos)++];
  if (first < 0x80)
    return first;
  for (guint i = 0; i < (first & 0x7f); i++)
    length = (length << 8) | der[(*pos)++];
  g_assert_cmpuint (*pos + length, <=, size);
  return length;
}

/* The SubjectPublicKeyInfo of an X.509 certificate: the 7th element of
 * tbsCertificate when the [0] version is present. */
static GBytes *
subject_public_key_info (GByteArray *der)
{
  gsize pos = 0, start;

  der_header (der->data, der->len, &pos);               /* Certificate */
  der_header (der->data, der->len, &pos);               /* tbsCertificate */
  for (guint i = 0; i < 6; i++)                         /* version .. subject */
    {
      gsize length = der_header (der->data, der->len, &pos);
      pos += length;
    }
  start = pos;
  pos += der_header (der->data, der->len, &pos);
  return g_bytes_new (der->data + start, pos - start);
}

static void
test_tls_pin (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(Answer) answer = get (f, "v1/health");
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GBytes) spki = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  g_autofree char *encoded = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (answer->error);
  g_assert_nonnull (answer->peer);
  g_object_get (answer->peer, "certificate", &der, NULL);
  spki = subject_public_key_info (der);
  g_checksum_update (checksum, g_bytes_get_data (spki, NULL), g_bytes_get_size (spki));
  g_checksum_get_digest (checksum, digest, &digest_len);
  encoded = g_base64_encode (digest, digest_len);
  expected = g_strconcat ("sha256//", encoded, NULL);

  g_assert_cmpstr (kiosk_test_backend_get_pin (f->backend), ==, expected);
}

/* TRUE while some process has @needle in its command line. */
static gboolean
process_mentions (const char *needle)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  g_assert_nonnull (proc);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *cmdline = NULL;
      gsize length = 0;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &cmdline, &length, NULL))
        continue;
      for (gsize i = 0; i < length; i++)
        if (cmdline[i] == '\0')
          cmdline[i] = ' ';
      if (strstr (cmdline, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static char *
orphan_note_path (pid_t test_pid)
{
  g_autofree char *name = g_strdup_printf ("kiosk-test-orphan-%d", (int) test_pid);
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* A test that dies without freeing its backend must not leave it running. */
static void
test_no_orphan (void)
{
  g_autofree char *note = NULL;
  g_autofree char *dir = NULL;
  gint64 deadline;

  if (g_test_subprocess ())
    {
      KioskTestBackend *backend = kiosk_test_backend_start (KIOSK_TEST_BACKEND_NONE);
      g_autofree char *where = g_path_get_dirname (kiosk_test_backend_get_db_path (backend));

      note = orphan_note_path (getppid ());
      g_assert_true (g_file_set_contents (note, where, -1, NULL));
      g_assert_true (process_mentions (where));
      g_assert_not_reached ();
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  note = orphan_note_path (getpid ());
  g_assert_true (g_file_get_contents (note, &dir, NULL, NULL));
  g_unlink (note);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (process_mentions (dir) && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  g_assert_false (process_mentions (dir));

  /* The dead test could not delete its directory; this one does. */
  {
    g_autoptr(GDir) contents = g_dir_open (dir, 0, NULL);
    const char *name;

    while (contents != NULL && (name = g_dir_read_name (contents)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/kiosk/backend/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("health", test_health);
  ADD ("services", test_services);
  ADD ("availability/format", test_availability_format);
  ADD ("availability/excludes-past", test_availability_excludes_past);
  ADD ("availability/refusals", test_availability_refusals);
  ADD ("booking/created", test_booking_created);
  ADD ("booking/replayed", test_booking_replayed);
  ADD ("booking/key-reused", test_booking_key_reused);
  ADD ("booking/slot-taken", test_booking_slot_taken);
  ADD ("booking/invalid", test_booking_invalid);
  ADD ("booking/needs-key", test_booking_needs_key);
  ADD ("unauthorized", test_unauthorized);
  ADD ("refusals", test_refusals);
  ADD ("log-has-no-customer-data", test_log_has_no_customer_data);
  ADD ("refuses-non-loopback", test_refuses_non_loopback);
  ADD ("fault/slow", test_fault_slow);
  ADD ("fault/drip", test_fault_drip);
  ADD ("fault/status", test_fault_status);
  ADD ("fault/drop", test_fault_drop);
  ADD ("fault/truncated", test_fault_truncated);
  ADD ("fault/malformed", test_fault_malformed);
  ADD ("fault/wrong-type", test_fault_wrong_type);
  ADD ("fault/oversized", test_fault_oversized);
  ADD ("fault/redirect", test_fault_redirect);
  ADD ("fault/clear", test_fault_clear);
  ADD ("restart-keeps-bookings", test_restart_keeps_bookings);
  ADD ("tls/other-ca", test_tls_other_ca);
  ADD ("tls/pin", test_tls_pin);
#undef ADD
  g_test_add_func ("/kiosk/backend/no-orphan", test_no_orphan);
  g_test_add ("/kiosk/backend/tls/wrong-host", Fixture,
              GUINT_TO_POINTER (KIOSK_TEST_BACKEND_WRONG_HOST_CERT),
              fixture_set_up, test_tls_wrong_host, fixture_tear_down);

  return g_test_run ();
}
