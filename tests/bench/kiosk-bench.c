/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-bench.c: the benchmark's in-process timings: page changes and a booking's submit. */

#include "config.h"

#include <adwaita.h>

#include "bench-booking.h"
#include "bench-support.h"
#include "kiosk-outbox.h"
#include "kiosk-test-backend.h"
#include "kiosk-ui-test.h"
#include "kiosk-window.h"

/* Usage (under X, with the test environment of tests/meson.build):
 *   kiosk-bench pages N     N page changes through the window's actions; prints
 *                           "page-change <µs> <page> <µs> <µs> <action>" for each: tap
 *                           to the next painted frame, the page, tap to that frame's
 *                           layout, its layout to its paint, the action; with BENCH_START_ONLY set, only
 *                           attract → home → attract
 *   kiosk-bench booking N   N bookings on the booking screen against the reference backend
 *                           over HTTPS; prints "booking <µs> stall <µs> with-paint <µs>"
 *                           for each (the tap on "Book now" to the outcome's first painted
 *                           frame; the longest main-loop stall until the outcome is set,
 *                           and until it is painted), then "quiet-stall <µs>" for the
 *                           same time with nothing to do
 * .ci/bench reads these lines and prints the table (docs/benchmarks.md). */

/* The kiosk's own screen: portrait 1080×1920. */
#define SCREEN_WIDTH  1080
#define SCREEN_HEIGHT 1920
#define STALL_TICK_MS 1

typedef struct
{
  const char *action;
  const char *target;   /* a string parameter, or NULL */
  const char *page;     /* the screen the action shows */
} Step;

/* A customer's path through every screen, ending where it started. */
static const Step steps[] = {
  { "kiosk.start", NULL, "home" },
  { "kiosk.show-services", NULL, "services" },
  { "kiosk.show-service", "thai", "service" },
  { "kiosk.go-back", NULL, "services" },
  { "kiosk.show-service", "hot-stone", "service" },
  { "kiosk.go-home", NULL, "home" },
  { "kiosk.show-sciatica", NULL, "sciatica" },
  { "kiosk.book", "", "booking" },
  { "kiosk.go-back", NULL, "sciatica" },
  { "kiosk.reset", NULL, "attract" },
};

/* The frame after a tap, by phase: when its layout started, when its paint
 * started, when it was painted (CLOCK_MONOTONIC µs). */
typedef struct
{
  gint64   layout;
  gint64   paint;
  gint64   painted;
  gboolean waiting;
} FrameWait;

static void
on_layout (GdkFrameClock *clock,
           FrameWait     *wait)
{
  if (wait->waiting && wait->layout == 0)
    wait->layout = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          FrameWait     *wait)
{
  if (wait->waiting && wait->paint == 0)
    wait->paint = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameWait     *wait)
{
  if (!wait->waiting)
    return;
  wait->painted = g_get_monotonic_time ();
  wait->waiting = FALSE;
}

static gboolean
frame_painted (gpointer data)
{
  return !((FrameWait *) data)->waiting;
}

/* Prints "page-change <tap to painted> <page> <tap to layout> <layout to paint>
 * <action>", in µs; layout to paint is the time the frame spent measuring and
 * allocating. */
static void
time_step (KioskWindow *window,
           const Step  *step,
           FrameWait   *wait)
{
  GVariant *target = step->target != NULL ? g_variant_new_string (step->target) : NULL;
  gint64 tap;

  wait->layout = wait->paint = 0;
  wait->waiting = TRUE;
  tap = g_get_monotonic_time ();
  gtk_widget_activate_action_variant (GTK_WIDGET (window), step->action, target);
  if (!kiosk_ui_test_wait_for (frame_painted, wait, 10000))
    g_error ("No frame painted after %s", step->action);

  g_print ("page-change %" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n",
           wait->painted - tap, step->page, wait->layout - tap, wait->paint - wait->layout,
           step->action);
}

static int
run_pages (guint n)
{
  KioskWindow *window = kiosk_ui_test_window_new (SCREEN_WIDTH, SCREEN_HEIGHT);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  FrameWait wait = { 0 };

  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &wait);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint), &wait);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &wait);
  for (guint i = 0; i < n; i++)
    {
      const Step *step = &steps[g_getenv ("BENCH_START_ONLY") != NULL
                                ? (i % 2) * (G_N_ELEMENTS (steps) - 1)
                                : i % G_N_ELEMENTS (steps)];

      time_step (window, step, &wait);
      /* Let the crossfade finish, as a customer reads before the next tap. */
      kiosk_ui_test_wait_for_page (window, step->page);
      kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
    }
  g_signal_handlers_disconnect_by_data (clock, &wait);
  kiosk_ui_test_destroy (window);

  return 0;
}

/* The main loop's longest stall: a high-priority 1 ms timer that notes how
 * late it runs. */
typedef struct
{
  gint64 last;
  gint64 worst;
  guint  source;
} StallMeter;

static gboolean
on_stall_tick (gpointer data)
{
  StallMeter *meter = data;
  gint64 now = g_get_monotonic_time ();

  meter->worst = MAX (meter->worst, now - meter->last - STALL_TICK_MS * 1000);
  meter->last = now;

  return G_SOURCE_CONTINUE;
}

