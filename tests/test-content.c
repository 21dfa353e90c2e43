/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-content.c: the bundled catalogue, content files from disk, and every way a file is refused. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "kiosk-content.h"

#define BUNDLED_URI "resource://" RESOURCE_PREFIX "/content/content.json"

static const char * const service_ids[] = { "relaxation", "hot-stone", "deep-tissue", "thai" };

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "content", name, NULL);
}

static void
assert_is_bundled (KioskContent *content)
{
  g_assert_nonnull (content);
  g_assert_cmpstr (kiosk_content_get_source_name (content), ==, BUNDLED_URI);
  g_assert_cmpuint (g_list_model_get_n_items (kiosk_content_get_services (content)), ==, 4);
}

/* A text that is present in Spanish, not the English fallback. */
static void
assert_translated (const char *english,
                   const char *spanish)
{
  g_assert_nonnull (english);
  g_assert_nonnull (spanish);
  g_assert_cmpstr (english, !=, "");
  g_assert_cmpstr (spanish, !=, "");
  g_assert_cmpstr (english, !=, spanish);
}

static void
test_bundled_spa (void)
{
  g_autoptr(KioskContent) content = kiosk_content_new_bundled ();
  const char * const *languages = kiosk_content_get_languages (content);

  assert_is_bundled (content);
  g_assert_cmpstr (kiosk_content_get_spa_name (content), ==, "Matrix Spa and Massage");
  g_assert_cmpstr (kiosk_content_get_phone (content), ==, "801-505-9340");
  g_assert_cmpstr (kiosk_content_get_currency (content), ==, "USD");
  g_assert_cmpuint (g_strv_length ((char **) languages), ==, 2);
  g_assert_cmpstr (languages[0], ==, "en");
  g_assert_cmpstr (languages[1], ==, "es");
}

static void
assert_service_complete (KioskService *service)
{
  assert_translated (kiosk_service_get_name (service, "en"),
                     kiosk_service_get_name (service, "es"));
  assert_translated (kiosk_service_get_summary (service, "en"),
                     kiosk_service_get_summary (service, "es"));
  assert_translated (kiosk_service_get_description (service, "en"),
                     kiosk_service_get_description (service, "es"));
  assert_translated (kiosk_service_get_helps (service, "en"),
                     kiosk_service_get_helps (service, "es"));
  assert_translated (kiosk_service_get_expect (service, "en"),
                     kiosk_service_get_expect (service, "es"));
  g_assert_true (g_str_has_suffix (kiosk_service_get_icon_name (service), "-symbolic"));

  g_assert_cmpuint (kiosk_service_get_n_options (service), >=, 1);
  for (guint i = 0; i < kiosk_service_get_n_options (service); i++)
    {
      guint minutes = 0, price = 0;

      kiosk_service_get_option (service, i, &minutes, &price);
      g_assert_cmpuint (minutes, >=, 15);
      g_assert_cmpuint (minutes, <=, 240);
      g_assert_cmpuint (price, >, 0);
    }
}

static void
test_bundled_services (void)
{
  g_autoptr(KioskContent) content = kiosk_content_new_bundled ();
  GListModel *services = kiosk_content_get_services (content);

  g_assert_true (g_list_model_get_item_type (services) == KIOSK_TYPE_SERVICE);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, G_N_ELEMENTS (service_ids));

  for (guint i = 0; i < G_N_ELEMENTS (service_ids); i++)
    {
      g_autoptr(KioskService) service = g_list_model_get_item (services, i);

      g_assert_cmpstr (kiosk_service_get_id (service), ==, service_ids[i]);
      g_assert_true (kiosk_content_find_service (content, service_ids[i]) == service);
      assert_service_complete (service);
    }

  g_assert_null (kiosk_content_find_service (content, "swedish"));
}

static void
test_bundled_highlights (void)
{
  g_autoptr(KioskContent) content = kiosk_content_new_bundled ();
  guint n = kiosk_content_get_n_highlights (content);

  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      assert_translated (kiosk_content_get_highlight_title (content, i, "en"),
                         kiosk_content_get_highlight_title (content, i, "es"));
      assert_translated (kiosk_content_get_highlight_text (content, i, "en"),
                         kiosk_content_get_highlight_text (content, i, "es"));
    }
}

/* Every text of a section, in both languages, for the checks on facts. */
static void
append_section (GString      *all,
                KioskContent *content,
                guint         index,
                const char   *lang)
{
  const char *body = kiosk_content_get_sciatica_body (content, index, lang);
  const char * const *points = kiosk_content_get_sciatica_points (content, index, lang);

  g_string_append_printf (all, "%s\n", kiosk_content_get_sciatica_heading (content, index, lang));
  if (body != NULL)
    g_string_append_printf (all, "%s\n", body);
  for (guint i = 0; points[i] != NULL; i++)
    g_string_append_printf (all, "%s\n", points[i]);
}

