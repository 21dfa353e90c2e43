/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-reply.h: an HTTP answer built before it is sent, so faults can alter it. */

#pragma once

#include <json.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define SPA_PROBLEM_BASE "https://matrixmassage.com/problems/"

typedef struct
{
  guint      status;
  char      *content_type;
  GBytes    *body;
  GPtrArray *headers;   /* name, value, name, value, ... */
} SpaReply;

SpaReply *spa_reply_new          (guint        status,
                                  const char  *content_type,
                                  GBytes      *body);
SpaReply *spa_reply_new_json     (guint        status,
                                  json_object *object);
SpaReply *spa_reply_new_problem  (guint        status,
                                  const char  *type,
                                  const char  *title,
                                  const char  *detail,
                                  json_object *errors);
void      spa_reply_add_header   (SpaReply    *self,
                                  const char  *name,
                                  const char  *value);
void      spa_reply_apply_headers (SpaReply   *self,
                                  SoupServerMessage *msg);
void      spa_reply_send         (SpaReply    *self,
                                  SoupServerMessage *msg);
void      spa_reply_free         (SpaReply    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpaReply, spa_reply_free)

G_END_DECLS
