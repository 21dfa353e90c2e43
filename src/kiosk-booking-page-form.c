/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking-page-form.c: the booking's details typed on the kiosk keyboard, and the health note. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-booking-page-private.h"

/* Longest text each field takes: the backend's limits. */
static const int max_lengths[KIOSK_BOOKING_N_FIELDS] = { 100, 100, 20, 254 };

static const struct {
  const char *id;
  const char *label;
} health_options[] = {
  { "sciatica", N_("Sciatica or lower-back pain") },
  { "pregnancy", N_("Pregnancy") },
  { "injury", N_("A recent injury or surgery") },
  { "prefer-not-to-say", N_("None of these, or I prefer not to say") },
};

static int
field_of (KioskBookingPage *self,
          GtkWidget        *entry)
{
  for (int i = 0; i < KIOSK_BOOKING_N_FIELDS; i++)
    if (GTK_WIDGET (self->entries[i]) == entry)
      return i;
  return -1;
}

static void
update_error (KioskBookingPage  *self,
              KioskBookingField  field)
{
  const char *problem = kiosk_booking_session_check_field (self->session, field);
  gboolean show = self->touched[field] && problem != NULL;

  gtk_label_set_label (self->error_labels[field], show ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_labels[field]), show);
  if (show)
    gtk_widget_add_css_class (GTK_WIDGET (self->entries[field]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entries[field]), "error");
}

/* The session is the truth; the entry only shows it. */
static void
on_entry_changed (GtkEditable      *editable,
                  KioskBookingPage *self)
{
  int field = field_of (self, GTK_WIDGET (editable));

  if (field < 0)
    return;
  kiosk_booking_session_set_field (self->session, field, gtk_editable_get_text (editable));
  update_error (self, field);
  /* Typing is a customer at work, even where the window sees no input of
   * its own: the keyboard's accent row is a popover, another surface. */
  if (gtk_widget_get_mapped (GTK_WIDGET (editable)))
    gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.still-here", NULL);
}

/* Scrolls the form so the field being typed into shows whole, with its
 * label and its message; for a few frames, as a new focus or layout
 * settles (a tick comes before that frame's layout). */
static gboolean
scroll_to_focus (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->form_scroller);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *field = NULL;
  graphene_rect_t bounds;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  for (int i = 0; i < KIOSK_BOOKING_N_FIELDS && focus != NULL; i++)
    if (focus == GTK_WIDGET (self->entries[i])
        || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->entries[i])))
      field = gtk_widget_get_parent (GTK_WIDGET (self->entries[i]));

  if (field != NULL && gtk_widget_compute_bounds (field, GTK_WIDGET (self->form_box), &bounds))
    {
      if (bounds.origin.y < value)
        gtk_adjustment_set_value (adjustment, bounds.origin.y - 12);
      else if (bounds.origin.y + bounds.size.height > value + page)
        gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page + 12);
    }
  if (--self->scroll_frames > 0)
    return G_SOURCE_CONTINUE;
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

void
kiosk_booking_page_form_scroll_to_focus (KioskBookingPage *self)
{
  self->scroll_frames = 4;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_focus,
                                                         NULL, NULL);
}

static void
on_entry_focus_enter (GtkEventControllerFocus *controller,
                      KioskBookingPage        *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int field = field_of (self, entry);

  kiosk_keyboard_set_mode (self->keyboard,
                           field == KIOSK_BOOKING_FIELD_PHONE ? KIOSK_KEYBOARD_MODE_DIGITS
                           : field == KIOSK_BOOKING_FIELD_EMAIL ? KIOSK_KEYBOARD_MODE_EMAIL
                           : KIOSK_KEYBOARD_MODE_LETTERS);
  kiosk_keyboard_set_capitalize (self->keyboard, field == KIOSK_BOOKING_FIELD_FIRST_NAME
                                                 || field == KIOSK_BOOKING_FIELD_LAST_NAME);
  kiosk_keyboard_set_target (self->keyboard, GTK_EDITABLE (entry));
  kiosk_booking_page_form_scroll_to_focus (self);
}

/* A field left with something in it shows what is wrong with it. */
static void
on_entry_focus_leave (GtkEventControllerFocus *controller,
                      KioskBookingPage        *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int field = field_of (self, entry);

  if (field >= 0 && *gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    {
      self->touched[field] = TRUE;
      update_error (self, field);
    }
}

/* A long press or a right click on an entry would open GTK's Copy, Paste
 * and Emoji menu, which could carry one customer's text to the next. These
 * gestures run first, take the press for themselves and only focus. */
static void
claim_and_focus (GtkGesture *gesture)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (entry);
}

static void
on_long_press (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               gpointer             user_data)
{
  claim_and_focus (GTK_GESTURE (gesture));
}

static void
on_right_click (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                gpointer         user_data)
{
  claim_and_focus (GTK_GESTURE (gesture));
}

static void
guard_entry (GtkWidget *entry)
{
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  GtkGesture *right_click = gtk_gesture_click_new ();

  /* Sooner than GtkText's own long press, which it then never sees. */
  gtk_gesture_long_press_set_delay_factor (GTK_GESTURE_LONG_PRESS (long_press), 0.5);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (long_press), GTK_PHASE_CAPTURE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_press), NULL);
  gtk_widget_add_controller (entry, GTK_EVENT_CONTROLLER (long_press));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (right_click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (right_click), GTK_PHASE_CAPTURE);
  g_signal_connect (right_click, "pressed", G_CALLBACK (on_right_click), NULL);
  gtk_widget_add_controller (entry, GTK_EVENT_CONTROLLER (right_click));
}

