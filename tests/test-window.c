/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the kiosk window driven through its buttons and actions under Xvfb. */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "kiosk-attract-page.h"
#include "kiosk-booking-page.h"
#include "kiosk-sciatica-page.h"
#include "kiosk-service-page.h"
#include "kiosk-ui-test.h"

static void
press (KioskWindow *window,
       const char  *action_name,
       const char  *target)
{
  GtkWidget *button = kiosk_ui_test_find_button (GTK_WIDGET (window), action_name, target);

  if (button == NULL)
    g_error ("No button for %s (%s) on the screen “%s”",
             action_name, target ? target : "-", kiosk_window_get_visible_page (window));
  kiosk_ui_test_click (button);
}

/* Back and Home are on every screen but attract, large enough for a finger. */
static void
assert_top_bar (KioskWindow *window)
{
  const char *actions[] = { "kiosk.go-back", "kiosk.go-home" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = kiosk_ui_test_find_button (GTK_WIDGET (window), actions[i], NULL);

      g_assert_nonnull (button);
      g_assert_cmpint (gtk_widget_get_height (button), >=, 64);
      g_assert_cmpint (gtk_widget_get_width (button), >=, 64);
    }
}

static void
go (KioskWindow *window,
    const char  *action_name,
    const char  *target,
    const char  *expected_page)
{
  press (window, action_name, target);
  kiosk_ui_test_wait_for_page (window, expected_page);
  if (!g_str_equal (expected_page, "attract"))
    assert_top_bar (window);
}