static void
assert_section_translated (KioskContent *content,
                           guint         index)
{
  const char * const *en = kiosk_content_get_sciatica_points (content, index, "en");
  const char * const *es = kiosk_content_get_sciatica_points (content, index, "es");

  assert_translated (kiosk_content_get_sciatica_heading (content, index, "en"),
                     kiosk_content_get_sciatica_heading (content, index, "es"));
  g_assert_true (kiosk_content_get_sciatica_body (content, index, "en") != NULL || en[0] != NULL);

  g_assert_cmpuint (g_strv_length ((char **) en), ==, g_strv_length ((char **) es));
  for (guint i = 0; en[i] != NULL; i++)
    assert_translated (en[i], es[i]);
}

static void
test_bundled_sciatica (void)
{
  g_autoptr(KioskContent) content = kiosk_content_new_bundled ();
  g_autoptr(GString) all = g_string_new (NULL);
  guint n = kiosk_content_get_n_sciatica_sections (content);

  assert_translated (kiosk_content_get_sciatica_title (content, "en"),
                     kiosk_content_get_sciatica_title (content, "es"));
  assert_translated (kiosk_content_get_sciatica_intro (content, "en"),
                     kiosk_content_get_sciatica_intro (content, "es"));
  assert_translated (kiosk_content_get_sciatica_disclaimer (content, "en"),
                     kiosk_content_get_sciatica_disclaimer (content, "es"));

  /* What it is, symptoms, the nerve, who, how massage helps, exercise. */
  g_assert_cmpuint (n, ==, 6);
  for (guint i = 0; i < n; i++)
    {
      assert_section_translated (content, i);
      append_section (all, content, i, "en");
    }

  g_assert_nonnull (strstr (all->str, "symptom"));
  g_assert_nonnull (strstr (all->str, "largest nerve"));
  g_assert_nonnull (strstr (all->str, "40 and 50"));
  g_assert_nonnull (strstr (all->str, "endorphins"));
  g_assert_nonnull (strstr (all->str, "Ask your doctor before you start any exercise"));
  g_assert_cmpuint (g_strv_length ((char **) kiosk_content_get_sciatica_points (content, 1, "es")), ==, 4);
  g_assert_cmpuint (g_strv_length ((char **) kiosk_content_get_sciatica_points (content, 4, "es")), ==, 2);
  /* Not a claim the kiosk may make as a medical fact. */
  g_assert_null (strstr (all->str, "side effect"));

  g_assert_nonnull (strstr (kiosk_content_get_sciatica_disclaimer (content, "en"),
                            "not medical advice"));
  g_assert_nonnull (strstr (kiosk_content_get_sciatica_disclaimer (content, "es"),
                            "no un consejo médico"));
}

static void
test_load_default (void)
{
  const char *paths[] = { NULL, "" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KioskContent) content = kiosk_content_load (paths[i], &error);

      g_assert_no_error (error);
      assert_is_bundled (content);
    }
}

static void
test_load_valid_file (void)
{
  g_autofree char *path = fixture ("valid-minimal.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskContent) content = kiosk_content_load (path, &error);
  g_autoptr(KioskService) service = NULL;
  const char * const *points;
  guint minutes = 0, price = 0;

  /* The file also has members the kiosk does not know ("_note" and
   * others), which are ignored. */
  g_assert_no_error (error);
  g_assert_cmpstr (kiosk_content_get_source_name (content), ==, path);
  g_assert_cmpstr (kiosk_content_get_spa_name (content), ==, "Test Spa");
  g_assert_cmpuint (g_list_model_get_n_items (kiosk_content_get_services (content)), ==, 1);

  service = g_list_model_get_item (kiosk_content_get_services (content), 0);
  g_assert_cmpstr (kiosk_service_get_id (service), ==, "relaxation");
  kiosk_service_get_option (service, 0, &minutes, &price);
  g_assert_cmpuint (minutes, ==, 60);
  g_assert_cmpuint (price, ==, 8000);

  /* The file has no Spanish: every getter falls back to English. */
  g_assert_cmpstr (kiosk_service_get_name (service, "es"), ==, "Relaxation");
  g_assert_cmpstr (kiosk_content_get_sciatica_heading (content, 1, "es"), ==, "Symptoms");
  points = kiosk_content_get_sciatica_points (content, 1, "es");
  g_assert_cmpstr (points[0], ==, "Pain");
  g_assert_cmpstr (points[1], ==, "Tingling");
  g_assert_null (points[2]);

  /* A section with only a body has no points, and one with only points no body. */
  g_assert_null (kiosk_content_get_sciatica_points (content, 0, "en")[0]);
  g_assert_null (kiosk_content_get_sciatica_body (content, 1, "en"));
  g_assert_cmpuint (kiosk_content_get_n_highlights (content), ==, 0);
}

/* The file the spa copies and edits loads from disk just as it is bundled. */
static void
test_load_shipped_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "content",
                                                 "content.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskContent) content = kiosk_content_load (path, &error);
  g_autoptr(KioskContent) bundled = kiosk_content_new_bundled ();

  g_assert_no_error (error);
  g_assert_cmpstr (kiosk_content_get_source_name (content), ==, path);
  g_assert_cmpstr (kiosk_content_get_sciatica_disclaimer (content, "es"), ==,
                   kiosk_content_get_sciatica_disclaimer (bundled, "es"));
  g_assert_cmpuint (g_list_model_get_n_items (kiosk_content_get_services (content)), ==, 4);
}

