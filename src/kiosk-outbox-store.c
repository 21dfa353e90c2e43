/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-outbox-store.c: the outbox's SQLite file: schema, durability and deleting personal data. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk-outbox-private.h"

G_DEFINE_QUARK (kiosk-outbox-error-quark, kiosk_outbox_error)

struct _KioskOutboxStore
{
  sqlite3 *db;
  int      lock_fd;
};

/* Rows keep the body and the display fields only until the backend has
 * answered for them; after that only the key, state, reference and times. */
static const char schema_v1[] =
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY,"
  "  idempotency_key TEXT NOT NULL UNIQUE,"
  "  body BLOB,"
  "  state TEXT NOT NULL CHECK (state IN ('pending','sending','sent','taken','failed')),"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at INTEGER NOT NULL,"
  "  last_error TEXT,"
  "  reference TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  first_name TEXT,"
  "  service TEXT,"
  "  start TEXT"
  ");"
  "CREATE INDEX outbox_state ON outbox (state);"
  "PRAGMA user_version = 1;";

static const char *state_names[] = { "pending", "sending", "sent", "taken", "failed" };

const char *
kiosk_outbox_state_to_string (KioskOutboxState state)
{
  g_return_val_if_fail (state <= KIOSK_OUTBOX_STATE_FAILED, NULL);

  return state_names[state];
}

static KioskOutboxState
state_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (name, state_names[i]) == 0)
      return i;

  return KIOSK_OUTBOX_STATE_FAILED;
}

typedef struct
{
  gsize size;
  char  data[];
} WipedBuffer;

static void
wiped_buffer_free (gpointer data)
{
  WipedBuffer *buffer = data;

  explicit_bzero (buffer->data, buffer->size);
  g_free (buffer);
}

/* Bytes that are overwritten with zeros when freed: the body holds a
 * customer's personal data, which should not linger in freed memory. */
GBytes *
kiosk_outbox_wiped_bytes_new (const void *data,
                              gsize       size)
{
  WipedBuffer *buffer = g_malloc (sizeof (WipedBuffer) + size);

  buffer->size = size;
  memcpy (buffer->data, data, size);

  return g_bytes_new_with_free_func (buffer->data, size, wiped_buffer_free, buffer);
}

KioskOutboxRow *
kiosk_outbox_row_new (void)
{
  return g_new0 (KioskOutboxRow, 1);
}

static void
wipe_string (char **str)
{
  if (*str != NULL)
    explicit_bzero (*str, strlen (*str));
  g_clear_pointer (str, g_free);
}

void
kiosk_outbox_row_free (KioskOutboxRow *row)
{
  if (row == NULL)
    return;

  g_free (row->key);
  g_clear_pointer (&row->body, g_bytes_unref);
  g_free (row->last_error);
  g_free (row->reference);
  wipe_string (&row->first_name);
  g_free (row->service);
  g_free (row->start);
  g_free (row);
}

KioskOutboxRow *
kiosk_outbox_row_copy (const KioskOutboxRow *row)
{
  KioskOutboxRow *copy = g_memdup2 (row, sizeof *row);

  copy->key = g_strdup (row->key);
  copy->body = row->body ? g_bytes_ref (row->body) : NULL;
  copy->last_error = g_strdup (row->last_error);
  copy->reference = g_strdup (row->reference);
  copy->first_name = g_strdup (row->first_name);
  copy->service = g_strdup (row->service);
  copy->start = g_strdup (row->start);

  return copy;
}

/* The message names the step in plain words; SQLite's own text says what
 * went wrong with the file (never anything of a customer's). */
static gboolean
set_sql_error (KioskOutboxStore  *store,
               const char        *step,
               GError           **error)
{
  g_set_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_STORAGE,
               _("The booking queue file could not be %s: %s"),
               step, sqlite3_errmsg (store->db));
  return FALSE;
}

static gboolean
exec_sql (KioskOutboxStore  *store,
          const char        *sql,
          GError           **error)
{
  if (sqlite3_exec (store->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sql_error (store, _("written"), error);

  return TRUE;
}

static sqlite3_stmt *
prepare (KioskOutboxStore  *store,
         const char        *sql,
         GError           **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sql_error (store, _("read"), error);
      return NULL;
    }

  return stmt;
}

/* Runs a prepared statement that returns no rows, then finalizes it. */
static gboolean
step_done (KioskOutboxStore  *store,
           sqlite3_stmt      *stmt,
           GError           **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (store, _("written"), error);

  return TRUE;
}

char *
kiosk_outbox_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "spa-kiosk", "outbox.db", NULL);
}