static void
test_browse (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  KioskContent *content = kiosk_window_get_spa_content (window);
  GListModel *services = kiosk_content_get_services (content);
  KioskServicePage *service_page = KIOSK_SERVICE_PAGE (kiosk_window_get_page (window, "service"));
  KioskBookingPage *booking_page = KIOSK_BOOKING_PAGE (kiosk_window_get_page (window, "booking"));
  GtkWidget *back, *home;

  g_assert_null (kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.go-home", NULL));

  go (window, "kiosk.start", NULL, "home");
  go (window, "kiosk.show-services", NULL, "services");

  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(KioskService) service = g_list_model_get_item (services, i);
      const char *id = kiosk_service_get_id (service);

      go (window, "kiosk.show-service", id, "service");
      g_assert_cmpstr (kiosk_service_page_get_service_id (service_page), ==, id);
      g_assert_nonnull (kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.book", id));
      go (window, "kiosk.go-back", NULL, "services");
    }

  go (window, "kiosk.go-back", NULL, "home");
  go (window, "kiosk.show-sciatica", NULL, "sciatica");
  go (window, "kiosk.book", "", "booking");
  g_assert_null (kiosk_booking_page_get_service_id (booking_page));
  go (window, "kiosk.go-back", NULL, "sciatica");
  go (window, "kiosk.go-home", NULL, "home");

  go (window, "kiosk.show-services", NULL, "services");
  go (window, "kiosk.show-service", "hot-stone", "service");
  go (window, "kiosk.book", "hot-stone", "booking");
  g_assert_cmpstr (kiosk_booking_page_get_service_id (booking_page), ==, "hot-stone");

  /* Without a backend, the booking screen says where to book instead. */
  g_assert_cmpstr (kiosk_booking_page_get_step (booking_page), ==, "unavailable");

  go (window, "kiosk.go-back", NULL, "service");
  g_assert_cmpstr (kiosk_service_page_get_service_id (service_page), ==, "hot-stone");
  go (window, "kiosk.go-home", NULL, "home");

  /* On home, Back and Home lead nowhere: they show, greyed. */
  assert_top_bar (window);
  back = kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.go-back", NULL);
  home = kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.go-home", NULL);
  g_assert_false (gtk_widget_is_sensitive (back));
  g_assert_false (gtk_widget_is_sensitive (home));

  kiosk_ui_test_destroy (window);
}

static void
test_close_refused (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  GtkWidget *weak = GTK_WIDGET (window);

  gtk_window_close (GTK_WINDOW (window));
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* The staff's way out still works. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  kiosk_window_set_allow_close (window, TRUE);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_finalize_object (window);
  g_assert_null (weak);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
key_reached_window (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GPtrArray             *seen)
{
  g_ptr_array_add (seen, g_strdup (gdk_keyval_name (gdk_keyval_to_lower (keyval))));
  g_test_message ("key %s reached the window", gdk_keyval_name (keyval));
  return GDK_EVENT_PROPAGATE;
}

static gboolean
seen_key (gpointer data)
{
  GPtrArray *seen = data;

  return g_ptr_array_find_with_equal_func (seen, "a", g_str_equal, NULL);
}

static gboolean
have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
}

/* Real input through the X server (XTest), as a touch screen or a
 * keyboard makes it. */
static void
run_xdotool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static char *
window_xid (KioskWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

/* Without a window manager nobody else gives the window focus. */
static void
xdotool_key (KioskWindow *window,
             const char  *keys)
{
  g_autofree char *xid = window_xid (window);
  const char * const argv[] = { "xdotool", "windowfocus", "--sync", xid,
                                "key", "--clearmodifiers", keys, NULL };

  run_xdotool (argv);
}

/* Touches the window at @x, @y. */
static void
xdotool_touch (KioskWindow *window,
               int          x,
               int          y)
{
  g_autofree char *xid = window_xid (window);
  g_autofree char *xs = g_strdup_printf ("%d", x);
  g_autofree char *ys = g_strdup_printf ("%d", y);
  const char * const argv[] = { "xdotool", "mousemove", "--sync", "--window", xid, xs, ys,
                                "click", "1", NULL };

  run_xdotool (argv);
}

/* With GTK's inspector keybinding switched on, real Ctrl+Shift+I and
 * Ctrl+Shift+D key presses from the X server must open nothing: the
 * window's capture controller swallows them before anything else sees them. */
static void
test_inspector_swallowed (void)
{
  g_autoptr(GSettings) debug = g_settings_new ("org.gtk.gtk4.Settings.Debug");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  GtkEventController *keys;
  KioskWindow *window;

  if (!have_xdotool ())
    {
      g_test_skip ("needs xdotool and an X server");
      return;
    }

  g_settings_set_boolean (debug, "enable-inspector-keybinding", TRUE);
  window = kiosk_ui_test_window_new (1280, 800);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_BUBBLE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_reached_window), seen);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  g_assert_true (kiosk_ui_test_wait_for (is_mapped, window, 10000));

  /* A plain key arrives, so the keyboard really reaches the window. */
  xdotool_key (window, "a");
  g_assert_true (kiosk_ui_test_wait_for (seen_key, seen, 10000));

  g_ptr_array_set_size (seen, 0);
  xdotool_key (window, "ctrl+shift+i");
  xdotool_key (window, "ctrl+shift+d");
  xdotool_key (window, "ctrl+q");
  xdotool_key (window, "a");
  g_assert_true (kiosk_ui_test_wait_for (seen_key, seen, 10000));
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 3);

  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
  g_assert_false (g_ptr_array_find_with_equal_func (seen, "i", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (seen, "d", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (seen, "q", g_str_equal, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_settings_set_boolean (debug, "enable-inspector-keybinding", FALSE);
  kiosk_ui_test_destroy (window);
}

static gboolean
is_prompting (gpointer data)
{
  return kiosk_idle_monitor_get_prompting (kiosk_window_get_idle_monitor (data));
}

static gboolean
is_not_prompting (gpointer data)
{
  return !is_prompting (data);
}

static gboolean
is_on_attract (gpointer data)
{
  return g_strcmp0 (kiosk_window_get_visible_page (data), "attract") == 0;
}

static void
set_idle_times (guint timeout,
                guint countdown)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_uint (settings, "idle-timeout", timeout);
  g_settings_set_uint (settings, "idle-countdown", countdown);
}

/* The settings reach the window through its bindings. */
static void
test_idle_settings_bound (void)
{
  KioskWindow *window;

  set_idle_times (7, 3);
  window = kiosk_ui_test_window_new (1280, 800);
  g_assert_cmpuint (kiosk_window_get_idle_timeout (window), ==, 7);
  g_assert_cmpuint (kiosk_window_get_idle_countdown (window), ==, 3);

  set_idle_times (11, 5);
  g_assert_cmpuint (kiosk_window_get_idle_timeout (window), ==, 11);
  g_assert_cmpuint (kiosk_idle_monitor_get_timeout (kiosk_window_get_idle_monitor (window)), ==, 11);
  g_assert_cmpuint (kiosk_window_get_idle_countdown (window), ==, 5);

  kiosk_ui_test_destroy (window);
}

static void
test_idle_keeps_then_resets (void)
{
  KioskWindow *window;
  KioskBookingPage *booking_page;
  GtkWidget *still_here;
  GtkLabel *seconds_label = NULL;

  set_idle_times (1, 20);
  window = kiosk_ui_test_window_new (1280, 800);
  booking_page = KIOSK_BOOKING_PAGE (kiosk_window_get_page (window, "booking"));

  /* Nobody is asked anything on the attract screen. */
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (kiosk_ui_test_wait_for (is_prompting, window, 2500));

  /* A slow machine must not run out of time while the test navigates. */
  set_idle_times (90, 20);
  go (window, "kiosk.start", NULL, "home");
  go (window, "kiosk.show-services", NULL, "services");
  go (window, "kiosk.show-service", "deep-tissue", "service");
  go (window, "kiosk.book", "deep-tissue", "booking");
  g_assert_cmpstr (kiosk_booking_page_get_service_id (booking_page), ==, "deep-tissue");
  set_idle_times (1, 20);

  g_assert_true (kiosk_ui_test_wait_for (is_prompting, window, 10000));
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  still_here = kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.still-here", NULL);
  g_assert_nonnull (still_here);
  g_assert_cmpint (gtk_widget_get_height (still_here), >=, 64);

  /* The countdown shows on screen. */
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (still_here));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "kiosk-countdown"))
      seconds_label = GTK_LABEL (w);
  g_assert_nonnull (seconds_label);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (seconds_label)));
  g_assert_cmpuint (g_ascii_strtoull (gtk_label_get_label (seconds_label), NULL, 10), >=, 1);
  g_assert_cmpuint (g_ascii_strtoull (gtk_label_get_label (seconds_label), NULL, 10), <=, 20);

  /* "I'm still here" keeps the session as it was. */
  kiosk_ui_test_click (still_here);
  g_assert_false (is_prompting (window));
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_false (gtk_widget_is_drawable (still_here));
  g_assert_cmpstr (kiosk_window_get_visible_page (window), ==, "booking");
  g_assert_cmpstr (kiosk_booking_page_get_service_id (booking_page), ==, "deep-tissue");

  /* With no answer the kiosk starts over and forgets the choice. */
  set_idle_times (1, 2);
  g_assert_true (kiosk_ui_test_wait_for (is_prompting, window, 10000));
  g_assert_true (kiosk_ui_test_wait_for (is_on_attract, window, 20000));
  kiosk_ui_test_wait_for_page (window, "attract");
  g_assert_false (is_prompting (window));
  g_assert_null (kiosk_booking_page_get_service_id (booking_page));
  g_assert_null (kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.go-home", NULL));
  g_assert_null (kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.still-here", NULL));

  /* The history went with it: the next customer's Back leads home. */
  go (window, "kiosk.start", NULL, "home");
  go (window, "kiosk.show-sciatica", NULL, "sciatica");
  go (window, "kiosk.go-back", NULL, "home");

  kiosk_ui_test_destroy (window);
  set_idle_times (90, 20);
}

/* kiosk.reset wipes every screen, as the idle timer does. */
static void
test_reset_wipes (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  KioskBookingPage *booking_page = KIOSK_BOOKING_PAGE (kiosk_window_get_page (window, "booking"));
  KioskServicePage *service_page = KIOSK_SERVICE_PAGE (kiosk_window_get_page (window, "service"));
  KioskSciaticaPage *sciatica;
  GtkAdjustment *scroll;

  go (window, "kiosk.start", NULL, "home");
  go (window, "kiosk.show-sciatica", NULL, "sciatica");
  sciatica = KIOSK_SCIATICA_PAGE (kiosk_window_get_page (window, "sciatica"));
  scroll = kiosk_sciatica_page_get_vadjustment (sciatica);
  g_assert_cmpfloat (gtk_adjustment_get_upper (scroll), >, gtk_adjustment_get_page_size (scroll));
  gtk_adjustment_set_value (scroll, 400);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);
  go (window, "kiosk.go-home", NULL, "home");
  go (window, "kiosk.show-services", NULL, "services");
  go (window, "kiosk.show-service", "thai", "service");
  go (window, "kiosk.book", "thai", "booking");

  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.reset", NULL);
  kiosk_ui_test_wait_for_page (window, "attract");
  g_assert_null (kiosk_booking_page_get_service_id (booking_page));
  g_assert_null (kiosk_service_page_get_service_id (service_page));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  g_assert_cmpstr (kiosk_window_get_language (window), ==, "en");

  kiosk_ui_test_destroy (window);
}

