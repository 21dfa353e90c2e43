/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-booking-page.c: booking by touch in a real window against the real backend over HTTPS. */

/*
 * Every test drives the window as a customer would: buttons are activated
 * (the path a tap and an accessibility tool take), names and phones are
 * typed key by key on the kiosk's keyboard, and what lands in the reference
 * backend's SQLite file is read back. Screenshots of each step go to
 * build/tests/screenshots/booking-*.png.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <gdk/x11/gdkx.h>

#include "kiosk-booking-page.h"
#include "kiosk-format.h"
#include "kiosk-keyboard.h"
#include "kiosk-test-backend.h"
#include "kiosk-ui-test.h"

#define WAIT_MS 30000

typedef struct
{
  KioskTestBackend *backend;
  KioskApiClient   *client;
  KioskOutbox      *outbox;
  char             *dir;
  KioskWindow      *window;
  KioskBookingPage *page;
  KioskKeyboard    *keyboard;
  GtkWidget        *entries[KIOSK_BOOKING_N_FIELDS];
  GtkLabel         *errors[KIOSK_BOOKING_N_FIELDS];
} Fixture;

typedef struct
{
  int width;
  int height;
} Size;

static const Size landscape = { 1280, 800 };
static const Size portrait = { 1080, 1920 };

/* ---- set-up ---- */

static KioskApiClient *
make_client (KioskTestBackend *backend)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  KioskBackendConfig *config;
  KioskApiClient *client;

  g_assert_true (g_file_get_contents (kiosk_test_backend_get_token_file (backend), &token, NULL,
                                      &error));
  config = kiosk_backend_config_new (kiosk_test_backend_get_url (backend), g_strstrip (token),
                                     "lobby-test", &error);
  g_assert_no_error (error);
  kiosk_backend_config_set_ca_file (config, kiosk_test_backend_get_ca_file (backend));
  kiosk_backend_config_set_timeout_ms (config, 8000);
  kiosk_backend_config_set_connect_timeout_ms (config, 3000);
  client = kiosk_api_client_new (config);
  kiosk_backend_config_unref (config);
  return client;
}

static void
find_form (Fixture   *f,
           GtkWidget *widget,
           guint     *n_entries,
           guint     *n_errors)
{
  if (GTK_IS_ENTRY (widget) && *n_entries < KIOSK_BOOKING_N_FIELDS)
    f->entries[(*n_entries)++] = widget;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "kiosk-field-error"))
    f->errors[(*n_errors)++] = GTK_LABEL (widget);
  if (KIOSK_IS_KEYBOARD (widget))
    f->keyboard = KIOSK_KEYBOARD (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_form (f, child, n_entries, n_errors);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const Size *size = data != NULL ? data : &landscape;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n_entries = 0, n_errors = 0;

  f->backend = kiosk_test_backend_start (KIOSK_TEST_BACKEND_NONE);
  f->client = make_client (f->backend);
  f->dir = g_dir_make_tmp ("test-booking-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "outbox.db", NULL);
  f->outbox = kiosk_outbox_new (f->client, path, &error);
  g_assert_no_error (error);
  kiosk_outbox_set_retry_delays (f->outbox, 100, 500);

  f->window = kiosk_ui_test_window_new (size->width, size->height);
  kiosk_window_set_api_client (f->window, f->client);
  kiosk_window_set_outbox (f->window, f->outbox);
  f->page = KIOSK_BOOKING_PAGE (kiosk_window_get_page (f->window, "booking"));
  find_form (f, GTK_WIDGET (f->page), &n_entries, &n_errors);
  g_assert_cmpuint (n_entries, ==, KIOSK_BOOKING_N_FIELDS);
  g_assert_cmpuint (n_errors, ==, KIOSK_BOOKING_N_FIELDS);
  g_assert_nonnull (f->keyboard);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "outbox.db", NULL);

  kiosk_ui_test_destroy (f->window);
  g_clear_object (&f->outbox);
  g_clear_object (&f->client);
  kiosk_test_backend_free (f->backend);
  g_unlink (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* ---- driving ---- */

static gboolean
step_is (gpointer data)
{
  gpointer *args = data;
  KioskBookingPage *page = args[0];
  GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (page));
  GtkStack *steps = GTK_STACK (gtk_widget_get_first_child (box));

  return g_strcmp0 (kiosk_booking_page_get_step (page), args[1]) == 0
         && !gtk_stack_get_transition_running (steps);
}

static void
wait_step (Fixture    *f,
           const char *step)
{
  gpointer args[] = { f->page, (gpointer) step };

  if (!kiosk_ui_test_wait_for (step_is, args, WAIT_MS))
    g_error ("The booking shows “%s”, not “%s”", kiosk_booking_page_get_step (f->page), step);
  kiosk_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
}

static void
press (Fixture    *f,
       const char *action,
       const char *target)
{
  GtkWidget *button = kiosk_ui_test_find_button (GTK_WIDGET (f->window), action, target);

  if (button == NULL)
    g_error ("No button for %s (%s) on the step “%s”", action, target ? target : "-",
             kiosk_booking_page_get_step (f->page));
  g_assert_cmpint (gtk_widget_get_height (button), >=, 64);
  kiosk_ui_test_click (button);
}

static GtkWidget *
find_duration_button (GtkWidget *widget,
                      guint      minutes)
{
  GVariant *target;

  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_is_drawable (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "booking.duration") == 0
      && (target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget))) != NULL
      && g_variant_get_uint32 (target) == minutes)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_duration_button (child, minutes);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
