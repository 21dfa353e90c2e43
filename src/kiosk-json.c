/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-json.c: strict JSON parsing and typed member access on top of json-c. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kiosk-json.h"

G_DEFINE_QUARK (kiosk-json-error-quark, kiosk_json_error)

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* json-c takes NaN and Infinity even in strict mode, and reads a number too
 * large for a double as infinity: neither is JSON (RFC 8259), and neither
 * could be written back out as JSON. */
static gboolean
has_non_finite (json_object *value)
{
  switch (json_object_get_type (value))
    {
    case json_type_double:
      return !isfinite (json_object_get_double (value));
    case json_type_array:
      for (size_t i = 0; i < json_object_array_length (value); i++)
        {
          json_object *item = json_object_array_get_idx (value, i);

          if (item != NULL && has_non_finite (item))
            return TRUE;
        }
      return FALSE;
    case json_type_object:
      {
        struct json_object_iterator it = json_object_iter_begin (value);
        struct json_object_iterator end = json_object_iter_end (value);

        for (; !json_object_iter_equal (&it, &end); json_object_iter_next (&it))
          {
            json_object *member = json_object_iter_peek_value (&it);

            if (member != NULL && has_non_finite (member))
              return TRUE;
          }
        return FALSE;
      }
    case json_type_null:
    case json_type_boolean:
    case json_type_int:
    case json_type_string:
    default:
      return FALSE;
    }
}

/**
 * kiosk_json_parse:
 * @data: the text, not necessarily nul-terminated
 * @length: its length in bytes
 * @max_depth: the deepest nesting accepted
 * @error: return location for a #KIOSK_JSON_ERROR_SYNTAX
 *
 * Parses exactly one JSON value in strict mode with UTF-8 checked. A
 * document that is truncated, nested deeper than @max_depth, followed by
 * anything but white space or holding a number that is not finite is refused.
 *
 * Returns: (transfer full): the value, or %NULL with @error set
 */
json_object *
kiosk_json_parse (const char  *data,
                  gsize        length,
                  int          max_depth,
                  GError     **error)
{
  g_autoptr(json_object) value = NULL;
  struct json_tokener *tok;
  enum json_tokener_error jerr;
  const char *bad = NULL;
  gsize end;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (max_depth > 0, NULL);

  if (length > G_MAXINT)
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_SYNTAX, _("the text is too large"));
      return NULL;
    }

  /* json-c's own check lets overlong forms such as C1 A9 through, which
   * GTK and Pango then refuse to show. */
  if (!g_utf8_validate_len (data ? data : "", length, &bad))
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_SYNTAX,
                   _("it is not valid UTF-8 text (at byte %lu)"),
                   (unsigned long) (bad - (data ? data : "")));
      return NULL;
    }

  tok = json_tokener_new_ex (max_depth);
  json_tokener_set_flags (tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  value = json_tokener_parse_ex (tok, data ? data : "", (int) length);
  jerr = json_tokener_get_error (tok);
  end = json_tokener_get_parse_end (tok);

  /* A number or a literal that ends the text ("5", "true") is only complete
   * once json-c is told that nothing follows: its final nul says so. */
  if (jerr == json_tokener_continue)
    {
      value = json_tokener_parse_ex (tok, "", 1);
      jerr = json_tokener_get_error (tok);
      end = length;
      if (jerr == json_tokener_error_parse_eof)
        jerr = json_tokener_continue;
    }
  json_tokener_free (tok);

  if (jerr == json_tokener_continue || (value == NULL && jerr == json_tokener_success))
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_SYNTAX,
                   _("the text ends before the JSON is complete"));
      return NULL;
    }
  if (jerr != json_tokener_success)
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_SYNTAX,
                   _("it is not valid JSON (%s at byte %lu)"),
                   json_tokener_error_desc (jerr), (unsigned long) end);
      return NULL;
    }

  if (has_non_finite (value))
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_SYNTAX,
                   _("it is not valid JSON (a number is NaN, infinite or too large)"));
      return NULL;
    }

  for (gsize i = end; i < length; i++)
    {
      if (!is_json_space (data[i]))
        {
          g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_SYNTAX,
                       _("unexpected text after the JSON at byte %lu"), (unsigned long) i);
          return NULL;
        }
    }

  return g_steal_pointer (&value);
}

