/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-staff.c: staff mode in a real window: the hidden gesture, the PIN pad, the panel. */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "kiosk-backend-config.h"
#include "kiosk-booking-page.h"
#include "kiosk-pin-pad.h"
#include "kiosk-staff-panel.h"
#include "kiosk-test-backend.h"
#include "kiosk-ui-test.h"

#define RIGHT_PIN "482193"
#define WRONG_PIN "135790"

/* The staff PIN's clock, moved by the tests instead of waiting out delays. */
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

typedef struct
{
  char *dir;
  char *pin_path;
} PinDir;

static void
pin_dir_init (PinDir   *pins,
              gboolean  set)
{
  g_autoptr(GError) error = NULL;

  pins->dir = g_dir_make_tmp ("kiosk-staff-XXXXXX", &error);
  g_assert_no_error (error);
  pins->pin_path = g_build_filename (pins->dir, "staff-pin", NULL);
  if (set)
    {
      g_autoptr(KioskStaffPin) staff_pin = kiosk_staff_pin_new (pins->pin_path);

      g_assert_true (kiosk_staff_pin_set (staff_pin, RIGHT_PIN, &error));
      g_assert_no_error (error);
    }
}

/* Removes the folder and whatever the test left in it (the queue's files). */
static void
pin_dir_clear (PinDir *pins)
{
  g_autoptr(GDir) dir = g_dir_open (pins->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (pins->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (pins->dir);
  g_clear_pointer (&pins->pin_path, g_free);
  g_clear_pointer (&pins->dir, g_free);
}

/* A window whose PIN pad checks the PIN file in @pins, on the fake clock. */
static KioskWindow *
staff_window_new (PinDir *pins,
                  int     width,
                  int     height)
{
  KioskWindow *window = kiosk_ui_test_window_new (width, height);
  g_autoptr(KioskStaffPin) staff_pin = kiosk_staff_pin_new (pins->pin_path);

  kiosk_staff_pin_set_clock (staff_pin, fake_clock, NULL);
  kiosk_window_set_staff_pin (window, staff_pin);
  return window;
}

static KioskPinPad *
pin_pad (KioskWindow *window)
{
  return KIOSK_PIN_PAD (kiosk_window_get_page (window, "staff-pin"));
}

static KioskStaffPanel *
staff_panel (KioskWindow *window)
{
  return KIOSK_STAFF_PANEL (kiosk_window_get_page (window, "staff-panel"));
}

static void
open_pin_pad (KioskWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.staff-open", NULL));
  kiosk_ui_test_wait_for_page (window, "staff-pin");
}

static gboolean
is_not_checking (gpointer data)
{
  return !kiosk_pin_pad_get_checking (data);
}

/* Types @pin on the pad's own keys and presses OK, then waits for the answer. */
static void
type_pin (KioskWindow *window,
          const char  *pin)
{
  GtkWidget *pad = GTK_WIDGET (pin_pad (window));

  for (const char *p = pin; *p != '\0'; p++)
    {
      char digit[2] = { *p, '\0' };

      kiosk_ui_test_click (kiosk_ui_test_find_button (pad, "pin.digit", digit));
    }
  g_assert_cmpuint (kiosk_pin_pad_get_n_digits (pin_pad (window)), ==, strlen (pin));
  kiosk_ui_test_click (kiosk_ui_test_find_button (pad, "pin.enter", NULL));
  /* The pad keeps no digit once the PIN went to be checked. */
  g_assert_cmpuint (kiosk_pin_pad_get_n_digits (pin_pad (window)), ==, 0);
  g_assert_true (kiosk_ui_test_wait_for (is_not_checking, pin_pad (window), 30000));
}

static void
unlock (KioskWindow *window)
{
  open_pin_pad (window);
  type_pin (window, RIGHT_PIN);
  kiosk_ui_test_wait_for_page (window, "staff-panel");
  g_assert_true (kiosk_window_get_staff_unlocked (window));
}

static void
assert_message_has (KioskWindow *window,
                    const char  *words)
{
  const char *message = kiosk_pin_pad_get_message (pin_pad (window));

  if (strstr (message, words) == NULL)
    g_error ("expected “%s” in the PIN pad's “%s”", words, message);
}

static gboolean
digit_enabled (KioskWindow *window)
{
  GtkWidget *key = kiosk_ui_test_find_button (GTK_WIDGET (pin_pad (window)), "pin.digit", "1");

  return key != NULL && gtk_widget_is_sensitive (key);
}

/* No PIN file: the pad says how to set one and offers no keys. */
static void
test_not_set (void)
{
  PinDir pins;
  KioskWindow *window;

  pin_dir_init (&pins, FALSE);
  window = staff_window_new (&pins, 1280, 800);
  open_pin_pad (window);
  assert_message_has (window, "not set up");
  assert_message_has (window, "spa-kiosk --set-staff-pin");
  g_assert_false (digit_enabled (window));
  g_assert_false (kiosk_window_get_staff_unlocked (window));

  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
}

/* A PIN file other users could read is refused: the pad says to set the
 * PIN again, and opens nothing. */
static void
test_file_unusable (void)
{
  PinDir pins;
  KioskWindow *window;

  pin_dir_init (&pins, TRUE);
  g_assert_cmpint (g_chmod (pins.pin_path, 0644), ==, 0);
  window = staff_window_new (&pins, 1280, 800);
  open_pin_pad (window);
  assert_message_has (window, "The staff PIN file cannot be used");
  assert_message_has (window, "spa-kiosk --set-staff-pin");
  g_assert_false (digit_enabled (window));

  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
}

static void
test_right_pin (void)
{
  PinDir pins;
  KioskWindow *window;

  fake_now = g_get_real_time ();
  pin_dir_init (&pins, TRUE);
  window = staff_window_new (&pins, 1280, 800);
  unlock (window);
  /* Staff pages are not customer screens: no top bar, no Back. */
  g_assert_null (kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.go-back", NULL));
  g_assert_null (kiosk_ui_test_find_button (GTK_WIDGET (window), "kiosk.go-home", NULL));

  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
}

/* A wrong PIN says so and shows the wait, which doubles, with the keys off
 * until it ends. */
static void
test_wrong_pin_delays (void)
{
  PinDir pins;
  KioskWindow *window;

  fake_now = g_get_real_time ();
  pin_dir_init (&pins, TRUE);
  window = staff_window_new (&pins, 1280, 800);
  open_pin_pad (window);

  type_pin (window, WRONG_PIN);
  g_assert_cmpstr (kiosk_window_get_visible_page (window), ==, "staff-pin");
  g_assert_cmpstr (kiosk_pin_pad_get_message (pin_pad (window)), ==,
                   "Wrong PIN. Try again in 1 second.");
  g_assert_false (digit_enabled (window));

  fake_now += 1 * G_USEC_PER_SEC;
  g_assert_true (kiosk_ui_test_wait_for ((KioskUiTestCondition) digit_enabled, window, 5000));
  assert_message_has (window, "Wrong PIN. Try again.");

  type_pin (window, WRONG_PIN);
  g_assert_cmpstr (kiosk_pin_pad_get_message (pin_pad (window)), ==,
                   "Wrong PIN. Try again in 2 seconds.");
  fake_now += 2 * G_USEC_PER_SEC;
  g_assert_true (kiosk_ui_test_wait_for ((KioskUiTestCondition) digit_enabled, window, 5000));

  type_pin (window, RIGHT_PIN);
  kiosk_ui_test_wait_for_page (window, "staff-panel");

  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
}

static void
assert_pin_file_private (PinDir *pins)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (pins->pin_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_file_get_contents (pins->pin_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, RIGHT_PIN));
  g_assert_null (strstr (contents, WRONG_PIN));
}

/* Five wrong PINs lock the pad; a new window on the same PIN file (a
 * restart) is still locked, says until when, and takes no PIN. */
static void
test_lockout_persists (void)
{
  PinDir pins;
  KioskWindow *window;

  fake_now = g_get_real_time ();
  pin_dir_init (&pins, TRUE);
  window = staff_window_new (&pins, 1280, 800);
  open_pin_pad (window);
  for (guint i = 0; i < KIOSK_STAFF_PIN_MAX_FAILURES; i++)
    {
      g_assert_true (kiosk_ui_test_wait_for ((KioskUiTestCondition) digit_enabled, window, 5000));
      type_pin (window, WRONG_PIN);
      fake_now += (gint64) (1 << i) * G_USEC_PER_SEC;
    }
  assert_message_has (window, "Too many wrong PINs. Staff mode is locked until");
  g_assert_false (digit_enabled (window));
  assert_pin_file_private (&pins);
  kiosk_ui_test_destroy (window);

  window = staff_window_new (&pins, 1280, 800);
  open_pin_pad (window);
  assert_message_has (window, "Too many wrong PINs. Staff mode is locked until");
  g_assert_false (digit_enabled (window));

  /* Once the lockout ends, the right PIN opens the panel. */
  fake_now += (gint64) KIOSK_STAFF_PIN_LOCKOUT_SECONDS * G_USEC_PER_SEC;
  g_assert_true (kiosk_ui_test_wait_for ((KioskUiTestCondition) digit_enabled, window, 5000));
  type_pin (window, RIGHT_PIN);
  kiosk_ui_test_wait_for_page (window, "staff-panel");
  assert_pin_file_private (&pins);

  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
}

/* Real presses from the X server, as a finger or a mouse makes them. */
static gboolean
have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
}

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

/* Presses on the middle of @widget and keeps the button down. */
static void
press_on (KioskWindow *window,
          GtkWidget   *widget)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2,
                                                  gtk_widget_get_height (widget) / 2);
  graphene_point_t point;
  g_autofree char *xs = NULL;
  g_autofree char *ys = NULL;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window), &middle, &point));
  xs = g_strdup_printf ("%d", (int) point.x);
  ys = g_strdup_printf ("%d", (int) point.y);
  {
    const char * const argv[] = { "xdotool", "mousemove", "--sync", "--window", xid, xs, ys,
                                  "mousedown", "1", NULL };

    run_xdotool (argv);
  }
}