/* The directory is the user's alone (0700) and the file too (0600), made
 * before SQLite opens it: SQLite gives its journal the file's mode. */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_STORAGE,
                   _("The folder for the booking queue could not be made: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_STORAGE,
                   _("The booking queue file could not be opened: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Only one process sends a queue's bookings: a second one would send the
 * same rows at the same time. The lock goes with the process. */
static int
take_lock (const char  *path,
           GError     **error)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  int fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_STORAGE,
                   _("The booking queue file could not be opened: %s"),
                   g_strerror (saved_errno));
      return -1;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_IN_USE,
                   _("Another copy of the kiosk is using the booking queue"));
      return -1;
    }

  return fd;
}

static int
get_user_version (KioskOutboxStore *store)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (store->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/* secure_delete zeroes freed space, so a deleted name does not stay in
 * the file; DELETE journaling leaves no second file behind after commit;
 * synchronous=FULL makes each commit survive a power cut. */
static gboolean
configure (KioskOutboxStore  *store,
           GError           **error)
{
  int version;

  sqlite3_busy_timeout (store->db, 10000);
  if (!exec_sql (store,
                 "PRAGMA secure_delete = ON;"
                 "PRAGMA journal_mode = DELETE;"
                 "PRAGMA synchronous = FULL;",
                 error))
    return FALSE;

  version = get_user_version (store);
  if (version < 0)
    return set_sql_error (store, _("read"), error);
  if (version > KIOSK_OUTBOX_SCHEMA_VERSION)
    {
      g_set_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_VERSION,
                   _("The booking queue file was written by a newer version of the kiosk"));
      return FALSE;
    }
  if (version == 0)
    {
      g_autofree char *sql = g_strconcat ("BEGIN IMMEDIATE;", schema_v1, "COMMIT;", NULL);
      if (!exec_sql (store, sql, error))
        {
          sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * kiosk_outbox_store_open:
 * @path: the queue file; its folder is made if needed
 * @error: return location for a #KIOSK_OUTBOX_ERROR
 *
 * Opens (or creates) the queue file, mode 0600 in a 0700 folder, and
 * brings its schema up to date.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
KioskOutboxStore *
kiosk_outbox_store_open (const char  *path,
                         GError     **error)
{
  g_autoptr(KioskOutboxStore) store = g_new0 (KioskOutboxStore, 1);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE;

  g_return_val_if_fail (path != NULL, NULL);

  store->lock_fd = -1;
  if (!prepare_file (path, error))
    return NULL;
  store->lock_fd = take_lock (path, error);
  if (store->lock_fd < 0)
    return NULL;

  if (sqlite3_open_v2 (path, &store->db, flags, NULL) != SQLITE_OK)
    {
      set_sql_error (store, _("opened"), error);
      return NULL;
    }
  if (!configure (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

void
kiosk_outbox_store_close (KioskOutboxStore *store)
{
  if (store == NULL)
    return;

  sqlite3_close (store->db);
  if (store->lock_fd >= 0)
    close (store->lock_fd);
  g_free (store);
}

/* Rows an attempt was sending when the kiosk stopped go back to pending:
 * resending is safe, the key makes the backend answer as the first time. */
gboolean
kiosk_outbox_store_recover (KioskOutboxStore  *store,
                            gint64             now,
                            GError           **error)
{
  sqlite3_stmt *stmt = prepare (store,
                                "UPDATE outbox SET state = 'pending', next_attempt_at = ?1,"
                                " updated_at = ?1 WHERE state = 'sending'",
                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);

  return step_done (store, stmt, error);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static KioskOutboxRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  KioskOutboxRow *row = kiosk_outbox_row_new ();
  const void *body = sqlite3_column_blob (stmt, 2);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->key = column_dup (stmt, 1);
  if (body != NULL)
    row->body = kiosk_outbox_wiped_bytes_new (body, sqlite3_column_bytes (stmt, 2));
  row->state = state_from_string ((const char *) sqlite3_column_text (stmt, 3));
  row->attempts = sqlite3_column_int (stmt, 4);
  row->next_attempt_at = sqlite3_column_int64 (stmt, 5);
  row->last_error = column_dup (stmt, 6);
  row->reference = column_dup (stmt, 7);
  row->created_at = sqlite3_column_int64 (stmt, 8);
  row->first_name = column_dup (stmt, 9);
  row->service = column_dup (stmt, 10);
  row->start = column_dup (stmt, 11);

  return row;
}

/**
 * kiosk_outbox_store_load:
 *
 * Returns: (transfer full) (element-type KioskOutboxRow): every row that is
 *   not finished (pending, sending or failed), oldest first
 */
GPtrArray *
kiosk_outbox_store_load (KioskOutboxStore  *store,
                         GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_outbox_row_free);
  stmt = prepare (store,
                  "SELECT id, idempotency_key, body, state, attempts, next_attempt_at,"
                  " last_error, reference, created_at, first_name, service, start"
                  " FROM outbox WHERE state IN ('pending', 'sending', 'failed') ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sql_error (store, _("read"), error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* The row is committed (synchronous=FULL) when this returns TRUE, and
 * @row->id is set. */
gboolean
kiosk_outbox_store_insert (KioskOutboxStore  *store,
                           KioskOutboxRow    *row,
                           GError           **error)
{
  sqlite3_stmt *stmt;
  gsize size;
  const void *body = g_bytes_get_data (row->body, &size);

  stmt = prepare (store,
                  "INSERT INTO outbox (idempotency_key, body, state, attempts, next_attempt_at,"
                  " created_at, updated_at, first_name, service, start)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9)",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, row->key);
  sqlite3_bind_blob (stmt, 2, body, size, SQLITE_TRANSIENT);
  bind_text (stmt, 3, kiosk_outbox_state_to_string (row->state));
  sqlite3_bind_int (stmt, 4, row->attempts);
  sqlite3_bind_int64 (stmt, 5, row->next_attempt_at);
  sqlite3_bind_int64 (stmt, 6, row->created_at);
  bind_text (stmt, 7, row->first_name);
  bind_text (stmt, 8, row->service);
  bind_text (stmt, 9, row->start);

  if (!step_done (store, stmt, error))
    return FALSE;
  row->id = sqlite3_last_insert_rowid (store->db);

  return TRUE;
}

/* Changes one row; a row that is gone is an error. */
static gboolean
update_one (KioskOutboxStore  *store,
            sqlite3_stmt      *stmt,
            GError           **error)
{
  if (!step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (store->db) != 1)
    {
      g_set_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_NOT_FOUND,
                   _("That booking is no longer in the queue"));
      return FALSE;
    }

  return TRUE;
}

gboolean
kiosk_outbox_store_mark_sending (KioskOutboxStore  *store,
                                 gint64             id,
                                 guint              attempts,
                                 GError           **error)
{
  sqlite3_stmt *stmt = prepare (store,
                                "UPDATE outbox SET state = 'sending', attempts = ?2,"
                                " updated_at = ?3 WHERE id = ?1",
                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, attempts);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());

  return update_one (store, stmt, error);
}

/* The backend has answered for the booking for good: the customer's data
 * goes (secure_delete zeroes the freed bytes in the file). */
gboolean
kiosk_outbox_store_mark_done (KioskOutboxStore  *store,
                              gint64             id,
                              KioskOutboxState   state,
                              const char        *reference,
                              GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (state == KIOSK_OUTBOX_STATE_SENT || state == KIOSK_OUTBOX_STATE_TAKEN,
                        FALSE);

  stmt = prepare (store,
                  "UPDATE outbox SET state = ?2, reference = ?3, body = NULL,"
                  " first_name = NULL, service = NULL, start = NULL, last_error = NULL,"
                  " updated_at = ?4 WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, kiosk_outbox_state_to_string (state));
  bind_text (stmt, 3, reference);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());

  return update_one (store, stmt, error);
}

/* The booking waits: pending for its next attempt, or failed for staff. */
gboolean
kiosk_outbox_store_mark_waiting (KioskOutboxStore  *store,
                                 gint64             id,
                                 KioskOutboxState   state,
                                 gint64             next_attempt_at,
                                 const char        *last_error,
                                 GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (state == KIOSK_OUTBOX_STATE_PENDING || state == KIOSK_OUTBOX_STATE_FAILED,
                        FALSE);

  stmt = prepare (store,
                  "UPDATE outbox SET state = ?2, next_attempt_at = ?3, last_error = ?4,"
                  " updated_at = ?5 WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, kiosk_outbox_state_to_string (state));
  sqlite3_bind_int64 (stmt, 3, next_attempt_at);
  bind_text (stmt, 4, last_error);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());

  return update_one (store, stmt, error);
}

/* A failed booking whose time is long past: the customer's data goes
 * (secure_delete zeroes the freed bytes); the key, state, reference and
 * times stay for staff. */
gboolean
kiosk_outbox_store_forget (KioskOutboxStore  *store,
                           gint64             id,
                           GError           **error)
{
  sqlite3_stmt *stmt = prepare (store,
                                "UPDATE outbox SET body = NULL, first_name = NULL,"
                                " updated_at = ?2 WHERE id = ?1",
                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time ());

  return update_one (store, stmt, error);
}

/* Staff gave up on a booking (they called the customer): the row goes. */
gboolean
kiosk_outbox_store_discard (KioskOutboxStore  *store,
                            gint64             id,
                            GError           **error)
{
  sqlite3_stmt *stmt = prepare (store, "DELETE FROM outbox WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return update_one (store, stmt, error);
}

/* Finished rows hold no personal data; they are kept a while so a late
 * question about a reference can be answered, then deleted. */
gboolean
kiosk_outbox_store_prune (KioskOutboxStore  *store,
                          gint64             older_than,
                          GError           **error)
{
  sqlite3_stmt *stmt = prepare (store,
                                "DELETE FROM outbox WHERE state IN ('sent', 'taken')"
                                " AND updated_at < ?1",
                                error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, older_than);

  return step_done (store, stmt, error);
}
