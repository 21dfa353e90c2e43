/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-staff-pin.c: the staff PIN file, its delays and lockout, and --set-staff-pin. */

/* posix_openpt() and friends, for a terminal to type on. */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "kiosk-staff-pin.h"

#define RIGHT_PIN "90817263"
#define WRONG_PIN "11112222"
#define SECOND    ((gint64) G_USEC_PER_SEC)

typedef struct
{
  char   *dir;
  char   *path;
  gint64  now;
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-staff-pin-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "spa-kiosk", "staff-pin", NULL);
  f->now = g_get_real_time ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static KioskStaffPin *
new_pin (Fixture *f)
{
  KioskStaffPin *pin = kiosk_staff_pin_new (f->path);

  kiosk_staff_pin_set_clock (pin, fixture_clock, f);
  return pin;
}

static KioskStaffPin *
new_pin_set (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  KioskStaffPin *pin = new_pin (f);

  g_assert_true (kiosk_staff_pin_set (pin, RIGHT_PIN, &error));
  g_assert_no_error (error);
  return pin;
}

static KioskStaffPinResult
verify (KioskStaffPin *pin,
        const char    *text)
{
  g_autoptr(GError) error = NULL;
  KioskStaffPinResult result = kiosk_staff_pin_verify (pin, text, &error);

  g_assert_no_error (error);
  return result;
}

/* Types wrong PINs, waiting out each delay, until the lockout starts. */
static void
lock_out (Fixture       *f,
          KioskStaffPin *pin)
{
  for (guint i = 0; i < KIOSK_STAFF_PIN_MAX_FAILURES; i++)
    {
      f->now += kiosk_staff_pin_get_retry_delay (pin) * SECOND;
      g_assert_cmpint (verify (pin, WRONG_PIN), ==, KIOSK_STAFF_PIN_RESULT_WRONG);
    }
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, KIOSK_STAFF_PIN_LOCKOUT_SECONDS);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
write_private_file (const char *path,
                    const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
}

static void
test_set_and_verify (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = new_pin (f);
  g_autoptr(KioskStaffPin) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert_false (kiosk_staff_pin_is_set (pin));
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_NOT_SET);

  g_assert_true (kiosk_staff_pin_set (pin, RIGHT_PIN, &error));
  g_assert_no_error (error);
  g_assert_true (kiosk_staff_pin_is_set (pin));

  start = g_get_monotonic_time ();
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);
  g_test_message ("one verify took %.3f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (kiosk_staff_pin_get_failures (pin), ==, 0);

  g_assert_cmpint (verify (pin, WRONG_PIN), ==, KIOSK_STAFF_PIN_RESULT_WRONG);
  g_assert_cmpuint (kiosk_staff_pin_get_failures (pin), ==, 1);
  g_assert_cmpint (verify (pin, RIGHT_PIN "0"), ==, KIOSK_STAFF_PIN_RESULT_LOCKED_OUT);

  /* A right PIN after the delay resets the count. */
  f->now += 1 * SECOND;
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);
  g_assert_cmpuint (kiosk_staff_pin_get_failures (pin), ==, 0);
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 0);
  g_assert_cmpint (kiosk_staff_pin_get_locked_until (pin), ==, 0);

  /* The hash is in the file: a new object, as after a restart, knows the PIN. */
  again = new_pin (f);
  g_assert_true (kiosk_staff_pin_is_set (again));
  g_assert_cmpint (verify (again, "9081726"), ==, KIOSK_STAFF_PIN_RESULT_WRONG);
  f->now += 1 * SECOND;
  g_assert_cmpint (verify (again, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);
}

