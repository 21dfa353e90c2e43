/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-http-client.c: hardened HTTPS with libcurl's multi interface on the GLib main loop. */

#include "config.h"

#include <curl/curl.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-api-client.h"
#include "kiosk-http-client.h"

#define USER_AGENT "spa-kiosk/" PACKAGE_VERSION

/* Headers are small in this API; a flood of them is refused like a body
 * that is too large. */
#define MAX_HEADER_BYTES (64 * 1024)

struct _KioskHttpClient
{
  GObject parent_instance;

  KioskBackendConfig *config;
  GMainContext *context;

  CURLM *multi;
  GSource *timer;            /* the one replaceable timer curl asks for */
  GHashTable *watches;       /* curl_socket_t → GSource watching it */
  GHashTable *transfers;     /* set of GTask in flight, owned */
};

struct _KioskHttpResponse
{
  guint status;
  GHashTable *headers;       /* lower-case name → value */
  GBytes *body;
};

/* The task data of one request. */
typedef struct
{
  KioskHttpClient *client;   /* the task's source object keeps it alive */
  CURL *easy;
  struct curl_slist *headers;
  GBytes *body;              /* curl reads POSTFIELDS from it in place */
  GSource *cancel_source;
  gint64 started;

  GByteArray *received;
  gsize max_size;
  gboolean too_large;
  GHashTable *response_headers;
  gsize header_bytes;
  CURLcode result;
  char error_buffer[CURL_ERROR_SIZE];
} Transfer;

G_DEFINE_FINAL_TYPE (KioskHttpClient, kiosk_http_client, G_TYPE_OBJECT)

static void check_multi_info (KioskHttpClient *self);

