/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-http-client.h: hardened HTTPS with libcurl's multi interface on the GLib main loop. */

#pragma once

#include <gio/gio.h>

#include "kiosk-backend-config.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_HTTP_CLIENT (kiosk_http_client_get_type ())

G_DECLARE_FINAL_TYPE (KioskHttpClient, kiosk_http_client, KIOSK, HTTP_CLIENT, GObject)

/* The answer to one request: any HTTP status, its headers and its body. */
typedef struct _KioskHttpResponse KioskHttpResponse;

guint              kiosk_http_response_get_status       (KioskHttpResponse    *response);
const char        *kiosk_http_response_get_header       (KioskHttpResponse    *response,
                                                         const char           *name);
const char        *kiosk_http_response_get_content_type (KioskHttpResponse    *response);
GBytes            *kiosk_http_response_get_body         (KioskHttpResponse    *response);
void               kiosk_http_response_free             (KioskHttpResponse    *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskHttpResponse, kiosk_http_response_free)

KioskHttpClient   *kiosk_http_client_new                (KioskBackendConfig   *config);
KioskBackendConfig *kiosk_http_client_get_config        (KioskHttpClient      *self);
guint              kiosk_http_client_get_n_active       (KioskHttpClient      *self);

void               kiosk_http_client_request_async      (KioskHttpClient      *self,
                                                         const char           *method,
                                                         const char           *url,
                                                         const char * const   *headers,
                                                         GBytes               *body,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
KioskHttpResponse *kiosk_http_client_request_finish     (KioskHttpClient      *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
