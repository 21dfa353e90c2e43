/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-outbox-private.h: the outbox's SQLite storage, shared by the queue and its tests. */

#pragma once

#include <gio/gio.h>

#include "kiosk-outbox.h"
#include "kiosk-outbox-item.h"

G_BEGIN_DECLS

/* The schema version this code writes (PRAGMA user_version). */
#define KIOSK_OUTBOX_SCHEMA_VERSION 1

/* Sent and taken rows keep their key and reference this long, then go. */
#define KIOSK_OUTBOX_KEEP_DONE_USEC (G_GINT64_CONSTANT (30) * G_USEC_PER_SEC * 60 * 60 * 24)

/* A booking not sent by its start time, or within this long, is given up:
 * the backend keeps keys at least 7 days, so a late resend could book twice. */
#define KIOSK_OUTBOX_GIVE_UP_USEC (G_GINT64_CONSTANT (24) * G_USEC_PER_SEC * 60 * 60)

/* A failed booking's personal data goes this long after its start time. */
#define KIOSK_OUTBOX_FORGET_USEC (G_GINT64_CONSTANT (2) * G_USEC_PER_SEC * 60 * 60 * 24)

typedef struct _KioskOutboxStore KioskOutboxStore;

/* One booking in the queue. Times are microseconds of real time (g_get_real_time). */
typedef struct
{
  gint64            id;
  char             *key;
  GBytes           *body;
  KioskOutboxState  state;
  guint             attempts;
  gint64            next_attempt_at;
  char             *last_error;
  char             *reference;
  gint64            created_at;
  char             *first_name;
  char             *service;
  char             *start;
} KioskOutboxRow;

KioskOutboxRow   *kiosk_outbox_row_new            (void);
void              kiosk_outbox_row_free           (KioskOutboxRow *row);
KioskOutboxRow   *kiosk_outbox_row_copy           (const KioskOutboxRow *row);
GBytes           *kiosk_outbox_wiped_bytes_new    (const void *data,
                                                   gsize       size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskOutboxRow, kiosk_outbox_row_free)

char             *kiosk_outbox_default_path       (void);

KioskOutboxItem  *kiosk_outbox_item_new_from_row  (const KioskOutboxRow *row);

/* Every store function runs on one thread at a time (the outbox's worker). */
KioskOutboxStore *kiosk_outbox_store_open         (const char       *path,
                                                   GError          **error);
void              kiosk_outbox_store_close        (KioskOutboxStore *store);
gboolean          kiosk_outbox_store_recover      (KioskOutboxStore *store,
                                                   gint64            now,
                                                   GError          **error);
GPtrArray        *kiosk_outbox_store_load         (KioskOutboxStore *store,
                                                   GError          **error);
gboolean          kiosk_outbox_store_insert       (KioskOutboxStore *store,
                                                   KioskOutboxRow   *row,
                                                   GError          **error);
gboolean          kiosk_outbox_store_mark_sending (KioskOutboxStore *store,
                                                   gint64            id,
                                                   guint             attempts,
                                                   GError          **error);
gboolean          kiosk_outbox_store_mark_done    (KioskOutboxStore *store,
                                                   gint64            id,
                                                   KioskOutboxState  state,
                                                   const char       *reference,
                                                   GError          **error);
gboolean          kiosk_outbox_store_mark_waiting (KioskOutboxStore *store,
                                                   gint64            id,
                                                   KioskOutboxState  state,
                                                   gint64            next_attempt_at,
                                                   const char       *last_error,
                                                   GError          **error);
gboolean          kiosk_outbox_store_forget       (KioskOutboxStore *store,
                                                   gint64            id,
                                                   GError          **error);
gboolean          kiosk_outbox_store_discard      (KioskOutboxStore *store,
                                                   gint64            id,
                                                   GError          **error);
gboolean          kiosk_outbox_store_prune        (KioskOutboxStore *store,
                                                   gint64            older_than,
                                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskOutboxStore, kiosk_outbox_store_close)

/* What the worker thread does with a row. */
typedef enum
{
  KIOSK_OUTBOX_JOB_INSERT,
  KIOSK_OUTBOX_JOB_SENDING,
  KIOSK_OUTBOX_JOB_DONE,
  KIOSK_OUTBOX_JOB_WAITING,
  KIOSK_OUTBOX_JOB_DISCARD,
  KIOSK_OUTBOX_JOB_FORGET,
} KioskOutboxJob;

GThreadPool      *kiosk_outbox_worker_new         (KioskOutboxStore      *store,
                                                   GError               **error);
void              kiosk_outbox_worker_push        (GThreadPool           *worker,
                                                   GObject               *source,
                                                   KioskOutboxJob         kind,
                                                   const KioskOutboxRow  *row,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
KioskOutboxRow   *kiosk_outbox_worker_finish      (GAsyncResult          *result,
                                                   GError               **error);

G_END_DECLS