static void
release (void)
{
  const char * const argv[] = { "xdotool", "mouseup", "1", NULL };

  run_xdotool (argv);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static gboolean
pin_pad_shown (gpointer data)
{
  return g_strcmp0 (kiosk_window_get_visible_page (data), "staff-pin") == 0;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root)
      && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A short press on the spa's name starts, as any touch there does; only
 * three seconds' hold opens the PIN pad; the right PIN opens the panel. */
static void
test_gesture (void)
{
  PinDir pins;
  KioskWindow *window;
  GtkWidget *name;
  gint64 pressed;

  if (!have_xdotool ())
    {
      g_test_skip ("needs xdotool and an X server");
      return;
    }

  fake_now = g_get_real_time ();
  pin_dir_init (&pins, TRUE);
  window = staff_window_new (&pins, 1280, 800);
  name = find_label (kiosk_window_get_page (window, "attract"),
                     kiosk_content_get_spa_name (kiosk_window_get_spa_content (window)));
  g_assert_nonnull (name);

  press_on (window, name);
  kiosk_ui_test_wait_for (never, NULL, 600);
  release ();
  kiosk_ui_test_wait_for_page (window, "home");
  kiosk_ui_test_wait_for (pin_pad_shown, window, 3500);
  g_assert_cmpstr (kiosk_window_get_visible_page (window), ==, "home");

  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.reset", NULL);
  kiosk_ui_test_wait_for_page (window, "attract");
  press_on (window, name);
  pressed = g_get_monotonic_time ();
  g_assert_true (kiosk_ui_test_wait_for (pin_pad_shown, window, 10000));
  /* The hold the task asks for: not a moment before three seconds. */
  g_assert_cmpint (g_get_monotonic_time () - pressed, >=, 2900 * 1000);
  release ();
  kiosk_ui_test_wait_for_page (window, "staff-pin");

  /* The hold did not start a session under the finger: Cancel returns to
   * the attract screen. */
  kiosk_ui_test_click (kiosk_ui_test_find_button (GTK_WIDGET (pin_pad (window)),
                                                  "kiosk.staff-close", NULL));
  kiosk_ui_test_wait_for_page (window, "attract");
  press_on (window, name);
  g_assert_true (kiosk_ui_test_wait_for (pin_pad_shown, window, 10000));
  release ();
  kiosk_ui_test_wait_for_page (window, "staff-pin");

  type_pin (window, RIGHT_PIN);
  kiosk_ui_test_wait_for_page (window, "staff-panel");

  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
}

/* The same hold on the spa's name in the top bar, from any customer screen. */
static void
test_gesture_top_bar (void)
{
  PinDir pins;
  KioskWindow *window;
  GtkWidget *name;

  if (!have_xdotool ())
    {
      g_test_skip ("needs xdotool and an X server");
      return;
    }

  pin_dir_init (&pins, TRUE);
  window = staff_window_new (&pins, 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.start", NULL);
  kiosk_ui_test_wait_for_page (window, "home");
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.show-services", NULL);
  kiosk_ui_test_wait_for_page (window, "services");
  name = find_label (GTK_WIDGET (window),
                     kiosk_content_get_spa_name (kiosk_window_get_spa_content (window)));
  g_assert_nonnull (name);
  g_assert_nonnull (gtk_widget_get_ancestor (name, g_type_from_name ("KioskTopBar")));

  press_on (window, name);
  g_assert_true (kiosk_ui_test_wait_for (pin_pad_shown, window, 10000));
  release ();

  /* Cancel returns to the customer's screen, and Back does not lead to
   * the PIN pad: staff pages are not in the history. */
  kiosk_ui_test_click (kiosk_ui_test_find_button (GTK_WIDGET (pin_pad (window)),
                                                  "kiosk.staff-close", NULL));
  kiosk_ui_test_wait_for_page (window, "services");
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.go-back", NULL);
  kiosk_ui_test_wait_for_page (window, "home");

  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
}

/* "Reset the kiosk now" wipes the customer's session like the idle reset. */
static void
test_panel_reset (void)
{
  PinDir pins;
  KioskWindow *window;
  KioskBookingPage *booking;

  fake_now = g_get_real_time ();
  pin_dir_init (&pins, TRUE);
  window = staff_window_new (&pins, 1280, 800);
  booking = KIOSK_BOOKING_PAGE (kiosk_window_get_page (window, "booking"));
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.start", NULL);
  kiosk_window_set_language (window, "es");
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.book", "s", "thai");
  kiosk_ui_test_wait_for_page (window, "booking");
  g_assert_cmpstr (kiosk_booking_page_get_service_id (booking), ==, "thai");

  unlock (window);
  kiosk_ui_test_click (kiosk_ui_test_find_button (GTK_WIDGET (staff_panel (window)),
                                                  "kiosk.reset", NULL));
  kiosk_ui_test_wait_for_page (window, "attract");
  g_assert_null (kiosk_booking_page_get_service_id (booking));
  g_assert_cmpstr (kiosk_window_get_language (window), ==, "en");
  g_assert_false (kiosk_window_get_staff_unlocked (window));

  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
}

static gboolean
is_closed (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* Customers cannot close the kiosk, nor quit it without the PIN; staff can. */
static void
test_quit_only_from_panel (void)
{
  PinDir pins;
  KioskWindow *window;

  fake_now = g_get_real_time ();
  pin_dir_init (&pins, TRUE);
  window = staff_window_new (&pins, 1280, 800);

  gtk_window_close (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.quit", NULL);
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_false (kiosk_window_get_allow_close (window));

  /* The PIN pad alone is not enough. */
  open_pin_pad (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.quit", NULL);
  gtk_window_close (GTK_WINDOW (window));
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  type_pin (window, RIGHT_PIN);
  kiosk_ui_test_wait_for_page (window, "staff-panel");
  kiosk_ui_test_click (kiosk_ui_test_find_button (GTK_WIDGET (staff_panel (window)),
                                                  "kiosk.quit", NULL));
  g_assert_true (kiosk_ui_test_wait_for (is_closed, window, 5000));
  g_assert_true (kiosk_window_get_allow_close (window));
  g_assert_finalize_object (window);
  pin_dir_clear (&pins);
}

static gboolean
on_attract (gpointer data)
{
  return g_strcmp0 (kiosk_window_get_visible_page (data), "attract") == 0;
}

/* The panel closes itself after its timeout without a touch, and drops
 * staff mode; a touch keeps it open. */
static void
test_panel_times_out (void)
{
  PinDir pins;
  KioskWindow *window;
  gint64 opened;

  fake_now = g_get_real_time ();
  pin_dir_init (&pins, TRUE);
  window = staff_window_new (&pins, 1280, 800);
  g_assert_cmpuint (kiosk_window_get_staff_timeout (window), ==, 60);
  kiosk_window_set_staff_timeout (window, 3);
  unlock (window);
  opened = g_get_monotonic_time ();
  g_assert_true (kiosk_ui_test_wait_for (on_attract, window, 20000));
  g_assert_cmpint (g_get_monotonic_time () - opened, >=, 2 * G_USEC_PER_SEC);
  g_assert_false (kiosk_window_get_staff_unlocked (window));

  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_is_drawable (root)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
test_done (gpointer data)
{
  return !kiosk_staff_panel_get_testing (data)
         && !g_str_has_prefix (kiosk_staff_panel_get_verdict_text (data), "Testing");
}

static void
press_test_connection (KioskStaffPanel *panel)
{
  kiosk_ui_test_click (find_button_labelled (GTK_WIDGET (panel), "Test connection"));
  g_assert_true (kiosk_ui_test_wait_for (test_done, panel, 60000));
}

/* An http:// address is refused, on the panel and by its connection test,
 * in the words of --check-backend. */
static void
test_panel_refuses_http (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *refusal = "Backend settings are not usable: "
                        "The booking system’s address must start with https://";
  PinDir pins;
  KioskWindow *window;
  KioskStaffPanel *panel;

  fake_now = g_get_real_time ();
  g_settings_set_string (settings, "backend-url", "http://127.0.0.1:8443/");
  pin_dir_init (&pins, TRUE);
  window = staff_window_new (&pins, 1280, 800);
  panel = staff_panel (window);
  unlock (window);
  g_assert_cmpstr (kiosk_staff_panel_get_backend_text (panel), ==, refusal);

  press_test_connection (panel);
  g_assert_cmpstr (kiosk_staff_panel_get_verdict_text (panel), ==, refusal);

  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
  g_settings_reset (settings, "backend-url");
}

typedef struct
{
  gboolean done;
  KioskOutboxOutcome outcome;
} Answer;

static void
on_submitted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Answer *answer = user_data;
  g_autofree char *reference = NULL;
  g_autoptr(GError) error = NULL;

  answer->outcome = kiosk_outbox_submit_finish (KIOSK_OUTBOX (source), result, &reference, &error);
  answer->done = TRUE;
}

static gboolean
is_answered (gpointer data)
{
  return ((Answer *) data)->done;
}

static void
on_availability (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KioskApiAvailability **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = kiosk_api_client_get_availability_finish (KIOSK_API_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_nonnull (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* A slot the reference backend offers tomorrow. */
static char *
free_slot (KioskApiClient *client)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Denver");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 1);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  g_autoptr(KioskApiAvailability) availability = NULL;

  kiosk_api_client_get_availability_async (client, "relaxation", date, 0, NULL, on_availability,
                                           &availability);
  g_assert_true (kiosk_ui_test_wait_for (is_nonnull, &availability, 30000));
  g_assert_cmpuint (g_strv_length (availability->slots), >, 0);
  return g_strdup (availability->slots[0]);
}

static void
point_settings_at (GSettings        *settings,
                   KioskTestBackend *backend)
{
  g_settings_set_string (settings, "backend-url", kiosk_test_backend_get_url (backend));
  g_settings_set_string (settings, "ca-file", kiosk_test_backend_get_ca_file (backend));
  g_settings_set_string (settings, "token-file", kiosk_test_backend_get_token_file (backend));
}

typedef struct
{
  KioskTestBackend *backend;
  guint expected;
} CountWait;

static gboolean
has_bookings (gpointer data)
{
  CountWait *wait = data;

  return kiosk_test_backend_count_bookings (wait->backend) == wait->expected;
}

static gboolean
queue_empty (gpointer data)
{
  return kiosk_outbox_get_n_pending (data) == 0;
}

static KioskOutbox *
queue_one_while_down (KioskTestBackend *backend,
                      KioskApiClient   *client,
                      const char       *path)
{
  g_autofree char *slot = free_slot (client);
  g_auto(KioskBookingDetails) details = { 0 };
  g_autoptr(GError) error = NULL;
  KioskOutbox *outbox = kiosk_outbox_new (client, path, &error);
  Answer answer = { FALSE, KIOSK_OUTBOX_OUTCOME_ERROR };

  g_assert_no_error (error);
  /* Weeks between tries: only "Retry now" sends it within the test. */
  kiosk_outbox_set_retry_delays (outbox, 2000000000, 2000000000);
  kiosk_outbox_set_answer_timeout (outbox, 3000);
  details.service_id = g_strdup ("relaxation");
  details.start = g_strdup (slot);
  details.first_name = g_strdup ("Rosalind");
  details.last_name = g_strdup ("Okafor");
  details.phone = g_strdup ("8015550142");

  kiosk_test_backend_stop (backend);
  kiosk_outbox_submit_async (outbox, &details, NULL, on_submitted, &answer);
  g_assert_true (kiosk_ui_test_wait_for (is_answered, &answer, 60000));
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_QUEUED);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (outbox), ==, 1);
  return outbox;
}

/* Drops the queue and waits until it is really gone (its last writes done). */
static void
close_outbox (KioskOutbox **outbox)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (*outbox), (gpointer *) outbox);
  g_object_unref (*outbox);
  while (*outbox != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A booking queued while the backend was down reaches it when staff press
 * "Retry now", and the panel's counts follow. */
static void
test_retry_now (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KioskTestBackend *backend = kiosk_test_backend_start (KIOSK_TEST_BACKEND_NONE);
  g_autoptr(KioskBackendConfig) config = NULL;
  g_autoptr(KioskApiClient) client = NULL;
  KioskOutbox *outbox = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *queue_path = NULL;
  CountWait sent = { backend, 1 };
  KioskStaffPanel *panel;
  KioskWindow *window;
  PinDir pins;

  fake_now = g_get_real_time ();
  pin_dir_init (&pins, TRUE);
  point_settings_at (settings, backend);
  config = kiosk_backend_config_new_from_settings (settings, &error);
  g_assert_no_error (error);
  client = kiosk_api_client_new (config);
  queue_path = g_build_filename (pins.dir, "queue.db", NULL);
  outbox = queue_one_while_down (backend, client, queue_path);
  kiosk_test_backend_restart (backend);

  window = staff_window_new (&pins, 1280, 800);
  kiosk_window_set_outbox (window, outbox);
  panel = staff_panel (window);
  unlock (window);
  g_assert_cmpstr (kiosk_staff_panel_get_queue_text (panel), ==,
                   "1 booking waits to be sent. 0 were refused and will not be retried "
                   "by themselves.");
  press_test_connection (panel);
  g_assert_true (g_str_has_prefix (kiosk_staff_panel_get_verdict_text (panel), "Backend OK: "));
  g_assert_cmpuint (kiosk_test_backend_count_bookings (backend), ==, 0);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (outbox), ==, 1);

  kiosk_ui_test_click (find_button_labelled (GTK_WIDGET (panel), "Retry now"));
  g_assert_true (kiosk_ui_test_wait_for (has_bookings, &sent, 60000));
  g_assert_true (kiosk_ui_test_wait_for (queue_empty, outbox, 30000));
  g_assert_true (g_str_has_prefix (kiosk_staff_panel_get_queue_text (panel),
                                   "0 bookings wait to be sent."));

  kiosk_ui_test_destroy (window);
  close_outbox (&outbox);
  pin_dir_clear (&pins);
  kiosk_test_backend_free (backend);
  g_settings_reset (settings, "backend-url");
  g_settings_reset (settings, "ca-file");
  g_settings_reset (settings, "token-file");
}

/* Every label text shown under @root, one per line. */
static void
collect_labels (GtkWidget *root,
                GString   *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* A booking the backend refused for good shows on the panel with the
 * customer's first name, the time and why; nothing else about them. */
static void
test_failed_first_name_only (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KioskTestBackend *backend = kiosk_test_backend_start (KIOSK_TEST_BACKEND_NONE);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Denver");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(KioskBackendConfig) config = NULL;
  g_autoptr(KioskApiClient) client = NULL;
  g_auto(KioskBookingDetails) details = { 0 };
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *queue_path = NULL;
  Answer answer = { FALSE, KIOSK_OUTBOX_OUTCOME_ERROR };
  KioskOutbox *outbox;
  KioskWindow *window;
  PinDir pins;

  fake_now = g_get_real_time ();
  pin_dir_init (&pins, TRUE);
  point_settings_at (settings, backend);
  config = kiosk_backend_config_new_from_settings (settings, &error);
  g_assert_no_error (error);
  client = kiosk_api_client_new (config);
  queue_path = g_build_filename (pins.dir, "queue.db", NULL);
  outbox = kiosk_outbox_new (client, queue_path, &error);
  g_assert_no_error (error);

  /* A time in the past: the backend refuses it (422), not worth retrying. */
  details.service_id = g_strdup ("relaxation");
  details.start = g_date_time_format (yesterday, "%Y-%m-%dT10:00:00%:z");
  details.first_name = g_strdup ("Rosalind");
  details.last_name = g_strdup ("Okafor");
  details.phone = g_strdup ("8015550142");
  details.email = g_strdup ("rosalind@example.com");
  kiosk_outbox_submit_async (outbox, &details, NULL, on_submitted, &answer);
  g_assert_true (kiosk_ui_test_wait_for (is_answered, &answer, 60000));
  g_assert_cmpint (answer.outcome, ==, KIOSK_OUTBOX_OUTCOME_REJECTED);
  g_assert_cmpuint (kiosk_outbox_get_n_failed (outbox), ==, 1);

  window = staff_window_new (&pins, 1280, 800);
  kiosk_window_set_outbox (window, outbox);
  unlock (window);
  g_assert_cmpstr (kiosk_staff_panel_get_queue_text (staff_panel (window)), ==,
                   "0 bookings wait to be sent. 1 was refused and will not be retried "
                   "by itself.");
  collect_labels (GTK_WIDGET (staff_panel (window)), shown);
  g_test_message ("%s", shown->str);
  g_assert_nonnull (strstr (shown->str, "Rosalind, "));
  g_assert_nonnull (strstr (shown->str, " 10:00: "));
  g_assert_null (strstr (shown->str, "Okafor"));
  g_assert_null (strstr (shown->str, "5550142"));
  g_assert_null (strstr (shown->str, "example.com"));

  kiosk_ui_test_destroy (window);
  close_outbox (&outbox);
  pin_dir_clear (&pins);
  kiosk_test_backend_free (backend);
  g_settings_reset (settings, "backend-url");
  g_settings_reset (settings, "ca-file");
  g_settings_reset (settings, "token-file");
}

/* The panel's language choice is the default each new customer gets. */
static void
test_default_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *language = NULL;
  KioskWindow *window;
  PinDir pins;

  fake_now = g_get_real_time ();
  pin_dir_init (&pins, TRUE);
  window = staff_window_new (&pins, 1280, 800);
  unlock (window);
  kiosk_ui_test_click (find_button_labelled (GTK_WIDGET (staff_panel (window)), "Español"));
  language = g_settings_get_string (settings, "default-language");
  g_assert_cmpstr (language, ==, "es");

  kiosk_ui_test_click (kiosk_ui_test_find_button (GTK_WIDGET (staff_panel (window)),
                                                  "kiosk.staff-close", NULL));
  kiosk_ui_test_wait_for_page (window, "attract");
  g_assert_cmpstr (kiosk_window_get_language (window), ==, "es");

  g_settings_reset (settings, "default-language");
  kiosk_ui_test_destroy (window);
  pin_dir_clear (&pins);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_ui_test_init (&argc, &argv);

  g_test_add_func ("/kiosk/staff/not-set", test_not_set);
  g_test_add_func ("/kiosk/staff/file-unusable", test_file_unusable);
  g_test_add_func ("/kiosk/staff/right-pin", test_right_pin);
  g_test_add_func ("/kiosk/staff/wrong-pin-delays", test_wrong_pin_delays);
  g_test_add_func ("/kiosk/staff/lockout-persists", test_lockout_persists);
  g_test_add_func ("/kiosk/staff/gesture", test_gesture);
  g_test_add_func ("/kiosk/staff/gesture-top-bar", test_gesture_top_bar);
  g_test_add_func ("/kiosk/staff/panel-reset", test_panel_reset);
  g_test_add_func ("/kiosk/staff/quit-only-from-panel", test_quit_only_from_panel);
  g_test_add_func ("/kiosk/staff/panel-times-out", test_panel_times_out);
  g_test_add_func ("/kiosk/staff/panel-refuses-http", test_panel_refuses_http);
  g_test_add_func ("/kiosk/staff/retry-now", test_retry_now);
  g_test_add_func ("/kiosk/staff/failed-first-name-only", test_failed_first_name_only);
  g_test_add_func ("/kiosk/staff/default-language", test_default_language);

  return g_test_run ();
}