static void
destroy_and_unref_source (GSource *source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

static GHashTable *
new_header_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The headers carry the bearer token: wipe them before freeing. */
static void
wipe_header_list (struct curl_slist *list)
{
  for (struct curl_slist *l = list; l != NULL; l = l->next)
    explicit_bzero (l->data, strlen (l->data));
  curl_slist_free_all (list);
}

static void
transfer_free (Transfer *transfer)
{
  /* The handle has already left the multi handle (transfer_detach). */
  g_clear_pointer (&transfer->easy, curl_easy_cleanup);
  g_clear_pointer (&transfer->headers, wipe_header_list);
  g_clear_pointer (&transfer->body, g_bytes_unref);
  g_clear_pointer (&transfer->cancel_source, destroy_and_unref_source);
  if (transfer->received != NULL)
    g_byte_array_unref (transfer->received);
  g_clear_pointer (&transfer->response_headers, g_hash_table_unref);
  g_free (transfer);
}

/* ---- the answer ---- */

guint
kiosk_http_response_get_status (KioskHttpResponse *response)
{
  g_return_val_if_fail (response != NULL, 0);
  return response->status;
}

/**
 * kiosk_http_response_get_header:
 * @response: a #KioskHttpResponse
 * @name: a header name, in any case
 *
 * Returns: (nullable): the value of the last header of that name
 */
const char *
kiosk_http_response_get_header (KioskHttpResponse *response,
                                const char        *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (response != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  lower = g_ascii_strdown (name, -1);
  return g_hash_table_lookup (response->headers, lower);
}

/**
 * kiosk_http_response_get_content_type:
 * @response: a #KioskHttpResponse
 *
 * Returns: (nullable): the media type without parameters, in lower case
 */
const char *
kiosk_http_response_get_content_type (KioskHttpResponse *response)
{
  g_return_val_if_fail (response != NULL, NULL);
  return g_hash_table_lookup (response->headers, ":media-type");
}

/**
 * kiosk_http_response_get_body:
 * @response: a #KioskHttpResponse
 *
 * Returns: (transfer none): the body, possibly empty, never larger than the
 *   configured maximum
 */
GBytes *
kiosk_http_response_get_body (KioskHttpResponse *response)
{
  g_return_val_if_fail (response != NULL, NULL);
  return response->body;
}

void
kiosk_http_response_free (KioskHttpResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->headers, g_hash_table_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

/* ---- libcurl's callbacks ---- */

static size_t
write_cb (char   *data,
          size_t  size,
          size_t  nmemb,
          void   *user_data)
{
  Transfer *transfer = user_data;
  gsize length = size * nmemb;

  /* Refused here, while the bytes arrive: before curl 8.4 the
   * CURLOPT_MAXFILESIZE limit does not stop a transfer already running. */
  if (length > transfer->max_size - transfer->received->len)
    {
      transfer->too_large = TRUE;
      return 0;
    }

  g_byte_array_append (transfer->received, (const guint8 *) data, length);
  return length;
}

static void
store_header (Transfer   *transfer,
              const char *line,
              gsize       length)
{
  const char *colon = memchr (line, ':', length);
  g_autofree char *name = NULL;
  char *value;

  if (colon == NULL || colon == line)
    return;

  name = g_ascii_strdown (line, colon - line);
  value = g_strstrip (g_strndup (colon + 1, length - (colon + 1 - line)));

  if (g_str_equal (name, "content-type"))
    {
      g_autofree char *media_type = g_strndup (value, strcspn (value, ";"));

      g_hash_table_replace (transfer->response_headers, g_strdup (":media-type"),
                            g_ascii_strdown (g_strstrip (media_type), -1));
    }

  g_hash_table_replace (transfer->response_headers, g_steal_pointer (&name), value);
}

static size_t
header_cb (char   *data,
           size_t  size,
           size_t  nmemb,
           void   *user_data)
{
  Transfer *transfer = user_data;
  gsize length = size * nmemb;

  transfer->header_bytes += length;
  if (transfer->header_bytes > MAX_HEADER_BYTES)
    {
      transfer->too_large = TRUE;
      return 0;
    }

  /* A status line starts a new set of headers (after a 100 Continue). */
  if (length >= 5 && memcmp (data, "HTTP/", 5) == 0)
    g_hash_table_remove_all (transfer->response_headers);
  else
    store_header (transfer, data, length);

  return length;
}

static gboolean
socket_event_cb (int           fd,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  KioskHttpClient *self = user_data;
  int action = 0;
  int running = 0;

  if (condition & (G_IO_IN | G_IO_HUP))
    action |= CURL_CSELECT_IN;
  if (condition & G_IO_OUT)
    action |= CURL_CSELECT_OUT;
  if (condition & G_IO_ERR)
    action |= CURL_CSELECT_ERR;

  g_object_ref (self);
  curl_multi_socket_action (self->multi, fd, action, &running);
  check_multi_info (self);
  g_object_unref (self);

  /* curl removes the watch itself (CURL_POLL_REMOVE) when it is done with it. */
  return G_SOURCE_CONTINUE;
}

/* CURLMOPT_SOCKETFUNCTION: watch exactly what curl asks for on each socket. */
static int
socket_cb (CURL          *easy,
           curl_socket_t  fd,
           int            what,
           void          *user_data,
           void          *socket_data)
{
  KioskHttpClient *self = user_data;
  GIOCondition condition = 0;
  GSource *source;

  g_hash_table_remove (self->watches, GINT_TO_POINTER (fd));
  if (what == CURL_POLL_REMOVE)
    return 0;

  if (what & CURL_POLL_IN)
    condition |= G_IO_IN;
  if (what & CURL_POLL_OUT)
    condition |= G_IO_OUT;

  source = g_unix_fd_source_new (fd, condition);
  g_source_set_callback (source, G_SOURCE_FUNC (socket_event_cb), self, NULL);
  g_source_set_static_name (source, "[kiosk-http-client socket]");
  g_source_attach (source, self->context);
  g_hash_table_insert (self->watches, GINT_TO_POINTER (fd), source);

  return 0;
}

static gboolean
timer_fired_cb (gpointer user_data)
{
  KioskHttpClient *self = user_data;
  int running = 0;

  g_clear_pointer (&self->timer, destroy_and_unref_source);

  g_object_ref (self);
  curl_multi_socket_action (self->multi, CURL_SOCKET_TIMEOUT, 0, &running);
  check_multi_info (self);
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

/* CURLMOPT_TIMERFUNCTION: one timer, replaced each time curl asks. */
static int
timer_cb (CURLM    *multi,
          long      timeout_ms,
          void     *user_data)
{
  KioskHttpClient *self = user_data;

  g_clear_pointer (&self->timer, destroy_and_unref_source);

  if (timeout_ms >= 0)
    {
      self->timer = g_timeout_source_new (MIN (timeout_ms, G_MAXUINT));
      g_source_set_callback (self->timer, timer_fired_cb, self, NULL);
      g_source_set_static_name (self->timer, "[kiosk-http-client timer]");
      g_source_attach (self->timer, self->context);
    }

  return 0;
}

/* ---- errors ---- */

static GError *
curl_code_to_error (CURLcode    code,
                    const char *detail)
{
  KioskApiError api_code;
  const char *message;

  switch (code)
    {
    case CURLE_UNSUPPORTED_PROTOCOL:
      api_code = KIOSK_API_ERROR_CONFIG;
      message = _("The booking system’s address must start with https://");
      break;

    case CURLE_URL_MALFORMAT:
      api_code = KIOSK_API_ERROR_CONFIG;
      message = _("The booking system’s address is not a valid address");
      break;

    case CURLE_FAILED_INIT:
    case CURLE_NOT_BUILT_IN:
    case CURLE_BAD_FUNCTION_ARGUMENT:
    case CURLE_UNKNOWN_OPTION:
    case CURLE_SETOPT_OPTION_SYNTAX:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CIPHER:
    case CURLE_INTERFACE_FAILED:
      api_code = KIOSK_API_ERROR_CONFIG;
      message = _("The kiosk cannot set up a secure connection to the booking system");
      break;

    case CURLE_OBSOLETE51:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
      api_code = KIOSK_API_ERROR_CERTIFICATE;
      message = _("The booking system’s certificate is not trusted");
      break;

    case CURLE_OPERATION_TIMEDOUT:
      api_code = KIOSK_API_ERROR_UNREACHABLE;
      message = _("Cannot reach the spa’s booking system: it did not answer in time");
      break;

    case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_FILESIZE_EXCEEDED:
    case CURLE_TOO_MANY_REDIRECTS:
    case CURLE_RANGE_ERROR:
    case CURLE_CHUNK_FAILED:
      api_code = KIOSK_API_ERROR_PROTOCOL;
      message = _("The booking system answered something the kiosk does not understand");
      break;

    case CURLE_AUTH_ERROR:
    case CURLE_LOGIN_DENIED:
    case CURLE_REMOTE_ACCESS_DENIED:
      api_code = KIOSK_API_ERROR_UNAUTHORIZED;
      message = _("The booking system refused this kiosk’s token");
      break;

    case CURLE_ABORTED_BY_CALLBACK:
      api_code = KIOSK_API_ERROR_CANCELLED;
      message = _("The request was cancelled");
      break;

    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_AGAIN:
    case CURLE_NO_CONNECTION_AVAILABLE:
    case CURLE_QUIC_CONNECT_ERROR:
    case CURLE_PROXY:
    case CURLE_UNRECOVERABLE_POLL:
    case CURLE_OUT_OF_MEMORY:
    default:
      api_code = KIOSK_API_ERROR_UNREACHABLE;
      message = _("Cannot reach the spa’s booking system");
      break;
    }

  if (detail == NULL || *detail == '\0')
    detail = curl_easy_strerror (code);

  return g_error_new (KIOSK_API_ERROR, api_code, "%s (%s)", message, detail);
}

static GError *
transfer_to_error (Transfer *transfer)
{
  if (transfer->too_large)
    return g_error_new (KIOSK_API_ERROR, KIOSK_API_ERROR_PROTOCOL,
                        _("The booking system answered something the kiosk does not understand "
                          "(the answer is too large: the kiosk accepts at most "
                          "%" G_GSIZE_FORMAT " bytes)"),
                        transfer->max_size);

  return curl_code_to_error (transfer->result, g_strchomp (transfer->error_buffer));
}

/* ---- transfers ---- */

/* Takes the transfer out of curl and out of the set in flight; the caller
 * gets the set's reference to the task. */
static GTask *
transfer_detach (KioskHttpClient *self,
                 GTask           *task)
{
  Transfer *transfer = g_task_get_task_data (task);

  if (!g_hash_table_steal (self->transfers, task))
    return NULL;

  curl_multi_remove_handle (self->multi, transfer->easy);
  g_clear_pointer (&transfer->cancel_source, destroy_and_unref_source);

  return task;
}

static void
transfer_complete (GTask *task)
{
  Transfer *transfer = g_task_get_task_data (task);
  KioskHttpResponse *response;
  long status = 0;

  if (transfer->too_large || transfer->result != CURLE_OK)
    {
      g_autoptr(GError) error = transfer_to_error (transfer);

      g_debug ("HTTP request failed after %" G_GINT64_FORMAT " ms: %s",
               (g_get_monotonic_time () - transfer->started) / 1000, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  curl_easy_getinfo (transfer->easy, CURLINFO_RESPONSE_CODE, &status);
  g_debug ("HTTP status %ld after %" G_GINT64_FORMAT " ms", status,
           (g_get_monotonic_time () - transfer->started) / 1000);

  response = g_new0 (KioskHttpResponse, 1);
  response->status = CLAMP (status, 0, 999);
  response->headers = g_steal_pointer (&transfer->response_headers);
  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&transfer->received));

  g_task_return_pointer (task, response, (GDestroyNotify) kiosk_http_response_free);
}

static void
check_multi_info (KioskHttpClient *self)
{
  g_autoptr(GPtrArray) finished = g_ptr_array_new_with_free_func (g_object_unref);
  CURLMsg *msg;
  int left;

  /* Detach everything first and complete afterwards: a callback may start
   * or cancel other transfers, which must not happen mid-loop. */
  while ((msg = curl_multi_info_read (self->multi, &left)) != NULL)
    {
      GTask *task = NULL;
      Transfer *transfer;

      if (msg->msg != CURLMSG_DONE)
        continue;

      curl_easy_getinfo (msg->easy_handle, CURLINFO_PRIVATE, (char **) &task);
      transfer = g_task_get_task_data (task);
      transfer->result = msg->data.result;

      if (transfer_detach (self, task) != NULL)
        g_ptr_array_add (finished, task);
    }

  for (guint i = 0; i < finished->len; i++)
    transfer_complete (g_ptr_array_index (finished, i));
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  GTask *task = user_data;
  Transfer *transfer = g_task_get_task_data (task);
  g_autoptr(GTask) detached = transfer_detach (transfer->client, task);

  /* Removing the handle mid-transfer closes its connection. */
  if (detached != NULL)
    g_task_return_new_error (detached, KIOSK_API_ERROR, KIOSK_API_ERROR_CANCELLED,
                             _("The request was cancelled"));

  return G_SOURCE_REMOVE;
}

static struct curl_slist *
build_header_list (const char * const *headers)
{
  struct curl_slist *list = NULL;

  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    list = curl_slist_append (list, headers[i]);

  /* No "Expect: 100-continue" round trip for our small bodies. */
  return curl_slist_append (list, "Expect:");
}

/* The rules every request follows, whatever the caller asks. */
static gboolean
set_hardening (CURL               *easy,
               KioskBackendConfig *config)
{
  const char *ca_file = kiosk_backend_config_get_ca_file (config);
  const char *pins = kiosk_backend_config_get_pinned_keys (config);

  if (curl_easy_setopt (easy, CURLOPT_PROTOCOLS_STR, "https") != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_REDIR_PROTOCOLS_STR, "https") != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_SSL_VERIFYPEER, 1L) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_SSL_VERIFYHOST, 2L) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_SSLVERSION, (long) CURL_SSLVERSION_TLSv1_2) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_HTTP_VERSION, (long) CURL_HTTP_VERSION_1_1) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_NOSIGNAL, 1L) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_NOPROXY, "*") != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_PROXY, "") != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_VERBOSE, 0L) != CURLE_OK)
    return FALSE;

  /* A CA file replaces the system's authorities instead of adding to them. */
  if (ca_file != NULL
      && (curl_easy_setopt (easy, CURLOPT_CAINFO, ca_file) != CURLE_OK
          || curl_easy_setopt (easy, CURLOPT_CAPATH, NULL) != CURLE_OK))
    return FALSE;

  if (pins != NULL && curl_easy_setopt (easy, CURLOPT_PINNEDPUBLICKEY, pins) != CURLE_OK)
    return FALSE;

  return curl_easy_setopt (easy, CURLOPT_CONNECTTIMEOUT_MS,
                           (long) kiosk_backend_config_get_connect_timeout_ms (config)) == CURLE_OK
         && curl_easy_setopt (easy, CURLOPT_TIMEOUT_MS,
                              (long) kiosk_backend_config_get_timeout_ms (config)) == CURLE_OK
         && curl_easy_setopt (easy, CURLOPT_LOW_SPEED_LIMIT,
                              (long) kiosk_backend_config_get_low_speed_limit (config)) == CURLE_OK
         && curl_easy_setopt (easy, CURLOPT_LOW_SPEED_TIME,
                              (long) kiosk_backend_config_get_low_speed_time (config)) == CURLE_OK;
}

