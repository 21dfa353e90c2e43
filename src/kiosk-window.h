/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-window.h: the kiosk's one window, holding every screen. */

#pragma once

#include <adwaita.h>

#include "kiosk-application.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_WINDOW (kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (KioskWindow, kiosk_window, KIOSK, WINDOW, AdwApplicationWindow)

KioskWindow *kiosk_window_new (KioskApplication *app,
                               gboolean          fullscreen);

G_END_DECLS
