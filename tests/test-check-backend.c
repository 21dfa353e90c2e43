/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-check-backend.c: the installer's one-line backend check against the real spa-backend. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "kiosk-check-backend.h"
#include "kiosk-staff-pin.h"
#include "kiosk-test-backend.h"

typedef struct
{
  KioskTestBackend *backend;
  GSettings *settings;
  char *dir;
  char *staff_pin_path;
} Fixture;

static GString *out;
static GString *err;

/* GTest in TAP mode prints log messages as "# ..." comments with g_print():
 * those are the harness's, not the check's. */
static void
print_to_out (const char *text)
{
  if (!g_str_has_prefix (text, "# "))
    g_string_append (out, text);
}

static void
print_to_err (const char *text)
{
  g_string_append (err, text);
}

/* The token as in the backend's token file, without the newline. */
static char *
read_token (KioskTestBackend *backend)
{
  g_autoptr(GError) error = NULL;
  char *token = NULL;

  g_file_get_contents (kiosk_test_backend_get_token_file (backend), &token, NULL, &error);
  g_assert_no_error (error);
  return g_strstrip (token);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettingsBackend) memory = g_memory_settings_backend_new ();
  g_autoptr(GError) error = NULL;

  fixture->backend = kiosk_test_backend_start (KIOSK_TEST_BACKEND_NONE);
  fixture->dir = g_dir_make_tmp ("kiosk-check-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new_with_backend ("com.matrixmassage.Kiosk", memory);
  g_settings_set_string (fixture->settings, "backend-url",
                         kiosk_test_backend_get_url (fixture->backend));
  g_settings_set_string (fixture->settings, "ca-file",
                         kiosk_test_backend_get_ca_file (fixture->backend));
  g_settings_set_string (fixture->settings, "token-file",
                         kiosk_test_backend_get_token_file (fixture->backend));

  /* A staff PIN is set, as on a finished install; without one the check
   * adds a line about staff mode (see test_no_staff_pin). */
  fixture->staff_pin_path = g_build_filename (fixture->dir, "staff-pin", NULL);
  if (data == NULL)
    {
      g_autoptr(KioskStaffPin) staff_pin = kiosk_staff_pin_new (fixture->staff_pin_path);

      g_assert_true (kiosk_staff_pin_set (staff_pin, "4821", &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *token = g_build_filename (fixture->dir, "token", NULL);

  g_remove (token);
  g_remove (fixture->staff_pin_path);
  g_free (fixture->staff_pin_path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->backend, kiosk_test_backend_free);
}

/* Runs the check and returns the one line it printed, on @stream. */
static char *
run_check (Fixture    *fixture,
           int         expected_status,
           const char *stream)
{
  GPrintFunc old_print, old_printerr;
  int status;

  out = g_string_new (NULL);
  err = g_string_new (NULL);
  old_print = g_set_print_handler (print_to_out);
  old_printerr = g_set_printerr_handler (print_to_err);
  status = kiosk_check_backend_run (fixture->settings, fixture->staff_pin_path);
  g_set_print_handler (old_print);
  g_set_printerr_handler (old_printerr);

  g_test_message ("stdout: %s", out->str);
  g_test_message ("stderr: %s", err->str);
  g_assert_cmpint (status, ==, expected_status);

  /* One line on one stream, nothing on the other. */
  if (g_str_equal (stream, "stdout"))
    {
      g_assert_cmpstr (err->str, ==, "");
      g_string_free (err, TRUE);
      return g_string_free (out, FALSE);
    }

  g_assert_cmpstr (out->str, ==, "");
  g_string_free (out, TRUE);
  return g_string_free (err, FALSE);
}

static void
assert_one_line_with (const char *line,
                      const char *words)
{
  guint newlines = 0;

  for (const char *p = line; *p != '\0'; p++)
    newlines += (*p == '\n');
  g_assert_cmpuint (newlines, ==, 1);
  g_assert_true (g_str_has_suffix (line, "\n"));
  if (strstr (line, words) == NULL)
    g_error ("expected “%s” in “%s”", words, line);
}

static void
test_ok (Fixture       *fixture,
         gconstpointer  data)
{
  g_autofree char *line = run_check (fixture, 0, "stdout");
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("Backend OK: %s reachable, TLS verified, token accepted, "
                              "API version 1\n", kiosk_test_backend_get_url (fixture->backend));

  g_assert_cmpstr (line, ==, expected);
}

static void
test_wrong_token (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *token_file = g_build_filename (fixture->dir, "token", NULL);
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (token_file, "not-the-token\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (token_file, 0600), ==, 0);
  g_settings_set_string (fixture->settings, "token-file", token_file);

  line = run_check (fixture, 1, "stderr");
  assert_one_line_with (line, "token");
  g_assert_null (strstr (line, "not-the-token"));
}

static void
test_token_file_too_open (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *token_file = g_build_filename (fixture->dir, "token", NULL);
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;

  g_autofree char *token = read_token (fixture->backend);

  g_file_set_contents (token_file, token, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (token_file, 0644), ==, 0);
  g_settings_set_string (fixture->settings, "token-file", token_file);

  line = run_check (fixture, 1, "stderr");
  assert_one_line_with (line, "chmod 600");
}

static void
test_untrusted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *line = NULL;

  g_settings_set_string (fixture->settings, "ca-file",
                         kiosk_test_backend_get_other_ca_file (fixture->backend));
  line = run_check (fixture, 1, "stderr");
  assert_one_line_with (line, "certificate is not trusted");
}

static void
test_plain_http (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *https_url = kiosk_test_backend_get_url (fixture->backend);
  g_autofree char *url = g_strconcat ("http://", https_url + strlen ("https://"), NULL);
  g_autofree char *line = NULL;

  g_settings_set_string (fixture->settings, "backend-url", url);
  line = run_check (fixture, 1, "stderr");
  assert_one_line_with (line, "must start with https://");
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *line = NULL;

  kiosk_test_backend_stop (fixture->backend);
  line = run_check (fixture, 1, "stderr");
  assert_one_line_with (line, "Cannot reach");
}

/* With no staff PIN the check says staff mode is off, on standard error,
 * and still exits 0: the exit status speaks of the backend only. */
static void
test_no_staff_pin (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *expected = NULL;
  GPrintFunc old_print, old_printerr;
  int status;

  out = g_string_new (NULL);
  err = g_string_new (NULL);
  old_print = g_set_print_handler (print_to_out);
  old_printerr = g_set_printerr_handler (print_to_err);
  status = kiosk_check_backend_run (fixture->settings, fixture->staff_pin_path);
  g_set_print_handler (old_print);
  g_set_printerr_handler (old_printerr);

  expected = g_strdup_printf ("Backend OK: %s reachable, TLS verified, token accepted, "
                              "API version 1\n", kiosk_test_backend_get_url (fixture->backend));
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out->str, ==, expected);
  g_assert_cmpstr (err->str, ==, "Staff mode is off: no staff PIN is set. "
                                 "Set one with: spa-kiosk --set-staff-pin\n");
  g_string_free (out, TRUE);
  g_string_free (err, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/kiosk/check-backend/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("ok", test_ok);
  ADD ("wrong-token", test_wrong_token);
  ADD ("token-file-too-open", test_token_file_too_open);
  ADD ("untrusted", test_untrusted);
  ADD ("plain-http", test_plain_http);
  ADD ("unreachable", test_unreachable);
  g_test_add ("/kiosk/check-backend/no-staff-pin", Fixture, "no-pin",
              fixture_set_up, test_no_staff_pin, fixture_tear_down);

  return g_test_run ();
}
