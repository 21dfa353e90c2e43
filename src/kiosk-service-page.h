/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-service-page.h: one massage in detail, with "Book this massage". */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_SERVICE_PAGE (kiosk_service_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskServicePage, kiosk_service_page, KIOSK, SERVICE_PAGE, GtkWidget)

const char *kiosk_service_page_get_service_id (KioskServicePage *self);
void        kiosk_service_page_set_service_id (KioskServicePage *self,
                                               const char       *service_id);

G_END_DECLS
