/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-api-client.c: the booking backend's JSON API (docs/backend-api.md) over KioskHttpClient. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-api-client.h"
#include "kiosk-booking.h"
#include "kiosk-json.h"

/* A problem document names at most this many fields in an error message. */
#define MAX_NAMED_FIELDS 8

struct _KioskApiClient
{
  GObject parent_instance;

  KioskBackendConfig *config;
  KioskHttpClient *http;
};

typedef struct _Call Call;

/* How one endpoint's successful answer is read. */
typedef struct
{
  guint ok_status;
  guint alt_ok_status;       /* 0 when only one status is a success */
  gpointer (*parse) (json_object *root, const Call *call, GError **error);
  GDestroyNotify free_result;
} Endpoint;

/* One request in flight: how to read its answer and what it asked for. */
struct _Call
{
  const Endpoint *endpoint;
  char *service;             /* availability: the answer must be for these */
  char *date;
};

G_DEFINE_FINAL_TYPE (KioskApiClient, kiosk_api_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (kiosk-api-error-quark, kiosk_api_error)

static Call *
call_new (const Endpoint *endpoint)
{
  Call *call = g_new0 (Call, 1);

  call->endpoint = endpoint;
  return call;
}

static void
call_free (Call *call)
{
  g_free (call->service);
  g_free (call->date);
  g_free (call);
}

/* ---- errors ---- */

gboolean
kiosk_api_error_is_cancelled (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  return g_error_matches (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CANCELLED)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

gboolean
kiosk_api_error_is_retryable (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (kiosk_api_error_is_cancelled (error))
    return FALSE;

  /* Only the backend's final word on the request itself is final; a wrong
   * setting, certificate or token is fixed by staff and the same request
   * then goes through, so a queued booking must be kept for it. */
  return !g_error_matches (error, KIOSK_API_ERROR, KIOSK_API_ERROR_SLOT_TAKEN)
         && !g_error_matches (error, KIOSK_API_ERROR, KIOSK_API_ERROR_REJECTED);
}

static GError *
protocol_error (const char *detail)
{
  return g_error_new (KIOSK_API_ERROR, KIOSK_API_ERROR_PROTOCOL, "%s (%s)",
                      _("The booking system answered something the kiosk does not understand"),
                      detail);
}

static gboolean
is_json_media_type (const char *media_type)
{
  return g_strcmp0 (media_type, "application/json") == 0
         || g_strcmp0 (media_type, "application/problem+json") == 0;
}

/* A field name is echoed into a message: keep it short and plain. */
static gboolean
is_plain_field_name (const char *name)
{
  gsize length = strlen (name);

  if (length == 0 || length > 64)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (name[i]) && strchr ("._-[]", name[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* The names in a problem document's "errors": [{"field": ...}], or NULL. */
static char *
problem_fields (json_object *problem)
{
  g_autoptr(GString) fields = g_string_new (NULL);
  json_object *errors = NULL;
  guint named = 0;

  if (!kiosk_json_get_array (problem, "errors", FALSE, &errors, NULL) || errors == NULL)
    return NULL;

  for (gsize i = 0; i < json_object_array_length (errors) && named < MAX_NAMED_FIELDS; i++)
    {
      const char *field = NULL;

      json_object *item = json_object_array_get_idx (errors, i);

      if (!kiosk_json_get_string (item, "field", TRUE, &field, NULL)
          || !is_plain_field_name (field))
        continue;

      g_string_append_printf (fields, "%s%s", named > 0 ? ", " : "", field);
      named++;
    }

  return named > 0 ? g_string_free (g_steal_pointer (&fields), FALSE) : NULL;
}

/* Reads a problem document leniently: a garbled one still leaves the status. */
static json_object *
parse_problem (KioskHttpResponse *response)
{
  GBytes *body = kiosk_http_response_get_body (response);
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);

  if (!is_json_media_type (kiosk_http_response_get_content_type (response)))
    return NULL;

  return kiosk_json_parse (data, length, KIOSK_JSON_MAX_DEPTH, NULL);
}

/* Only the field names are repeated: a server's free text could echo what
 * the customer typed, and error messages may end up in a log. */
static GError *
rejected_error (KioskHttpResponse *response)
{
  g_autoptr(json_object) problem = parse_problem (response);
  g_autofree char *fields = problem != NULL ? problem_fields (problem) : NULL;

  if (fields != NULL)
    return g_error_new (KIOSK_API_ERROR, KIOSK_API_ERROR_REJECTED,
                        _("The booking system refused these details: %s"), fields);

  return g_error_new (KIOSK_API_ERROR, KIOSK_API_ERROR_REJECTED,
                      _("The booking system refused the request (HTTP %u)"),
                      kiosk_http_response_get_status (response));
}

static GError *
status_to_error (KioskHttpResponse *response)
{
  guint status = kiosk_http_response_get_status (response);
  g_autofree char *detail = NULL;

  switch (status)
    {
    case 401:
    case 403:
      return g_error_new (KIOSK_API_ERROR, KIOSK_API_ERROR_UNAUTHORIZED,
                          _("The booking system refused this kiosk’s token (HTTP %u)"), status);
    case 409:
      return g_error_new_literal (KIOSK_API_ERROR, KIOSK_API_ERROR_SLOT_TAKEN,
                                  _("That time was just taken"));
    case 408:
      return g_error_new (KIOSK_API_ERROR, KIOSK_API_ERROR_UNREACHABLE,
                          _("Cannot reach the spa’s booking system: "
                            "it did not answer in time (HTTP %u)"), status);
    case 429:
      return g_error_new (KIOSK_API_ERROR, KIOSK_API_ERROR_SERVER,
                          _("The spa’s booking system is busy (HTTP %u)"), status);
    default:
      break;
    }

  if (status >= 500 && status <= 599)
    return g_error_new (KIOSK_API_ERROR, KIOSK_API_ERROR_SERVER,
                        _("The spa’s booking system has a problem (HTTP %u)"), status);

  /* 400, 404 and 422 above all, but also 405, 413, 415: the backend's final
   * word on this request (docs/backend-api.md, Errors). */
  if (status >= 400 && status <= 499)
    return rejected_error (response);

  if (status >= 300 && status <= 399)
    detail = g_strdup_printf (_("a redirect, which the kiosk does not follow (HTTP %u)"), status);
  else
    detail = g_strdup_printf (_("an unexpected HTTP status %u"), status);

  return protocol_error (detail);
}

/* ---- answers ---- */

/* Turns the HTTP answer into the endpoint's result or a KIOSK_API_ERROR. */
static gpointer
read_answer (KioskHttpResponse  *response,
             const Call         *call,
             GError            **error)
{
  const Endpoint *endpoint = call->endpoint;
  guint status = kiosk_http_response_get_status (response);
  g_autoptr(json_object) root = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data;
  gpointer result = NULL;

  if (status != endpoint->ok_status
      && (endpoint->alt_ok_status == 0 || status != endpoint->alt_ok_status))
    {
      g_propagate_error (error, status_to_error (response));
      return NULL;
    }

  if (!is_json_media_type (kiosk_http_response_get_content_type (response)))
    {
      g_propagate_error (error, protocol_error (_("the answer is not JSON")));
      return NULL;
    }

  data = g_bytes_get_data (kiosk_http_response_get_body (response), &length);
  root = kiosk_json_parse (data, length, KIOSK_JSON_MAX_DEPTH, &local_error);
  if (root != NULL)
    result = endpoint->parse (root, call, &local_error);
  if (root == NULL || result == NULL)
    {
      g_propagate_error (error, protocol_error (local_error->message));
      return NULL;
    }

  return result;
}

static void
http_request_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const Call *call = g_task_get_task_data (task);
  g_autoptr(KioskHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  gpointer answer;

  response = kiosk_http_client_request_finish (KIOSK_HTTP_CLIENT (object), result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  answer = read_answer (response, call, &error);
  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, answer, call->endpoint->free_result);
}

/* Sends one API request; the task completes with the endpoint's result. */
static void
send_request (KioskApiClient *self,
              GTask          *task,
              Call           *call,
              const char     *method,
              const char     *path,
              const char     *idempotency_key,
              GBytes         *body)
{
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *key_header = NULL;
  const char *base = kiosk_backend_config_get_base_url (self->config);
  const char *headers[5] = { NULL, };
  guint n = 0;

  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  g_task_set_check_cancellable (task, FALSE);

  url = g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/", path, NULL);
  authorization = g_strconcat ("Authorization: Bearer ",
                               kiosk_backend_config_get_token (self->config), NULL);

  headers[n++] = authorization;
  headers[n++] = "Accept: application/json";
  if (body != NULL)
    headers[n++] = "Content-Type: application/json";
  if (idempotency_key != NULL)
    headers[n++] = key_header = g_strdup_printf ("Idempotency-Key: \"%s\"", idempotency_key);

  kiosk_http_client_request_async (self->http, method, url, headers, body,
                                   g_task_get_cancellable (task),
                                   http_request_cb, g_object_ref (task));

  /* The request holds its own copy of the headers. */
  kiosk_wipe_string (&authorization);
}

static gpointer
finish_request (KioskApiClient  *self,
                GAsyncResult    *result,
                gpointer         source_tag,
                GError         **error)
{
  g_return_val_if_fail (KIOSK_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- GET /v1/health ---- */

void
kiosk_api_health_free (KioskApiHealth *health)
{
  if (health == NULL)
    return;

  g_free (health->status);
  g_free (health->time_zone);
  g_free (health);
}

static gpointer
parse_health (json_object  *root,
              const Call   *call,
              GError      **error)
{
  g_autoptr(KioskApiHealth) health = g_new0 (KioskApiHealth, 1);
  const char *status = NULL;
  const char *time_zone = NULL;

  if (!kiosk_json_get_string (root, "status", TRUE, &status, error)
      || !kiosk_json_get_int (root, "api_version", TRUE, 1, 1000, &health->api_version, error)
      || !kiosk_json_get_string (root, "time_zone", FALSE, &time_zone, error))
    return NULL;

  health->status = g_strdup (status);
  health->time_zone = g_strdup (time_zone);

  return g_steal_pointer (&health);
}

static const Endpoint health_endpoint = {
  200, 0, parse_health, (GDestroyNotify) kiosk_api_health_free,
};

void
kiosk_api_client_get_health_async (KioskApiClient      *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KIOSK_IS_API_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_api_client_get_health_async);

  send_request (self, task, call_new (&health_endpoint), "GET", "v1/health", NULL, NULL);
}

/**
 * kiosk_api_client_get_health_finish:
 * @self: a #KioskApiClient
 * @result: the result given to the callback
 * @error: return location for a #KIOSK_API_ERROR
 *
 * Returns: (transfer full) (nullable): what the backend says about itself
 */
KioskApiHealth *
kiosk_api_client_get_health_finish (KioskApiClient  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return finish_request (self, result, kiosk_api_client_get_health_async, error);
}

/* ---- GET /v1/services ---- */

void
kiosk_api_service_free (KioskApiService *service)
{
  if (service == NULL)
    return;

  g_free (service->id);
  g_free (service->name_en);
  g_free (service->name_es);
  g_free (service->currency);
  g_clear_pointer (&service->options, g_array_unref);
  g_free (service);
}

static gboolean
parse_service_names (json_object      *item,
                     KioskApiService  *service,
                     GError          **error)
{
  json_object *names = NULL;
  const char *en = NULL;
  const char *es = NULL;

  if (!kiosk_json_get_object (item, "name", TRUE, &names, error)
      || !kiosk_json_get_string (names, "en", TRUE, &en, error)
      || !kiosk_json_get_string (names, "es", FALSE, &es, error))
    return FALSE;

  service->name_en = g_strdup (en);
  service->name_es = g_strdup (es);
  return TRUE;
}

static gboolean
parse_service_options (json_object      *item,
                       KioskApiService  *service,
                       GError          **error)
{
  json_object *list = NULL;
  KioskApiServiceOption option = { service->duration_minutes, service->price_minor };

  service->options = g_array_new (FALSE, FALSE, sizeof (KioskApiServiceOption));
  if (!kiosk_json_get_array (item, "options", FALSE, &list, error))
    return FALSE;
  if (list == NULL || json_object_array_length (list) == 0)
    {
      g_array_append_val (service->options, option);
      return TRUE;
    }

  for (gsize i = 0; i < json_object_array_length (list); i++)
    {
      json_object *entry = json_object_array_get_idx (list, i);

      if (!json_object_is_type (entry, json_type_object))
        {
          g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_TYPE,
                       _("a service's option is not an object"));
          return FALSE;
        }
      if (!kiosk_json_get_int (entry, "duration_minutes", TRUE, 1, 24 * 60,
                               &option.duration_minutes, error)
          || !kiosk_json_get_int (entry, "price_minor", TRUE, 0, G_MAXINT32,
                                  &option.price_minor, error))
        return FALSE;
      g_array_append_val (service->options, option);
    }
  return TRUE;
}

static KioskApiService *
parse_service (json_object  *item,
               GError      **error)
{
  g_autoptr(KioskApiService) service = g_new0 (KioskApiService, 1);
  const char *id = NULL;
  const char *currency = NULL;

  if (!kiosk_json_get_string (item, "id", TRUE, &id, error)
      || !parse_service_names (item, service, error)
      || !kiosk_json_get_int (item, "duration_minutes", TRUE, 1, 24 * 60,
                              &service->duration_minutes, error)
      || !kiosk_json_get_int (item, "price_minor", TRUE, 0, G_MAXINT32,
                              &service->price_minor, error)
      || !kiosk_json_get_string (item, "currency", TRUE, &currency, error)
      || !parse_service_options (item, service, error))
    return NULL;

  if (*id == '\0' || strlen (currency) != 3)
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_RANGE,
                   _("a service has an empty id or a currency that is not three letters"));
      return NULL;
    }

  service->id = g_strdup (id);
  service->currency = g_strdup (currency);
  return g_steal_pointer (&service);
}

static gpointer
parse_services (json_object  *root,
                const Call   *call,
                GError      **error)
{
  g_autoptr(GPtrArray) services = NULL;
  json_object *list = NULL;

  if (!kiosk_json_get_array (root, "services", TRUE, &list, error))
    return NULL;

  services = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_api_service_free);

  for (gsize i = 0; i < json_object_array_length (list); i++)
    {
      KioskApiService *service = parse_service (json_object_array_get_idx (list, i), error);

      if (service == NULL)
        return NULL;
      g_ptr_array_add (services, service);
    }

  return g_steal_pointer (&services);
}

static const Endpoint services_endpoint = {
  200, 0, parse_services, (GDestroyNotify) g_ptr_array_unref,
};

void
kiosk_api_client_list_services_async (KioskApiClient      *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KIOSK_IS_API_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_api_client_list_services_async);

  send_request (self, task, call_new (&services_endpoint), "GET", "v1/services", NULL, NULL);
}

