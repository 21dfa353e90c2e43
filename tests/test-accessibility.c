/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-accessibility.c: named controls on every screen, larger text, high contrast, keyboard use, contrast. */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <math.h>

#include "kiosk-ui-test.h"

/* ---- Every control has an accessible name and role ---- */

static gboolean
is_interactive (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget)
         || GTK_IS_ENTRY (widget) || GTK_IS_TEXT (widget) || GTK_IS_PASSWORD_ENTRY (widget)
         || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget)
         || GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SCALE (widget)
         || GTK_IS_COMBO_BOX (widget) || GTK_IS_LINK_BUTTON (widget)
         || (GTK_IS_LIST_BOX_ROW (widget)
             && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)))
         || (GTK_IS_FLOW_BOX_CHILD (widget) && gtk_widget_get_focusable (widget));
}

/* A GtkText inside an entry is named by the entry around it. */
static gboolean
named_by_parent (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_TEXT (widget) && parent != NULL && is_interactive (parent);
}

static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_text (child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *label = gtk_test_accessible_check_property (accessible,
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "");
      if (label != NULL && *label != '\0')
        return TRUE;
    }
  /* A button is labelled by its content: that content must have words. */
  if (GTK_IS_BUTTON (widget) || GTK_IS_FLOW_BOX_CHILD (widget) || GTK_IS_LIST_BOX_ROW (widget))
    return has_text (widget);
  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    return TRUE;

  return FALSE;
}

static gboolean
has_role (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION
         && role != GTK_ACCESSIBLE_ROLE_GENERIC;
}

/* Adds a line to @problems for each drawn control under @widget without a
 * name or a role; returns how many controls it saw. */
static guint
find_unnamed (GtkWidget *widget,
              GString   *problems)
{
  guint n = 0;

  if (!gtk_widget_is_drawable (widget))
    return 0;

  if (is_interactive (widget) && !named_by_parent (widget))
    {
      n++;
      if (!has_name (widget))
        g_string_append_printf (problems, "a %s has no accessible name\n", G_OBJECT_TYPE_NAME (widget));
      if (!has_role (widget))
        g_string_append_printf (problems, "a %s has no accessible role\n", G_OBJECT_TYPE_NAME (widget));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += find_unnamed (child, problems);

  return n;
}

static void
assert_all_named (KioskWindow *window,
                  const char  *screen)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n;

  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 1);
  n = find_unnamed (GTK_WIDGET (window), problems);
  if (problems->len > 0)
    g_error ("On “%s” (%s):\n%s", screen, kiosk_window_get_language (window), problems->str);
  g_assert_cmpuint (n, >, 0);
  g_test_message ("%s (%s): %u controls, all named", screen, kiosk_window_get_language (window), n);
}

