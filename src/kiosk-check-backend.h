/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-check-backend.h: the installer's one-line test of the configured booking backend. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void  kiosk_check_backend_async  (GSettings            *settings,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
char *kiosk_check_backend_finish (GAsyncResult         *result,
                                  GError              **error);
int   kiosk_check_backend_run    (GSettings            *settings,
                                  const char           *staff_pin_path);

G_END_DECLS
