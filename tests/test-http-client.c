/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-http-client.c: the hardened libcurl client against the real spa-backend on loopback. */

#include "config.h"

#include <string.h>

#include "kiosk-api-client.h"
#include "kiosk-http-client.h"
#include "kiosk-json.h"
#include "kiosk-test-backend.h"

/* Generous: the machine is shared and busy. Nothing here should take it. */
#define DEADLINE_SECONDS 60

typedef struct
{
  KioskTestBackend *backend;
  KioskBackendConfig *config;
  KioskHttpClient *client;
  char *token;
} Fixture;

typedef struct
{
  gboolean done;
  KioskHttpResponse *response;
  GError *error;
} Result;

static gboolean
deadline_cb (gpointer user_data)
{
  g_error ("a request did not finish within %d seconds", DEADLINE_SECONDS);
  return G_SOURCE_REMOVE;
}

static void
wait_until (gboolean *done)
{
  guint deadline = g_timeout_add_seconds (DEADLINE_SECONDS, deadline_cb, NULL);

  while (!*done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);
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

static KioskBackendConfig *
config_for (KioskTestBackend *backend,
            const char       *token)
{
  g_autoptr(GError) error = NULL;
  KioskBackendConfig *config;

  config = kiosk_backend_config_new (kiosk_test_backend_get_url (backend),
                                     token,
                                     "lobby-1", &error);
  g_assert_no_error (error);
  kiosk_backend_config_set_ca_file (config, kiosk_test_backend_get_ca_file (backend));
  kiosk_backend_config_set_connect_timeout_ms (config, 5000);
  kiosk_backend_config_set_timeout_ms (config, 20000);

  return config;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->backend = kiosk_test_backend_start (GPOINTER_TO_UINT (data));
  fixture->token = read_token (fixture->backend);
  fixture->config = config_for (fixture->backend, fixture->token);
  fixture->client = kiosk_http_client_new (fixture->config);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (kiosk_http_client_get_n_active (fixture->client), ==, 0);
  g_assert_finalize_object (fixture->client);
  g_clear_pointer (&fixture->config, kiosk_backend_config_unref);
  g_clear_pointer (&fixture->backend, kiosk_test_backend_free);
  g_clear_pointer (&fixture->token, g_free);
}

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;

  r->response = kiosk_http_client_request_finish (KIOSK_HTTP_CLIENT (object), result, &r->error);
  r->done = TRUE;
}

static char *
url_for (Fixture    *fixture,
         const char *path)
{
  return g_strconcat (kiosk_test_backend_get_url (fixture->backend), path, NULL);
}

static void
start_get (KioskHttpClient *client,
           const char      *url,
           const char      *token,
           GCancellable    *cancellable,
           Result          *r)
{
  g_autofree char *authorization = g_strconcat ("Authorization: Bearer ", token, NULL);
  const char *headers[] = { authorization, "Accept: application/json", NULL };

  kiosk_http_client_request_async (client, "GET", url, headers, NULL, cancellable, request_cb, r);
}

/* GET @path with the backend's token; waits for the answer. */
static Result
get (Fixture    *fixture,
     const char *path)
{
  g_autofree char *url = url_for (fixture, path);
  Result r = { FALSE, NULL, NULL };

  start_get (fixture->client, url, fixture->token, NULL, &r);
  wait_until (&r.done);

  return r;
}

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->response, kiosk_http_response_free);
  g_clear_error (&r->error);
}

static void
assert_error (Result       *r,
              int           code)
{
  g_assert_null (r->response);
  g_assert_error (r->error, KIOSK_API_ERROR, code);
  g_test_message ("error as a person sees it: %s", r->error->message);
  result_clear (r);
}