times_shown (gpointer data)
{
  KioskBookingPage *page = data;

  return g_strcmp0 (kiosk_booking_page_get_times_state (page), "loading") != 0;
}

static char *
tomorrow (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Denver");
  g_autoptr(GDate) day = kiosk_format_today_in (zone, NULL);

  g_date_add_days (day, 1);
  return kiosk_format_iso_date (day);
}

/* Walks to the time step for a 90-minute Thai massage tomorrow. */
static void
choose_massage_and_day (Fixture *f)
{
  g_autofree char *day = tomorrow ();
  GtkWidget *ninety;

  press (f, "kiosk.start", NULL);
  kiosk_ui_test_wait_for_page (f->window, "home");
  press (f, "kiosk.book", "");
  kiosk_ui_test_wait_for_page (f->window, "booking");
  wait_step (f, "service");
  press (f, "booking.choose", "thai");
  ninety = find_duration_button (GTK_WIDGET (f->page), 90);
  g_assert_nonnull (ninety);
  kiosk_ui_test_click (ninety);
  kiosk_ui_test_wait_frames (GTK_WIDGET (f->window), 1);
  g_assert_cmpuint (kiosk_booking_session_get_duration (kiosk_booking_page_get_session (f->page)),
                    ==, 90);
  press (f, "booking.next", NULL);
  wait_step (f, "time");
  press (f, "booking.day", day);
  g_assert_true (kiosk_ui_test_wait_for (times_shown, f->page, WAIT_MS));
  g_assert_cmpstr (kiosk_booking_page_get_times_state (f->page), ==, "slots");
  kiosk_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
}

