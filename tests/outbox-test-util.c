/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outbox-test-util.c: helpers the queue's storage and sending tests share. */

#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "outbox-test-util.h"
void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}


/* A time @seconds from now, as the booking screen writes it. */
char *
iso_from_now (gint64 seconds)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Denver");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, seconds);

  return g_date_time_format_iso8601 (then);
}

/* A row as the queue writes it for a new booking. */
KioskOutboxRow *
make_row (const char *key,
          const char *first_name,
          const char *phone)
{
  KioskOutboxRow *row = kiosk_outbox_row_new ();
  g_autofree char *body = g_strdup_printf ("{\"service\":\"thai\",\"customer\":"
                                           "{\"first_name\":\"%s\",\"phone\":\"%s\"}}",
                                           first_name, phone);

  row->key = g_strdup (key);
  row->body = g_bytes_new (body, strlen (body));
  row->state = KIOSK_OUTBOX_STATE_PENDING;
  row->next_attempt_at = row->created_at = g_get_real_time ();
  row->first_name = g_strdup (first_name);
  row->service = g_strdup ("thai");
  row->start = iso_from_now (24 * 60 * 60);

  return row;
}

/* Opens the file as another process would: read-only, its own connection. */
sqlite3 *
open_reader (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);

  return db;
}

char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = open_reader (path);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

/* TRUE when @needle is anywhere in the bytes of the file or its journal. */
gboolean
file_contains (const char *path,
               const char *needle)
{
  const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (name, &contents, &length, NULL))
        continue;
      if (memmem (contents, length, needle, strlen (needle)) != NULL)
        return TRUE;
    }

  return FALSE;
}