/* The check itself finds what it is meant to find. */
static void
test_checker_finds_unnamed (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *named_icon = gtk_button_new_from_icon_name ("go-home-symbolic");
  g_autoptr(GString) problems = g_string_new (NULL);

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Named by its label"));
  gtk_box_append (GTK_BOX (box), gtk_button_new_from_icon_name ("go-previous-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (named_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Home", -1);
  gtk_box_append (GTK_BOX (box), named_icon);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_ui_test_wait_frames (window, 2);

  g_assert_cmpuint (find_unnamed (window, problems), ==, 4);
  g_assert_cmpstr (problems->str, ==, "a GtkButton has no accessible name\n"
                                      "a GtkEntry has no accessible name\n");
  gtk_window_destroy (GTK_WINDOW (window));
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

static void
test_every_screen_named (gconstpointer data)
{
  const char *language = data;
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  GListModel *services = kiosk_content_get_services (kiosk_window_get_spa_content (window));

  kiosk_window_set_language (window, language);
  assert_all_named (window, "attract");
  show (window, "kiosk.start", NULL, "home");
  assert_all_named (window, "home");
  show (window, "kiosk.show-services", NULL, "services");
  assert_all_named (window, "services");
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(KioskService) service = g_list_model_get_item (services, i);

      show (window, "kiosk.show-service", kiosk_service_get_id (service), "service");
      assert_all_named (window, kiosk_service_get_id (service));
    }
  show (window, "kiosk.show-sciatica", NULL, "sciatica");
  assert_all_named (window, "sciatica");
  show (window, "kiosk.book", "thai", "booking");
  assert_all_named (window, "booking");
  show (window, "kiosk.staff-open", NULL, "staff-pin");
  assert_all_named (window, "staff-pin");
  show (window, "kiosk.staff-close", NULL, "booking");

  show (window, "kiosk.go-home", NULL, "home");
  kiosk_window_set_idle_countdown (window, 60);
  kiosk_window_set_idle_timeout (window, 1);
  g_assert_true (kiosk_ui_test_wait_for (is_prompting, window, 10000));
  assert_all_named (window, "still-there");

  kiosk_ui_test_destroy (window);
}

/* ---- Larger text and high contrast ---- */

static GtkWidget *
find_label (GtkWidget  *root,
            const char *css_class)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_larger_text (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  GtkWidget *title, *toggle;
  int width, height, larger_width;

  show (window, "kiosk.start", NULL, "home");
  title = find_label (kiosk_window_get_page (window, "home"), "kiosk-title");
  toggle = kiosk_ui_test_find_button (kiosk_window_get_page (window, "home"),
                                      "kiosk.larger-text", NULL);
  g_assert_nonnull (title);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
  g_assert_cmpint (gtk_widget_get_height (toggle), >=, 64);
  gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  height = gtk_widget_get_height (title);

  kiosk_ui_test_click (toggle);
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_true (kiosk_window_get_larger_text (window));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &larger_width, NULL, NULL);
  g_test_message ("title needs %d px wide, %d px high; with larger text %d, %d", width, height,
                  larger_width, gtk_widget_get_height (title));
  g_assert_cmpint (gtk_widget_get_height (title), >=, height * 1.15);
  g_assert_cmpint (larger_width, >=, width * 1.15);

  kiosk_ui_test_click (toggle);
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 3);
  g_assert_false (kiosk_window_get_larger_text (window));
  gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &larger_width, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (title), ==, height);
  g_assert_cmpint (larger_width, ==, width);

  kiosk_ui_test_destroy (window);
}

static void
assert_color (GtkWidget  *widget,
              const char *expected)
{
  GdkRGBA color, want;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (gdk_rgba_parse (&want, expected));
  if (!gdk_rgba_equal (&color, &want))
    g_error ("%s is %s, not %s", G_OBJECT_TYPE_NAME (widget), gdk_rgba_to_string (&color), expected);
}

static void
test_high_contrast (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  GtkWidget *attract = kiosk_window_get_page (window, "attract");
  GtkWidget *toggle = kiosk_ui_test_find_button (attract, "kiosk.high-contrast", NULL);
  GtkWidget *title, *lead;

  g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
  g_assert_cmpint (gtk_widget_get_height (toggle), >=, 64);
  kiosk_ui_test_click (toggle);
  g_assert_true (kiosk_window_get_high_contrast (window));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "kiosk-high-contrast"));

  show (window, "kiosk.start", NULL, "home");
  title = find_label (kiosk_window_get_page (window, "home"), "kiosk-title");
  lead = find_label (kiosk_window_get_page (window, "home"), "kiosk-choice-text");
  assert_color (title, "#000000");
  assert_color (lead, "#000000");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.reset", NULL));
  kiosk_ui_test_wait_for_page (window, "attract");
  g_assert_false (kiosk_window_get_high_contrast (window));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "kiosk-high-contrast"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  assert_color (title, "#1d2724");

  kiosk_ui_test_destroy (window);
}

/* ---- Everything reachable with a keyboard (a switch or keypad) ---- */

