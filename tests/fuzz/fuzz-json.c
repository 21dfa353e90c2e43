/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json.c: kiosk_json_parse and the typed getters on arbitrary bytes. */

#include "config.h"

#include <string.h>

#include "fuzz-target.h"
#include "kiosk-json.h"

static void walk (json_object *value, int depth);

/* Every getter on every member, with the member's own type and a wrong one. */
static void
walk_member (json_object *object,
             const char  *key)
{
  const char *text = NULL;
  gint64 number = 0;
  gboolean flag = FALSE;
  json_object *child = NULL;
  g_autoptr(GError) error = NULL;

  if (kiosk_json_get_string (object, key, TRUE, &text, &error))
    g_assert_true (text != NULL && g_utf8_validate (text, -1, NULL));
  else
    fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
  g_clear_error (&error);

  if (!kiosk_json_get_int (object, key, FALSE, -1000, 1000, &number, &error))
    fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
  else
    g_assert_true (number >= -1000 && number <= 1000);
  g_clear_error (&error);

  if (!kiosk_json_get_bool (object, key, TRUE, &flag, &error))
    fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
  g_clear_error (&error);

  if (!kiosk_json_get_object (object, key, FALSE, &child, &error))
    fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
  g_clear_error (&error);

  if (!kiosk_json_get_array (object, key, FALSE, &child, &error))
    fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
}

static void
walk (json_object *value,
      int          depth)
{
  g_assert_cmpint (depth, <=, KIOSK_JSON_MAX_DEPTH);
  g_assert_nonnull (kiosk_json_type_name (json_object_get_type (value)));

  if (json_object_is_type (value, json_type_object))
    {
      json_object_object_foreach (value, key, member)
        {
          walk_member (value, key);
          if (member != NULL)
            walk (member, depth + 1);
        }
    }
  else if (json_object_is_type (value, json_type_array))
    {
      for (size_t i = 0; i < json_object_array_length (value); i++)
        {
          json_object *item = json_object_array_get_idx (value, i);

          if (item != NULL)
            walk (item, depth + 1);
        }
    }
}

/* What the kiosk accepted, written out again, must be accepted again. */
static void
assert_round_trip (json_object *value)
{
  g_autoptr(json_object) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN);

  again = kiosk_json_parse (text, strlen (text), KIOSK_JSON_MAX_DEPTH, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_equal (value, again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(json_object) value = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_target_setup ();

  value = kiosk_json_parse ((const char *) data, size, KIOSK_JSON_MAX_DEPTH, &error);
  if (value == NULL)
    {
      fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
      g_assert_cmpint (error->code, ==, KIOSK_JSON_ERROR_SYNTAX);
      return 0;
    }

  g_assert_no_error (error);
  walk (value, 1);
  assert_round_trip (value);

  /* The getters on something that is not an object refuse in words. */
  if (!json_object_is_type (value, json_type_object))
    {
      const char *text = NULL;

      g_assert_false (kiosk_json_get_string (value, "x", FALSE, &text, &error));
      fuzz_target_assert_error (error, KIOSK_JSON_ERROR);
    }

  return 0;
}