static void
test_good_request (Fixture       *fixture,
                   gconstpointer  data)
{
  Result r = get (fixture, "v1/health");
  g_autoptr(json_object) root = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *body;

  g_assert_no_error (r.error);
  g_assert_cmpuint (kiosk_http_response_get_status (r.response), ==, 200);
  g_assert_cmpstr (kiosk_http_response_get_content_type (r.response), ==, "application/json");
  g_assert_nonnull (kiosk_http_response_get_header (r.response, "Content-Type"));

  body = kiosk_http_response_get_body (r.response);
  root = kiosk_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), 4, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_is_type (root, json_type_object));
  result_clear (&r);
}

static void
test_wrong_token_is_an_answer (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *url = url_for (fixture, "v1/health");
  Result r = { FALSE, NULL, NULL };

  start_get (fixture->client, url, "not-the-token", NULL, &r);
  wait_until (&r.done);

  g_assert_no_error (r.error);
  g_assert_cmpuint (kiosk_http_response_get_status (r.response), ==, 401);
  result_clear (&r);
}

static void
test_many_at_once (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *url = url_for (fixture, "v1/services");
  Result r[8] = { { FALSE, NULL, NULL }, };

  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    start_get (fixture->client, url, fixture->token, NULL, &r[i]);
  g_assert_cmpuint (kiosk_http_client_get_n_active (fixture->client), ==, G_N_ELEMENTS (r));

  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    {
      wait_until (&r[i].done);
      g_assert_no_error (r[i].error);
      g_assert_cmpuint (kiosk_http_response_get_status (r[i].response), ==, 200);
      result_clear (&r[i]);
    }
}

static void
test_untrusted_certificate (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(KioskHttpClient) client = NULL;
  Result r;

  /* A CA that signed nothing here. */
  kiosk_backend_config_set_ca_file (fixture->config,
                                    kiosk_test_backend_get_other_ca_file (fixture->backend));
  r = get (fixture, "v1/health");
  assert_error (&r, KIOSK_API_ERROR_CERTIFICATE);

  /* The system's authorities do not know the test CA either. */
  kiosk_backend_config_set_ca_file (fixture->config, NULL);
  r = get (fixture, "v1/health");
  assert_error (&r, KIOSK_API_ERROR_CERTIFICATE);
}

static void
test_wrong_host_certificate (Fixture       *fixture,
                             gconstpointer  data)
{
  Result r = get (fixture, "v1/health");

  assert_error (&r, KIOSK_API_ERROR_CERTIFICATE);
}

static void
test_pinned_key (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *wrong[] = { "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", NULL };
  const char *backup[] = { wrong[0], kiosk_test_backend_get_pin (fixture->backend), NULL };
  g_autoptr(GError) error = NULL;
  Result r;

  kiosk_backend_config_set_pinned_keys (fixture->config, wrong, &error);
  g_assert_no_error (error);
  r = get (fixture, "v1/health");
  assert_error (&r, KIOSK_API_ERROR_CERTIFICATE);

  /* The right key as the backup pin is accepted. */
  kiosk_backend_config_set_pinned_keys (fixture->config, backup, &error);
  g_assert_no_error (error);
  r = get (fixture, "v1/health");
  g_assert_no_error (r.error);
  g_assert_cmpuint (kiosk_http_response_get_status (r.response), ==, 200);
  result_clear (&r);
}

/* A plain TCP socket on loopback that listens and never accepts. */
static GSocket *
listen_without_accepting (guint  backlog,
                          guint *port)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *socket;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any_port, TRUE, &error);
  g_assert_no_error (error);
  g_socket_set_listen_backlog (socket, backlog);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);

  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  return socket;
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  wait_until (&done);
}

static void
test_http_refused_before_connecting (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GSocket) listener = NULL;
  g_autofree char *url = NULL;
  Result r = { FALSE, NULL, NULL };
  guint port = 0;

  listener = listen_without_accepting (8, &port);
  url = g_strdup_printf ("http://127.0.0.1:%u/v1/health", port);

  start_get (fixture->client, url, "token", NULL, &r);
  wait_until (&r.done);
  g_assert_error (r.error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG);
  g_assert_nonnull (strstr (r.error->message, "https://"));
  result_clear (&r);

  /* Nobody knocked: the listener has no connection waiting. */
  run_for (200);
  g_assert_cmpint (g_socket_condition_check (listener, G_IO_IN), ==, 0);
}

