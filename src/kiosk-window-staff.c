/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-window-staff.c: the window's staff mode: the hidden gesture, the PIN pad, the panel. */

#include "config.h"

#include "kiosk-page.h"
#include "kiosk-window-private.h"

/* How long staff hold the spa's name: long enough that no customer does
 * it by chance. GtkGestureLongPress fires after at most twice the
 * desktop's long-press time (delay-factor 2.0), so a timer adds the rest. */
#define STAFF_HOLD_MS 3000
#define STAFF_DEFAULT_TIMEOUT_SECONDS 60

typedef struct
{
  KioskWindow *window;
  const char *tap_action; /* what a shorter press does, or NULL */
  gint64 began;
  guint hold_source;
} StaffHold;

static void
staff_hold_free (gpointer data)
{
  StaffHold *hold = data;

  g_clear_handle_id (&hold->hold_source, g_source_remove);
  g_free (hold);
}

static gboolean
on_hold_done (gpointer user_data)
{
  StaffHold *hold = user_data;

  hold->hold_source = 0;
  gtk_widget_activate_action (GTK_WIDGET (hold->window), "kiosk.staff-open", NULL);
  return G_SOURCE_REMOVE;
}

/* The press is the gesture's alone, so the attract screen's touch-to-start
 * does not fire under the finger; a short press does it on release. */
static void
on_hold_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               StaffHold        *hold)
{
  hold->began = g_get_monotonic_time ();
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_hold_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 StaffHold           *hold)
{
  gint64 held_ms = (g_get_monotonic_time () - hold->began) / 1000;
  guint rest_ms = held_ms < STAFF_HOLD_MS ? (guint) (STAFF_HOLD_MS - held_ms) : 0;

  g_clear_handle_id (&hold->hold_source, g_source_remove);
  hold->hold_source = g_timeout_add (rest_ms, on_hold_done, hold);
}

static void
tap (StaffHold *hold)
{
  if (hold->tap_action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (hold->window), hold->tap_action, NULL);
}

/* Released (or moved away) before the long press fired. */
static void
on_hold_cancelled (GtkGestureLongPress *gesture,
                   StaffHold           *hold)
{
  g_clear_handle_id (&hold->hold_source, g_source_remove);
  tap (hold);
}

/* Released after the long press fired but before the whole hold. */
static void
on_hold_end (GtkGesture       *gesture,
             GdkEventSequence *sequence,
             StaffHold        *hold)
{
  if (hold->hold_source == 0)
    return;

  g_clear_handle_id (&hold->hold_source, g_source_remove);
  tap (hold);
}

static void
add_staff_gesture (KioskWindow *self,
                   GtkWidget   *target,
                   const char  *tap_action)
{
  GtkGesture *gesture = gtk_gesture_long_press_new ();
  StaffHold *hold = g_new0 (StaffHold, 1);

  hold->window = self;
  hold->tap_action = tap_action;
  g_object_set_data_full (G_OBJECT (gesture), "kiosk-staff-hold", hold, staff_hold_free);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (gesture), "kiosk-staff-gesture");
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), FALSE);
  gtk_gesture_long_press_set_delay_factor (GTK_GESTURE_LONG_PRESS (gesture), 2.0);
  g_signal_connect (gesture, "begin", G_CALLBACK (on_hold_begin), hold);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_hold_pressed), hold);
  g_signal_connect (gesture, "cancelled", G_CALLBACK (on_hold_cancelled), hold);
  g_signal_connect (gesture, "end", G_CALLBACK (on_hold_end), hold);
  gtk_widget_add_controller (target, GTK_EVENT_CONTROLLER (gesture));
}

static gboolean
is_staff_page (const char *page)
{
  return page != NULL && g_str_has_prefix (page, "staff-");
}

static gboolean
on_staff_timeout (gpointer user_data)
{
  KioskWindow *self = user_data;

  self->staff_timeout_source = 0;
  kiosk_window_reset_session (self);
  return G_SOURCE_REMOVE;
}

static void
restart_staff_timer (KioskWindow *self)
{
  g_clear_handle_id (&self->staff_timeout_source, g_source_remove);
  self->staff_timeout_source = g_timeout_add_seconds (self->staff_timeout, on_staff_timeout, self);
}

static void
set_unlocked (KioskWindow *self,
              gboolean     unlocked)
{
  self->staff_unlocked = unlocked;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.quit", unlocked);
}

/**
 * kiosk_window_staff_page_changed:
 * @self: the window
 *
 * Staff pages run their own timer instead of the customer's idle reset;
 * leaving them drops staff mode.
 */
