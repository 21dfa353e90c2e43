/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking-session.c: what one walk-in customer has chosen and typed so far, and its checks. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kiosk-booking-session.h"

#define MAX_NAME_CHARS  100
#define MAX_EMAIL_BYTES 254

/* The screens only show what is here, so a change of language or a step
 * back never loses what the customer entered, and one clear wipes it all. */
struct _KioskBookingSession
{
  GObject parent_instance;

  char  *service_id;
  guint  duration_minutes;
  guint  price_minor;
  char  *day;
  char  *slot;
  char  *fields[KIOSK_BOOKING_N_FIELDS];
  char  *health_note;
};

G_DEFINE_FINAL_TYPE (KioskBookingSession, kiosk_booking_session, G_TYPE_OBJECT)

static const char * const health_notes[] = {
  "sciatica", "pregnancy", "injury", "prefer-not-to-say", NULL
};

/* Replaces *@str by a copy of @value, wiping the old bytes. */
static void
replace_string (char       **str,
                const char  *value)
{
  char *copy;

  if (g_strcmp0 (*str, value) == 0)
    return;
  copy = g_strdup (value);
  kiosk_wipe_string (str);
  *str = copy;
}

static void
kiosk_booking_session_finalize (GObject *object)
{
  kiosk_booking_session_clear (KIOSK_BOOKING_SESSION (object));

  G_OBJECT_CLASS (kiosk_booking_session_parent_class)->finalize (object);
}

static void
kiosk_booking_session_class_init (KioskBookingSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kiosk_booking_session_finalize;
}

static void
kiosk_booking_session_init (KioskBookingSession *self)
{
}

KioskBookingSession *
kiosk_booking_session_new (void)
{
  return g_object_new (KIOSK_TYPE_BOOKING_SESSION, NULL);
}

const char *
kiosk_booking_session_get_service_id (KioskBookingSession *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_SESSION (self), NULL);
  return self->service_id;
}

/* Another massage has other times and prices: the time and option go. */
void
kiosk_booking_session_set_service_id (KioskBookingSession *self,
                                      const char          *service_id)
{
  g_return_if_fail (KIOSK_IS_BOOKING_SESSION (self));

  if (service_id != NULL && *service_id == '\0')
    service_id = NULL;
  if (g_strcmp0 (self->service_id, service_id) == 0)
    return;
  replace_string (&self->service_id, service_id);
  self->duration_minutes = 0;
  self->price_minor = 0;
  kiosk_wipe_string (&self->slot);
}

guint
kiosk_booking_session_get_duration (KioskBookingSession *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_SESSION (self), 0);
  return self->duration_minutes;
}

guint
kiosk_booking_session_get_price_minor (KioskBookingSession *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_SESSION (self), 0);
  return self->price_minor;
}

/* A longer massage may not fit where a shorter one did: the time goes. */
void
kiosk_booking_session_set_option (KioskBookingSession *self,
                                  guint                duration_minutes,
                                  guint                price_minor)
{
  g_return_if_fail (KIOSK_IS_BOOKING_SESSION (self));

  if (self->duration_minutes != duration_minutes)
    kiosk_wipe_string (&self->slot);
  self->duration_minutes = duration_minutes;
  self->price_minor = price_minor;
}

const char *
kiosk_booking_session_get_day (KioskBookingSession *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_SESSION (self), NULL);
  return self->day;
}

/* @day: YYYY-MM-DD in the spa's zone. */
void
kiosk_booking_session_set_day (KioskBookingSession *self,
                               const char          *day)
{
  g_return_if_fail (KIOSK_IS_BOOKING_SESSION (self));

  if (g_strcmp0 (self->day, day) != 0)
    kiosk_wipe_string (&self->slot);
  replace_string (&self->day, day);
}

const char *
kiosk_booking_session_get_slot (KioskBookingSession *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_SESSION (self), NULL);
  return self->slot;
}

/* @slot: the RFC 3339 start time exactly as the backend listed it. */
void
kiosk_booking_session_set_slot (KioskBookingSession *self,
                                const char          *slot)
{
  g_return_if_fail (KIOSK_IS_BOOKING_SESSION (self));
  replace_string (&self->slot, slot);
}

