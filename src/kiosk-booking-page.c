/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-booking-page.c: where booking starts: choose the massage. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-booking-page.h"
#include "kiosk-page.h"
#include "kiosk-service-card.h"

struct _KioskBookingPage
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkFlowBox *cards_box;
  GtkLabel *choice_label;
  GtkLabel *note_label;

  KioskContent *content;
  char *language;
  char *service_id;
};

static void kiosk_booking_page_page_init (KioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KioskBookingPage, kiosk_booking_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (KIOSK_TYPE_PAGE, kiosk_booking_page_page_init))

enum {
  PROP_0,
  PROP_SERVICE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_choice (KioskBookingPage *self)
{
  KioskService *service = NULL;
  g_autofree char *choice = NULL;
  g_autofree char *note = NULL;
  const char *phone = self->content ? kiosk_content_get_phone (self->content) : "";

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card_widget = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      KioskServiceCard *card = KIOSK_SERVICE_CARD (card_widget);

      kiosk_service_card_set_chosen (card, g_strcmp0 (kiosk_service_card_get_service_id (card),
                                                      self->service_id) == 0);
    }

  if (self->content != NULL && self->service_id != NULL)
    service = kiosk_content_find_service (self->content, self->service_id);

  if (service != NULL)
    /* TRANSLATORS: %s is the name of a massage */
    choice = g_strdup_printf (_("You chose: %s"), kiosk_service_get_name (service, self->language));
  else
    choice = g_strdup (_("Touch the massage you would like."));
  gtk_label_set_label (self->choice_label, choice);

  /* TRANSLATORS: %s is the spa's phone number */
  note = g_strdup_printf (_("Booking a time on this screen opens soon. For now, please ask at "
                            "the front desk, or call us at %s."), phone);
  gtk_label_set_label (self->note_label, note);
}

static void
select_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  kiosk_booking_page_set_service_id (KIOSK_BOOKING_PAGE (widget),
                                     g_variant_get_string (parameter, NULL));
}

static void
kiosk_booking_page_refill (KioskPage    *page,
                           KioskContent *content,
                           const char   *language)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (page);
  GListModel *services = kiosk_content_get_services (content);
  guint n = g_list_model_get_n_items (services);
  GtkWidget *child;

  g_set_object (&self->content, content);
  g_free (self->language);
  self->language = g_strdup (language);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_flow_box_remove (self->cards_box, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskService) service = g_list_model_get_item (services, i);
      GtkWidget *card = kiosk_service_card_new (content, service, language);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (card), "booking.choose");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (card), "s", kiosk_service_get_id (service));
      gtk_flow_box_append (self->cards_box, card);
    }

  update_choice (self);
}

static void
kiosk_booking_page_reset (KioskPage *page)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (page);

  kiosk_booking_page_set_service_id (self, NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
kiosk_booking_page_page_init (KioskPageInterface *iface)
{
  iface->refill = kiosk_booking_page_refill;
  iface->reset = kiosk_booking_page_reset;
}

static void
kiosk_booking_page_dispose (GObject *object)
{
  KioskBookingPage *self = KIOSK_BOOKING_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_BOOKING_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->content);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->service_id, g_free);

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
      g_value_set_string (value, self->service_id);
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
kiosk_booking_page_class_init (KioskBookingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_booking_page_dispose;
  object_class->get_property = kiosk_booking_page_get_property;
  object_class->set_property = kiosk_booking_page_set_property;

  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "booking.choose", "s", select_activated);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-booking-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskBookingPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskBookingPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, KioskBookingPage, choice_label);
  gtk_widget_class_bind_template_child (widget_class, KioskBookingPage, note_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskbookingpage");
}

static void
kiosk_booking_page_init (KioskBookingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  return self->service_id;
}

/**
 * kiosk_booking_page_set_service_id:
 * @self: the booking page
 * @service_id: (nullable): the massage to choose; %NULL or "" for none
 */
void
kiosk_booking_page_set_service_id (KioskBookingPage *self,
                                   const char       *service_id)
{
  g_return_if_fail (KIOSK_IS_BOOKING_PAGE (self));

  if (service_id != NULL && *service_id == '\0')
    service_id = NULL;
  if (g_strcmp0 (self->service_id, service_id) == 0)
    return;

  g_free (self->service_id);
  self->service_id = g_strdup (service_id);
  update_choice (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_ID]);
}
