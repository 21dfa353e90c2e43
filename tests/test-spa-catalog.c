/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-spa-catalog.c: the reference backend's seed file, opening grid, horizon and time zone. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "spa-catalog.h"

static SpaCatalog *
load_seed (void)
{
  g_autoptr(GError) error = NULL;
  SpaCatalog *catalog = spa_catalog_new_from_file (SPA_BACKEND_SEED, &error);

  g_assert_no_error (error);
  return catalog;
}

/* A seed written to a temporary file, loaded; NULL with @error if refused. */
static SpaCatalog *
load_text (const char  *text,
           GError     **error)
{
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("spa-seed-XXXXXX.json", &path, NULL);
  SpaCatalog *catalog;

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  catalog = spa_catalog_new_from_file (path, error);
  g_unlink (path);
  return catalog;
}

static GDateTime *
denver (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Denver");

  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

/* The slots as text, for readable assertions; 0 minutes for the default. */
static GStrv
slot_texts_for (SpaCatalog *catalog,
                const char *service_id,
                guint       minutes,
                int         year,
                int         month,
                int         day,
                GDateTime  *now)
{
  const SpaService *service = spa_catalog_find_service (catalog, service_id);
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_nonnull (service);
  slots = spa_catalog_list_slots (catalog, service, minutes ? minutes : service->duration_minutes,
                                  date, now);
  for (guint i = 0; i < slots->len; i++)
    {
      g_autofree char *text = spa_catalog_format_time (catalog, g_ptr_array_index (slots, i));
      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

static GStrv
slot_texts (SpaCatalog *catalog,
            const char *service_id,
            int         year,
            int         month,
            int         day,
            GDateTime  *now)
{
  return slot_texts_for (catalog, service_id, 0, year, month, day, now);
}

static void
test_seed (void)
{
  static const char *const ids[] = { "relaxation", "hot-stone", "deep-tissue", "thai" };
  g_autoptr(SpaCatalog) catalog = load_seed ();
  GPtrArray *services = spa_catalog_get_services (catalog);

  g_assert_cmpstr (spa_catalog_get_time_zone_name (catalog), ==, "America/Denver");
  g_assert_cmpstr (spa_catalog_get_currency (catalog), ==, "USD");
  g_assert_cmpuint (services->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const SpaService *service = g_ptr_array_index (services, i);

      g_assert_cmpstr (service->id, ==, ids[i]);
      g_assert_true (spa_catalog_find_service (catalog, ids[i]) == service);
      g_assert_cmpstr (service->name_en, !=, "");
      g_assert_cmpstr (service->name_es, !=, "");
      g_assert_cmpuint (service->duration_minutes, >, 0);
      g_assert_cmpint (service->price_minor, >, 0);
      /* 60 or 90 minutes, as the kiosk's content offers them; 60 first. */
      g_assert_cmpuint (service->n_options, ==, 2);
      g_assert_cmpuint (service->options[0].duration_minutes, ==, 60);
      g_assert_cmpint (service->options[0].price_minor, ==, service->price_minor);
      g_assert_cmpuint (service->options[1].duration_minutes, ==, 90);
      g_assert_cmpint (service->options[1].price_minor, >, service->price_minor);
      g_assert_true (spa_service_has_duration (service, 90));
      g_assert_false (spa_service_has_duration (service, 45));
    }
  g_assert_null (spa_catalog_find_service (catalog, "reiki"));
  g_assert_null (spa_catalog_find_service (catalog, NULL));
}

static void
test_grid (void)
{
  g_autoptr(SpaCatalog) catalog = load_seed ();
  g_autoptr(GDateTime) now = denver (2027, 1, 10, 12, 0);
  g_auto(GStrv) hour = slot_texts (catalog, "relaxation", 2027, 1, 12, now);
  g_auto(GStrv) long_one = slot_texts_for (catalog, "hot-stone", 90, 2027, 1, 12, now);

  /* 10:00 to 18:00 every half hour: a 60-minute service ends by 19:00. */
  g_assert_cmpuint (g_strv_length (hour), ==, 17);
  g_assert_cmpstr (hour[0], ==, "2027-01-12T10:00:00-07:00");
  g_assert_cmpstr (hour[1], ==, "2027-01-12T10:30:00-07:00");
  g_assert_cmpstr (hour[16], ==, "2027-01-12T18:00:00-07:00");
  /* A 90-minute service's last start is 17:30. */
  g_assert_cmpuint (g_strv_length (long_one), ==, 16);
  g_assert_cmpstr (long_one[15], ==, "2027-01-12T17:30:00-07:00");
}

static void
test_past (void)
{
  g_autoptr(SpaCatalog) catalog = load_seed ();
  g_autoptr(GDateTime) afternoon = denver (2027, 1, 12, 14, 10);
  g_autoptr(GDateTime) exactly = denver (2027, 1, 12, 14, 30);
  g_autoptr(GDateTime) evening = denver (2027, 1, 12, 20, 0);
  g_auto(GStrv) rest = slot_texts (catalog, "relaxation", 2027, 1, 12, afternoon);
  g_auto(GStrv) after = slot_texts (catalog, "relaxation", 2027, 1, 12, exactly);
  g_auto(GStrv) none = slot_texts (catalog, "relaxation", 2027, 1, 12, evening);
  g_auto(GStrv) yesterday = slot_texts (catalog, "relaxation", 2027, 1, 11, afternoon);

  g_assert_cmpstr (rest[0], ==, "2027-01-12T14:30:00-07:00");
  g_assert_cmpstr (after[0], ==, "2027-01-12T15:00:00-07:00");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (yesterday), ==, 0);
}

static void
test_horizon (void)
{
  g_autoptr(SpaCatalog) catalog = load_seed ();
  g_autoptr(GDateTime) now = denver (2027, 1, 1, 9, 0);
  /* The seed's horizon is 60 days: 2027-03-02 is the last bookable day. */
  g_auto(GStrv) last = slot_texts (catalog, "thai", 2027, 3, 2, now);
  g_auto(GStrv) beyond = slot_texts (catalog, "thai", 2027, 3, 3, now);

  g_assert_cmpuint (g_strv_length (last), >, 0);
  g_assert_cmpuint (g_strv_length (beyond), ==, 0);
}

/* US daylight saving time starts 2027-03-14 and ends 2027-11-07. */
static void
test_daylight_saving (void)
{
  g_autoptr(SpaCatalog) catalog = load_seed ();
  g_autoptr(GDateTime) march = denver (2027, 3, 10, 9, 0);
  g_autoptr(GDateTime) november = denver (2027, 11, 1, 9, 0);
  g_auto(GStrv) before = slot_texts (catalog, "relaxation", 2027, 3, 13, march);
  g_auto(GStrv) starts = slot_texts (catalog, "relaxation", 2027, 3, 14, march);
  g_auto(GStrv) ends = slot_texts (catalog, "relaxation", 2027, 11, 7, november);

  g_assert_cmpstr (before[0], ==, "2027-03-13T10:00:00-07:00");
  g_assert_cmpstr (starts[0], ==, "2027-03-14T10:00:00-06:00");
  g_assert_cmpuint (g_strv_length (starts), ==, 17);
  g_assert_cmpstr (ends[0], ==, "2027-11-07T10:00:00-07:00");
  g_assert_cmpuint (g_strv_length (ends), ==, 17);
}

static void
test_closed_day (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpaCatalog) catalog = load_text (
    "{\"time_zone\": \"America/Denver\", \"currency\": \"USD\", \"slot_minutes\": 60,"
    " \"booking_horizon_days\": 30,"
    " \"hours\": {\"mon\": [\"09:00\", \"12:00\"], \"sun\": null},"
    " \"services\": [{\"id\": \"thai\", \"name\": {\"en\": \"Thai\", \"es\": \"Tailandés\"},"
    "                 \"duration_minutes\": 60, \"price_minor\": 100}]}", &error);
  g_autoptr(GDateTime) now = denver (2027, 1, 1, 9, 0);
  /* 2027-01-04 is a Monday, 2027-01-05 a Tuesday (absent: closed), 2027-01-10 a Sunday. */
  g_auto(GStrv) monday = slot_texts (catalog, "thai", 2027, 1, 4, now);
  g_auto(GStrv) tuesday = slot_texts (catalog, "thai", 2027, 1, 5, now);
  g_auto(GStrv) sunday = slot_texts (catalog, "thai", 2027, 1, 10, now);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (monday), ==, 3);
  g_assert_cmpstr (monday[2], ==, "2027-01-04T11:00:00-07:00");
  g_assert_cmpuint (g_strv_length (tuesday), ==, 0);
  g_assert_cmpuint (g_strv_length (sunday), ==, 0);
}

