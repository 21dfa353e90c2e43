/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-service-card.c: a large button for one massage: name, times, prices, one line. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-service-card.h"

struct _KioskServiceCard
{
  GtkButton parent_instance;

  GtkImage *icon;
  GtkLabel *name_label;
  GtkLabel *options_label;
  GtkLabel *summary_label;
  GtkWidget *chosen_box;

  char *service_id;
  gboolean chosen;
};

G_DEFINE_FINAL_TYPE (KioskServiceCard, kiosk_service_card, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_CHOSEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kiosk_service_format_options:
 * @content: the spa's content
 * @service: a massage
 * @language: the language code
 *
 * Returns: (transfer full): every length and price of @service, one per line
 */
char *
kiosk_service_format_options (KioskContent *content,
                              KioskService *service,
                              const char   *language)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = kiosk_service_get_n_options (service);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *duration = NULL;
      g_autofree char *price = NULL;
      guint minutes, price_minor;

      kiosk_service_get_option (service, i, &minutes, &price_minor);
      duration = kiosk_content_format_duration (content, minutes, language);
      price = kiosk_content_format_price (content, price_minor, language);
      if (i > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: one length and price of a massage, e.g. "60 minutes: $85" */
      g_string_append_printf (text, _("%s: %s"), duration, price);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * kiosk_service_icon_name:
 * @service: a massage
 * @widget: the widget that will show the icon
 *
 * A content file may name an icon this system lacks; a broken-image
 * placeholder would look like an error, so a heart stands in.
 *
 * Returns: (transfer none): an icon name the icon theme has
 */
const char *
kiosk_service_icon_name (KioskService *service,
                         GtkWidget    *widget)
{
  const char *name = kiosk_service_get_icon_name (service);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

  if (name != NULL && gtk_icon_theme_has_icon (theme, name))
    return name;

  return "emblem-favorite-symbolic";
}

static void
kiosk_service_card_dispose (GObject *object)
{
  KioskServiceCard *self = KIOSK_SERVICE_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_SERVICE_CARD);
  g_clear_pointer (&self->service_id, g_free);

  G_OBJECT_CLASS (kiosk_service_card_parent_class)->dispose (object);
}

static void
kiosk_service_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KioskServiceCard *self = KIOSK_SERVICE_CARD (object);

  switch (prop_id)
    {
    case PROP_CHOSEN:
      g_value_set_boolean (value, self->chosen);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_service_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KioskServiceCard *self = KIOSK_SERVICE_CARD (object);

  switch (prop_id)
    {
    case PROP_CHOSEN:
      kiosk_service_card_set_chosen (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_service_card_class_init (KioskServiceCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_service_card_dispose;
  object_class->get_property = kiosk_service_card_get_property;
  object_class->set_property = kiosk_service_card_set_property;

  properties[PROP_CHOSEN] =
    g_param_spec_boolean ("chosen", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-service-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskServiceCard, icon);
  gtk_widget_class_bind_template_child (widget_class, KioskServiceCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, KioskServiceCard, options_label);
  gtk_widget_class_bind_template_child (widget_class, KioskServiceCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KioskServiceCard, chosen_box);
}

static void
kiosk_service_card_init (KioskServiceCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kiosk_service_card_new:
 * @content: the spa's content
 * @service: the massage to show
 * @language: the language code
 *
 * The caller sets the card's action, as on any #GtkButton.
 *
 * Returns: (transfer floating): a new card
 */
GtkWidget *
kiosk_service_card_new (KioskContent *content,
                        KioskService *service,
                        const char   *language)
{
  KioskServiceCard *self;
  g_autofree char *options = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (KIOSK_IS_CONTENT (content), NULL);
  g_return_val_if_fail (KIOSK_IS_SERVICE (service), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_SERVICE_CARD, NULL);
  self->service_id = g_strdup (kiosk_service_get_id (service));
  options = kiosk_service_format_options (content, service, language);

  gtk_image_set_from_icon_name (self->icon, kiosk_service_icon_name (service, GTK_WIDGET (self)));
  gtk_label_set_label (self->name_label, kiosk_service_get_name (service, language));
  gtk_label_set_label (self->options_label, options);
  gtk_label_set_label (self->summary_label, kiosk_service_get_summary (service, language));

  accessible = g_strdup_printf ("%s. %s", kiosk_service_get_name (service, language), options);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  kiosk_service_get_summary (service, language),
                                  -1);

  return GTK_WIDGET (self);
}

const char *
kiosk_service_card_get_service_id (KioskServiceCard *self)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE_CARD (self), NULL);

  return self->service_id;
}

gboolean
kiosk_service_card_get_chosen (KioskServiceCard *self)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE_CARD (self), FALSE);

  return self->chosen;
}

/**
 * kiosk_service_card_set_chosen:
 * @self: a card
 * @chosen: whether the customer picked this massage
 *
 * A chosen card is drawn highlighted and says so in words.
 */
void
kiosk_service_card_set_chosen (KioskServiceCard *self,
                               gboolean          chosen)
{
  g_return_if_fail (KIOSK_IS_SERVICE_CARD (self));

  chosen = !!chosen;
  if (self->chosen == chosen)
    return;

  self->chosen = chosen;
  gtk_widget_set_visible (self->chosen_box, chosen);
  if (chosen)
    gtk_widget_add_css_class (GTK_WIDGET (self), "chosen");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "chosen");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_PRESSED,
                               chosen ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN]);
}
