/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-catalog.h: the spa's services, opening hours and time slots, read from the seed file. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SPA_TYPE_CATALOG (spa_catalog_get_type ())

G_DECLARE_FINAL_TYPE (SpaCatalog, spa_catalog, SPA, CATALOG, GObject)

typedef struct
{
  char  *id;
  char  *name_en;
  char  *name_es;
  guint  duration_minutes;
  gint64 price_minor;
} SpaService;

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
                                               const GDate   *date,
                                               GDateTime     *now);
char             *spa_catalog_format_time     (SpaCatalog    *self,
                                               GDateTime     *time);

G_END_DECLS