/**
 * kiosk_api_client_list_services_finish:
 * @self: a #KioskApiClient
 * @result: the result given to the callback
 * @error: return location for a #KIOSK_API_ERROR
 *
 * Returns: (transfer container) (element-type KioskApiService) (nullable): the services
 */
GPtrArray *
kiosk_api_client_list_services_finish (KioskApiClient  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return finish_request (self, result, kiosk_api_client_list_services_async, error);
}

/* ---- GET /v1/availability ---- */

void
kiosk_api_availability_free (KioskApiAvailability *availability)
{
  if (availability == NULL)
    return;

  g_free (availability->service);
  g_free (availability->date);
  g_free (availability->time_zone);
  g_strfreev (availability->slots);
  g_free (availability);
}

static char **
parse_slots (json_object  *list,
             GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (gsize i = 0; i < json_object_array_length (list); i++)
    {
      json_object *item = json_object_array_get_idx (list, i);
      g_autoptr(GDateTime) start = NULL;

      if (item == NULL || !json_object_is_type (item, json_type_string))
        {
          g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_TYPE,
                       _("every entry of “%s” must be a text"), "slots");
          return NULL;
        }

      start = g_date_time_new_from_iso8601 (json_object_get_string (item), NULL);
      if (start == NULL)
        {
          g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_RANGE,
                       _("an entry of “%s” is not a time with its UTC offset"), "slots");
          return NULL;
        }

      g_strv_builder_add (builder, json_object_get_string (item));
    }

  return g_strv_builder_end (builder);
}

