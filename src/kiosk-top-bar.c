/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-top-bar.c: the bar above every screen, blank on attract: Back, the spa's name, Home. */

#include "config.h"

#include "kiosk-top-bar.h"

struct _KioskTopBar
{
  GtkWidget parent_instance;

  GtkWidget *content;
  GtkLabel *title_label;
  gboolean blank;
};

G_DEFINE_FINAL_TYPE (KioskTopBar, kiosk_top_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Blank, the bar is part of the attract screen, where a touch anywhere starts. */
static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KioskTopBar     *self)
{
  if (self->blank)
    gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.start", NULL);
}

static void
kiosk_top_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_TOP_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kiosk_top_bar_parent_class)->dispose (object);
}

static void
kiosk_top_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KioskTopBar *self = KIOSK_TOP_BAR (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, kiosk_top_bar_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_top_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KioskTopBar *self = KIOSK_TOP_BAR (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kiosk_top_bar_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_top_bar_class_init (KioskTopBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_top_bar_dispose;
  object_class->get_property = kiosk_top_bar_get_property;
  object_class->set_property = kiosk_top_bar_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-top-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskTopBar, content);
  gtk_widget_class_bind_template_child (widget_class, KioskTopBar, title_label);
  gtk_widget_class_bind_template_callback (widget_class, on_pressed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosktopbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
kiosk_top_bar_init (KioskTopBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
kiosk_top_bar_get_title (KioskTopBar *self)
{
  g_return_val_if_fail (KIOSK_IS_TOP_BAR (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
kiosk_top_bar_set_title (KioskTopBar *self,
                         const char  *title)
{
  g_return_if_fail (KIOSK_IS_TOP_BAR (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
kiosk_top_bar_get_blank (KioskTopBar *self)
{
  g_return_val_if_fail (KIOSK_IS_TOP_BAR (self), FALSE);

  return self->blank;
}

/**
 * kiosk_top_bar_set_blank:
 * @self: the bar
 * @blank: whether to show nothing but the attract screen's colour
 *
 * On the attract screen the bar is blank rather than hidden: it keeps its
 * place, so leaving attract changes no layout. Hiding it made the first
 * frame of that page change three times slower than any other, all of it in
 * relayout of the window (docs/benchmarks.md).
 */
void
kiosk_top_bar_set_blank (KioskTopBar *self,
                         gboolean     blank)
{
  g_return_if_fail (KIOSK_IS_TOP_BAR (self));

  blank = !!blank;
  if (self->blank == blank)
    return;

  self->blank = blank;
  gtk_widget_set_child_visible (self->content, !blank);
  if (blank)
    gtk_widget_add_css_class (GTK_WIDGET (self), "blank");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "blank");
}

/**
 * kiosk_top_bar_get_title_label:
 * @self: the bar
 *
 * Returns: (transfer none): the spa's name in the bar, where staff hold to open staff mode
 */
GtkWidget *
kiosk_top_bar_get_title_label (KioskTopBar *self)
{
  g_return_val_if_fail (KIOSK_IS_TOP_BAR (self), NULL);

  return GTK_WIDGET (self->title_label);
}
