/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-services-page.h: the list of massages as large cards. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_SERVICES_PAGE (kiosk_services_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskServicesPage, kiosk_services_page, KIOSK, SERVICES_PAGE, GtkWidget)

G_END_DECLS
