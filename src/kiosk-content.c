/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-content.c: the spa's catalogue and sciatica article, read from JSON. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-content-private.h"

/* The real file is a few tens of KiB; anything this big is not content. */
#define MAX_FILE_SIZE (1024 * 1024)

#define BUNDLED_URI "resource://" RESOURCE_PREFIX "/content/content.json"

G_DEFINE_FINAL_TYPE (KioskContent, kiosk_content, G_TYPE_OBJECT)

G_DEFINE_QUARK (kiosk-content-error-quark, kiosk_content_error)

void
kiosk_highlight_free (KioskHighlight *highlight)
{
  g_strfreev (highlight->title);
  g_strfreev (highlight->text);
  g_free (highlight);
}

void
kiosk_section_free (KioskSection *section)
{
  g_strfreev (section->heading);
  g_strfreev (section->body);
  g_ptr_array_unref (section->points);
  g_ptr_array_unref (section->by_language);
  g_free (section);
}

KioskSection *
kiosk_section_new (void)
{
  KioskSection *section = g_new0 (KioskSection, 1);

  section->points = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  section->by_language = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return section;
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

  if (!kiosk_content_parse (self, bytes, error))
    return NULL;

  self->source_name = g_strdup (source_name);
  return g_steal_pointer (&self);
}

/* Reading files. */

static void
set_read_error (GError       **error,
                const GError  *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error_literal (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_READ,
                         _("the file does not exist"));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error_literal (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_READ,
                         _("the kiosk is not allowed to read it"));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error_literal (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_READ,
                         _("it is a folder, not a file"));
  else
    g_set_error (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_READ,
                 _("it cannot be read (%s)"), cause->message);
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
    {
      set_read_error (error, cause);
      return NULL;
    }

  /* One byte more than allowed tells a file at the limit from a larger one. */
  data = g_malloc (MAX_FILE_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, MAX_FILE_SIZE + 1,
                                &length, NULL, &cause))
    {
      set_read_error (error, cause);
      return NULL;
    }

  if (length > MAX_FILE_SIZE)
    {
      g_set_error (error, KIOSK_CONTENT_ERROR, KIOSK_CONTENT_ERROR_READ,
                   _("the file is larger than %d KiB"), MAX_FILE_SIZE / 1024);
      return NULL;
    }

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
  KioskHighlight *highlight;

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
  KioskHighlight *highlight;

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
  KioskSection *section;

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
  KioskSection *section;

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
  KioskSection *section;

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
  self->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_highlight_free);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_section_free);
}
