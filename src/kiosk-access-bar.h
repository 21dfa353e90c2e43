/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-access-bar.h: the language button and the reading aids on the attract and home screens. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_ACCESS_BAR (kiosk_access_bar_get_type ())
G_DECLARE_FINAL_TYPE (KioskAccessBar, kiosk_access_bar, KIOSK, ACCESS_BAR, GtkWidget)

void       kiosk_access_bar_set_language        (KioskAccessBar *self,
                                                 const char     *language);
GtkWidget *kiosk_access_bar_get_language_button (KioskAccessBar *self);

G_END_DECLS