static const char *
type_name (json_type type)
{
  switch (type)
    {
    case json_type_string:  return _("a text");
    case json_type_int:     return _("a whole number");
    case json_type_boolean: return _("true or false");
    case json_type_object:  return _("an object");
    case json_type_array:   return _("a list");
    case json_type_double:  return _("a number");
    case json_type_null:
    default:                return _("null");
    }
}

/* Finds @member and checks its type. Returns FALSE with @error set on a type
 * mismatch or a missing required member; TRUE with *out = NULL when an
 * optional member is absent or null. */
static gboolean
get_typed (json_object  *object,
           const char   *member,
           json_type     type,
           gboolean      required,
           json_object **out,
           GError      **error)
{
  json_object *value = NULL;

  *out = NULL;

  if (object == NULL || !json_object_is_type (object, json_type_object))
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_TYPE,
                   _("expected an object holding “%s”"), member);
      return FALSE;
    }

  if (!json_object_object_get_ex (object, member, &value) || value == NULL)
    {
      if (!required)
        return TRUE;
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_MISSING,
                   _("the field “%s” is missing"), member);
      return FALSE;
    }

  if (!json_object_is_type (value, type))
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_TYPE,
                   _("the field “%s” must be %s, not %s"),
                   member, type_name (type), type_name (json_object_get_type (value)));
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
kiosk_json_get_string (json_object  *object,
                       const char   *member,
                       gboolean      required,
                       const char  **out_value,
                       GError      **error)
{
  json_object *value;

  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  *out_value = NULL;
  if (!get_typed (object, member, json_type_string, required, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  /* An embedded nul would silently cut the text short everywhere after. */
  if (strlen (json_object_get_string (value)) != (gsize) json_object_get_string_len (value))
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_RANGE,
                   _("the field “%s” contains a nul character"), member);
      return FALSE;
    }

  *out_value = json_object_get_string (value);
  return TRUE;
}

gboolean
kiosk_json_get_int (json_object  *object,
                    const char   *member,
                    gboolean      required,
                    gint64        min,
                    gint64        max,
                    gint64       *out_value,
                    GError      **error)
{
  json_object *value;
  gint64 number;

  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);
  g_return_val_if_fail (min <= max, FALSE);

  if (!get_typed (object, member, json_type_int, required, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  /* json-c clamps integers beyond 64 bits to the limits, so the limits
   * themselves are refused: no field of ours can legitimately hold them. */
  number = json_object_get_int64 (value);
  if (number == G_MAXINT64 || number == G_MININT64 || number < min || number > max)
    {
      g_set_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_RANGE,
                   _("the field “%s” must be between %lld and %lld"),
                   member, (long long) min, (long long) max);
      return FALSE;
    }

  *out_value = number;
  return TRUE;
}

gboolean
kiosk_json_get_bool (json_object  *object,
                     const char   *member,
                     gboolean      required,
                     gboolean     *out_value,
                     GError      **error)
{
  json_object *value;

  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (!get_typed (object, member, json_type_boolean, required, &value, error))
    return FALSE;
  if (value != NULL)
    *out_value = json_object_get_boolean (value);
  return TRUE;
}

gboolean
kiosk_json_get_object (json_object  *object,
                       const char   *member,
                       gboolean      required,
                       json_object **out_value,
                       GError      **error)
{
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  return get_typed (object, member, json_type_object, required, out_value, error);
}

gboolean
kiosk_json_get_array (json_object  *object,
                      const char   *member,
                      gboolean      required,
                      json_object **out_value,
                      GError      **error)
{
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  return get_typed (object, member, json_type_array, required, out_value, error);
}

/**
 * kiosk_json_type_name:
 * @type: a JSON type
 *
 * Returns: (transfer none): the type in plain words, such as “a text”, for
 *   error messages
 */
const char *
kiosk_json_type_name (json_type type)
{
  return type_name (type);
}
