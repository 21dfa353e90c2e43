/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-server.c: the booking API (docs/backend-api.md) over HTTPS with libsoup. */

#include "config.h"

#include <string.h>

#include "kiosk-json.h"
#include "spa-server-private.h"

#define API_VERSION 1

G_DEFINE_FINAL_TYPE (SpaServer, spa_server, G_TYPE_OBJECT)

static void
spa_server_dispose (GObject *object)
{
  SpaServer *self = SPA_SERVER (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->faults);

  G_OBJECT_CLASS (spa_server_parent_class)->dispose (object);
}

static void
spa_server_finalize (GObject *object)
{
  SpaServer *self = SPA_SERVER (object);

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  g_free (self->url);

  G_OBJECT_CLASS (spa_server_parent_class)->finalize (object);
}

static void
spa_server_class_init (SpaServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = spa_server_dispose;
  object_class->finalize = spa_server_finalize;
}

static void
spa_server_init (SpaServer *self)
{
}

/* Compares every byte whatever the mismatch, so the time taken does not
 * tell how much of a guessed token was right. */
static gboolean
token_equal (const char *given,
             const char *expected)
{
  gsize given_len = strlen (given);
  gsize expected_len = strlen (expected);
  guchar diff = given_len != expected_len;

  for (gsize i = 0; i < expected_len; i++)
    diff |= (guchar) expected[i] ^ (guchar) (i < given_len ? given[i] : 0);
  return diff == 0;
}

static gboolean
is_authorized (SpaServer         *self,
               SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return FALSE;
  value += 7;
  while (*value == ' ')
    value++;
  return token_equal (value, self->token);
}

static SpaReply *
answer_health (SpaServer *self)
{
  g_autoptr(json_object) object = json_object_new_object ();

  json_object_object_add (object, "status", json_object_new_string ("ok"));
  json_object_object_add (object, "api_version", json_object_new_int (API_VERSION));
  json_object_object_add (object, "time_zone",
                          json_object_new_string (spa_catalog_get_time_zone_name (self->catalog)));
  return spa_reply_new_json (SOUP_STATUS_OK, object);
}

static json_object *
options_to_json (const SpaService *service)
{
  json_object *list = json_object_new_array ();

  for (guint i = 0; i < service->n_options; i++)
    {
      json_object *option = json_object_new_object ();

      json_object_object_add (option, "duration_minutes",
                              json_object_new_int ((int) service->options[i].duration_minutes));
      json_object_object_add (option, "price_minor",
                              json_object_new_int64 (service->options[i].price_minor));
      json_object_array_add (list, option);
    }
  return list;
}

static json_object *
service_to_json (SpaServer        *self,
                 const SpaService *service)
{
  json_object *object = json_object_new_object ();
  json_object *name = json_object_new_object ();

  json_object_object_add (name, "en", json_object_new_string (service->name_en));
  json_object_object_add (name, "es", json_object_new_string (service->name_es));
  json_object_object_add (object, "id", json_object_new_string (service->id));
  json_object_object_add (object, "name", name);
  json_object_object_add (object, "duration_minutes",
                          json_object_new_int ((int) service->duration_minutes));
  json_object_object_add (object, "price_minor", json_object_new_int64 (service->price_minor));
  json_object_object_add (object, "options", options_to_json (service));
  json_object_object_add (object, "currency",
                          json_object_new_string (spa_catalog_get_currency (self->catalog)));
  return object;
}

static SpaReply *
answer_services (SpaServer *self)
{
  g_autoptr(json_object) object = json_object_new_object ();
  json_object *list = json_object_new_array ();
  GPtrArray *services = spa_catalog_get_services (self->catalog);

  for (guint i = 0; i < services->len; i++)
    json_object_array_add (list, service_to_json (self, g_ptr_array_index (services, i)));
  json_object_object_add (object, "services", list);
  return spa_reply_new_json (SOUP_STATUS_OK, object);
}

