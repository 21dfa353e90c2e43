/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-api-client-private.h: the API client's answer readers, for the fuzz targets and tests. */

#pragma once

#include "kiosk-api-client.h"

G_BEGIN_DECLS

/* Each reads the body of a successful answer exactly as the client does
 * (strict JSON, then the endpoint's fields) and returns NULL with a
 * KIOSK_JSON_ERROR when it is not usable. */
KioskApiHealth       *kiosk_api_read_health         (GBytes      *body,
                                                     GError     **error);
GPtrArray            *kiosk_api_read_services       (GBytes      *body,
                                                     GError     **error);
KioskApiAvailability *kiosk_api_read_availability   (GBytes      *body,
                                                     const char  *service_id,
                                                     const char  *date,
                                                     GError     **error);
char                 *kiosk_api_read_booking        (GBytes      *body,
                                                     GError     **error);

/* The plain field names a problem document's "errors" list names, joined
 * with ", ", or NULL when it names none (or is not JSON at all). */
char                 *kiosk_api_read_problem_fields (GBytes      *body);

G_END_DECLS