static GtkWidget *
first_slot_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "booking.slot") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_slot_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Taps the first free time; returns it as the backend wrote it. */
static char *
choose_first_time (Fixture *f)
{
  GtkWidget *button = first_slot_button (GTK_WIDGET (f->page));
  char *slot;

  g_assert_nonnull (button);
  slot = g_variant_dup_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)),
                               NULL);
  kiosk_ui_test_click (button);
  wait_step (f, "details");
  return slot;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_clicked (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

static void
press_key (Fixture    *f,
           const char *id)
{
  GtkWidget *key = kiosk_keyboard_get_key_widget (f->keyboard, id);
  gboolean clicked = FALSE;
  gulong handler;

  if (key == NULL)
    g_error ("No key “%s” on the keyboard", id);
  g_assert_true (gtk_widget_is_drawable (key));
  handler = g_signal_connect (key, "clicked", G_CALLBACK (on_clicked), &clicked);
  g_assert_true (gtk_widget_activate (key));
  g_assert_true (kiosk_ui_test_wait_for (flag_set, &clicked, WAIT_MS));
  g_signal_handler_disconnect (key, handler);
}

/* A long press's path: the accent row, then the accented letter. */
static void
press_accent (Fixture    *f,
              const char *base,
              const char *accented)
{
  GtkWidget *key;

  gtk_widget_activate_action (GTK_WIDGET (f->keyboard), "keyboard.show-accents", "s", base);
  key = kiosk_keyboard_get_key_widget (f->keyboard, accented);
  g_assert_nonnull (key);
  g_assert_true (kiosk_ui_test_wait_for ((KioskUiTestCondition) gtk_widget_get_mapped, key, WAIT_MS));
  press_key (f, accented);
}

/* Types @text key by key: "é" style letters through their accent row. */
static void
type_text (Fixture    *f,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      char one[8] = { 0 };
      char base[8] = { 0 };
      gunichar decomposed[4];
      gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));

      g_unichar_to_utf8 (c, one);
      if (g_unichar_isupper (g_utf8_get_char (p)) && !kiosk_keyboard_get_shifted (f->keyboard))
        press_key (f, "shift");
      if (n > 1)
        {
          g_unichar_to_utf8 (decomposed[0], base);
          press_accent (f, base, one);
        }
      else
        press_key (f, c == ' ' ? "space" : one);
    }
}

static gboolean
keyboard_targets (gpointer data)
{
  gpointer *args = data;

  return GTK_WIDGET (kiosk_keyboard_get_target (args[0])) == args[1];
}

static void
focus_field (Fixture           *f,
             KioskBookingField  field)
{
  gpointer args[] = { f->keyboard, f->entries[field] };

  gtk_widget_grab_focus (f->entries[field]);
  g_assert_true (kiosk_ui_test_wait_for (keyboard_targets, args, WAIT_MS));
}

static const char *
entry_text (Fixture           *f,
            KioskBookingField  field)
{
  return gtk_editable_get_text (GTK_EDITABLE (f->entries[field]));
}

static void
type_details (Fixture    *f,
              const char *first,
              const char *last,
              const char *phone)
{
  focus_field (f, KIOSK_BOOKING_FIELD_FIRST_NAME);
  type_text (f, first);
  g_assert_cmpstr (entry_text (f, KIOSK_BOOKING_FIELD_FIRST_NAME), ==, first);
  focus_field (f, KIOSK_BOOKING_FIELD_LAST_NAME);
  type_text (f, last);
  g_assert_cmpstr (entry_text (f, KIOSK_BOOKING_FIELD_LAST_NAME), ==, last);
  focus_field (f, KIOSK_BOOKING_FIELD_PHONE);
  g_assert_cmpint (kiosk_keyboard_get_mode (f->keyboard), ==, KIOSK_KEYBOARD_MODE_DIGITS);
  type_text (f, phone);
  g_assert_cmpstr (entry_text (f, KIOSK_BOOKING_FIELD_PHONE), ==, phone);
}

/* ---- checks ---- */

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Runs the main loop for @ms, to see that nothing more happens. */
static void
settle (guint ms)
{
  kiosk_ui_test_wait_for (never, NULL, ms);
}


