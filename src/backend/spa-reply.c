/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-reply.c: an HTTP answer built before it is sent, so faults can alter it. */

#include "config.h"

#include <string.h>

#include "kiosk-json.h"
#include "spa-reply.h"

SpaReply *
spa_reply_new (guint       status,
               const char *content_type,
               GBytes     *body)
{
  SpaReply *self = g_new0 (SpaReply, 1);

  self->status = status;
  self->content_type = g_strdup (content_type);
  self->body = body ? g_bytes_ref (body) : g_bytes_new_static ("", 0);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  return self;
}

static GBytes *
serialize (json_object *object)
{
  const char *text = json_object_to_json_string_ext (object,
                                                     JSON_C_TO_STRING_PLAIN
                                                     | JSON_C_TO_STRING_NOSLASHESCAPE);
  return g_bytes_new (text, strlen (text));
}

SpaReply *
spa_reply_new_json (guint        status,
                    json_object *object)
{
  g_autoptr(GBytes) body = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  body = serialize (object);
  return spa_reply_new (status, "application/json", body);
}

/**
 * spa_reply_new_problem:
 * @type: the last part of the problem type URI, under SPA_PROBLEM_BASE
 * @errors: (transfer full) (nullable): the "errors" array of a 422
 *
 * An RFC 9457 problem document.
 */
SpaReply *
spa_reply_new_problem (guint        status,
                       const char  *type,
                       const char  *title,
                       const char  *detail,
                       json_object *errors)
{
  g_autoptr(json_object) problem = json_object_new_object ();
  g_autofree char *type_uri = g_strconcat (SPA_PROBLEM_BASE, type, NULL);
  g_autoptr(GBytes) body = NULL;

  json_object_object_add (problem, "type", json_object_new_string (type_uri));
  json_object_object_add (problem, "title", json_object_new_string (title));
  json_object_object_add (problem, "status", json_object_new_int ((int) status));
  if (detail != NULL)
    json_object_object_add (problem, "detail", json_object_new_string (detail));
  if (errors != NULL)
    json_object_object_add (problem, "errors", errors);

  body = serialize (problem);
  return spa_reply_new (status, "application/problem+json", body);
}

void
spa_reply_add_header (SpaReply   *self,
                      const char *name,
                      const char *value)
{
  g_return_if_fail (self != NULL && name != NULL && value != NULL);

  g_ptr_array_add (self->headers, g_strdup (name));
  g_ptr_array_add (self->headers, g_strdup (value));
}

/* Status and headers only; the caller provides the body. */
void
spa_reply_apply_headers (SpaReply          *self,
                         SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, self->status, NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (self->content_type != NULL)
    soup_message_headers_replace (headers, "Content-Type", self->content_type);
  for (guint i = 0; i + 1 < self->headers->len; i += 2)
    soup_message_headers_replace (headers,
                                  g_ptr_array_index (self->headers, i),
                                  g_ptr_array_index (self->headers, i + 1));
}

void
spa_reply_send (SpaReply          *self,
                SoupServerMessage *msg)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (self->body, &size);

  g_return_if_fail (self != NULL && SOUP_IS_SERVER_MESSAGE (msg));

  spa_reply_apply_headers (self, msg);
  soup_message_body_append (soup_server_message_get_response_body (msg),
                            SOUP_MEMORY_COPY, data, size);
}

void
spa_reply_free (SpaReply *self)
{
  if (self == NULL)
    return;
  g_free (self->content_type);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_free (self);
}