static void
test_new_from_file (void)
{
  g_autofree char *path = fixture ("duplicate-id.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskContent) content = kiosk_content_new_from_file (file, &error);
  g_autofree char *prefix = g_strdup_printf ("“%s” cannot be used: ", path);

  g_assert_null (content);
  g_assert_error (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

/* A file kiosk_content_load() refuses: the error says which file, where
 * in it and why, and the kiosk carries on with the bundled content. */
typedef struct
{
  const char *file;
  KioskContentError code;
  const char *where_and_reason;
} RefusedFile;

static const RefusedFile refused_files[] = {
  { "malformed.json", KIOSK_CONTENT_ERROR_SYNTAX, "it is not valid JSON" },
  { "truncated.json", KIOSK_CONTENT_ERROR_SYNTAX, "the text ends before the JSON is complete" },
  { "missing-field.json", KIOSK_CONTENT_ERROR_MISSING_FIELD,
    "services[0]: the field “summary” is missing" },
  { "wrong-type.json", KIOSK_CONTENT_ERROR_WRONG_TYPE,
    "services[2].name: the field “es” must be a text, not a whole number" },
  { "unknown-language.json", KIOSK_CONTENT_ERROR_UNKNOWN_LANGUAGE,
    "services[0].summary: the language “fr” is not in the file’s list of “languages”" },
  { "empty-text.json", KIOSK_CONTENT_ERROR_INVALID,
    "sciatica.sections[0].heading: the field “en” is empty" },
  { "duplicate-id.json", KIOSK_CONTENT_ERROR_INVALID,
    "services[2]: the id “thai” is used by another service too" },
  { "bad-option.json", KIOSK_CONTENT_ERROR_INVALID,
    "services[0].options[0]: the field “minutes” must be between 15 and 240" },
  { "does-not-exist.json", KIOSK_CONTENT_ERROR_READ, "the file does not exist" },
};

static void
assert_refused (const char        *path,
                KioskContentError  code,
                const char        *where_and_reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskContent) content = kiosk_content_load (path, &error);
  g_autofree char *expected = g_strdup_printf ("“%s” was not used: %s", path, where_and_reason);

  g_assert_error (error, KIOSK_CONTENT_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("expected a message starting “%s”, got “%s”", expected, error->message);
  assert_is_bundled (content);
}

static void
test_refused_file (gconstpointer data)
{
  const RefusedFile *refused = data;
  g_autofree char *path = fixture (refused->file);

  assert_refused (path, refused->code, refused->where_and_reason);
}

static void
test_refused_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "content", NULL);

  assert_refused (path, KIOSK_CONTENT_ERROR_READ, "it is a folder, not a file");
}

static void
test_refused_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kiosk-content-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *valid = fixture ("valid-minimal.json");
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "content.json", NULL);
  g_assert_true (g_file_get_contents (valid, &text, NULL, &error));
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);

  if (access (path, R_OK) == 0)
    g_test_skip ("running with the power to read any file (as root)");
  else
    assert_refused (path, KIOSK_CONTENT_ERROR_READ, "the kiosk is not allowed to read it");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_refused_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kiosk-content-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "content.json", NULL);
  g_autofree char *text = g_strnfill (2 * 1024 * 1024, ' ');

  g_assert_no_error (error);
  text[0] = '{';
  text[2 * 1024 * 1024 - 1] = '}';
  g_assert_true (g_file_set_contents (path, text, -1, &error));

  assert_refused (path, KIOSK_CONTENT_ERROR_READ, "the file is larger than 1024 KiB");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Other refusals, as text: each starts from the minimal valid file. */
typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  KioskContentError code;
  const char *where_and_reason;
} RefusedEdit;

static const RefusedEdit refused_edits[] = {
  { "trailing-data", "\"Not medical advice.\" }\n  }\n}", "\"Not medical advice.\" }\n  }\n}\n,",
    KIOSK_CONTENT_ERROR_SYNTAX, "it is not valid JSON" },
  { "format-2", "\"format\": 1", "\"format\": 2",
    KIOSK_CONTENT_ERROR_INVALID, "the file is in format 2, but this kiosk reads format 1" },
  { "no-english", "\"languages\": [\"en\"]", "\"languages\": [\"es\"]",
    KIOSK_CONTENT_ERROR_MISSING_FIELD, "languages: the list must include “en”" },
  { "language-twice", "\"languages\": [\"en\"]", "\"languages\": [\"en\", \"en\"]",
    KIOSK_CONTENT_ERROR_INVALID, "languages[1]: the language “en” is listed twice" },
  { "bad-language", "\"languages\": [\"en\"]", "\"languages\": [\"en\", \"Spanish\"]",
    KIOSK_CONTENT_ERROR_INVALID, "languages[1]: “Spanish” is not a language code" },
  { "currency", "\"USD\"", "\"dollars\"",
    KIOSK_CONTENT_ERROR_INVALID, "the field “currency” must be a three-letter code" },
  { "empty-phone", "\"555-0100\"", "\"\"",
    KIOSK_CONTENT_ERROR_INVALID, "the field “phone” is empty" },
  { "bad-id", "\"id\": \"relaxation\"", "\"id\": \"Relaxation Massage\"",
    KIOSK_CONTENT_ERROR_INVALID, "services[0]: the id “Relaxation Massage” may only hold" },
  { "no-english-text", "{ \"en\": \"Calm.\" }", "{ }",
    KIOSK_CONTENT_ERROR_MISSING_FIELD, "services[0].summary: the field “en” is missing" },
  { "text-not-object", "{ \"en\": \"Calm.\" }", "\"Calm.\"",
    KIOSK_CONTENT_ERROR_WRONG_TYPE, "services[0]: the field “summary” must be an object, not a text" },
  { "no-options", "[ { \"minutes\": 60, \"price_cents\": 8000, \"label\": \"ignored\" } ]", "[]",
    KIOSK_CONTENT_ERROR_INVALID, "services[0]: the list “options” must have from 1 to 4 items, not 0" },
  { "price-too-high", "\"price_cents\": 8000", "\"price_cents\": 10000001",
    KIOSK_CONTENT_ERROR_INVALID, "services[0].options[0]: the field “price_cents” must be between" },
  { "price-fraction", "\"price_cents\": 8000", "\"price_cents\": 80.5",
    KIOSK_CONTENT_ERROR_WRONG_TYPE,
    "services[0].options[0]: the field “price_cents” must be a whole number, not a number" },
  { "option-not-object", "[ { \"minutes\": 60, \"price_cents\": 8000, \"label\": \"ignored\" } ]", "[ 60 ]",
    KIOSK_CONTENT_ERROR_WRONG_TYPE, "services[0].options[0]: this item must be an object, not a whole number" },
  { "empty-section", ", \"body\": { \"en\": \"A symptom.\" }", "",
    KIOSK_CONTENT_ERROR_MISSING_FIELD, "sciatica.sections[0]: a section needs a “body”, “points” or both" },
  { "empty-point", "{ \"en\": \"Tingling\" }", "{ \"en\": \"\" }",
    KIOSK_CONTENT_ERROR_INVALID, "sciatica.sections[1].points[1]: the field “en” is empty" },
  { "no-disclaimer", ",\n    \"disclaimer\": { \"en\": \"Not medical advice.\" }", "",
    KIOSK_CONTENT_ERROR_MISSING_FIELD, "sciatica: the field “disclaimer” is missing" },
  { "not-an-object", NULL, "[1, 2]",
    KIOSK_CONTENT_ERROR_WRONG_TYPE, "the file must hold a JSON object, not a list" },
};

static GBytes *
edited_minimal (const char *find,
                const char *replace)
{
  g_autofree char *path = fixture ("valid-minimal.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GString *edited;

  if (find == NULL)
    return g_bytes_new (replace, strlen (replace));

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, find, replace, 1), ==, 1);

  return g_string_free_to_bytes (edited);
}

