/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lockdown.c: the kiosk keeps customers in: fullscreen, no way out, the screen kept lit. */

#include "config.h"

#include <string.h>

#include "kiosk-application.h"
#include "kiosk-ui-test.h"

/* The kiosk as the program starts it: fullscreen and undecorated. */
static void
test_fullscreen (void)
{
  KioskWindow *window = kiosk_window_new (NULL, NULL, TRUE);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (window)));
  kiosk_ui_test_destroy (window);
}

/* Nothing on any screen opens another program: no link buttons, no links
 * in labels, no file, app or font choosers. */
static void
assert_no_way_out (GtkWidget *widget)
{
  g_assert_false (GTK_IS_LINK_BUTTON (widget));
  g_assert_false (GTK_IS_FILE_CHOOSER (widget));
  g_assert_false (GTK_IS_APP_CHOOSER (widget));
  g_assert_false (GTK_IS_FONT_CHOOSER (widget));
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)))
    g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (widget)), "<a "));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_way_out (child);
}

static void
test_no_links (void)
{
  KioskWindow *window = kiosk_ui_test_window_new (1280, 800);

  assert_no_way_out (GTK_WIDGET (window));
  kiosk_ui_test_destroy (window);
}

/*
 * The session manager's Inhibit and Uninhibit, as GNOME's session answers
 * them, on the private bus dbus-run-session gives this test. GTK calls
 * Inhibit synchronously from the main thread, so the service runs in a
 * thread of its own.
 */
static const char session_manager_xml[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='Uninhibit'><arg type='u' direction='in'/></method>"
  "  </interface>"
  "</node>";

#define COOKIE 4711

typedef struct
{
  GMutex mutex;
  GCond cond;
  GMainLoop *loop;
  gboolean ready;
  guint flags;
  guint n_inhibits;
  guint n_uninhibits;
} SessionManager;

static void
session_method_call (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *path,
                     const char            *interface,
                     const char            *method,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  SessionManager *manager = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&manager->mutex);

  if (g_str_equal (method, "Inhibit"))
    {
      g_variant_get (parameters, "(&su&su)", NULL, NULL, NULL, &manager->flags);
      manager->n_inhibits++;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", COOKIE));
      return;
    }

  g_assert_cmpstr (method, ==, "Uninhibit");
  g_variant_get (parameters, "(u)", NULL);
  manager->n_uninhibits++;
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable session_vtable = { session_method_call, NULL, NULL };

static gpointer
session_manager_thread (gpointer data)
{
  SessionManager *manager = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (session_manager_xml, NULL);
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GDBusConnectionFlags flags = G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                               | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION;

  g_main_context_push_thread_default (context);
  connection = g_dbus_connection_new_for_address_sync (g_getenv ("DBUS_SESSION_BUS_ADDRESS"),
                                                       flags, NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (connection, "/org/gnome/SessionManager",
                                     info->interfaces[0], &session_vtable, manager, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.gnome.SessionManager", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);

  manager->loop = g_main_loop_new (context, FALSE);
  g_mutex_lock (&manager->mutex);
  manager->ready = TRUE;
  g_cond_signal (&manager->cond);
  g_mutex_unlock (&manager->mutex);
  g_main_loop_run (manager->loop);

  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static guint
count (SessionManager *manager,
       guint          *counter)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&manager->mutex);

  return *counter;
}

static gboolean
inhibited (gpointer data)
{
  SessionManager *manager = data;

  return count (manager, &manager->n_inhibits) == 1;
}

static gboolean
uninhibited (gpointer data)
{
  SessionManager *manager = data;

  return count (manager, &manager->n_uninhibits) == 1;
}

/* While the kiosk shows, it asks the session not to blank the screen or
 * go idle, and withdraws that when it goes away. */
static void
test_idle_inhibited (void)
{
  SessionManager manager = { 0 };
  g_autoptr(KioskApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;
  KioskWindow *window;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs a session bus (the test runs under dbus-run-session)");
      return;
    }

  thread = g_thread_new ("session-manager", session_manager_thread, &manager);
  g_mutex_lock (&manager.mutex);
  while (!manager.ready)
    g_cond_wait (&manager.cond, &manager.mutex);
  g_mutex_unlock (&manager.mutex);

  app = kiosk_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = kiosk_window_new (app, NULL, FALSE);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kiosk_ui_test_wait_for (inhibited, &manager, 10000));
  g_assert_cmpuint (manager.flags & GTK_APPLICATION_INHIBIT_IDLE, ==, GTK_APPLICATION_INHIBIT_IDLE);

  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_assert_true (kiosk_ui_test_wait_for (uninhibited, &manager, 10000));

  kiosk_ui_test_destroy (window);
  g_main_loop_quit (manager.loop);
  g_thread_join (thread);
  g_main_loop_unref (manager.loop);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_ui_test_init (&argc, &argv);

  g_test_add_func ("/kiosk/lockdown/fullscreen", test_fullscreen);
  g_test_add_func ("/kiosk/lockdown/no-links", test_no_links);
  g_test_add_func ("/kiosk/lockdown/idle-inhibited", test_idle_inhibited);

  return g_test_run ();
}
