/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-test-backend.h: runs the real spa-backend over HTTPS on loopback for a test. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KIOSK_TEST_BACKEND_NONE            = 0,
  /* Serve a certificate from the test CA for DNS:wrong.example only. */
  KIOSK_TEST_BACKEND_WRONG_HOST_CERT = 1 << 0,
} KioskTestBackendFlags;

typedef struct _KioskTestBackend KioskTestBackend;

/* Makes a temporary directory with a test CA (tests/make-test-ca), a token
 * file (mode 0600, the token and a newline) and a database, and starts
 * spa-backend on a free port of 127.0.0.1. Aborts the test if it cannot. */
KioskTestBackend *kiosk_test_backend_start             (KioskTestBackendFlags flags);

/* "https://127.0.0.1:PORT/" */
const char       *kiosk_test_backend_get_url           (KioskTestBackend *b);
const char       *kiosk_test_backend_get_ca_file       (KioskTestBackend *b);
/* A CA that signed nothing the backend serves. */
const char       *kiosk_test_backend_get_other_ca_file (KioskTestBackend *b);
const char       *kiosk_test_backend_get_token_file    (KioskTestBackend *b);
/* "sha256//BASE64" of the server certificate's public key. */
const char       *kiosk_test_backend_get_pin           (KioskTestBackend *b);
const char       *kiosk_test_backend_get_db_path       (KioskTestBackend *b);

/* Applies @mode to the next @count requests: "slow" (wait delay_ms, then
 * answer normally), "drip" (the body one byte every delay_ms, 1000 when 0),
 * "status-500", "status-503", "drop", "truncated", "malformed",
 * "wrong-type", "oversized", "redirect"; "clear" (count and delay ignored)
 * removes a pending fault. Slow, drip, truncated, malformed, wrong-type and
 * oversized process the request for real (a booking is made) and spoil only
 * the answer; status-500, status-503, drop and redirect do not process it. */
void              kiosk_test_backend_fault             (KioskTestBackend *b,
                                                        const char       *mode,
                                                        guint             count,
                                                        guint             delay_ms);
/* Rows in the bookings table, read from the database file. */
guint             kiosk_test_backend_count_bookings    (KioskTestBackend *b);
/* Kills the process (SIGKILL, like a crash); the database stays. */
void              kiosk_test_backend_stop              (KioskTestBackend *b);
/* Starts it again on the same port with the same database. */
void              kiosk_test_backend_restart           (KioskTestBackend *b);
/* Stops it and deletes the temporary directory. */
void              kiosk_test_backend_free              (KioskTestBackend *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskTestBackend, kiosk_test_backend_free)

G_END_DECLS
