/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-content.c: the spa's catalogue and sciatica article, read from JSON. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-content-private.h"
#include "kiosk-json.h"

/* The one format this kiosk reads. A later kiosk that changes the meaning of
 * a field raises it, so an older kiosk refuses the file instead of guessing. */
#define CONTENT_FORMAT 1

/* The real file is a few tens of KiB; anything this big is not content. */
#define MAX_FILE_SIZE (1024 * 1024)

#define BUNDLED_URI "resource://" RESOURCE_PREFIX "/content/content.json"

#define MAX_LANGUAGES  8
#define MAX_SERVICES   12
#define MAX_HIGHLIGHTS 8
#define MAX_SECTIONS   12
#define MAX_POINTS     12
#define MAX_ID_LENGTH  64

typedef struct
{
  KioskText title;
  KioskText text;
} Highlight;

typedef struct
{
  KioskText heading;
  KioskText body;          /* or NULL */
  GPtrArray *points;       /* of KioskText */
  GPtrArray *by_language;  /* GStrv of the points, one per declared language */
} Section;

struct _KioskContent
{
  GObject parent_instance;

  char *source_name;
  GStrv languages;
  char *spa_name;
  char *phone;
  char *currency;
  GListStore *services;
  GPtrArray *highlights;   /* of Highlight */
  KioskText sciatica_title;
  KioskText sciatica_intro;
  GPtrArray *sections;     /* of Section */
  KioskText sciatica_disclaimer;
};

G_DEFINE_FINAL_TYPE (KioskContent, kiosk_content, G_TYPE_OBJECT)

G_DEFINE_QUARK (kiosk-content-error-quark, kiosk_content_error)

static void
highlight_free (Highlight *highlight)
{
  g_strfreev (highlight->title);
  g_strfreev (highlight->text);
  g_free (highlight);
}

static void
section_free (Section *section)
{
  g_strfreev (section->heading);
  g_strfreev (section->body);
  g_ptr_array_unref (section->points);
  g_ptr_array_unref (section->by_language);
  g_free (section);
}

static Section *
section_new (void)
{
  Section *section = g_new0 (Section, 1);

  section->points = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  section->by_language = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return section;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Section, section_free)

/* Errors. Every message names where in the file the problem is, as a path
 * such as "services[2].name", then the reason in plain words. */

static int
code_for_json_error (const GError *cause)
{
  if (cause->domain != KIOSK_JSON_ERROR)
    return KIOSK_CONTENT_ERROR_INVALID;

  switch (cause->code)
    {
    case KIOSK_JSON_ERROR_SYNTAX:  return KIOSK_CONTENT_ERROR_SYNTAX;
    case KIOSK_JSON_ERROR_MISSING: return KIOSK_CONTENT_ERROR_MISSING_FIELD;
    case KIOSK_JSON_ERROR_TYPE:    return KIOSK_CONTENT_ERROR_WRONG_TYPE;
    case KIOSK_JSON_ERROR_RANGE:
    default:                       return KIOSK_CONTENT_ERROR_INVALID;
    }
}