/* Strict YYYY-MM-DD of a real calendar day. */
static GDate *
parse_date (const char *text)
{
  static const char pattern[] = "dddd-dd-dd";
  guint64 year, month, day;

  if (text == NULL || strlen (text) != strlen (pattern))
    return NULL;
  for (guint i = 0; pattern[i]; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return NULL;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || year > 9999
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
slot_is_free (GDateTime *slot,
              guint      duration_minutes,
              GArray    *busy)
{
  gint64 start = g_date_time_to_unix (slot);
  gint64 end = start + (gint64) duration_minutes * 60;

  for (guint i = 0; i + 1 < busy->len; i += 2)
    if (start < g_array_index (busy, gint64, i + 1) && end > g_array_index (busy, gint64, i))
      return FALSE;
  return TRUE;
}

/* The day's slots minus past ones minus those overlapping a booking of the service. */
static SpaReply *
list_free_slots (SpaServer        *self,
                 const SpaService *service,
                 guint             duration_minutes,
                 const GDate      *date,
                 json_object      *list)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) slots = spa_catalog_list_slots (self->catalog, service, duration_minutes,
                                                       date, now);
  g_autoptr(GArray) busy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from, to;

  if (slots->len == 0)
    return NULL;

  from = g_date_time_to_unix (g_ptr_array_index (slots, 0));
  to = g_date_time_to_unix (g_ptr_array_index (slots, slots->len - 1))
       + (gint64) duration_minutes * 60;
  busy = spa_store_list_busy (self->store, service->id, from, to, &error);
  if (busy == NULL)
    {
      g_message ("error: availability: %s", error->message);
      return spa_reply_new_problem (SOUP_STATUS_INTERNAL_SERVER_ERROR, "server-error",
                                    "The booking system had a problem", NULL, NULL);
    }

  for (guint i = 0; i < slots->len; i++)
    {
      GDateTime *slot = g_ptr_array_index (slots, i);
      g_autofree char *text = NULL;

      if (!slot_is_free (slot, duration_minutes, busy))
        continue;
      text = spa_catalog_format_time (self->catalog, slot);
      json_object_array_add (list, json_object_new_string (text));
    }
  return NULL;
}

/* The optional `duration`: absent is the service's default; else decimal
 * minutes that are one of its options. Returns 0 when it is not. */
static guint
parse_duration (const SpaService *service,
                const char       *text)
{
  guint64 minutes = 0;

  if (text == NULL)
    return service->duration_minutes;
  if (!g_ascii_string_to_unsigned (text, 10, 1, 24 * 60, &minutes, NULL)
      || !spa_service_has_duration (service, (guint) minutes))
    return 0;
  return (guint) minutes;
}

static SpaReply *
answer_availability (SpaServer  *self,
                     GHashTable *query)
{
  const char *service_id = query ? g_hash_table_lookup (query, "service") : NULL;
  const char *date_text = query ? g_hash_table_lookup (query, "date") : NULL;
  const char *duration_text = query ? g_hash_table_lookup (query, "duration") : NULL;
  g_autoptr(json_object) object = NULL;
  g_autoptr(GDate) date = NULL;
  const SpaService *service;
  json_object *list;
  SpaReply *failure;
  guint duration;

  date = parse_date (date_text);
  if (date == NULL)
    return spa_reply_new_problem (SOUP_STATUS_BAD_REQUEST, "invalid-date",
                                  "The date is missing or malformed",
                                  "date must be a calendar day written YYYY-MM-DD", NULL);
  service = spa_catalog_find_service (self->catalog, service_id);
  if (service == NULL)
    return spa_reply_new_problem (SOUP_STATUS_NOT_FOUND, "unknown-service",
                                  "No such service",
                                  "service must be one of the ids from /v1/services", NULL);
  duration = parse_duration (service, duration_text);
  if (duration == 0)
    return spa_reply_new_problem (SOUP_STATUS_BAD_REQUEST, "invalid-duration",
                                  "The duration is not offered for this service",
                                  "duration must be one of the service's options in minutes", NULL);

  object = json_object_new_object ();
  list = json_object_new_array ();
  json_object_object_add (object, "service", json_object_new_string (service->id));
  json_object_object_add (object, "date", json_object_new_string (date_text));
  json_object_object_add (object, "time_zone",
                          json_object_new_string (spa_catalog_get_time_zone_name (self->catalog)));
  json_object_object_add (object, "duration_minutes", json_object_new_int ((int) duration));
  json_object_object_add (object, "slots", list);

  failure = list_free_slots (self, service, duration, date, list);
  if (failure != NULL)
    return failure;
  return spa_reply_new_json (SOUP_STATUS_OK, object);
}

static SpaReply *
method_not_allowed (const char *allow)
{
  SpaReply *reply = spa_reply_new_problem (SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed",
                                           "This method is not allowed here", NULL, NULL);
  spa_reply_add_header (reply, "Allow", allow);
  return reply;
}

static SpaReply *
answer_route (SpaServer         *self,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);
  gboolean get = strcmp (method, "GET") == 0;

  if (strcmp (path, "/v1/health") == 0)
    return get ? answer_health (self) : method_not_allowed ("GET");
  if (strcmp (path, "/v1/services") == 0)
    return get ? answer_services (self) : method_not_allowed ("GET");
  if (strcmp (path, "/v1/availability") == 0)
    return get ? answer_availability (self, query) : method_not_allowed ("GET");
  if (strcmp (path, "/v1/bookings") == 0)
    return strcmp (method, "POST") == 0 ? spa_server_answer_booking (self, msg)
                                        : method_not_allowed ("POST");

  return spa_reply_new_problem (SOUP_STATUS_NOT_FOUND, "not-found", "There is nothing here",
                                NULL, NULL);
}

