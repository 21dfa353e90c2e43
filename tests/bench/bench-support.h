/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-support.h: what the benchmark and the soak share: the backend's client, a temporary folder. */

#pragma once

#include "kiosk-api-client.h"
#include "kiosk-test-backend.h"

G_BEGIN_DECLS

KioskApiClient *bench_client_new  (KioskTestBackend *backend,
                                   const char       *kiosk_id);
void            bench_remove_dir  (const char       *path);

G_END_DECLS
