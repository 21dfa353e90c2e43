/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-home-page.h: the three large choices: massages, sciatica, booking. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_HOME_PAGE (kiosk_home_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskHomePage, kiosk_home_page, KIOSK, HOME_PAGE, GtkWidget)

G_END_DECLS
