/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking-page-submit.c: the booking's review, its one submission, and the outcome screens. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kiosk-booking-page-private.h"
#include "kiosk-format.h"

/* ---- review ---- */

static const char *
health_words (const char *note)
{
  if (g_strcmp0 (note, "sciatica") == 0)
    return _("Sciatica or lower-back pain");
  if (g_strcmp0 (note, "pregnancy") == 0)
    return _("Pregnancy");
  if (g_strcmp0 (note, "injury") == 0)
    return _("A recent injury or surgery");
  if (g_strcmp0 (note, "prefer-not-to-say") == 0)
    return _("None of these, or I prefer not to say");
  return _("Nothing chosen");
}

static void
add_review_row (KioskBookingPage *self,
                int               row,
                const char       *title,
                const char       *value,
                const char       *step)
{
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *edit = gtk_button_new_with_label (_("Change"));
  /* TRANSLATORS: the accessible name of a review row's button: "Change Name" */
  g_autofree char *edit_name = g_strdup_printf (_("Change %s"), title);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_set_valign (title_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (title_label, "kiosk-review-title");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_add_css_class (value_label, "kiosk-review-value");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "booking.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", step);
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "kiosk-nav-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);

  gtk_grid_attach (self->review_grid, title_label, 0, row, 1, 1);
  gtk_grid_attach (self->review_grid, value_label, 1, row, 1, 1);
  gtk_grid_attach (self->review_grid, edit, 2, row, 1, 1);
}

static char *
describe_when (const char *slot)
{
  g_autofree char *day = kiosk_format_slot_day (slot, NULL);
  g_autofree char *time = kiosk_format_slot_time (slot);

  if (day == NULL || time == NULL)
    return g_strdup ("");
  /* TRANSLATORS: a day and a time: "Tomorrow at 2:30 PM" */
  return g_strdup_printf (_("%s at %s"), day, time);
}

/* 801-555-0123 from what was typed; as typed when it is not a US number. */
static char *
format_phone (const char *typed)
{
  g_autofree char *digits = kiosk_booking_normalize_phone (typed);
  char *text;

  if (digits == NULL)
    return g_strdup (typed);
  text = g_strdup_printf ("%.3s-%.3s-%.4s", digits, digits + 3, digits + 6);
  explicit_bzero (digits, strlen (digits));
  return text;
}

/* Every row rebuilt from the session, in the current language. */
void
kiosk_booking_page_review_refill (KioskBookingPage *self)
{
  KioskBookingSession *s = self->session;
  g_autofree char *service = kiosk_booking_page_describe_service (
      self, kiosk_booking_session_get_service_id (s), kiosk_booking_session_get_duration (s));
  g_autofree char *when = describe_when (kiosk_booking_session_get_slot (s));
  g_autofree char *name = g_strdup_printf ("%s %s",
      kiosk_booking_session_get_field (s, KIOSK_BOOKING_FIELD_FIRST_NAME),
      kiosk_booking_session_get_field (s, KIOSK_BOOKING_FIELD_LAST_NAME));
  const char *email = kiosk_booking_session_get_field (s, KIOSK_BOOKING_FIELD_EMAIL);
  g_autofree char *phone = format_phone (kiosk_booking_session_get_field (s, KIOSK_BOOKING_FIELD_PHONE));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_grid))) != NULL)
    gtk_grid_remove (self->review_grid, child);

  add_review_row (self, 0, _("Massage"), service, "service");
  add_review_row (self, 1, _("Day and time"), when, "time");
  add_review_row (self, 2, _("Name"), name, "details");
  add_review_row (self, 3, _("Mobile phone"), phone, "details");
  add_review_row (self, 4, _("Email"), *email != '\0' ? email : _("None given"), "details");
  add_review_row (self, 5, _("Health note"),
                  health_words (kiosk_booking_session_get_health_note (s)), "health");
  explicit_bzero (name, strlen (name));
  explicit_bzero (phone, strlen (phone));
}

/* ---- outcome ---- */

static void
update_countdown (KioskBookingPage *self)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This screen clears in %u second.",
                                       "This screen clears in %u seconds.",
                                       self->countdown_left),
                          self->countdown_left);
  gtk_label_set_label (self->outcome_countdown, text);
}

static gboolean
countdown_tick (gpointer data)
{
  KioskBookingPage *self = data;

  if (self->countdown_left > 1)
    {
      self->countdown_left--;
      update_countdown (self);
      return G_SOURCE_CONTINUE;
    }
  self->countdown_id = 0;
  gtk_widget_activate_action (GTK_WIDGET (self), "booking.done", NULL);
  return G_SOURCE_REMOVE;
}

void
kiosk_booking_page_outcome_stop (KioskBookingPage *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_pointer (&self->outcome_reference_text, g_free);
  g_clear_pointer (&self->outcome_service, g_free);
  g_clear_pointer (&self->outcome_slot, g_free);
  self->outcome_duration = 0;
}

