/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-pin-pad.h: the staff PIN pad: large digit keys, dots, the wait after a wrong PIN. */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-staff-pin.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_PIN_PAD (kiosk_pin_pad_get_type ())
G_DECLARE_FINAL_TYPE (KioskPinPad, kiosk_pin_pad, KIOSK, PIN_PAD, GtkWidget)

KioskStaffPin *kiosk_pin_pad_get_staff_pin (KioskPinPad   *self);
void           kiosk_pin_pad_set_staff_pin (KioskPinPad   *self,
                                            KioskStaffPin *staff_pin);
guint          kiosk_pin_pad_get_n_digits  (KioskPinPad   *self);
gboolean       kiosk_pin_pad_get_checking  (KioskPinPad   *self);
const char    *kiosk_pin_pad_get_message   (KioskPinPad   *self);

G_END_DECLS
