/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-server-faults.c: the test faults (slow, drip, drop, ...) done for real on the connection. */

#include "config.h"

#include <string.h>

#include "kiosk-json.h"
#include "spa-server-private.h"

#define OVERSIZED_BYTES (1024 * 1024)
#define DEFAULT_DRIP_MS 1000

/* A message answered later, from a timeout. The server may finish the
 * message on its own first (the client went away): then it is not touched. */
typedef struct
{
  SpaServer         *server;
  SoupServerMessage *msg;
  SpaReply          *reply;   /* drip: the answer being sent */
  GBytes            *raw;     /* truncated: what to write on the stolen connection */
  gsize              sent;
  gulong             finished_id;
  guint              timeout_id;
  gboolean           finished;
} Delayed;

static void
on_finished (SoupServerMessage *msg,
             Delayed           *delayed)
{
  delayed->finished = TRUE;
}

static Delayed *
delayed_new (SpaServer         *server,
             SoupServerMessage *msg)
{
  Delayed *delayed = g_new0 (Delayed, 1);

  delayed->server = g_object_ref (server);
  delayed->msg = g_object_ref (msg);
  delayed->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_finished), delayed);
  return delayed;
}

static void
delayed_free (Delayed *delayed)
{
  g_clear_signal_handler (&delayed->finished_id, delayed->msg);
  g_clear_object (&delayed->msg);
  g_clear_object (&delayed->server);
  g_clear_pointer (&delayed->reply, spa_reply_free);
  g_clear_pointer (&delayed->raw, g_bytes_unref);
  g_free (delayed);
}

static gboolean
slow_done (gpointer user_data)
{
  Delayed *delayed = user_data;
  g_autoptr(SpaReply) reply = NULL;

  if (!delayed->finished)
    {
      reply = spa_server_answer (delayed->server, delayed->msg);
      spa_reply_send (reply, delayed->msg);
      soup_server_message_unpause (delayed->msg);
    }
  return G_SOURCE_REMOVE;
}

static void
fault_slow (SpaServer         *self,
            SoupServerMessage *msg,
            guint              delay_ms)
{
  Delayed *delayed = delayed_new (self, msg);

  soup_server_message_pause (msg);
  g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, slow_done, delayed,
                      (GDestroyNotify) delayed_free);
}

/* One more byte of the body; the last one completes it. */
static gboolean
drip_next (gpointer user_data)
{
  Delayed *delayed = user_data;
  SoupMessageBody *body;
  gsize size;
  const guchar *data = g_bytes_get_data (delayed->reply->body, &size);

  if (delayed->finished)
    return G_SOURCE_REMOVE;

  body = soup_server_message_get_response_body (delayed->msg);
  if (delayed->sent < size)
    soup_message_body_append (body, SOUP_MEMORY_COPY, data + delayed->sent++, 1);
  if (delayed->sent == size)
    soup_message_body_complete (body);
  soup_server_message_unpause (delayed->msg);
  return delayed->sent < size ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* The real answer with its real Content-Length, the body one byte at a time. */
static void
fault_drip (SpaServer         *self,
            SoupServerMessage *msg,
            guint              delay_ms)
{
  Delayed *delayed = delayed_new (self, msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  delayed->reply = spa_server_answer (self, msg);
  spa_reply_apply_headers (delayed->reply, msg);
  soup_message_headers_set_content_length (headers,
                                           (goffset) g_bytes_get_size (delayed->reply->body));
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);

  soup_server_message_pause (msg);
  g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms ? delay_ms : DEFAULT_DRIP_MS, drip_next,
                      delayed, (GDestroyNotify) delayed_free);
}

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_io_stream_close_finish (G_IO_STREAM (object), result, NULL);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GIOStream) stream = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL);
  g_io_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, closed_cb, NULL);
}

