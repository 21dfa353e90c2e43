/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-catalog.h: the spa's services, opening hours and time slots, read from the seed file. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SPA_TYPE_CATALOG (spa_catalog_get_type ())

G_DECLARE_FINAL_TYPE (SpaCatalog, spa_catalog, SPA, CATALOG, GObject)

#define SPA_MAX_OPTIONS 4

/* One length a service can be booked for, and its price. */
typedef struct
{
  guint  duration_minutes;
  gint64 price_minor;
} SpaServiceOption;

/* duration_minutes and price_minor are the first option: the default when
 * a request names no duration. */
typedef struct
{
  char             *id;
  char             *name_en;
  char             *name_es;
  guint             duration_minutes;
  gint64            price_minor;
  guint             n_options;
  SpaServiceOption  options[SPA_MAX_OPTIONS];
} SpaService;

gboolean          spa_service_has_duration    (const SpaService *service,
                                               guint             duration_minutes);

SpaCatalog       *spa_catalog_new_from_file   (const char    *path,
                                               GError       **error);
const char       *spa_catalog_get_time_zone_name
                                              (SpaCatalog    *self);
GTimeZone        *spa_catalog_get_time_zone   (SpaCatalog    *self);
const char       *spa_catalog_get_currency    (SpaCatalog    *self);
GPtrArray        *spa_catalog_get_services    (SpaCatalog    *self);
const SpaService *spa_catalog_find_service    (SpaCatalog    *self,
                                               const char    *id);
GPtrArray        *spa_catalog_list_slots      (SpaCatalog    *self,
                                               const SpaService *service,
                                               guint          duration_minutes,
                                               const GDate   *date,
                                               GDateTime     *now);
char             *spa_catalog_format_time     (SpaCatalog    *self,
                                               GDateTime     *time);

G_END_DECLS