static void
xdotool (const char *command)
{
  g_autofree char *line = g_strconcat ("xdotool ", command, NULL);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_shell_parse_argv (line, NULL, &argv, &error));
  g_assert_true (g_spawn_sync (NULL, argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Gives the window the X keyboard focus, as a kiosk session does. */
static void
focus_window (KioskWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *command = g_strdup_printf ("windowfocus --sync %lu",
                                              (gulong) gdk_x11_surface_get_xid (GDK_X11_SURFACE (surface)));

  xdotool (command);
  g_assert_true (kiosk_ui_test_wait_for (is_active, window, 10000));
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
}

typedef struct
{
  KioskWindow *window;
  GtkWidget *before;
} FocusWait;

static gboolean
focus_moved (gpointer data)
{
  FocusWait *wait = data;

  return gtk_window_get_focus (GTK_WINDOW (wait->window)) != wait->before;
}

/* A real key press through the X server; waits until the focus moves. */
static GtkWidget *
press_tab (KioskWindow *window)
{
  FocusWait wait = { window, gtk_window_get_focus (GTK_WINDOW (window)) };

  xdotool ("key --clearmodifiers Tab");
  if (!kiosk_ui_test_wait_for (focus_moved, &wait, 5000))
    g_error ("Tab did not move the focus from a %s",
             wait.before ? G_OBJECT_TYPE_NAME (wait.before) : "(nothing)");
  return gtk_window_get_focus (GTK_WINDOW (window));
}

static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  if (!gtk_widget_is_drawable (widget) || !gtk_widget_is_sensitive (widget))
    return;
  if (GTK_IS_BUTTON (widget) || (is_interactive (widget) && !named_by_parent (widget)))
    g_ptr_array_add (controls, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

static gboolean
focus_shown (gpointer data)
{
  return gtk_window_get_focus_visible (data);
}

/* Tab reaches every control on the screen, with the focus shown. */
static void
assert_tab_reaches_all (KioskWindow *window,
                        const char  *screen)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  guint presses = 0;

  collect_controls (GTK_WIDGET (window), controls);
  g_assert_cmpuint (controls->len, >, 0);
  /* One control alone may already hold the focus: Tab has nowhere to go. */
  if (controls->len == 1
      && gtk_window_get_focus (GTK_WINDOW (window)) == g_ptr_array_index (controls, 0))
    {
      g_test_message ("%s: its one control has the focus", screen);
      return;
    }
  while (presses++ < controls->len * 2 + 4)
    {
      GtkWidget *focus = press_tab (window);
      gboolean all = TRUE;

      /* GTK shows the focus once the key is released. */
      g_assert_true (kiosk_ui_test_wait_for (focus_shown, window, 5000));
      g_assert_true (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_FOCUS_VISIBLE);
      g_hash_table_add (reached, focus);
      for (guint i = 0; i < controls->len && all; i++)
        all = g_hash_table_contains (reached, g_ptr_array_index (controls, i));
      if (all)
        break;
    }

  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);

      if (!g_hash_table_contains (reached, control))
        g_error ("On “%s” Tab never reaches a %s", screen, G_OBJECT_TYPE_NAME (control));
    }
  g_test_message ("%s: Tab reached all %u controls in %u presses", screen, controls->len, presses);
}

static void
tab_to (KioskWindow *window,
        GtkWidget   *target)
{
  for (guint i = 0; i < 40 && gtk_window_get_focus (GTK_WINDOW (window)) != target; i++)
    press_tab (window);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == target);
}

static gboolean
larger_text_on (gpointer data)
{
  return kiosk_window_get_larger_text (data);
}

static gboolean
larger_text_off (gpointer data)
{
  return !kiosk_window_get_larger_text (data);
}

static gboolean
on_services (gpointer data)
{
  return g_strcmp0 (kiosk_window_get_visible_page (data), "services") == 0;
}

