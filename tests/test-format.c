/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c: days, times and time zones in words, in the spa's zone. */

#include "config.h"

#include "kiosk-format.h"

static void
test_days (void)
{
  /* 22:00 in Denver on Wednesday is already Thursday in UTC: the day is the spa's. */
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-26T05:00:00Z", NULL);
  g_autofree char *today = kiosk_format_slot_day ("2026-11-25T18:00:00-07:00", now);
  g_autofree char *tomorrow = kiosk_format_slot_day ("2026-11-26T10:00:00-07:00", now);
  g_autofree char *friday = kiosk_format_slot_day ("2026-11-27T14:30:00-07:00", now);
  g_autofree char *summer = kiosk_format_slot_day ("2027-06-11T10:00:00-06:00", now);

  g_assert_cmpstr (today, ==, "Today");
  g_assert_cmpstr (tomorrow, ==, "Tomorrow");
  g_assert_cmpstr (friday, ==, "Friday, November 27");
  g_assert_cmpstr (summer, ==, "Friday, June 11");
  g_assert_null (kiosk_format_slot_day ("tomorrow", now));
}

static void
test_times (void)
{
  const char *cases[][2] = {
    { "2026-11-27T14:30:00-07:00", "2:30 PM" },
    { "2026-11-27T10:00:00-07:00", "10:00 AM" },
    { "2026-11-27T12:00:00-07:00", "12:00 PM" },
    { "2026-11-27T00:05:00-07:00", "12:05 AM" },
    /* The spa's wall clock, never the machine's zone or UTC. */
    { "2026-11-27T21:30:00Z", "9:30 PM" },
    { "2026-06-12T17:30:00-06:00", "5:30 PM" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kiosk_format_slot_time (cases[i][0]);

      g_assert_cmpstr (text, ==, cases[i][1]);
    }
  g_assert_null (kiosk_format_slot_time (""));
}

static void
test_today_in_zone (void)
{
  g_autoptr(GTimeZone) denver = g_time_zone_new_identifier ("America/Denver");
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-27T03:00:00Z", NULL);
  g_autoptr(GDate) today = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (denver);
  today = kiosk_format_today_in (denver, now);
  text = kiosk_format_iso_date (today);
  g_assert_cmpstr (text, ==, "2026-11-26");
}

static void
test_dates (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (26, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2027);
  g_autofree char *text = kiosk_format_date (day, today);
  g_autofree char *plain = kiosk_format_date (today, NULL);

  g_autofree char *lines = kiosk_format_date_lines (day, today);
  g_autofree char *tomorrow = NULL;

  g_date_subtract_days (day, 35);
  tomorrow = kiosk_format_date_lines (day, today);
  g_assert_cmpstr (text, ==, "Friday, January 1");
  g_assert_cmpstr (lines, ==, "Fri\nJan 1");
  g_assert_cmpstr (tomorrow, ==, "Tomorrow");
  g_assert_cmpstr (plain, ==, "Thursday, November 26");
}

static void
test_zones (void)
{
  g_autofree char *denver = kiosk_format_time_zone ("America/Denver");
  g_autofree char *madrid = kiosk_format_time_zone ("America/Argentina/Buenos_Aires");
  g_autofree char *unset = kiosk_format_time_zone (NULL);

  g_assert_cmpstr (denver, ==, "Mountain Time");
  g_assert_cmpstr (madrid, ==, "America/Argentina/Buenos Aires");
  g_assert_cmpstr (unset, ==, "Mountain Time");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/format/days", test_days);
  g_test_add_func ("/kiosk/format/times", test_times);
  g_test_add_func ("/kiosk/format/today-in-zone", test_today_in_zone);
  g_test_add_func ("/kiosk/format/dates", test_dates);
  g_test_add_func ("/kiosk/format/zones", test_zones);

  return g_test_run ();
}