static gboolean
set_request (Transfer   *transfer,
             GTask      *task,
             const char *method,
             const char *url)
{
  CURL *easy = transfer->easy;

  if (curl_easy_setopt (easy, CURLOPT_URL, url) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_USERAGENT, USER_AGENT) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_HTTPHEADER, transfer->headers) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_WRITEFUNCTION, write_cb) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_WRITEDATA, transfer) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_HEADERFUNCTION, header_cb) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_HEADERDATA, transfer) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_ERRORBUFFER, transfer->error_buffer) != CURLE_OK
      || curl_easy_setopt (easy, CURLOPT_PRIVATE, task) != CURLE_OK)
    return FALSE;

  if (g_str_equal (method, "GET"))
    return curl_easy_setopt (easy, CURLOPT_HTTPGET, 1L) == CURLE_OK;

  return curl_easy_setopt (easy, CURLOPT_POST, 1L) == CURLE_OK
         && curl_easy_setopt (easy, CURLOPT_POSTFIELDSIZE_LARGE,
                              (curl_off_t) g_bytes_get_size (transfer->body)) == CURLE_OK
         && curl_easy_setopt (easy, CURLOPT_POSTFIELDS,
                              g_bytes_get_data (transfer->body, NULL)) == CURLE_OK;
}

static Transfer *
transfer_new (KioskHttpClient    *self,
              const char * const *headers,
              GBytes             *body)
{
  Transfer *transfer = g_new0 (Transfer, 1);

  transfer->client = self;
  transfer->easy = curl_easy_init ();
  transfer->headers = build_header_list (headers);
  transfer->body = body != NULL ? g_bytes_ref (body) : g_bytes_new_static ("", 0);
  transfer->received = g_byte_array_new ();
  transfer->max_size = kiosk_backend_config_get_max_response_size (self->config);
  transfer->response_headers = new_header_table ();
  transfer->started = g_get_monotonic_time ();

  return transfer;
}

