/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-outbox.h: the durable local queue that sends each booking once, retrying until answered. */

#pragma once

#include <gio/gio.h>

#include "kiosk-api-client.h"
#include "kiosk-booking.h"

G_BEGIN_DECLS

#define KIOSK_OUTBOX_ERROR (kiosk_outbox_error_quark ())

typedef enum
{
  KIOSK_OUTBOX_ERROR_STORAGE,  /* the queue file cannot be created, read or written */
  KIOSK_OUTBOX_ERROR_IN_USE,   /* another kiosk process has the queue file open */
  KIOSK_OUTBOX_ERROR_VERSION,  /* the queue file was written by a newer kiosk */
  KIOSK_OUTBOX_ERROR_NOT_FOUND, /* no such booking in the queue */
  KIOSK_OUTBOX_ERROR_SAVING,   /* the answer timeout came before the booking was saved */
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
  KIOSK_OUTBOX_OUTCOME_ERROR,      /* not saved, or not yet (the error says): tell the spa */
  KIOSK_OUTBOX_OUTCOME_CONFIRMED,  /* booked; the reference is set */
  KIOSK_OUTBOX_OUTCOME_QUEUED,     /* saved; it will be sent; the front desk will confirm */
  KIOSK_OUTBOX_OUTCOME_TAKEN,      /* that time was just taken: pick another */
  KIOSK_OUTBOX_OUTCOME_REJECTED,   /* the details were refused (the error says which) */
} KioskOutboxOutcome;

/* Retry delays: full jitter over a doubling window, from 5 s up to 10 min. */
#define KIOSK_OUTBOX_DEFAULT_RETRY_BASE_MS  5000
#define KIOSK_OUTBOX_DEFAULT_RETRY_MAX_MS   (10 * 60 * 1000)
/* The customer has an answer within this time, even if the backend hangs. */
#define KIOSK_OUTBOX_DEFAULT_ANSWER_TIMEOUT_MS 15000
/* Bookings sent at the same time (each booking has at most one transfer). */
#define KIOSK_OUTBOX_MAX_IN_FLIGHT 4

#define KIOSK_TYPE_OUTBOX (kiosk_outbox_get_type ())
G_DECLARE_FINAL_TYPE (KioskOutbox, kiosk_outbox, KIOSK, OUTBOX, GObject)

GQuark              kiosk_outbox_error_quark        (void);
const char         *kiosk_outbox_state_to_string    (KioskOutboxState     state);

KioskOutbox        *kiosk_outbox_new                (KioskApiClient      *client,
                                                     const char          *path,
                                                     GError             **error);
void                kiosk_outbox_new_async          (KioskApiClient      *client,
                                                     const char          *path,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
KioskOutbox        *kiosk_outbox_new_finish         (GAsyncResult        *result,
                                                     GError             **error);
const char         *kiosk_outbox_get_path           (KioskOutbox         *self);
void                kiosk_outbox_set_retry_delays   (KioskOutbox         *self,
                                                     guint                base_ms,
                                                     guint                max_ms);
void                kiosk_outbox_set_answer_timeout (KioskOutbox         *self,
                                                     guint                timeout_ms);

void                kiosk_outbox_submit_async       (KioskOutbox               *self,
                                                     const KioskBookingDetails *details,
                                                     GCancellable              *cancellable,
                                                     GAsyncReadyCallback        callback,
                                                     gpointer                   user_data);
KioskOutboxOutcome  kiosk_outbox_submit_finish      (KioskOutbox         *self,
                                                     GAsyncResult        *result,
                                                     char               **reference,
                                                     GError             **error);

guint               kiosk_outbox_get_n_pending      (KioskOutbox         *self);
guint               kiosk_outbox_get_n_failed       (KioskOutbox         *self);
GListModel         *kiosk_outbox_list_items         (KioskOutbox         *self);
void                kiosk_outbox_retry_now          (KioskOutbox         *self);
gboolean            kiosk_outbox_discard            (KioskOutbox         *self,
                                                     gint64               id,
                                                     GError             **error);

G_END_DECLS
