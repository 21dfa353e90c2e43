/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-catalog.c: the spa's services, opening hours and time slots, read from the seed file. */

#include "config.h"

#include <string.h>

#include "kiosk-json.h"
#include "spa-catalog.h"

#define MINUTES_PER_DAY (24 * 60)

struct _SpaCatalog
{
  GObject    parent_instance;

  char      *time_zone_name;
  GTimeZone *time_zone;
  char      *currency;
  guint      slot_minutes;
  guint      horizon_days;
  /* Opening and closing minute of each weekday, Monday first; -1 when closed. */
  int        open_minute[7];
  int        close_minute[7];
  GPtrArray *services;
};

G_DEFINE_FINAL_TYPE (SpaCatalog, spa_catalog, G_TYPE_OBJECT)

static const char *const weekday_keys[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static void
spa_service_free (SpaService *service)
{
  g_free (service->id);
  g_free (service->name_en);
  g_free (service->name_es);
  g_free (service);
}

static void
spa_catalog_finalize (GObject *object)
{
  SpaCatalog *self = SPA_CATALOG (object);

  g_free (self->time_zone_name);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_free (self->currency);
  g_clear_pointer (&self->services, g_ptr_array_unref);

  G_OBJECT_CLASS (spa_catalog_parent_class)->finalize (object);
}

static void
spa_catalog_class_init (SpaCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spa_catalog_finalize;
}

static void
spa_catalog_init (SpaCatalog *self)
{
  self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) spa_service_free);
  for (guint i = 0; i < 7; i++)
    self->open_minute[i] = self->close_minute[i] = -1;
}

static gboolean
seed_error (GError     **error,
            const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "seed file: %s", what);
  return FALSE;
}

/* "HH:MM" to minutes since midnight, or -1. */
static int
parse_clock (const char *text)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':'
      || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return -1;

  int hours = (text[0] - '0') * 10 + (text[1] - '0');
  int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 24 || minutes > 59 || hours * 60 + minutes > MINUTES_PER_DAY)
    return -1;
  return hours * 60 + minutes;
}

static gboolean
load_hours (SpaCatalog   *self,
            json_object  *hours,
            GError      **error)
{
  for (guint i = 0; i < 7; i++)
    {
      json_object *day = NULL;

      /* An absent or null day is a closed day. */
      if (!json_object_object_get_ex (hours, weekday_keys[i], &day) || day == NULL)
        continue;
      if (!json_object_is_type (day, json_type_array) || json_object_array_length (day) != 2)
        return seed_error (error, "each day of \"hours\" must be [\"HH:MM\", \"HH:MM\"] or null");

      int open = parse_clock (json_object_get_string (json_object_array_get_idx (day, 0)));
      int close = parse_clock (json_object_get_string (json_object_array_get_idx (day, 1)));
      if (open < 0 || close < 0 || close <= open)
        return seed_error (error, "opening hours must be \"HH:MM\" with opening before closing");

      self->open_minute[i] = open;
      self->close_minute[i] = close;
    }
  return TRUE;
}

/* "options": [{"duration_minutes", "price_minor"}, ...]; without it the
 * service's own duration and price are its one option. */
static gboolean
load_options (SpaService   *service,
              json_object  *item,
              GError      **error)
{
  json_object *options = NULL;

  if (!kiosk_json_get_array (item, "options", FALSE, &options, error))
    return FALSE;
  if (options == NULL)
    {
      service->n_options = 1;
      service->options[0].duration_minutes = service->duration_minutes;
      service->options[0].price_minor = service->price_minor;
      return TRUE;
    }
  if (json_object_array_length (options) < 1 || json_object_array_length (options) > SPA_MAX_OPTIONS)
    return seed_error (error, "a service has 1 to 4 options");

  for (gsize i = 0; i < json_object_array_length (options); i++)
    {
      json_object *option = json_object_array_get_idx (options, i);
      gint64 duration;

      if (!kiosk_json_get_int (option, "duration_minutes", TRUE, 1, MINUTES_PER_DAY, &duration, error)
          || !kiosk_json_get_int (option, "price_minor", TRUE, 0, G_MAXINT32,
                                  &service->options[i].price_minor, error))
        return FALSE;
      if (spa_service_has_duration (service, (guint) duration))
        return seed_error (error, "a service lists the same duration twice");
      service->options[i].duration_minutes = (guint) duration;
      service->n_options = (guint) i + 1;
    }
  if (!spa_service_has_duration (service, service->duration_minutes))
    return seed_error (error, "a service's duration_minutes must be one of its options");
  return TRUE;
}

