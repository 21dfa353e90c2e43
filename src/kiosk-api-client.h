/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-api-client.h: the booking backend's JSON API (docs/backend-api.md) over KioskHttpClient. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KIOSK_API_ERROR (kiosk_api_error_quark ())

/* Every failure a person may see. The messages are in plain words. */
typedef enum
{
  KIOSK_API_ERROR_CONFIG,        /* the kiosk's own settings are wrong (http:// URL, no token file, ...) */
  KIOSK_API_ERROR_UNREACHABLE,   /* cannot reach the spa's system: DNS, connect, timeout, reset */
  KIOSK_API_ERROR_CERTIFICATE,   /* the system's certificate is not trusted, wrong host or pin */
  KIOSK_API_ERROR_UNAUTHORIZED,  /* 401/403: the kiosk's token was refused */
  KIOSK_API_ERROR_SLOT_TAKEN,    /* 409: the time was just taken */
  KIOSK_API_ERROR_REJECTED,      /* 400/404/422: the system refused the details (which, in the message) */
  KIOSK_API_ERROR_SERVER,        /* 5xx: the system had a problem */
  KIOSK_API_ERROR_PROTOCOL,      /* the system answered something the kiosk does not understand */
  KIOSK_API_ERROR_CANCELLED,     /* cancelled by the kiosk */
} KioskApiError;

GQuark   kiosk_api_error_quark        (void);

/* TRUE when the same request may succeed later unchanged (transport, 5xx,
 * garbled answers, a refused token that staff can fix); FALSE for final
 * answers about the request itself (409, 400/404/422) and for cancellation. */
gboolean kiosk_api_error_is_retryable (const GError *error);

G_END_DECLS