const char *
kiosk_booking_session_get_field (KioskBookingSession *self,
                                 KioskBookingField    field)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_SESSION (self), NULL);
  g_return_val_if_fail (field < KIOSK_BOOKING_N_FIELDS, NULL);

  return self->fields[field] != NULL ? self->fields[field] : "";
}

void
kiosk_booking_session_set_field (KioskBookingSession *self,
                                 KioskBookingField    field,
                                 const char          *text)
{
  g_return_if_fail (KIOSK_IS_BOOKING_SESSION (self));
  g_return_if_fail (field < KIOSK_BOOKING_N_FIELDS);

  if (text != NULL && *text == '\0')
    text = NULL;
  replace_string (&self->fields[field], text);
}

const char *
kiosk_booking_session_get_health_note (KioskBookingSession *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_SESSION (self), NULL);
  return self->health_note;
}

/* @note: sciatica, pregnancy, injury, prefer-not-to-say, or %NULL for none given. */
void
kiosk_booking_session_set_health_note (KioskBookingSession *self,
                                       const char          *note)
{
  g_return_if_fail (KIOSK_IS_BOOKING_SESSION (self));
  g_return_if_fail (note == NULL || kiosk_booking_is_health_note (note));

  replace_string (&self->health_note, note);
}

/**
 * kiosk_booking_session_check_field:
 * @self: the session
 * @field: a typed field
 *
 * Returns: (nullable): what is wrong with the field, in plain words for the
 *   customer, or %NULL when it is good (an empty email is good)
 */
const char *
kiosk_booking_session_check_field (KioskBookingSession *self,
                                   KioskBookingField    field)
{
  const char *text = kiosk_booking_session_get_field (self, field);

  switch (field)
    {
    case KIOSK_BOOKING_FIELD_FIRST_NAME:
    case KIOSK_BOOKING_FIELD_LAST_NAME:
      return kiosk_booking_check_name (text, field);
    case KIOSK_BOOKING_FIELD_PHONE:
      return kiosk_booking_check_phone (text);
    case KIOSK_BOOKING_FIELD_EMAIL:
      return kiosk_booking_check_email (text);
    case KIOSK_BOOKING_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* TRUE when every typed field passes its check. */
gboolean
kiosk_booking_session_details_complete (KioskBookingSession *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_SESSION (self), FALSE);

  for (guint i = 0; i < KIOSK_BOOKING_N_FIELDS; i++)
    if (kiosk_booking_session_check_field (self, i) != NULL)
      return FALSE;
  return TRUE;
}

/* TRUE when nothing of a customer is left: the state after a clear. */
gboolean
kiosk_booking_session_is_empty (KioskBookingSession *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_SESSION (self), FALSE);

  for (guint i = 0; i < KIOSK_BOOKING_N_FIELDS; i++)
    if (self->fields[i] != NULL)
      return FALSE;
  return self->service_id == NULL && self->day == NULL && self->slot == NULL
         && self->health_note == NULL && self->duration_minutes == 0 && self->price_minor == 0;
}

/**
 * kiosk_booking_session_to_details:
 * @self: the session
 * @details: (out caller-allocates): filled with copies for the queue
 *
 * Fills @details with the booking as the backend wants it: names trimmed,
 * the phone as 10 digits, no empty email.
 *
 * Returns: %FALSE when a part is missing or a field is not good yet
 */
