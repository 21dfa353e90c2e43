/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-soak.c: many customer sessions in one kiosk window against the reference backend. */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "bench-booking.h"
#include "bench-support.h"
#include "kiosk-outbox.h"
#include "kiosk-ui-test.h"
#include "kiosk-window.h"

/* Usage (under X, with the test environment of tests/meson.build):
 *   kiosk-soak SESSIONS [IDLE-EVERY]
 * One window for the whole run. Each session browses (home, the massages, one
 * massage, back, the sciatica page), books on the booking screen (massage,
 * length, a free time, name and phone, a health answer, review, "Book now")
 * and ends on attract: every IDLE-EVERY-th session (default 10) by the real
 * idle timer ("Still there?" after 1 s, then a 1 s countdown), the others by
 * "Done" on the outcome, the wipe that follows a finished booking. Prints "rss <session> <KiB>" at
 * session 100 and at the end, then checks in the backend's database that every
 * booking landed exactly once. Exit status 0 when they all did. */

#define SCREEN_WIDTH  1080
#define SCREEN_HEIGHT 1920

static const char * const services[] = { "relaxation", "hot-stone", "deep-tissue", "thai" };

typedef struct
{
  KioskTestBackend *backend;
  KioskApiClient   *client;
  KioskOutbox      *outbox;
  KioskWindow      *window;
  guint             days_ahead;
} Soak;

static guint
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "\nVmRSS:")) == NULL)
    return 0;

  return (guint) g_ascii_strtoull (line + strlen ("\nVmRSS:"), NULL, 10);
}

static void
click (Soak       *soak,
       const char *action,
       const char *target,
       const char *page)
{
  GtkWidget *root = GTK_WIDGET (soak->window);
  GtkWidget *button = kiosk_ui_test_find_button (root, action, target);

  if (button == NULL || !gtk_widget_is_sensitive (button))
    g_error ("No button for %s %s", action, target != NULL ? target : "");
  /* A tap ends in "clicked"; gtk_widget_activate would add GtkButton's
   * 250 ms press display to every step. */
  g_signal_emit_by_name (button, "clicked");
  kiosk_ui_test_wait_for_page (soak->window, page);
}

static void
activate (Soak       *soak,
          const char *action,
          const char *target,
          const char *page)
{
  gtk_widget_activate_action (GTK_WIDGET (soak->window), action,
                              target != NULL ? "s" : NULL, target);
  kiosk_ui_test_wait_for_page (soak->window, page);
}

static void
browse (Soak  *soak,
        guint  session)
{
  const char *service = services[session % G_N_ELEMENTS (services)];

  activate (soak, "kiosk.start", NULL, "home");
  click (soak, "kiosk.show-services", NULL, "services");
  click (soak, "kiosk.show-service", service, "service");
  activate (soak, "kiosk.go-back", NULL, "services");
  activate (soak, "kiosk.go-home", NULL, "home");
  click (soak, "kiosk.show-sciatica", NULL, "sciatica");
}

/* On the booking screen, through its buttons and actions, to its outcome;
 * the backend must then hold exactly @session bookings. */
static void
book (Soak  *soak,
      guint  session)
{
  g_autofree char *first = g_strdup_printf ("Soak%05u", session);
  g_autofree char *phone = g_strdup_printf ("8015%06u", session);
  BenchCustomer customer = {
    services[session % G_N_ELEMENTS (services)], first, "Customer", phone,
    session % 3 == 0 ? "sciatica" : "prefer-not-to-say",
  };
  guint landed;

  activate (soak, "kiosk.go-home", NULL, "home");
  bench_booking_to_review (soak->window, &customer, &soak->days_ahead);
  gtk_widget_activate_action (GTK_WIDGET (bench_booking_page (soak->window)), "booking.submit",
                              NULL);
  bench_booking_wait_step (soak->window, "outcome");
  landed = kiosk_test_backend_count_bookings (soak->backend);
  if (landed != session)
    g_error ("Session %u: the backend holds %u bookings", session, landed);
}

/* "Done" on the outcome: the wipe that follows every finished booking. */
static void
finish_booking (Soak *soak)
{
  gtk_widget_activate_action (GTK_WIDGET (bench_booking_page (soak->window)), "booking.done",
                              NULL);
  kiosk_ui_test_wait_for_page (soak->window, "attract");
}

