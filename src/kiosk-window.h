/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-window.h: the kiosk's one window, holding every screen. */

#pragma once

#include <adwaita.h>

#include "kiosk-api-client.h"
#include "kiosk-application.h"
#include "kiosk-content.h"
#include "kiosk-outbox.h"
#include "kiosk-idle-monitor.h"
#include "kiosk-staff-pin.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_WINDOW (kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (KioskWindow, kiosk_window, KIOSK, WINDOW, AdwApplicationWindow)

KioskWindow      *kiosk_window_new                (KioskApplication *app,
                                                   KioskContent     *content,
                                                   gboolean          fullscreen);
KioskContent     *kiosk_window_get_spa_content        (KioskWindow      *self);
const char       *kiosk_window_get_language       (KioskWindow      *self);
void              kiosk_window_set_language       (KioskWindow      *self,
                                                   const char       *language);
guint             kiosk_window_get_idle_timeout   (KioskWindow      *self);
void              kiosk_window_set_idle_timeout   (KioskWindow      *self,
                                                   guint             seconds);
guint             kiosk_window_get_idle_countdown (KioskWindow      *self);
void              kiosk_window_set_idle_countdown (KioskWindow      *self,
                                                   guint             seconds);
gboolean          kiosk_window_get_allow_close    (KioskWindow      *self);
void              kiosk_window_set_allow_close    (KioskWindow      *self,
                                                   gboolean          allow_close);
KioskApiClient   *kiosk_window_get_api_client     (KioskWindow      *self);
void              kiosk_window_set_api_client     (KioskWindow      *self,
                                                   KioskApiClient   *api_client);
KioskOutbox      *kiosk_window_get_outbox         (KioskWindow      *self);
void              kiosk_window_set_outbox         (KioskWindow      *self,
                                                   KioskOutbox      *outbox);
KioskIdleMonitor *kiosk_window_get_idle_monitor   (KioskWindow      *self);
GtkWidget        *kiosk_window_get_page           (KioskWindow      *self,
                                                   const char       *name);
const char       *kiosk_window_get_visible_page   (KioskWindow      *self);
KioskStaffPin    *kiosk_window_get_staff_pin      (KioskWindow      *self);
void              kiosk_window_set_staff_pin      (KioskWindow      *self,
                                                   KioskStaffPin    *staff_pin);
guint             kiosk_window_get_staff_timeout  (KioskWindow      *self);
void              kiosk_window_set_staff_timeout  (KioskWindow      *self,
                                                   guint             seconds);
gboolean          kiosk_window_get_staff_unlocked (KioskWindow      *self);

G_END_DECLS
