/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-test-backend.c: runs the real spa-backend over HTTPS on loopback for a test. */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "kiosk-test-backend.h"

/* Generous: the machine running the tests may be busy. */
#define START_TIMEOUT_USEC   (30 * G_USEC_PER_SEC)
#define COMMAND_TIMEOUT_USEC (10 * G_USEC_PER_SEC)

struct _KioskTestBackend
{
  KioskTestBackendFlags flags;
  char          *dir;
  char          *url;
  char          *ca_file;
  char          *other_ca_file;
  char          *cert_file;
  char          *key_file;
  char          *token_file;
  char          *pin;
  char          *db_path;
  guint          port;

  GSubprocess   *process;
  GOutputStream *control;
  GInputStream  *output;
  GString       *pending;
};

static const char *
tool_path (const char *variable,
           const char *fallback)
{
  const char *value = g_getenv (variable);

  return value != NULL && *value != '\0' ? value : fallback;
}

/* In the child between fork and exec: die with the test, even if it is
 * killed before it can clean up. */
static void
child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () != (pid_t) GPOINTER_TO_INT (user_data))
    _exit (1);
}

static void
make_certificates (KioskTestBackend *self)
{
  const char *tool = tool_path ("MAKE_TEST_CA", MAKE_TEST_CA_PATH);
  const char *argv[] = { tool, self->dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *pin_file = g_build_filename (self->dir, "pin.txt", NULL);
  g_autofree char *pin = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("kiosk-test-backend: %s %s: %s", tool, self->dir, error->message);

  if (!g_file_get_contents (pin_file, &pin, NULL, &error))
    g_error ("kiosk-test-backend: %s", error->message);
  self->pin = g_strstrip (g_steal_pointer (&pin));
}

static void
write_token_file (KioskTestBackend *self)
{
  g_autoptr(GString) token = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (token, "%08x", g_random_int ());
  g_string_append_c (token, '\n');

  if (!g_file_set_contents_full (self->token_file, token->str, (gssize) token->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_error ("kiosk-test-backend: %s", error->message);
}

/* The next line of the backend's stdout, or NULL at the deadline or at
 * the end of the output (the process died). */
static char *
read_line (KioskTestBackend *self,
           gint64            deadline)
{
  int fd = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (self->output));

  for (;;)
    {
      char *newline = memchr (self->pending->str, '\n', self->pending->len);
      GPollFD poll_fd = { fd, G_IO_IN | G_IO_HUP | G_IO_ERR, 0 };
      gint64 left = deadline - g_get_monotonic_time ();
      char chunk[256];
      gssize n;

      if (newline != NULL)
        {
          char *line = g_strndup (self->pending->str, newline - self->pending->str);
          g_string_erase (self->pending, 0, newline - self->pending->str + 1);
          return line;
        }
      if (left <= 0)
        return NULL;
      if (g_poll (&poll_fd, 1, (int) MAX (1, left / 1000)) <= 0)
        continue;

      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return NULL;
      g_string_append_len (self->pending, chunk, n);
    }
}

static GSubprocess *
spawn_backend (KioskTestBackend  *self,
               GError           **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *port = g_strdup_printf ("%u", self->port);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, GINT_TO_POINTER (getpid ()), NULL);
  return g_subprocess_launcher_spawn (launcher, error,
                                      tool_path ("SPA_BACKEND", SPA_BACKEND_PATH),
                                      "--port", port,
                                      "--address", "127.0.0.1",
                                      "--cert", self->cert_file,
                                      "--key", self->key_file,
                                      "--db", self->db_path,
                                      "--token-file", self->token_file,
                                      "--control-stdin",
                                      NULL);
}

/* "listening on https://127.0.0.1:PORT/" */
static gboolean
parse_ready_line (const char *line,
                  guint64    *out_port)
{
  const char *prefix = "listening on https://127.0.0.1:";
  g_autofree char *digits = NULL;

  if (line == NULL || !g_str_has_prefix (line, prefix) || !g_str_has_suffix (line, "/"))
    return FALSE;
  digits = g_strndup (line + strlen (prefix), strlen (line) - strlen (prefix) - 1);
  return g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT16, out_port, NULL);
}

static void
launch (KioskTestBackend *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  guint64 port = 0;

  self->process = spawn_backend (self, &error);
  if (self->process == NULL)
    g_error ("kiosk-test-backend: cannot start spa-backend: %s", error->message);
  self->control = g_object_ref (g_subprocess_get_stdin_pipe (self->process));
  self->output = g_object_ref (g_subprocess_get_stdout_pipe (self->process));
  self->pending = g_string_new (NULL);

  line = read_line (self, g_get_monotonic_time () + START_TIMEOUT_USEC);
  if (!parse_ready_line (line, &port))
    g_error ("kiosk-test-backend: spa-backend did not start (its output: %s)",
             line ? line : "none");
  if (self->port != 0 && self->port != port)
    g_error ("kiosk-test-backend: spa-backend came back on port %u, not %u",
             (guint) port, self->port);

  self->port = (guint) port;
  g_free (self->url);
  self->url = g_strdup (line + strlen ("listening on "));
}

