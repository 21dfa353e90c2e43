/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-target.h: what every fuzz target and the replay runner share. */

#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

/* The libFuzzer entry point each fuzz-*.c defines. The replay runner calls
 * the same function on the committed corpus and regressions. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical or a warning is a bug the fuzzer must stop at, as in the
 * tests (G_DEBUG=fatal-warnings). */
static inline void
fuzz_target_setup (void)
{
  static gboolean done;

  if (done)
    return;
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  done = TRUE;
}

/* A refusal must say something in words. */
static inline void
fuzz_target_assert_error (const GError *error,
                          GQuark        domain)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == domain);
  g_assert_nonnull (error->message);
  g_assert_true (error->message[0] != '\0');
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}
