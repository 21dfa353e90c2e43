/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking-page.c: booking by touch: massage and length, day and time, then the next steps. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-booking-page-private.h"
#include "kiosk-format.h"
#include "kiosk-page.h"
#include "kiosk-service-card.h"

/*
 * The steps are pages of one stack: service, time, details, health,
 * review, outcome, and unavailable when the kiosk has no backend. What the
 * customer chose lives in a KioskBookingSession; the widgets only show it,
 * so refill() can rebuild every text in another language at any time.
 */

static void kiosk_booking_page_page_init (KioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KioskBookingPage, kiosk_booking_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (KIOSK_TYPE_PAGE, kiosk_booking_page_page_init))

enum {
  PROP_0,
  PROP_SERVICE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const step_order[] = { "service", "time", "details", "health", "review" };

static int
step_index (const char *step)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_order); i++)
    if (g_strcmp0 (step_order[i], step) == 0)
      return (int) i;
  return -1;
}

static const char *
current_step (KioskBookingPage *self)
{
  return gtk_stack_get_visible_child_name (self->steps);
}

static gboolean
backend_ready (KioskBookingPage *self)
{
  return self->api_client != NULL && self->outbox != NULL;
}

/* Brings @widget to the top of @scroller once laid out; a tick comes
 * before its frame's layout, hence a few frames. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroll_scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroll_scroller);
  graphene_point_t point;

  if (gtk_widget_compute_point (self->scroll_target, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, point.y - 16);
  if (--self->scroll_target_frames > 0)
    return G_SOURCE_CONTINUE;
  self->scroll_target_id = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to (KioskBookingPage  *self,
           GtkScrolledWindow *scroller,
           GtkWidget         *target)
{
  self->scroll_scroller = scroller;
  self->scroll_target = target;
  self->scroll_target_frames = 3;
  if (self->scroll_target_id == 0)
    self->scroll_target_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick,
                                                           NULL, NULL);
}

/* ---- the service step ---- */

static KioskService *
find_service (KioskBookingPage *self,
              const char       *id)
{
  if (self->content == NULL || id == NULL)
    return NULL;
  return kiosk_content_find_service (self->content, id);
}

/* "Thai Massage, 90 minutes, $125", for the summary lines and the review. */
char *
kiosk_booking_page_describe_service (KioskBookingPage *self,
                                     const char       *service_id,
                                     guint             duration)
{
  KioskService *service = find_service (self, service_id);
  g_autofree char *minutes = NULL;
  g_autofree char *price = NULL;

  if (service == NULL)
    return g_strdup ("");
  if (duration == 0)
    return g_strdup (kiosk_service_get_name (service, self->language));

  for (guint i = 0; i < kiosk_service_get_n_options (service); i++)
    {
      guint option_minutes, option_price;

      kiosk_service_get_option (service, i, &option_minutes, &option_price);
      if (option_minutes == duration)
        price = kiosk_content_format_price (self->content, option_price, self->language);
    }
  minutes = kiosk_content_format_duration (self->content, duration, self->language);
  /* TRANSLATORS: a massage, its length and its price: "Thai Massage, 90 min, $125" */
  return g_strdup_printf (_("%s, %s, %s"), kiosk_service_get_name (service, self->language),
                          minutes, price != NULL ? price : "");
}

static void
update_cards (KioskBookingPage *self)
{
  const char *chosen = kiosk_booking_session_get_service_id (self->session);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      KioskServiceCard *card =
        KIOSK_SERVICE_CARD (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));

      kiosk_service_card_set_chosen (card, g_strcmp0 (kiosk_service_card_get_service_id (card),
                                                      chosen) == 0);
    }
}

