/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outbox-stress.c: submits many bookings through a queue; test-outbox kills and restarts it. */

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk-outbox.h"

/* Usage: outbox-stress URL CA-FILE TOKEN-FILE DIR COUNT
 *
 * DIR holds the tool's own plan (plan.txt: the COUNT distinct slots, made
 * once from the backend's availability) and the queue (outbox.db). On a
 * restart the tool does not trust a counter of its own: the queue commits
 * bookings in the order they were submitted, so the rows in the queue file
 * are exactly the first N bookings of the plan, and it goes on from N.
 * It exits 0 once all COUNT are submitted and the queue is empty. */

#define MAX_OUTSTANDING 8
#define MAX_DAYS 60
#define PACE_MS 10

typedef struct
{
  GMainLoop      *loop;
  KioskApiClient *client;
  KioskOutbox    *outbox;
  char           *plan_path;
  char           *db_path;
  guint           count;
  GPtrArray      *plan;        /* "service start" lines */
  GPtrArray      *services;    /* KioskApiService */
  guint           day;
  guint           service_index;
  GPtrArray      *day_slots;   /* char *, being filled */
  guint           next;
  guint           outstanding;
  guint           pace_id;
  int             status;
} Stress;

static void
quit (Stress *s,
      int     status)
{
  s->status = status;
  g_main_loop_quit (s->loop);
}

static guint
count_stored (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return 0;
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "SELECT count(*) FROM outbox", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static void check_done (Stress *s);

static void
on_submitted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Stress *s = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  KioskOutboxOutcome outcome;

  outcome = kiosk_outbox_submit_finish (KIOSK_OUTBOX (source), result, &reference, &error);
  s->outstanding--;
  if (outcome != KIOSK_OUTBOX_OUTCOME_CONFIRMED && outcome != KIOSK_OUTBOX_OUTCOME_QUEUED)
    {
      g_printerr ("outbox-stress: outcome %d: %s\n", outcome, error ? error->message : "");
      quit (s, 1);
      return;
    }

  check_done (s);
}

static void
submit_one (Stress *s,
            guint   index)
{
  g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (s->plan, index), " ", 2);
  g_auto(KioskBookingDetails) details = { 0 };

  details.service_id = g_strdup (parts[0]);
  details.start = g_strdup (parts[1]);
  details.first_name = g_strdup_printf ("Guest%03u", index);
  details.last_name = g_strdup ("Stress");
  details.phone = g_strdup_printf ("801555%04u", index);

  s->outstanding++;
  kiosk_outbox_submit_async (s->outbox, &details, NULL, on_submitted, s);
}

/* One booking every PACE_MS, as customers at many kiosks would, so that
 * a kill lands in the middle of the run rather than after it. */
static gboolean
submit_more (gpointer data)
{
  Stress *s = data;

  if (s->next < s->count && s->outstanding < MAX_OUTSTANDING)
    submit_one (s, s->next++);
  if (s->next < s->count)
    return G_SOURCE_CONTINUE;

  s->pace_id = 0;
  return G_SOURCE_REMOVE;
}

static void
check_done (Stress *s)
{
  if (s->next < s->count || s->outstanding > 0)
    return;

  if (kiosk_outbox_get_n_failed (s->outbox) > 0)
    {
      g_printerr ("outbox-stress: %u bookings failed\n", kiosk_outbox_get_n_failed (s->outbox));
      quit (s, 1);
    }
  else if (kiosk_outbox_get_n_pending (s->outbox) == 0)
    {
      quit (s, 0);
    }
}

static void
start_submitting (Stress *s)
{
  g_autoptr(GError) error = NULL;
  guint stored;

  s->outbox = kiosk_outbox_new (s->client, s->db_path, &error);
  if (s->outbox == NULL)
    {
      g_printerr ("outbox-stress: %s\n", error->message);
      quit (s, 1);
      return;
    }

  /* Counted once the queue is open: opening rolls back a transaction the
   * kill interrupted, which a read-only reader could not do. */
  stored = count_stored (s->db_path);
  kiosk_outbox_set_retry_delays (s->outbox, 50, 1000);
  g_signal_connect_swapped (s->outbox, "changed", G_CALLBACK (check_done), s);

  g_print ("outbox-stress: resuming at %u of %u (%u pending in the queue)\n", stored, s->count,
           kiosk_outbox_get_n_pending (s->outbox));
  s->next = stored;
  s->pace_id = g_timeout_add (PACE_MS, submit_more, s);
  check_done (s);
}

/* Making the plan: COUNT slots that do not overlap within a service. */

static void fetch_next_day (Stress *s);