static gpointer
parse_availability (json_object  *root,
                    const Call   *call,
                    GError      **error)
{
  g_autoptr(KioskApiAvailability) availability = g_new0 (KioskApiAvailability, 1);
  const char *service = NULL, *date = NULL, *time_zone = NULL;
  json_object *slots = NULL;

  if (!kiosk_json_get_string (root, "service", TRUE, &service, error)
      || !kiosk_json_get_string (root, "date", TRUE, &date, error)
      || !kiosk_json_get_string (root, "time_zone", TRUE, &time_zone, error)
      || !kiosk_json_get_array (root, "slots", TRUE, &slots, error)
      || !(availability->slots = parse_slots (slots, error)))
    return NULL;

  if (!g_str_equal (service, call->service) || !g_str_equal (date, call->date))
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_RANGE,
                   _("the times are for another service or day than the one asked"));
      return NULL;
    }

  availability->service = g_strdup (service);
  availability->date = g_strdup (date);
  availability->time_zone = g_strdup (time_zone);
  return g_steal_pointer (&availability);
}

static const Endpoint availability_endpoint = {
  200, 0, parse_availability, (GDestroyNotify) kiosk_api_availability_free,
};

/**
 * kiosk_api_client_get_availability_async:
 * @self: a #KioskApiClient
 * @service_id: a service id such as "relaxation"
 * @date: a day as YYYY-MM-DD in the spa's time zone
 * @duration_minutes: one of the service's options; 0 for its default
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the answer is in
 * @user_data: data for @callback
 *
 * Asks which start times are free for @service_id on @date, for a
 * booking of @duration_minutes.
 */
