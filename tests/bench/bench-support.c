/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-support.c: what the benchmark and the soak share: the backend's client, a temporary folder. */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-support.h"

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