/* Hands the transfer to curl and watches @cancellable on our context. If
 * curl refuses it, the task is taken back and fails in words at once. */
static void
transfer_start (KioskHttpClient *self,
                GTask           *task,
                GCancellable    *cancellable)
{
  Transfer *transfer = g_task_get_task_data (task);
  g_autoptr(GTask) detached = NULL;
  CURLMcode code;

  if (cancellable != NULL)
    {
      transfer->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (transfer->cancel_source, G_SOURCE_FUNC (cancelled_cb), task, NULL);
      g_source_set_static_name (transfer->cancel_source, "[kiosk-http-client cancel]");
      g_source_attach (transfer->cancel_source, self->context);
    }

  g_hash_table_add (self->transfers, g_object_ref (task));
  code = curl_multi_add_handle (self->multi, transfer->easy);
  if (code == CURLM_OK)
    return;

  g_debug ("HTTP request not started: %s", curl_multi_strerror (code));
  detached = transfer_detach (self, task);
  g_task_return_new_error (detached, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG, "%s",
                           _("The kiosk could not start a connection to the booking system"));
}

/**
 * kiosk_http_client_request_async:
 * @self: a #KioskHttpClient
 * @method: "GET" or "POST"
 * @url: an https:// URL; anything else fails before any connection
 * @headers: (nullable) (array zero-terminated=1): extra "Name: value" headers
 * @body: (nullable): the body of a POST
 * @cancellable: (nullable): cancels the transfer and closes its connection
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Sends one request with the configuration's TLS rules, timeouts and size
 * limit. Any HTTP status is a successful answer at this level.
 */
