/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-outbox-item.c: what staff may see of one booking waiting in the queue. */

#include "config.h"

#include "kiosk-outbox-private.h"

/* A snapshot: the queue makes new items when staff ask again. Only the
 * display fields; the body with the phone and email never leaves the queue. */
struct _KioskOutboxItem
{
  GObject           parent_instance;

  gint64            id;
  char             *first_name;
  char             *service;
  char             *start;
  KioskOutboxState  state;
  char             *reason;
  guint             attempts;
};

G_DEFINE_FINAL_TYPE (KioskOutboxItem, kiosk_outbox_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FIRST_NAME,
  PROP_SERVICE,
  PROP_START,
  PROP_STATE,
  PROP_REASON,
  PROP_ATTEMPTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kiosk_outbox_item_finalize (GObject *object)
{
  KioskOutboxItem *self = (KioskOutboxItem *) object;

  g_free (self->first_name);
  g_free (self->service);
  g_free (self->start);
  g_free (self->reason);

  G_OBJECT_CLASS (kiosk_outbox_item_parent_class)->finalize (object);
}

static void
kiosk_outbox_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KioskOutboxItem *self = KIOSK_OUTBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_FIRST_NAME: g_value_set_string (value, self->first_name); break;
    case PROP_SERVICE: g_value_set_string (value, self->service); break;
    case PROP_START: g_value_set_string (value, self->start); break;
    case PROP_STATE: g_value_set_int (value, self->state); break;
    case PROP_REASON: g_value_set_string (value, self->reason); break;
    case PROP_ATTEMPTS: g_value_set_uint (value, self->attempts); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
kiosk_outbox_item_class_init (KioskOutboxItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kiosk_outbox_item_finalize;
  object_class->get_property = kiosk_outbox_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_NAME] = string_property ("first-name");
  properties[PROP_SERVICE] = string_property ("service");
  properties[PROP_START] = string_property ("start");
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, KIOSK_OUTBOX_STATE_PENDING,
                                             KIOSK_OUTBOX_STATE_FAILED, KIOSK_OUTBOX_STATE_PENDING,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] = string_property ("reason");
  properties[PROP_ATTEMPTS] = g_param_spec_uint ("attempts", NULL, NULL, 0, G_MAXUINT, 0,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_outbox_item_init (KioskOutboxItem *self)
{
}

KioskOutboxItem *
kiosk_outbox_item_new_from_row (const KioskOutboxRow *row)
{
  KioskOutboxItem *self = g_object_new (KIOSK_TYPE_OUTBOX_ITEM, NULL);

  self->id = row->id;
  self->first_name = g_strdup (row->first_name);
  self->service = g_strdup (row->service);
  self->start = g_strdup (row->start);
  self->state = row->state;
  self->reason = g_strdup (row->last_error);
  self->attempts = row->attempts;

  return self;
}

gint64
kiosk_outbox_item_get_id (KioskOutboxItem *self)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX_ITEM (self), 0);

  return self->id;
}

const char *
kiosk_outbox_item_get_first_name (KioskOutboxItem *self)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX_ITEM (self), NULL);

  return self->first_name;
}

const char *
kiosk_outbox_item_get_service (KioskOutboxItem *self)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX_ITEM (self), NULL);

  return self->service;
}

const char *
kiosk_outbox_item_get_start (KioskOutboxItem *self)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX_ITEM (self), NULL);

  return self->start;
}

KioskOutboxState
kiosk_outbox_item_get_state (KioskOutboxItem *self)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX_ITEM (self), KIOSK_OUTBOX_STATE_FAILED);

  return self->state;
}

/* Why the last attempt did not go through, in plain words; NULL before one failed. */
const char *
kiosk_outbox_item_get_reason (KioskOutboxItem *self)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX_ITEM (self), NULL);

  return self->reason;
}

guint
kiosk_outbox_item_get_attempts (KioskOutboxItem *self)
{
  g_return_val_if_fail (KIOSK_IS_OUTBOX_ITEM (self), 0);

  return self->attempts;
}
