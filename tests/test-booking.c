/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-booking.c: the booking body sent to POST /v1/bookings and the details' wipe. */

#include "config.h"

#include "kiosk-api-client.h"
#include "kiosk-booking.h"
#include "kiosk-json.h"

static void
fill (KioskBookingDetails *details,
      gboolean             optional)
{
  details->service_id = g_strdup ("hot-stone");
  details->start = g_strdup ("2026-11-27T10:00:00-07:00");
  details->first_name = g_strdup ("José");
  details->last_name = g_strdup ("Núñez \"Pepe\"");
  details->phone = g_strdup ("8015550123");
  details->email = optional ? g_strdup ("jose@example.com") : NULL;
  details->health_note = optional ? g_strdup ("sciatica") : NULL;
}

static json_object *
parse_body (GBytes *body)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);
  json_object *root = kiosk_json_parse (data, length, KIOSK_JSON_MAX_DEPTH, &error);

  g_assert_no_error (error);
  return root;
}

static void
assert_member (json_object *object,
               const char  *member,
               const char  *expected)
{
  g_autoptr(GError) error = NULL;
  const char *value = NULL;

  g_assert_true (kiosk_json_get_string (object, member, FALSE, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, expected);
}

static void
test_to_json_full (void)
{
  g_auto(KioskBookingDetails) details = { NULL, };
  g_autoptr(GBytes) body = NULL;
  g_autoptr(json_object) root = NULL;
  json_object *customer = NULL;

  fill (&details, TRUE);
  body = kiosk_booking_details_to_json (&details, "lobby-1");
  root = parse_body (body);

  assert_member (root, "service", "hot-stone");
  assert_member (root, "start", "2026-11-27T10:00:00-07:00");
  assert_member (root, "health_note", "sciatica");
  assert_member (root, "kiosk_id", "lobby-1");
  g_assert_true (kiosk_json_get_object (root, "customer", TRUE, &customer, NULL));
  assert_member (customer, "first_name", "José");
  assert_member (customer, "last_name", "Núñez \"Pepe\"");
  assert_member (customer, "phone", "8015550123");
  assert_member (customer, "email", "jose@example.com");
}

static void
test_to_json_optional_absent (void)
{
  g_auto(KioskBookingDetails) details = { NULL, };
  g_autoptr(GBytes) body = NULL;
  g_autoptr(json_object) root = NULL;
  json_object *customer = NULL;
  json_object *value = NULL;

  fill (&details, FALSE);
  body = kiosk_booking_details_to_json (&details, "lobby-1");
  root = parse_body (body);

  g_assert_false (json_object_object_get_ex (root, "health_note", &value));
  g_assert_true (kiosk_json_get_object (root, "customer", TRUE, &customer, NULL));
  g_assert_false (json_object_object_get_ex (customer, "email", &value));
}

/* The same details make the same bytes, so a resent booking matches the
 * backend's idempotency record. */
static void
test_to_json_stable (void)
{
  g_auto(KioskBookingDetails) details = { NULL, };
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  fill (&details, TRUE);
  first = kiosk_booking_details_to_json (&details, "lobby-1");
  second = kiosk_booking_details_to_json (&details, "lobby-1");
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_clear (void)
{
  KioskBookingDetails details = { NULL, };

  fill (&details, TRUE);
  kiosk_booking_details_clear (&details);
  g_assert_null (details.service_id);
  g_assert_null (details.first_name);
  g_assert_null (details.phone);
  g_assert_null (details.email);
  g_assert_null (details.health_note);

  /* Clearing twice is harmless: the idle reset and the end of a booking both do it. */
  kiosk_booking_details_clear (&details);
}

static void
test_idempotency_key (void)
{
  g_autofree char *a = kiosk_api_new_idempotency_key ();
  g_autofree char *b = kiosk_api_new_idempotency_key ();

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_true (g_uuid_string_is_valid (b));
  g_assert_cmpstr (a, !=, b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/booking/to-json-full", test_to_json_full);
  g_test_add_func ("/kiosk/booking/to-json-optional-absent", test_to_json_optional_absent);
  g_test_add_func ("/kiosk/booking/to-json-stable", test_to_json_stable);
  g_test_add_func ("/kiosk/booking/clear", test_clear);
  g_test_add_func ("/kiosk/booking/idempotency-key", test_idempotency_key);

  return g_test_run ();
}
