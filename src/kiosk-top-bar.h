/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-top-bar.h: the bar above every screen, blank on attract: Back, the spa's name, Home. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_TOP_BAR (kiosk_top_bar_get_type ())
G_DECLARE_FINAL_TYPE (KioskTopBar, kiosk_top_bar, KIOSK, TOP_BAR, GtkWidget)

const char *kiosk_top_bar_get_title (KioskTopBar *self);
void        kiosk_top_bar_set_title (KioskTopBar *self,
                                     const char  *title);
gboolean    kiosk_top_bar_get_blank (KioskTopBar *self);
void        kiosk_top_bar_set_blank (KioskTopBar *self,
                                     gboolean     blank);
GtkWidget  *kiosk_top_bar_get_title_label (KioskTopBar *self);

G_END_DECLS
