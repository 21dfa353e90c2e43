/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-server-bookings.c: POST /v1/bookings: validation, the slot rule and idempotency keys. */

#include "config.h"

#include <string.h>

#include "kiosk-json.h"
#include "spa-server-private.h"

#define MAX_NAME_CHARS   100
#define MAX_EMAIL_BYTES  254
#define MAX_KIOSK_ID     64
#define MAX_KEY_BYTES    255
#define BODY_MAX_DEPTH   8

static const char *const health_notes[] = {
  "sciatica", "pregnancy", "injury", "prefer-not-to-say", NULL
};

/* A validated booking request; the strings point into the parsed body. */
typedef struct
{
  const SpaService *service;
  guint             duration_minutes;
  GDateTime        *start;
  char             *first_name;
  char             *last_name;
  const char       *phone;
  const char       *email;
  const char       *health_note;
  const char       *kiosk_id;
} BookingRequest;

static void
booking_request_clear (BookingRequest *request)
{
  g_clear_pointer (&request->start, g_date_time_unref);
  g_clear_pointer (&request->first_name, g_free);
  g_clear_pointer (&request->last_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BookingRequest, booking_request_clear)

static void
add_error (json_object *errors,
           const char  *field,
           const char  *detail)
{
  json_object *item = json_object_new_object ();

  json_object_object_add (item, "field", json_object_new_string (field));
  json_object_object_add (item, "detail", json_object_new_string (detail));
  json_object_array_add (errors, item);
}

static gboolean
has_control_chars (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* A string member, or NULL with a field error when it is required and
 * absent, or present with another type. Absent and null are the same. */
static const char *
get_text (json_object *object,
          const char  *member,
          const char  *field,
          gboolean     required,
          json_object *errors)
{
  json_object *value = NULL;
  const char *text;

  if (object == NULL)
    return NULL;
  if (!json_object_object_get_ex (object, member, &value) || value == NULL)
    {
      if (required)
        add_error (errors, field, "is required");
      return NULL;
    }
  if (!json_object_is_type (value, json_type_string))
    {
      add_error (errors, field, "must be a string");
      return NULL;
    }
  text = json_object_get_string (value);
  if (strlen (text) != (gsize) json_object_get_string_len (value) || has_control_chars (text))
    {
      add_error (errors, field, "must not contain control characters");
      return NULL;
    }
  return text;
}

static char *
check_name (json_object *customer,
            const char  *member,
            const char  *field,
            json_object *errors)
{
  const char *value = get_text (customer, member, field, TRUE, errors);
  g_autofree char *name = NULL;
  gboolean letter = FALSE;

  if (value == NULL)
    return NULL;
  name = g_strstrip (g_strdup (value));
  for (const char *p = name; *p && !letter; p = g_utf8_next_char (p))
    letter = g_unichar_isalpha (g_utf8_get_char (p));

  if (*name == '\0')
    add_error (errors, field, "must not be empty");
  else if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    add_error (errors, field, "must be at most 100 characters");
  else if (!letter)
    add_error (errors, field, "must contain at least one letter");
  else
    return g_steal_pointer (&name);
  return NULL;
}

static const char *
check_phone (json_object *customer,
             json_object *errors)
{
  const char *phone = get_text (customer, "phone", "customer.phone", TRUE, errors);
  gboolean valid;

  if (phone == NULL)
    return NULL;
  valid = strlen (phone) == 10;
  for (const char *p = phone; valid && *p; p++)
    valid = g_ascii_isdigit (*p);
  if (valid)
    return phone;
  add_error (errors, "customer.phone", "must be 10 digits");
  return NULL;
}

/* Something@something.something, no spaces, at most 254 bytes. */
static gboolean
looks_like_email (const char *email)
{
  const char *at = strchr (email, '@');
  const char *domain = at ? at + 1 : NULL;

  if (at == NULL || at == email || strchr (domain, '@') != NULL || strlen (email) > MAX_EMAIL_BYTES)
    return FALSE;
  for (const char *p = email; *p; p++)
    if (g_ascii_isspace (*p))
      return FALSE;
  return strchr (domain, '.') != NULL && domain[0] != '.'
         && domain[strlen (domain) - 1] != '.' && strstr (domain, "..") == NULL;
}

static const char *
check_email (json_object *customer,
             json_object *errors)
{
  const char *email = get_text (customer, "email", "customer.email", FALSE, errors);

  if (email == NULL || looks_like_email (email))
    return email;
  add_error (errors, "customer.email", "does not look like an email address");
  return NULL;
}

static const char *
check_health_note (json_object *body,
                   json_object *errors)
{
  const char *note = get_text (body, "health_note", "health_note", FALSE, errors);

  if (note == NULL || g_strv_contains (health_notes, note))
    return note;
  add_error (errors, "health_note",
             "must be one of sciatica, pregnancy, injury, prefer-not-to-say");
  return NULL;
}

static const char *
check_kiosk_id (json_object *body,
                json_object *errors)
{
  const char *id = get_text (body, "kiosk_id", "kiosk_id", TRUE, errors);

  if (id == NULL)
    return NULL;
  if (*id != '\0' && strlen (id) <= MAX_KIOSK_ID)
    return id;
  add_error (errors, "kiosk_id", "must be 1 to 64 characters");
  return NULL;
}

/* RFC 3339 with seconds and an explicit offset (Z or ±HH:MM). */
static GDateTime *
parse_rfc3339 (const char *text)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:dd";
  gsize len = strlen (text);
  const char *zone = text + strlen (pattern);

  if (len < strlen (pattern))
    return NULL;
  for (guint i = 0; pattern[i]; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return NULL;
  if (!(strcmp (zone, "Z") == 0
        || (strlen (zone) == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':'
            && g_ascii_isdigit (zone[1]) && g_ascii_isdigit (zone[2])
            && g_ascii_isdigit (zone[4]) && g_ascii_isdigit (zone[5]))))
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

static gboolean
is_offered (SpaServer        *self,
            const SpaService *service,
            guint             duration_minutes,
            GDateTime        *start,
            GDateTime        *now)
{
  GTimeZone *zone = spa_catalog_get_time_zone (self->catalog);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (start, zone);
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (local),
                                          g_date_time_get_month (local),
                                          g_date_time_get_year (local));
  g_autoptr(GPtrArray) slots = spa_catalog_list_slots (self->catalog, service, duration_minutes,
                                                       date, now);

  for (guint i = 0; i < slots->len; i++)
    if (g_date_time_equal (g_ptr_array_index (slots, i), start))
      return TRUE;
  return FALSE;
}

static GDateTime *
check_start (SpaServer        *self,
             json_object      *body,
             const SpaService *service,
             guint             duration_minutes,
             json_object      *errors)
{
  const char *text = get_text (body, "start", "start", TRUE, errors);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = NULL;

  if (text == NULL)
    return NULL;
  start = parse_rfc3339 (text);
  if (start == NULL)
    add_error (errors, "start", "must be a date and time like 2026-11-27T10:00:00-07:00");
  else if (g_date_time_compare (start, now) <= 0)
    add_error (errors, "start", "is in the past");
  else if (service != NULL && duration_minutes > 0
           && !is_offered (self, service, duration_minutes, start, now))
    add_error (errors, "start", "is not a time the spa offers for this service");
  else
    return g_steal_pointer (&start);
  return NULL;
}

static const SpaService *
check_service (SpaServer   *self,
               json_object *body,
               json_object *errors)
{
  const char *id = get_text (body, "service", "service", TRUE, errors);
  const SpaService *service;

  if (id == NULL)
    return NULL;
  service = spa_catalog_find_service (self->catalog, id);
  if (service == NULL)
    add_error (errors, "service", "is not a service of this spa");
  return service;
}

/* The optional duration_minutes: absent or null is the service's default.
 * Returns 0 with a field error when it is not one of the service's options. */
static guint
check_duration (json_object      *body,
                const SpaService *service,
                json_object      *errors)
{
  json_object *value = NULL;
  gint64 minutes;

  if (service == NULL)
    return 0;
  if (!json_object_object_get_ex (body, "duration_minutes", &value) || value == NULL)
    return service->duration_minutes;
  minutes = json_object_is_type (value, json_type_int) ? json_object_get_int64 (value) : 0;
  if (minutes > 0 && minutes <= 24 * 60 && spa_service_has_duration (service, (guint) minutes))
    return (guint) minutes;
  add_error (errors, "duration_minutes", "is not one of the durations of this service");
  return 0;
}

static json_object *
check_customer (json_object *body,
                json_object *errors)
{
  json_object *customer = NULL;

  if (!json_object_object_get_ex (body, "customer", &customer) || customer == NULL)
    add_error (errors, "customer", "is required");
  else if (!json_object_is_type (customer, json_type_object))
    add_error (errors, "customer", "must be an object");
  else
    return customer;
  return NULL;
}

/* Fills @request; every problem found becomes an entry in @errors. */
static void
check_booking (SpaServer      *self,
               json_object    *body,
               BookingRequest *request,
               json_object    *errors)
{
  json_object *customer;

  request->service = check_service (self, body, errors);
  request->duration_minutes = check_duration (body, request->service, errors);
  request->start = check_start (self, body, request->service, request->duration_minutes, errors);
  customer = check_customer (body, errors);
  if (customer != NULL)
    {
      request->first_name = check_name (customer, "first_name", "customer.first_name", errors);
      request->last_name = check_name (customer, "last_name", "customer.last_name", errors);
      request->phone = check_phone (customer, errors);
      request->email = check_email (customer, errors);
    }
  request->health_note = check_health_note (body, errors);
  request->kiosk_id = check_kiosk_id (body, errors);
}

static SpaReply *
server_error (const char   *what,
              const GError *error)
{
  g_message ("error: %s: %s", what, error->message);
  return spa_reply_new_problem (SOUP_STATUS_INTERNAL_SERVER_ERROR, "server-error",
                                "The booking system had a problem",
                                "nothing was booked; try again later", NULL);
}

static SpaReply *
insert_booking (SpaServer      *self,
                BookingRequest *request)
{
  g_autoptr(json_object) object = json_object_new_object ();
  g_autofree char *start_text = spa_catalog_format_time (self->catalog, request->start);
  g_autofree char *reference = NULL;
  g_autoptr(GError) error = NULL;
  SpaBookingRow row = {
    .service = request->service->id,
    .start = g_date_time_to_unix (request->start),
    .end = g_date_time_to_unix (request->start) + (gint64) request->duration_minutes * 60,
    .start_text = start_text,
    .first_name = request->first_name,
    .last_name = request->last_name,
    .phone = request->phone,
    .email = request->email,
    .health_note = request->health_note,
    .kiosk_id = request->kiosk_id,
  };

  reference = spa_store_add_booking (self->store, &row, &error);
  if (g_error_matches (error, SPA_STORE_ERROR, SPA_STORE_ERROR_CONFLICT))
    return spa_reply_new_problem (SOUP_STATUS_CONFLICT, "slot-taken", "That time is no longer free",
                                  "another booking overlaps this time; choose another", NULL);
  if (reference == NULL)
    return server_error ("booking", error);

  json_object_object_add (object, "reference", json_object_new_string (reference));
  json_object_object_add (object, "service", json_object_new_string (request->service->id));
  json_object_object_add (object, "start", json_object_new_string (start_text));
  json_object_object_add (object, "duration_minutes",
                          json_object_new_int ((int) request->duration_minutes));
  return spa_reply_new_json (SOUP_STATUS_CREATED, object);
}

/* The answer to a new booking request, inside the store's transaction. */
static SpaReply *
make_booking (SpaServer *self,
              GBytes    *body)
{
  g_auto(BookingRequest) request = { 0 };
  g_autoptr(json_object) root = NULL;
  g_autoptr(GError) error = NULL;
  json_object *errors;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  root = kiosk_json_parse (data, size, BODY_MAX_DEPTH, &error);
  if (root == NULL || !json_object_is_type (root, json_type_object))
    return spa_reply_new_problem (SOUP_STATUS_BAD_REQUEST, "malformed-body",
                                  "The body is not a JSON object",
                                  root == NULL ? error->message : "the body must be a JSON object",
                                  NULL);

  errors = json_object_new_array ();
  check_booking (self, root, &request, errors);
  if (json_object_array_length (errors) > 0)
    return spa_reply_new_problem (422, "validation", "Some details are not valid",
                                  "see errors for each field", errors);
  json_object_put (errors);

  return insert_booking (self, &request);
}

/* The inside of an RFC 8941 sf-string: "..." of printable ASCII, without
 * escapes, 1 to 255 characters. */
static char *
parse_idempotency_key (const char *value)
{
  gsize len;

  if (value == NULL)
    return NULL;
  len = strlen (value);
  if (len < 3 || len > MAX_KEY_BYTES + 2 || value[0] != '"' || value[len - 1] != '"')
    return NULL;
  for (gsize i = 1; i + 1 < len; i++)
    if (value[i] < 0x20 || value[i] > 0x7e || value[i] == '"' || value[i] == '\\')
      return NULL;
  return g_strndup (value + 1, len - 2);
}

static SpaReply *
replay (SpaStoredAnswer *stored,
        const char      *fingerprint)
{
  SpaReply *reply;

  if (strcmp (stored->fingerprint, fingerprint) != 0)
    return spa_reply_new_problem (422, "idempotency-key-reused",
                                  "This Idempotency-Key was used for another request",
                                  "use a new key for a new booking", NULL);

  reply = spa_reply_new (stored->status, stored->content_type, stored->body);
  spa_reply_add_header (reply, "Idempotent-Replayed", "true");
  return reply;
}

/* Looks the key up and answers, all in one write transaction: a key is
 * stored together with the booking it made, or not at all. */
static SpaReply *
answer_with_key (SpaServer  *self,
                 const char *key,
                 GBytes     *body)
{
  g_autofree char *fingerprint = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  g_autoptr(SpaStoredAnswer) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpaReply) reply = NULL;
  SpaStoredAnswer answer;

  if (!spa_store_begin (self->store, &error))
    return server_error ("booking", error);
  if (!spa_store_find_answer (self->store, key, &stored, &error))
    {
      spa_store_rollback (self->store);
      return server_error ("idempotency key", error);
    }
  if (stored != NULL)
    {
      spa_store_rollback (self->store);
      return replay (stored, fingerprint);
    }

  reply = make_booking (self, body);
  if (reply->status >= 500)
    {
      spa_store_rollback (self->store);
      return g_steal_pointer (&reply);
    }

  answer = (SpaStoredAnswer) { fingerprint, reply->status, reply->content_type, reply->body };
  if (!spa_store_save_answer (self->store, key, &answer, &error)
      || !spa_store_commit (self->store, &error))
    {
      spa_store_rollback (self->store);
      return server_error ("saving the answer", error);
    }
  return g_steal_pointer (&reply);
}

static gboolean
is_json_content_type (SoupMessageHeaders *headers)
{
  const char *type = soup_message_headers_get_content_type (headers, NULL);

  return type != NULL && g_ascii_strcasecmp (type, "application/json") == 0;
}

SpaReply *
spa_server_answer_booking (SpaServer         *self,
                           SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autofree char *key = NULL;
  g_autoptr(GBytes) body = NULL;

  key = parse_idempotency_key (soup_message_headers_get_list (headers, "Idempotency-Key"));
  if (key == NULL)
    return spa_reply_new_problem (SOUP_STATUS_BAD_REQUEST, "idempotency-key-missing",
                                  "The Idempotency-Key header is missing or malformed",
                                  "send Idempotency-Key: \"a new UUID\" (a quoted string) "
                                  "with each booking",
                                  NULL);
  if (!is_json_content_type (headers))
    return spa_reply_new_problem (SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                                  "The body must be application/json", NULL, NULL);

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > SPA_MAX_REQUEST_BODY)
    return spa_reply_new_problem (SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "payload-too-large",
                                  "The body is too large", "a booking is at most 16 KiB", NULL);

  return answer_with_key (self, key, body);
}
