/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-service.c: one massage the spa offers, with its texts and prices. */

#include "config.h"

#include <string.h>

#include "kiosk-content-private.h"

struct _KioskService
{
  GObject parent_instance;

  char *id;
  char *icon_name;
  KioskText name;
  KioskText summary;
  KioskText description;
  KioskText helps;
  KioskText expect;
  KioskServiceOption options[KIOSK_SERVICE_MAX_OPTIONS];
  guint n_options;
};

G_DEFINE_FINAL_TYPE (KioskService, kiosk_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * kiosk_text_get:
 * @text: a text in one or more languages
 * @lang: a language code such as "es"
 *
 * Returns: (transfer none): the text in @lang, or in English when @text
 *   does not have @lang
 */
const char *
kiosk_text_get (KioskText   text,
                const char *lang)
{
  const char *english = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  for (guint i = 0; text[i] != NULL && text[i + 1] != NULL; i += 2)
    {
      if (lang != NULL && g_str_equal (text[i], lang))
        return text[i + 1];
      if (g_str_equal (text[i], "en"))
        english = text[i + 1];
    }

  return english;
}

static void
kiosk_service_finalize (GObject *object)
{
  KioskService *self = KIOSK_SERVICE (object);

  g_free (self->id);
  g_free (self->icon_name);
  g_strfreev (self->name);
  g_strfreev (self->summary);
  g_strfreev (self->description);
  g_strfreev (self->helps);
  g_strfreev (self->expect);

  G_OBJECT_CLASS (kiosk_service_parent_class)->finalize (object);
}

static void
kiosk_service_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KioskService *self = KIOSK_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_service_class_init (KioskServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kiosk_service_finalize;
  object_class->get_property = kiosk_service_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_service_init (KioskService *self)
{
}

KioskService *
kiosk_service_new (const char               *id,
                   const char               *icon_name,
                   KioskText                 name,
                   KioskText                 summary,
                   KioskText                 description,
                   KioskText                 helps,
                   KioskText                 expect,
                   const KioskServiceOption *options,
                   guint                     n_options)
{
  KioskService *self;

  g_return_val_if_fail (id != NULL && icon_name != NULL, NULL);
  g_return_val_if_fail (name != NULL && summary != NULL && description != NULL, NULL);
  g_return_val_if_fail (helps != NULL && expect != NULL, NULL);
  g_return_val_if_fail (n_options >= 1 && n_options <= KIOSK_SERVICE_MAX_OPTIONS, NULL);

  self = g_object_new (KIOSK_TYPE_SERVICE, NULL);
  self->id = g_strdup (id);
  self->icon_name = g_strdup (icon_name);
  self->name = name;
  self->summary = summary;
  self->description = description;
  self->helps = helps;
  self->expect = expect;
  memcpy (self->options, options, n_options * sizeof *options);
  self->n_options = n_options;

  return self;
}

const char *
kiosk_service_get_id (KioskService *self)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE (self), NULL);

  return self->id;
}

const char *
kiosk_service_get_icon_name (KioskService *self)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE (self), NULL);

  return self->icon_name;
}

const char *
kiosk_service_get_name (KioskService *self,
                        const char   *lang)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE (self), NULL);

  return kiosk_text_get (self->name, lang);
}

const char *
kiosk_service_get_summary (KioskService *self,
                           const char   *lang)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE (self), NULL);

  return kiosk_text_get (self->summary, lang);
}

const char *
kiosk_service_get_description (KioskService *self,
                               const char   *lang)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE (self), NULL);

  return kiosk_text_get (self->description, lang);
}

const char *
kiosk_service_get_helps (KioskService *self,
                         const char   *lang)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE (self), NULL);

  return kiosk_text_get (self->helps, lang);
}

const char *
kiosk_service_get_expect (KioskService *self,
                          const char   *lang)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE (self), NULL);

  return kiosk_text_get (self->expect, lang);
}

guint
kiosk_service_get_n_options (KioskService *self)
{
  g_return_val_if_fail (KIOSK_IS_SERVICE (self), 0);

  return self->n_options;
}

/**
 * kiosk_service_get_option:
 * @self: a service
 * @index: which option, below kiosk_service_get_n_options()
 * @minutes: (out) (optional): its length
 * @price_minor: (out) (optional): its price in the currency's minor unit
 */
void
kiosk_service_get_option (KioskService *self,
                          guint         index,
                          guint        *minutes,
                          guint        *price_minor)
{
  g_return_if_fail (KIOSK_IS_SERVICE (self));
  g_return_if_fail (index < self->n_options);

  if (minutes != NULL)
    *minutes = self->options[index].minutes;
  if (price_minor != NULL)
    *price_minor = self->options[index].price_minor;
}
