/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-booking.h: drives the booking screen as a customer would, for the benchmark and the soak. */

#pragma once

#include "kiosk-booking-page.h"
#include "kiosk-window.h"

G_BEGIN_DECLS

typedef struct
{
  const char *service_id;
  const char *first_name;
  const char *last_name;
  const char *phone;
  const char *health_note;  /* a health button's name: sciatica, prefer-not-to-say, ... */
} BenchCustomer;

KioskBookingPage *bench_booking_page      (KioskWindow         *window);
void              bench_booking_wait_step (KioskWindow         *window,
                                           const char          *step);
void              bench_booking_to_review (KioskWindow         *window,
                                           const BenchCustomer *customer,
                                           guint               *days_ahead);

G_END_DECLS