static void
test_format_refused (Fixture       *f,
                     gconstpointer  data)
{
  const char *bad[] = { "12ab", "abcd", "123", "123456789", "", "12 34", "1234\n",
                        "-1234", "\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4" /* Arabic-Indic digits */ };
  const char *good[] = { "0000", "12345678" };
  g_autoptr(KioskStaffPin) pin = new_pin (f);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kiosk_staff_pin_set (pin, bad[i], &error));
      g_assert_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FORMAT);
      g_assert_true (strstr (error->message, "digits") != NULL);
      if (*bad[i] != '\0')
        g_assert_null (strstr (error->message, bad[i]));
      g_assert_false (kiosk_staff_pin_is_set (pin));
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (kiosk_staff_pin_check_format (good[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_format_messages (Fixture       *f,
                      gconstpointer  data)
{
  struct { const char *pin; const char *words; } cases[] = {
    { "12ab", "only be digits" },
    { "123", "too short" },
    { "123456789", "too long" },
    { "", "No staff PIN" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kiosk_staff_pin_check_format (cases[i].pin, &error));
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }
}

static void
test_delays_grow (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = new_pin_set (f);
  const guint expected[] = { 1, 2, 4, 8, KIOSK_STAFF_PIN_LOCKOUT_SECONDS };

  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (verify (pin, WRONG_PIN), ==, KIOSK_STAFF_PIN_RESULT_WRONG);
      g_assert_cmpuint (kiosk_staff_pin_get_failures (pin), ==, i + 1);
      g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, expected[i]);
      g_assert_cmpint (kiosk_staff_pin_get_locked_until (pin), ==, f->now + expected[i] * SECOND);
      if (i > 0)
        g_assert_cmpuint (expected[i], >, expected[i - 1]);
      f->now += expected[i] * SECOND;
      g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 0);
    }
}

static void
test_refused_during_delay (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = new_pin_set (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (verify (pin, WRONG_PIN), ==, KIOSK_STAFF_PIN_RESULT_WRONG);
  g_assert_cmpint (verify (pin, WRONG_PIN), ==, KIOSK_STAFF_PIN_RESULT_LOCKED_OUT);
  f->now += 1 * SECOND;
  g_assert_cmpint (verify (pin, WRONG_PIN), ==, KIOSK_STAFF_PIN_RESULT_WRONG);
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 2);

  /* Even the right PIN is refused unchecked, and the refusal changes nothing. */
  before = read_text (f->path);
  f->now += SECOND / 2;
  g_assert_cmpint (kiosk_staff_pin_verify (pin, RIGHT_PIN, &error), ==,
                   KIOSK_STAFF_PIN_RESULT_LOCKED_OUT);
  g_assert_no_error (error);
  g_assert_cmpuint (kiosk_staff_pin_get_failures (pin), ==, 2);
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 2); /* 1.5 s, rounded up */
  after = read_text (f->path);
  g_assert_cmpstr (before, ==, after);

  f->now += SECOND;
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 1);
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_LOCKED_OUT);
  f->now += SECOND / 2;
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);
}

static void
test_lockout_survives_restart (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = new_pin_set (f);
  g_autoptr(KioskStaffPin) restarted = NULL;

  lock_out (f, pin);
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_LOCKED_OUT);
  g_assert_finalize_object (g_steal_pointer (&pin));

  f->now += 60 * SECOND;
  restarted = new_pin (f);
  g_assert_true (kiosk_staff_pin_is_set (restarted));
  g_assert_cmpuint (kiosk_staff_pin_get_failures (restarted), ==, KIOSK_STAFF_PIN_MAX_FAILURES);
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (restarted), ==,
                    KIOSK_STAFF_PIN_LOCKOUT_SECONDS - 60);
  g_assert_cmpint (verify (restarted, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_LOCKED_OUT);
}

static void
test_lockout_ends (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = new_pin_set (f);

  lock_out (f, pin);
  f->now += (KIOSK_STAFF_PIN_LOCKOUT_SECONDS - 1) * SECOND;
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 1);
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_LOCKED_OUT);

  f->now += 1 * SECOND;
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 0);
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);
  g_assert_cmpuint (kiosk_staff_pin_get_failures (pin), ==, 0);

  /* The count starts again from nothing: one wrong PIN is a short delay. */
  g_assert_cmpint (verify (pin, WRONG_PIN), ==, KIOSK_STAFF_PIN_RESULT_WRONG);
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 1);
}

static void
test_wrong_after_lockout (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = new_pin_set (f);

  /* Once locked out, each further wrong PIN locks out again at once. */
  lock_out (f, pin);
  f->now += KIOSK_STAFF_PIN_LOCKOUT_SECONDS * SECOND;
  g_assert_cmpint (verify (pin, WRONG_PIN), ==, KIOSK_STAFF_PIN_RESULT_WRONG);
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, KIOSK_STAFF_PIN_LOCKOUT_SECONDS);
}

