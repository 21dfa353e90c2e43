/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking.c: one customer's booking details and their JSON for POST /v1/bookings. */

#include "config.h"

#include <string.h>

#include "kiosk-booking.h"
#include "kiosk-json.h"

/**
 * kiosk_wipe_string:
 * @str: (inout) (transfer full) (nullable): a string to wipe and free
 *
 * Overwrites the string's bytes before freeing it and sets *@str to %NULL.
 */
void
kiosk_wipe_string (char **str)
{
  g_return_if_fail (str != NULL);

  if (*str != NULL)
    explicit_bzero (*str, strlen (*str));
  g_clear_pointer (str, g_free);
}

/**
 * kiosk_booking_details_clear:
 * @details: the details to wipe
 *
 * Wipes and frees every string; the struct can be filled again afterwards.
 */
void
kiosk_booking_details_clear (KioskBookingDetails *details)
{
  g_return_if_fail (details != NULL);

  kiosk_wipe_string (&details->service_id);
  kiosk_wipe_string (&details->start);
  details->duration_minutes = 0;
  kiosk_wipe_string (&details->first_name);
  kiosk_wipe_string (&details->last_name);
  kiosk_wipe_string (&details->phone);
  kiosk_wipe_string (&details->email);
  kiosk_wipe_string (&details->health_note);
}

/* json-c copies every string it is given; wipe its copies too before
 * json_object_put() frees them. */
static void
wipe_json_strings (json_object *object)
{
  if (json_object_is_type (object, json_type_string))
    {
      char *text = (char *) json_object_get_string (object);

      explicit_bzero (text, json_object_get_string_len (object));
      return;
    }

  if (json_object_is_type (object, json_type_object))
    {
      json_object_object_foreach (object, key, value)
        {
          (void) key;
          if (value != NULL)
            wipe_json_strings (value);
        }
    }
}

static void
wipe_and_free (gpointer data)
{
  char *text = data;

  kiosk_wipe_string (&text);
}

static json_object *
customer_to_json (const KioskBookingDetails *details)
{
  json_object *customer = json_object_new_object ();

  json_object_object_add (customer, "first_name", json_object_new_string (details->first_name));
  json_object_object_add (customer, "last_name", json_object_new_string (details->last_name));
  json_object_object_add (customer, "phone", json_object_new_string (details->phone));
  if (details->email != NULL && *details->email != '\0')
    json_object_object_add (customer, "email", json_object_new_string (details->email));

  return customer;
}

/**
 * kiosk_booking_details_to_json:
 * @details: a complete booking
 * @kiosk_id: this kiosk's name in the backend
 *
 * Builds the body of POST /v1/bookings (docs/backend-api.md). The queue
 * stores these bytes and resends exactly them with the same key. Freeing
 * the last reference wipes the bytes.
 *
 * Returns: (transfer full): the UTF-8 JSON body
 */
GBytes *
kiosk_booking_details_to_json (const KioskBookingDetails *details,
                               const char                *kiosk_id)
{
  g_autoptr(json_object) root = NULL;
  const char *text;
  size_t length = 0;
  char *copy;

  g_return_val_if_fail (details != NULL, NULL);
  g_return_val_if_fail (details->service_id != NULL && details->start != NULL, NULL);
  g_return_val_if_fail (details->first_name != NULL && details->last_name != NULL, NULL);
  g_return_val_if_fail (details->phone != NULL, NULL);
  g_return_val_if_fail (kiosk_id != NULL, NULL);

  root = json_object_new_object ();
  json_object_object_add (root, "service", json_object_new_string (details->service_id));
  json_object_object_add (root, "start", json_object_new_string (details->start));
  if (details->duration_minutes > 0)
    json_object_object_add (root, "duration_minutes",
                            json_object_new_int ((int) details->duration_minutes));
  json_object_object_add (root, "customer", customer_to_json (details));
  if (details->health_note != NULL && *details->health_note != '\0')
    json_object_object_add (root, "health_note", json_object_new_string (details->health_note));
  json_object_object_add (root, "kiosk_id", json_object_new_string (kiosk_id));

  text = json_object_to_json_string_length (root,
                                            JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE,
                                            &length);
  copy = g_strndup (text, length);

  /* The printed text lives in the object's own buffer until it is freed. */
  explicit_bzero ((char *) text, length);
  wipe_json_strings (root);

  return g_bytes_new_with_free_func (copy, length, wipe_and_free, copy);
}
