/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-booking.c: drives the booking screen as a customer would, for the benchmark and the soak. */

#include "config.h"

#include "bench-booking.h"
#include "kiosk-ui-test.h"

#define WAIT_MS 30000

KioskBookingPage *
bench_booking_page (KioskWindow *window)
{
  return KIOSK_BOOKING_PAGE (kiosk_window_get_page (window, "booking"));
}

typedef struct
{
  KioskBookingPage *page;
  const char       *step;
} StepWait;

static gboolean
step_shown (gpointer data)
{
  StepWait *wait = data;
  GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (wait->page));
  GtkStack *steps = GTK_STACK (gtk_widget_get_first_child (box));

  return g_strcmp0 (kiosk_booking_page_get_step (wait->page), wait->step) == 0
         && !gtk_stack_get_transition_running (steps);
}

void
bench_booking_wait_step (KioskWindow *window,
                         const char  *step)
{
  StepWait wait = { bench_booking_page (window), step };

  if (!kiosk_ui_test_wait_for (step_shown, &wait, WAIT_MS))
    g_error ("The booking shows “%s”, not “%s”", kiosk_booking_page_get_step (wait.page), step);
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 1);
}

/* The first drawn button under @widget with @action, and its target. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

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

/* A tap: GtkButton's "clicked", which runs its action. */
static void
tap (GtkWidget  *button,
     const char *what)
{
  if (button == NULL || !gtk_widget_is_sensitive (button))
    g_error ("No button to tap for %s", what);
  g_signal_emit_by_name (button, "clicked");
}

static void
press (KioskWindow *window,
       const char  *action,
       const char  *target)
{
  tap (kiosk_ui_test_find_button (GTK_WIDGET (window), action, target), action);
}

static void
collect_entries (GtkWidget  *widget,
                 GPtrArray  *entries)
{
  if (GTK_IS_ENTRY (widget))
    g_ptr_array_add (entries, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, entries);
}

static gboolean
times_loaded (gpointer data)
{
  return g_strcmp0 (kiosk_booking_page_get_times_state (data), "loading") != 0;
}

/* Days fill up: the first day from *@days_ahead with a free time. */
static void
choose_time (KioskWindow *window,
             guint       *days_ahead)
{
  KioskBookingPage *page = bench_booking_page (window);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Denver");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  for (;; (*days_ahead)++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, (int) *days_ahead);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      const char *state;

      if (*days_ahead > 60)
        g_error ("No free time left within 60 days");
      gtk_widget_activate_action (GTK_WIDGET (page), "booking.day", "s", date);
      if (!kiosk_ui_test_wait_for (times_loaded, page, WAIT_MS))
        g_error ("The times for %s did not load", date);
      state = kiosk_booking_page_get_times_state (page);
      if (g_str_equal (state, "slots"))
        break;
      if (!g_str_equal (state, "empty"))
        g_error ("The times for %s: %s", date, state);
    }
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 1);
  tap (find_action_button (GTK_WIDGET (page), "booking.slot"), "the first free time");
  bench_booking_wait_step (window, "details");
}

static void
type_details (KioskWindow         *window,
              const BenchCustomer *customer)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect_entries (GTK_WIDGET (bench_booking_page (window)), entries);
  if (entries->len < 3)
    g_error ("The details step has %u fields", entries->len);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), customer->first_name);
  gtk_editable_set_text (g_ptr_array_index (entries, 1), customer->last_name);
  gtk_editable_set_text (g_ptr_array_index (entries, 2), customer->phone);
}

/**
 * bench_booking_to_review:
 * @window: a kiosk window on home, with a backend and a queue
 * @customer: who books what
 * @days_ahead: (inout): the first day to try, then the day booked
 *
 * Book a massage, the massage and its first length, a free time, the
 * details, a health answer: the review, ready for booking.submit.
 */
void
bench_booking_to_review (KioskWindow         *window,
                         const BenchCustomer *customer,
                         guint               *days_ahead)
{
  KioskBookingPage *page = bench_booking_page (window);
  GtkWidget *length;

  press (window, "kiosk.book", "");
  kiosk_ui_test_wait_for_page (window, "booking");
  bench_booking_wait_step (window, "service");
  press (window, "booking.choose", customer->service_id);
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 1);
  length = find_action_button (GTK_WIDGET (page), "booking.duration");
  if (length == NULL)
    g_error ("No length to choose for %s", customer->service_id);
  gtk_widget_activate_action_variant (GTK_WIDGET (page), "booking.duration",
                                      gtk_actionable_get_action_target_value (GTK_ACTIONABLE (length)));
  press (window, "booking.next", NULL);
  bench_booking_wait_step (window, "time");
  choose_time (window, days_ahead);
  type_details (window, customer);
  press (window, "booking.next", NULL);
  bench_booking_wait_step (window, "health");
  tap (find_named (GTK_WIDGET (page), customer->health_note), customer->health_note);
  press (window, "booking.next", NULL);
  bench_booking_wait_step (window, "review");
}
