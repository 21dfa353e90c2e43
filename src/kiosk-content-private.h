/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-content-private.h: what the content parser shares with KioskService. */

#pragma once

#include "kiosk-content.h"

G_BEGIN_DECLS

/* A text in every language the file gives it: a NULL-terminated list of
 * pairs (language, text), freed with g_strfreev(). "en" is always there. */
typedef char **KioskText;

const char   *kiosk_text_get   (KioskText     text,
                                const char   *lang);

typedef struct
{
  guint minutes;
  guint price_minor;
} KioskServiceOption;

/* The longest list of options a service may have. */
#define KIOSK_SERVICE_MAX_OPTIONS 4

/* Takes ownership of the texts. */
KioskService *kiosk_service_new (const char               *id,
                                 const char               *icon_name,
                                 KioskText                 name,
                                 KioskText                 summary,
                                 KioskText                 description,
                                 KioskText                 helps,
                                 KioskText                 expect,
                                 const KioskServiceOption *options,
                                 guint                     n_options);

G_END_DECLS
