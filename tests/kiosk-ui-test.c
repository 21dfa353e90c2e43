/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-ui-test.c: what the window tests share: set-up, waiting, finding widgets. */

#include "config.h"

#include <adwaita.h>

#include "kiosk-i18n.h"
#include "kiosk-ui-test.h"

/* What main () and KioskApplication do at start-up for the real program:
 * the catalogues (here from the build tree), Adwaita's styles, the light
 * scheme, and from the resource base path the kiosk's style.css and icons.
 * The tests create the window without an application. */
void
kiosk_ui_test_init (int    *argc,
                    char ***argv)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_test_init (argc, argv, NULL);
  kiosk_i18n_init (g_getenv ("KIOSK_TEST_LOCALEDIR"));
  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PREFIX "/icons");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gboolean
keep_waking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * kiosk_ui_test_wait_for:
 *
 * Runs the main loop until @condition holds or @timeout_ms pass.
 *
 * Returns: whether @condition holds
 */
gboolean
kiosk_ui_test_wait_for (KioskUiTestCondition condition,
                        gpointer             data,
                        guint                timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint waker = g_timeout_add (10, keep_waking, NULL);

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (waker);
  return condition (data);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  guint *counter = data;

  counter[0]++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_done (gpointer data)
{
  guint *counter = data;

  return counter[0] >= counter[1];
}

/* Waits until @widget's window went through @n_frames more frames (a tick
 * callback keeps the frame clock running), so layout and drawing have
 * caught up with the last change. */
void
kiosk_ui_test_wait_frames (GtkWidget *widget,
                           guint      n_frames)
{
  guint counter[2] = { 0, n_frames + 1 };
  guint id;

  id = gtk_widget_add_tick_callback (widget, count_frame, counter, NULL);
  g_assert_true (kiosk_ui_test_wait_for (frames_done, counter, 20000));
  gtk_widget_remove_tick_callback (widget, id);
}

typedef struct
{
  GtkWidget *widget;
  int width;
  int height;
} SizeWait;

static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;

  return gtk_widget_get_mapped (wait->widget)
         && gtk_widget_get_width (wait->widget) == wait->width
         && gtk_widget_get_height (wait->widget) == wait->height;
}

/**
 * kiosk_ui_test_window_new:
 *
 * Returns: (transfer full): a shown window of exactly @width × @height with
 *   the bundled content, on the attract screen; the caller owns a reference
 */
KioskWindow *
kiosk_ui_test_window_new (int width,
                          int height)
{
  KioskWindow *window = kiosk_window_new (NULL, NULL, FALSE);
  SizeWait wait = { GTK_WIDGET (window), width, height };

  g_object_ref (window);
  /* As on the kiosk: undecorated, so the window is the screen size exactly. */
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (!kiosk_ui_test_wait_for (has_size, &wait, 20000))
    g_error ("The window is %d×%d, not %d×%d: its content does not fit the screen (surface %d %d)",
             gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
             width, height, gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))),
             gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window))));
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (kiosk_window_get_visible_page (window), ==, "attract");

  return window;
}

typedef struct
{
  KioskWindow *window;
  const char *name;
} PageWait;

static gboolean
page_shown (gpointer data)
{
  PageWait *wait = data;
  GtkWidget *page = kiosk_window_get_page (wait->window, wait->name);
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (page));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), wait->name) == 0
         && !gtk_stack_get_transition_running (stack)
         && gtk_widget_get_mapped (page)
         && gtk_widget_get_width (page) > 0;
}

/* Waits until screen @name is shown alone, laid out and drawn. */
void
kiosk_ui_test_wait_for_page (KioskWindow *window,
                             const char  *name)
{
  PageWait wait = { window, name };

  g_assert_nonnull (kiosk_window_get_page (window, name));
  g_assert_true (kiosk_ui_test_wait_for (page_shown, &wait, 10000));
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
}

static gboolean
button_matches (GtkWidget  *widget,
                const char *action_name,
                const char *target)
{
  GVariant *value;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_is_drawable (widget))
    return FALSE;
  if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) != 0)
    return FALSE;

  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  if (target == NULL)
    return value == NULL || g_variant_is_of_type (value, G_VARIANT_TYPE_STRING);
  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING)
         && g_str_equal (g_variant_get_string (value, NULL), target);
}

/**
 * kiosk_ui_test_find_button:
 * @root: where to look
 * @action_name: the button's action
 * @target: (nullable): its string target, or %NULL for any
 *
 * Returns: (transfer none) (nullable): the first drawn button under @root
 *   that activates @action_name with @target
 */
GtkWidget *
kiosk_ui_test_find_button (GtkWidget  *root,
                           const char *action_name,
                           const char *target)
{
  if (button_matches (root, action_name, target))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kiosk_ui_test_find_button (child, action_name, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
on_clicked (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Activates @button as a touch would and waits for its "clicked": GtkButton
 * runs its action a moment after activation, once the press has shown. */
void
kiosk_ui_test_click (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong id;

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  id = g_signal_connect (button, "clicked", G_CALLBACK (on_clicked), &clicked);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (kiosk_ui_test_wait_for (is_true, &clicked, 10000));
  g_signal_handler_disconnect (button, id);
}

/* Destroys @window and checks that nothing else kept it alive. */
void
kiosk_ui_test_destroy (KioskWindow *window)
{
  gtk_window_set_application (GTK_WINDOW (window), NULL);
  kiosk_window_set_allow_close (window, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}