KioskTestBackend *
kiosk_test_backend_start (KioskTestBackendFlags flags)
{
  KioskTestBackend *self = g_new0 (KioskTestBackend, 1);
  g_autoptr(GError) error = NULL;
  const char *leaf = flags & KIOSK_TEST_BACKEND_WRONG_HOST_CERT ? "wronghost" : "server";

  self->flags = flags;
  self->dir = g_dir_make_tmp ("kiosk-test-backend-XXXXXX", &error);
  if (self->dir == NULL)
    g_error ("kiosk-test-backend: %s", error->message);

  self->ca_file = g_build_filename (self->dir, "ca.pem", NULL);
  self->other_ca_file = g_build_filename (self->dir, "other-ca.pem", NULL);
  self->cert_file = g_strdup_printf ("%s/%s.pem", self->dir, leaf);
  self->key_file = g_strdup_printf ("%s/%s.key", self->dir, leaf);
  self->token_file = g_build_filename (self->dir, "token", NULL);
  self->db_path = g_build_filename (self->dir, "bookings.sqlite", NULL);

  make_certificates (self);
  write_token_file (self);
  launch (self);
  return self;
}

const char *
kiosk_test_backend_get_url (KioskTestBackend *b)
{
  g_return_val_if_fail (b != NULL, NULL);
  return b->url;
}

const char *
kiosk_test_backend_get_ca_file (KioskTestBackend *b)
{
  g_return_val_if_fail (b != NULL, NULL);
  return b->ca_file;
}

const char *
kiosk_test_backend_get_other_ca_file (KioskTestBackend *b)
{
  g_return_val_if_fail (b != NULL, NULL);
  return b->other_ca_file;
}

const char *
kiosk_test_backend_get_token_file (KioskTestBackend *b)
{
  g_return_val_if_fail (b != NULL, NULL);
  return b->token_file;
}

const char *
kiosk_test_backend_get_pin (KioskTestBackend *b)
{
  g_return_val_if_fail (b != NULL, NULL);
  return b->pin;
}

const char *
kiosk_test_backend_get_db_path (KioskTestBackend *b)
{
  g_return_val_if_fail (b != NULL, NULL);
  return b->db_path;
}

void
kiosk_test_backend_fault (KioskTestBackend *b,
                          const char       *mode,
                          guint             count,
                          guint             delay_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *answer = NULL;

  g_return_if_fail (b != NULL && mode != NULL);
  g_return_if_fail (b->process != NULL);

  if (strcmp (mode, "clear") == 0)
    command = g_strdup ("clear\n");
  else
    command = g_strdup_printf ("fault %s %u %u\n", mode, count, delay_ms);

  if (!g_output_stream_write_all (b->control, command, strlen (command), NULL, NULL, &error)
      || !g_output_stream_flush (b->control, NULL, &error))
    g_error ("kiosk-test-backend: fault: %s", error->message);

  answer = read_line (b, g_get_monotonic_time () + COMMAND_TIMEOUT_USEC);
  if (g_strcmp0 (answer, "ok") != 0)
    g_error ("kiosk-test-backend: spa-backend refused “%s”: %s", g_strstrip (command),
             answer ? answer : "no answer");
}

guint
kiosk_test_backend_count_bookings (KioskTestBackend *b)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count = 0;

  g_return_val_if_fail (b != NULL, 0);

  if (sqlite3_open_v2 (b->db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_busy_timeout (db, 10000) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT count(*) FROM bookings", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("kiosk-test-backend: counting bookings in %s: %s", b->db_path, sqlite3_errmsg (db));

  count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

void
kiosk_test_backend_stop (KioskTestBackend *b)
{
  g_return_if_fail (b != NULL);

  if (b->process != NULL)
    {
      g_subprocess_force_exit (b->process);
      g_subprocess_wait (b->process, NULL, NULL);
    }
  g_clear_object (&b->process);
  g_clear_object (&b->control);
  g_clear_object (&b->output);
  if (b->pending != NULL)
    g_string_free (g_steal_pointer (&b->pending), TRUE);
}

void
kiosk_test_backend_restart (KioskTestBackend *b)
{
  g_return_if_fail (b != NULL);

  kiosk_test_backend_stop (b);
  launch (b);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
kiosk_test_backend_free (KioskTestBackend *b)
{
  if (b == NULL)
    return;

  kiosk_test_backend_stop (b);
  if (b->dir != NULL)
    remove_tree (b->dir);

  g_free (b->dir);
  g_free (b->url);
  g_free (b->ca_file);
  g_free (b->other_ca_file);
  g_free (b->cert_file);
  g_free (b->key_file);
  g_free (b->token_file);
  g_free (b->pin);
  g_free (b->db_path);
  g_free (b);
}
