/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-server-private.h: what the parts of SpaServer (requests, bookings, faults) share. */

#pragma once

#include <libsoup/soup.h>

#include "spa-reply.h"
#include "spa-server.h"

G_BEGIN_DECLS

/* Request bodies larger than this are refused with 413. */
#define SPA_MAX_REQUEST_BODY (16 * 1024)

struct _SpaServer
{
  GObject     parent_instance;

  SoupServer *soup;
  SpaCatalog *catalog;
  SpaStore   *store;
  SpaFaults  *faults;
  char       *token;
  char       *url;
};

SpaReply *spa_server_answer         (SpaServer         *self,
                                     SoupServerMessage *msg);
SpaReply *spa_server_answer_booking (SpaServer         *self,
                                     SoupServerMessage *msg);
void      spa_server_apply_fault    (SpaServer         *self,
                                     SoupServerMessage *msg,
                                     SpaFault           fault,
                                     guint              delay_ms);

G_END_DECLS
