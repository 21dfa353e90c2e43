/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-booking-session.c: one customer's booking state, its checks and its wipe. */

#include "config.h"

#include "kiosk-booking-session.h"

static void
test_names (void)
{
  const KioskBookingField first = KIOSK_BOOKING_FIELD_FIRST_NAME;
  const KioskBookingField last = KIOSK_BOOKING_FIELD_LAST_NAME;

  g_assert_null (kiosk_booking_check_name ("José", first));
  g_assert_null (kiosk_booking_check_name ("  Núñez-O'Neil ", last));
  g_assert_cmpstr (kiosk_booking_check_name ("", first), ==, "Please type your first name.");
  g_assert_cmpstr (kiosk_booking_check_name ("   ", last), ==, "Please type your last name.");
  g_assert_cmpstr (kiosk_booking_check_name (NULL, last), ==, "Please type your last name.");
  g_assert_cmpstr (kiosk_booking_check_name ("123 -.", first), ==,
                   "A name needs at least one letter.");
}

static void
test_phones (void)
{
  const char *good[][2] = {
    { "8015550123", "8015550123" },
    { "(801) 555-0123", "8015550123" },
    { "801.555.0123", "8015550123" },
    { "1 801 555 0123", "8015550123" },
    { "+1 (801) 555-0123", "8015550123" },
  };
  const char *bad[] = { "801555012", "80155501234", "2 801 555 0123", "801-555-O123", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *digits = kiosk_booking_normalize_phone (good[i][0]);

      g_assert_cmpstr (digits, ==, good[i][1]);
      g_assert_null (kiosk_booking_check_phone (good[i][0]));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (kiosk_booking_normalize_phone (bad[i]));
      g_assert_nonnull (kiosk_booking_check_phone (bad[i]));
    }
  g_assert_cmpstr (kiosk_booking_check_phone ("555 0123"), ==,
                   "A US phone number has 10 digits, like 801 555 0123.");
  g_assert_cmpstr (kiosk_booking_check_phone (""), ==, "Please type your mobile phone number.");
}

