/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-outbox-record.c: the queue file's rows, whatever they hold, as the outbox reads them back. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-target.h"
#include "kiosk-outbox-private.h"

/* The input: one byte choosing the table (the kiosk's own schema, or one
 * without its constraints, as a damaged or hand-made file may have), then
 * rows of 12 values, each a type byte and its bytes. */
#define N_VALUES 12
#define MAX_ROWS 4

static const char lax_schema[] =
  "CREATE TABLE outbox (id INTEGER PRIMARY KEY, idempotency_key, body, state, attempts,"
  " next_attempt_at, last_error, reference, created_at, updated_at, first_name, service, start);"
  "PRAGMA user_version = 1;";

static const char insert_sql[] =
  "INSERT INTO outbox (idempotency_key, body, state, attempts, next_attempt_at, last_error,"
  " reference, created_at, updated_at, first_name, service, start)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

static const char *states[] = { "pending", "sending", "sent", "taken", "failed" };

typedef struct
{
  const guint8 *data;
  gsize size;
} Input;

static guint8
take_byte (Input *in)
{
  guint8 b = 0;

  if (in->size > 0)
    {
      b = in->data[0];
      in->data++;
      in->size--;
    }
  return b;
}

static gint64
take_int (Input *in)
{
  guint64 v = 0;

  for (guint i = 0; i < 8; i++)
    v = (v << 8) | take_byte (in);
  return (gint64) v;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           column,
            Input        *in)
{
  guint8 type = take_byte (in) % 6;
  gsize length;
  guint8 wanted;

  switch (type)
    {
    case 0:
      sqlite3_bind_null (stmt, column);
      return;
    case 1:
      sqlite3_bind_int64 (stmt, column, take_int (in));
      return;
    case 2:
      sqlite3_bind_double (stmt, column, (double) take_int (in) / 3.0);
      return;
    case 5:
      sqlite3_bind_text (stmt, column, states[take_byte (in) % G_N_ELEMENTS (states)], -1,
                         SQLITE_STATIC);
      return;
    default:
      wanted = take_byte (in);
      length = MIN (wanted, in->size);
      if (type == 3)
        sqlite3_bind_text (stmt, column, (const char *) in->data, length, SQLITE_TRANSIENT);
      else
        sqlite3_bind_blob (stmt, column, in->data, length, SQLITE_TRANSIENT);
      in->data += length;
      in->size -= length;
      return;
    }
}

/* Writes the rows straight into the file, past the outbox's own code. */
static void
write_rows (const char *path,
            gboolean    lax,
            Input      *in)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (lax)
    g_assert_cmpint (sqlite3_exec (db, lax_schema, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, insert_sql, -1, &stmt, NULL), ==, SQLITE_OK);

  for (guint row = 0; row < MAX_ROWS && in->size > 0; row++)
    {
      for (int column = 1; column <= N_VALUES; column++)
        bind_value (stmt, column, in);
      sqlite3_step (stmt);   /* the kiosk's schema refuses some rows: fine */
      sqlite3_reset (stmt);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
assert_text (const char *text)
{
  g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
}

/* What the queue and the staff screen rely on, for every row read back. */
static void
check_row (const KioskOutboxRow *row)
{
  g_autoptr(KioskOutboxItem) item = kiosk_outbox_item_new_from_row (row);

  g_assert_nonnull (row->key);
  g_assert_nonnull (row->body);
  g_assert_true (row->state == KIOSK_OUTBOX_STATE_PENDING
                 || row->state == KIOSK_OUTBOX_STATE_FAILED);
  if (row->state == KIOSK_OUTBOX_STATE_PENDING)
    g_assert_cmpuint (g_bytes_get_size (row->body), >, 0);
  g_assert_cmpuint (row->attempts, <=, G_MAXINT);
  assert_text (row->key);
  assert_text (row->last_error);
  assert_text (row->reference);

  g_assert_cmpint (kiosk_outbox_item_get_id (item), ==, row->id);
  g_assert_true (kiosk_outbox_item_get_state (item) == row->state);
  g_assert_nonnull (kiosk_outbox_state_to_string (kiosk_outbox_item_get_state (item)));
  g_assert_cmpuint (kiosk_outbox_item_get_attempts (item), ==, row->attempts);
  assert_text (kiosk_outbox_item_get_first_name (item));
  assert_text (kiosk_outbox_item_get_service (item));
  assert_text (kiosk_outbox_item_get_start (item));
  assert_text (kiosk_outbox_item_get_reason (item));
}

/* Opens the file as the outbox does when the kiosk starts. */
static void
read_back (const char *path)
{
  g_autoptr(KioskOutboxStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();

  store = kiosk_outbox_store_open (path, &error);
  g_assert_no_error (error);
  if (!kiosk_outbox_store_recover (store, now, &error)
      || !kiosk_outbox_store_prune (store, now - KIOSK_OUTBOX_KEEP_DONE_USEC, &error)
      || !(rows = kiosk_outbox_store_load (store, &error)))
    {
      fuzz_target_assert_error (error, KIOSK_OUTBOX_ERROR);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    check_row (g_ptr_array_index (rows, i));
}

static char *dir;

static void
remove_work_dir (void)
{
  g_rmdir (dir);
}

static char *
work_dir (void)
{
  /* .ci/fuzz points TMPDIR at a folder in memory (the store syncs every
   * commit) that it removes afterwards: libFuzzer's exit skips atexit(). */
  if (dir == NULL)
    {
      g_autofree char *tmpl = g_build_filename (g_get_tmp_dir (), "fuzz-outbox-XXXXXX", NULL);
      dir = g_mkdtemp (g_steal_pointer (&tmpl));
      g_assert_nonnull (dir);
      atexit (remove_work_dir);
    }
  return dir;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Input in = { data, size };
  g_autofree char *path = g_build_filename (work_dir (), "queue.sqlite", NULL);
  g_autofree char *lock = g_strconcat (path, ".lock", NULL);
  gboolean lax = take_byte (&in) & 1;

  fuzz_target_setup ();

  if (!lax)
    {
      g_autoptr(GError) error = NULL;
      KioskOutboxStore *store = kiosk_outbox_store_open (path, &error);

      g_assert_no_error (error);
      kiosk_outbox_store_close (store);
    }
  write_rows (path, lax, &in);
  read_back (path);

  g_unlink (path);
  g_unlink (lock);
  return 0;
}