/* Touching the attract screen anywhere, not only its button, starts. */
static void
test_attract_starts_on_any_action (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);

  g_assert_true (gtk_widget_activate_action_variant (kiosk_window_get_page (window, "attract"),
                                                     "kiosk.start", NULL));
  kiosk_ui_test_wait_for_page (window, "home");
  /* Start again does nothing once a session runs. */
  go (window, "kiosk.show-services", NULL, "services");
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.start", NULL);
  kiosk_ui_test_wait_for_page (window, "services");

  kiosk_ui_test_destroy (window);
}

/* A touch anywhere on the attract screen starts, not only on its button. */
static void
test_attract_touch_anywhere (void)
{
  KioskWindow *window;

  if (!have_xdotool ())
    {
      g_test_skip ("needs xdotool and an X server");
      return;
    }

  window = kiosk_ui_test_window_new (1280, 800);
  g_assert_null (kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.go-home", NULL));
  xdotool_touch (window, 40, 760);
  kiosk_ui_test_wait_for_page (window, "home");

  /* The top edge too, where the blank top bar keeps its place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.reset", NULL));
  kiosk_ui_test_wait_for_page (window, "attract");
  g_assert_null (kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.go-home", NULL));
  xdotool_touch (window, 1240, 8);
  kiosk_ui_test_wait_for_page (window, "home");
  g_assert_nonnull (kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.go-home", NULL));

  kiosk_ui_test_destroy (window);
}

/* While "Still there?" shows, a touch anywhere on the screen (here on the
 * dimmed page, far from the button) keeps the session as it was. */
static void
test_idle_any_touch_keeps (void)
{
  KioskWindow *window;
  KioskBookingPage *booking_page;

  if (!have_xdotool ())
    {
      g_test_skip ("needs xdotool and an X server");
      return;
    }

  set_idle_times (90, 30);
  window = kiosk_ui_test_window_new (1280, 800);
  booking_page = KIOSK_BOOKING_PAGE (kiosk_window_get_page (window, "booking"));
  go (window, "kiosk.start", NULL, "home");
  go (window, "kiosk.show-services", NULL, "services");
  go (window, "kiosk.show-service", "thai", "service");
  go (window, "kiosk.book", "thai", "booking");
  set_idle_times (1, 30);

  g_assert_true (kiosk_ui_test_wait_for (is_prompting, window, 10000));
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  xdotool_touch (window, 40, 760);
  g_assert_true (kiosk_ui_test_wait_for (is_not_prompting, window, 10000));
  g_assert_cmpstr (kiosk_window_get_visible_page (window), ==, "booking");
  g_assert_cmpstr (kiosk_booking_page_get_service_id (booking_page), ==, "thai");

  kiosk_ui_test_destroy (window);
  set_idle_times (90, 20);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

/* Switching the language rewrites every screen from the content and keeps
 * the customer's choice; the next customer starts in the default again. */
static void
test_language_refills (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  KioskContent *content = kiosk_window_get_spa_content (window);
  KioskService *thai = kiosk_content_find_service (content, "thai");
  GtkWidget *services = kiosk_window_get_page (window, "services");
  GtkWidget *service = kiosk_window_get_page (window, "service");
  GtkWidget *booking = kiosk_window_get_page (window, "booking");

  go (window, "kiosk.start", NULL, "home");
  go (window, "kiosk.show-services", NULL, "services");
  go (window, "kiosk.show-service", "thai", "service");
  go (window, "kiosk.book", "thai", "booking");
  g_assert_true (has_label (services, kiosk_service_get_name (thai, "en")));
  g_assert_true (has_label (service, kiosk_service_get_description (thai, "en")));

  kiosk_window_set_language (window, "es");
  g_assert_cmpstr (kiosk_service_get_name (thai, "es"), !=, kiosk_service_get_name (thai, "en"));
  g_assert_true (has_label (services, kiosk_service_get_name (thai, "es")));
  g_assert_false (has_label (services, kiosk_service_get_name (thai, "en")));
  g_assert_true (has_label (service, kiosk_service_get_description (thai, "es")));
  g_assert_true (has_label (booking, kiosk_service_get_name (thai, "es")));
  g_assert_cmpstr (kiosk_booking_page_get_service_id (KIOSK_BOOKING_PAGE (booking)), ==, "thai");
  g_assert_cmpstr (kiosk_service_page_get_service_id (KIOSK_SERVICE_PAGE (service)), ==, "thai");

  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.reset", NULL);
  kiosk_ui_test_wait_for_page (window, "attract");
  g_assert_cmpstr (kiosk_window_get_language (window), ==, "en");
  g_assert_true (has_label (services, kiosk_service_get_name (thai, "en")));

  kiosk_ui_test_destroy (window);
}

static gboolean
has_drawn_label (GtkWidget  *root,
                 const char *text)
{
  if (!gtk_widget_is_drawable (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_drawn_label (child, text))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GtkWidget *page;
  const char *title;
} HighlightWait;

static gboolean
highlight_shown (gpointer data)
{
  HighlightWait *wait = data;

  return has_drawn_label (wait->page, wait->title);
}

/* The attract screen turns to the next highlight by itself, every few seconds. */
static void
test_attract_rotates (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);
  KioskContent *content = kiosk_window_get_spa_content (window);
  GtkWidget *attract = kiosk_window_get_page (window, "attract");
  HighlightWait wait = { attract, NULL };

  g_assert_cmpuint (kiosk_content_get_n_highlights (content), >=, 2);
  wait.title = kiosk_content_get_highlight_title (content, 0, "en");
  g_assert_true (highlight_shown (&wait));

  wait.title = kiosk_content_get_highlight_title (content, 1, "en");
  g_assert_true (kiosk_ui_test_wait_for (highlight_shown, &wait, 20000));
  g_assert_cmpuint (kiosk_attract_page_get_highlight (KIOSK_ATTRACT_PAGE (attract)), ==, 1);

  kiosk_ui_test_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_ui_test_init (&argc, &argv);

  g_test_add_func ("/kiosk/window/browse", test_browse);
  g_test_add_func ("/kiosk/window/start", test_attract_starts_on_any_action);
  g_test_add_func ("/kiosk/window/attract-rotates", test_attract_rotates);
  g_test_add_func ("/kiosk/window/attract-touch-anywhere", test_attract_touch_anywhere);
  g_test_add_func ("/kiosk/window/close-refused", test_close_refused);
  g_test_add_func ("/kiosk/window/inspector-swallowed", test_inspector_swallowed);
  g_test_add_func ("/kiosk/window/idle-settings-bound", test_idle_settings_bound);
  g_test_add_func ("/kiosk/window/idle-keeps-then-resets", test_idle_keeps_then_resets);
  g_test_add_func ("/kiosk/window/idle-any-touch-keeps", test_idle_any_touch_keeps);
  g_test_add_func ("/kiosk/window/reset-wipes", test_reset_wipes);
  g_test_add_func ("/kiosk/window/language-refills", test_language_refills);

  return g_test_run ();
}