void
kiosk_http_client_request_async (KioskHttpClient     *self,
                                 const char          *method,
                                 const char          *url,
                                 const char * const  *headers,
                                 GBytes              *body,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Transfer *transfer;

  g_return_if_fail (KIOSK_IS_HTTP_CLIENT (self));
  g_return_if_fail (g_strcmp0 (method, "GET") == 0 || g_strcmp0 (method, "POST") == 0);
  g_return_if_fail (url != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_http_client_request_async);
  g_task_set_name (task, "[kiosk-http-client request]");
  /* Our own KIOSK_API_ERROR_CANCELLED reports a cancellation. */
  g_task_set_check_cancellable (task, FALSE);

  if (!kiosk_backend_config_check_url (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, KIOSK_API_ERROR, KIOSK_API_ERROR_CANCELLED,
                               _("The request was cancelled"));
      return;
    }

  transfer = transfer_new (self, headers, body);
  g_task_set_task_data (task, transfer, (GDestroyNotify) transfer_free);

  if (transfer->easy == NULL
      || !set_hardening (transfer->easy, self->config)
      || !set_request (transfer, task, method, url))
    {
      g_task_return_new_error (task, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG, "%s",
                               _("The kiosk cannot set up a secure connection "
                                 "to the booking system"));
      return;
    }

  transfer_start (self, task, cancellable);
}

