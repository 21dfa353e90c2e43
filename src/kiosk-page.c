/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-page.c: what every screen of the window does: refill its text and forget its state. */

#include "config.h"

#include "kiosk-page.h"

G_DEFINE_INTERFACE (KioskPage, kiosk_page, GTK_TYPE_WIDGET)

static void
kiosk_page_default_init (KioskPageInterface *iface)
{
}

/**
 * kiosk_page_refill:
 * @self: a page
 * @content: the spa's content
 * @language: the language code to show, such as "en"
 *
 * Rebuilds every text of the page from @content in @language, keeping
 * what the customer chose.
 */
void
kiosk_page_refill (KioskPage    *self,
                   KioskContent *content,
                   const char   *language)
{
  KioskPageInterface *iface;

  g_return_if_fail (KIOSK_IS_PAGE (self));
  g_return_if_fail (KIOSK_IS_CONTENT (content));
  g_return_if_fail (language != NULL);

  iface = KIOSK_PAGE_GET_IFACE (self);
  if (iface->refill != NULL)
    iface->refill (self, content, language);
}

/**
 * kiosk_page_reset:
 * @self: a page
 *
 * Forgets everything the last customer chose or scrolled on the page.
 */
void
kiosk_page_reset (KioskPage *self)
{
  KioskPageInterface *iface;

  g_return_if_fail (KIOSK_IS_PAGE (self));

  iface = KIOSK_PAGE_GET_IFACE (self);
  if (iface->reset != NULL)
    iface->reset (self);
}
