/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-retranslate.c: re-sets the text that templates gave widgets, in the language now in force. */

/* GtkBuilder translates a template's strings once, when it builds the
 * widget. To switch language live, this walks a widget tree and re-sets
 * every text a template gave, from its msgid, through gettext.
 *
 * Which texts came from a template: every string marked translatable in a
 * .ui file of the kiosk's resources is collected once (the "template
 * strings"). A widget's text that equals a template string in English, or
 * its translation in a language the walker has run in, is template text;
 * its msgid is remembered on the widget (qdata), with the words last
 * written. Text that code set (in a page's refill, from content or through
 * gettext) matches neither, and is left alone: the page re-sets it itself.
 * When code later replaces a text the walker wrote, the remembered msgid is
 * dropped or replaced.
 *
 * Accessible labels and descriptions given in <accessibility> are read
 * back through GTK's test AT API, the only reader GTK 4.8 has; it reads
 * any AT context, not only the test one. Without AT context (GTK_A11Y=none)
 * there is nothing to read and nobody listening. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kiosk-retranslate.h"

typedef struct
{
  char *key;      /* msgid, or "context\004msgid" */
  char *written;  /* what the walker last set */
} Remembered;

typedef struct
{
  GType (*get_type) (void);
  const char *property;
} TextProperty;

/* The string properties a template can give, on the widgets the kiosk uses. */
static const TextProperty text_properties[] = {
  { gtk_label_get_type, "label" },
  { gtk_button_get_type, "label" },
  { gtk_check_button_get_type, "label" },
  { gtk_menu_button_get_type, "label" },
  { gtk_window_get_type, "title" },
  { gtk_entry_get_type, "placeholder-text" },
  { gtk_password_entry_get_type, "placeholder-text" },
  { gtk_search_entry_get_type, "placeholder-text" },
  { gtk_text_get_type, "placeholder-text" },
  { gtk_widget_get_type, "tooltip-text" },
  { adw_button_content_get_type, "label" },
  { adw_preferences_row_get_type, "title" },
  { adw_action_row_get_type, "subtitle" },
  { adw_expander_row_get_type, "subtitle" },
  { adw_preferences_group_get_type, "title" },
  { adw_preferences_group_get_type, "description" },
  { adw_status_page_get_type, "title" },
  { adw_status_page_get_type, "description" },
  { adw_window_title_get_type, "title" },
  { adw_window_title_get_type, "subtitle" },
};

static GHashTable *english_keys;       /* msgid → key */
static GHashTable *translated_keys;    /* translation → key, in every language seen */
static GHashTable *translated_languages;

static void
replace_string (char       **slot,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

static void
remembered_free (gpointer data)
{
  Remembered *remembered = data;

  g_free (remembered->key);
  g_free (remembered->written);
  g_free (remembered);
}

static const char *
translate_key (const char *key)
{
  const char *eot = strchr (key, '\004');

  if (eot != NULL)
    return g_dpgettext (GETTEXT_PACKAGE, key, eot - key + 1);
  return g_dgettext (GETTEXT_PACKAGE, key);
}

static const char *
key_msgid (const char *key)
{
  const char *eot = strchr (key, '\004');

  return eot != NULL ? eot + 1 : key;
}

typedef struct
{
  gboolean in_translatable;
  char *context;
  GString *text;
} UiParse;

static void
ui_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  UiParse *parse = user_data;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "translatable"))
        parse->in_translatable = g_str_equal (values[i], "yes") || g_str_equal (values[i], "true")
                                 || g_str_equal (values[i], "1");
      else if (g_str_equal (names[i], "context"))
        replace_string (&parse->context, values[i]);
    }
  g_string_truncate (parse->text, 0);
}

static void
ui_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  UiParse *parse = user_data;

  if (parse->in_translatable)
    g_string_append_len (parse->text, text, len);
}

static void
ui_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  UiParse *parse = user_data;

  if (parse->in_translatable && parse->text->len > 0)
    {
      char *key = parse->context != NULL
                  ? g_strconcat (parse->context, "\004", parse->text->str, NULL)
                  : g_strdup (parse->text->str);

      if (!g_hash_table_contains (english_keys, parse->text->str))
        g_hash_table_insert (english_keys, g_strdup (parse->text->str), key);
      else
        g_free (key);
    }
  parse->in_translatable = FALSE;
  g_clear_pointer (&parse->context, g_free);
  g_string_truncate (parse->text, 0);
}

static void
collect_template_strings (const char *path)
{
  static const GMarkupParser parser = { ui_start_element, ui_end_element, ui_text, NULL, NULL };
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  UiParse parse = { FALSE, NULL, g_string_new (NULL) };
  gsize size;
  const char *data;

  if (bytes == NULL)
    return;

  data = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&parser, 0, &parse, NULL);
  if (!g_markup_parse_context_parse (context, data, size, &error)
      || !g_markup_parse_context_end_parse (context, &error))
    g_critical ("Cannot read the template %s: %s", path, error->message);

  g_free (parse.context);
  g_string_free (parse.text, TRUE);
}