static void
save_png (Fixture    *f,
          const char *step)
{
  int width = gtk_widget_get_width (GTK_WIDGET (f->window));
  int height = gtk_widget_get_height (GTK_WIDGET (f->window));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("booking-%s-%dx%d.png", step, width, height);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  settle (300);
  kiosk_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

/* Every button shown is large enough for a finger. */
static void
assert_touch_targets (GtkWidget *widget)
{
  if (!gtk_widget_is_drawable (widget))
    return;
  if (GTK_IS_BUTTON (widget) && !gtk_widget_get_ancestor (widget, KIOSK_TYPE_KEYBOARD))
    g_assert_cmpint (gtk_widget_get_height (widget), >=, 64);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_touch_targets (child);
}

/* The widget the keyboard types into is on screen, not under the keyboard. */
static void
assert_field_visible (Fixture           *f,
                      KioskBookingField  field)
{
  graphene_rect_t entry, keyboard;
  GtkWidget *scroller = gtk_widget_get_ancestor (f->entries[field], GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t frame;

  kiosk_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_true (gtk_widget_compute_bounds (f->entries[field], GTK_WIDGET (f->window), &entry));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (f->keyboard), GTK_WIDGET (f->window),
                                            &keyboard));
  g_assert_true (gtk_widget_compute_bounds (scroller, GTK_WIDGET (f->window), &frame));
  g_assert_false (graphene_rect_intersection (&entry, &keyboard, NULL));
  g_assert_cmpfloat (entry.origin.y, >=, frame.origin.y - 0.5);
  g_assert_cmpfloat (entry.origin.y + entry.size.height, <=,
                     frame.origin.y + frame.size.height + 0.5);
}

/* Nothing typed is left anywhere in the window. */
static void
assert_no_text (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget))
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "");
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_text (child);
}

static void
assert_wiped (Fixture *f)
{
  assert_no_text (GTK_WIDGET (f->window));
  g_assert_true (kiosk_booking_session_is_empty (kiosk_booking_page_get_session (f->page)));
  g_assert_null (kiosk_keyboard_get_target (f->keyboard));
}

static gboolean
label_in_tree (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget)
      && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_in_tree (child, text))
      return TRUE;
  return FALSE;
}

static void
assert_shows (Fixture    *f,
              const char *text)
{
  if (!label_in_tree (GTK_WIDGET (f->page), text))
    g_error ("The step “%s” does not show “%s”", kiosk_booking_page_get_step (f->page), text);
}

/* The one booking in the backend's database, column by column. */
static GStrv
stored_booking (Fixture *f)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_cmpint (sqlite3_open_v2 (kiosk_test_backend_get_db_path (f->backend), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                   "SELECT reference, service, start_text, (end_utc - start_utc) / 60, first_name,"
                   " last_name, phone, coalesce (email, '-'), coalesce (health_note, '-'), kiosk_id"
                   " FROM bookings", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, i));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_strv_builder_end (builder);
}