static GtkWidget *
make_duration_button (KioskBookingPage *self,
                      guint             minutes,
                      guint             price_minor)
{
  g_autofree char *length = kiosk_content_format_duration (self->content, minutes, self->language);
  g_autofree char *price = kiosk_content_format_price (self->content, price_minor, self->language);
  /* TRANSLATORS: a length of massage and its price on a button: "60 min · $80" */
  g_autofree char *text = g_strdup_printf (_("%s · %s"), length, price);
  GtkWidget *button = gtk_toggle_button_new_with_label (text);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "booking.duration");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", minutes);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                kiosk_booking_session_get_duration (self->session) == minutes);
  gtk_widget_add_css_class (button, "kiosk-choice-button");
  return button;
}

/* The tapped button stays; only which one is checked changes. */
static void
sync_durations (KioskBookingPage *self)
{
  guint chosen = kiosk_booking_session_get_duration (self->session);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->durations_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child),
                                    g_variant_get_uint32 (target) == chosen);
    }
}

static void
update_service_step (KioskBookingPage *self)
{
  KioskService *service = find_service (self, kiosk_booking_session_get_service_id (self->session));
  GtkWidget *child;

  update_cards (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->durations_box))) != NULL)
    gtk_box_remove (self->durations_box, child);

  gtk_label_set_label (self->choice_label,
                       service == NULL ? _("Touch the massage you would like.")
                                       : _("Now choose how long you would like it."));
  gtk_label_set_label (self->duration_heading, _("How long?"));
  gtk_widget_set_visible (GTK_WIDGET (self->duration_heading), service != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->durations_box), service != NULL);
  if (service == NULL)
    return;

  for (guint i = 0; i < kiosk_service_get_n_options (service); i++)
    {
      guint minutes, price;

      kiosk_service_get_option (service, i, &minutes, &price);
      gtk_box_append (self->durations_box, make_duration_button (self, minutes, price));
    }
}

static void
fill_cards (KioskBookingPage *self)
{
  GListModel *services = kiosk_content_get_services (self->content);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_flow_box_remove (self->cards_box, child);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(KioskService) service = g_list_model_get_item (services, i);
      GtkWidget *card = kiosk_service_card_new (self->content, service, self->language);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (card), "booking.choose");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (card), "s", kiosk_service_get_id (service));
      gtk_flow_box_append (self->cards_box, card);
    }
}

/* A massage comes with its first length chosen: one tap less for most. */
static void
choose_service (KioskBookingPage *self,
                const char       *id)
{
  KioskService *service = find_service (self, id);

  if (g_strcmp0 (kiosk_booking_session_get_service_id (self->session), id) == 0)
    return;
  kiosk_booking_session_set_service_id (self->session, service != NULL ? id : NULL);
  if (service != NULL && kiosk_service_get_n_options (service) > 0)
    {
      guint minutes, price;

      kiosk_service_get_option (service, 0, &minutes, &price);
      kiosk_booking_session_set_option (self->session, minutes, price);
    }
  update_service_step (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_ID]);
}

/* ---- the time step ---- */

static GTimeZone *
spa_zone (KioskBookingPage *self)
{
  GTimeZone *zone = g_time_zone_new_identifier (self->time_zone ? self->time_zone
                                                                : KIOSK_SPA_TIME_ZONE);

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

static void
set_day_label (GtkWidget  *button,
               const char *text)
{
  GtkWidget *label;

  gtk_button_set_label (GTK_BUTTON (button), text);
  label = gtk_button_get_child (GTK_BUTTON (button));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
}

/* The seven days from today in the spa's zone. The buttons are made once
 * and relabelled after, so a tapped button is never destroyed under the
 * finger; they are made anew only when the day changes at midnight. */
static void
fill_days (KioskBookingPage *self)
{
  g_autoptr(GTimeZone) zone = spa_zone (self);
  g_autoptr(GDate) today = kiosk_format_today_in (zone, NULL);
  g_autofree char *today_iso = kiosk_format_iso_date (today);
  const char *chosen = kiosk_booking_session_get_day (self->session);
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->days_box));
  GtkWidget *child;
  guint i = 0;

  if (first != NULL
      && g_strcmp0 (g_object_get_data (G_OBJECT (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (first))),
                                       "kiosk-day"), today_iso) != 0)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))) != NULL)
        gtk_flow_box_remove (self->days_box, child);
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->days_box)) == NULL)
    for (guint n = 0; n < KIOSK_BOOKING_DAYS; n++)
      {
        g_autoptr(GDate) day = g_date_copy (today);
        GtkWidget *button = gtk_toggle_button_new ();

        g_date_add_days (day, n);
        g_object_set_data_full (G_OBJECT (button), "kiosk-day", kiosk_format_iso_date (day), g_free);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "booking.day");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                          g_object_get_data (G_OBJECT (button), "kiosk-day"));
        gtk_widget_add_css_class (button, "kiosk-choice-button");
        gtk_flow_box_append (self->days_box, button);
      }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *iso = g_object_get_data (G_OBJECT (button), "kiosk-day");
      g_autoptr(GDate) day = g_date_copy (today);
      g_autofree char *text = NULL;

      g_date_add_days (day, i);
      text = kiosk_format_date_lines (day, today);
      set_day_label (button, text);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), g_strcmp0 (chosen, iso) == 0);
    }
}

