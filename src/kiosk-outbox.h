/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-outbox.h: the durable local queue that sends each booking once, retrying until answered. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KIOSK_OUTBOX_ERROR (kiosk_outbox_error_quark ())

typedef enum
{
  KIOSK_OUTBOX_ERROR_STORAGE,  /* the queue file cannot be created, read or written */
  KIOSK_OUTBOX_ERROR_IN_USE,   /* another kiosk process has the queue file open */
  KIOSK_OUTBOX_ERROR_VERSION,  /* the queue file was written by a newer kiosk */
  KIOSK_OUTBOX_ERROR_NOT_FOUND, /* no such booking in the queue */
} KioskOutboxError;

/* Where a booking is. Stored by name in the queue file. */
typedef enum
{
  KIOSK_OUTBOX_STATE_PENDING,  /* saved, waiting for its next attempt */
  KIOSK_OUTBOX_STATE_SENDING,  /* an attempt is under way */
  KIOSK_OUTBOX_STATE_SENT,     /* the backend confirmed it; personal data deleted */
  KIOSK_OUTBOX_STATE_TAKEN,    /* the time was taken and the customer was told; data deleted */
  KIOSK_OUTBOX_STATE_FAILED,   /* a final refusal: waits for staff, never retried by itself */
} KioskOutboxState;

/* What the customer is told after submitting. */
typedef enum
{
  KIOSK_OUTBOX_OUTCOME_ERROR,      /* not even saved (the error says why): call the spa */
  KIOSK_OUTBOX_OUTCOME_CONFIRMED,  /* booked; the reference is set */
  KIOSK_OUTBOX_OUTCOME_QUEUED,     /* saved; it will be sent; the front desk will confirm */
  KIOSK_OUTBOX_OUTCOME_TAKEN,      /* that time was just taken: pick another */
  KIOSK_OUTBOX_OUTCOME_REJECTED,   /* the details were refused (the error says which) */
} KioskOutboxOutcome;

GQuark      kiosk_outbox_error_quark  (void);
const char *kiosk_outbox_state_to_string (KioskOutboxState state);

G_END_DECLS