/* ---- the tests ---- */

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (gtk_widget_is_drawable (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* From the details to the review, with a health note. */
static void
finish_details (Fixture    *f,
                const char *health_note)
{
  press (f, "booking.next", NULL);
  wait_step (f, "health");
  kiosk_ui_test_click (find_named (GTK_WIDGET (f->page), health_note));
  press (f, "booking.next", NULL);
  wait_step (f, "review");
}

static gboolean
outcome_shown (gpointer data)
{
  KioskBookingPage *page = data;

  return g_strcmp0 (kiosk_booking_page_get_step (page), "review") != 0;
}

static void
test_full_booking (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *slot = NULL;
  g_auto(GStrv) row = NULL;

  choose_massage_and_day (f);
  save_png (f, "2-time");
  assert_touch_targets (GTK_WIDGET (f->page));
  assert_shows (f, "Times are Mountain Time");
  slot = choose_first_time (f);
  save_png (f, "3-details-empty");

  type_details (f, "José", "Núñez", "8015550123");
  assert_field_visible (f, KIOSK_BOOKING_FIELD_PHONE);
  save_png (f, "3-details");
  press (f, "booking.next", NULL);
  wait_step (f, "health");
  kiosk_ui_test_click (find_named (GTK_WIDGET (f->page), "sciatica"));
  save_png (f, "4-health");
  assert_touch_targets (GTK_WIDGET (f->page));
  press (f, "booking.next", NULL);
  wait_step (f, "review");
  assert_shows (f, "José Núñez");
  assert_shows (f, "801-555-0123");
  assert_shows (f, "Thai Massage, 90 min");
  assert_shows (f, "Sciatica or lower-back pain");
  assert_touch_targets (GTK_WIDGET (f->page));
  save_png (f, "5-review");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);

  press (f, "booking.submit", NULL);
  g_assert_true (kiosk_ui_test_wait_for (outcome_shown, f->page, WAIT_MS));
  wait_step (f, "outcome");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  row = stored_booking (f);
  g_assert_cmpstr (row[1], ==, "thai");
  g_assert_cmpstr (row[2], ==, slot);
  g_assert_cmpstr (row[3], ==, "90");
  g_assert_cmpstr (row[4], ==, "José");
  g_assert_cmpstr (row[5], ==, "Núñez");
  g_assert_cmpstr (row[6], ==, "8015550123");
  g_assert_cmpstr (row[7], ==, "-");
  g_assert_cmpstr (row[8], ==, "sciatica");
  g_assert_cmpstr (row[9], ==, "lobby-test");
  assert_shows (f, row[0]);
  assert_shows (f, "You are booked");
  assert_shows (f, "Please take a seat, we will call you.");
  assert_shows (f, "This screen clears in");
  save_png (f, "6-confirmed");

  /* What was typed is gone the moment the booking is made. */
  assert_wiped (f);
  press (f, "booking.done", NULL);
  kiosk_ui_test_wait_for_page (f->window, "attract");
  assert_wiped (f);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Books @slot behind the kiosk's back, as another kiosk would. */
static void
book_elsewhere (Fixture    *f,
                const char *slot)
{
  g_auto(KioskBookingDetails) details = { NULL, };
  g_autoptr(GBytes) body = NULL;
  g_autofree char *key = kiosk_api_new_idempotency_key ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(GError) error = NULL;

  details.service_id = g_strdup ("thai");
  details.start = g_strdup (slot);
  details.duration_minutes = 90;
  details.first_name = g_strdup ("Ana");
  details.last_name = g_strdup ("Ruiz");
  details.phone = g_strdup ("8015550199");
  body = kiosk_booking_details_to_json (&details, "lobby-2");
  kiosk_api_client_submit_booking_async (f->client, key, body, NULL,
                                         keep_result, &result);
  g_assert_true (kiosk_ui_test_wait_for (have_result, &result, WAIT_MS));
  reference = kiosk_api_client_submit_booking_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reference);
}

static gboolean
slot_listed (Fixture    *f,
             const char *slot)
{
  return kiosk_ui_test_find_button (GTK_WIDGET (f->page), "booking.slot", slot) != NULL;
}

/* The time is taken between loading the times and submitting: the
 * customer is back at freshly loaded times, with what they typed kept. */
static void
test_slot_taken (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *slot = NULL;
  KioskBookingSession *session = kiosk_booking_page_get_session (f->page);

  choose_massage_and_day (f);
  slot = choose_first_time (f);
  book_elsewhere (f, slot);
  type_details (f, "Ana", "Núñez", "8015550123");
  finish_details (f, "prefer-not-to-say");
  press (f, "booking.submit", NULL);

  wait_step (f, "time");
  g_assert_true (kiosk_ui_test_wait_for (times_shown, f->page, WAIT_MS));
  kiosk_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  assert_shows (f, "Sorry, someone just booked that time. Please choose another time.");
  g_assert_cmpstr (kiosk_booking_page_get_times_state (f->page), ==, "slots");
  g_assert_false (slot_listed (f, slot));
  g_assert_null (kiosk_booking_session_get_slot (session));
  g_assert_cmpstr (kiosk_booking_session_get_field (session, KIOSK_BOOKING_FIELD_LAST_NAME),
                   ==, "Núñez");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  save_png (f, "7-taken");

  /* Another time, and the same details go through. */
  g_free (choose_first_time (f));
  g_assert_cmpstr (entry_text (f, KIOSK_BOOKING_FIELD_FIRST_NAME), ==, "Ana");
  finish_details (f, "prefer-not-to-say");
  press (f, "booking.submit", NULL);
  wait_step (f, "outcome");
  assert_shows (f, "You are booked");
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 2);
}

static gboolean
count_is_one (gpointer data)
{
  Fixture *f = data;

  return kiosk_test_backend_count_bookings (f->backend) == 1;
}

