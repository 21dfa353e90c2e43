/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking-page.h: where booking starts: choose the massage. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_BOOKING_PAGE (kiosk_booking_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskBookingPage, kiosk_booking_page, KIOSK, BOOKING_PAGE, GtkWidget)

const char *kiosk_booking_page_get_service_id (KioskBookingPage *self);
void        kiosk_booking_page_set_service_id (KioskBookingPage *self,
                                               const char       *service_id);

G_END_DECLS