static void
test_emails (void)
{
  const char *good[] = { "", "  ", "jose@example.com", "a.b+c@mail.example.org" };
  const char *bad[] = { "jose", "jose@", "@example.com", "jose@example", "jo se@example.com",
                        "a@b@example.com", "jose@.example.com", "jose@example..com" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_null (kiosk_booking_check_email (good[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_nonnull (kiosk_booking_check_email (bad[i]));
}

static KioskBookingSession *
filled_session (void)
{
  KioskBookingSession *session = kiosk_booking_session_new ();

  kiosk_booking_session_set_service_id (session, "thai");
  kiosk_booking_session_set_option (session, 90, 12500);
  kiosk_booking_session_set_day (session, "2026-11-27");
  kiosk_booking_session_set_slot (session, "2026-11-27T14:30:00-07:00");
  kiosk_booking_session_set_field (session, KIOSK_BOOKING_FIELD_FIRST_NAME, " José ");
  kiosk_booking_session_set_field (session, KIOSK_BOOKING_FIELD_LAST_NAME, "Núñez");
  kiosk_booking_session_set_field (session, KIOSK_BOOKING_FIELD_PHONE, "(801) 555-0123");
  kiosk_booking_session_set_field (session, KIOSK_BOOKING_FIELD_EMAIL, "jose@example.com");
  kiosk_booking_session_set_health_note (session, "sciatica");
  return session;
}

static void
test_to_details (void)
{
  g_autoptr(KioskBookingSession) session = filled_session ();
  g_auto(KioskBookingDetails) details = { 0 };

  g_assert_true (kiosk_booking_session_details_complete (session));
  g_assert_true (kiosk_booking_session_to_details (session, &details));
  g_assert_cmpstr (details.service_id, ==, "thai");
  g_assert_cmpstr (details.start, ==, "2026-11-27T14:30:00-07:00");
  g_assert_cmpuint (details.duration_minutes, ==, 90);
  g_assert_cmpstr (details.first_name, ==, "José");
  g_assert_cmpstr (details.last_name, ==, "Núñez");
  g_assert_cmpstr (details.phone, ==, "8015550123");
  g_assert_cmpstr (details.email, ==, "jose@example.com");
  g_assert_cmpstr (details.health_note, ==, "sciatica");
}

/* The review is blocked with the right words while a field is wrong. */
static void
test_incomplete (void)
{
  g_autoptr(KioskBookingSession) session = filled_session ();
  KioskBookingDetails details = { 0 };

  kiosk_booking_session_set_field (session, KIOSK_BOOKING_FIELD_FIRST_NAME, "");
  kiosk_booking_session_set_field (session, KIOSK_BOOKING_FIELD_PHONE, "555-0123");
  g_assert_false (kiosk_booking_session_details_complete (session));
  g_assert_false (kiosk_booking_session_to_details (session, &details));
  g_assert_null (details.first_name);
  g_assert_cmpstr (kiosk_booking_session_check_field (session, KIOSK_BOOKING_FIELD_FIRST_NAME),
                   ==, "Please type your first name.");
  g_assert_cmpstr (kiosk_booking_session_check_field (session, KIOSK_BOOKING_FIELD_PHONE),
                   ==, "A US phone number has 10 digits, like 801 555 0123.");
  g_assert_null (kiosk_booking_session_check_field (session, KIOSK_BOOKING_FIELD_LAST_NAME));
  g_assert_null (kiosk_booking_session_check_field (session, KIOSK_BOOKING_FIELD_EMAIL));
}

/* A new massage, length or day invalidates the time chosen for the old one. */
static void
test_choices_drop_the_time (void)
{
  g_autoptr(KioskBookingSession) session = filled_session ();

  kiosk_booking_session_set_option (session, 90, 12500);
  g_assert_nonnull (kiosk_booking_session_get_slot (session));
  kiosk_booking_session_set_option (session, 60, 9000);
  g_assert_null (kiosk_booking_session_get_slot (session));
  g_assert_cmpuint (kiosk_booking_session_get_price_minor (session), ==, 9000);

  kiosk_booking_session_set_slot (session, "2026-11-27T15:00:00-07:00");
  kiosk_booking_session_set_day (session, "2026-11-28");
  g_assert_null (kiosk_booking_session_get_slot (session));

  kiosk_booking_session_set_slot (session, "2026-11-28T15:00:00-07:00");
  kiosk_booking_session_set_service_id (session, "hot-stone");
  g_assert_null (kiosk_booking_session_get_slot (session));
  g_assert_cmpuint (kiosk_booking_session_get_duration (session), ==, 0);
  /* What the customer typed stays. */
  g_assert_cmpstr (kiosk_booking_session_get_field (session, KIOSK_BOOKING_FIELD_LAST_NAME),
                   ==, "Núñez");
}

static void
test_clear (void)
{
  g_autoptr(KioskBookingSession) session = filled_session ();

  g_assert_false (kiosk_booking_session_is_empty (session));
  kiosk_booking_session_clear (session);
  g_assert_true (kiosk_booking_session_is_empty (session));
  g_assert_null (kiosk_booking_session_get_service_id (session));
  g_assert_null (kiosk_booking_session_get_slot (session));
  g_assert_null (kiosk_booking_session_get_day (session));
  g_assert_null (kiosk_booking_session_get_health_note (session));
  for (guint i = 0; i < KIOSK_BOOKING_N_FIELDS; i++)
    g_assert_cmpstr (kiosk_booking_session_get_field (session, i), ==, "");

  /* Clearing twice is harmless, and the session takes the next customer. */
  kiosk_booking_session_clear (session);
  kiosk_booking_session_set_field (session, KIOSK_BOOKING_FIELD_FIRST_NAME, "Ana");
  g_assert_cmpstr (kiosk_booking_session_get_field (session, KIOSK_BOOKING_FIELD_FIRST_NAME),
                   ==, "Ana");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/booking-session/names", test_names);
  g_test_add_func ("/kiosk/booking-session/phones", test_phones);
  g_test_add_func ("/kiosk/booking-session/emails", test_emails);
  g_test_add_func ("/kiosk/booking-session/to-details", test_to_details);
  g_test_add_func ("/kiosk/booking-session/incomplete", test_incomplete);
  g_test_add_func ("/kiosk/booking-session/choices-drop-the-time", test_choices_drop_the_time);
  g_test_add_func ("/kiosk/booking-session/clear", test_clear);

  return g_test_run ();
}