static void
test_clock_backwards (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = new_pin_set (f);
  g_autoptr(KioskStaffPin) restarted = NULL;

  lock_out (f, pin);

  /* A small step back stretches the wait by the step: never shorter. */
  f->now += 100 * SECOND;
  f->now -= 10 * SECOND;
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 210);

  /* A big one does not lock for an hour: the full lockout from now, no more. */
  f->now -= 3600 * SECOND;
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, KIOSK_STAFF_PIN_LOCKOUT_SECONDS);
  g_assert_cmpint (kiosk_staff_pin_get_locked_until (pin), ==,
                   f->now + KIOSK_STAFF_PIN_LOCKOUT_SECONDS * SECOND);
  f->now += (KIOSK_STAFF_PIN_LOCKOUT_SECONDS - 1) * SECOND;
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_LOCKED_OUT);
  f->now += 1 * SECOND;
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);

  /* The same after a restart, with the file's time far in the future. */
  lock_out (f, pin);
  g_clear_object (&pin);
  f->now -= 24 * 3600 * SECOND;
  restarted = new_pin (f);
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (restarted), ==,
                    KIOSK_STAFF_PIN_LOCKOUT_SECONDS);
  f->now += KIOSK_STAFF_PIN_LOCKOUT_SECONDS * SECOND;
  g_assert_cmpint (verify (restarted, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);
}

static void
assert_private_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
}

static void
test_file_private (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = NULL;
  g_autofree char *text = NULL;
  g_autofree char *later = NULL;
  mode_t old_umask = umask (0);

  /* Even with a umask that would let everyone read. */
  pin = new_pin_set (f);
  umask (old_umask);

  assert_private_file (f->path);
  text = read_text (f->path);
  g_assert_nonnull (strstr (text, "$argon2id$"));
  g_assert_null (strstr (text, RIGHT_PIN));

  /* Rewritten after each attempt, it stays private. */
  g_assert_cmpint (verify (pin, WRONG_PIN), ==, KIOSK_STAFF_PIN_RESULT_WRONG);
  assert_private_file (f->path);
  later = read_text (f->path);
  g_assert_nonnull (strstr (later, "failures=1"));
  g_assert_null (strstr (later, RIGHT_PIN));
  g_assert_null (strstr (later, WRONG_PIN));
}

static void
test_readable_file_refused (Fixture       *f,
                            gconstpointer  data)
{
  const int modes[] = { 0640, 0604, 0620 };
  g_autoptr(KioskStaffPin) pin = new_pin_set (f);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(KioskStaffPin) restarted = new_pin (f);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_chmod (f->path, modes[i]), ==, 0);
      g_assert_false (kiosk_staff_pin_is_set (restarted));
      g_assert_cmpint (kiosk_staff_pin_verify (restarted, RIGHT_PIN, &error), ==,
                       KIOSK_STAFF_PIN_RESULT_ERROR);
      g_assert_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_INSECURE);
      g_assert_nonnull (strstr (error->message, "Other users can read"));
      g_assert_nonnull (strstr (error->message, f->path));
      g_assert_nonnull (strstr (error->message, "chmod 600"));
    }

  /* Either cure in the message works. */
  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
  g_clear_object (&pin);
  pin = new_pin (f);
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);

  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_clear_object (&pin);
  pin = new_pin_set (f);
  assert_private_file (f->path);
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);
}

/* Makes the folder look untouched for an hour, so a kiosk that finds no
 * PIN file in it trusts that answer until the folder changes. */
static void
age_folder (const char *dir)
{
  struct timespec old[2] = { { time (NULL) - 3600, 0 }, { time (NULL) - 3600, 0 } };

  g_assert_cmpint (utimensat (AT_FDCWD, dir, old, 0), ==, 0);
}

static void
test_set_elsewhere_seen (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KioskStaffPin) kiosk = new_pin (f);
  g_autoptr(KioskStaffPin) command_line = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr(GError) error = NULL;

  /* No folder yet, then an empty one: no PIN, asked many times. */
  g_assert_false (kiosk_staff_pin_is_set (kiosk));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  age_folder (dir);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (kiosk_staff_pin_is_set (kiosk));
      g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (kiosk), ==, 0);
      g_assert_cmpint (kiosk_staff_pin_get_locked_until (kiosk), ==, 0);
    }
  g_assert_cmpint (kiosk_staff_pin_verify (kiosk, RIGHT_PIN, &error), ==,
                   KIOSK_STAFF_PIN_RESULT_NOT_SET);
  g_assert_no_error (error);

  /* A PIN set from the command line is seen at once, without a restart. */
  command_line = new_pin_set (f);
  g_assert_true (kiosk_staff_pin_is_set (kiosk));
  g_assert_cmpint (verify (kiosk, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);
}

