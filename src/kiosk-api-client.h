/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-api-client.h: the booking backend's JSON API (docs/backend-api.md) over KioskHttpClient. */

#pragma once

#include <gio/gio.h>

#include "kiosk-backend-config.h"
#include "kiosk-http-client.h"

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

/* TRUE for KIOSK_API_ERROR_CANCELLED, which this client reports, and for
 * G_IO_ERROR_CANCELLED. */
gboolean kiosk_api_error_is_cancelled (const GError *error);

/* A fresh Idempotency-Key for one booking (a random UUID). */
char    *kiosk_api_new_idempotency_key (void);

/* GET /v1/health */
typedef struct
{
  char   *status;       /* "ok" when all is well */
  gint64  api_version;
  char   *time_zone;
} KioskApiHealth;

void kiosk_api_health_free (KioskApiHealth *health);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskApiHealth, kiosk_api_health_free)

/* One length a service can be booked for, and its price. */
typedef struct
{
  gint64  duration_minutes;
  gint64  price_minor;
} KioskApiServiceOption;

/* One entry of GET /v1/services */
typedef struct
{
  char   *id;
  char   *name_en;
  char   *name_es;      /* nullable */
  gint64  duration_minutes; /* the default option's */
  gint64  price_minor;
  char   *currency;
  GArray *options;      /* of KioskApiServiceOption; the default alone when the backend lists none */
} KioskApiService;

void kiosk_api_service_free (KioskApiService *service);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskApiService, kiosk_api_service_free)

/* GET /v1/availability */
typedef struct
{
  char  *service;
  char  *date;          /* YYYY-MM-DD in the spa's time zone */
  char  *time_zone;
  char **slots;         /* RFC 3339 start times, each checked to parse */
} KioskApiAvailability;

void kiosk_api_availability_free (KioskApiAvailability *availability);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskApiAvailability, kiosk_api_availability_free)

#define KIOSK_TYPE_API_CLIENT (kiosk_api_client_get_type ())

G_DECLARE_FINAL_TYPE (KioskApiClient, kiosk_api_client, KIOSK, API_CLIENT, GObject)

KioskApiClient       *kiosk_api_client_new                    (KioskBackendConfig  *config);
KioskBackendConfig   *kiosk_api_client_get_config             (KioskApiClient      *self);
KioskHttpClient      *kiosk_api_client_get_http_client        (KioskApiClient      *self);

void                  kiosk_api_client_get_health_async       (KioskApiClient      *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
KioskApiHealth       *kiosk_api_client_get_health_finish      (KioskApiClient      *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

void                  kiosk_api_client_list_services_async    (KioskApiClient      *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GPtrArray            *kiosk_api_client_list_services_finish   (KioskApiClient      *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

void                  kiosk_api_client_get_availability_async (KioskApiClient      *self,
                                                               const char          *service_id,
                                                               const char          *date,
                                                               guint                duration_minutes,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
KioskApiAvailability *kiosk_api_client_get_availability_finish (KioskApiClient     *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

void                  kiosk_api_client_submit_booking_async   (KioskApiClient      *self,
                                                               const char          *idempotency_key,
                                                               GBytes              *body,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
char                 *kiosk_api_client_submit_booking_finish  (KioskApiClient      *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

G_END_DECLS