static void
fill_slots (KioskBookingPage *self)
{
  const char *chosen = kiosk_booking_session_get_slot (self->session);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slots_box))) != NULL)
    gtk_flow_box_remove (self->slots_box, child);

  for (guint i = 0; self->slots != NULL && self->slots[i] != NULL; i++)
    {
      g_autofree char *text = kiosk_format_slot_time (self->slots[i]);
      GtkWidget *button = gtk_button_new_with_label (text != NULL ? text : self->slots[i]);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "booking.slot");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", self->slots[i]);
      gtk_widget_add_css_class (button, "kiosk-slot-button");
      if (g_strcmp0 (chosen, self->slots[i]) == 0)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_flow_box_append (self->slots_box, button);
    }
}

/* Every text of the time step, from what is known: safe in any language. */
static void
update_time_step (KioskBookingPage *self)
{
  g_autofree char *summary = kiosk_booking_page_describe_service (
      self, kiosk_booking_session_get_service_id (self->session),
      kiosk_booking_session_get_duration (self->session));
  g_autofree char *zone_words = kiosk_format_time_zone (self->time_zone);
  /* TRANSLATORS: %s is the spa's time zone in words, e.g. "Mountain Time" */
  g_autofree char *zone = g_strdup_printf (_("Times are %s"), zone_words);
  const char *phone = self->content ? kiosk_content_get_phone (self->content) : "";
  /* TRANSLATORS: %s is the spa's phone number */
  g_autofree char *error = g_strdup_printf (_("We cannot reach our booking system right now. "
                                              "Please try again, ask at the front desk, "
                                              "or call us at %s."), phone);

  gtk_label_set_label (self->time_summary_label, summary);
  gtk_label_set_label (self->zone_label, zone);
  gtk_label_set_label (self->slots_error_label, error);
  gtk_label_set_label (self->slots_empty_label,
                       _("There are no free times left on this day. Please choose another day."));
  gtk_label_set_label (self->time_message_label,
                       _("Sorry, someone just booked that time. Please choose another time."));
  gtk_widget_set_visible (self->time_message_box, self->slot_taken);
  fill_days (self);
  fill_slots (self);
}

/* A spinning GtkSpinner keeps its CSS animation running even off screen,
 * and with it the window's frame clock at 60 frames a second: .ci/bench
 * measured 2.25 % CPU and 790 wake-ups/s on an idle attract screen while
 * this one spun from the start. It spins only while on screen. */
static void
update_slots_spinner (KioskBookingPage *self)
{
  gtk_spinner_set_spinning (self->slots_spinner,
                            gtk_widget_get_mapped (GTK_WIDGET (self->slots_spinner))
                            && g_strcmp0 (self->slots_state, "loading") == 0);
}