/* The backend is down: the booking is saved and the queue delivers it,
 * once, when the backend is back. */
static void
test_backend_down (Fixture       *f,
                   gconstpointer  data)
{
  choose_massage_and_day (f);
  g_free (choose_first_time (f));
  type_details (f, "José", "Núñez", "8015550123");
  finish_details (f, "injury");

  kiosk_test_backend_stop (f->backend);
  press (f, "booking.submit", NULL);
  g_assert_true (kiosk_ui_test_wait_for (outcome_shown, f->page, WAIT_MS));
  wait_step (f, "outcome");
  assert_shows (f, "Your booking is saved");
  assert_shows (f, "The front desk will confirm it");
  save_png (f, "8-queued");
  assert_wiped (f);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 1);

  kiosk_test_backend_restart (f->backend);
  g_assert_true (kiosk_ui_test_wait_for (count_is_one, f, WAIT_MS));
  kiosk_outbox_retry_now (f->outbox);
  settle (2000);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (f->outbox), ==, 0);
}

static const char *
error_text (Fixture           *f,
            KioskBookingField  field)
{
  return gtk_widget_get_visible (GTK_WIDGET (f->errors[field]))
         ? gtk_label_get_label (f->errors[field]) : NULL;
}

/* A bad phone and an empty name keep the customer on the details, with
 * the reason next to each field; a language switch loses nothing. */
static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  choose_massage_and_day (f);
  g_free (choose_first_time (f));
  focus_field (f, KIOSK_BOOKING_FIELD_LAST_NAME);
  type_text (f, "Núñez");
  focus_field (f, KIOSK_BOOKING_FIELD_PHONE);
  type_text (f, "5550123");

  press (f, "booking.next", NULL);
  kiosk_ui_test_wait_frames (GTK_WIDGET (f->window), 3);
  g_assert_cmpstr (kiosk_booking_page_get_step (f->page), ==, "details");
  g_assert_cmpstr (error_text (f, KIOSK_BOOKING_FIELD_FIRST_NAME), ==,
                   "Please type your first name.");
  g_assert_cmpstr (error_text (f, KIOSK_BOOKING_FIELD_PHONE), ==,
                   "A US phone number has 10 digits, like 801 555 0123.");
  g_assert_null (error_text (f, KIOSK_BOOKING_FIELD_LAST_NAME));
  g_assert_null (error_text (f, KIOSK_BOOKING_FIELD_EMAIL));
  save_png (f, "9-invalid");

  /* Español and back: every typed letter stays. */
  kiosk_window_set_language (f->window, "es");
  kiosk_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  kiosk_window_set_language (f->window, "en");
  g_assert_cmpstr (entry_text (f, KIOSK_BOOKING_FIELD_LAST_NAME), ==, "Núñez");
  g_assert_cmpstr (entry_text (f, KIOSK_BOOKING_FIELD_PHONE), ==, "5550123");
  g_assert_cmpstr (kiosk_booking_page_get_step (f->page), ==, "details");

  /* Fixed, the review opens. */
  focus_field (f, KIOSK_BOOKING_FIELD_PHONE);
  press_key (f, "backspace");
  type_text (f, "18015550123");
  focus_field (f, KIOSK_BOOKING_FIELD_FIRST_NAME);
  type_text (f, "Ana");
  g_assert_null (error_text (f, KIOSK_BOOKING_FIELD_PHONE));
  g_assert_null (error_text (f, KIOSK_BOOKING_FIELD_FIRST_NAME));
  finish_details (f, "pregnancy");
  assert_shows (f, "Ana Núñez");
  /* A leading 1 is fine; the review shows the number the usual way. */
  assert_shows (f, "801-555-0123");
}

static gboolean
on_attract (gpointer data)
{
  return g_strcmp0 (kiosk_window_get_visible_page (data), "attract") == 0;
}

