/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-language.c: English and Spanish switched live on every screen, and back, and reset. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-access-bar.h"
#include "kiosk-attract-page.h"
#include "kiosk-i18n.h"
#include "kiosk-retranslate.h"
#include "kiosk-ui-test.h"

/* One text a widget shows: its label, or its accessible label. */
typedef struct
{
  GtkWidget *widget;
  gboolean accessible;
  char *text;
} Shown;

static void
shown_free (gpointer data)
{
  Shown *shown = data;

  g_object_unref (shown->widget);
  g_free (shown->text);
  g_free (shown);
}

static char *
accessible_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, "");
}

/* Texts that change on their own between two looks: the attract screen's
 * highlight turns, the "Still there?" countdown counts. */
static gboolean
changes_alone (GtkWidget  *widget,
               const char *text)
{
  gboolean has_digit = strpbrk (text, "0123456789") != NULL;

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (gtk_widget_has_css_class (widget, "kiosk-highlight")
          || (has_digit && gtk_widget_has_css_class (widget, "kiosk-idle-card")))
        return TRUE;
    }
  return FALSE;
}

static void
add_shown (GPtrArray *all,
           GtkWidget *widget,
           gboolean   accessible,
           char      *text)
{
  Shown *shown;

  if (text == NULL || *text == '\0' || changes_alone (widget, text))
    {
      g_free (text);
      return;
    }

  shown = g_new0 (Shown, 1);
  shown->widget = g_object_ref (widget);
  shown->accessible = accessible;
  shown->text = text;
  g_ptr_array_add (all, shown);
}

/* Every text on screen under @widget: labels and accessible labels. */
static void
collect (GtkWidget *widget,
         GPtrArray *all)
{
  if (!gtk_widget_is_drawable (widget))
    return;

  if (GTK_IS_LABEL (widget))
    add_shown (all, widget, FALSE, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
  add_shown (all, widget, TRUE, accessible_label (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, all);
}

static GPtrArray *
look (KioskWindow *window)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (shown_free);

  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  collect (GTK_WIDGET (window), all);
  return all;
}

static char *
current_text (Shown *shown)
{
  if (shown->accessible)
    return accessible_label (shown->widget);
  return g_strdup (gtk_label_get_label (GTK_LABEL (shown->widget)));
}

static gboolean
shows_text (GPtrArray  *all,
            const char *text)
{
  for (guint i = 0; i < all->len; i++)
    {
      if (g_strcmp0 (((Shown *) g_ptr_array_index (all, i))->text, text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
switch_language (KioskWindow *window,
                 const char  *language)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.language", "s", language));
  g_assert_cmpstr (kiosk_window_get_language (window), ==, language);
  g_assert_cmpstr (kiosk_i18n_get_language (), ==, language);
}

/* What was English on the screen and has a Spanish translation now reads
 * that translation (the catalogue says what it must read), and no English
 * with a translation is left anywhere on the screen, not even on widgets
 * built anew. Returns how many texts changed to Spanish. */
static guint
assert_spanish (KioskWindow *window,
                GPtrArray   *english,
                const char  *screen,
                GPtrArray   *translations)
{
  g_autoptr(GPtrArray) now = look (window);
  guint translated = 0;

  for (guint i = 0; i < english->len; i++)
    {
      Shown *before = g_ptr_array_index (english, i);
      const char *spanish = g_dgettext (GETTEXT_PACKAGE, before->text);
      g_autofree char *text = NULL;

      if (spanish == before->text || g_str_equal (spanish, before->text))
        continue;
      g_ptr_array_add (translations, g_strdup (spanish));
      if (shows_text (now, before->text))
        g_error ("On “%s” the English “%s” is still shown", screen, before->text);
      if (gtk_widget_get_root (before->widget) == NULL)
        continue;
      text = current_text (before);
      if (g_strcmp0 (text, spanish) != 0)
        g_error ("On “%s” “%s” reads “%s”, not “%s”", screen, before->text, text, spanish);
      translated++;
    }

  return translated;
}

/* Back in English, every text reads as it did before, and no Spanish is
 * left, not even on widgets built while Spanish was in force. */
static void
assert_english_again (KioskWindow *window,
                      GPtrArray   *english,
                      const char  *screen,
                      GPtrArray   *translations)
{
  g_autoptr(GPtrArray) now = look (window);

  for (guint i = 0; i < translations->len; i++)
    {
      if (shows_text (now, g_ptr_array_index (translations, i)))
        g_error ("On “%s” back in English, “%s” is still shown", screen,
                 (char *) g_ptr_array_index (translations, i));
    }
  for (guint i = 0; i < english->len; i++)
    {
      Shown *before = g_ptr_array_index (english, i);
      g_autofree char *text = NULL;

      if (gtk_widget_get_root (before->widget) == NULL)
        continue;
      text = current_text (before);
      if (g_strcmp0 (text, before->text) != 0)
        g_error ("On “%s” back in English, “%s” reads “%s”", screen, before->text, text);
    }
}

/* Switches the screen shown to Spanish and back. @content: texts from the
 * content file, in Spanish, that the screen must show. */
static void
check_screen (KioskWindow       *window,
              const char        *screen,
              const char * const *content)
{
  g_autoptr(GPtrArray) english = look (window);
  g_autoptr(GPtrArray) translations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) spanish = NULL;
  guint translated;

  switch_language (window, "es");
  translated = assert_spanish (window, english, screen, translations);
  spanish = look (window);
  for (guint i = 0; content != NULL && content[i] != NULL; i++)
    {
      if (!shows_text (spanish, content[i]))
        g_error ("On “%s” the content’s Spanish “%s” is not shown", screen, content[i]);
    }
  g_test_message ("%s: %u texts switched to Spanish", screen, translated);
  g_assert_cmpuint (translated + (content != NULL ? g_strv_length ((char **) content) : 0), >, 0);

  switch_language (window, "en");
  assert_english_again (window, english, screen, translations);
}

static void
show (KioskWindow *window,
      const char  *action_name,
      const char  *target,
      const char  *page)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action_name,
                                                     target ? g_variant_new_string (target) : NULL));
  kiosk_ui_test_wait_for_page (window, page);
}

