/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-backend-config.h: where the booking backend is and how the kiosk may talk to it. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_BACKEND_CONFIG (kiosk_backend_config_get_type  ())

/* The defaults suit a lobby network: a booking either goes through within
 * half a minute or is queued. Tests shorten them with the setters. */
#define KIOSK_BACKEND_DEFAULT_CONNECT_TIMEOUT_MS 10000
#define KIOSK_BACKEND_DEFAULT_TIMEOUT_MS         30000
#define KIOSK_BACKEND_DEFAULT_LOW_SPEED_LIMIT    100   /* bytes per second */
#define KIOSK_BACKEND_DEFAULT_LOW_SPEED_TIME     10    /* seconds */
#define KIOSK_BACKEND_DEFAULT_MAX_RESPONSE_SIZE  (256 * 1024)

typedef struct _KioskBackendConfig KioskBackendConfig;

GType               kiosk_backend_config_get_type               (void) G_GNUC_CONST;

KioskBackendConfig *kiosk_backend_config_new                    (const char         *base_url,
                                                                 const char         *token,
                                                                 const char         *kiosk_id,
                                                                 GError            **error);
KioskBackendConfig *kiosk_backend_config_new_from_settings      (GSettings          *settings,
                                                                 GError            **error);
KioskBackendConfig *kiosk_backend_config_ref                    (KioskBackendConfig *self);
void                kiosk_backend_config_unref                  (KioskBackendConfig *self);

gboolean            kiosk_backend_config_check_url              (const char         *url,
                                                                 GError            **error);

const char         *kiosk_backend_config_get_base_url           (KioskBackendConfig *self);
const char         *kiosk_backend_config_get_token              (KioskBackendConfig *self);
const char         *kiosk_backend_config_get_kiosk_id           (KioskBackendConfig *self);

const char         *kiosk_backend_config_get_ca_file            (KioskBackendConfig *self);
void                kiosk_backend_config_set_ca_file            (KioskBackendConfig *self,
                                                                 const char         *ca_file);
const char         *kiosk_backend_config_get_pinned_keys        (KioskBackendConfig *self);
gboolean            kiosk_backend_config_set_pinned_keys        (KioskBackendConfig *self,
                                                                 const char * const *pins,
                                                                 GError            **error);

guint               kiosk_backend_config_get_connect_timeout_ms (KioskBackendConfig *self);
void                kiosk_backend_config_set_connect_timeout_ms (KioskBackendConfig *self,
                                                                 guint               timeout_ms);
guint               kiosk_backend_config_get_timeout_ms         (KioskBackendConfig *self);
void                kiosk_backend_config_set_timeout_ms         (KioskBackendConfig *self,
                                                                 guint               timeout_ms);
guint               kiosk_backend_config_get_low_speed_limit    (KioskBackendConfig *self);
guint               kiosk_backend_config_get_low_speed_time     (KioskBackendConfig *self);
void                kiosk_backend_config_set_low_speed          (KioskBackendConfig *self,
                                                                 guint               bytes_per_sec,
                                                                 guint               seconds);
gsize               kiosk_backend_config_get_max_response_size  (KioskBackendConfig *self);
void                kiosk_backend_config_set_max_response_size  (KioskBackendConfig *self,
                                                                 gsize               max_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskBackendConfig, kiosk_backend_config_unref)

G_END_DECLS