/* loading, slots, empty or error: one of the four shows. */
static void
set_slots_state (KioskBookingPage *self,
                 const char       *state)
{
  self->slots_state = state;
  gtk_widget_set_visible (self->slots_loading, g_str_equal (state, "loading"));
  gtk_widget_set_visible (GTK_WIDGET (self->slots_box), g_str_equal (state, "slots"));
  gtk_widget_set_visible (GTK_WIDGET (self->slots_empty_label), g_str_equal (state, "empty"));
  gtk_widget_set_visible (self->slots_error, g_str_equal (state, "error"));
  update_slots_spinner (self);
}

static void
on_availability (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KioskBookingPage) self = user_data;
  g_autoptr(KioskApiAvailability) availability = NULL;
  g_autoptr(GError) error = NULL;

  availability = kiosk_api_client_get_availability_finish (KIOSK_API_CLIENT (source), result, &error);
  if (error != NULL && kiosk_api_error_is_cancelled (error))
    return;
  g_clear_object (&self->availability_cancellable);

  g_clear_pointer (&self->slots, g_strfreev);
  if (availability == NULL)
    {
      g_debug ("Could not load the free times: %s", error->message);
      set_slots_state (self, "error");
      return;
    }

  self->slots = g_strdupv (availability->slots);
  if (availability->time_zone != NULL && g_strcmp0 (availability->time_zone, self->time_zone) != 0)
    {
      g_free (self->time_zone);
      self->time_zone = g_strdup (availability->time_zone);
    }
  update_time_step (self);
  set_slots_state (self, g_strv_length (self->slots) > 0 ? "slots" : "empty");
  /* After a taken time, the message and the fresh times come into view. */
  if (self->slot_taken)
    scroll_to (self, self->time_scroller, GTK_WIDGET (self->zone_label));
}

/**
 * kiosk_booking_page_load_times:
 * @self: the booking page
 *
 * Asks the backend afresh for the free times of the chosen massage, length
 * and day (today when none is chosen), with a spinner meanwhile.
 */
void
kiosk_booking_page_load_times (KioskBookingPage *self)
{
  g_autoptr(GTimeZone) zone = spa_zone (self);

  if (kiosk_booking_session_get_day (self->session) == NULL)
    {
      g_autoptr(GDate) today = kiosk_format_today_in (zone, NULL);
      g_autofree char *iso = kiosk_format_iso_date (today);

      kiosk_booking_session_set_day (self->session, iso);
    }

  g_cancellable_cancel (self->availability_cancellable);
  g_clear_object (&self->availability_cancellable);
  g_clear_pointer (&self->slots, g_strfreev);
  update_time_step (self);
  if (!backend_ready (self) || kiosk_booking_session_get_service_id (self->session) == NULL)
    return;

  self->availability_cancellable = g_cancellable_new ();
  set_slots_state (self, "loading");
  kiosk_api_client_get_availability_async (self->api_client,
                                           kiosk_booking_session_get_service_id (self->session),
                                           kiosk_booking_session_get_day (self->session),
                                           kiosk_booking_session_get_duration (self->session),
                                           self->availability_cancellable,
                                           on_availability, g_object_ref (self));
}

/* ---- moving between steps ---- */

static void
update_action_bar (KioskBookingPage *self)
{
  const char *step = current_step (self);
  int index = step_index (step);
  gboolean review = g_strcmp0 (step, "review") == 0;
  gboolean can_next = TRUE;

  gtk_widget_set_visible (self->action_bar, index >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), index >= 0 && !review
                          && g_strcmp0 (step, "time") != 0);
  gtk_widget_set_visible (self->submit_button, review);

  if (g_strcmp0 (step, "service") == 0)
    can_next = kiosk_booking_session_get_service_id (self->session) != NULL
               && kiosk_booking_session_get_duration (self->session) > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "booking.next", can_next);

  if (g_strcmp0 (step, "service") == 0)
    gtk_button_set_label (self->next_button, _("Choose a time"));
  else if (g_strcmp0 (step, "health") == 0)
    gtk_button_set_label (self->next_button, _("Review my booking"));
  else
    gtk_button_set_label (self->next_button, _("Continue"));
  gtk_label_set_label (self->submit_label, self->submitting ? _("Booking…") : _("Book now"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "booking.submit",
                                 review && !self->submitting && backend_ready (self));
  gtk_widget_set_sensitive (self->submit_button, !self->submitting);
  gtk_widget_set_sensitive (self->cancel_button, !self->submitting);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_spinner), self->submitting);
  gtk_spinner_set_spinning (self->submit_spinner, self->submitting);
}