/* Takes @cause, sets @error to it with @where in front. Returns FALSE. */
static gboolean
fail_from (GError     **error,
           const char  *where,
           GError      *cause)
{
  int code = code_for_json_error (cause);

  if (where[0] != '\0')
    g_set_error (error, KIOSK_CONTENT_ERROR, code, "%s: %s", where, cause->message);
  else
    g_set_error_literal (error, KIOSK_CONTENT_ERROR, code, cause->message);

  g_error_free (cause);
  return FALSE;
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail (GError            **error,
      KioskContentError   code,
      const char         *where,
      const char         *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (where[0] != '\0')
    g_set_error (error, KIOSK_CONTENT_ERROR, code, "%s: %s", where, reason);
  else
    g_set_error_literal (error, KIOSK_CONTENT_ERROR, code, reason);

  return FALSE;
}

static char *
member_path (const char *where,
             const char *member)
{
  if (where[0] == '\0')
    return g_strdup (member);

  return g_strdup_printf ("%s.%s", where, member);
}

static char *
item_path (const char *list_path,
           guint       index)
{
  return g_strdup_printf ("%s[%u]", list_path, index);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* Typed members, with errors that say where. */

static gboolean
get_string (json_object  *object,
            const char   *where,
            const char   *member,
            gboolean      required,
            const char  **out_value,
            GError      **error)
{
  GError *cause = NULL;

  if (kiosk_json_get_string (object, member, required, out_value, &cause))
    return TRUE;

  return fail_from (error, where, cause);
}

static gboolean
get_int (json_object  *object,
         const char   *where,
         const char   *member,
         gint64        min,
         gint64        max,
         gint64       *out_value,
         GError      **error)
{
  GError *cause = NULL;

  if (kiosk_json_get_int (object, member, TRUE, min, max, out_value, &cause))
    return TRUE;

  return fail_from (error, where, cause);
}

static gboolean
get_object (json_object  *object,
            const char   *where,
            const char   *member,
            gboolean      required,
            json_object **out_value,
            GError      **error)
{
  GError *cause = NULL;

  if (kiosk_json_get_object (object, member, required, out_value, &cause))
    return TRUE;

  return fail_from (error, where, cause);
}

/* A list of @min to @max items; an absent optional list is NULL. */
static gboolean
get_list (json_object  *object,
          const char   *where,
          const char   *member,
          gboolean      required,
          gsize         min,
          gsize         max,
          json_object **out_value,
          GError      **error)
{
  GError *cause = NULL;
  gsize length;

  if (!kiosk_json_get_array (object, member, required, out_value, &cause))
    return fail_from (error, where, cause);
  if (*out_value == NULL)
    return TRUE;

  length = json_object_array_length (*out_value);
  if (length < min || length > max)
    return fail (error, KIOSK_CONTENT_ERROR_INVALID, where,
                 _("the list “%s” must have from %" G_GSIZE_FORMAT " to %" G_GSIZE_FORMAT
                   " items, not %" G_GSIZE_FORMAT),
                 member, min, max, length);

  return TRUE;
}

static gboolean
get_item_object (json_object  *list,
                 gsize         index,
                 const char   *path,
                 json_object **out_value,
                 GError      **error)
{
  json_object *item = json_object_array_get_idx (list, index);

  if (!json_object_is_type (item, json_type_object))
    return fail (error, KIOSK_CONTENT_ERROR_WRONG_TYPE, path,
                 _("this item must be an object, not %s"),
                 kiosk_json_type_name (json_object_get_type (item)));

  *out_value = item;
  return TRUE;
}

/* A required string that is not just white space. */
static gboolean
get_filled_string (json_object  *object,
                   const char   *where,
                   const char   *member,
                   const char  **out_value,
                   GError      **error)
{
  if (!get_string (object, where, member, TRUE, out_value, error))
    return FALSE;

  if (is_blank (*out_value))
    return fail (error, KIOSK_CONTENT_ERROR_INVALID, where,
                 _("the field “%s” is empty"), member);

  return TRUE;
}

/* Texts in several languages: {"en": "...", "es": "..."}. */

static gboolean
parse_text (KioskContent  *self,
            json_object   *object,
            const char    *path,
            KioskText     *out_text,
            GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *english;

  json_object_object_foreach (object, lang, unused)
    {
      (void) unused;
      if (!g_strv_contains ((const char * const *) self->languages, lang))
        return fail (error, KIOSK_CONTENT_ERROR_UNKNOWN_LANGUAGE, path,
                     _("the language “%s” is not in the file’s list of “languages”"), lang);
    }

  if (!get_string (object, path, "en", TRUE, &english, error))
    return FALSE;

  for (guint i = 0; self->languages[i] != NULL; i++)
    {
      const char *value;

      if (!get_string (object, path, self->languages[i], FALSE, &value, error))
        return FALSE;
      if (value == NULL)
        continue;
      if (is_blank (value))
        return fail (error, KIOSK_CONTENT_ERROR_INVALID, path,
                     _("the field “%s” is empty"), self->languages[i]);

      g_strv_builder_add (builder, self->languages[i]);
      g_strv_builder_add (builder, value);
    }

  *out_text = g_strv_builder_end (builder);
  return TRUE;
}

/* The text @member of @object; an absent optional one is NULL. */
static gboolean
get_text (KioskContent  *self,
          json_object   *object,
          const char    *where,
          const char    *member,
          gboolean       required,
          KioskText     *out_text,
          GError       **error)
{
  g_autofree char *path = member_path (where, member);
  json_object *text;

  *out_text = NULL;

  if (!get_object (object, where, member, required, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  return parse_text (self, text, path, out_text, error);
}

/* The top of the file. */

static gboolean
parse_format (json_object  *root,
              GError      **error)
{
  gint64 format = 0;

  if (!get_int (root, "", "format", 0, G_MAXINT32, &format, error))
    return FALSE;

  if (format != CONTENT_FORMAT)
    return fail (error, KIOSK_CONTENT_ERROR_INVALID, "",
                 _("the file is in format %d, but this kiosk reads format %d"),
                 (int) format, CONTENT_FORMAT);

  return TRUE;
}

static gboolean
is_language_code (const char *code)
{
  gsize length = strlen (code);

  if (length < 2 || length > 3)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_islower (code[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_languages (KioskContent  *self,
                 json_object   *root,
                 GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  json_object *list;

  if (!get_list (root, "", "languages", TRUE, 1, MAX_LANGUAGES, &list, error))
    return FALSE;

  for (gsize i = 0; i < json_object_array_length (list); i++)
    {
      json_object *item = json_object_array_get_idx (list, i);
      g_autofree char *path = item_path ("languages", i);
      const char *code;

      if (!json_object_is_type (item, json_type_string))
        return fail (error, KIOSK_CONTENT_ERROR_WRONG_TYPE, path,
                     _("a language must be a text such as “en”, not %s"),
                     kiosk_json_type_name (json_object_get_type (item)));

      code = json_object_get_string (item);
      if (!is_language_code (code))
        return fail (error, KIOSK_CONTENT_ERROR_INVALID, path,
                     _("“%s” is not a language code such as “en” or “es”"), code);
      if (!g_hash_table_add (seen, (gpointer) code))
        return fail (error, KIOSK_CONTENT_ERROR_INVALID, path,
                     _("the language “%s” is listed twice"), code);

      g_strv_builder_add (builder, code);
    }

  if (!g_hash_table_contains (seen, "en"))
    return fail (error, KIOSK_CONTENT_ERROR_MISSING_FIELD, "languages",
                 _("the list must include “en”, which every text needs"));

  self->languages = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
parse_spa (KioskContent  *self,
           json_object   *root,
           GError       **error)
{
  const char *spa_name, *phone, *currency;

  if (!get_filled_string (root, "", "spa_name", &spa_name, error) ||
      !get_filled_string (root, "", "phone", &phone, error) ||
      !get_filled_string (root, "", "currency", &currency, error))
    return FALSE;

  if (strlen (currency) != 3 ||
      !g_ascii_isupper (currency[0]) || !g_ascii_isupper (currency[1]) ||
      !g_ascii_isupper (currency[2]))
    return fail (error, KIOSK_CONTENT_ERROR_INVALID, "",
                 _("the field “currency” must be a three-letter code such as “USD”, not “%s”"),
                 currency);

  self->spa_name = g_strdup (spa_name);
  self->phone = g_strdup (phone);
  self->currency = g_strdup (currency);
  return TRUE;
}

/* Services. */

static gboolean
is_id (const char *id)
{
  if (id[0] == '\0' || strlen (id) > MAX_ID_LENGTH)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_icon_name (const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_option (json_object         *option,
              const char          *path,
              KioskServiceOption  *out_option,
              GError             **error)
{
  gint64 minutes, price;

  if (!get_int (option, path, "minutes", 15, 240, &minutes, error) ||
      !get_int (option, path, "price_cents", 0, 10000000, &price, error))
    return FALSE;

  out_option->minutes = (guint) minutes;
  out_option->price_minor = (guint) price;
  return TRUE;
}

static gboolean
parse_options (json_object         *service,
               const char          *where,
               KioskServiceOption  *options,
               guint               *n_options,
               GError             **error)
{
  g_autofree char *list_path = member_path (where, "options");
  json_object *list;

  if (!get_list (service, where, "options", TRUE, 1, KIOSK_SERVICE_MAX_OPTIONS, &list, error))
    return FALSE;

  *n_options = json_object_array_length (list);
  for (guint i = 0; i < *n_options; i++)
    {
      g_autofree char *path = item_path (list_path, i);
      json_object *item;

      if (!get_item_object (list, i, path, &item, error) ||
          !parse_option (item, path, &options[i], error))
        return FALSE;

      for (guint j = 0; j < i; j++)
        {
          if (options[j].minutes == options[i].minutes)
            return fail (error, KIOSK_CONTENT_ERROR_INVALID, path,
                         _("another option also lasts %u minutes"), options[i].minutes);
        }
    }

  return TRUE;
}

static gboolean
parse_service_id (json_object  *service,
                  const char   *path,
                  GHashTable   *seen_ids,
                  const char  **out_id,
                  GError      **error)
{
  if (!get_string (service, path, "id", TRUE, out_id, error))
    return FALSE;

  if (!is_id (*out_id))
    return fail (error, KIOSK_CONTENT_ERROR_INVALID, path,
                 _("the id “%s” may only hold the letters a-z, digits and “-”"), *out_id);
  if (!g_hash_table_add (seen_ids, (gpointer) *out_id))
    return fail (error, KIOSK_CONTENT_ERROR_INVALID, path,
                 _("the id “%s” is used by another service too"), *out_id);

  return TRUE;
}

static gboolean
parse_service (KioskContent  *self,
               json_object   *service,
               const char    *path,
               GHashTable    *seen_ids,
               GError       **error)
{
  KioskServiceOption options[KIOSK_SERVICE_MAX_OPTIONS];
  g_auto(GStrv) name = NULL, summary = NULL, description = NULL, helps = NULL, expect = NULL;
  g_autoptr(KioskService) item = NULL;
  const char *id, *icon_name;
  guint n_options = 0;

  if (!parse_service_id (service, path, seen_ids, &id, error) ||
      !get_filled_string (service, path, "icon_name", &icon_name, error))
    return FALSE;

  if (!is_icon_name (icon_name))
    return fail (error, KIOSK_CONTENT_ERROR_INVALID, path,
                 _("“%s” is not an icon name such as “kiosk-relaxation-symbolic”"), icon_name);

  if (!get_text (self, service, path, "name", TRUE, &name, error) ||
      !get_text (self, service, path, "summary", TRUE, &summary, error) ||
      !get_text (self, service, path, "description", TRUE, &description, error) ||
      !get_text (self, service, path, "helps", TRUE, &helps, error) ||
      !get_text (self, service, path, "expect", TRUE, &expect, error) ||
      !parse_options (service, path, options, &n_options, error))
    return FALSE;

  item = kiosk_service_new (id, icon_name,
                            g_steal_pointer (&name),
                            g_steal_pointer (&summary),
                            g_steal_pointer (&description),
                            g_steal_pointer (&helps),
                            g_steal_pointer (&expect),
                            options, n_options);
  g_list_store_append (self->services, item);

  return TRUE;
}

static gboolean
parse_services (KioskContent  *self,
                json_object   *root,
                GError       **error)
{
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  json_object *list;

  if (!get_list (root, "", "services", TRUE, 1, MAX_SERVICES, &list, error))
    return FALSE;

  for (guint i = 0; i < json_object_array_length (list); i++)
    {
      g_autofree char *path = item_path ("services", i);
      json_object *service;

      if (!get_item_object (list, i, path, &service, error) ||
          !parse_service (self, service, path, seen_ids, error))
        return FALSE;
    }

  return TRUE;
}

/* The rotating highlights of the attract screen. */

static gboolean
parse_highlights (KioskContent  *self,
                  json_object   *root,
                  GError       **error)
{
  json_object *list;

  if (!get_list (root, "", "highlights", FALSE, 0, MAX_HIGHLIGHTS, &list, error))
    return FALSE;

  for (guint i = 0; list != NULL && i < json_object_array_length (list); i++)
    {
      g_autofree char *path = item_path ("highlights", i);
      g_auto(GStrv) title = NULL, text = NULL;
      Highlight *highlight;
      json_object *item;

      if (!get_item_object (list, i, path, &item, error) ||
          !get_text (self, item, path, "title", TRUE, &title, error) ||
          !get_text (self, item, path, "text", TRUE, &text, error))
        return FALSE;

      highlight = g_new0 (Highlight, 1);
      highlight->title = g_steal_pointer (&title);
      highlight->text = g_steal_pointer (&text);
      g_ptr_array_add (self->highlights, highlight);
    }

  return TRUE;
}

/* The sciatica article. */

static gboolean
parse_points (KioskContent  *self,
              json_object   *object,
              const char    *where,
              Section       *section,
              GError       **error)
{
  g_autofree char *list_path = member_path (where, "points");
  json_object *list;

  if (!get_list (object, where, "points", FALSE, 1, MAX_POINTS, &list, error))
    return FALSE;

  for (guint i = 0; list != NULL && i < json_object_array_length (list); i++)
    {
      g_autofree char *path = item_path (list_path, i);
      KioskText point = NULL;
      json_object *item;

      if (!get_item_object (list, i, path, &item, error) ||
          !parse_text (self, item, path, &point, error))
        return FALSE;

      g_ptr_array_add (section->points, point);
    }

  /* The getters hand out the list in one language as a plain string array. */
  for (guint l = 0; self->languages[l] != NULL; l++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < section->points->len; i++)
        g_strv_builder_add (builder, kiosk_text_get (g_ptr_array_index (section->points, i),
                                                     self->languages[l]));
      g_ptr_array_add (section->by_language, g_strv_builder_end (builder));
    }

  return TRUE;
}

static gboolean
parse_section (KioskContent  *self,
               json_object   *object,
               const char    *path,
               GError       **error)
{
  g_autoptr(Section) section = section_new ();

  if (!get_text (self, object, path, "heading", TRUE, &section->heading, error) ||
      !get_text (self, object, path, "body", FALSE, &section->body, error) ||
      !parse_points (self, object, path, section, error))
    return FALSE;

  if (section->body == NULL && section->points->len == 0)
    return fail (error, KIOSK_CONTENT_ERROR_MISSING_FIELD, path,
                 _("a section needs a “body”, “points” or both"));

  g_ptr_array_add (self->sections, g_steal_pointer (&section));
  return TRUE;
}

static gboolean
parse_sciatica (KioskContent  *self,
                json_object   *root,
                GError       **error)
{
  json_object *sciatica, *list;

  if (!get_object (root, "", "sciatica", TRUE, &sciatica, error) ||
      !get_text (self, sciatica, "sciatica", "title", TRUE, &self->sciatica_title, error) ||
      !get_text (self, sciatica, "sciatica", "intro", TRUE, &self->sciatica_intro, error) ||
      !get_list (sciatica, "sciatica", "sections", TRUE, 1, MAX_SECTIONS, &list, error))
    return FALSE;

  for (guint i = 0; i < json_object_array_length (list); i++)
    {
      g_autofree char *path = item_path ("sciatica.sections", i);
      json_object *item;

      if (!get_item_object (list, i, path, &item, error) ||
          !parse_section (self, item, path, error))
        return FALSE;
    }

  return get_text (self, sciatica, "sciatica", "disclaimer", TRUE,
                   &self->sciatica_disclaimer, error);
}

/* Reads everything into a new object, which is thrown away on the first
 * problem: no caller ever sees a half-read catalogue. The error names no
 * file; the public functions add that. */
static KioskContent *
parse_content (GBytes      *bytes,
               const char  *source_name,
               GError     **error)
{
  g_autoptr(KioskContent) self = g_object_new (KIOSK_TYPE_CONTENT, NULL);
  g_autoptr(json_object) root = NULL;
  GError *cause = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  root = kiosk_json_parse (data, length, KIOSK_JSON_MAX_DEPTH, &cause);
  if (root == NULL)
    return fail_from (error, "", cause), NULL;

  if (!json_object_is_type (root, json_type_object))
    return fail (error, KIOSK_CONTENT_ERROR_WRONG_TYPE, "",
                 _("the file must hold a JSON object, not %s"),
                 kiosk_json_type_name (json_object_get_type (root))), NULL;

  if (!parse_format (root, error) ||
      !parse_languages (self, root, error) ||
      !parse_spa (self, root, error) ||
      !parse_services (self, root, error) ||
      !parse_highlights (self, root, error) ||
      !parse_sciatica (self, root, error))
    return NULL;

  self->source_name = g_strdup (source_name);
  return g_steal_pointer (&self);
}

/* Reading files. */

static gboolean
read_failed (GError  *cause,
             GError **error)
{
  const char *reason;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("the file does not exist");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("the kiosk is not allowed to read it");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    reason = _("it is a folder, not a file");
  else
    return fail (error, KIOSK_CONTENT_ERROR_READ, "",
                 _("it cannot be read (%s)"), cause->message);

  return fail (error, KIOSK_CONTENT_ERROR_READ, "", "%s", reason);
}

static GBytes *
read_file (GFile   *file,
           GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) cause = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  stream = g_file_read (file, NULL, &cause);
  if (stream == NULL)
    return read_failed (cause, error), NULL;

  /* One byte more than allowed tells a file at the limit from a larger one. */
  data = g_malloc (MAX_FILE_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, MAX_FILE_SIZE + 1,
                                &length, NULL, &cause))
    return read_failed (cause, error), NULL;

  if (length > MAX_FILE_SIZE)
    return fail (error, KIOSK_CONTENT_ERROR_READ, "",
                 _("the file is larger than %d KiB"), MAX_FILE_SIZE / 1024), NULL;

  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (length, 1)), length);
}

static KioskContent *
parse_file (GFile       *file,
            const char  *source_name,
            GError     **error)
{
  g_autoptr(GBytes) bytes = read_file (file, error);

  if (bytes == NULL)
    return NULL;

  return parse_content (bytes, source_name, error);
}

/* The public constructors. */

/**
 * kiosk_content_new_from_bytes:
 * @bytes: a content file's text
 * @source_name: where it came from, for messages
 * @error: return location for a #KIOSK_CONTENT_ERROR
 *
 * Returns: (transfer full): the content, or %NULL with @error set
 */
KioskContent *
kiosk_content_new_from_bytes (GBytes      *bytes,
                              const char  *source_name,
                              GError     **error)
{
  KioskContent *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = parse_content (bytes, source_name, error);
  if (self == NULL)
    g_prefix_error (error, _("“%s” cannot be used: "), source_name);

  return self;
}

/**
 * kiosk_content_new_from_file:
 * @file: a content file
 * @error: return location for a #KIOSK_CONTENT_ERROR
 *
 * Returns: (transfer full): the content, or %NULL with @error set
 */
KioskContent *
kiosk_content_new_from_file (GFile   *file,
                             GError **error)
{
  g_autofree char *source_name = NULL;
  KioskContent *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source_name = g_file_get_parse_name (file);
  self = parse_file (file, source_name, error);
  if (self == NULL)
    g_prefix_error (error, _("“%s” cannot be used: "), source_name);

  return self;
}

/**
 * kiosk_content_new_bundled:
 *
 * The content built into the kiosk. A test proves it valid, so this never
 * fails in a working build.
 *
 * Returns: (transfer full): the content
 */
KioskContent *
kiosk_content_new_bundled (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  KioskContent *self;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/content/content.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The kiosk was built without its content: %s", error->message);

  self = parse_content (bytes, BUNDLED_URI, &error);
  if (self == NULL)
    g_error ("The kiosk was built with broken content: %s", error->message);

  return self;
}

/**
 * kiosk_content_load:
 * @path: (nullable): the content file the spa chose, or %NULL or "" for none
 * @error: return location for why @path was not used
 *
 * Always returns content: the file at @path when it is valid, else the
 * bundled content with @error set to a message that names the file, the
 * field and the reason, for the staff to fix it.
 *
 * Returns: (transfer full): the content
 */
KioskContent *
kiosk_content_load (const char  *path,
                    GError     **error)
{
  g_autoptr(GFile) file = NULL;
  KioskContent *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path == NULL || path[0] == '\0')
    return kiosk_content_new_bundled ();

  file = g_file_new_for_path (path);
  self = parse_file (file, path, error);
  if (self != NULL)
    return self;

  g_prefix_error (error, _("“%s” was not used: "), path);
  return kiosk_content_new_bundled ();
}

/* Prices and durations. */

/* How many digits the currency's minor unit has (ISO 4217). */
static guint
currency_digits (const char *currency)
{
  static const char * const none[] = {
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
    "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF", NULL
  };
  static const char * const three[] = {
    "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND", NULL
  };

  if (g_strv_contains (none, currency))
    return 0;
  if (g_strv_contains (three, currency))
    return 3;
  return 2;
}

/* @number with @separator between groups of three digits, from
 * @min_digits digits on (Spanish does not split "1200"). */
static void
append_grouped (GString    *out,
                guint64     number,
                const char *separator,
                guint       min_digits)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, number);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0 && length >= min_digits)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/* The amount alone: "1,200" or "80.50" in English, "1200" or "80,50" in
 * Spanish. Whole amounts have no decimals, as on the spa's price list. */
static void
append_amount (GString    *out,
               guint       price_minor,
               guint       digits,
               gboolean    spanish)
{
  guint64 scale = 1;

  for (guint i = 0; i < digits; i++)
    scale *= 10;

  append_grouped (out, price_minor / scale, spanish ? "." : ",", spanish ? 5 : 4);
  if (price_minor % scale != 0)
    g_string_append_printf (out, "%s%0*" G_GUINT64_FORMAT, spanish ? "," : ".",
                            (int) digits, (guint64) (price_minor % scale));
}

/**
 * kiosk_content_format_price:
 * @self: the content
 * @price_minor: a price in the currency's minor unit (cents)
 * @lang: a language code
 *
 * Formats a price as the spa writes it: "$80" in English, "80 US$" in
 * Spanish. Languages without their own rules use the English one.
 *
 * Returns: (transfer full): the price
 */
char *
kiosk_content_format_price (KioskContent *self,
                            guint         price_minor,
                            const char   *lang)
{
  gboolean spanish = g_strcmp0 (lang, "es") == 0;
  gboolean dollars;
  GString *out;

  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  dollars = g_str_equal (self->currency, "USD");
  out = g_string_new (NULL);

  if (!spanish)
    g_string_append (out, dollars ? "$" : self->currency);
  if (!spanish && !dollars)
    g_string_append_c (out, ' ');

  append_amount (out, price_minor, currency_digits (self->currency), spanish);

  if (spanish)
    g_string_append_printf (out, " %s", dollars ? "US$" : self->currency);

  return g_string_free (out, FALSE);
}

/**
 * kiosk_content_format_duration:
 * @self: the content
 * @minutes: a length of time
 * @lang: a language code
 *
 * Returns: (transfer full): the length as the spa writes it, "60 min" in
 *   English and Spanish alike
 */
char *
kiosk_content_format_duration (KioskContent *self,
                               guint         minutes,
                               const char   *lang)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  return g_strdup_printf ("%u min", minutes);
}

/* Getters. */

const char * const *
kiosk_content_get_languages (KioskContent *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  return (const char * const *) self->languages;
}

/**
 * kiosk_content_get_source_name:
 * @self: the content
 *
 * Returns: (transfer none): the file it was read from, or the bundled
 *   content's resource:// URI
 */
const char *
kiosk_content_get_source_name (KioskContent *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  return self->source_name;
}

const char *
kiosk_content_get_spa_name (KioskContent *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  return self->spa_name;
}

const char *
kiosk_content_get_phone (KioskContent *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  return self->phone;
}

const char *
kiosk_content_get_currency (KioskContent *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  return self->currency;
}

/**
 * kiosk_content_get_services:
 * @self: the content
 *
 * Returns: (transfer none): a list of #KioskService, in the file's order
 */
GListModel *
kiosk_content_get_services (KioskContent *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  return G_LIST_MODEL (self->services);
}

/**
 * kiosk_content_find_service:
 * @self: the content
 * @id: a service id such as "hot-stone"
 *
 * Returns: (transfer none) (nullable): the service, or %NULL if there is none
 */
KioskService *
kiosk_content_find_service (KioskContent *self,
                            const char   *id)
{
  guint n;

  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->services));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskService) service = g_list_model_get_item (G_LIST_MODEL (self->services), i);

      if (g_str_equal (kiosk_service_get_id (service), id))
        return service;
    }

  return NULL;
}