/* No touch for a while, mid-booking: everything is wiped. */
static void
test_idle_reset (Fixture       *f,
                 gconstpointer  data)
{
  choose_massage_and_day (f);
  g_free (choose_first_time (f));
  type_details (f, "José", "Núñez", "8015550123");
  focus_field (f, KIOSK_BOOKING_FIELD_EMAIL);
  type_text (f, "jose");

  kiosk_window_set_idle_countdown (f->window, 1);
  kiosk_window_set_idle_timeout (f->window, 1);
  g_assert_true (kiosk_ui_test_wait_for (on_attract, f->window, WAIT_MS));
  kiosk_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  assert_wiped (f);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 0);
}

static gboolean
submit_enabled (Fixture *f)
{
  GtkWidget *button = kiosk_ui_test_find_button (GTK_WIDGET (f->window), "booking.submit", NULL);

  return button != NULL && gtk_widget_is_sensitive (button);
}

/* Tapping "Book now" again while it works books nothing more. */
static void
test_double_submit (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *button;

  choose_massage_and_day (f);
  g_free (choose_first_time (f));
  type_details (f, "José", "Núñez", "8015550123");
  finish_details (f, "sciatica");
  kiosk_test_backend_fault (f->backend, "slow", 1, 1500);

  button = kiosk_ui_test_find_button (GTK_WIDGET (f->window), "booking.submit", NULL);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (gtk_widget_activate (button));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "booking.submit", NULL);
  kiosk_ui_test_wait_frames (GTK_WIDGET (f->window), 2);
  if (g_strcmp0 (kiosk_booking_page_get_step (f->page), "review") == 0)
    {
      g_assert_false (submit_enabled (f));
      save_png (f, "5-review-sending");
    }
  gtk_widget_activate_action (GTK_WIDGET (f->page), "booking.submit", NULL);

  wait_step (f, "outcome");
  assert_shows (f, "You are booked");
  settle (1500);
  g_assert_cmpuint (kiosk_test_backend_count_bookings (f->backend), ==, 1);
}

static void
test_service_step (Fixture       *f,
                   gconstpointer  data)
{
  press (f, "kiosk.start", NULL);
  kiosk_ui_test_wait_for_page (f->window, "home");
  press (f, "kiosk.show-services", NULL);
  kiosk_ui_test_wait_for_page (f->window, "services");
  press (f, "kiosk.show-service", "hot-stone");
  kiosk_ui_test_wait_for_page (f->window, "service");
  press (f, "kiosk.book", "hot-stone");
  kiosk_ui_test_wait_for_page (f->window, "booking");
  wait_step (f, "service");
  /* Preselected from the massage's page, with its first length. */
  g_assert_cmpstr (kiosk_booking_page_get_service_id (f->page), ==, "hot-stone");
  g_assert_cmpuint (kiosk_booking_session_get_duration (kiosk_booking_page_get_session (f->page)),
                    ==, 60);
  g_assert_true (gtk_toggle_button_get_active (
      GTK_TOGGLE_BUTTON (find_duration_button (GTK_WIDGET (f->page), 60))));
  assert_shows (f, "$100");
  assert_shows (f, "$140");
  assert_touch_targets (GTK_WIDGET (f->page));
  save_png (f, "1-service");

  /* Cancel wipes the choice and starts over. */
  press (f, "booking.cancel", NULL);
  kiosk_ui_test_wait_for_page (f->window, "attract");
  assert_wiped (f);
}

/* Without a backend, booking here says where to book instead. */
static void
test_unavailable (Fixture       *f,
                  gconstpointer  data)
{
  kiosk_window_set_outbox (f->window, NULL);
  press (f, "kiosk.start", NULL);
  kiosk_ui_test_wait_for_page (f->window, "home");
  press (f, "kiosk.book", "");
  kiosk_ui_test_wait_for_page (f->window, "booking");
  wait_step (f, "unavailable");
  assert_shows (f, "not available right now");
  assert_shows (f, "801-505-9340");
  save_png (f, "0-unavailable");

  kiosk_window_set_outbox (f->window, f->outbox);
  wait_step (f, "service");
}

static gboolean
popover_open (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_mapped (widget)
      && gtk_widget_get_ancestor (widget, KIOSK_TYPE_KEYBOARD) == NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (popover_open (child))
      return TRUE;
  return FALSE;
}

