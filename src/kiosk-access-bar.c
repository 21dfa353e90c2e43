/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-access-bar.c: the language button and the reading aids on the attract and home screens. */

#include "config.h"

#include <adwaita.h>

#include "kiosk-access-bar.h"
#include "kiosk-i18n.h"

struct _KioskAccessBar
{
  GtkWidget parent_instance;

  GtkButton *language_button;
  AdwButtonContent *language_content;
};

G_DEFINE_FINAL_TYPE (KioskAccessBar, kiosk_access_bar, GTK_TYPE_WIDGET)

#define SPACING 20

/* The language button offers the other language in that language's own
 * words, so someone who cannot read the one on screen still finds it:
 * these words are not translated. */
typedef struct
{
  const char *language;
  const char *label;
  const char *accessible;
} Offer;

static const Offer offers[] = {
  { "en", "English", "English: show the kiosk in English" },
  { "es", "Español", "Español: ver el quiosco en español" },
};

/* The width the buttons need side by side. */
static int
row_width (GtkWidget *widget)
{
  int width = 0;
  int n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), n++)
    {
      int natural;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width += natural;
    }

  return width + MAX (n - 1, 0) * SPACING;
}

static GtkSizeRequestMode
kiosk_access_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The buttons stand in a row where they fit, and one above the other where
 * they do not (larger text and Spanish make them wider). */
static void
kiosk_access_bar_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gboolean column = orientation == GTK_ORIENTATION_VERTICAL
                    && for_size >= 0 && for_size < row_width (widget);
  int n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), n++)
    {
      int child_min, child_nat;

      gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat + (n > 0 ? SPACING : 0);
        }
      else if (column)
        {
          *minimum += child_nat + (n > 0 ? SPACING : 0);
          *natural = *minimum;
        }
      else
        {
          *minimum = *natural = MAX (*natural, child_nat);
        }
    }
}

static void
kiosk_access_bar_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  int needed = row_width (widget);
  gboolean column = width < needed;
  int x = column ? 0 : (width - needed) / 2;
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width, child_height;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
      child_width = MIN (child_width, width);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height,
                          NULL, NULL);
      if (column)
        {
          gtk_widget_size_allocate (child, &(GtkAllocation) { (width - child_width) / 2, y,
                                                              child_width, child_height }, -1);
          y += child_height + SPACING;
        }
      else
        {
          gtk_widget_size_allocate (child, &(GtkAllocation) { x, (height - child_height) / 2,
                                                              child_width, child_height }, -1);
          x += child_width + SPACING;
        }
    }
}

static void
kiosk_access_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_ACCESS_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kiosk_access_bar_parent_class)->dispose (object);
}

static void
kiosk_access_bar_class_init (KioskAccessBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_access_bar_dispose;
  widget_class->get_request_mode = kiosk_access_bar_get_request_mode;
  widget_class->measure = kiosk_access_bar_measure;
  widget_class->size_allocate = kiosk_access_bar_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-access-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskAccessBar, language_button);
  gtk_widget_class_bind_template_child (widget_class, KioskAccessBar, language_content);
  gtk_widget_class_set_css_name (widget_class, "kioskaccessbar");
}

static void
kiosk_access_bar_init (KioskAccessBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kiosk_access_bar_set_language (self, "en");
}

/**
 * kiosk_access_bar_set_language:
 * @self: the bar
 * @language: the language on screen, "en" or "es"
 *
 * Makes the language button offer the other language.
 */
void
kiosk_access_bar_set_language (KioskAccessBar *self,
                               const char     *language)
{
  const char *other;

  g_return_if_fail (KIOSK_IS_ACCESS_BAR (self));
  g_return_if_fail (language != NULL);

  other = kiosk_i18n_get_other_language (language);
  for (gsize i = 0; i < G_N_ELEMENTS (offers); i++)
    {
      if (!g_str_equal (offers[i].language, other))
        continue;

      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->language_button), "s", other);
      adw_button_content_set_label (self->language_content, offers[i].label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, offers[i].accessible,
                                      -1);
    }
}

/**
 * kiosk_access_bar_get_language_button:
 * @self: the bar
 *
 * Returns: (transfer none): the button that switches to the other language
 */
GtkWidget *
kiosk_access_bar_get_language_button (KioskAccessBar *self)
{
  g_return_val_if_fail (KIOSK_IS_ACCESS_BAR (self), NULL);

  return GTK_WIDGET (self->language_button);
}