static void
set_outcome_texts (KioskBookingPage *self,
                   const char       *icon,
                   const char       *title,
                   const char       *text)
{
  gtk_image_set_from_icon_name (self->outcome_icon, icon);
  gtk_label_set_label (self->outcome_title, title);
  gtk_label_set_label (self->outcome_text, text);
}

/* Every text of the outcome shown, in the current language. */
void
kiosk_booking_page_outcome_refill (KioskBookingPage *self)
{
  const char *phone = self->content ? kiosk_content_get_phone (self->content) : "";
  g_autofree char *service = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->outcome_reference), self->outcome_reference_text != NULL);
  gtk_label_set_label (self->outcome_reference,
                       self->outcome_reference_text ? self->outcome_reference_text : "");
  update_countdown (self);

  switch (self->outcome)
    {
    case KIOSK_OUTBOX_OUTCOME_CONFIRMED:
      service = kiosk_booking_page_describe_service (self, self->outcome_service,
                                                     self->outcome_duration);
      when = describe_when (self->outcome_slot);
      /* TRANSLATORS: %1$s is the massage, %2$s its day and time; the
       * booking reference is shown above this text */
      text = g_strdup_printf (_("%1$s\n%2$s\n\nShow this number at the front desk. Please take a "
                                "seat, we will call you."), service, when);
      set_outcome_texts (self, "emblem-ok-symbolic", _("You are booked"), text);
      break;
    case KIOSK_OUTBOX_OUTCOME_QUEUED:
      set_outcome_texts (self, "document-save-symbolic", _("Your booking is saved"),
                         _("Our booking system did not answer just now, so your booking is saved "
                           "on this kiosk and will be sent. The front desk will confirm it with "
                           "you. Please take a seat."));
      break;
    case KIOSK_OUTBOX_OUTCOME_TAKEN:
    case KIOSK_OUTBOX_OUTCOME_REJECTED:
    case KIOSK_OUTBOX_OUTCOME_ERROR:
    default:
      /* TRANSLATORS: %s is the spa's phone number */
      text = g_strdup_printf (_("Nothing was booked. Please ask at the front desk, or call us "
                                "at %s. We are sorry for the trouble."), phone);
      set_outcome_texts (self, "dialog-warning-symbolic", _("We could not book this here"), text);
      break;
    }
}

static void
show_outcome (KioskBookingPage   *self,
              KioskOutboxOutcome  outcome,
              const char         *reference)
{
  self->outcome = outcome;
  g_free (self->outcome_reference_text);
  self->outcome_reference_text = g_strdup (reference);
  self->outcome_service = g_strdup (kiosk_booking_session_get_service_id (self->session));
  self->outcome_slot = g_strdup (kiosk_booking_session_get_slot (self->session));
  self->outcome_duration = kiosk_booking_session_get_duration (self->session);

  /* What the customer typed is not needed any more: wipe it now, not in
   * 20 seconds. The outcome shows only the massage, time and reference. */
  kiosk_booking_session_clear (self->session);
  kiosk_booking_page_form_clear (self);
  kiosk_booking_page_health_refill (self);

  self->countdown_left = KIOSK_OUTCOME_SECONDS;
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  self->countdown_id = g_timeout_add_seconds (1, countdown_tick, self);
  kiosk_booking_page_outcome_refill (self);
  kiosk_booking_page_show_step (self, "outcome");
}

static void
on_submitted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KioskBookingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  KioskOutboxOutcome outcome;

  outcome = kiosk_outbox_submit_finish (KIOSK_OUTBOX (source), result, &reference, &error);
  if (error != NULL && kiosk_api_error_is_cancelled (error))
    return;
  if (!self->submitting)
    return;
  self->submitting = FALSE;
  g_clear_object (&self->submit_cancellable);
  if (error != NULL)
    g_debug ("The booking was not made: %s", error->message);

  if (outcome == KIOSK_OUTBOX_OUTCOME_TAKEN)
    {
      /* Everything typed stays; only the time goes, and the times reload. */
      kiosk_booking_session_set_slot (self->session, NULL);
      self->slot_taken = TRUE;
      kiosk_booking_page_show_step (self, "time");
      return;
    }
  show_outcome (self, outcome, reference);
}

/**
 * kiosk_booking_page_submit:
 * @self: the booking page
 *
 * Hands the booking to the queue, once: the button and its action stay
 * off until the queue has answered.
 */
void
kiosk_booking_page_submit (KioskBookingPage *self)
{
  g_auto(KioskBookingDetails) details = { NULL, };

  if (self->submitting || self->outbox == NULL)
    return;
  if (!kiosk_booking_session_to_details (self->session, &details))
    {
      kiosk_booking_page_show_step (self, "details");
      kiosk_booking_page_form_validate (self);
      return;
    }

  self->submitting = TRUE;
  self->submit_cancellable = g_cancellable_new ();
  kiosk_booking_page_show_step (self, "review");
  kiosk_outbox_submit_async (self->outbox, &details, self->submit_cancellable,
                             on_submitted, g_object_ref (self));
}