static void
test_redirect_not_followed (Fixture       *fixture,
                            gconstpointer  data)
{
  Result r;

  kiosk_test_backend_fault (fixture->backend, "redirect", 1, 0);
  r = get (fixture, "v1/health");

  g_assert_no_error (r.error);
  g_assert_cmpuint (kiosk_http_response_get_status (r.response), ==, 302);
  g_assert_nonnull (kiosk_http_response_get_header (r.response, "Location"));
  result_clear (&r);
}

static void
test_connect_timeout (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(GSocketClient) filler = g_socket_client_new ();
  g_autoptr(GPtrArray) fillers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *url = NULL;
  Result r = { FALSE, NULL, NULL };
  gint64 started, elapsed_ms;
  guint port = 0;

  /* Fill the accept queue so the kernel drops the next handshake; had it
   * room, the TLS handshake would hang instead, which curl's connect
   * timeout covers as well. */
  listener = listen_without_accepting (0, &port);
  g_socket_client_set_timeout (filler, 1);
  for (guint i = 0; i < 2; i++)
    {
      GSocketConnection *c = NULL;

      c = g_socket_client_connect_to_host (filler, "127.0.0.1", port, NULL, NULL);

      if (c != NULL)
        g_ptr_array_add (fillers, c);
    }

  kiosk_backend_config_set_connect_timeout_ms (fixture->config, 500);
  url = g_strdup_printf ("https://127.0.0.1:%u/v1/health", port);

  started = g_get_monotonic_time ();
  start_get (fixture->client, url, "token", NULL, &r);
  wait_until (&r.done);
  elapsed_ms = (g_get_monotonic_time () - started) / 1000;

  g_test_message ("connect timeout of 500 ms gave up after %" G_GINT64_FORMAT " ms", elapsed_ms);
  g_assert_cmpint (elapsed_ms, >=, 450);
  g_assert_cmpint (elapsed_ms, <, 5000);
  assert_error (&r, KIOSK_API_ERROR_UNREACHABLE);
}

static void
test_connection_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *url = NULL;
  Result r = { FALSE, NULL, NULL };
  guint port = 0;

  /* A port that was just free and has nobody listening on it. */
  g_object_unref (listen_without_accepting (1, &port));
  url = g_strdup_printf ("https://127.0.0.1:%u/v1/health", port);

  start_get (fixture->client, url, "token", NULL, &r);
  wait_until (&r.done);
  assert_error (&r, KIOSK_API_ERROR_UNREACHABLE);
}

static void
test_drip_aborted_by_low_speed_limit (Fixture       *fixture,
                                      gconstpointer  data)
{
  gint64 started, elapsed_ms;
  Result r;

  kiosk_backend_config_set_low_speed (fixture->config, 100, 2);
  kiosk_backend_config_set_timeout_ms (fixture->config, 60000);
  kiosk_test_backend_fault (fixture->backend, "drip", 1, 1000);

  started = g_get_monotonic_time ();
  r = get (fixture, "v1/services");
  elapsed_ms = (g_get_monotonic_time () - started) / 1000;

  g_test_message ("a one-byte-per-second answer was dropped after %" G_GINT64_FORMAT " ms",
                  elapsed_ms);
  g_assert_cmpint (elapsed_ms, >=, 1500);
  g_assert_cmpint (elapsed_ms, <, 15000);
  g_assert_nonnull (r.error);
  g_assert_nonnull (strstr (r.error->message, "too slow"));
  assert_error (&r, KIOSK_API_ERROR_UNREACHABLE);
}