static GtkScrolledWindow *
step_scroller (KioskBookingPage *self,
               const char       *step)
{
  if (g_strcmp0 (step, "service") == 0)
    return self->service_scroller;
  if (g_strcmp0 (step, "time") == 0)
    return self->time_scroller;
  if (g_strcmp0 (step, "health") == 0)
    return self->health_scroller;
  if (g_strcmp0 (step, "review") == 0)
    return self->review_scroller;
  return NULL;
}

/**
 * kiosk_booking_page_show_step:
 * @self: the booking page
 * @step: service, time, details, health, review or outcome
 *
 * Shows a step, from its top; without a backend, says where to book instead.
 */
void
kiosk_booking_page_show_step (KioskBookingPage *self,
                              const char       *step)
{
  GtkScrolledWindow *scroller;

  if (!backend_ready (self) && g_strcmp0 (step, "outcome") != 0)
    step = "unavailable";
  if (g_strcmp0 (step, "details") != 0)
    kiosk_keyboard_set_target (self->keyboard, NULL);

  scroller = step_scroller (self, step);
  if (scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
  gtk_stack_set_visible_child_name (self->steps, step);

  if (g_strcmp0 (step, "time") == 0)
    kiosk_booking_page_load_times (self);
  else if (g_strcmp0 (step, "details") == 0)
    kiosk_booking_page_form_focus (self);
  else if (g_strcmp0 (step, "review") == 0)
    kiosk_booking_page_review_refill (self);
  update_action_bar (self);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (widget);
  int index = step_index (current_step (self));

  if (index < 0 || index + 1 >= (int) G_N_ELEMENTS (step_order))
    return;
  if (index == 0 && kiosk_booking_session_get_duration (self->session) == 0)
    return;
  if (g_strcmp0 (step_order[index], "details") == 0 && !kiosk_booking_page_form_validate (self))
    return;
  self->slot_taken = FALSE;
  kiosk_booking_page_show_step (self, step_order[index + 1]);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (widget);
  const char *step = g_variant_get_string (parameter, NULL);

  if (step_index (step) >= 0 && !self->submitting)
    kiosk_booking_page_show_step (self, step);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (widget);

  choose_service (self, g_variant_get_string (parameter, NULL));
  update_action_bar (self);
  /* The lengths appear below the cards: bring them into view. */
  scroll_to (self, self->service_scroller, GTK_WIDGET (self->duration_heading));
}

static void
duration_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (widget);
  KioskService *service = find_service (self, kiosk_booking_session_get_service_id (self->session));
  guint wanted = g_variant_get_uint32 (parameter);

  for (guint i = 0; service != NULL && i < kiosk_service_get_n_options (service); i++)
    {
      guint minutes, price;

      kiosk_service_get_option (service, i, &minutes, &price);
      if (minutes == wanted)
        kiosk_booking_session_set_option (self->session, minutes, price);
    }
  sync_durations (self);
  update_action_bar (self);
}

static void
day_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (widget);

  kiosk_booking_session_set_day (self->session, g_variant_get_string (parameter, NULL));
  self->slot_taken = FALSE;
  kiosk_booking_page_load_times (self);
}

/* A time is the customer's answer: on to the details at once. */
static void
slot_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (widget);
  const char *slot = g_variant_get_string (parameter, NULL);

  if (self->slots == NULL || !g_strv_contains ((const char * const *) self->slots, slot))
    return;
  kiosk_booking_session_set_slot (self->session, slot);
  self->slot_taken = FALSE;
  kiosk_booking_page_show_step (self, "details");
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kiosk_booking_page_load_times (KIOSK_BOOKING_PAGE (widget));
}

