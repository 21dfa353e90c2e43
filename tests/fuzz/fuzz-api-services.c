/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-api-services.c: the API client's reading of a GET /v1/services answer. */

#include "config.h"

#include <string.h>

#include "fuzz-target.h"
#include "kiosk-api-client-private.h"
#include "kiosk-json.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_target_setup ();

  services = kiosk_api_read_services (body, &error);
  if (services == NULL)
    {
      fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
      return 0;
    }

  g_assert_no_error (error);
  for (guint i = 0; i < services->len; i++)
    {
      KioskApiService *service = g_ptr_array_index (services, i);

      g_assert_true (service->id != NULL && service->id[0] != '\0');
      g_assert_nonnull (service->name_en);
      g_assert_cmpint (service->duration_minutes, >=, 1);
      g_assert_cmpint (service->duration_minutes, <=, 24 * 60);
      g_assert_cmpint (service->price_minor, >=, 0);
      g_assert_cmpint (service->price_minor, <=, G_MAXINT32);
      g_assert_cmpuint (strlen (service->currency), ==, 3);
    }
  return 0;
}