static void
stall_meter_start (StallMeter *meter)
{
  meter->worst = 0;
  meter->last = g_get_monotonic_time ();
  meter->source = g_timeout_add_full (G_PRIORITY_HIGH, STALL_TICK_MS, on_stall_tick, meter, NULL);
}

static gint64
stall_meter_stop (StallMeter *meter)
{
  on_stall_tick (meter);
  g_clear_handle_id (&meter->source, g_source_remove);

  return meter->worst;
}

static gboolean
outcome_shown (gpointer data)
{
  return g_strcmp0 (kiosk_booking_page_get_step (data), "outcome") == 0;
}

/* One booking on the booking screen: from the tap on "Book now" to the
 * first painted frame of the outcome, with the main loop's longest stall
 * while the booking goes over the network (until the outcome step is set)
 * and until that frame is painted. */
static gint64
time_booking (KioskWindow *window,
              guint        index,
              guint       *days_ahead,
              gint64      *network_stall,
              gint64      *stall)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  KioskBookingPage *page = bench_booking_page (window);
  g_autofree char *first = g_strdup_printf ("Bench%03u", index);
  g_autofree char *phone = g_strdup_printf ("801555%04u", index);
  BenchCustomer customer = { "relaxation", first, "Customer", phone, "prefer-not-to-say" };
  FrameWait wait = { 0 };
  StallMeter meter = { 0 };
  gint64 tap;

  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.start", NULL);
  kiosk_ui_test_wait_for_page (window, "home");
  bench_booking_to_review (window, &customer, days_ahead);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &wait);
  stall_meter_start (&meter);
  tap = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (page), "booking.submit", NULL);
  if (!kiosk_ui_test_wait_for (outcome_shown, page, 60000))
    g_error ("Booking %u: no outcome within a minute", index);
  on_stall_tick (&meter);
  *network_stall = meter.worst;
  wait.waiting = TRUE;
  if (!kiosk_ui_test_wait_for (frame_painted, &wait, 10000))
    g_error ("Booking %u: the outcome was never painted", index);
  *stall = stall_meter_stop (&meter);
  g_signal_handlers_disconnect_by_data (clock, &wait);

  bench_booking_wait_step (window, "outcome");
  gtk_widget_activate_action (GTK_WIDGET (page), "booking.done", NULL);
  kiosk_ui_test_wait_for_page (window, "attract");

  return wait.painted - tap;
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static int
run_booking (guint n)
{
  g_autoptr(KioskTestBackend) backend = kiosk_test_backend_start (KIOSK_TEST_BACKEND_NONE);
  g_autoptr(KioskApiClient) client = bench_client_new (backend, "bench-kiosk");
  g_autofree char *dir = g_dir_make_tmp ("kiosk-bench-XXXXXX", NULL);
  g_autofree char *queue = g_build_filename (dir, "outbox.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutbox) outbox = kiosk_outbox_new (client, queue, &error);
  KioskWindow *window = kiosk_ui_test_window_new (SCREEN_WIDTH, SCREEN_HEIGHT);
  StallMeter meter = { 0 };
  guint days_ahead = 1;
  gint64 total = 0;
  gint64 until;

  if (outbox == NULL)
    g_error ("Queue: %s", error->message);
  kiosk_window_set_api_client (window, client);
  kiosk_window_set_outbox (window, outbox);

  for (guint i = 0; i < n; i++)
    {
      gint64 network_stall = 0;
      gint64 stall = 0;
      gint64 us;

      us = time_booking (window, i, &days_ahead, &network_stall, &stall);
      total += us;
      g_print ("booking %" G_GINT64_FORMAT " stall %" G_GINT64_FORMAT " with-paint %"
               G_GINT64_FORMAT "\n", us, network_stall, stall);
    }

  /* The same stretch of time with nothing to do: the machine's own noise. */
  stall_meter_start (&meter);
  until = g_get_monotonic_time () + total;
  kiosk_ui_test_wait_for (time_passed, &until, (guint) (total / 1000) + 1000);
  g_print ("quiet-stall %" G_GINT64_FORMAT "\n", stall_meter_stop (&meter));
  g_print ("bookings-in-backend %u\n", kiosk_test_backend_count_bookings (backend));

  kiosk_ui_test_destroy (window);
  g_object_add_weak_pointer (G_OBJECT (outbox), (gpointer *) &outbox);
  g_object_unref (outbox);
  while (outbox != NULL)
    g_main_context_iteration (NULL, TRUE);
  bench_remove_dir (dir);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  guint n;

  kiosk_ui_test_init (&argc, &argv);
  if (argc != 3)
    {
      g_printerr ("usage: kiosk-bench pages|booking N\n");
      return 2;
    }

  n = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (g_str_equal (argv[1], "pages"))
    return run_pages (n);
  if (g_str_equal (argv[1], "booking"))
    return run_booking (n);

  g_printerr ("usage: kiosk-bench pages|booking N\n");
  return 2;
}