gboolean
kiosk_booking_session_to_details (KioskBookingSession *self,
                                  KioskBookingDetails *details)
{
  const char *email;

  g_return_val_if_fail (KIOSK_IS_BOOKING_SESSION (self), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  if (self->service_id == NULL || self->slot == NULL || !kiosk_booking_session_details_complete (self))
    return FALSE;

  email = self->fields[KIOSK_BOOKING_FIELD_EMAIL];
  details->service_id = g_strdup (self->service_id);
  details->start = g_strdup (self->slot);
  details->duration_minutes = self->duration_minutes;
  details->first_name = g_strstrip (g_strdup (self->fields[KIOSK_BOOKING_FIELD_FIRST_NAME]));
  details->last_name = g_strstrip (g_strdup (self->fields[KIOSK_BOOKING_FIELD_LAST_NAME]));
  details->phone = kiosk_booking_normalize_phone (self->fields[KIOSK_BOOKING_FIELD_PHONE]);
  details->email = email != NULL ? g_strstrip (g_strdup (email)) : NULL;
  details->health_note = g_strdup (self->health_note);
  return TRUE;
}

/**
 * kiosk_booking_session_clear:
 * @self: the session
 *
 * Forgets everything, wiping the bytes of every string first.
 */
void
kiosk_booking_session_clear (KioskBookingSession *self)
{
  g_return_if_fail (KIOSK_IS_BOOKING_SESSION (self));

  kiosk_wipe_string (&self->service_id);
  kiosk_wipe_string (&self->day);
  kiosk_wipe_string (&self->slot);
  kiosk_wipe_string (&self->health_note);
  for (guint i = 0; i < KIOSK_BOOKING_N_FIELDS; i++)
    kiosk_wipe_string (&self->fields[i]);
  self->duration_minutes = 0;
  self->price_minor = 0;
}

static const char *
name_problem (const char        *name,
              KioskBookingField  field)
{
  gboolean letter = FALSE;

  for (const char *p = name; *p != '\0' && !letter; p = g_utf8_next_char (p))
    letter = g_unichar_isalpha (g_utf8_get_char (p));

  if (*name == '\0')
    return field == KIOSK_BOOKING_FIELD_LAST_NAME ? _("Please type your last name.")
                                                  : _("Please type your first name.");
  if (!letter)
    return _("A name needs at least one letter.");
  if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    return _("Please keep a name to 100 letters or fewer.");
  return NULL;
}

/* Returns: (nullable): why @text is not a name, or %NULL */
const char *
kiosk_booking_check_name (const char        *text,
                          KioskBookingField  field)
{
  char *name = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *problem = name_problem (name, field);

  kiosk_wipe_string (&name);
  return problem;
}

/**
 * kiosk_booking_normalize_phone:
 * @text: a US phone number as typed: "(801) 555-0123", "1 801 555 0123"
 *
 * Returns: (nullable) (transfer full): the 10 digits, or %NULL when @text
 *   holds anything but digits, spaces, ( ) - . + or not 10 digits (11 with
 *   a leading 1)
 */
char *
kiosk_booking_normalize_phone (const char *text)
{
  GString *digits;

  if (text == NULL)
    return NULL;
  digits = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr (" ()-.+", *p) == NULL)
        {
          explicit_bzero (digits->str, digits->len);
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  if (digits->len == 11 && digits->str[0] == '1')
    g_string_erase (digits, 0, 1);
  if (digits->len != 10)
    {
      explicit_bzero (digits->str, digits->len);
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

/* Returns: (nullable): why @text is not a US phone number, or %NULL */
const char *
kiosk_booking_check_phone (const char *text)
{
  g_autofree char *digits = NULL;

  if (text == NULL || *text == '\0')
    return _("Please type your mobile phone number.");
  digits = kiosk_booking_normalize_phone (text);
  if (digits == NULL)
    return _("A US phone number has 10 digits, like 801 555 0123.");
  kiosk_wipe_string (&digits);
  return NULL;
}

/* Something@something.something without spaces: the backend's rule. */
static gboolean
looks_like_email (const char *email)
{
  const char *at = strchr (email, '@');
  const char *domain = at != NULL ? at + 1 : NULL;
  gsize domain_len;

  if (at == NULL || at == email || strchr (domain, '@') != NULL || strlen (email) > MAX_EMAIL_BYTES)
    return FALSE;
  for (const char *p = email; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || (guchar) *p < 0x20)
      return FALSE;
  domain_len = strlen (domain);
  return strchr (domain, '.') != NULL && domain[0] != '.' && domain[domain_len - 1] != '.'
         && strstr (domain, "..") == NULL;
}

/* Returns: (nullable): why @text is not an email address, or %NULL (an
 *   empty email is fine: it is optional) */
const char *
kiosk_booking_check_email (const char *text)
{
  char *email = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean good = *email == '\0' || looks_like_email (email);

  kiosk_wipe_string (&email);
  if (good)
    return NULL;
  return _("This does not look like an email address. It should look like name@example.com, "
           "or leave it empty.");
}

gboolean
kiosk_booking_is_health_note (const char *note)
{
  return note != NULL && g_strv_contains (health_notes, note);
}