/* "Still there?" after a second of quiet, then a one-second countdown. */
static void
idle_reset (Soak *soak)
{
  kiosk_window_set_idle_countdown (soak->window, 1);
  kiosk_window_set_idle_timeout (soak->window, 1);
  kiosk_ui_test_wait_for_page (soak->window, "attract");
  kiosk_window_set_idle_timeout (soak->window, 3600);
}

static gboolean
count_landed (const char *db_path,
              guint      *rows,
              guint      *customers,
              guint      *keys)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
       && sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM bookings),"
                                  " (SELECT count(DISTINCT first_name) FROM bookings),"
                                  " (SELECT count(DISTINCT key) FROM idempotency_keys)",
                              -1, &stmt, NULL) == SQLITE_OK
       && sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    {
      *rows = (guint) sqlite3_column_int (stmt, 0);
      *customers = (guint) sqlite3_column_int (stmt, 1);
      *keys = (guint) sqlite3_column_int (stmt, 2);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return ok;
}

/* Quick page changes: the soak is about what stays behind, not the fade. */
static void
setup_window (Soak *soak)
{
  GtkStack *stack;

  soak->window = kiosk_ui_test_window_new (SCREEN_WIDTH, SCREEN_HEIGHT);
  stack = GTK_STACK (gtk_widget_get_parent (kiosk_window_get_page (soak->window, "home")));
  gtk_stack_set_transition_type (stack, GTK_STACK_TRANSITION_TYPE_NONE);
  /* The booking screen's own steps, likewise. */
  stack = GTK_STACK (gtk_widget_get_first_child (
    gtk_widget_get_first_child (GTK_WIDGET (bench_booking_page (soak->window)))));
  gtk_stack_set_transition_type (stack, GTK_STACK_TRANSITION_TYPE_NONE);
  kiosk_window_set_api_client (soak->window, soak->client);
  kiosk_window_set_outbox (soak->window, soak->outbox);
  kiosk_window_set_idle_timeout (soak->window, 3600);
}

static void
teardown (Soak       *soak,
          const char *dir)
{
  kiosk_ui_test_destroy (soak->window);
  /* The queue's last writes finish before it goes: wait for it. */
  g_object_add_weak_pointer (G_OBJECT (soak->outbox), (gpointer *) &soak->outbox);
  g_object_unref (soak->outbox);
  while (soak->outbox != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&soak->client);
  g_clear_pointer (&soak->backend, kiosk_test_backend_free);
  bench_remove_dir (dir);
}

static int
check_landed (Soak  *soak,
              guint  sessions)
{
  guint rows = 0, customers = 0, keys = 0;

  if (!count_landed (kiosk_test_backend_get_db_path (soak->backend), &rows, &customers, &keys))
    g_error ("Cannot read the backend's database");
  g_print ("bookings %u rows %u distinct-customers %u distinct-idempotency-keys %u\n",
           sessions, rows, customers, keys);

  return rows == sessions && customers == sessions && keys == sessions ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *queue = NULL;
  g_autoptr(GError) error = NULL;
  Soak soak = { 0 };
  guint sessions, idle_every;
  gint64 started;
  int status;

  kiosk_ui_test_init (&argc, &argv);
  if (argc < 2)
    {
      g_printerr ("usage: kiosk-soak SESSIONS [IDLE-EVERY]\n");
      return 2;
    }
  sessions = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  idle_every = argc > 2 ? MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10)) : 10;

  dir = g_dir_make_tmp ("kiosk-soak-XXXXXX", NULL);
  queue = g_build_filename (dir, "outbox.db", NULL);
  soak.backend = kiosk_test_backend_start (KIOSK_TEST_BACKEND_NONE);
  soak.client = bench_client_new (soak.backend, "soak-kiosk");
  soak.outbox = kiosk_outbox_new (soak.client, queue, &error);
  if (soak.outbox == NULL)
    g_error ("Queue: %s", error->message);
  soak.days_ahead = 1;
  setup_window (&soak);

  started = g_get_monotonic_time ();
  for (guint session = 1; session <= sessions; session++)
    {
      browse (&soak, session);
      book (&soak, session);
      if (session % idle_every == 0)
        idle_reset (&soak);
      else
        finish_booking (&soak);

      if (session == 100 || session == sessions)
        g_print ("rss %u %u\n", session, rss_kib ());
      if (session % 100 == 0)
        g_printerr ("# %u sessions in %.0f s\n", session,
                    (g_get_monotonic_time () - started) / 1e6);
    }
  g_print ("seconds %.1f\n", (g_get_monotonic_time () - started) / 1e6);

  status = check_landed (&soak, sessions);
  teardown (&soak, dir);

  return status;
}