static void
test_damaged_file (Fixture       *f,
                   gconstpointer  data)
{
  const char *damaged[] = {
    "",
    "not a key file\n",
    "[staff-pin]\nhash=secret\nfailures=0\nlocked-until=0\n",
    "[staff-pin]\nhash=$argon2id$v=19$m=65536,t=2,p=1$xx$yy\nlocked-until=0\n",
    "[staff-pin]\nhash=$argon2id$v=19$m=65536,t=2,p=1$xx$yy\nfailures=-1\nlocked-until=0\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(KioskStaffPin) pin = NULL;
      g_autoptr(GError) error = NULL;

      write_private_file (f->path, damaged[i]);
      pin = new_pin (f);
      g_assert_false (kiosk_staff_pin_is_set (pin));
      g_assert_cmpint (kiosk_staff_pin_verify (pin, RIGHT_PIN, &error), ==,
                       KIOSK_STAFF_PIN_RESULT_ERROR);
      g_assert_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "Set the staff PIN again"));
    }
}

static void
test_rehash (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  char weak[crypto_pwhash_STRBYTES];

  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_cmpint (crypto_pwhash_str (weak, RIGHT_PIN, strlen (RIGHT_PIN),
                                      crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN),
                   ==, 0);
  text = g_strdup_printf ("[staff-pin]\nhash=%s\nfailures=0\nlocked-until=0\n", weak);
  write_private_file (f->path, text);

  pin = new_pin (f);
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);

  g_assert_true (g_key_file_load_from_file (file, f->path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  hash = g_key_file_get_string (file, "staff-pin", "hash", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, !=, weak);
  g_assert_cmpint (crypto_pwhash_str_needs_rehash (hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                   crypto_pwhash_MEMLIMIT_INTERACTIVE),
                   ==, 0);
  g_assert_cmpint (crypto_pwhash_str_verify (hash, RIGHT_PIN, strlen (RIGHT_PIN)), ==, 0);
}

typedef struct
{
  KioskStaffPinResult  result;
  GError              *error;
  gboolean             done;
} AsyncResult;

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *out = user_data;

  out->result = kiosk_staff_pin_verify_finish (KIOSK_STAFF_PIN (object), result, &out->error);
  out->done = TRUE;
}

static gboolean
count_tick (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @out is done; returns how often a 5 ms timer fired meanwhile. */
static guint
wait_async (AsyncResult *out)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint ticks = 0;
  guint timer = g_timeout_add (5, count_tick, &ticks);

  while (!out->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timer);
  g_assert_true (out->done);
  return ticks;
}

static void
test_async_verify (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = new_pin_set (f);
  AsyncResult right = { 0 }, wrong = { 0 }, early = { 0 };

  /* The main loop keeps turning while the hash is checked. */
  kiosk_staff_pin_verify_async (pin, RIGHT_PIN, NULL, verified_cb, &right);
  g_assert_false (right.done);
  g_assert_cmpuint (wait_async (&right), >, 0);
  g_assert_no_error (right.error);
  g_assert_cmpint (right.result, ==, KIOSK_STAFF_PIN_RESULT_OK);

  kiosk_staff_pin_verify_async (pin, WRONG_PIN, NULL, verified_cb, &wrong);
  wait_async (&wrong);
  g_assert_no_error (wrong.error);
  g_assert_cmpint (wrong.result, ==, KIOSK_STAFF_PIN_RESULT_WRONG);

  kiosk_staff_pin_verify_async (pin, RIGHT_PIN, NULL, verified_cb, &early);
  wait_async (&early);
  g_assert_no_error (early.error);
  g_assert_cmpint (early.result, ==, KIOSK_STAFF_PIN_RESULT_LOCKED_OUT);
  g_assert_cmpuint (kiosk_staff_pin_get_retry_delay (pin), ==, 1);
}

static void
test_async_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = new_pin_set (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult cancelled = { 0 }, insecure = { 0 };

  /* Cancelled before it started: nothing checked, nothing counted. */
  g_cancellable_cancel (cancellable);
  kiosk_staff_pin_verify_async (pin, WRONG_PIN, cancellable, verified_cb, &cancelled);
  wait_async (&cancelled);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (cancelled.result, ==, KIOSK_STAFF_PIN_RESULT_ERROR);
  g_assert_cmpuint (kiosk_staff_pin_get_failures (pin), ==, 0);
  g_clear_error (&cancelled.error);

  g_clear_object (&pin);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  pin = new_pin (f);
  kiosk_staff_pin_verify_async (pin, RIGHT_PIN, NULL, verified_cb, &insecure);
  wait_async (&insecure);
  g_assert_error (insecure.error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_INSECURE);
  g_assert_cmpint (insecure.result, ==, KIOSK_STAFF_PIN_RESULT_ERROR);
  g_clear_error (&insecure.error);
}

