/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-ui-test.h: what the window tests share: set-up, waiting, finding widgets. */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-window.h"

G_BEGIN_DECLS

typedef gboolean (*KioskUiTestCondition) (gpointer data);

void         kiosk_ui_test_init          (int                  *argc,
                                          char               ***argv);
gboolean     kiosk_ui_test_wait_for      (KioskUiTestCondition  condition,
                                          gpointer              data,
                                          guint                 timeout_ms);
void         kiosk_ui_test_wait_frames   (GtkWidget            *widget,
                                          guint                 n_frames);
KioskWindow *kiosk_ui_test_window_new    (int                   width,
                                          int                   height);
void         kiosk_ui_test_wait_for_page (KioskWindow          *window,
                                          const char           *name);
GtkWidget   *kiosk_ui_test_find_button   (GtkWidget            *root,
                                          const char           *action_name,
                                          const char           *target);
void         kiosk_ui_test_click         (GtkWidget            *button);
void         kiosk_ui_test_destroy       (KioskWindow          *window);

G_END_DECLS
