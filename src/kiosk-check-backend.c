/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-check-backend.c: the installer's one-line test of the configured booking backend. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-api-client.h"
#include "kiosk-check-backend.h"
#include "kiosk-staff-pin.h"

/* The API version this kiosk speaks (docs/backend-api.md). */
#define KIOSK_API_VERSION 1

typedef struct
{
  KioskApiClient *client;
  char *url;
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_clear_object (&check->client);
  g_free (check->url);
  g_free (check);
}

/* The verdict on an answer: "Backend OK: …", or why not in @error. */
static char *
judge (const char      *url,
       KioskApiHealth  *health,
       GError         **error)
{
  if (g_strcmp0 (health->status, "ok") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Backend check failed for %s: "
                     "it answers, but reports its status as “%s”"), url, health->status);
      return NULL;
    }

  if (health->api_version != KIOSK_API_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Backend check failed for %s: it speaks API version %lld, "
                     "this kiosk speaks version %d"),
                   url, (long long) health->api_version, KIOSK_API_VERSION);
      return NULL;
    }

  /* %lld, not G_GINT64_FORMAT: xgettext cannot see through the macro. */
  return g_strdup_printf (_("Backend OK: %s reachable, TLS verified, token accepted, "
                            "API version %lld"), url, (long long) health->api_version);
}

static void
health_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(KioskApiHealth) health = NULL;
  g_autoptr(GError) error = NULL;
  char *verdict;

  health = kiosk_api_client_get_health_finish (KIOSK_API_CLIENT (object), result, &error);
  if (health == NULL)
    {
      g_task_return_new_error (task, error->domain, error->code,
                               _("Backend check failed for %s: %s"), check->url, error->message);
      return;
    }

  verdict = judge (check->url, health, &error);
  if (verdict == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, verdict, g_free);
}

/**
 * kiosk_check_backend_async:
 * @settings: the com.matrixmassage.Kiosk settings
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when the check ends
 * @user_data: data for @callback
 *
 * Checks that the settings make a valid backend configuration and that
 * GET /v1/health answers over verified TLS with the kiosk's token. The
 * configured timeouts bound the wait. The staff panel's "Test connection"
 * and `spa-kiosk --check-backend` both use it, so they agree.
 */
void
kiosk_check_backend_async (GSettings           *settings,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(KioskBackendConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  Check *check;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_check_backend_async);

  config = kiosk_backend_config_new_from_settings (settings, &error);
  if (config == NULL)
    {
      g_task_return_new_error (task, error->domain, error->code,
                               _("Backend settings are not usable: %s"), error->message);
      return;
    }

  check = g_new0 (Check, 1);
  check->client = kiosk_api_client_new (config);
  check->url = g_strdup (kiosk_backend_config_get_base_url (config));
  g_task_set_task_data (task, check, check_free);
  kiosk_api_client_get_health_async (check->client, cancellable, health_cb,
                                     g_steal_pointer (&task));
}

/**
 * kiosk_check_backend_finish:
 * @result: the result passed to the callback
 * @error: why the backend is not usable, in one sentence that names it
 *
 * Returns: (transfer full) (nullable): "Backend OK: …", or %NULL with @error set
 */
char *
kiosk_check_backend_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kiosk_check_backend_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Staff mode cannot open without a PIN: tell the installer, without
 * changing what the exit status says about the backend. */
static void
report_staff_pin (const char *staff_pin_path)
{
  g_autoptr(KioskStaffPin) staff_pin = kiosk_staff_pin_new (staff_pin_path);

  if (!kiosk_staff_pin_is_set (staff_pin))
    g_printerr (_("Staff mode is off: no staff PIN is set. "
                  "Set one with: spa-kiosk --set-staff-pin\n"));
}

/**
 * kiosk_check_backend_run:
 * @settings: the com.matrixmassage.Kiosk settings
 * @staff_pin_path: (nullable): the staff PIN file, or %NULL for the default one
 *
 * Runs kiosk_check_backend_async() on its own main context, so it needs no
 * running main loop, and prints one line: "Backend OK: …" on standard
 * output, or the reason on standard error. When no staff PIN is set, a
 * second line on standard error says so.
 *
 * Returns: 0 when the backend is usable, 1 otherwise (an exit status)
 */
int
kiosk_check_backend_run (GSettings  *settings,
                         const char *staff_pin_path)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *verdict = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), 1);

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  kiosk_check_backend_async (settings, NULL, check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  verdict = kiosk_check_backend_finish (result, &error);
  g_main_context_pop_thread_default (context);

  if (verdict != NULL)
    g_print ("%s\n", verdict);
  else
    g_printerr ("%s\n", error->message);
  report_staff_pin (staff_pin_path);

  return verdict != NULL ? 0 : 1;
}