void
kiosk_api_client_get_availability_async (KioskApiClient      *self,
                                         const char          *service_id,
                                         const char          *date,
                                         guint                duration_minutes,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *service_arg = NULL;
  g_autofree char *date_arg = NULL;
  g_autofree char *path = NULL;
  Call *call;

  g_return_if_fail (KIOSK_IS_API_CLIENT (self));
  g_return_if_fail (service_id != NULL && date != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_api_client_get_availability_async);

  call = call_new (&availability_endpoint);
  call->service = g_strdup (service_id);
  call->date = g_strdup (date);

  service_arg = g_uri_escape_string (service_id, NULL, FALSE);
  date_arg = g_uri_escape_string (date, NULL, FALSE);
  if (duration_minutes > 0)
    path = g_strdup_printf ("v1/availability?service=%s&date=%s&duration=%u",
                            service_arg, date_arg, duration_minutes);
  else
    path = g_strdup_printf ("v1/availability?service=%s&date=%s", service_arg, date_arg);

  send_request (self, task, call, "GET", path, NULL, NULL);
}

/**
 * kiosk_api_client_get_availability_finish:
 * @self: a #KioskApiClient
 * @result: the result given to the callback
 * @error: return location for a #KIOSK_API_ERROR
 *
 * Returns: (transfer full) (nullable): the free start times
 */