/* Takes the connection from libsoup, writes @raw (may be NULL) and closes it. */
static gboolean
steal_and_close (gpointer user_data)
{
  Delayed *delayed = user_data;
  GBytes *raw = delayed->raw;
  g_autoptr(GIOStream) stream = NULL;

  if (delayed->finished)
    return G_SOURCE_REMOVE;

  stream = soup_server_message_steal_connection (delayed->msg);
  if (stream == NULL)
    return G_SOURCE_REMOVE;
  if (raw == NULL)
    {
      g_io_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, closed_cb, NULL);
      return G_SOURCE_REMOVE;
    }

  g_output_stream_write_all_async (g_io_stream_get_output_stream (stream),
                                   g_bytes_get_data (raw, NULL), g_bytes_get_size (raw),
                                   G_PRIORITY_DEFAULT, NULL, written_cb,
                                   g_object_ref (stream));
  /* The bytes must outlive the write: keep them with the stream. */
  g_object_set_data_full (G_OBJECT (stream), "spa-raw", g_bytes_ref (raw),
                          (GDestroyNotify) g_bytes_unref);
  return G_SOURCE_REMOVE;
}

/* The steal happens from an idle callback, outside libsoup's own handler call. */
static void
close_connection (SpaServer         *self,
                  SoupServerMessage *msg,
                  GBytes            *raw)
{
  Delayed *delayed = delayed_new (self, msg);

  delayed->raw = raw ? g_bytes_ref (raw) : NULL;
  soup_server_message_pause (msg);
  g_idle_add_full (G_PRIORITY_DEFAULT, steal_and_close, delayed, (GDestroyNotify) delayed_free);
}

/* The real answer's head with a Content-Length twice the body's, and half the body. */
static void
fault_truncated (SpaServer         *self,
                 SoupServerMessage *msg)
{
  g_autoptr(SpaReply) reply = spa_server_answer (self, msg);
  g_autoptr(GBytes) raw = NULL;
  gsize size;
  const char *data = g_bytes_get_data (reply->body, &size);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "HTTP/1.1 %u %s\r\n",
                          reply->status, soup_status_get_phrase (reply->status));
  g_string_append_printf (text, "Content-Type: %s\r\n", reply->content_type);
  g_string_append_printf (text, "Content-Length: %" G_GSIZE_FORMAT "\r\n", size * 2 + 2);
  g_string_append (text, "Cache-Control: no-store\r\n\r\n");
  g_string_append_len (text, data, (gssize) (size / 2));

  raw = g_string_free_to_bytes (text);
  close_connection (self, msg, raw);
}

/* Every top-level member turned into another JSON type. */
static json_object *
wrong_types (json_object *original)
{
  json_object *object = json_object_new_object ();

  json_object_object_foreach (original, name, value)
    {
      switch (json_object_get_type (value))
        {
        case json_type_string:
          json_object_object_add (object, name, json_object_new_int (42));
          break;
        case json_type_array:
        case json_type_object:
          json_object_object_add (object, name, json_object_new_string ("42"));
          break;
        case json_type_null:
        case json_type_boolean:
        case json_type_double:
        case json_type_int:
        default:
          json_object_object_add (object, name, json_object_new_array ());
          break;
        }
    }
  return object;
}

/* The real answer, padded to exactly 1 MiB with a "padding" member. */
static json_object *
oversized (json_object *original)
{
  json_object *object = json_object_get (original);
  const char *text = json_object_to_json_string_ext (object, JSON_C_TO_STRING_PLAIN
                                                             | JSON_C_TO_STRING_NOSLASHESCAPE);
  /* "padding":"" adds 12 bytes, and a comma unless the object is empty. */
  gsize added = json_object_object_length (object) > 0 ? 13 : 12;
  gsize size = strlen (text) + added;
  gsize pad = OVERSIZED_BYTES > size ? OVERSIZED_BYTES - size : 0;
  g_autofree char *padding = g_malloc (pad + 1);

  memset (padding, 'x', pad);
  padding[pad] = '\0';
  json_object_object_add (object, "padding", json_object_new_string_len (padding, (int) pad));
  return object;
}