static void
add_day_slots (Stress                *s,
               KioskApiAvailability  *availability,
               const KioskApiService *service)
{
  g_autoptr(GDateTime) busy_until = NULL;

  for (guint i = 0; availability->slots[i] != NULL && s->plan->len < s->count; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (availability->slots[i], NULL);

      if (busy_until != NULL && g_date_time_compare (start, busy_until) < 0)
        continue;
      g_clear_pointer (&busy_until, g_date_time_unref);
      busy_until = g_date_time_add_minutes (start, (int) service->duration_minutes);
      g_ptr_array_add (s->plan, g_strdup_printf ("%s %s", service->id, availability->slots[i]));
    }
}

static void
write_plan (Stress *s)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < s->plan->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (s->plan, i));
  if (!g_file_set_contents (s->plan_path, text->str, text->len, &error))
    {
      g_printerr ("outbox-stress: %s\n", error->message);
      quit (s, 1);
      return;
    }

  start_submitting (s);
}

static void
on_availability (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Stress *s = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskApiAvailability) availability = NULL;

  availability = kiosk_api_client_get_availability_finish (KIOSK_API_CLIENT (source), result,
                                                           &error);
  if (availability == NULL)
    {
      g_printerr ("outbox-stress: availability: %s\n", error->message);
      quit (s, 1);
      return;
    }

  add_day_slots (s, availability, g_ptr_array_index (s->services, s->service_index));
  if (++s->service_index == s->services->len)
    {
      s->service_index = 0;
      s->day++;
    }

  if (s->plan->len >= s->count)
    write_plan (s);
  else if (s->day > MAX_DAYS)
    quit (s, 1);
  else
    fetch_next_day (s);
}

static void
fetch_next_day (Stress *s)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Denver");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, (int) s->day);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  const KioskApiService *service = g_ptr_array_index (s->services, s->service_index);

  kiosk_api_client_get_availability_async (s->client, service->id, date, 0, NULL,
                                           on_availability, s);
}

static void
on_services (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Stress *s = user_data;
  g_autoptr(GError) error = NULL;

  s->services = kiosk_api_client_list_services_finish (KIOSK_API_CLIENT (source), result, &error);
  if (s->services == NULL || s->services->len == 0)
    {
      g_printerr ("outbox-stress: services: %s\n", error ? error->message : "none");
      quit (s, 1);
      return;
    }

  s->day = 1;
  fetch_next_day (s);
}

static gboolean
load_plan (Stress *s)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (s->plan_path, &text, NULL, NULL))
    return FALSE;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_ptr_array_add (s->plan, g_strdup (lines[i]));

  return s->plan->len >= s->count;
}

static KioskApiClient *
make_client (const char  *url,
             const char  *ca_file,
             const char  *token_file,
             GError     **error)
{
  g_autofree char *token = NULL;
  KioskBackendConfig *config;
  KioskApiClient *client;

  if (!g_file_get_contents (token_file, &token, NULL, error))
    return NULL;
  config = kiosk_backend_config_new (url, g_strstrip (token), "stress-kiosk", error);
  if (config == NULL)
    return NULL;
  kiosk_backend_config_set_ca_file (config, ca_file);

  client = kiosk_api_client_new (config);
  kiosk_backend_config_unref (config);

  return client;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Stress s = { 0 };

  if (argc != 6)
    {
      g_printerr ("usage: outbox-stress URL CA-FILE TOKEN-FILE DIR COUNT\n");
      return 2;
    }

  s.client = make_client (argv[1], argv[2], argv[3], &error);
  if (s.client == NULL)
    {
      g_printerr ("outbox-stress: %s\n", error->message);
      return 1;
    }
  s.plan_path = g_build_filename (argv[4], "plan.txt", NULL);
  s.db_path = g_build_filename (argv[4], "outbox.db", NULL);
  s.count = (guint) g_ascii_strtoull (argv[5], NULL, 10);
  s.plan = g_ptr_array_new_with_free_func (g_free);
  s.loop = g_main_loop_new (NULL, FALSE);

  if (load_plan (&s))
    start_submitting (&s);
  else
    kiosk_api_client_list_services_async (s.client, NULL, on_services, &s);

  if (s.status == 0 && (s.outbox == NULL || s.next < s.count || s.outstanding > 0
                        || kiosk_outbox_get_n_pending (s.outbox) > 0))
    g_main_loop_run (s.loop);

  g_print ("outbox-stress: exit %d, %u submitted\n", s.status, s.next);

  /* The queue's last writes finish before it goes: wait for it. */
  if (s.outbox != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (s.outbox), (gpointer *) &s.outbox);
      g_object_unref (s.outbox);
      while (s.outbox != NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  g_clear_handle_id (&s.pace_id, g_source_remove);
  g_clear_object (&s.client);
  g_clear_pointer (&s.services, g_ptr_array_unref);
  g_ptr_array_unref (s.plan);
  g_main_loop_unref (s.loop);
  g_free (s.plan_path);
  g_free (s.db_path);

  return s.status;
}
