/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-idle-monitor.h: the quiet time since the last touch and the "Still there?" countdown. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_IDLE_MONITOR (kiosk_idle_monitor_get_type ())
G_DECLARE_FINAL_TYPE (KioskIdleMonitor, kiosk_idle_monitor, KIOSK, IDLE_MONITOR, GObject)

KioskIdleMonitor *kiosk_idle_monitor_new           (void);
void              kiosk_idle_monitor_activity      (KioskIdleMonitor *self);
gboolean          kiosk_idle_monitor_get_enabled   (KioskIdleMonitor *self);
void              kiosk_idle_monitor_set_enabled   (KioskIdleMonitor *self,
                                                    gboolean          enabled);
guint             kiosk_idle_monitor_get_timeout   (KioskIdleMonitor *self);
void              kiosk_idle_monitor_set_timeout   (KioskIdleMonitor *self,
                                                    guint             seconds);
guint             kiosk_idle_monitor_get_countdown (KioskIdleMonitor *self);
void              kiosk_idle_monitor_set_countdown (KioskIdleMonitor *self,
                                                    guint             seconds);
gboolean          kiosk_idle_monitor_get_prompting (KioskIdleMonitor *self);
guint             kiosk_idle_monitor_get_remaining (KioskIdleMonitor *self);

G_END_DECLS