static gboolean
is_prompting (gpointer data)
{
  return kiosk_idle_monitor_get_prompting (kiosk_window_get_idle_monitor (data));
}

static GtkWidget *
find_label_with_prefix (GtkWidget  *widget,
                        const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget)
      && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_prefix (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_every_screen (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  KioskContent *content = kiosk_window_get_spa_content (window);
  GListModel *services = kiosk_content_get_services (content);
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  const char *sciatica[3] = { NULL };

  check_screen (window, "attract", NULL);
  show (window, "kiosk.start", NULL, "home");
  check_screen (window, "home", NULL);

  show (window, "kiosk.show-services", NULL, "services");
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(KioskService) service = g_list_model_get_item (services, i);

      g_ptr_array_add (names, (gpointer) kiosk_service_get_name (service, "es"));
    }
  check_screen (window, "services", (const char * const *) names->pdata);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(KioskService) service = g_list_model_get_item (services, i);
      const char *texts[] = { kiosk_service_get_name (service, "es"),
                              kiosk_service_get_description (service, "es"), NULL };

      show (window, "kiosk.show-service", kiosk_service_get_id (service), "service");
      check_screen (window, kiosk_service_get_id (service), texts);
    }

  show (window, "kiosk.show-sciatica", NULL, "sciatica");
  sciatica[0] = kiosk_content_get_sciatica_title (content, "es");
  sciatica[1] = kiosk_content_get_sciatica_intro (content, "es");
  check_screen (window, "sciatica", sciatica);

  show (window, "kiosk.book", "hot-stone", "booking");
  check_screen (window, "booking", NULL);

  show (window, "kiosk.staff-open", NULL, "staff-pin");
  check_screen (window, "staff-pin", NULL);
  /* Cancel on the PIN pad returns to the customer's screen. */
  show (window, "kiosk.staff-close", NULL, "booking");

  show (window, "kiosk.go-home", NULL, "home");
  kiosk_window_set_idle_countdown (window, 60);
  kiosk_window_set_idle_timeout (window, 1);
  g_assert_true (kiosk_ui_test_wait_for (is_prompting, window, 10000));
  check_screen (window, "still-there", NULL);
  switch_language (window, "es");
  g_assert_nonnull (find_label_with_prefix (GTK_WIDGET (window),
                                            "Toque la pantalla para continuar. En "));
  switch_language (window, "en");

  kiosk_ui_test_destroy (window);
}