static void
test_keyboard (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  GtkWidget *home = kiosk_window_get_page (window, "home");
  GListModel *services = kiosk_content_get_services (kiosk_window_get_spa_content (window));
  g_autoptr(KioskService) first = g_list_model_get_item (services, 0);

  if (g_find_program_in_path ("xdotool") == NULL)
    g_error ("this test needs xdotool (Debian package xdotool)");
  focus_window (window);
  assert_tab_reaches_all (window, "attract");

  show (window, "kiosk.start", NULL, "home");
  assert_tab_reaches_all (window, "home");

  /* Space toggles, Enter activates. */
  tab_to (window, kiosk_ui_test_find_button (home, "kiosk.larger-text", NULL));
  xdotool ("key --clearmodifiers space");
  g_assert_true (kiosk_ui_test_wait_for (larger_text_on, window, 5000));
  xdotool ("key --clearmodifiers space");
  g_assert_true (kiosk_ui_test_wait_for (larger_text_off, window, 5000));
  tab_to (window, kiosk_ui_test_find_button (home, "kiosk.show-services", NULL));
  xdotool ("key --clearmodifiers Return");
  g_assert_true (kiosk_ui_test_wait_for (on_services, window, 5000));
  kiosk_ui_test_wait_for_page (window, "services");

  assert_tab_reaches_all (window, "services");
  show (window, "kiosk.show-service", kiosk_service_get_id (first), "service");
  assert_tab_reaches_all (window, "service");
  show (window, "kiosk.show-sciatica", NULL, "sciatica");
  assert_tab_reaches_all (window, "sciatica");
  show (window, "kiosk.book", "", "booking");
  assert_tab_reaches_all (window, "booking");
  show (window, "kiosk.staff-open", NULL, "staff-pin");
  assert_tab_reaches_all (window, "staff-pin");

  kiosk_ui_test_destroy (window);
}

/* ---- Contrast of text against background, from style.css ---- */

typedef struct
{
  GHashTable *defines;  /* name → value */
  GHashTable *rules;    /* "selector|property" → value */
} Css;

static char *
strip_comments (const char *text)
{
  g_autoptr(GRegex) comments = g_regex_new ("/\\*.*?\\*/", G_REGEX_DOTALL, 0, NULL);

  return g_regex_replace_literal (comments, text, -1, 0, "", 0, NULL);
}

