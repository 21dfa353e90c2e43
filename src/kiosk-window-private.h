/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-window-private.h: what the window's files share: its fields and its navigation. */

#pragma once

#include "kiosk-api-client.h"
#include "kiosk-attract-page.h"
#include "kiosk-booking-page.h"
#include "kiosk-home-page.h"
#include "kiosk-outbox.h"
#include "kiosk-pin-pad.h"
#include "kiosk-sciatica-page.h"
#include "kiosk-service-page.h"
#include "kiosk-services-page.h"
#include "kiosk-staff-panel.h"
#include "kiosk-top-bar.h"
#include "kiosk-window.h"

G_BEGIN_DECLS

struct _KioskWindow
{
  AdwApplicationWindow parent_instance;

  GtkStack *stack;
  KioskTopBar *top_bar;
  KioskAttractPage *attract_page;
  KioskHomePage *home_page;
  KioskServicesPage *services_page;
  KioskServicePage *service_page;
  KioskSciaticaPage *sciatica_page;
  KioskBookingPage *booking_page;
  KioskPinPad *pin_pad;
  KioskStaffPanel *staff_panel;
  GtkWidget *idle_prompt;
  GtkLabel *idle_seconds_label;
  GtkLabel *idle_text_label;

  GSettings *settings;
  KioskContent *content;
  KioskIdleMonitor *idle_monitor;
  KioskApiClient *api_client;
  KioskOutbox *outbox;
  char *language;
  GPtrArray *history;
  guint inhibit_cookie;
  gboolean allow_close;

  /* Staff mode (kiosk-window-staff.c). */
  char *staff_return_page;
  guint staff_timeout;
  guint staff_timeout_source;
  gboolean staff_unlocked;
};

void kiosk_window_install_actions (GtkWidgetClass *widget_class);
void kiosk_window_reset_session   (KioskWindow    *self);

void kiosk_window_staff_install_actions (GtkWidgetClass *widget_class);
void kiosk_window_staff_init            (KioskWindow    *self);
void kiosk_window_staff_dispose         (KioskWindow    *self);
void kiosk_window_staff_page_changed    (KioskWindow    *self);
void kiosk_window_staff_activity        (KioskWindow    *self);

G_END_DECLS
