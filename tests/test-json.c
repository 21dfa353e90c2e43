/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c: strict parsing and typed member access. */

#include "config.h"

#include <string.h>

#include "kiosk-json.h"

static json_object *
parse (const char  *text,
       GError     **error)
{
  return kiosk_json_parse (text, strlen (text), KIOSK_JSON_MAX_DEPTH, error);
}

static void
test_parse_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(json_object) obj = parse (" {\"a\": [1, 2], \"b\": \"ñ\"}\n", &error);
  const char *b = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (obj);
  g_assert_true (kiosk_json_get_string (obj, "b", TRUE, &b, &error));
  g_assert_cmpstr (b, ==, "ñ");
}

/* json-c waits for more digits after a number that ends the text. */
static void
test_parse_scalar_at_end (void)
{
  const char *good[] = { "5", "-1.5", "1e5", "true", "false", "\"x\"", " 7" };
  const char *truncated[] = { "tru", "-", "[1", "\"a", "{\"a\": 1" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(json_object) obj = parse (good[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (obj);
    }

  for (guint i = 0; i < G_N_ELEMENTS (truncated); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(json_object) obj = parse (truncated[i], &error);

      g_assert_null (obj);
      g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_SYNTAX);
    }
}

static void
test_parse_refused (void)
{
  const char *bad[] = {
    "",                      /* empty */
    "{\"a\": 1",             /* truncated */
    "{\"a\": 1} x",          /* trailing data */
    "{\"a\": 1}{}",          /* two documents */
    "{a: 1}",                /* not strict */
    "[1, 2,]",               /* trailing comma */
    "\"\xff\xfe\"",          /* bad UTF-8 */
    "\"tailand\xc1\xa9s\"",   /* overlong UTF-8, which json-c lets through */
    "\"\xed\xa0\x80\"",       /* a UTF-16 surrogate written as UTF-8 */
    "<html>502</html>",      /* not JSON at all */
    "NaN",                   /* json-c takes these even in strict mode */
    "[Infinity]",
    "{\"n\": -Infinity}",
    "[1e400]",               /* too large for a double: infinity */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(json_object) obj = parse (bad[i], &error);

      g_assert_null (obj);
      g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_SYNTAX);
    }
}

static void
test_parse_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(json_object) obj = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 40; i++)
    g_string_append_c (deep, ']');

  obj = kiosk_json_parse (deep->str, deep->len, KIOSK_JSON_MAX_DEPTH, &error);
  g_assert_null (obj);
  g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_SYNTAX);
}

static void
test_members (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(json_object) obj = parse ("{\"s\": \"x\", \"n\": 42, \"t\": true, \"o\": {},"
                                      " \"a\": [], \"z\": null, \"big\": 99999999999999999999}",
                                      &error);
  const char *s = NULL;
  gint64 n = 0;
  gboolean t = FALSE;
  json_object *o = NULL;

  g_assert_no_error (error);

  g_assert_true (kiosk_json_get_int (obj, "n", TRUE, 0, 100, &n, &error));
  g_assert_cmpint (n, ==, 42);
  g_assert_true (kiosk_json_get_bool (obj, "t", TRUE, &t, &error));
  g_assert_true (t);
  g_assert_true (kiosk_json_get_object (obj, "o", TRUE, &o, &error));
  g_assert_nonnull (o);
  g_assert_true (kiosk_json_get_array (obj, "a", TRUE, &o, &error));
  g_assert_nonnull (o);

  /* Optional and absent, or null: fine, and nothing is returned. */
  g_assert_true (kiosk_json_get_string (obj, "missing", FALSE, &s, &error));
  g_assert_null (s);
  g_assert_true (kiosk_json_get_string (obj, "z", FALSE, &s, &error));
  g_assert_null (s);
  g_assert_no_error (error);

  g_assert_false (kiosk_json_get_string (obj, "missing", TRUE, &s, &error));
  g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "“missing”"));
  g_clear_error (&error);

  g_assert_false (kiosk_json_get_string (obj, "n", TRUE, &s, &error));
  g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_TYPE);
  g_assert_cmpstr (error->message, ==, "the field “n” must be a text, not a whole number");
  g_clear_error (&error);

  g_assert_false (kiosk_json_get_int (obj, "n", TRUE, 0, 10, &n, &error));
  g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_RANGE);
  g_clear_error (&error);

  g_assert_false (kiosk_json_get_int (obj, "big", TRUE, G_MININT64, G_MAXINT64, &n, &error));
  g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_RANGE);
  g_clear_error (&error);
}

static void
test_embedded_nul (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(json_object) obj = parse ("{\"s\": \"a\\u0000b\"}", &error);
  const char *s = NULL;

  g_assert_no_error (error);
  g_assert_false (kiosk_json_get_string (obj, "s", TRUE, &s, &error));
  g_assert_error (error, KIOSK_JSON_ERROR, KIOSK_JSON_ERROR_RANGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/json/parse-valid", test_parse_valid);
  g_test_add_func ("/kiosk/json/parse-scalar-at-end", test_parse_scalar_at_end);
  g_test_add_func ("/kiosk/json/parse-refused", test_parse_refused);
  g_test_add_func ("/kiosk/json/parse-depth", test_parse_depth);
  g_test_add_func ("/kiosk/json/members", test_members);
  g_test_add_func ("/kiosk/json/embedded-nul", test_embedded_nul);

  return g_test_run ();
}