/* Real pointer input through the X server, as a finger makes it. */
static void
xdotool_on (Fixture    *f,
            GtkWidget  *widget,
            const char *what)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  graphene_point_t point;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_auto(GStrv) actions = g_strsplit (what, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (f->window),
                                           &GRAPHENE_POINT_INIT (40, 20), &point));
  x = g_strdup_printf ("%.0f", point.x);
  y = g_strdup_printf ("%.0f", point.y);
  g_strv_builder_add_many (builder, "xdotool", "mousemove", "--sync", "--window", xid, x, y, NULL);
  g_strv_builder_addv (builder, (const char **) actions);
  argv = g_strv_builder_end (builder);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* A long press or a right click on a field opens no Copy/Paste menu that
 * could carry one customer's text to the next. */
static void
test_no_entry_menu (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GtkWidget *entry = f->entries[KIOSK_BOOKING_FIELD_FIRST_NAME];

  if (xdotool == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs xdotool and an X server");
      return;
    }

  choose_massage_and_day (f);
  g_free (choose_first_time (f));
  focus_field (f, KIOSK_BOOKING_FIELD_FIRST_NAME);
  type_text (f, "Ana");
  settle (300);

  xdotool_on (f, entry, "click 3");
  settle (800);
  g_assert_false (popover_open (GTK_WIDGET (f->window)));

  xdotool_on (f, entry, "mousedown 1 sleep 1.5 mouseup 1");
  settle (800);
  g_assert_false (popover_open (GTK_WIDGET (f->window)));

  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (entry))
                 || gtk_widget_has_focus (entry)
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));
  g_assert_cmpstr (entry_text (f, KIOSK_BOOKING_FIELD_FIRST_NAME), ==, "Ana");
  g_assert_false (gtk_editable_get_enable_undo (GTK_EDITABLE (entry)));
}

/* Typing through the accent row keeps the session alive: no reset while
 * the customer types, though those taps reach only the popover. */
static void
test_typing_is_activity (Fixture       *f,
                         gconstpointer  data)
{
  choose_massage_and_day (f);
  g_free (choose_first_time (f));
  focus_field (f, KIOSK_BOOKING_FIELD_LAST_NAME);
  kiosk_window_set_idle_countdown (f->window, 1);
  kiosk_window_set_idle_timeout (f->window, 2);

  for (guint i = 0; i < 8; i++)
    {
      press_accent (f, "u", "ú");
      settle (600);
      g_assert_cmpstr (kiosk_window_get_visible_page (f->window), ==, "booking");
    }
  g_assert_cmpuint (g_utf8_strlen (entry_text (f, KIOSK_BOOKING_FIELD_LAST_NAME), -1), ==, 8);

  /* And once the typing stops, the reset still comes and wipes it. */
  g_assert_true (kiosk_ui_test_wait_for (on_attract, f->window, WAIT_MS));
  assert_wiped (f);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_ui_test_init (&argc, &argv);

#define ADD(path, func, size) \
  g_test_add ("/kiosk/booking-page/" path, Fixture, size, fixture_set_up, func, fixture_tear_down)

  ADD ("full-booking/landscape", test_full_booking, &landscape);
  ADD ("full-booking/portrait", test_full_booking, &portrait);
  ADD ("service-step/landscape", test_service_step, &landscape);
  ADD ("service-step/portrait", test_service_step, &portrait);
  ADD ("slot-taken", test_slot_taken, &landscape);
  ADD ("backend-down-queued", test_backend_down, &landscape);
  ADD ("validation", test_validation, &landscape);
  ADD ("idle-reset-wipes", test_idle_reset, &landscape);
  ADD ("double-submit", test_double_submit, &landscape);
  ADD ("unavailable", test_unavailable, &portrait);
  ADD ("no-entry-menu", test_no_entry_menu, &landscape);
  ADD ("typing-is-activity", test_typing_is_activity, &landscape);

  return g_test_run ();
}
