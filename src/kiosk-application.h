/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-application.h: the kiosk's AdwApplication: options, settings, the window. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_APPLICATION (kiosk_application_get_type ())
G_DECLARE_FINAL_TYPE (KioskApplication, kiosk_application, KIOSK, APPLICATION, AdwApplication)

KioskApplication *kiosk_application_new (void);

G_END_DECLS
