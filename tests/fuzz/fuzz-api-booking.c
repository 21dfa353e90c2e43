/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-api-booking.c: the API client's reading of a POST /v1/bookings answer. */

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
  g_autofree char *reference = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_target_setup ();

  reference = kiosk_api_read_booking (body, &error);
  if (reference == NULL)
    {
      fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
      return 0;
    }

  /* The customer reads it aloud at the front desk. */
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (reference), >=, 1);
  g_assert_cmpuint (strlen (reference), <=, 64);
  g_assert_true (g_utf8_validate (reference, -1, NULL));
  return 0;
}
