/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-format.c: days, times and time zones in words, in the kiosk's current language. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kiosk-format.h"

static const char * const weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* Short names for narrow buttons, with a context: "May" is both. */
static const char * const weekday_short_names[] = {
  NC_("short weekday", "Mon"), NC_("short weekday", "Tue"), NC_("short weekday", "Wed"),
  NC_("short weekday", "Thu"), NC_("short weekday", "Fri"), NC_("short weekday", "Sat"),
  NC_("short weekday", "Sun"),
};

static const char * const month_short_names[] = {
  NC_("short month", "Jan"), NC_("short month", "Feb"), NC_("short month", "Mar"),
  NC_("short month", "Apr"), NC_("short month", "May"), NC_("short month", "Jun"),
  NC_("short month", "Jul"), NC_("short month", "Aug"), NC_("short month", "Sep"),
  NC_("short month", "Oct"), NC_("short month", "Nov"), NC_("short month", "Dec"),
};

/* The US zones a spa may be in, in words; others show their IANA name. */
static const struct {
  const char *zone;
  const char *words;
} zone_words[] = {
  { "America/Denver", N_("Mountain Time") },
  { "America/Boise", N_("Mountain Time") },
  { "America/Phoenix", N_("Mountain Time") },
  { "America/Chicago", N_("Central Time") },
  { "America/New_York", N_("Eastern Time") },
  { "America/Los_Angeles", N_("Pacific Time") },
  { "America/Anchorage", N_("Alaska Time") },
  { "Pacific/Honolulu", N_("Hawaii Time") },
};

/**
 * kiosk_format_parse_slot:
 * @slot: an RFC 3339 time with an offset, as the backend writes slots
 *
 * Returns: (transfer full) (nullable): the time in the slot's own offset,
 *   which is the spa's, or %NULL when @slot is not such a time
 */
GDateTime *
kiosk_format_parse_slot (const char *slot)
{
  if (slot == NULL || strlen (slot) < 20)
    return NULL;
  return g_date_time_new_from_iso8601 (slot, NULL);
}

/**
 * kiosk_format_date:
 * @date: a day
 * @today: (nullable): today, in the same zone
 *
 * Returns: (transfer full): "Today", "Tomorrow" or "Friday, November 28"
 */
char *
kiosk_format_date (GDate *date,
                   GDate *today)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (today != NULL && g_date_valid (today))
    {
      int days = g_date_days_between (today, date);

      if (days == 0)
        return g_strdup (_("Today"));
      if (days == 1)
        return g_strdup (_("Tomorrow"));
    }

  /* TRANSLATORS: a day: %1$s is the weekday, %2$s the month, %3$u the day
   * of the month, e.g. "Friday, November 28"; Spanish: "%1$s %3$u de %2$s" */
  return g_strdup_printf (_("%1$s, %2$s %3$u"),
                          _(weekday_names[g_date_get_weekday (date) - G_DATE_MONDAY]),
                          _(month_names[g_date_get_month (date) - G_DATE_JANUARY]),
                          (guint) g_date_get_day (date));
}

/**
 * kiosk_format_date_lines:
 * @date: a day
 * @today: (nullable): today, in the same zone
 *
 * Like kiosk_format_date(), short, on two lines, for a narrow button.
 *
 * Returns: (transfer full): "Today", "Tomorrow" or "Fri\nNov 28"
 */
char *
kiosk_format_date_lines (GDate *date,
                         GDate *today)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (today != NULL && g_date_valid (today) && g_date_days_between (today, date) <= 1)
    return kiosk_format_date (date, today);

  /* TRANSLATORS: a day on two lines of a button: %1$s is the short
   * weekday, %2$s the short month, %3$u the day of the month, e.g.
   * "Fri\nNov 28"; Spanish: "%1$s\n%3$u %2$s" */
  return g_strdup_printf (_("%1$s\n%2$s %3$u"),
                          g_dpgettext2 (GETTEXT_PACKAGE, "short weekday",
                                        weekday_short_names[g_date_get_weekday (date) - G_DATE_MONDAY]),
                          g_dpgettext2 (GETTEXT_PACKAGE, "short month",
                                        month_short_names[g_date_get_month (date) - G_DATE_JANUARY]),
                          (guint) g_date_get_day (date));
}