static void
test_oversized (Fixture       *fixture,
                gconstpointer  data)
{
  Result r;

  kiosk_test_backend_fault (fixture->backend, "oversized", 1, 0);
  r = get (fixture, "v1/services");
  g_assert_nonnull (r.error);
  g_assert_nonnull (strstr (r.error->message, "too large"));
  assert_error (&r, KIOSK_API_ERROR_PROTOCOL);

  /* The limit is the configuration's: a normal answer over a tiny limit fails too. */
  kiosk_backend_config_set_max_response_size (fixture->config, 16);
  r = get (fixture, "v1/services");
  assert_error (&r, KIOSK_API_ERROR_PROTOCOL);
}

static void
test_truncated_and_dropped (Fixture       *fixture,
                            gconstpointer  data)
{
  Result r;

  kiosk_test_backend_fault (fixture->backend, "truncated", 1, 0);
  r = get (fixture, "v1/services");
  assert_error (&r, KIOSK_API_ERROR_PROTOCOL);

  kiosk_test_backend_fault (fixture->backend, "drop", 1, 0);
  r = get (fixture, "v1/services");
  assert_error (&r, KIOSK_API_ERROR_UNREACHABLE);

  /* And the next request goes through on a fresh connection. */
  r = get (fixture, "v1/services");
  g_assert_no_error (r.error);
  g_assert_cmpuint (kiosk_http_response_get_status (r.response), ==, 200);
  result_clear (&r);
}

/* Connections to @port in the ESTABLISHED state seen from the server's end,
 * read from the kernel's table (the backend shares our network namespace). */
static guint
count_established_to (guint port)
{
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *local = g_strdup_printf (":%04X", port);
  guint count = 0;

  g_assert_true (g_file_get_contents ("/proc/net/tcp", &table, NULL, NULL));
  lines = g_strsplit (table, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) columns = g_ptr_array_new ();

      for (guint j = 0; fields[j] != NULL; j++)
        if (*fields[j] != '\0')
          g_ptr_array_add (columns, fields[j]);

      if (columns->len > 3 && g_str_has_suffix (columns->pdata[1], local)
          && g_str_equal (columns->pdata[3], "01"))
        count++;
    }

  return count;
}

static guint
backend_port (Fixture *fixture)
{
  const char *url = kiosk_test_backend_get_url (fixture->backend);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_uri_get_port (uri);
}

static void
wait_for_established (guint port,
                      guint wanted)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (count_established_to (port) != wanted)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the backend never had %u established connections", wanted);
      run_for (20);
    }
}

static void
test_cancel_in_flight (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = url_for (fixture, "v1/services");
  guint port = backend_port (fixture);
  guint before = count_established_to (port);
  Result r = { FALSE, NULL, NULL };
  gint64 cancelled_at;

  kiosk_test_backend_fault (fixture->backend, "slow", 1, 15000);
  start_get (fixture->client, url, fixture->token, cancellable, &r);

  /* The request reaches the backend, which sits on it. */
  wait_for_established (port, before + 1);
  run_for (200);
  g_assert_false (r.done);

  cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  wait_until (&r.done);
  g_test_message ("cancel returned after %" G_GINT64_FORMAT " µs",
                  g_get_monotonic_time () - cancelled_at);
  g_assert_true (kiosk_api_error_is_cancelled (r.error));
  assert_error (&r, KIOSK_API_ERROR_CANCELLED);
  g_assert_cmpuint (kiosk_http_client_get_n_active (fixture->client), ==, 0);

  /* The backend saw the connection close, long before its 15 s were up. */
  wait_for_established (port, before);
  g_assert_cmpint (g_get_monotonic_time () - cancelled_at, <, 10 * G_USEC_PER_SEC);
}

static void
test_cancelled_before_start (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = url_for (fixture, "v1/services");
  Result r = { FALSE, NULL, NULL };

  g_cancellable_cancel (cancellable);
  start_get (fixture->client, url, fixture->token, cancellable, &r);
  g_assert_false (r.done);
  wait_until (&r.done);
  assert_error (&r, KIOSK_API_ERROR_CANCELLED);
}

typedef struct
{
  gint64 last;
  gint64 worst_late;
  guint ticks;
} Ticker;