static void
fault_reshape (SpaServer         *self,
               SoupServerMessage *msg,
               SpaFault           fault)
{
  g_autoptr(SpaReply) real = spa_server_answer (self, msg);
  g_autoptr(SpaReply) reply = NULL;
  g_autoptr(json_object) original = NULL;
  g_autoptr(json_object) changed = NULL;
  gsize size;
  const char *data = g_bytes_get_data (real->body, &size);

  original = kiosk_json_parse (data, size, KIOSK_JSON_MAX_DEPTH, NULL);
  if (original != NULL && !json_object_is_type (original, json_type_object))
    g_clear_pointer (&original, json_object_put);
  if (original == NULL)
    original = json_object_new_object ();

  changed = fault == SPA_FAULT_WRONG_TYPE ? wrong_types (original) : oversized (original);
  reply = spa_reply_new_json (SOUP_STATUS_OK, changed);
  spa_reply_send (reply, msg);
}

static void
fault_malformed (SpaServer         *self,
                 SoupServerMessage *msg)
{
  static const char broken[] = "{\"status\": \"ok\", \"services\": [{\"id\": \"relaxation\",, ]";
  g_autoptr(GBytes) body = g_bytes_new_static (broken, strlen (broken));
  g_autoptr(SpaReply) reply = spa_reply_new (SOUP_STATUS_OK, "application/json", body);

  /* Processed for real; only its answer is replaced. */
  spa_reply_free (spa_server_answer (self, msg));
  spa_reply_send (reply, msg);
}

static void
fault_redirect (SpaServer         *self,
                SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  g_autofree char *location = g_strdup_printf ("%smoved%s%s%s", self->url, g_uri_get_path (uri),
                                               query ? "?" : "", query ? query : "");
  g_autoptr(SpaReply) reply = NULL;

  reply = spa_reply_new_problem (SOUP_STATUS_FOUND, "moved", "Moved", NULL, NULL);

  spa_reply_add_header (reply, "Location", location);
  spa_reply_send (reply, msg);
}

static void
fault_status (SoupServerMessage *msg,
              guint              status)
{
  g_autoptr(SpaReply) reply = NULL;

  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    {
      reply = spa_reply_new_problem (status, "unavailable", "The booking system is unavailable",
                                     "try again later", NULL);
      spa_reply_add_header (reply, "Retry-After", "1");
    }
  else
    reply = spa_reply_new_problem (status, "server-error", "The booking system had a problem",
                                   NULL, NULL);
  spa_reply_send (reply, msg);
}

/**
 * spa_server_apply_fault:
 *
 * Answers @msg with @fault instead of normally. Faults that deliver a body
 * (slow, drip, truncated, malformed, wrong-type, oversized) first process
 * the request for real, like a server that did the work and then failed to
 * answer well; status-500, status-503, drop and redirect do not process it.
 */
void
spa_server_apply_fault (SpaServer         *self,
                        SoupServerMessage *msg,
                        SpaFault           fault,
                        guint              delay_ms)
{
  switch (fault)
    {
    case SPA_FAULT_SLOW:       fault_slow (self, msg, delay_ms); break;
    case SPA_FAULT_DRIP:       fault_drip (self, msg, delay_ms); break;
    case SPA_FAULT_STATUS_500: fault_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR); break;
    case SPA_FAULT_STATUS_503: fault_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE); break;
    case SPA_FAULT_DROP:       close_connection (self, msg, NULL); break;
    case SPA_FAULT_TRUNCATED:  fault_truncated (self, msg); break;
    case SPA_FAULT_MALFORMED:  fault_malformed (self, msg); break;
    case SPA_FAULT_WRONG_TYPE:
    case SPA_FAULT_OVERSIZED:  fault_reshape (self, msg, fault); break;
    case SPA_FAULT_REDIRECT:   fault_redirect (self, msg); break;
    case SPA_FAULT_NONE:
    default:
      g_assert_not_reached ();
    }
}
