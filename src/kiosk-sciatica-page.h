/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-sciatica-page.h: the sciatica article in short sections, ending with a way to book. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_SCIATICA_PAGE (kiosk_sciatica_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskSciaticaPage, kiosk_sciatica_page, KIOSK, SCIATICA_PAGE, GtkWidget)

GtkAdjustment *kiosk_sciatica_page_get_vadjustment (KioskSciaticaPage *self);

G_END_DECLS
