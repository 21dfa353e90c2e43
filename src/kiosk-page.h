/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-page.h: what every screen of the window does: refill its text and forget its state. */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-content.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_PAGE (kiosk_page_get_type ())
G_DECLARE_INTERFACE (KioskPage, kiosk_page, KIOSK, PAGE, GtkWidget)

struct _KioskPageInterface
{
  GTypeInterface parent_iface;

  void (* refill) (KioskPage    *self,
                   KioskContent *content,
                   const char   *language);
  void (* reset)  (KioskPage    *self);
};

void kiosk_page_refill (KioskPage    *self,
                        KioskContent *content,
                        const char   *language);
void kiosk_page_reset  (KioskPage    *self);

G_END_DECLS