static gboolean
load_service (SpaCatalog   *self,
              json_object  *item,
              GError      **error)
{
  g_autofree SpaService *service = g_new0 (SpaService, 1);
  json_object *name = NULL;
  const char *id, *en, *es;
  gint64 duration;

  if (!kiosk_json_get_string (item, "id", TRUE, &id, error)
      || !kiosk_json_get_object (item, "name", TRUE, &name, error)
      || !kiosk_json_get_string (name, "en", TRUE, &en, error)
      || !kiosk_json_get_string (name, "es", TRUE, &es, error)
      || !kiosk_json_get_int (item, "duration_minutes", TRUE, 1, MINUTES_PER_DAY, &duration, error)
      || !kiosk_json_get_int (item, "price_minor", TRUE, 0, G_MAXINT32,
                              &service->price_minor, error))
    return FALSE;
  if (spa_catalog_find_service (self, id) != NULL)
    return seed_error (error, "a service id appears twice");
  service->duration_minutes = (guint) duration;
  if (!load_options (service, item, error))
    return FALSE;

  service->id = g_strdup (id);
  service->name_en = g_strdup (en);
  service->name_es = g_strdup (es);
  g_ptr_array_add (self->services, g_steal_pointer (&service));
  return TRUE;
}

static gboolean
load_seed (SpaCatalog   *self,
           json_object  *root,
           GError      **error)
{
  json_object *hours = NULL, *services = NULL;
  const char *zone, *currency;
  gint64 slot, horizon;

  if (!kiosk_json_get_string (root, "time_zone", TRUE, &zone, error)
      || !kiosk_json_get_string (root, "currency", TRUE, &currency, error)
      || !kiosk_json_get_int (root, "slot_minutes", TRUE, 5, 240, &slot, error)
      || !kiosk_json_get_int (root, "booking_horizon_days", TRUE, 1, 366, &horizon, error)
      || !kiosk_json_get_object (root, "hours", TRUE, &hours, error)
      || !kiosk_json_get_array (root, "services", TRUE, &services, error))
    return FALSE;

  self->time_zone = g_time_zone_new_identifier (zone);
  if (self->time_zone == NULL)
    return seed_error (error, "unknown time zone (is tzdata installed?)");
  self->time_zone_name = g_strdup (zone);
  self->currency = g_strdup (currency);
  self->slot_minutes = (guint) slot;
  self->horizon_days = (guint) horizon;

  if (!load_hours (self, hours, error))
    return FALSE;
  for (gsize i = 0; i < json_object_array_length (services); i++)
    if (!load_service (self, json_object_array_get_idx (services, i), error))
      return FALSE;
  return TRUE;
}

