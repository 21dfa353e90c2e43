/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-store.h: the reference backend's SQLite database of bookings and idempotency keys. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SPA_STORE_ERROR (spa_store_error_quark ())

typedef enum
{
  SPA_STORE_ERROR_FAILED,     /* SQLite failed: disk, corruption, busy */
  SPA_STORE_ERROR_CONFLICT,   /* the time overlaps a booking of the same service */
} SpaStoreError;

#define SPA_TYPE_STORE (spa_store_get_type ())

G_DECLARE_FINAL_TYPE (SpaStore, spa_store, SPA, STORE, GObject)

/* What a booking holds. Times are Unix seconds (UTC). */
typedef struct
{
  const char *service;
  gint64      start;
  gint64      end;
  const char *start_text;
  const char *first_name;
  const char *last_name;
  const char *phone;
  const char *email;        /* nullable */
  const char *health_note;  /* nullable */
  const char *kiosk_id;
} SpaBookingRow;

/* A stored answer to an idempotent request. */
typedef struct
{
  char   *fingerprint;
  guint   status;
  char   *content_type;
  GBytes *body;
} SpaStoredAnswer;

GQuark    spa_store_error_quark   (void);

SpaStore *spa_store_open          (const char       *path,
                                   GError          **error);
gboolean  spa_store_begin         (SpaStore         *self,
                                   GError          **error);
gboolean  spa_store_commit        (SpaStore         *self,
                                   GError          **error);
void      spa_store_rollback      (SpaStore         *self);
gboolean  spa_store_find_answer   (SpaStore         *self,
                                   const char       *key,
                                   SpaStoredAnswer **out_answer,
                                   GError          **error);
gboolean  spa_store_save_answer   (SpaStore         *self,
                                   const char       *key,
                                   const SpaStoredAnswer *answer,
                                   GError          **error);
char     *spa_store_add_booking   (SpaStore         *self,
                                   const SpaBookingRow *row,
                                   GError          **error);
GArray   *spa_store_list_busy     (SpaStore         *self,
                                   const char       *service,
                                   gint64            from,
                                   gint64            to,
                                   GError          **error);

void      spa_stored_answer_free  (SpaStoredAnswer  *answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpaStoredAnswer, spa_stored_answer_free)

G_END_DECLS
