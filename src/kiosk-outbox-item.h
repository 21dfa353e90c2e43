/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-outbox-item.h: what staff may see of one booking waiting in the queue. */

#pragma once

#include <gio/gio.h>

#include "kiosk-outbox.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_OUTBOX_ITEM (kiosk_outbox_item_get_type ())
G_DECLARE_FINAL_TYPE (KioskOutboxItem, kiosk_outbox_item, KIOSK, OUTBOX_ITEM, GObject)

gint64            kiosk_outbox_item_get_id         (KioskOutboxItem *self);
const char       *kiosk_outbox_item_get_first_name (KioskOutboxItem *self);
const char       *kiosk_outbox_item_get_service    (KioskOutboxItem *self);
const char       *kiosk_outbox_item_get_start      (KioskOutboxItem *self);
KioskOutboxState  kiosk_outbox_item_get_state      (KioskOutboxItem *self);
const char       *kiosk_outbox_item_get_reason     (KioskOutboxItem *self);
guint             kiosk_outbox_item_get_attempts   (KioskOutboxItem *self);

G_END_DECLS
