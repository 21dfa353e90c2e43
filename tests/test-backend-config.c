/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backend-config.c: the backend settings, the token file and the https:// rule. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "kiosk-api-client.h"
#include "kiosk-backend-config.h"

#define GOOD_PIN "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

typedef struct
{
  char *dir;
  char *token_file;
  GSettings *settings;
} Fixture;

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kiosk-config-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->token_file = g_build_filename (fixture->dir, "token", NULL);
  write_file (fixture->token_file, "  s3cret-Token_1\n", 0600);

  fixture->settings = g_settings_new_with_backend ("com.matrixmassage.Kiosk", backend);
  g_settings_set_string (fixture->settings, "backend-url", "https://bookings.example.com/");
  g_settings_set_string (fixture->settings, "token-file", fixture->token_file);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_remove (fixture->token_file);
  g_rmdir (fixture->dir);
  g_free (fixture->token_file);
  g_free (fixture->dir);
  g_clear_object (&fixture->settings);
}

static void
assert_config_error (GSettings  *settings,
                     const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskBackendConfig) config = kiosk_backend_config_new_from_settings (settings, &error);

  g_assert_null (config);
  g_assert_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG);
  if (strstr (error->message, words) == NULL)
    g_error ("expected “%s” in “%s”", words, error->message);
}

static void
test_from_settings (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *pins[] = { GOOD_PIN, "sha256//BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=", NULL };
  g_autoptr(KioskBackendConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_set_string (fixture->settings, "ca-file", fixture->token_file);
  g_settings_set_strv (fixture->settings, "pinned-keys", pins);
  g_settings_set_string (fixture->settings, "kiosk-id", "lobby-2");

  config = kiosk_backend_config_new_from_settings (fixture->settings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kiosk_backend_config_get_base_url (config), ==, "https://bookings.example.com/");
  g_assert_cmpstr (kiosk_backend_config_get_token (config), ==, "s3cret-Token_1");
  g_assert_cmpstr (kiosk_backend_config_get_kiosk_id (config), ==, "lobby-2");
  g_assert_cmpstr (kiosk_backend_config_get_ca_file (config), ==, fixture->token_file);
  g_assert_cmpstr (kiosk_backend_config_get_pinned_keys (config), ==,
                   GOOD_PIN ";sha256//BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=");
  g_assert_cmpuint (kiosk_backend_config_get_max_response_size (config), ==, 256 * 1024);
  g_assert_cmpuint (kiosk_backend_config_get_connect_timeout_ms (config), >, 0);
}

static void
test_defaults_no_pins (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KioskBackendConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  config = kiosk_backend_config_new_from_settings (fixture->settings, &error);
  g_assert_no_error (error);
  g_assert_null (kiosk_backend_config_get_ca_file (config));
  g_assert_null (kiosk_backend_config_get_pinned_keys (config));
  g_assert_cmpstr (kiosk_backend_config_get_kiosk_id (config), ==, "lobby-1");
}

static void
test_refuses_plain_http (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *bad[] = { "http://bookings.example.com/", "ftp://bookings.example.com/",
                        "bookings.example.com", "https://", "https:///v1" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_settings_set_string (fixture->settings, "backend-url", bad[i]);
      assert_config_error (fixture->settings, "https://");
    }

  g_settings_set_string (fixture->settings, "backend-url", "");
  assert_config_error (fixture->settings, "No address");
}

static void
test_token_file_readable_by_others (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_assert_cmpint (g_chmod (fixture->token_file, 0640), ==, 0);
  assert_config_error (fixture->settings, "chmod 600");

  g_assert_cmpint (g_chmod (fixture->token_file, 0604), ==, 0);
  assert_config_error (fixture->settings, "other users");
}

static void
test_token_file_missing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_settings_set_string (fixture->settings, "token-file", "");
  assert_config_error (fixture->settings, "token-file");

  g_settings_set_string (fixture->settings, "token-file", "/nonexistent/kiosk/token");
  assert_config_error (fixture->settings, "cannot be read");
}

static void
test_token_bad_contents (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) huge = g_string_new (NULL);

  write_file (fixture->token_file, " \n", 0600);
  assert_config_error (fixture->settings, "empty");

  write_file (fixture->token_file, "abc\r\nX-Injected: yes\n", 0600);
  assert_config_error (fixture->settings, "characters");

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (huge, 'a');
  write_file (fixture->token_file, huge->str, 0600);
  assert_config_error (fixture->settings, "too large");
}

static void
test_bad_pin_and_ca (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *bad_pins[] = { "sha256//tooshort=", NULL };

  g_settings_set_strv (fixture->settings, "pinned-keys", bad_pins);
  assert_config_error (fixture->settings, "sha256//");

  g_settings_set_strv (fixture->settings, "pinned-keys", NULL);
  g_settings_set_string (fixture->settings, "ca-file", "/nonexistent/ca.pem");
  assert_config_error (fixture->settings, "certificate authority");
}

static void
test_new_for_tests (void)
{
  g_autoptr(KioskBackendConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  config = kiosk_backend_config_new ("http://127.0.0.1:1/", "token", "lobby-1", &error);
  g_assert_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG);
  g_assert_null (config);
  g_clear_error (&error);

  config = kiosk_backend_config_new ("https://127.0.0.1:1/", "tok en", "lobby-1", &error);
  g_assert_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG);
  g_clear_error (&error);

  config = kiosk_backend_config_new ("https://127.0.0.1:1/", "token", "lobby-1", &error);
  g_assert_no_error (error);
  kiosk_backend_config_set_connect_timeout_ms (config, 250);
  kiosk_backend_config_set_low_speed (config, 10, 2);
  g_assert_cmpuint (kiosk_backend_config_get_connect_timeout_ms (config), ==, 250);
  g_assert_cmpuint (kiosk_backend_config_get_low_speed_limit (config), ==, 10);
  g_assert_cmpuint (kiosk_backend_config_get_low_speed_time (config), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/kiosk/backend-config/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("from-settings", test_from_settings);
  ADD ("defaults-no-pins", test_defaults_no_pins);
  ADD ("refuses-plain-http", test_refuses_plain_http);
  ADD ("token-file-readable-by-others", test_token_file_readable_by_others);
  ADD ("token-file-missing", test_token_file_missing);
  ADD ("token-bad-contents", test_token_bad_contents);
  ADD ("bad-pin-and-ca", test_bad_pin_and_ca);
  g_test_add_func ("/kiosk/backend-config/new-for-tests", test_new_for_tests);

  return g_test_run ();
}
