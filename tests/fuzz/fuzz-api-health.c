/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-api-health.c: the API client's reading of a GET /v1/health answer. */

#include "config.h"

#include "fuzz-target.h"
#include "kiosk-api-client-private.h"
#include "kiosk-json.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(KioskApiHealth) health = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_target_setup ();

  health = kiosk_api_read_health (body, &error);
  if (health == NULL)
    {
      fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (health->status);
  g_assert_cmpint (health->api_version, >=, 1);
  g_assert_cmpint (health->api_version, <=, 1000);
  return 0;
}
