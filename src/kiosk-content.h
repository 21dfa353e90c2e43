/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-content.h: the spa's catalogue and sciatica article, read from JSON. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KIOSK_CONTENT_ERROR (kiosk_content_error_quark ())

typedef enum
{
  KIOSK_CONTENT_ERROR_READ,              /* the file cannot be read */
  KIOSK_CONTENT_ERROR_SYNTAX,            /* not JSON, truncated, trailing data */
  KIOSK_CONTENT_ERROR_MISSING_FIELD,     /* a required field is absent */
  KIOSK_CONTENT_ERROR_WRONG_TYPE,        /* a field has the wrong type */
  KIOSK_CONTENT_ERROR_UNKNOWN_LANGUAGE,  /* a text names a language the file does not declare */
  KIOSK_CONTENT_ERROR_INVALID,           /* a value is out of range, duplicated or empty */
} KioskContentError;

GQuark kiosk_content_error_quark (void);

#define KIOSK_TYPE_SERVICE (kiosk_service_get_type ())
G_DECLARE_FINAL_TYPE (KioskService, kiosk_service, KIOSK, SERVICE, GObject)

#define KIOSK_TYPE_CONTENT (kiosk_content_get_type ())
G_DECLARE_FINAL_TYPE (KioskContent, kiosk_content, KIOSK, CONTENT, GObject)

/* Every text getter takes a language code ("en", "es"); a language the file
 * does not carry falls back to "en", which every file must carry. */

const char   *kiosk_service_get_id           (KioskService *self);
const char   *kiosk_service_get_icon_name    (KioskService *self);
const char   *kiosk_service_get_name         (KioskService *self,
                                              const char   *lang);
const char   *kiosk_service_get_summary      (KioskService *self,
                                              const char   *lang);
const char   *kiosk_service_get_description  (KioskService *self,
                                              const char   *lang);
const char   *kiosk_service_get_helps        (KioskService *self,
                                              const char   *lang);
const char   *kiosk_service_get_expect       (KioskService *self,
                                              const char   *lang);
guint         kiosk_service_get_n_options    (KioskService *self);
void          kiosk_service_get_option       (KioskService *self,
                                              guint         index,
                                              guint        *minutes,
                                              guint        *price_minor);

KioskContent *kiosk_content_new_from_bytes   (GBytes       *bytes,
                                              const char   *source_name,
                                              GError      **error);
KioskContent *kiosk_content_new_from_file    (GFile        *file,
                                              GError      **error);
KioskContent *kiosk_content_new_bundled      (void);
KioskContent *kiosk_content_load             (const char   *path,
                                              GError      **error);

const char * const *
              kiosk_content_get_languages    (KioskContent *self);
const char   *kiosk_content_get_source_name  (KioskContent *self);
const char   *kiosk_content_get_spa_name     (KioskContent *self);
const char   *kiosk_content_get_phone        (KioskContent *self);
const char   *kiosk_content_get_currency     (KioskContent *self);
char         *kiosk_content_format_price     (KioskContent *self,
                                              guint         price_minor,
                                              const char   *lang);
char         *kiosk_content_format_duration  (KioskContent *self,
                                              guint         minutes,
                                              const char   *lang);

GListModel   *kiosk_content_get_services     (KioskContent *self);
KioskService *kiosk_content_find_service     (KioskContent *self,
                                              const char   *id);

guint         kiosk_content_get_n_highlights (KioskContent *self);
const char   *kiosk_content_get_highlight_title (KioskContent *self,
                                                 guint         index,
                                                 const char   *lang);
const char   *kiosk_content_get_highlight_text  (KioskContent *self,
                                                 guint         index,
                                                 const char   *lang);

const char   *kiosk_content_get_sciatica_title      (KioskContent *self,
                                                     const char   *lang);
const char   *kiosk_content_get_sciatica_intro      (KioskContent *self,
                                                     const char   *lang);
guint         kiosk_content_get_n_sciatica_sections (KioskContent *self);
const char   *kiosk_content_get_sciatica_heading    (KioskContent *self,
                                                     guint         index,
                                                     const char   *lang);
const char   *kiosk_content_get_sciatica_body       (KioskContent *self,
                                                     guint         index,
                                                     const char   *lang);
const char * const *
              kiosk_content_get_sciatica_points     (KioskContent *self,
                                                     guint         index,
                                                     const char   *lang);
const char   *kiosk_content_get_sciatica_disclaimer (KioskContent *self,
                                                     const char   *lang);

G_END_DECLS
