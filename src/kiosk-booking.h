/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking.h: one customer's booking details and their JSON for POST /v1/bookings. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a customer typed. Every string is owned by the struct; clearing it
 * wipes the bytes before freeing them, so no customer's details linger in
 * freed memory for the next one. */
typedef struct
{
  char *service_id;   /* relaxation, hot-stone, deep-tissue, thai */
  char *start;        /* RFC 3339 with the spa's offset, as the backend gave the slot */
  guint duration_minutes; /* one of the service's options; 0 for the backend's default */
  char *first_name;
  char *last_name;
  char *phone;
  char *email;        /* nullable */
  char *health_note;  /* nullable: sciatica, pregnancy, injury, prefer-not-to-say */
} KioskBookingDetails;

void    kiosk_booking_details_clear   (KioskBookingDetails       *details);
GBytes *kiosk_booking_details_to_json (const KioskBookingDetails *details,
                                       const char                *kiosk_id);

void    kiosk_wipe_string             (char                     **str);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KioskBookingDetails, kiosk_booking_details_clear)

G_END_DECLS