/**
 * kiosk_format_today_in:
 * @zone: the spa's time zone
 * @now: (nullable): the current time; %NULL for the clock's
 *
 * Returns: (transfer full): the spa's calendar day at @now
 */
GDate *
kiosk_format_today_in (GTimeZone *zone,
                       GDateTime *now)
{
  g_autoptr(GDateTime) current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (current, zone);

  return g_date_new_dmy (g_date_time_get_day_of_month (local),
                         g_date_time_get_month (local),
                         g_date_time_get_year (local));
}

/* Returns: (transfer full): YYYY-MM-DD, as the backend's `date` */
char *
kiosk_format_iso_date (GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/**
 * kiosk_format_slot_day:
 * @slot: an RFC 3339 slot time
 * @now: (nullable): the current time; %NULL for the clock's
 *
 * The slot's day in the spa's zone (the slot's own offset), relative to
 * today in that zone, whatever the zone of the kiosk's machine.
 *
 * Returns: (transfer full) (nullable): the day in words, %NULL for a bad slot
 */
char *
kiosk_format_slot_day (const char *slot,
                       GDateTime  *now)
{
  g_autoptr(GDateTime) time = kiosk_format_parse_slot (slot);
  g_autoptr(GTimeZone) offset = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) date = NULL;

  if (time == NULL)
    return NULL;
  offset = g_time_zone_new_offset ((gint32) (g_date_time_get_utc_offset (time) / G_USEC_PER_SEC));
  today = kiosk_format_today_in (offset, now);
  date = g_date_new_dmy (g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                         g_date_time_get_year (time));
  return kiosk_format_date (date, today);
}

/**
 * kiosk_format_clock:
 * @hour: 0 to 23
 * @minute: 0 to 59
 *
 * Returns: (transfer full): the time of day as the current language writes it
 */
char *
kiosk_format_clock (int hour,
                    int minute)
{
  /* TRANSLATORS: how a time of day is written. %l is the hour 1-12, %H the
   * hour 00-23, %k the hour 0-23, %M the minutes, %p AM or PM (translated
   * below). English: "%l:%M %p" (2:30 PM); 24-hour style: "%H:%M" (14:30). */
  const char *pattern = _("%l:%M %p");
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (hour >= 0 && hour < 24 && minute >= 0 && minute < 60, NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 'l': g_string_append_printf (out, "%d", hour % 12 == 0 ? 12 : hour % 12); break;
        case 'H': g_string_append_printf (out, "%02d", hour); break;
        case 'k': g_string_append_printf (out, "%d", hour); break;
        case 'M': g_string_append_printf (out, "%02d", minute); break;
        /* TRANSLATORS: the hours before noon in a 12-hour time, as in 9:30 AM */
        case 'p': g_string_append (out, hour < 12 ? _("AM")
        /* TRANSLATORS: the hours from noon in a 12-hour time, as in 2:30 PM */
                                                  : _("PM")); break;
        default: g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * kiosk_format_slot_time:
 * @slot: an RFC 3339 slot time
 *
 * Returns: (transfer full) (nullable): its wall-clock time in the spa's
 *   zone ("2:30 PM"), %NULL for a bad slot
 */
char *
kiosk_format_slot_time (const char *slot)
{
  g_autoptr(GDateTime) time = kiosk_format_parse_slot (slot);

  if (time == NULL)
    return NULL;
  return kiosk_format_clock (g_date_time_get_hour (time), g_date_time_get_minute (time));
}

/**
 * kiosk_format_time_zone:
 * @zone: (nullable): an IANA time zone name
 *
 * Returns: (transfer full): "Mountain Time" for the US zones, else the
 *   name with spaces for underscores ("Europe/Madrid")
 */
char *
kiosk_format_time_zone (const char *zone)
{
  if (zone == NULL || *zone == '\0')
    zone = "America/Denver";
  for (gsize i = 0; i < G_N_ELEMENTS (zone_words); i++)
    if (g_str_equal (zone_words[i].zone, zone))
      return g_strdup (_(zone_words[i].words));
  return g_strdelimit (g_strdup (zone), "_", ' ');
}
