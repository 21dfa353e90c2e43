/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-home-page.c: the three large choices: massages, sciatica, booking. */

#include "config.h"

#include "kiosk-access-bar.h"
#include "kiosk-home-page.h"
#include "kiosk-page.h"

struct _KioskHomePage
{
  GtkWidget parent_instance;

  GtkBox *choices_box;
  KioskAccessBar *access_bar;
  guint orientation_source;
  GtkOrientation wanted;
};

static void kiosk_home_page_page_init (KioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KioskHomePage, kiosk_home_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (KIOSK_TYPE_PAGE, kiosk_home_page_page_init))

static void
kiosk_home_page_refill (KioskPage    *page,
                        KioskContent *content,
                        const char   *language)
{
  kiosk_access_bar_set_language (KIOSK_HOME_PAGE (page)->access_bar, language);
}

static void
kiosk_home_page_page_init (KioskPageInterface *iface)
{
  iface->refill = kiosk_home_page_refill;
}

static gboolean
apply_orientation (gpointer user_data)
{
  KioskHomePage *self = user_data;

  self->orientation_source = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->choices_box), self->wanted);
  return G_SOURCE_REMOVE;
}

static GtkSizeRequestMode
kiosk_home_page_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (gtk_widget_get_first_child (widget));
}

static void
kiosk_home_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The choices stand side by side on a wide screen and stack on a portrait
 * one. Changing the box during allocation would relayout mid-frame, so the
 * change waits for the next main loop turn. */
static void
kiosk_home_page_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  KioskHomePage *self = KIOSK_HOME_PAGE (widget);
  GtkOrientation wanted = width < height ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);

  if (wanted != gtk_orientable_get_orientation (GTK_ORIENTABLE (self->choices_box)))
    {
      self->wanted = wanted;
      if (self->orientation_source == 0)
        self->orientation_source = g_idle_add (apply_orientation, self);
    }
}

static void
kiosk_home_page_dispose (GObject *object)
{
  KioskHomePage *self = KIOSK_HOME_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->orientation_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_HOME_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kiosk_home_page_parent_class)->dispose (object);
}

static void
kiosk_home_page_class_init (KioskHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_home_page_dispose;
  widget_class->get_request_mode = kiosk_home_page_get_request_mode;
  widget_class->measure = kiosk_home_page_measure;
  widget_class->size_allocate = kiosk_home_page_size_allocate;

  g_type_ensure (KIOSK_TYPE_ACCESS_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, choices_box);
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, access_bar);
  gtk_widget_class_set_css_name (widget_class, "kioskhomepage");
}

static void
kiosk_home_page_init (KioskHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