static void
parse_css (Css *css)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "style.css", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GRegex) define = g_regex_new ("@define-color\\s+([\\w-]+)\\s+([^;]+);", 0, 0, NULL);
  g_autoptr(GRegex) rule = g_regex_new ("([^{}]+)\\{([^{}]*)\\}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_true (g_file_get_contents (path, &raw, NULL, NULL));
  text = strip_comments (raw);
  css->defines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  css->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (g_regex_match (define, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    g_hash_table_insert (css->defines, g_match_info_fetch (match, 1),
                         g_strstrip (g_match_info_fetch (match, 2)));
  g_clear_pointer (&match, g_match_info_unref);

  for (g_regex_match (rule, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *selectors = g_match_info_fetch (match, 1);
      g_autofree char *body = g_match_info_fetch (match, 2);
      g_auto(GStrv) each = g_strsplit (selectors, ",", -1);
      g_auto(GStrv) declarations = g_strsplit (body, ";", -1);

      for (guint s = 0; each[s] != NULL; s++)
        for (guint d = 0; declarations[d] != NULL; d++)
          {
            g_auto(GStrv) pair = g_strsplit (declarations[d], ":", 2);
            g_autofree char *selector = g_strdup (each[s]);

            /* The last rule's selector list starts after the previous @define-color. */
            if (g_strv_length (pair) != 2 || strchr (selector, ';') != NULL)
              continue;
            g_hash_table_insert (css->rules,
                                 g_strdup_printf ("%s|%s", g_strstrip (selector), g_strstrip (pair[0])),
                                 g_strdup (g_strstrip (pair[1])));
          }
    }
}

/* Resolves a colour: "@name", "#hex", "alpha(colour, a)", or
 * "selector|property" in the parsed style sheet. */
static void
resolve (Css        *css,
         const char *ref,
         GdkRGBA    *rgba)
{
  g_autofree char *value = NULL;

  if (strchr (ref, '|') != NULL)
    {
      value = g_strdup (g_hash_table_lookup (css->rules, ref));
      if (value == NULL)
        g_error ("style.css has no %s", ref);
      resolve (css, value, rgba);
    }
  else if (ref[0] == '@')
    {
      const char *defined = g_hash_table_lookup (css->defines, ref + 1);

      if (defined == NULL)
        g_error ("style.css defines no colour %s", ref);
      resolve (css, defined, rgba);
    }
  else if (g_str_has_prefix (ref, "alpha("))
    {
      g_autofree char *inner = g_strndup (ref + 6, strlen (ref) - 7);
      char *comma = strrchr (inner, ',');

      g_assert_nonnull (comma);
      *comma = '\0';
      resolve (css, g_strstrip (inner), rgba);
      rgba->alpha *= g_ascii_strtod (comma + 1, NULL);
    }
  else if (!gdk_rgba_parse (rgba, ref))
    {
      g_error ("cannot read the colour “%s”", ref);
    }
}

static GdkRGBA
over (const GdkRGBA *top,
      const GdkRGBA *below)
{
  return (GdkRGBA) { top->red * top->alpha + below->red * (1 - top->alpha),
                     top->green * top->alpha + below->green * (1 - top->alpha),
                     top->blue * top->alpha + below->blue * (1 - top->alpha), 1 };
}

static double
luminance (const GdkRGBA *c)
{
  double channel[3] = { c->red, c->green, c->blue };

  for (int i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.03928 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The colours of kioskattractpage's gradient, each a background. */
static GPtrArray *
gradient_stops (Css *css)
{
  const char *image = g_hash_table_lookup (css->rules, "kioskattractpage|background-image");
  g_autoptr(GRegex) stop = g_regex_new ("(#[0-9a-fA-F]{6}|@[\\w-]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *stops = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (image);
  for (g_regex_match (stop, image, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    g_ptr_array_add (stops, g_match_info_fetch (match, 1));
  g_assert_cmpuint (stops->len, >=, 2);
  return stops;
}

typedef struct
{
  const char *what;
  const char *fg;
  const char *bg;
  const char *base;  /* under a translucent background; "gradient": the attract screen's */
} Pair;

static const Pair pairs[] = {
  { "body text", "@window_fg_color", "@window_bg_color", NULL },
  { "cards", "@card_fg_color", "@card_bg_color", NULL },
  { "views", "@view_fg_color", "@view_bg_color", NULL },
  { "accent buttons", "@accent_fg_color", "@accent_bg_color", NULL },
  { "titles", ".kiosk-title|color", "@window_bg_color", NULL },
  { "headings", ".kiosk-heading|color", "@window_bg_color", NULL },
  { "leads", ".kiosk-lead|color", "@window_bg_color", NULL },
  { "bullets", ".kiosk-bullet|color", "@window_bg_color", NULL },
  { "bar title", ".kiosk-bar-title|color", "kiosktopbar|background-color", NULL },
  { "Back and Home", "button.kiosk-nav-button|color", "button.kiosk-nav-button|background-color",
    "kiosktopbar|background-color" },
  { "home choices", "button.kiosk-choice|color", "button.kiosk-choice|background-color", NULL },
  { "home choice lines", ".kiosk-choice-text|color", "button.kiosk-choice|background-color", NULL },
  { "card options", ".kiosk-card-options|color", "button.kiosk-card|background-color", NULL },
  { "card summaries", ".kiosk-card-summary|color", "button.kiosk-card|background-color", NULL },
  { "chosen card", ".kiosk-chosen-mark|color", "button.kiosk-card.chosen|background-color", NULL },
  { "prices", ".kiosk-price|color", "@card_bg_color", NULL },
  { "attract text", "kioskattractpage|color", "kioskattractpage|background-image", "gradient" },
  { "highlight titles", ".kiosk-highlight-title|color", ".kiosk-highlight|background-color", "gradient" },
  { "highlight text", "kioskattractpage|color", ".kiosk-highlight|background-color", "gradient" },
  { "Touch to start", "button.kiosk-start-button|color", "button.kiosk-start-button|background-color", NULL },
  { "medical note", ".kiosk-disclaimer|color", ".kiosk-disclaimer|background-color", NULL },
  { "booking note", "@window_fg_color", ".kiosk-note|background-color", NULL },
  { "closing box", "@window_fg_color", ".kiosk-closing|background-color", NULL },
  { "countdown", ".kiosk-countdown|color", ".kiosk-idle-card|background-color", NULL },
  { "reading aids", "button.kiosk-access-button|color", "button.kiosk-access-button|background-color",
    "@window_bg_color" },
  { "reading aids on", "button.kiosk-access-button:checked|color",
    "button.kiosk-access-button:checked|background-color", NULL },
  { "attract reading aids", "kioskattractpage button.kiosk-access-button|color",
    "kioskattractpage button.kiosk-access-button|background-color", "gradient" },
  { "attract reading aids on", "kioskattractpage button.kiosk-access-button:checked|color",
    "kioskattractpage button.kiosk-access-button:checked|background-color", NULL },
  { "keys", "kioskkeyboard button.kiosk-key|color", "kioskkeyboard button.kiosk-key|background-color", NULL },
  { "high contrast", "window.kiosk-high-contrast button|color",
    "window.kiosk-high-contrast button|background-color", NULL },
  { "high contrast on", "window.kiosk-high-contrast button:checked|color",
    "window.kiosk-high-contrast button:checked|background-color", NULL },
};

static double
pair_contrast (Css        *css,
               const Pair *pair,
               const char *base)
{
  GdkRGBA fg, bg, under = { 1, 1, 1, 1 };

  if (base != NULL)
    resolve (css, base, &under);
  if (g_str_has_suffix (pair->bg, "|background-image"))
    bg = under;
  else
    resolve (css, pair->bg, &bg);
  bg = over (&bg, &under);
  resolve (css, pair->fg, &fg);
  fg = over (&fg, &bg);

  return contrast (&fg, &bg);
}

static void
test_contrast (void)
{
  Css css;
  g_autoptr(GPtrArray) stops = NULL;
  gboolean failed = FALSE;

  parse_css (&css);
  stops = gradient_stops (&css);
  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      gboolean gradient = g_strcmp0 (pairs[i].base, "gradient") == 0;
      guint n = gradient ? stops->len : 1;

      for (guint s = 0; s < n; s++)
        {
          const char *base = gradient ? g_ptr_array_index (stops, s) : pairs[i].base;
          double ratio = pair_contrast (&css, &pairs[i], base);

          g_test_message ("%s: %.2f:1%s%s", pairs[i].what, ratio, base ? " over " : "", base ? base : "");
          if (ratio < 4.5)
            {
              g_printerr ("%s: contrast %.2f:1 is below 4.5:1\n", pairs[i].what, ratio);
              failed = TRUE;
            }
        }
    }

  g_hash_table_unref (css.defines);
  g_hash_table_unref (css.rules);
  g_assert_false (failed);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps what each widget tells
   * assistive technologies, with no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  kiosk_ui_test_init (&argc, &argv);

  g_test_add_func ("/kiosk/accessibility/checker-finds-unnamed", test_checker_finds_unnamed);
  g_test_add_data_func ("/kiosk/accessibility/every-control-named/en", "en", test_every_screen_named);
  g_test_add_data_func ("/kiosk/accessibility/every-control-named/es", "es", test_every_screen_named);
  g_test_add_func ("/kiosk/accessibility/larger-text", test_larger_text);
  g_test_add_func ("/kiosk/accessibility/high-contrast", test_high_contrast);
  g_test_add_func ("/kiosk/accessibility/keyboard", test_keyboard);
  g_test_add_func ("/kiosk/accessibility/contrast", test_contrast);

  return g_test_run ();
}
