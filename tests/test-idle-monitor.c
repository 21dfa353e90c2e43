/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-idle-monitor.c: the quiet-time timer and the "Still there?" countdown, without a display. */

#include "config.h"

#include "kiosk-idle-monitor.h"

typedef struct
{
  KioskIdleMonitor *monitor;
  guint expired;
  guint prompts;
  GArray *remaining;
} Fixture;

static void
on_expired (KioskIdleMonitor *monitor,
            Fixture          *fixture)
{
  fixture->expired++;
}

static void
on_prompting (KioskIdleMonitor *monitor,
              GParamSpec       *pspec,
              Fixture          *fixture)
{
  if (kiosk_idle_monitor_get_prompting (monitor))
    fixture->prompts++;
}

static void
on_remaining (KioskIdleMonitor *monitor,
              GParamSpec       *pspec,
              Fixture          *fixture)
{
  guint remaining = kiosk_idle_monitor_get_remaining (monitor);

  g_array_append_val (fixture->remaining, remaining);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->monitor = kiosk_idle_monitor_new ();
  fixture->remaining = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (fixture->monitor, "expired", G_CALLBACK (on_expired), fixture);
  g_signal_connect (fixture->monitor, "notify::prompting", G_CALLBACK (on_prompting), fixture);
  g_signal_connect (fixture->monitor, "notify::remaining", G_CALLBACK (on_remaining), fixture);
  kiosk_idle_monitor_set_timeout (fixture->monitor, 1);
  kiosk_idle_monitor_set_countdown (fixture->monitor, 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->monitor);
  g_array_unref (fixture->remaining);
}

static gboolean
stop_waiting (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, stop_waiting, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_disabled_never_prompts (Fixture       *fixture,
                             gconstpointer  data)
{
  run_for (1500);
  g_assert_cmpuint (fixture->prompts, ==, 0);
  g_assert_false (kiosk_idle_monitor_get_prompting (fixture->monitor));
}

static void
test_counts_down_then_expires (Fixture       *fixture,
                               gconstpointer  data)
{
  kiosk_idle_monitor_set_enabled (fixture->monitor, TRUE);
  run_for (500);
  g_assert_cmpuint (fixture->prompts, ==, 0);

  while (fixture->expired == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (fixture->prompts, ==, 1);
  g_assert_cmpuint (fixture->expired, ==, 1);
  g_assert_false (kiosk_idle_monitor_get_prompting (fixture->monitor));
  /* The countdown showed 2, then 1, then reached 0. */
  g_assert_cmpuint (fixture->remaining->len, ==, 3);
  g_assert_cmpuint (g_array_index (fixture->remaining, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (fixture->remaining, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (fixture->remaining, guint, 2), ==, 0);
}

/* Steady touches keep the prompt away however long the session lasts. */
static void
test_activity_postpones (Fixture       *fixture,
                         gconstpointer  data)
{
  kiosk_idle_monitor_set_enabled (fixture->monitor, TRUE);
  for (guint i = 0; i < 8; i++)
    {
      run_for (300);
      kiosk_idle_monitor_activity (fixture->monitor);
    }
  g_assert_cmpuint (fixture->prompts, ==, 0);
  g_assert_cmpuint (fixture->expired, ==, 0);
}

static void
test_activity_dismisses_prompt (Fixture       *fixture,
                                gconstpointer  data)
{
  kiosk_idle_monitor_set_enabled (fixture->monitor, TRUE);
  while (!kiosk_idle_monitor_get_prompting (fixture->monitor))
    g_main_context_iteration (NULL, TRUE);

  kiosk_idle_monitor_activity (fixture->monitor);
  g_assert_false (kiosk_idle_monitor_get_prompting (fixture->monitor));
  g_assert_cmpuint (kiosk_idle_monitor_get_remaining (fixture->monitor), ==, 0);

  /* The quiet time starts again: a second prompt, then the end. */
  while (fixture->expired == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->prompts, ==, 2);
}

static void
test_disabling_stops_prompt (Fixture       *fixture,
                             gconstpointer  data)
{
  kiosk_idle_monitor_set_enabled (fixture->monitor, TRUE);
  while (!kiosk_idle_monitor_get_prompting (fixture->monitor))
    g_main_context_iteration (NULL, TRUE);

  kiosk_idle_monitor_set_enabled (fixture->monitor, FALSE);
  g_assert_false (kiosk_idle_monitor_get_prompting (fixture->monitor));
  run_for (3000);
  g_assert_cmpuint (fixture->expired, ==, 0);
  g_assert_cmpuint (fixture->prompts, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kiosk/idle-monitor/disabled-never-prompts", Fixture, NULL,
              fixture_set_up, test_disabled_never_prompts, fixture_tear_down);
  g_test_add ("/kiosk/idle-monitor/counts-down-then-expires", Fixture, NULL,
              fixture_set_up, test_counts_down_then_expires, fixture_tear_down);
  g_test_add ("/kiosk/idle-monitor/activity-postpones", Fixture, NULL,
              fixture_set_up, test_activity_postpones, fixture_tear_down);
  g_test_add ("/kiosk/idle-monitor/activity-dismisses-prompt", Fixture, NULL,
              fixture_set_up, test_activity_dismisses_prompt, fixture_tear_down);
  g_test_add ("/kiosk/idle-monitor/disabling-stops-prompt", Fixture, NULL,
              fixture_set_up, test_disabling_stops_prompt, fixture_tear_down);

  return g_test_run ();
}
