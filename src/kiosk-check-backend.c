/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-check-backend.c: the installer's one-line test of the configured booking backend. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-api-client.h"
#include "kiosk-check-backend.h"

/* The API version this kiosk speaks (docs/backend-api.md). */
#define KIOSK_API_VERSION 1

typedef struct
{
  gboolean done;
  KioskApiHealth *health;
  GError *error;
} HealthCheck;

static void
health_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HealthCheck *check = user_data;

  check->health = kiosk_api_client_get_health_finish (KIOSK_API_CLIENT (object), result,
                                                      &check->error);
  check->done = TRUE;
}

/* Runs GET /v1/health on @context until it answers; the configured
 * timeouts bound the wait. */
static KioskApiHealth *
fetch_health (KioskBackendConfig  *config,
              GMainContext        *context,
              GError             **error)
{
  g_autoptr(KioskApiClient) client = kiosk_api_client_new (config);
  HealthCheck check = { FALSE, NULL, NULL };

  kiosk_api_client_get_health_async (client, NULL, health_cb, &check);
  while (!check.done)
    g_main_context_iteration (context, TRUE);

  if (check.error != NULL)
    g_propagate_error (error, check.error);

  return check.health;
}

static gboolean
report (const char     *url,
        KioskApiHealth *health)
{
  if (g_strcmp0 (health->status, "ok") != 0)
    {
      g_printerr (_("Backend check failed for %s: "
                    "it answers, but reports its status as “%s”\n"), url, health->status);
      return FALSE;
    }

  if (health->api_version != KIOSK_API_VERSION)
    {
      g_printerr (_("Backend check failed for %s: it speaks API version %lld, "
                    "this kiosk speaks version %d\n"),
                  url, (long long) health->api_version, KIOSK_API_VERSION);
      return FALSE;
    }

  g_print (_("Backend OK: %s reachable, TLS verified, token accepted, "
             "API version %lld\n"), url, (long long) health->api_version);
  return TRUE;
}

/**
 * kiosk_check_backend_run:
 * @settings: the com.matrixmassage.Kiosk settings
 *
 * Checks that the settings make a valid backend configuration and that
 * GET /v1/health answers over verified TLS with the kiosk's token. Prints
 * one line: "Backend OK: …" on standard output, or the reason on standard
 * error. Runs its own main context, so it needs no running main loop.
 *
 * Returns: 0 when all is well, 1 otherwise (an exit status)
 */
int
kiosk_check_backend_run (GSettings *settings)
{
  g_autoptr(KioskBackendConfig) config = NULL;
  g_autoptr(KioskApiHealth) health = NULL;
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *url;

  g_return_val_if_fail (G_IS_SETTINGS (settings), 1);

  config = kiosk_backend_config_new_from_settings (settings, &error);
  if (config == NULL)
    {
      g_printerr (_("Backend settings are not usable: %s\n"), error->message);
      return 1;
    }

  url = kiosk_backend_config_get_base_url (config);
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  health = fetch_health (config, context, &error);
  g_main_context_pop_thread_default (context);

  if (health == NULL)
    {
      g_printerr (_("Backend check failed for %s: %s\n"), url, error->message);
      return 1;
    }

  return report (url, health) ? 0 : 1;
}