static void
submit_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  kiosk_booking_page_submit (KIOSK_BOOKING_PAGE (widget));
}

/* Cancel and Done both wipe everything; the window's reset does it for
 * every screen and returns to attract. */
static void
start_over_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (widget);

  kiosk_page_reset (KIOSK_PAGE (self));
  gtk_widget_activate_action (widget, "kiosk.reset", NULL);
}

/* ---- KioskPage ---- */

static void
kiosk_booking_page_refill (KioskPage    *page,
                           KioskContent *content,
                           const char   *language)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (page);
  const char *phone;
  g_autofree char *unavailable = NULL;

  g_set_object (&self->content, content);
  g_free (self->language);
  self->language = g_strdup (language);

  phone = kiosk_content_get_phone (content);
  /* TRANSLATORS: %s is the spa's phone number */
  unavailable = g_strdup_printf (_("Booking on this screen is not available right now. Please ask "
                                   "at the front desk, or call us at %s."), phone);
  gtk_label_set_label (self->unavailable_label, unavailable);

  fill_cards (self);
  update_service_step (self);
  update_time_step (self);
  kiosk_booking_page_form_refill (self);
  kiosk_booking_page_health_refill (self);
  kiosk_booking_page_review_refill (self);
  kiosk_booking_page_outcome_refill (self);
  update_action_bar (self);
}

static void
clear_clipboards (KioskBookingPage *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));

  gdk_clipboard_set_content (gdk_display_get_clipboard (display), NULL);
  gdk_clipboard_set_content (gdk_display_get_primary_clipboard (display), NULL);
}

static void
kiosk_booking_page_reset (KioskPage *page)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (page);

  g_cancellable_cancel (self->availability_cancellable);
  g_clear_object (&self->availability_cancellable);
  g_cancellable_cancel (self->submit_cancellable);
  g_clear_object (&self->submit_cancellable);
  self->submitting = FALSE;
  kiosk_booking_page_outcome_stop (self);

  kiosk_booking_session_clear (self->session);
  kiosk_booking_page_form_clear (self);
  clear_clipboards (self);
  g_clear_pointer (&self->slots, g_strfreev);
  self->slot_taken = FALSE;

  update_service_step (self);
  update_time_step (self);
  kiosk_booking_page_health_refill (self);
  kiosk_booking_page_review_refill (self);
  kiosk_booking_page_show_step (self, "service");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_ID]);
}

static void
kiosk_booking_page_page_init (KioskPageInterface *iface)
{
  iface->refill = kiosk_booking_page_refill;
  iface->reset = kiosk_booking_page_reset;
}

/* ---- layout: the form beside the keyboard on a wide screen ---- */

static gboolean
apply_layout (gpointer data)
{
  KioskBookingPage *self = data;

  self->layout_idle_id = 0;
  kiosk_booking_page_form_set_wide (self, self->wide);
  return G_SOURCE_REMOVE;
}

static void
kiosk_booking_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  gboolean wide = width > height * 5 / 4;

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* Not during allocation: the next main loop turn rearranges the form. */
  if (wide != self->wide && self->layout_idle_id == 0)
    {
      self->wide = wide;
      self->layout_idle_id = g_idle_add (apply_layout, self);
    }
}

static void
kiosk_booking_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

/* ---- GObject ---- */

static void
kiosk_booking_page_dispose (GObject *object)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->availability_cancellable);
  g_clear_object (&self->availability_cancellable);
  g_cancellable_cancel (self->submit_cancellable);
  g_clear_object (&self->submit_cancellable);
  kiosk_booking_page_outcome_stop (self);
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  if (self->scroll_target_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_target_id);
  self->scroll_target_id = 0;

  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_BOOKING_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->content);
  g_clear_object (&self->api_client);
  g_clear_object (&self->outbox);
  g_clear_object (&self->session);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->slots, g_strfreev);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->outcome_reference_text, g_free);
  g_clear_pointer (&self->outcome_service, g_free);
  g_clear_pointer (&self->outcome_slot, g_free);

  G_OBJECT_CLASS (kiosk_booking_page_parent_class)->dispose (object);
}

