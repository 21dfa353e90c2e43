/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-format.h: days, times and time zones in words, in the kiosk's current language. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every name comes from the kiosk's own translations, never from the C
 * library's locale, so a language switch changes them at once. */

GDateTime *kiosk_format_parse_slot  (const char  *slot);
char      *kiosk_format_date        (GDate       *date,
                                     GDate       *today);
char      *kiosk_format_date_lines  (GDate       *date,
                                     GDate       *today);
char      *kiosk_format_slot_day    (const char  *slot,
                                     GDateTime   *now);
char      *kiosk_format_slot_time   (const char  *slot);
char      *kiosk_format_clock       (int          hour,
                                     int          minute);
char      *kiosk_format_time_zone   (const char  *zone);
GDate     *kiosk_format_today_in    (GTimeZone   *zone,
                                     GDateTime   *now);
char      *kiosk_format_iso_date    (GDate       *date);

G_END_DECLS
