/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-services-page.c: the list of massages as large cards. */

#include "config.h"

#include "kiosk-page.h"
#include "kiosk-service-card.h"
#include "kiosk-services-page.h"

struct _KioskServicesPage
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkFlowBox *cards_box;
};

static void kiosk_services_page_page_init (KioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KioskServicesPage, kiosk_services_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (KIOSK_TYPE_PAGE, kiosk_services_page_page_init))

static void
kiosk_services_page_refill (KioskPage    *page,
                            KioskContent *content,
                            const char   *language)
{
  KioskServicesPage *self = KIOSK_SERVICES_PAGE (page);
  GListModel *services = kiosk_content_get_services (content);
  guint n = g_list_model_get_n_items (services);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_flow_box_remove (self->cards_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KioskService) service = g_list_model_get_item (services, i);
      GtkWidget *card = kiosk_service_card_new (content, service, language);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (card), "kiosk.show-service");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (card), "s", kiosk_service_get_id (service));
      gtk_flow_box_append (self->cards_box, card);
    }
}

static void
kiosk_services_page_reset (KioskPage *page)
{
  KioskServicesPage *self = KIOSK_SERVICES_PAGE (page);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
kiosk_services_page_page_init (KioskPageInterface *iface)
{
  iface->refill = kiosk_services_page_refill;
  iface->reset = kiosk_services_page_reset;
}

static void
kiosk_services_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_SERVICES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kiosk_services_page_parent_class)->dispose (object);
}

static void
kiosk_services_page_class_init (KioskServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_services_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskServicesPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskServicesPage, cards_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskservicespage");
}

static void
kiosk_services_page_init (KioskServicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
