/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bare-window.c: the benchmark's baseline, a bare GTK 4 + libadwaita window. */

#include <adwaita.h>
#include <stdio.h>

/* The same size and application flags as the kiosk's window (ui/kiosk-window.ui),
 * one label, and the same first-frame line as the kiosk's SPA_KIOSK_BENCH hook:
 * "first-frame <CLOCK_MONOTONIC µs>", so .ci/bench times both the same way. */

static void
on_first_after_paint (GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_after_paint, user_data);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
}

static void
on_map (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_after_paint), NULL);
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      gtk_label_new ("Bare window"));
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("com.matrixmassage.KioskBenchBare", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