guint
kiosk_content_get_n_highlights (KioskContent *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), 0);

  return self->highlights->len;
}

const char *
kiosk_content_get_highlight_title (KioskContent *self,
                                   guint         index,
                                   const char   *lang)
{
  Highlight *highlight;

  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);
  g_return_val_if_fail (index < self->highlights->len, NULL);

  highlight = g_ptr_array_index (self->highlights, index);
  return kiosk_text_get (highlight->title, lang);
}

const char *
kiosk_content_get_highlight_text (KioskContent *self,
                                  guint         index,
                                  const char   *lang)
{
  Highlight *highlight;

  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);
  g_return_val_if_fail (index < self->highlights->len, NULL);

  highlight = g_ptr_array_index (self->highlights, index);
  return kiosk_text_get (highlight->text, lang);
}

const char *
kiosk_content_get_sciatica_title (KioskContent *self,
                                  const char   *lang)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  return kiosk_text_get (self->sciatica_title, lang);
}

const char *
kiosk_content_get_sciatica_intro (KioskContent *self,
                                  const char   *lang)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  return kiosk_text_get (self->sciatica_intro, lang);
}

guint
kiosk_content_get_n_sciatica_sections (KioskContent *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), 0);

  return self->sections->len;
}

const char *
kiosk_content_get_sciatica_heading (KioskContent *self,
                                    guint         index,
                                    const char   *lang)
{
  Section *section;

  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  section = g_ptr_array_index (self->sections, index);
  return kiosk_text_get (section->heading, lang);
}