static void
kiosk_booking_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICE_ID:
      g_value_set_string (value, kiosk_booking_page_get_service_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_booking_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICE_ID:
      kiosk_booking_page_set_service_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_booking_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "booking.choose", "s", choose_activated);
  gtk_widget_class_install_action (widget_class, "booking.duration", "u", duration_activated);
  gtk_widget_class_install_action (widget_class, "booking.day", "s", day_activated);
  gtk_widget_class_install_action (widget_class, "booking.slot", "s", slot_activated);
  gtk_widget_class_install_action (widget_class, "booking.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "booking.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "booking.edit", "s", edit_activated);
  gtk_widget_class_install_action (widget_class, "booking.submit", NULL, submit_activated);
  gtk_widget_class_install_action (widget_class, "booking.done", NULL, start_over_activated);
  gtk_widget_class_install_action (widget_class, "booking.cancel", NULL, start_over_activated);
}

static void
kiosk_booking_page_bind_children (GtkWidgetClass *widget_class)
{
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, KioskBookingPage, name)
#define BIND_AT(name, i, id) \
  gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, \
                                             G_STRUCT_OFFSET (KioskBookingPage, name) \
                                             + (i) * sizeof (gpointer))
  BIND (steps); BIND (action_bar); BIND (cancel_button);
  BIND (next_button); BIND (submit_button); BIND (submit_spinner); BIND (submit_label);
  BIND (service_scroller); BIND (cards_box); BIND (choice_label); BIND (duration_heading);
  BIND (durations_box);
  BIND (time_scroller); BIND (time_summary_label); BIND (time_message_box);
  BIND (time_message_label); BIND (days_box); BIND (zone_label); BIND (slots_loading);
  BIND (slots_error); BIND (slots_spinner); BIND (slots_box); BIND (slots_empty_label); BIND (slots_error_label);
  BIND (details_box); BIND (form_scroller); BIND (form_box); BIND (keyboard);
  BIND_AT (entries, 0, "entry_0"); BIND_AT (entries, 1, "entry_1");
  BIND_AT (entries, 2, "entry_2"); BIND_AT (entries, 3, "entry_3");
  BIND_AT (error_labels, 0, "error_label_0"); BIND_AT (error_labels, 1, "error_label_1");
  BIND_AT (error_labels, 2, "error_label_2"); BIND_AT (error_labels, 3, "error_label_3");
  BIND (health_scroller); BIND (health_box); BIND (review_scroller); BIND (review_grid);
  BIND (outcome_icon); BIND (outcome_title); BIND (outcome_reference); BIND (outcome_text);
  BIND (outcome_countdown); BIND (unavailable_label);
#undef BIND
#undef BIND_AT
}

static void
kiosk_booking_page_class_init (KioskBookingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_booking_page_dispose;
  object_class->get_property = kiosk_booking_page_get_property;
  object_class->set_property = kiosk_booking_page_set_property;
  widget_class->size_allocate = kiosk_booking_page_size_allocate;
  widget_class->measure = kiosk_booking_page_measure;

  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  kiosk_booking_page_install_actions (widget_class);
  g_type_ensure (KIOSK_TYPE_KEYBOARD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-booking-page.ui");
  kiosk_booking_page_bind_children (widget_class);
  gtk_widget_class_set_css_name (widget_class, "kioskbookingpage");
}

static void
kiosk_booking_page_init (KioskBookingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->session = kiosk_booking_session_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self->days_box), "kiosk-days");
  kiosk_booking_page_form_init (self);
  g_signal_connect_swapped (self->slots_spinner, "map", G_CALLBACK (update_slots_spinner), self);
  g_signal_connect_swapped (self->slots_spinner, "unmap", G_CALLBACK (update_slots_spinner), self);
  set_slots_state (self, "loading");
  kiosk_booking_page_show_step (self, "service");
}

