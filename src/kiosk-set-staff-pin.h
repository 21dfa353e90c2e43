/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-set-staff-pin.h: --set-staff-pin, which reads a new staff PIN from standard input. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int kiosk_set_staff_pin_run (const char *path);

G_END_DECLS
