/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-service-page.c: one massage in detail, with "Book this massage". */

#include "config.h"

#include "kiosk-page.h"
#include "kiosk-service-card.h"
#include "kiosk-service-page.h"

struct _KioskServicePage
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkImage *icon;
  GtkLabel *name_label;
  GtkLabel *summary_label;
  GtkLabel *description_label;
  GtkLabel *helps_label;
  GtkLabel *expect_label;
  GtkListBox *options_list;
  GtkButton *book_button;

  KioskContent *content;
  char *language;
  char *service_id;
};

static void kiosk_service_page_page_init (KioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KioskServicePage, kiosk_service_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (KIOSK_TYPE_PAGE, kiosk_service_page_page_init))

static GtkWidget *
option_row_new (KioskContent *content,
                KioskService *service,
                guint         index,
                const char   *language)
{
  g_autofree char *duration = NULL;
  g_autofree char *price = NULL;
  GtkWidget *box, *label;
  guint minutes, price_minor;

  kiosk_service_get_option (service, index, &minutes, &price_minor);
  duration = kiosk_content_format_duration (content, minutes, language);
  price = kiosk_content_format_price (content, price_minor, language);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_widget_add_css_class (box, "kiosk-option-row");
  label = gtk_label_new (duration);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (price);
  gtk_widget_add_css_class (label, "kiosk-price");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
clear_labels (KioskServicePage *self)
{
  GtkLabel *labels[] = { self->name_label, self->summary_label, self->description_label,
                         self->helps_label, self->expect_label };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_label_set_label (labels[i], "");
}

static void
fill (KioskServicePage *self)
{
  KioskService *service = NULL;
  GtkWidget *row;
  guint n;

  if (self->content != NULL && self->service_id != NULL)
    service = kiosk_content_find_service (self->content, self->service_id);

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->options_list))) != NULL)
    gtk_list_box_remove (self->options_list, row);
  gtk_widget_set_sensitive (GTK_WIDGET (self->book_button), service != NULL);
  if (service == NULL)
    {
      clear_labels (self);
      return;
    }

  gtk_image_set_from_icon_name (self->icon, kiosk_service_icon_name (service, GTK_WIDGET (self)));
  gtk_label_set_label (self->name_label, kiosk_service_get_name (service, self->language));
  gtk_label_set_label (self->summary_label, kiosk_service_get_summary (service, self->language));
  gtk_label_set_label (self->description_label, kiosk_service_get_description (service, self->language));
  gtk_label_set_label (self->helps_label, kiosk_service_get_helps (service, self->language));
  gtk_label_set_label (self->expect_label, kiosk_service_get_expect (service, self->language));

  n = kiosk_service_get_n_options (service);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->options_list, option_row_new (self->content, service, i, self->language));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->book_button), "s", self->service_id);
}

static void
kiosk_service_page_refill (KioskPage    *page,
                           KioskContent *content,
                           const char   *language)
{
  KioskServicePage *self = KIOSK_SERVICE_PAGE (page);

  g_set_object (&self->content, content);
  g_free (self->language);
  self->language = g_strdup (language);
  fill (self);
}

static void
kiosk_service_page_reset (KioskPage *page)
{
  KioskServicePage *self = KIOSK_SERVICE_PAGE (page);

  kiosk_service_page_set_service_id (self, NULL);
}

static void
kiosk_service_page_page_init (KioskPageInterface *iface)
{
  iface->refill = kiosk_service_page_refill;
  iface->reset = kiosk_service_page_reset;
}

static void
kiosk_service_page_dispose (GObject *object)
{
  KioskServicePage *self = KIOSK_SERVICE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_SERVICE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->content);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->service_id, g_free);

  G_OBJECT_CLASS (kiosk_service_page_parent_class)->dispose (object);
}

static void
kiosk_service_page_class_init (KioskServicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_service_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-service-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskServicePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskServicePage, icon);
  gtk_widget_class_bind_template_child (widget_class, KioskServicePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KioskServicePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KioskServicePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, KioskServicePage, helps_label);
  gtk_widget_class_bind_template_child (widget_class, KioskServicePage, expect_label);
  gtk_widget_class_bind_template_child (widget_class, KioskServicePage, options_list);
  gtk_widget_class_bind_template_child (widget_class, KioskServicePage, book_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskservicepage");
}

static void
kiosk_service_page_init (KioskServicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
kiosk_service_page_get_service_id (KioskServicePage *self)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE_PAGE (self), NULL);

  return self->service_id;
}

/**
 * kiosk_service_page_set_service_id:
 * @self: the service page
 * @service_id: (nullable): the massage to show
 *
 * Shows @service_id from the top of the page.
 */
void
kiosk_service_page_set_service_id (KioskServicePage *self,
                                   const char       *service_id)
{
  g_return_if_fail (KIOSK_IS_SERVICE_PAGE (self));

  g_free (self->service_id);
  self->service_id = g_strdup (service_id);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  fill (self);
}
