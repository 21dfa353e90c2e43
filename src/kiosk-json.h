/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-json.h: strict JSON parsing and typed member access on top of json-c. */

#pragma once

#include <gio/gio.h>
#include <json.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

#define KIOSK_JSON_ERROR (kiosk_json_error_quark ())

typedef enum
{
  KIOSK_JSON_ERROR_SYNTAX,    /* not JSON, truncated, too deep, trailing data, bad UTF-8 */
  KIOSK_JSON_ERROR_MISSING,   /* a required member is absent */
  KIOSK_JSON_ERROR_TYPE,      /* a member has the wrong JSON type */
  KIOSK_JSON_ERROR_RANGE,     /* a number or string is out of its allowed range */
} KioskJsonError;

/* The default nesting limit: deeper documents are refused as syntax errors. */
#define KIOSK_JSON_MAX_DEPTH 16

GQuark       kiosk_json_error_quark   (void);

json_object *kiosk_json_parse         (const char   *data,
                                       gsize         length,
                                       int           max_depth,
                                       GError      **error);

gboolean     kiosk_json_get_string    (json_object  *object,
                                       const char   *member,
                                       gboolean      required,
                                       const char  **out_value,
                                       GError      **error);
gboolean     kiosk_json_get_int       (json_object  *object,
                                       const char   *member,
                                       gboolean      required,
                                       gint64        min,
                                       gint64        max,
                                       gint64       *out_value,
                                       GError      **error);
gboolean     kiosk_json_get_bool      (json_object  *object,
                                       const char   *member,
                                       gboolean      required,
                                       gboolean     *out_value,
                                       GError      **error);
gboolean     kiosk_json_get_object    (json_object  *object,
                                       const char   *member,
                                       gboolean      required,
                                       json_object **out_value,
                                       GError      **error);
gboolean     kiosk_json_get_array     (json_object  *object,
                                       const char   *member,
                                       gboolean      required,
                                       json_object **out_value,
                                       GError      **error);
const char  *kiosk_json_type_name     (json_type     type);

G_END_DECLS