/* Every .ui file in the kiosk's resources. */
static void
ensure_english_keys (void)
{
  g_auto(GStrv) names = NULL;

  if (english_keys != NULL)
    return;

  english_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names = g_resources_enumerate_children (RESOURCE_PREFIX "/", 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (g_str_has_suffix (names[i], ".ui"))
        {
          g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/", names[i], NULL);

          collect_template_strings (path);
        }
    }
}

/* The template strings as every language in force so far says them, to
 * recognise widgets built while that language was in force (the window
 * runs the walker in each language it switches to, so every language a
 * widget can have been built in is here). */
static void
ensure_translated_keys (void)
{
  const char *language = g_getenv ("LANGUAGE");
  GHashTableIter iter;
  gpointer msgid, key;

  if (translated_languages == NULL)
    {
      translated_languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      translated_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  if (language == NULL || g_hash_table_contains (translated_languages, language))
    return;

  g_hash_table_add (translated_languages, g_strdup (language));
  g_hash_table_iter_init (&iter, english_keys);
  while (g_hash_table_iter_next (&iter, &msgid, &key))
    {
      const char *translation = translate_key (key);

      if (translation != key_msgid (key) && !g_hash_table_contains (translated_keys, translation))
        g_hash_table_insert (translated_keys, g_strdup (translation), g_strdup (key));
    }
}

static const char *
template_key (const char *text)
{
  const char *key = g_hash_table_lookup (english_keys, text);

  return key != NULL ? key : g_hash_table_lookup (translated_keys, text);
}

/* Decides what @text, found in the slot @quark of @object, should read now;
 * NULL when it is not template text. */
static const char *
retranslate_text (GObject    *object,
                  GQuark      quark,
                  const char *text)
{
  Remembered *remembered = g_object_get_qdata (object, quark);
  const char *key;

  if (text == NULL || *text == '\0')
    return NULL;

  if (remembered == NULL || g_strcmp0 (remembered->written, text) != 0)
    {
      key = template_key (text);
      if (key == NULL)
        {
          g_object_set_qdata (object, quark, NULL);
          return NULL;
        }
      remembered = g_new0 (Remembered, 1);
      remembered->key = g_strdup (key);
      g_object_set_qdata_full (object, quark, remembered, remembered_free);
    }

  replace_string (&remembered->written, translate_key (remembered->key));
  return remembered->written;
}

static void
retranslate_property (GObject    *object,
                      const char *property)
{
  g_autofree char *quark_name = g_strconcat ("kiosk-retranslate-", property, NULL);
  g_autofree char *text = NULL;
  const char *wanted;

  g_object_get (object, property, &text, NULL);
  wanted = retranslate_text (object, g_quark_from_string (quark_name), text);
  if (wanted != NULL && g_strcmp0 (wanted, text) != 0)
    g_object_set (object, property, wanted, NULL);
}

/* GTK 4.8 can set accessible properties but not read them; its test API
 * reads them: it answers NULL when the value equals the one given, and the
 * value otherwise. */
static char *
read_accessible (GtkAccessible         *accessible,
                 GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (accessible, property))
    return NULL;
  return gtk_test_accessible_check_property (accessible, property, "");
}

static void
retranslate_accessible (GtkAccessible         *accessible,
                        GtkAccessibleProperty  property,
                        const char            *quark_name)
{
  g_autofree char *text = read_accessible (accessible, property);
  const char *wanted;

  wanted = retranslate_text (G_OBJECT (accessible), g_quark_from_string (quark_name), text);
  if (wanted != NULL && g_strcmp0 (wanted, text) != 0)
    gtk_accessible_update_property (accessible, property, wanted, -1);
}

/* A button's own label widget follows the button's label property. */
static gboolean
is_button_label (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_LABEL (widget) && GTK_IS_BUTTON (parent)
         && gtk_button_get_label (GTK_BUTTON (parent)) != NULL;
}

static void
retranslate_one (GtkWidget *widget)
{
  if (!is_button_label (widget))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (text_properties); i++)
        {
          if (G_TYPE_CHECK_INSTANCE_TYPE (widget, text_properties[i].get_type ()))
            retranslate_property (G_OBJECT (widget), text_properties[i].property);
        }
    }

  retranslate_accessible (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                          "kiosk-retranslate-accessible-label");
  retranslate_accessible (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                          "kiosk-retranslate-accessible-description");
}

static void
retranslate_tree (GtkWidget *widget)
{
  retranslate_one (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    retranslate_tree (child);
}

/**
 * kiosk_retranslate_widget:
 * @root: a widget, usually the window
 *
 * Re-sets every template-given text in @root and everything under it in
 * the language gettext now uses (see kiosk_i18n_set_language ()). Text that
 * code set is left to the code.
 */
void
kiosk_retranslate_widget (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  ensure_english_keys ();
  ensure_translated_keys ();
  retranslate_tree (root);
}
