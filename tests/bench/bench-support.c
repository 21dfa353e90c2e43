/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-support.c: what the benchmark and the soak share: the backend's client, free slots, waits. */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-support.h"
#include "kiosk-ui-test.h"

void
bench_async_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  BenchAsyncWait *wait = data;

  wait->done = g_get_monotonic_time ();
  wait->result = g_object_ref (result);
}

static gboolean
async_done (gpointer data)
{
  return ((BenchAsyncWait *) data)->result != NULL;
}

void
bench_async_wait (BenchAsyncWait *wait)
{
  if (!kiosk_ui_test_wait_for (async_done, wait, 60000))
    g_error ("The backend did not answer within a minute");
}

KioskApiClient *
bench_client_new (KioskTestBackend *backend,
                  const char       *kiosk_id)
{
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskBackendConfig) config = NULL;

  if (!g_file_get_contents (kiosk_test_backend_get_token_file (backend), &token, NULL, &error))
    g_error ("Token: %s", error->message);
  config = kiosk_backend_config_new (kiosk_test_backend_get_url (backend), g_strstrip (token),
                                     kiosk_id, &error);
  if (config == NULL)
    g_error ("Backend config: %s", error->message);
  kiosk_backend_config_set_ca_file (config, kiosk_test_backend_get_ca_file (backend));

  return kiosk_api_client_new (config);
}

/* The first free slot for @service, @days from now in the spa's time zone,
 * or NULL when that day is full. */
char *
bench_find_slot (KioskApiClient *client,
                 const char     *service,
                 guint           days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Denver");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, (int) days);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  g_autoptr(KioskApiAvailability) availability = NULL;
  g_autoptr(GError) error = NULL;
  BenchAsyncWait wait = { 0 };

  kiosk_api_client_get_availability_async (client, service, date, NULL, bench_async_done, &wait);
  bench_async_wait (&wait);
  availability = kiosk_api_client_get_availability_finish (client, wait.result, &error);
  g_clear_object (&wait.result);
  if (availability == NULL)
    g_error ("Availability: %s", error->message);

  return availability->slots[0] != NULL ? g_strdup (availability->slots[0]) : NULL;
}

void
bench_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}