KioskApiAvailability *
kiosk_api_client_get_availability_finish (KioskApiClient  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return finish_request (self, result, kiosk_api_client_get_availability_async, error);
}

/* ---- POST /v1/bookings ---- */

static gpointer
parse_booking (json_object  *root,
               const Call   *call,
               GError      **error)
{
  const char *reference = NULL;
  const char *service = NULL;
  const char *start = NULL;

  if (!kiosk_json_get_string (root, "reference", TRUE, &reference, error)
      || !kiosk_json_get_string (root, "service", FALSE, &service, error)
      || !kiosk_json_get_string (root, "start", FALSE, &start, error))
    return NULL;

  if (*reference == '\0' || strlen (reference) > 64)
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_RANGE,
                   _("the booking reference is empty or too long"));
      return NULL;
    }

  return g_strdup (reference);
}

/* A replayed booking answers with the first answer, 201 as well; 200 is
 * accepted for a backend that marks replays that way. */
static const Endpoint booking_endpoint = {
  201, 200, parse_booking, g_free,
};

/* The key goes into a quoted header value: letters, digits and dashes only. */
static gboolean
is_valid_idempotency_key (const char *key)
{
  gsize length = strlen (key);

  if (length == 0 || length > 128)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (key[i]) && key[i] != '-')
      return FALSE;
  return TRUE;
}

