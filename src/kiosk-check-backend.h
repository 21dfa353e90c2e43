/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-check-backend.h: the installer's one-line test of the configured booking backend. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int kiosk_check_backend_run (GSettings *settings);

G_END_DECLS
