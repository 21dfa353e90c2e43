/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-api-availability.c: the API client's reading of a GET /v1/availability answer. */

#include "config.h"

#include "fuzz-target.h"
#include "kiosk-api-client-private.h"
#include "kiosk-json.h"

/* The question the answer must be about (the corpus and dictionary use it). */
#define SERVICE "relaxation"
#define DATE "2026-11-27"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(KioskApiAvailability) availability = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_target_setup ();

  availability = kiosk_api_read_availability (body, SERVICE, DATE, &error);
  if (availability == NULL)
    {
      fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpstr (availability->service, ==, SERVICE);
  g_assert_cmpstr (availability->date, ==, DATE);
  g_assert_nonnull (availability->time_zone);
  g_assert_nonnull (availability->slots);
  for (guint i = 0; availability->slots[i] != NULL; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (availability->slots[i], NULL);

      g_assert_nonnull (start);
    }
  return 0;
}