static void
test_concurrent_attempts (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = new_pin_set (f);
  AsyncResult first = { 0 }, second = { 0 };
  guint wrong;
  guint refused;

  /* Two attempts at once cannot both be checked: one waits out the other's delay. */
  kiosk_staff_pin_verify_async (pin, WRONG_PIN, NULL, verified_cb, &first);
  kiosk_staff_pin_verify_async (pin, "22223333", NULL, verified_cb, &second);
  wait_async (&first);
  wait_async (&second);
  g_assert_no_error (first.error);
  g_assert_no_error (second.error);

  wrong = (first.result == KIOSK_STAFF_PIN_RESULT_WRONG) + (second.result == KIOSK_STAFF_PIN_RESULT_WRONG);
  refused = (first.result == KIOSK_STAFF_PIN_RESULT_LOCKED_OUT)
            + (second.result == KIOSK_STAFF_PIN_RESULT_LOCKED_OUT);
  g_assert_cmpuint (wrong, ==, 1);
  g_assert_cmpuint (refused, ==, 1);
  g_assert_cmpuint (kiosk_staff_pin_get_failures (pin), ==, 1);
}

static int
run_helper (const char  *path,
            const char  *input,
            char       **out_stdout,
            char       **out_stderr)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "set-staff-pin-helper", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                              | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, helper, path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, out_stdout, out_stderr, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_command_line_pipe (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = NULL;
  g_autoptr(KioskStaffPin) changed = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;

  g_assert_cmpint (run_helper (f->path, RIGHT_PIN "\n", &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "Staff PIN set.\n");
  g_assert_cmpstr (err, ==, "");
  assert_private_file (f->path);

  pin = new_pin (f);
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);

  /* A new PIN replaces the old one; a last line without its end counts too. */
  g_assert_cmpint (run_helper (f->path, "24681357", &out2, &err2), ==, 0);
  g_assert_cmpstr (out2, ==, "Staff PIN set.\n");
  g_assert_null (strstr (err2, "24681357"));
  changed = new_pin (f);
  g_assert_cmpint (verify (changed, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_WRONG);
  f->now += SECOND;
  g_assert_cmpint (verify (changed, "24681357"), ==, KIOSK_STAFF_PIN_RESULT_OK);
}

static void
test_command_line_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *very_long = g_strnfill (200, '7');
  struct { const char *input; const char *reason; } cases[] = {
    { "12ab\n", "only be digits" },
    { "123\n", "too short" },
    { "123456789012\n", "too long" },
    { very_long, "too long" },
    { "", "No staff PIN" },
    { "\n", "No staff PIN" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *typed = g_strchomp (g_strdup (cases[i].input));

      g_assert_cmpint (run_helper (f->path, cases[i].input, &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, cases[i].reason));
      if (*typed != '\0')
        g_assert_null (strstr (err, typed));
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
    }
}

/* Reads what the program wrote to the terminal until @needle shows. */
static void
pty_read_until (int         master,
                GString    *out,
                const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (strstr (out->str, needle) == NULL)
    {
      GPollFD pfd = { master, G_IO_IN, 0 };
      char buffer[256];
      gssize n;

      if (g_get_monotonic_time () > deadline)
        g_error ("“%s” did not show on the terminal; it shows: %s", needle, out->str);
      if (g_poll (&pfd, 1, 100) <= 0)
        continue;
      n = read (master, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("the terminal closed before “%s”; it showed: %s", needle, out->str);
      g_string_append_len (out, buffer, n);
    }
}

static GSubprocess *
spawn_on_terminal (const char *path,
                   int        *out_master)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "set-staff-pin-helper", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  int master;
  int slave;

  master = posix_openpt (O_RDWR | O_NOCTTY | O_CLOEXEC);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  slave = open (ptsname (master), O_RDWR | O_NOCTTY | O_CLOEXEC);
  g_assert_cmpint (slave, >=, 0);

  g_subprocess_launcher_take_stdin_fd (launcher, slave);
  g_subprocess_launcher_take_stdout_fd (launcher, dup (slave));
  g_subprocess_launcher_take_stderr_fd (launcher, dup (slave));
  process = g_subprocess_launcher_spawn (launcher, &error, helper, path, NULL);
  g_assert_no_error (error);

  *out_master = master;
  return process;
}

static void
type_line (int         master,
           const char *text)
{
  g_autofree char *line = g_strconcat (text, "\n", NULL);

  g_assert_cmpint (write (master, line, strlen (line)), ==, strlen (line));
}

/* Types the two PINs at the prompts; returns all the terminal showed. */
static char *
run_on_terminal (const char *path,
                 const char *first,
                 const char *second,
                 const char *last_words,
                 int         expected_status)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int master;

  process = spawn_on_terminal (path, &master);
  pty_read_until (master, shown, "New staff PIN");
  type_line (master, first);
  pty_read_until (master, shown, "again");
  type_line (master, second);
  pty_read_until (master, shown, last_words);

  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, expected_status);
  close (master);
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

