/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-service-card.h: a large button for one massage: name, times, prices, one line. */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-content.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_SERVICE_CARD (kiosk_service_card_get_type ())
G_DECLARE_FINAL_TYPE (KioskServiceCard, kiosk_service_card, KIOSK, SERVICE_CARD, GtkButton)

GtkWidget  *kiosk_service_card_new            (KioskContent     *content,
                                               KioskService     *service,
                                               const char       *language);
const char *kiosk_service_card_get_service_id (KioskServiceCard *self);
gboolean    kiosk_service_card_get_chosen     (KioskServiceCard *self);
void        kiosk_service_card_set_chosen     (KioskServiceCard *self,
                                               gboolean          chosen);

const char *kiosk_service_icon_name           (KioskService     *service,
                                               GtkWidget        *widget);
char       *kiosk_service_format_options      (KioskContent     *content,
                                               KioskService     *service,
                                               const char       *language);

G_END_DECLS