static void
test_bad_seeds (void)
{
  static const char *const seeds[] = {
    "{\"time_zone\": \"Mars/Olympus\", \"currency\": \"USD\", \"slot_minutes\": 30,"
    " \"booking_horizon_days\": 30, \"hours\": {}, \"services\": []}",
    "{\"time_zone\": \"America/Denver\", \"currency\": \"USD\", \"slot_minutes\": 30,"
    " \"booking_horizon_days\": 30, \"hours\": {\"mon\": [\"19:00\", \"10:00\"]},"
    " \"services\": []}",
    "{\"time_zone\": \"America/Denver\", \"currency\": \"USD\", \"slot_minutes\": 30,"
    " \"booking_horizon_days\": 30, \"hours\": {\"mon\": [\"10\", \"19:00\"]}, \"services\": []}",
    "{\"time_zone\": \"America/Denver\", \"currency\": \"USD\", \"slot_minutes\": 30,"
    " \"booking_horizon_days\": 30, \"hours\": {},"
    " \"services\": [{\"id\": \"a\", \"name\": {\"en\": \"A\", \"es\": \"A\"},"
    "                \"duration_minutes\": 60, \"price_minor\": 1},"
    "               {\"id\": \"a\", \"name\": {\"en\": \"A\", \"es\": \"A\"},"
    "                \"duration_minutes\": 60, \"price_minor\": 1}]}",
    "{\"time_zone\": \"America/Denver\", \"currency\": \"USD\", \"slot_minutes\": 30,"
    " \"booking_horizon_days\": 30, \"hours\": {}}",
    "{\"time_zone\": \"America/Denver\", \"currency\": \"USD\", \"slot_minutes\": 30,",
  };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpaCatalog) catalog = load_text (seeds[i], &error);

      g_assert_null (catalog);
      g_assert_nonnull (error);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spa/catalog/seed", test_seed);
  g_test_add_func ("/spa/catalog/slots/grid", test_grid);
  g_test_add_func ("/spa/catalog/slots/past", test_past);
  g_test_add_func ("/spa/catalog/slots/horizon", test_horizon);
  g_test_add_func ("/spa/catalog/slots/daylight-saving", test_daylight_saving);
  g_test_add_func ("/spa/catalog/slots/closed-day", test_closed_day);
  g_test_add_func ("/spa/catalog/bad-seeds", test_bad_seeds);

  return g_test_run ();
}