/**
 * kiosk_booking_page_get_service_id:
 * @self: the booking page
 *
 * Returns: (nullable): the massage the customer chose, if any
 */
const char *
kiosk_booking_page_get_service_id (KioskBookingPage *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_PAGE (self), NULL);

  return kiosk_booking_session_get_service_id (self->session);
}

/**
 * kiosk_booking_page_set_service_id:
 * @self: the booking page
 * @service_id: (nullable): the massage to choose; %NULL or "" for none
 *
 * Chooses a massage as if its card was touched, from a service's page.
 */
void
kiosk_booking_page_set_service_id (KioskBookingPage *self,
                                   const char       *service_id)
{
  g_return_if_fail (KIOSK_IS_BOOKING_PAGE (self));

  if (service_id != NULL && *service_id == '\0')
    service_id = NULL;
  choose_service (self, service_id);
  if (step_index (current_step (self)) > 0)
    kiosk_booking_page_show_step (self, "service");
  update_action_bar (self);
  /* Chosen on the massage's own page: what is left to choose is its length. */
  if (service_id != NULL)
    scroll_to (self, self->service_scroller, GTK_WIDGET (self->duration_heading));
}

/**
 * kiosk_booking_page_get_session:
 * @self: the booking page
 *
 * Returns: (transfer none): what the customer has chosen and typed
 */
KioskBookingSession *
kiosk_booking_page_get_session (KioskBookingPage *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_PAGE (self), NULL);

  return self->session;
}

/**
 * kiosk_booking_page_set_backend:
 * @self: the booking page
 * @api_client: (nullable): the backend's client
 * @outbox: (nullable): the booking queue
 *
 * Without both, the page says where to book instead.
 */
void
kiosk_booking_page_set_backend (KioskBookingPage *self,
                                KioskApiClient   *api_client,
                                KioskOutbox      *outbox)
{
  const char *step;

  g_return_if_fail (KIOSK_IS_BOOKING_PAGE (self));

  g_set_object (&self->api_client, api_client);
  g_set_object (&self->outbox, outbox);

  step = current_step (self);
  if (!backend_ready (self) && step_index (step) >= 0)
    kiosk_booking_page_show_step (self, "unavailable");
  else if (backend_ready (self) && g_strcmp0 (step, "unavailable") == 0)
    kiosk_booking_page_show_step (self, "service");
  update_action_bar (self);
}

/**
 * kiosk_booking_page_go_back:
 * @self: the booking page
 *
 * The top bar's Back inside the booking: one step back, keeping what was
 * chosen and typed. Nothing while the booking is being sent.
 *
 * Returns: %TRUE when the page went a step back or must stay; %FALSE on
 *   its first step, where Back leaves the booking
 */
gboolean
kiosk_booking_page_go_back (KioskBookingPage *self)
{
  int index;

  g_return_val_if_fail (KIOSK_IS_BOOKING_PAGE (self), FALSE);

  if (self->submitting)
    return TRUE;
  /* Back from an outcome is the same as Done: nothing is left to go back to. */
  if (g_strcmp0 (current_step (self), "outcome") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "booking.done", NULL);
      return TRUE;
    }
  index = step_index (current_step (self));
  if (index <= 0)
    return FALSE;
  kiosk_booking_page_show_step (self, step_order[index - 1]);
  return TRUE;
}

/**
 * kiosk_booking_page_get_times_state:
 * @self: the booking page
 *
 * Returns: what the time step shows under the days: loading, slots, empty
 *   or error
 */
const char *
kiosk_booking_page_get_times_state (KioskBookingPage *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_PAGE (self), NULL);

  return self->slots_state;
}

/**
 * kiosk_booking_page_get_step:
 * @self: the booking page
 *
 * Returns: the step shown: service, time, details, health, review, outcome
 *   or unavailable
 */
const char *
kiosk_booking_page_get_step (KioskBookingPage *self)
{
  g_return_val_if_fail (KIOSK_IS_BOOKING_PAGE (self), NULL);

  return current_step (self);
}
