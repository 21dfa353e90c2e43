/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-api-problem.c: the API client's reading of a problem document's field names. */

#include "config.h"

#include <string.h>

#include "fuzz-target.h"
#include "kiosk-api-client-private.h"

/* The client names at most this many fields, each at most 64 plain characters. */
#define MAX_LENGTH (8 * 64 + 7 * 2)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autofree char *fields = NULL;

  fuzz_target_setup ();

  fields = kiosk_api_read_problem_fields (body);
  if (fields == NULL)
    return 0;

  /* Only plain names reach a message: no server text, no control characters. */
  g_assert_cmpuint (strlen (fields), >=, 1);
  g_assert_cmpuint (strlen (fields), <=, MAX_LENGTH);
  for (const char *p = fields; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || strchr ("._-[], ", *p) != NULL);
  return 0;
}
