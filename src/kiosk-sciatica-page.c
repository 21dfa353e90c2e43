/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-sciatica-page.c: the sciatica article in short sections, ending with a way to book. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-page.h"
#include "kiosk-sciatica-page.h"

struct _KioskSciaticaPage
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *intro_label;
  GtkBox *sections_box;
  GtkLabel *disclaimer_label;
  GtkLabel *phone_label;
};

static void kiosk_sciatica_page_page_init (KioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KioskSciaticaPage, kiosk_sciatica_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (KIOSK_TYPE_PAGE, kiosk_sciatica_page_page_init))

static GtkWidget *
wrapped_label_new (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
bullet_new (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *dot = g_object_new (GTK_TYPE_LABEL,
                                 "label", "•",
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 NULL);
  GtkWidget *label = wrapped_label_new (text, "kiosk-body");

  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_widget_add_css_class (dot, "kiosk-bullet");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
section_new (KioskContent *content,
             guint         index,
             const char   *language)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  const char *body = kiosk_content_get_sciatica_body (content, index, language);
  const char * const *points = kiosk_content_get_sciatica_points (content, index, language);

  gtk_widget_add_css_class (box, "kiosk-section");
  gtk_box_append (GTK_BOX (box),
                  wrapped_label_new (kiosk_content_get_sciatica_heading (content, index, language),
                                     "kiosk-heading"));
  if (body != NULL && *body != '\0')
    gtk_box_append (GTK_BOX (box), wrapped_label_new (body, "kiosk-body"));
  for (guint i = 0; points != NULL && points[i] != NULL; i++)
    gtk_box_append (GTK_BOX (box), bullet_new (points[i]));

  return box;
}

static void
kiosk_sciatica_page_refill (KioskPage    *page,
                            KioskContent *content,
                            const char   *language)
{
  KioskSciaticaPage *self = KIOSK_SCIATICA_PAGE (page);
  guint n = kiosk_content_get_n_sciatica_sections (content);
  g_autofree char *phone = NULL;
  GtkWidget *child;

  gtk_label_set_label (self->title_label, kiosk_content_get_sciatica_title (content, language));
  gtk_label_set_label (self->intro_label, kiosk_content_get_sciatica_intro (content, language));
  gtk_label_set_label (self->disclaimer_label, kiosk_content_get_sciatica_disclaimer (content, language));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  for (guint i = 0; i < n; i++)
    gtk_box_append (self->sections_box, section_new (content, i, language));

  /* TRANSLATORS: %s is the spa's phone number */
  phone = g_strdup_printf (_("Or call us: %s"), kiosk_content_get_phone (content));
  gtk_label_set_label (self->phone_label, phone);
}

static void
kiosk_sciatica_page_reset (KioskPage *page)
{
  KioskSciaticaPage *self = KIOSK_SCIATICA_PAGE (page);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
kiosk_sciatica_page_page_init (KioskPageInterface *iface)
{
  iface->refill = kiosk_sciatica_page_refill;
  iface->reset = kiosk_sciatica_page_reset;
}

static void
kiosk_sciatica_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_SCIATICA_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kiosk_sciatica_page_parent_class)->dispose (object);
}

static void
kiosk_sciatica_page_class_init (KioskSciaticaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_sciatica_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-sciatica-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskSciaticaPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskSciaticaPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSciaticaPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSciaticaPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, KioskSciaticaPage, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSciaticaPage, phone_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosksciaticapage");
}

static void
kiosk_sciatica_page_init (KioskSciaticaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kiosk_sciatica_page_get_vadjustment:
 * @self: the sciatica page
 *
 * Returns: (transfer none): how far the article is scrolled
 */
GtkAdjustment *
kiosk_sciatica_page_get_vadjustment (KioskSciaticaPage *self)
{
  g_return_val_if_fail (KIOSK_IS_SCIATICA_PAGE (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}