/**
 * kiosk_api_client_submit_booking_async:
 * @self: a #KioskApiClient
 * @idempotency_key: the booking's key, the same on every attempt
 * @body: the JSON from kiosk_booking_details_to_json(), the same on every attempt
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the backend has answered
 * @user_data: data for @callback
 *
 * Sends one booking. Resending the same @body with the same key never
 * makes a second booking: the backend answers as it did the first time.
 */
void
kiosk_api_client_submit_booking_async (KioskApiClient      *self,
                                       const char          *idempotency_key,
                                       GBytes              *body,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KIOSK_IS_API_CLIENT (self));
  g_return_if_fail (idempotency_key != NULL);
  g_return_if_fail (body != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_api_client_submit_booking_async);

  if (!is_valid_idempotency_key (idempotency_key))
    {
      g_task_return_new_error (task, KIOSK_API_ERROR, KIOSK_API_ERROR_REJECTED,
                               _("The booking’s key is malformed, so it cannot be sent safely"));
      return;
    }

  send_request (self, task, call_new (&booking_endpoint), "POST", "v1/bookings",
                idempotency_key, body);
}

/**
 * kiosk_api_client_submit_booking_finish:
 * @self: a #KioskApiClient
 * @result: the result given to the callback
 * @error: return location for a #KIOSK_API_ERROR
 *
 * Returns: (transfer full) (nullable): the booking reference, such as "MX-7K3Q9"
 */
char *
kiosk_api_client_submit_booking_finish (KioskApiClient  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return finish_request (self, result, kiosk_api_client_submit_booking_async, error);
}

/**
 * kiosk_api_new_idempotency_key:
 *
 * Returns: (transfer full): a fresh random key for one booking
 */
char *
kiosk_api_new_idempotency_key (void)
{
  return g_uuid_string_random ();
}

/* ---- the object ---- */

static void
kiosk_api_client_dispose (GObject *object)
{
  KioskApiClient *self = (KioskApiClient *) object;

  g_clear_object (&self->http);

  G_OBJECT_CLASS (kiosk_api_client_parent_class)->dispose (object);
}

static void
kiosk_api_client_finalize (GObject *object)
{
  KioskApiClient *self = (KioskApiClient *) object;

  g_clear_pointer (&self->config, kiosk_backend_config_unref);

  G_OBJECT_CLASS (kiosk_api_client_parent_class)->finalize (object);
}

static void
kiosk_api_client_class_init (KioskApiClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kiosk_api_client_dispose;
  object_class->finalize = kiosk_api_client_finalize;
}

static void
kiosk_api_client_init (KioskApiClient *self)
{
}

/**
 * kiosk_api_client_new:
 * @config: where the backend is, the token and the TLS rules
 *
 * Creates a client whose requests run on the calling thread's default
 * main context.
 *
 * Returns: (transfer full): a new #KioskApiClient
 */
KioskApiClient *
kiosk_api_client_new (KioskBackendConfig *config)
{
  KioskApiClient *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_API_CLIENT, NULL);
  self->config = kiosk_backend_config_ref (config);
  self->http = kiosk_http_client_new (config);

  return self;
}

KioskBackendConfig *
kiosk_api_client_get_config (KioskApiClient *self)
{
  g_return_val_if_fail (KIOSK_IS_API_CLIENT (self), NULL);
  return self->config;
}

/**
 * kiosk_api_client_get_http_client:
 * @self: a #KioskApiClient
 *
 * Returns: (transfer none): the HTTP client the requests go through
 */
KioskHttpClient *
kiosk_api_client_get_http_client (KioskApiClient *self)
{
  g_return_val_if_fail (KIOSK_IS_API_CLIENT (self), NULL);
  return self->http;
}
