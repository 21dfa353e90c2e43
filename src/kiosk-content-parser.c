/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-content-parser.c: checks a content file field by field and fills a KioskContent. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-content-private.h"
#include "kiosk-json.h"

/* The one format this kiosk reads. A later kiosk that changes the meaning of
 * a field raises it, so an older kiosk refuses the file instead of guessing. */
#define CONTENT_FORMAT 1

#define MAX_LANGUAGES  8
#define MAX_SERVICES   12
#define MAX_HIGHLIGHTS 8
#define MAX_SECTIONS   12
#define MAX_POINTS     12
#define MAX_ID_LENGTH  64

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
                 _("the list “%s” must have from %lu to %lu items, not %lu"),
                 member, (unsigned long) min, (unsigned long) max, (unsigned long) length);

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

  /* Only the keys matter here; the values are checked below. */
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
      KioskHighlight *highlight;
      json_object *item;

      if (!get_item_object (list, i, path, &item, error) ||
          !get_text (self, item, path, "title", TRUE, &title, error) ||
          !get_text (self, item, path, "text", TRUE, &text, error))
        return FALSE;

      highlight = g_new0 (KioskHighlight, 1);
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
              KioskSection  *section,
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
  g_autoptr(KioskSection) section = kiosk_section_new ();

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

gboolean
kiosk_content_parse (KioskContent  *self,
                     GBytes        *bytes,
                     GError       **error)
{
  g_autoptr(json_object) root = NULL;
  GError *cause = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  root = kiosk_json_parse (data, length, KIOSK_JSON_MAX_DEPTH, &cause);
  if (root == NULL)
    return fail_from (error, "", cause);

  if (!json_object_is_type (root, json_type_object))
    return fail (error, KIOSK_CONTENT_ERROR_WRONG_TYPE, "",
                 _("the file must hold a JSON object, not %s"),
                 kiosk_json_type_name (json_object_get_type (root)));

  return parse_format (root, error) &&
         parse_languages (self, root, error) &&
         parse_spa (self, root, error) &&
         parse_services (self, root, error) &&
         parse_highlights (self, root, error) &&
         parse_sciatica (self, root, error);
}