/**
 * kiosk_http_client_request_finish:
 * @self: a #KioskHttpClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #KIOSK_API_ERROR
 *
 * Returns: (transfer full) (nullable): the answer, whatever its status
 */
KioskHttpResponse *
kiosk_http_client_request_finish (KioskHttpClient  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (KIOSK_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kiosk_http_client_request_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the object ---- */

static void
check_curl_features (void)
{
  static gsize checked = 0;

  if (g_once_init_enter (&checked))
    {
      const curl_version_info_data *info;

      curl_global_init (CURL_GLOBAL_DEFAULT);
      info = curl_version_info (CURLVERSION_NOW);
      /* Without an asynchronous resolver a slow DNS server blocks the main
       * loop and name resolution ignores the connect timeout. */
      if (!(info->features & CURL_VERSION_ASYNCHDNS))
        g_warning ("libcurl %s resolves names synchronously: "
                   "a slow DNS server will freeze the kiosk", info->version);
      g_once_init_leave (&checked, 1);
    }
}

static void
kiosk_http_client_finalize (GObject *object)
{
  KioskHttpClient *self = (KioskHttpClient *) object;

  /* Every task holds a reference to us, so none can be in flight. */
  g_assert (g_hash_table_size (self->transfers) == 0);

  /* Cleaning up may still call socket_cb and timer_cb for cached connections. */
  g_clear_pointer (&self->multi, curl_multi_cleanup);
  g_clear_pointer (&self->timer, destroy_and_unref_source);
  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_pointer (&self->transfers, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->config, kiosk_backend_config_unref);

  G_OBJECT_CLASS (kiosk_http_client_parent_class)->finalize (object);
}

static void
kiosk_http_client_class_init (KioskHttpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kiosk_http_client_finalize;

  check_curl_features ();
}

static void
kiosk_http_client_init (KioskHttpClient *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->watches = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) destroy_and_unref_source);
  self->transfers = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  self->multi = curl_multi_init ();
  curl_multi_setopt (self->multi, CURLMOPT_SOCKETFUNCTION, socket_cb);
  curl_multi_setopt (self->multi, CURLMOPT_SOCKETDATA, self);
  curl_multi_setopt (self->multi, CURLMOPT_TIMERFUNCTION, timer_cb);
  curl_multi_setopt (self->multi, CURLMOPT_TIMERDATA, self);
  curl_multi_setopt (self->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, 4L);
}

/**
 * kiosk_http_client_new:
 * @config: where the backend is and the rules to reach it
 *
 * Creates a client whose transfers run on the calling thread's default
 * main context.
 *
 * Returns: (transfer full): a new #KioskHttpClient
 */
KioskHttpClient *
kiosk_http_client_new (KioskBackendConfig *config)
{
  KioskHttpClient *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_HTTP_CLIENT, NULL);
  self->config = kiosk_backend_config_ref (config);

  return self;
}

/**
 * kiosk_http_client_get_config:
 * @self: a #KioskHttpClient
 *
 * Returns: (transfer none): the configuration
 */
KioskBackendConfig *
kiosk_http_client_get_config (KioskHttpClient *self)
{
  g_return_val_if_fail (KIOSK_IS_HTTP_CLIENT (self), NULL);
  return self->config;
}

/**
 * kiosk_http_client_get_n_active:
 * @self: a #KioskHttpClient
 *
 * Returns: how many transfers are in flight
 */
guint
kiosk_http_client_get_n_active (KioskHttpClient *self)
{
  g_return_val_if_fail (KIOSK_IS_HTTP_CLIENT (self), 0);
  return g_hash_table_size (self->transfers);
}