static gboolean
tick_cb (gpointer user_data)
{
  Ticker *ticker = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 late = now - ticker->last - 10000;

  ticker->worst_late = MAX (ticker->worst_late, late);
  ticker->last = now;
  ticker->ticks++;

  return G_SOURCE_CONTINUE;
}

/* A sanitizer build runs everything several times slower: .ci/sanitize sets
 * KIOSK_TEST_TIMING_FACTOR so that the bound stays about the code, not ASan. */
static gint64
timing_factor (void)
{
  const char *factor = g_getenv ("KIOSK_TEST_TIMING_FACTOR");

  return factor != NULL ? CLAMP (g_ascii_strtoll (factor, NULL, 10), 1, 10) : 1;
}

static void
test_main_loop_keeps_ticking (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *url = url_for (fixture, "v1/services");
  Ticker ticker = { g_get_monotonic_time (), 0, 0 };
  Result r = { FALSE, NULL, NULL };
  gint64 started = g_get_monotonic_time ();
  guint tick_id;

  kiosk_test_backend_fault (fixture->backend, "slow", 1, 5000);
  tick_id = g_timeout_add (10, tick_cb, &ticker);
  start_get (fixture->client, url, fixture->token, NULL, &r);
  wait_until (&r.done);
  g_source_remove (tick_id);

  g_test_message ("waited %" G_GINT64_FORMAT " ms for the answer; %u ticks of 10 ms, "
                  "the latest %" G_GINT64_FORMAT " µs late",
                  (g_get_monotonic_time () - started) / 1000, ticker.ticks, ticker.worst_late);
  g_assert_no_error (r.error);
  g_assert_cmpuint (kiosk_http_response_get_status (r.response), ==, 200);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 5 * G_USEC_PER_SEC);
  g_assert_cmpuint (ticker.ticks, >, 100);
  g_assert_cmpint (ticker.worst_late, <, 50000 * timing_factor ());
  result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, flags) \
  g_test_add ("/kiosk/http-client/" path, Fixture, GUINT_TO_POINTER (flags), \
              fixture_set_up, func, fixture_tear_down)

  ADD ("good-request", test_good_request, KIOSK_TEST_BACKEND_NONE);
  ADD ("wrong-token-is-an-answer", test_wrong_token_is_an_answer, KIOSK_TEST_BACKEND_NONE);
  ADD ("many-at-once", test_many_at_once, KIOSK_TEST_BACKEND_NONE);
  ADD ("untrusted-certificate", test_untrusted_certificate, KIOSK_TEST_BACKEND_NONE);
  ADD ("wrong-host-certificate", test_wrong_host_certificate, KIOSK_TEST_BACKEND_WRONG_HOST_CERT);
  ADD ("pinned-key", test_pinned_key, KIOSK_TEST_BACKEND_NONE);
  ADD ("http-refused-before-connecting", test_http_refused_before_connecting,
       KIOSK_TEST_BACKEND_NONE);
  ADD ("redirect-not-followed", test_redirect_not_followed, KIOSK_TEST_BACKEND_NONE);
  ADD ("connect-timeout", test_connect_timeout, KIOSK_TEST_BACKEND_NONE);
  ADD ("connection-refused", test_connection_refused, KIOSK_TEST_BACKEND_NONE);
  ADD ("drip-aborted-by-low-speed-limit", test_drip_aborted_by_low_speed_limit,
       KIOSK_TEST_BACKEND_NONE);
  ADD ("oversized", test_oversized, KIOSK_TEST_BACKEND_NONE);
  ADD ("truncated-and-dropped", test_truncated_and_dropped, KIOSK_TEST_BACKEND_NONE);
  ADD ("cancel-in-flight", test_cancel_in_flight, KIOSK_TEST_BACKEND_NONE);
  ADD ("cancelled-before-start", test_cancelled_before_start, KIOSK_TEST_BACKEND_NONE);
  ADD ("main-loop-keeps-ticking", test_main_loop_keeps_ticking, KIOSK_TEST_BACKEND_NONE);

  return g_test_run ();
}
