/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-server.h: the booking API (docs/backend-api.md) over HTTPS with libsoup. */

#pragma once

#include <gio/gio.h>

#include "spa-catalog.h"
#include "spa-faults.h"
#include "spa-store.h"

G_BEGIN_DECLS

#define SPA_TYPE_SERVER (spa_server_get_type ())

G_DECLARE_FINAL_TYPE (SpaServer, spa_server, SPA, SERVER, GObject)

SpaServer  *spa_server_new          (SpaCatalog  *catalog,
                                     SpaStore    *store,
                                     SpaFaults   *faults,
                                     const char  *token);
gboolean    spa_server_listen       (SpaServer   *self,
                                     const char  *address,
                                     guint        port,
                                     const char  *cert_file,
                                     const char  *key_file,
                                     GError     **error);
const char *spa_server_get_url      (SpaServer   *self);

G_END_DECLS
