/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking-session.h: what one walk-in customer has chosen and typed so far, and its checks. */

#pragma once

#include <gio/gio.h>

#include "kiosk-booking.h"

G_BEGIN_DECLS

/* The fields a customer types; each has its own check and message. */
typedef enum
{
  KIOSK_BOOKING_FIELD_FIRST_NAME,
  KIOSK_BOOKING_FIELD_LAST_NAME,
  KIOSK_BOOKING_FIELD_PHONE,
  KIOSK_BOOKING_FIELD_EMAIL,
  KIOSK_BOOKING_N_FIELDS,
} KioskBookingField;

#define KIOSK_TYPE_BOOKING_SESSION (kiosk_booking_session_get_type ())
G_DECLARE_FINAL_TYPE (KioskBookingSession, kiosk_booking_session, KIOSK, BOOKING_SESSION, GObject)

KioskBookingSession *kiosk_booking_session_new              (void);

const char *kiosk_booking_session_get_service_id   (KioskBookingSession *self);
void        kiosk_booking_session_set_service_id   (KioskBookingSession *self,
                                                    const char          *service_id);
guint       kiosk_booking_session_get_duration     (KioskBookingSession *self);
guint       kiosk_booking_session_get_price_minor  (KioskBookingSession *self);
void        kiosk_booking_session_set_option       (KioskBookingSession *self,
                                                    guint                duration_minutes,
                                                    guint                price_minor);
const char *kiosk_booking_session_get_day          (KioskBookingSession *self);
void        kiosk_booking_session_set_day          (KioskBookingSession *self,
                                                    const char          *day);
const char *kiosk_booking_session_get_slot         (KioskBookingSession *self);
void        kiosk_booking_session_set_slot         (KioskBookingSession *self,
                                                    const char          *slot);
const char *kiosk_booking_session_get_field        (KioskBookingSession *self,
                                                    KioskBookingField    field);
void        kiosk_booking_session_set_field        (KioskBookingSession *self,
                                                    KioskBookingField    field,
                                                    const char          *text);
const char *kiosk_booking_session_get_health_note  (KioskBookingSession *self);
void        kiosk_booking_session_set_health_note  (KioskBookingSession *self,
                                                    const char          *note);

const char *kiosk_booking_session_check_field      (KioskBookingSession *self,
                                                    KioskBookingField    field);
gboolean    kiosk_booking_session_details_complete (KioskBookingSession *self);
gboolean    kiosk_booking_session_is_empty         (KioskBookingSession *self);
gboolean    kiosk_booking_session_to_details       (KioskBookingSession *self,
                                                    KioskBookingDetails *details);
void        kiosk_booking_session_clear            (KioskBookingSession *self);

const char *kiosk_booking_check_name               (const char          *text,
                                                    KioskBookingField    field);
char       *kiosk_booking_normalize_phone          (const char          *text);
const char *kiosk_booking_check_phone              (const char          *text);
const char *kiosk_booking_check_email              (const char          *text);
gboolean    kiosk_booking_is_health_note           (const char          *note);

G_END_DECLS