/**
 * kiosk_content_get_sciatica_body:
 * @self: the content
 * @index: a section, below kiosk_content_get_n_sciatica_sections()
 * @lang: a language code
 *
 * Returns: (transfer none) (nullable): the section's paragraph, or %NULL
 *   when it only has points
 */
const char *
kiosk_content_get_sciatica_body (KioskContent *self,
                                 guint         index,
                                 const char   *lang)
{
  Section *section;

  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  section = g_ptr_array_index (self->sections, index);
  return section->body != NULL ? kiosk_text_get (section->body, lang) : NULL;
}

static guint
language_index (KioskContent *self,
                const char   *lang)
{
  guint english = 0;

  for (guint i = 0; self->languages[i] != NULL; i++)
    {
      if (g_strcmp0 (self->languages[i], lang) == 0)
        return i;
      if (g_str_equal (self->languages[i], "en"))
        english = i;
    }

  return english;
}

/**
 * kiosk_content_get_sciatica_points:
 * @self: the content
 * @index: a section, below kiosk_content_get_n_sciatica_sections()
 * @lang: a language code
 *
 * Returns: (transfer none) (array zero-terminated=1): the section's list of
 *   points, empty when it has none
 */
const char * const *
kiosk_content_get_sciatica_points (KioskContent *self,
                                   guint         index,
                                   const char   *lang)
{
  Section *section;

  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  section = g_ptr_array_index (self->sections, index);
  return g_ptr_array_index (section->by_language, language_index (self, lang));
}

const char *
kiosk_content_get_sciatica_disclaimer (KioskContent *self,
                                       const char   *lang)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT (self), NULL);

  return kiosk_text_get (self->sciatica_disclaimer, lang);
}

/* The type. */

static void
kiosk_content_finalize (GObject *object)
{
  KioskContent *self = KIOSK_CONTENT (object);

  g_free (self->source_name);
  g_strfreev (self->languages);
  g_free (self->spa_name);
  g_free (self->phone);
  g_free (self->currency);
  g_object_unref (self->services);
  g_ptr_array_unref (self->highlights);
  g_strfreev (self->sciatica_title);
  g_strfreev (self->sciatica_intro);
  g_ptr_array_unref (self->sections);
  g_strfreev (self->sciatica_disclaimer);

  G_OBJECT_CLASS (kiosk_content_parent_class)->finalize (object);
}

static void
kiosk_content_class_init (KioskContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kiosk_content_finalize;
}

static void
kiosk_content_init (KioskContent *self)
{
  self->services = g_list_store_new (KIOSK_TYPE_SERVICE);
  self->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) highlight_free);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
}
