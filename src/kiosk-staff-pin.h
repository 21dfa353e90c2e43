/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-staff-pin.h: the staff PIN, kept as an Argon2id hash, with delays and lockout. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_STAFF_PIN (kiosk_staff_pin_get_type ())

G_DECLARE_FINAL_TYPE (KioskStaffPin, kiosk_staff_pin, KIOSK, STAFF_PIN, GObject)

#define KIOSK_STAFF_PIN_ERROR (kiosk_staff_pin_error_quark ())

typedef enum
{
  KIOSK_STAFF_PIN_ERROR_FORMAT,   /* the PIN is not 4 to 8 digits */
  KIOSK_STAFF_PIN_ERROR_INSECURE, /* other users may read or change the PIN file */
  KIOSK_STAFF_PIN_ERROR_DAMAGED,  /* the PIN file is not a staff PIN file */
  KIOSK_STAFF_PIN_ERROR_FAILED,   /* the file or the hashing failed */
} KioskStaffPinError;

typedef enum
{
  KIOSK_STAFF_PIN_RESULT_ERROR,      /* the PIN could not be checked; the GError says why */
  KIOSK_STAFF_PIN_RESULT_OK,         /* the right PIN: the failure count is reset */
  KIOSK_STAFF_PIN_RESULT_WRONG,      /* a wrong PIN: see kiosk_staff_pin_get_retry_delay() */
  KIOSK_STAFF_PIN_RESULT_LOCKED_OUT, /* refused unchecked: a delay or the lockout is running */
  KIOSK_STAFF_PIN_RESULT_NOT_SET,    /* no staff PIN has been set */
} KioskStaffPinResult;

#define KIOSK_STAFF_PIN_MIN_LENGTH       4
#define KIOSK_STAFF_PIN_MAX_LENGTH       8
/* After this many wrong PINs in a row, the PIN pad is locked out. */
#define KIOSK_STAFF_PIN_MAX_FAILURES     5
#define KIOSK_STAFF_PIN_LOCKOUT_SECONDS  300

/* Returns the wall-clock time in microseconds, like g_get_real_time(). */
typedef gint64 (*KioskStaffPinClock) (gpointer user_data);

GQuark              kiosk_staff_pin_error_quark      (void);

KioskStaffPin      *kiosk_staff_pin_new              (const char           *path);
const char         *kiosk_staff_pin_get_path         (KioskStaffPin        *self);
void                kiosk_staff_pin_set_clock        (KioskStaffPin        *self,
                                                      KioskStaffPinClock    clock,
                                                      gpointer              user_data);

gboolean            kiosk_staff_pin_check_format     (const char           *pin,
                                                      GError              **error);
gboolean            kiosk_staff_pin_set              (KioskStaffPin        *self,
                                                      const char           *pin,
                                                      GError              **error);
gboolean            kiosk_staff_pin_is_set           (KioskStaffPin        *self);

KioskStaffPinResult kiosk_staff_pin_verify           (KioskStaffPin        *self,
                                                      const char           *pin,
                                                      GError              **error);
void                kiosk_staff_pin_verify_async     (KioskStaffPin        *self,
                                                      const char           *pin,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
KioskStaffPinResult kiosk_staff_pin_verify_finish    (KioskStaffPin        *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

guint               kiosk_staff_pin_get_failures     (KioskStaffPin        *self);
guint               kiosk_staff_pin_get_retry_delay  (KioskStaffPin        *self);
gint64              kiosk_staff_pin_get_locked_until (KioskStaffPin        *self);

G_END_DECLS
