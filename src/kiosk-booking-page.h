/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking-page.h: booking by touch: massage and length, day and time, details, review, outcome. */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-api-client.h"
#include "kiosk-booking-session.h"
#include "kiosk-outbox.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_BOOKING_PAGE (kiosk_booking_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskBookingPage, kiosk_booking_page, KIOSK, BOOKING_PAGE, GtkWidget)

const char          *kiosk_booking_page_get_service_id (KioskBookingPage *self);
void                 kiosk_booking_page_set_service_id (KioskBookingPage *self,
                                                        const char       *service_id);
KioskBookingSession *kiosk_booking_page_get_session    (KioskBookingPage *self);
void                 kiosk_booking_page_set_backend    (KioskBookingPage *self,
                                                        KioskApiClient   *api_client,
                                                        KioskOutbox      *outbox);
const char          *kiosk_booking_page_get_step       (KioskBookingPage *self);
gboolean             kiosk_booking_page_go_back        (KioskBookingPage *self);
const char          *kiosk_booking_page_get_times_state (KioskBookingPage *self);

G_END_DECLS
