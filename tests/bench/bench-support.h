/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-support.h: what the benchmark and the soak share: the backend's client, free slots, waits. */

#pragma once

#include "kiosk-api-client.h"
#include "kiosk-test-backend.h"

G_BEGIN_DECLS

typedef struct
{
  GAsyncResult *result;
  gint64        done;   /* CLOCK_MONOTONIC µs of the callback */
} BenchAsyncWait;

void            bench_async_done  (GObject          *source,
                                   GAsyncResult     *result,
                                   gpointer          wait);
void            bench_async_wait  (BenchAsyncWait   *wait);
KioskApiClient *bench_client_new  (KioskTestBackend *backend,
                                   const char       *kiosk_id);
char           *bench_find_slot   (KioskApiClient   *client,
                                   const char       *service,
                                   guint             days);
void            bench_remove_dir  (const char       *path);

G_END_DECLS
