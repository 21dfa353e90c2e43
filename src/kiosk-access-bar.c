/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-access-bar.c: the language button and the reading aids on the attract and home screens. */

#include "config.h"

#include <adwaita.h>

#include "kiosk-access-bar.h"
#include "kiosk-i18n.h"

struct _KioskAccessBar
{
  GtkWidget parent_instance;

  GtkBox *box;
  GtkButton *language_button;
  AdwButtonContent *language_content;
  guint orientation_source;
  GtkOrientation wanted;
};

G_DEFINE_FINAL_TYPE (KioskAccessBar, kiosk_access_bar, GTK_TYPE_WIDGET)

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

static gboolean
apply_orientation (gpointer user_data)
{
  KioskAccessBar *self = user_data;

  self->orientation_source = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->box), self->wanted);
  return G_SOURCE_REMOVE;
}

/* The width the buttons need side by side, whichever way they stand now. */
static int
row_width (KioskAccessBar *self)
{
  int width = 0;
  int n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), n++)
    {
      int natural;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width += natural;
    }

  return width + MAX (n - 1, 0) * gtk_box_get_spacing (self->box);
}

static void
kiosk_access_bar_measure (GtkWidget      *widget,
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

/* The buttons stand in a row where they fit (and larger text or Spanish
 * can make them not fit), one above the other otherwise. Changing the box
 * during allocation would relayout mid-frame: the change waits a turn. */
static void
kiosk_access_bar_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  KioskAccessBar *self = KIOSK_ACCESS_BAR (widget);
  GtkOrientation wanted = row_width (self) > width ? GTK_ORIENTATION_VERTICAL
                                                   : GTK_ORIENTATION_HORIZONTAL;

  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);

  if (wanted != gtk_orientable_get_orientation (GTK_ORIENTABLE (self->box)))
    {
      self->wanted = wanted;
      if (self->orientation_source == 0)
        self->orientation_source = g_idle_add (apply_orientation, self);
    }
}

static void
kiosk_access_bar_dispose (GObject *object)
{
  KioskAccessBar *self = KIOSK_ACCESS_BAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->orientation_source, g_source_remove);
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
  widget_class->measure = kiosk_access_bar_measure;
  widget_class->size_allocate = kiosk_access_bar_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-access-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskAccessBar, box);
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
