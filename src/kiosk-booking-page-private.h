/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking-page-private.h: what the booking screen's files share. */

#pragma once

#include "kiosk-api-client.h"
#include "kiosk-booking-page.h"
#include "kiosk-booking-session.h"
#include "kiosk-content.h"
#include "kiosk-keyboard.h"
#include "kiosk-outbox.h"

G_BEGIN_DECLS

/* The spa's zone when the backend has not said (docs/backend-api.md). */
#define KIOSK_SPA_TIME_ZONE "America/Denver"
/* Seconds an outcome stays before the kiosk starts over by itself. */
#define KIOSK_OUTCOME_SECONDS 20
/* Days offered: today and the next six. */
#define KIOSK_BOOKING_DAYS 7

struct _KioskBookingPage
{
  GtkWidget parent_instance;

  GtkStack *steps;
  GtkWidget *action_bar;
  GtkWidget *cancel_button;
  GtkButton *next_button;
  GtkWidget *submit_button;
  GtkSpinner *submit_spinner;
  GtkLabel *submit_label;

  GtkScrolledWindow *service_scroller;
  GtkFlowBox *cards_box;
  GtkLabel *choice_label;
  GtkLabel *duration_heading;
  GtkBox *durations_box;

  GtkScrolledWindow *time_scroller;
  GtkLabel *time_summary_label;
  GtkWidget *time_message_box;
  GtkLabel *time_message_label;
  GtkFlowBox *days_box;
  GtkLabel *zone_label;
  GtkWidget *slots_loading;
  GtkWidget *slots_error;
  GtkSpinner *slots_spinner;
  GtkFlowBox *slots_box;
  GtkLabel *slots_empty_label;
  GtkLabel *slots_error_label;

  GtkBox *details_box;
  GtkScrolledWindow *form_scroller;
  GtkWidget *form_box;
  guint scroll_tick_id;
  guint scroll_frames;
  GtkEntry *entries[KIOSK_BOOKING_N_FIELDS];
  GtkLabel *error_labels[KIOSK_BOOKING_N_FIELDS];
  KioskKeyboard *keyboard;

  GtkScrolledWindow *health_scroller;
  GtkFlowBox *health_box;
  GtkScrolledWindow *review_scroller;
  GtkGrid *review_grid;

  GtkImage *outcome_icon;
  GtkLabel *outcome_title;
  GtkLabel *outcome_reference;
  GtkLabel *outcome_text;
  GtkLabel *outcome_countdown;

  GtkLabel *unavailable_label;

  KioskContent *content;
  char *language;
  KioskApiClient *api_client;
  KioskOutbox *outbox;
  KioskBookingSession *session;

  /* The times shown: not personal, kept for a language switch. */
  GCancellable *availability_cancellable;
  GStrv slots;
  char *time_zone;
  const char *slots_state;
  gboolean slot_taken;

  /* Fields the customer has left or tried to go past: their problems show. */
  gboolean touched[KIOSK_BOOKING_N_FIELDS];

  GCancellable *submit_cancellable;
  gboolean submitting;
  KioskOutboxOutcome outcome;
  char *outcome_reference_text;
  char *outcome_service;
  char *outcome_slot;
  guint outcome_duration;
  guint countdown_id;
  guint countdown_left;

  GtkScrolledWindow *scroll_scroller;
  GtkWidget *scroll_target;
  guint scroll_target_id;
  guint scroll_target_frames;

  gboolean wide;
  guint layout_idle_id;
};

/* kiosk-booking-page-form.c: the details and health steps */
void kiosk_booking_page_form_init         (KioskBookingPage *self);
void kiosk_booking_page_form_refill       (KioskBookingPage *self);
void kiosk_booking_page_form_clear        (KioskBookingPage *self);
void kiosk_booking_page_form_focus        (KioskBookingPage *self);
gboolean kiosk_booking_page_form_validate (KioskBookingPage *self);
void kiosk_booking_page_health_refill     (KioskBookingPage *self);
void kiosk_booking_page_form_scroll_to_focus (KioskBookingPage *self);
void kiosk_booking_page_form_set_wide     (KioskBookingPage *self,
                                           gboolean          wide);

/* kiosk-booking-page-submit.c: review, submit and the outcome screens */
void kiosk_booking_page_review_refill     (KioskBookingPage *self);
void kiosk_booking_page_submit            (KioskBookingPage *self);
void kiosk_booking_page_outcome_refill    (KioskBookingPage *self);
void kiosk_booking_page_outcome_stop      (KioskBookingPage *self);

/* kiosk-booking-page.c */
void kiosk_booking_page_show_step         (KioskBookingPage *self,
                                           const char       *step);
void kiosk_booking_page_load_times        (KioskBookingPage *self);
char *kiosk_booking_page_describe_service (KioskBookingPage *self,
                                           const char       *service_id,
                                           guint             duration);

G_END_DECLS