/**
 * spa_server_answer:
 *
 * The normal answer to @msg, with every side effect (a booking is made).
 * Faults call this too, then alter or withhold what it returns.
 */
SpaReply *
spa_server_answer (SpaServer         *self,
                   SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query_text = g_uri_get_query (uri);
  g_autoptr(GHashTable) query = NULL;
  SpaReply *reply;

  if (!is_authorized (self, msg))
    {
      reply = spa_reply_new_problem (SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                                     "The kiosk's token was not accepted",
                                     "send Authorization: Bearer with this kiosk's token", NULL);
      spa_reply_add_header (reply, "WWW-Authenticate", "Bearer realm=\"spa\"");
      return reply;
    }

  if (query_text != NULL)
    {
      query = g_uri_parse_params (query_text, -1, "&", G_URI_PARAMS_NONE, NULL);
      if (query == NULL)
        return spa_reply_new_problem (SOUP_STATUS_BAD_REQUEST, "bad-request",
                                      "The query string is malformed", NULL, NULL);
    }
  return answer_route (self, msg, g_uri_get_path (uri), query);
}

static void
handle_request (SoupServer        *soup,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SpaServer *self = user_data;
  g_autoptr(SpaReply) reply = NULL;
  guint delay_ms = 0;
  SpaFault fault;

  fault = spa_faults_take (self->faults, &delay_ms);
  if (fault != SPA_FAULT_NONE)
    {
      g_message ("%s %s: fault %s", soup_server_message_get_method (msg), path,
                 spa_fault_to_string (fault));
      spa_server_apply_fault (self, msg, fault, delay_ms);
      return;
    }

  reply = spa_server_answer (self, msg);
  spa_reply_send (reply, msg);
}

/* One line per request, without the body or the query: no customer data. */
static void
log_request (SoupServer        *soup,
             SoupServerMessage *msg,
             gpointer           user_data)
{
  g_message ("%s %s %u", soup_server_message_get_method (msg),
             g_uri_get_path (soup_server_message_get_uri (msg)),
             soup_server_message_get_status (msg));
}

SpaServer *
spa_server_new (SpaCatalog *catalog,
                SpaStore   *store,
                SpaFaults  *faults,
                const char *token)
{
  SpaServer *self;

  g_return_val_if_fail (SPA_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (SPA_IS_STORE (store), NULL);
  g_return_val_if_fail (SPA_IS_FAULTS (faults), NULL);
  g_return_val_if_fail (token != NULL && *token != '\0', NULL);

  self = g_object_new (SPA_TYPE_SERVER, NULL);
  self->catalog = g_object_ref (catalog);
  self->store = g_object_ref (store);
  self->faults = g_object_ref (faults);
  self->token = g_strdup (token);
  return self;
}

static GInetAddress *
parse_loopback (const char  *address,
                GError     **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", address);
      return NULL;
    }
  if (!g_inet_address_get_is_loopback (inet))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   "refusing to listen on %s: the reference backend only serves "
                   "loopback addresses (127.0.0.1, ::1)", address);
      return NULL;
    }
  return g_steal_pointer (&inet);
}

static char *
format_url (GInetAddress *inet,
            guint         port)
{
  g_autofree char *host = g_inet_address_to_string (inet);

  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("https://[%s]:%u/", host, port);
  return g_strdup_printf ("https://%s:%u/", host, port);
}

gboolean
spa_server_listen (SpaServer   *self,
                   const char  *address,
                   guint        port,
                   const char  *cert_file,
                   const char  *key_file,
                   GError     **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  GSList *listeners;

  g_return_val_if_fail (SPA_IS_SERVER (self), FALSE);
  g_return_val_if_fail (self->soup == NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  inet = parse_loopback (address, error);
  if (inet == NULL)
    return FALSE;
  certificate = g_tls_certificate_new_from_files (cert_file, key_file, error);
  if (certificate == NULL)
    return FALSE;

  self->soup = soup_server_new ("tls-certificate", certificate,
                                "server-header", "spa-backend ", NULL);
  soup_server_add_handler (self->soup, NULL, handle_request, self, NULL);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (log_request), NULL);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (log_request), NULL);

  socket_address = g_inet_socket_address_new (inet, (guint16) port);
  if (!soup_server_listen (self->soup, socket_address, SOUP_SERVER_LISTEN_HTTPS, error))
    return FALSE;

  /* The port the kernel chose when asked for 0. */
  listeners = soup_server_get_listeners (self->soup);
  bound = g_socket_get_local_address (listeners->data, error);
  g_slist_free (listeners);
  if (bound == NULL)
    return FALSE;
  self->url = format_url (inet, g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return TRUE;
}

const char *
spa_server_get_url (SpaServer *self)
{
  g_return_val_if_fail (SPA_IS_SERVER (self), NULL);
  return self->url;
}