void
kiosk_window_staff_page_changed (KioskWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (is_staff_page (page))
    {
      restart_staff_timer (self);
      return;
    }

  g_clear_handle_id (&self->staff_timeout_source, g_source_remove);
  set_unlocked (self, FALSE);
}

/* Any touch on a staff page keeps it open for another timeout. */
void
kiosk_window_staff_activity (KioskWindow *self)
{
  if (self->staff_timeout_source != 0)
    restart_staff_timer (self);
}

static void
on_unlocked (KioskWindow *self)
{
  set_unlocked (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "staff-panel");
}

/* Staff pages stay out of the customer's back history: the window goes
 * there directly and remembers only where to return on Cancel. */
static void
staff_open_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (is_staff_page (page))
    return;

  g_free (self->staff_return_page);
  self->staff_return_page = g_strdup (page);
  kiosk_page_reset (KIOSK_PAGE (self->pin_pad));
  gtk_stack_set_visible_child_name (self->stack, "staff-pin");
}

/* Cancel on the PIN pad returns to the customer's screen; closing the
 * panel wipes the kiosk, so staff leave it as a new customer finds it. */
static void
staff_close_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "staff-pin") == 0 && self->staff_return_page != NULL)
    gtk_stack_set_visible_child_name (self->stack, self->staff_return_page);
  else if (is_staff_page (page))
    kiosk_window_reset_session (self);
}

/* The only way to close the kiosk: enabled only once the PIN was right. */
static void
quit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);

  if (!self->staff_unlocked)
    return;

  kiosk_window_set_allow_close (self, TRUE);
  gtk_window_close (GTK_WINDOW (self));
}

void
kiosk_window_staff_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "kiosk.staff-open", NULL, staff_open_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.staff-close", NULL, staff_close_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.quit", NULL, quit_activated);
}

/* After gtk_widget_init_template(). */
void
kiosk_window_staff_init (KioskWindow *self)
{
  g_autoptr(KioskStaffPin) staff_pin = kiosk_staff_pin_new (NULL);

  self->staff_timeout = STAFF_DEFAULT_TIMEOUT_SECONDS;
  kiosk_pin_pad_set_staff_pin (self->pin_pad, staff_pin);
  g_signal_connect_swapped (self->pin_pad, "unlocked", G_CALLBACK (on_unlocked), self);
  g_object_bind_property (self, "outbox", self->staff_panel, "outbox", G_BINDING_SYNC_CREATE);
  add_staff_gesture (self, kiosk_attract_page_get_name_label (self->attract_page), "kiosk.start");
  add_staff_gesture (self, kiosk_top_bar_get_title_label (self->top_bar), NULL);
  set_unlocked (self, FALSE);
}

void
kiosk_window_staff_dispose (KioskWindow *self)
{
  g_clear_handle_id (&self->staff_timeout_source, g_source_remove);
  if (self->pin_pad != NULL)
    g_signal_handlers_disconnect_by_data (self->pin_pad, self);
  g_clear_pointer (&self->staff_return_page, g_free);
}

/**
 * kiosk_window_get_staff_pin:
 * @self: the window
 *
 * Returns: (transfer none): the staff PIN the PIN pad checks
 */
KioskStaffPin *
kiosk_window_get_staff_pin (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return kiosk_pin_pad_get_staff_pin (self->pin_pad);
}

/**
 * kiosk_window_set_staff_pin:
 * @self: the window
 * @staff_pin: the staff PIN (by default, the one in the user's config folder)
 */
void
kiosk_window_set_staff_pin (KioskWindow   *self,
                            KioskStaffPin *staff_pin)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));
  g_return_if_fail (KIOSK_IS_STAFF_PIN (staff_pin));

  kiosk_pin_pad_set_staff_pin (self->pin_pad, staff_pin);
}

guint
kiosk_window_get_staff_timeout (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), 0);

  return self->staff_timeout;
}

/**
 * kiosk_window_set_staff_timeout:
 * @self: the window
 * @seconds: how long staff pages stay open without a touch (60 by default)
 */
void
kiosk_window_set_staff_timeout (KioskWindow *self,
                                guint        seconds)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));
  g_return_if_fail (seconds > 0);

  self->staff_timeout = seconds;
  if (self->staff_timeout_source != 0)
    restart_staff_timer (self);
}

gboolean
kiosk_window_get_staff_unlocked (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), FALSE);

  return self->staff_unlocked;
}
