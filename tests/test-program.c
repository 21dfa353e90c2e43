/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-program.c: the spa-kiosk program itself, run as an installer would run it. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-test-backend.h"

typedef struct
{
  char *out;
  char *err;
  int status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs the built program with @argv in @env (NULL-terminated KEY=VALUE list
 * laid over a display-less copy of the test's environment). */
static void
run_program (Run                *run,
             const char * const *args,
             const char * const *env)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();

  g_ptr_array_add (argv, (char *) g_getenv ("SPA_KIOSK"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static void
test_version_without_display (void)
{
  const char *args[] = { "--version", NULL };
  Run run = { 0 };

  run_program (&run, args, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.out, ==, "spa-kiosk " PACKAGE_VERSION "\n");
  run_clear (&run);
}

static void
test_help_without_display (void)
{
  const char *args[] = { "--help", NULL };
  Run run = { 0 };

  run_program (&run, args, NULL);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.out, "--windowed"));
  g_assert_nonnull (strstr (run.out, "--check-backend"));
  g_assert_nonnull (strstr (run.out, "--set-staff-pin"));
  run_clear (&run);
}

static void
test_missing_schema_explained (void)
{
  g_autofree char *empty = g_dir_make_tmp ("kiosk-noschema-XXXXXX", NULL);
  g_autofree char *schema_dir = g_strconcat ("GSETTINGS_SCHEMA_DIR=", empty, NULL);
  const char *args[] = { "--check-backend", NULL };
  /* XDG_DATA_DIRS too, or an installed copy of the schema would be found. */
  const char *env[] = { schema_dir, "XDG_DATA_DIRS=/nonexistent", NULL };
  Run run = { 0 };

  run_program (&run, args, env);
  g_assert_true (WIFEXITED (run.status));
  g_assert_cmpint (WEXITSTATUS (run.status), ==, 1);
  g_assert_nonnull (strstr (run.err, "settings schema com.matrixmassage.Kiosk is not installed"));
  run_clear (&run);
  g_rmdir (empty);
}

/* Settings for the program, through GLib's keyfile backend in a private
 * XDG_CONFIG_HOME, as the demo and an installer's gsettings would set them. */
static char *
write_settings (KioskTestBackend *backend,
                const char       *dir)
{
  g_autofree char *folder = g_build_filename (dir, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  text = g_strdup_printf ("[com/matrixmassage/Kiosk]\n"
                          "backend-url='%s'\nca-file='%s'\ntoken-file='%s'\n",
                          kiosk_test_backend_get_url (backend),
                          kiosk_test_backend_get_ca_file (backend),
                          kiosk_test_backend_get_token_file (backend));
  g_file_set_contents (keyfile, text, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&keyfile);
}

static void
test_tls_secrets_never_logged (void)
{
  KioskTestBackend *backend = kiosk_test_backend_start (KIOSK_TEST_BACKEND_NONE);
  g_autofree char *dir = g_dir_make_tmp ("kiosk-program-XXXXXX", NULL);
  g_autofree char *keyfile = write_settings (backend, dir);
  g_autofree char *keylog = g_build_filename (dir, "tls-secrets.log", NULL);
  g_autofree char *keylog_env = g_strconcat ("SSLKEYLOGFILE=", keylog, NULL);
  g_autofree char *config_env = g_strconcat ("XDG_CONFIG_HOME=", dir, NULL);
  const char *args[] = { "--check-backend", NULL };
  const char *env[] = { "GSETTINGS_BACKEND=keyfile", config_env, keylog_env, NULL };
  Run run = { 0 };

  run_program (&run, args, env);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_true (g_str_has_prefix (run.out, "Backend OK:"));
  /* The TLS handshake happened, and libcurl wrote none of its secrets. */
  g_assert_false (g_file_test (keylog, G_FILE_TEST_EXISTS));

  run_clear (&run);
  g_remove (keyfile);
  kiosk_test_backend_free (backend);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/program/version-without-display", test_version_without_display);
  g_test_add_func ("/kiosk/program/help-without-display", test_help_without_display);
  g_test_add_func ("/kiosk/program/missing-schema-explained", test_missing_schema_explained);
  g_test_add_func ("/kiosk/program/tls-secrets-never-logged", test_tls_secrets_never_logged);

  return g_test_run ();
}