SpaCatalog *
spa_catalog_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(SpaCatalog) self = NULL;
  g_autoptr(json_object) root = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;
  root = kiosk_json_parse (text, length, KIOSK_JSON_MAX_DEPTH, error);
  if (root == NULL)
    return NULL;

  self = g_object_new (SPA_TYPE_CATALOG, NULL);
  if (!load_seed (self, root, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
spa_catalog_get_time_zone_name (SpaCatalog *self)
{
  g_return_val_if_fail (SPA_IS_CATALOG (self), NULL);
  return self->time_zone_name;
}

GTimeZone *
spa_catalog_get_time_zone (SpaCatalog *self)
{
  g_return_val_if_fail (SPA_IS_CATALOG (self), NULL);
  return self->time_zone;
}

const char *
spa_catalog_get_currency (SpaCatalog *self)
{
  g_return_val_if_fail (SPA_IS_CATALOG (self), NULL);
  return self->currency;
}

/* Returns: (transfer none) (element-type SpaService): the services in seed order */
GPtrArray *
spa_catalog_get_services (SpaCatalog *self)
{
  g_return_val_if_fail (SPA_IS_CATALOG (self), NULL);
  return self->services;
}

const SpaService *
spa_catalog_find_service (SpaCatalog *self,
                          const char *id)
{
  g_return_val_if_fail (SPA_IS_CATALOG (self), NULL);

  for (guint i = 0; id != NULL && i < self->services->len; i++)
    {
      const SpaService *service = g_ptr_array_index (self->services, i);
      if (strcmp (service->id, id) == 0)
        return service;
    }
  return NULL;
}

/* TRUE when @duration_minutes is one of the lengths @service is offered for. */
gboolean
spa_service_has_duration (const SpaService *service,
                          guint             duration_minutes)
{
  g_return_val_if_fail (service != NULL, FALSE);

  for (guint i = 0; i < service->n_options; i++)
    if (service->options[i].duration_minutes == duration_minutes)
      return TRUE;
  return FALSE;
}

/* TRUE when @date lies between today and the booking horizon, in the spa's zone. */
static gboolean
date_within_horizon (SpaCatalog  *self,
                     const GDate *date,
                     GDateTime   *now)
{
  g_autoptr(GDateTime) local_now = g_date_time_to_timezone (now, self->time_zone);
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (local_now),
                                           g_date_time_get_month (local_now),
                                           g_date_time_get_year (local_now));
  int days = g_date_days_between (today, date);

  return days >= 0 && days <= (int) self->horizon_days;
}

/**
 * spa_catalog_list_slots:
 * @duration_minutes: how long it is booked for, one of its options
 * @date: a day in the spa's time zone
 * @now: the current time
 *
 * The start times at which @service may begin on @date: every slot_minutes
 * from opening, as long as the booking ends by closing time, later than
 * @now, and within the booking horizon. Bookings are not considered here.
 *
 * Returns: (transfer container) (element-type GDateTime): the slots, earliest first
 */
GPtrArray *
spa_catalog_list_slots (SpaCatalog       *self,
                        const SpaService *service,
                        guint             duration_minutes,
                        const GDate      *date,
                        GDateTime        *now)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  guint weekday;

  g_return_val_if_fail (SPA_IS_CATALOG (self), NULL);
  g_return_val_if_fail (service != NULL && g_date_valid (date) && now != NULL, NULL);

  weekday = g_date_get_weekday (date) - G_DATE_MONDAY;
  if (self->open_minute[weekday] < 0 || !date_within_horizon (self, date, now))
    return g_steal_pointer (&slots);

  for (int m = self->open_minute[weekday];
       m + (int) duration_minutes <= self->close_minute[weekday];
       m += (int) self->slot_minutes)
    {
      g_autoptr(GDateTime) start = g_date_time_new (self->time_zone,
                                                    g_date_get_year (date),
                                                    g_date_get_month (date),
                                                    g_date_get_day (date),
                                                    m / 60, m % 60, 0);
      if (start != NULL && g_date_time_compare (start, now) > 0)
        g_ptr_array_add (slots, g_steal_pointer (&start));
    }
  return g_steal_pointer (&slots);
}

/* RFC 3339 in the spa's zone with its UTC offset: 2026-11-27T10:00:00-07:00 */
char *
spa_catalog_format_time (SpaCatalog *self,
                         GDateTime  *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (SPA_IS_CATALOG (self), NULL);
  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_timezone (time, self->time_zone);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}
