/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-attract-page.h: what a passer-by sees: the spa, a rotating highlight, "Touch to start". */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_ATTRACT_PAGE (kiosk_attract_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskAttractPage, kiosk_attract_page, KIOSK, ATTRACT_PAGE, GtkWidget)

guint kiosk_attract_page_get_highlight (KioskAttractPage *self);
void  kiosk_attract_page_show_next     (KioskAttractPage *self);
GtkWidget *kiosk_attract_page_get_name_label (KioskAttractPage *self);

G_END_DECLS
