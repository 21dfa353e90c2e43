/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-staff-panel.h: staff mode: reset, backend status and test, the queue, language, quit. */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-outbox.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_STAFF_PANEL (kiosk_staff_panel_get_type ())
G_DECLARE_FINAL_TYPE (KioskStaffPanel, kiosk_staff_panel, KIOSK, STAFF_PANEL, GtkWidget)

KioskOutbox *kiosk_staff_panel_get_outbox        (KioskStaffPanel *self);
void         kiosk_staff_panel_set_outbox        (KioskStaffPanel *self,
                                                  KioskOutbox     *outbox);
const char  *kiosk_staff_panel_get_backend_text  (KioskStaffPanel *self);
const char  *kiosk_staff_panel_get_verdict_text  (KioskStaffPanel *self);
const char  *kiosk_staff_panel_get_queue_text    (KioskStaffPanel *self);
gboolean     kiosk_staff_panel_get_testing       (KioskStaffPanel *self);

G_END_DECLS