static void
on_keyboard_done (KioskKeyboard    *keyboard,
                  KioskBookingPage *self)
{
  GtkEditable *target = kiosk_keyboard_get_target (keyboard);
  int field = target != NULL ? field_of (self, GTK_WIDGET (target)) : -1;

  if (field >= 0 && field + 1 < KIOSK_BOOKING_N_FIELDS)
    gtk_widget_grab_focus (GTK_WIDGET (self->entries[field + 1]));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "booking.next", NULL);
}

void
kiosk_booking_page_form_init (KioskBookingPage *self)
{
  for (int i = 0; i < KIOSK_BOOKING_N_FIELDS; i++)
    {
      GtkWidget *entry = GTK_WIDGET (self->entries[i]);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      kiosk_keyboard_prepare_entry (entry);
      gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
      gtk_entry_set_max_length (self->entries[i], max_lengths[i]);
      gtk_entry_set_input_purpose (self->entries[i],
                                   i == KIOSK_BOOKING_FIELD_PHONE ? GTK_INPUT_PURPOSE_PHONE
                                   : i == KIOSK_BOOKING_FIELD_EMAIL ? GTK_INPUT_PURPOSE_EMAIL
                                   : GTK_INPUT_PURPOSE_NAME);
      guard_entry (entry);
      g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), self);
      g_signal_connect (focus, "enter", G_CALLBACK (on_entry_focus_enter), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_leave), self);
      gtk_widget_add_controller (entry, focus);
    }
  g_signal_connect (self->keyboard, "done", G_CALLBACK (on_keyboard_done), self);
}

/* Entries show the session, which a language switch leaves alone. */
void
kiosk_booking_page_form_refill (KioskBookingPage *self)
{
  for (int i = 0; i < KIOSK_BOOKING_N_FIELDS; i++)
    {
      const char *text = kiosk_booking_session_get_field (self->session, i);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entries[i])), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->entries[i]), text);
      update_error (self, i);
    }
}

/* Empties every entry and forgets which were touched. */
void
kiosk_booking_page_form_clear (KioskBookingPage *self)
{
  kiosk_keyboard_set_target (self->keyboard, NULL);
  for (int i = 0; i < KIOSK_BOOKING_N_FIELDS; i++)
    {
      self->touched[i] = FALSE;
      gtk_editable_set_text (GTK_EDITABLE (self->entries[i]), "");
      update_error (self, i);
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->form_scroller), 0);
}

/* The first field that still needs something takes the focus. */
void
kiosk_booking_page_form_focus (KioskBookingPage *self)
{
  for (int i = 0; i < KIOSK_BOOKING_N_FIELDS; i++)
    if (kiosk_booking_session_check_field (self->session, i) != NULL
        || i == KIOSK_BOOKING_N_FIELDS - 1)
      {
        gtk_widget_grab_focus (GTK_WIDGET (self->entries[i]));
        return;
      }
}

/* Shows every problem; TRUE when there is none. */
gboolean
kiosk_booking_page_form_validate (KioskBookingPage *self)
{
  for (int i = 0; i < KIOSK_BOOKING_N_FIELDS; i++)
    {
      self->touched[i] = TRUE;
      update_error (self, i);
    }
  if (kiosk_booking_session_details_complete (self->session))
    return TRUE;
  kiosk_booking_page_form_focus (self);
  return FALSE;
}

/* On a wide screen the form sits beside the keyboard, so the keyboard
 * never covers the field; on a tall one, above it. */
void
kiosk_booking_page_form_set_wide (KioskBookingPage *self,
                                  gboolean          wide)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->details_box),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_valign (GTK_WIDGET (self->keyboard), wide ? GTK_ALIGN_CENTER : GTK_ALIGN_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->keyboard), !wide);
  /* What the keyboard leaves at 1280 px: its keys need 840. */
  gtk_widget_set_size_request (GTK_WIDGET (self->form_scroller), wide ? 400 : -1, -1);
  kiosk_booking_page_form_scroll_to_focus (self);
}

static void
health_activated (GtkToggleButton  *button,
                  KioskBookingPage *self)
{
  const char *note = g_object_get_data (G_OBJECT (button), "kiosk-health-note");

  if (gtk_toggle_button_get_active (button))
    kiosk_booking_session_set_health_note (self->session, note);
  else if (g_strcmp0 (kiosk_booking_session_get_health_note (self->session), note) == 0)
    kiosk_booking_session_set_health_note (self->session, NULL);
}

/* The four choices, rebuilt in the current language with the session's
 * answer checked. */
void
kiosk_booking_page_health_refill (KioskBookingPage *self)
{
  const char *chosen = kiosk_booking_session_get_health_note (self->session);
  GtkToggleButton *group = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->health_box))) != NULL)
    gtk_flow_box_remove (self->health_box, child);

  for (gsize i = 0; i < G_N_ELEMENTS (health_options); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(health_options[i].label));

      gtk_widget_set_name (button, health_options[i].id);
      g_object_set_data (G_OBJECT (button), "kiosk-health-note", (gpointer) health_options[i].id);
      gtk_widget_add_css_class (button, "kiosk-choice-button");
      gtk_widget_add_css_class (button, "kiosk-health-button");
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))),
                             GTK_JUSTIFY_CENTER);
      /* Two by two on a landscape screen, so all four show without scrolling. */
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 20);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    g_strcmp0 (chosen, health_options[i].id) == 0);
      g_signal_connect (button, "toggled", G_CALLBACK (health_activated), self);
      gtk_flow_box_append (self->health_box, button);
    }
}