static void
test_command_line_terminal (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KioskStaffPin) pin = NULL;
  g_autofree char *mismatch = NULL;
  g_autofree char *shown = NULL;

  /* Two different PINs: nothing is set. */
  mismatch = run_on_terminal (f->path, RIGHT_PIN, "90817264", "not the same", 1);
  g_assert_null (strstr (mismatch, RIGHT_PIN));
  g_assert_null (strstr (mismatch, "90817264"));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  /* The same PIN twice is set, and the terminal never echoes it. */
  shown = run_on_terminal (f->path, RIGHT_PIN, RIGHT_PIN, "Staff PIN set.", 0);
  g_assert_null (strstr (shown, RIGHT_PIN));
  pin = new_pin (f);
  g_assert_cmpint (verify (pin, RIGHT_PIN), ==, KIOSK_STAFF_PIN_RESULT_OK);
}

static void
test_command_line_interrupted (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  struct termios settings;
  int master;

  /* Ctrl+C at the prompt gives the terminal its echo back. */
  process = spawn_on_terminal (f->path, &master);
  pty_read_until (master, shown, "New staff PIN");
  g_assert_cmpint (tcgetattr (master, &settings), ==, 0);
  g_assert_cmpint (settings.c_lflag & ECHO, ==, 0);

  g_subprocess_send_signal (process, SIGINT);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGINT);

  g_assert_cmpint (tcgetattr (master, &settings), ==, 0);
  g_assert_cmpint (settings.c_lflag & ECHO, !=, 0);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  close (master);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/kiosk/staff-pin/set-and-verify", test_set_and_verify);
  ADD ("/kiosk/staff-pin/format-refused", test_format_refused);
  ADD ("/kiosk/staff-pin/format-messages", test_format_messages);
  ADD ("/kiosk/staff-pin/delays-grow", test_delays_grow);
  ADD ("/kiosk/staff-pin/refused-during-delay", test_refused_during_delay);
  ADD ("/kiosk/staff-pin/lockout-survives-restart", test_lockout_survives_restart);
  ADD ("/kiosk/staff-pin/lockout-ends", test_lockout_ends);
  ADD ("/kiosk/staff-pin/wrong-after-lockout", test_wrong_after_lockout);
  ADD ("/kiosk/staff-pin/clock-backwards", test_clock_backwards);
  ADD ("/kiosk/staff-pin/file-private", test_file_private);
  ADD ("/kiosk/staff-pin/readable-file-refused", test_readable_file_refused);
  ADD ("/kiosk/staff-pin/damaged-file", test_damaged_file);
  ADD ("/kiosk/staff-pin/set-elsewhere-seen", test_set_elsewhere_seen);
  ADD ("/kiosk/staff-pin/rehash", test_rehash);
  ADD ("/kiosk/staff-pin/async-verify", test_async_verify);
  ADD ("/kiosk/staff-pin/async-errors", test_async_errors);
  ADD ("/kiosk/staff-pin/concurrent-attempts", test_concurrent_attempts);
  ADD ("/kiosk/staff-pin/command-line-pipe", test_command_line_pipe);
  ADD ("/kiosk/staff-pin/command-line-refused", test_command_line_refused);
  ADD ("/kiosk/staff-pin/command-line-terminal", test_command_line_terminal);
  ADD ("/kiosk/staff-pin/command-line-interrupted", test_command_line_interrupted);

#undef ADD

  return g_test_run ();
}
