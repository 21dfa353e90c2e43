/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-backend.c: the reference booking backend: options, start-up and the test control channel. */

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spa-server.h"

#define MAX_TOKEN_BYTES 4096

typedef struct
{
  GMainLoop        *loop;
  SpaFaults        *faults;
  GDataInputStream *control;
} Backend;

static gboolean
quit_on_signal (gpointer user_data)
{
  Backend *backend = user_data;

  g_main_loop_quit (backend->loop);
  return G_SOURCE_CONTINUE;
}

static void read_next_command (Backend *backend);

static void
command_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Backend *backend = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *answer = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result,
                                                    NULL, &error);
  if (line == NULL)
    {
      /* The test that drives us is gone: so are we. */
      if (error != NULL)
        g_printerr ("spa-backend: control: %s\n", error->message);
      g_main_loop_quit (backend->loop);
      return;
    }

  answer = spa_faults_handle_command (backend->faults, line);
  printf ("%s\n", answer);
  fflush (stdout);
  read_next_command (backend);
}

static void
read_next_command (Backend *backend)
{
  g_data_input_stream_read_line_async (backend->control, G_PRIORITY_DEFAULT, NULL,
                                       command_read, backend);
}

static char *
read_token (const char  *path,
            GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;
  g_strstrip (text);
  if (*text == '\0' || strlen (text) > MAX_TOKEN_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: the token must be one line of 1 to 4096 characters", path);
      return NULL;
    }
  for (const char *p = text; *p; p++)
    if (*p < 0x21 || *p > 0x7e)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "%s: the token must be printable ASCII without spaces", path);
        return NULL;
      }
  return g_steal_pointer (&text);
}

static int
fail (const char   *what,
      const GError *error)
{
  g_printerr ("spa-backend: %s: %s\n", what, error->message);
  return EXIT_FAILURE;
}

typedef struct
{
  int       port;
  char     *address;
  char     *cert;
  char     *key;
  char     *db;
  char     *seed;
  char     *token_file;
  gboolean  control_stdin;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->address);
  g_free (options->cert);
  g_free (options->key);
  g_free (options->db);
  g_free (options->seed);
  g_free (options->token_file);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_options (Options   *options,
               int       *argc,
               char    ***argv,
               GError   **error)
{
  GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &options->port,
      "Port to listen on (0: any free one)", "N" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &options->address,
      "Loopback address (default 127.0.0.1)", "IP" },
    { "cert", 0, 0, G_OPTION_ARG_FILENAME, &options->cert,
      "Server certificate (PEM)", "FILE" },
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &options->key,
      "Server private key (PEM)", "FILE" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &options->db,
      "SQLite database (created if missing)", "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_FILENAME, &options->seed,
      "Services and opening hours (JSON)", "FILE" },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &options->token_file,
      "File holding the kiosk's bearer token", "FILE" },
    { "control-stdin", 0, 0, G_OPTION_ARG_NONE, &options->control_stdin,
      "Read test fault commands from stdin", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;

  context = g_option_context_new ("- reference booking backend for the Matrix Spa kiosk");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (options->cert == NULL || options->key == NULL || options->db == NULL
      || options->token_file == NULL || options->port < 0 || options->port > 65535)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--cert, --key, --db and --token-file are required, "
                           "--port is 0 to 65535");
      return FALSE;
    }
  if (options->address == NULL)
    options->address = g_strdup ("127.0.0.1");
  if (options->seed == NULL)
    options->seed = g_strdup (SPA_BACKEND_SEED);
  return TRUE;
}

static void
run (Backend *backend,
     Options *options)
{
  backend->loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_on_signal, backend);
  g_unix_signal_add (SIGINT, quit_on_signal, backend);
  if (options->control_stdin)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      backend->control = g_data_input_stream_new (in);
      read_next_command (backend);
    }

  g_main_loop_run (backend->loop);

  g_clear_object (&backend->control);
  g_main_loop_unref (backend->loop);
}

int
main (int    argc,
      char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpaCatalog) catalog = NULL;
  g_autoptr(SpaStore) store = NULL;
  g_autoptr(SpaFaults) faults = NULL;
  g_autoptr(SpaServer) server = NULL;
  g_autofree char *token = NULL;
  Backend backend = { 0 };

  if (!parse_options (&options, &argc, &argv, &error))
    return fail ("options", error);
  if ((token = read_token (options.token_file, &error)) == NULL)
    return fail ("token", error);
  if ((catalog = spa_catalog_new_from_file (options.seed, &error)) == NULL)
    return fail ("seed", error);
  if ((store = spa_store_open (options.db, &error)) == NULL)
    return fail ("database", error);

  faults = spa_faults_new ();
  server = spa_server_new (catalog, store, faults, token);
  if (!spa_server_listen (server, options.address, (guint) options.port,
                          options.cert, options.key, &error))
    return fail ("listen", error);

  printf ("listening on %s\n", spa_server_get_url (server));
  fflush (stdout);

  backend.faults = faults;
  run (&backend, &options);
  return EXIT_SUCCESS;
}