static GtkWidget *
find_access_bar (GtkWidget *widget)
{
  if (KIOSK_IS_ACCESS_BAR (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_access_bar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
language_button (KioskWindow *window,
                 const char  *page)
{
  GtkWidget *bar = find_access_bar (kiosk_window_get_page (window, page));

  g_assert_nonnull (bar);
  return kiosk_access_bar_get_language_button (KIOSK_ACCESS_BAR (bar));
}

static gboolean
has_label_text (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_label_text (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
assert_offers (GtkWidget  *button,
               const char *words,
               const char *accessible_prefix)
{
  g_autofree char *accessible = accessible_label (button);

  g_assert_cmpint (gtk_widget_get_height (button), >=, 64);
  g_assert_nonnull (accessible);
  g_assert_true (g_str_has_prefix (accessible, accessible_prefix));
  g_assert_true (has_label_text (button, words));
}

/* The language button on attract and home: the other language, in its own
 * words; a touch switches the screen shown and everything behind it. */
static void
test_language_button (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  GtkWidget *start = kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.start", NULL);
  GtkWidget *button = language_button (window, "attract");

  assert_offers (button, "Español", "Español");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (start)), ==, "Touch to start");
  kiosk_ui_test_click (button);
  g_assert_cmpstr (kiosk_window_get_language (window), ==, "es");
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (start)), ==, "Toque para empezar");
  assert_offers (button, "English", "English");

  show (window, "kiosk.start", NULL, "home");
  button = language_button (window, "home");
  assert_offers (button, "English", "English");
  kiosk_ui_test_click (button);
  g_assert_cmpstr (kiosk_window_get_language (window), ==, "en");
  g_assert_cmpstr (kiosk_i18n_get_language (), ==, "en");
  assert_offers (button, "Español", "Español");

  kiosk_ui_test_destroy (window);
}

static gboolean
on_attract (gpointer data)
{
  return g_strcmp0 (kiosk_window_get_visible_page (data), "attract") == 0;
}

/* Every session starts in the default language, with normal text and
 * contrast: after kiosk.reset and after the idle countdown alike. */
static void
test_reset_to_default (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  GtkWidget *start = kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.start", NULL);

  show (window, "kiosk.start", NULL, "home");
  switch_language (window, "es");
  kiosk_window_set_larger_text (window, TRUE);
  kiosk_window_set_high_contrast (window, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.reset", NULL));
  kiosk_ui_test_wait_for_page (window, "attract");
  g_assert_cmpstr (kiosk_window_get_language (window), ==, "en");
  g_assert_cmpstr (kiosk_i18n_get_language (), ==, "en");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (start)), ==, "Touch to start");
  g_assert_false (kiosk_window_get_larger_text (window));
  g_assert_false (kiosk_window_get_high_contrast (window));

  /* A Spanish-speaking lobby: the default is Spanish. */
  g_settings_set_string (settings, "default-language", "es");
  show (window, "kiosk.start", NULL, "home");
  switch_language (window, "en");
  kiosk_window_set_larger_text (window, TRUE);
  kiosk_window_set_idle_countdown (window, 1);
  kiosk_window_set_idle_timeout (window, 1);
  g_assert_true (kiosk_ui_test_wait_for (on_attract, window, 20000));
  g_assert_cmpstr (kiosk_window_get_language (window), ==, "es");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (start)), ==, "Toque para empezar");
  g_assert_false (kiosk_window_get_larger_text (window));

  g_settings_reset (settings, "default-language");
  kiosk_ui_test_destroy (window);
}

/* A window made while another session left Spanish in force starts in
 * its own default language, and switches both ways. */
static void
test_built_after_spanish (void)
{
  KioskWindow *window;
  GtkWidget *start;

  kiosk_i18n_set_language ("es");
  window = kiosk_ui_test_window_new (1280, 800);
  start = kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.start", NULL);
  g_assert_cmpstr (kiosk_i18n_get_language (), ==, "en");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (start)), ==, "Touch to start");
  check_screen (window, "attract", NULL);

  kiosk_ui_test_destroy (window);
}

static GtkWidget *
find_label_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The walker's rules, on widgets outside any window: template text follows
 * the language whichever language it was built in; text code set stays. */
static void
test_retranslate_rules (void)
{
  GtkWidget *other = g_object_ref_sink (gtk_label_new ("Touch to start"));
  GtkWidget *bar, *label;
  GtkWidget *code = g_object_ref_sink (gtk_label_new ("Hola, buenos días"));

  /* Spanish was in force once (as after any switch)... */
  kiosk_i18n_set_language ("es");
  kiosk_retranslate_widget (other);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (other)), ==, "Toque para empezar");

  /* ...a widget built now has Spanish from its template, and is first
   * walked in English. */
  bar = g_object_ref_sink (g_object_new (KIOSK_TYPE_ACCESS_BAR, NULL));
  label = find_label_text (bar, "Texto más grande");
  g_assert_nonnull (label);
  kiosk_i18n_set_language ("en");
  kiosk_retranslate_widget (bar);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Larger text");
  kiosk_i18n_set_language ("es");
  kiosk_retranslate_widget (bar);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Texto más grande");

  /* Code takes a label over: the walker leaves it. */
  gtk_label_set_label (GTK_LABEL (label), "Letra grande");
  kiosk_i18n_set_language ("en");
  kiosk_retranslate_widget (bar);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Letra grande");
  kiosk_retranslate_widget (code);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (code)), ==, "Hola, buenos días");

  g_object_unref (code);
  g_object_unref (bar);
  g_object_unref (other);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps the accessible labels to read. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  kiosk_ui_test_init (&argc, &argv);

  g_test_add_func ("/kiosk/language/every-screen", test_every_screen);
  g_test_add_func ("/kiosk/language/button", test_language_button);
  g_test_add_func ("/kiosk/language/reset-to-default", test_reset_to_default);
  g_test_add_func ("/kiosk/language/built-after-spanish", test_built_after_spanish);
  g_test_add_func ("/kiosk/language/retranslate-rules", test_retranslate_rules);

  return g_test_run ();
}