static void
test_refused_edit (gconstpointer data)
{
  const RefusedEdit *refused = data;
  g_autoptr(GBytes) bytes = edited_minimal (refused->find, refused->replace);
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskContent) content = kiosk_content_new_from_bytes (bytes, "edited.json", &error);
  g_autofree char *expected = g_strdup_printf ("“edited.json” cannot be used: %s",
                                               refused->where_and_reason);

  g_assert_null (content);
  g_assert_error (error, KIOSK_CONTENT_ERROR, (int) refused->code);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("expected a message starting “%s”, got “%s”", expected, error->message);
}

static KioskContent *
minimal_with_currency (const char *currency)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", currency);
  g_autoptr(GBytes) bytes = edited_minimal ("\"USD\"", quoted);
  g_autoptr(GError) error = NULL;
  KioskContent *content = kiosk_content_new_from_bytes (bytes, "currency.json", &error);

  g_assert_no_error (error);
  return content;
}

static void
assert_price (KioskContent *content,
              guint         price_minor,
              const char   *lang,
              const char   *expected)
{
  g_autofree char *price = kiosk_content_format_price (content, price_minor, lang);

  g_assert_cmpstr (price, ==, expected);
}

static void
test_format_price (void)
{
  g_autoptr(KioskContent) content = kiosk_content_new_bundled ();
  g_autoptr(KioskContent) euro = minimal_with_currency ("EUR");
  g_autoptr(KioskContent) yen = minimal_with_currency ("JPY");

  assert_price (content, 8000, "en", "$80");
  assert_price (content, 8050, "en", "$80.50");
  assert_price (content, 5, "en", "$0.05");
  assert_price (content, 0, "en", "$0");
  assert_price (content, 120000, "en", "$1,200");
  assert_price (content, 10000000, "en", "$100,000");
  assert_price (content, 8000, "es", "80 US$");
  assert_price (content, 8050, "es", "80,50 US$");
  assert_price (content, 120000, "es", "1200 US$");
  assert_price (content, 1500000, "es", "15.000 US$");
  /* A language without its own rules is written as in English. */
  assert_price (content, 8000, "fr", "$80");

  assert_price (euro, 8050, "en", "EUR 80.50");
  assert_price (euro, 8050, "es", "80,50 EUR");
  assert_price (yen, 8000, "en", "JPY 8,000");
}

static void
test_format_duration (void)
{
  g_autoptr(KioskContent) content = kiosk_content_new_bundled ();
  const char *langs[] = { "en", "es", "fr" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *sixty = kiosk_content_format_duration (content, 60, langs[i]);
      g_autofree char *ninety = kiosk_content_format_duration (content, 90, langs[i]);

      g_assert_cmpstr (sixty, ==, "60 min");
      g_assert_cmpstr (ninety, ==, "90 min");
    }
}

static char *
test_path (const char *prefix,
           const char *file)
{
  g_autofree char *name = g_strdup (file);

  if (g_str_has_suffix (name, ".json"))
    name[strlen (name) - strlen (".json")] = '\0';

  return g_strdup_printf ("%s/%s", prefix, name);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/content/bundled/spa", test_bundled_spa);
  g_test_add_func ("/kiosk/content/bundled/services", test_bundled_services);
  g_test_add_func ("/kiosk/content/bundled/highlights", test_bundled_highlights);
  g_test_add_func ("/kiosk/content/bundled/sciatica", test_bundled_sciatica);
  g_test_add_func ("/kiosk/content/load/default", test_load_default);
  g_test_add_func ("/kiosk/content/load/valid-file", test_load_valid_file);
  g_test_add_func ("/kiosk/content/load/shipped-file", test_load_shipped_file);
  g_test_add_func ("/kiosk/content/new-from-file/names-file", test_new_from_file);

  for (guint i = 0; i < G_N_ELEMENTS (refused_files); i++)
    {
      g_autofree char *path = test_path ("/kiosk/content/load/refused", refused_files[i].file);

      g_test_add_data_func (path, &refused_files[i], test_refused_file);
    }
  g_test_add_func ("/kiosk/content/load/refused/folder", test_refused_folder);
  g_test_add_func ("/kiosk/content/load/refused/unreadable", test_refused_unreadable);
  g_test_add_func ("/kiosk/content/load/refused/too-large", test_refused_too_large);

  for (guint i = 0; i < G_N_ELEMENTS (refused_edits); i++)
    {
      g_autofree char *path = test_path ("/kiosk/content/parse/refused", refused_edits[i].name);

      g_test_add_data_func (path, &refused_edits[i], test_refused_edit);
    }

  g_test_add_func ("/kiosk/content/format/price", test_format_price);
  g_test_add_func ("/kiosk/content/format/duration", test_format_duration);

  return g_test_run ();
}
