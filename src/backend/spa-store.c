/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-store.c: the reference backend's SQLite database of bookings and idempotency keys. */

#include "config.h"

#include <sqlite3.h>

#include "spa-store.h"

struct _SpaStore
{
  GObject  parent_instance;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (SpaStore, spa_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (spa-store-error-quark, spa_store_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A booking occupies [start_utc, end_utc) of its service. The unique index
 * is a second guard; the overlap check in the same write transaction is the
 * rule (see spa_store_add_booking). */
static const char schema[] =
  "PRAGMA journal_mode = WAL;"
  "PRAGMA synchronous = FULL;"
  "PRAGMA foreign_keys = ON;"
  "CREATE TABLE IF NOT EXISTS bookings ("
  "  id          INTEGER PRIMARY KEY,"
  "  reference   TEXT    NOT NULL UNIQUE,"
  "  service     TEXT    NOT NULL,"
  "  start_utc   INTEGER NOT NULL,"
  "  end_utc     INTEGER NOT NULL CHECK (end_utc > start_utc),"
  "  start_text  TEXT    NOT NULL,"
  "  first_name  TEXT    NOT NULL,"
  "  last_name   TEXT    NOT NULL,"
  "  phone       TEXT    NOT NULL,"
  "  email       TEXT,"
  "  health_note TEXT,"
  "  kiosk_id    TEXT    NOT NULL,"
  "  created_utc INTEGER NOT NULL,"
  "  UNIQUE (service, start_utc));"
  "CREATE TABLE IF NOT EXISTS idempotency_keys ("
  "  key          TEXT    PRIMARY KEY,"
  "  fingerprint  TEXT    NOT NULL,"
  "  status       INTEGER NOT NULL,"
  "  content_type TEXT    NOT NULL,"
  "  body         BLOB    NOT NULL,"
  "  created_utc  INTEGER NOT NULL);";

static const char reference_alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

static gboolean
sql_error (SpaStore    *self,
           GError     **error,
           const char  *what)
{
  g_set_error (error, SPA_STORE_ERROR, SPA_STORE_ERROR_FAILED,
               "database: %s: %s", what, sqlite3_errmsg (self->db));
  return FALSE;
}

static void
spa_store_finalize (GObject *object)
{
  SpaStore *self = SPA_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close);

  G_OBJECT_CLASS (spa_store_parent_class)->finalize (object);
}

static void
spa_store_class_init (SpaStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spa_store_finalize;
}

static void
spa_store_init (SpaStore *self)
{
}

SpaStore *
spa_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(SpaStore) self = g_object_new (SPA_TYPE_STORE, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      sql_error (self, error, path);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (sqlite3_exec (self->db, schema, NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_error (self, error, "creating the tables");
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* Takes the write lock at once, so the check and the insert that follow are
 * one atomic step even with other writers on the same file. */
gboolean
spa_store_begin (SpaStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (SPA_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return sql_error (self, error, "begin");
  return TRUE;
}

gboolean
spa_store_commit (SpaStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (SPA_IS_STORE (self), FALSE);

  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_error (self, error, "commit");
      spa_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
spa_store_rollback (SpaStore *self)
{
  g_return_if_fail (SPA_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static sqlite3_stmt *
prepare (SpaStore    *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_error (self, error, "prepare");
      return NULL;
    }
  return stmt;
}

void
spa_stored_answer_free (SpaStoredAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->fingerprint);
  g_free (answer->content_type);
  g_clear_pointer (&answer->body, g_bytes_unref);
  g_free (answer);
}

/* Sets *out_answer to the answer stored for @key, or NULL if there is none. */
gboolean
spa_store_find_answer (SpaStore         *self,
                       const char       *key,
                       SpaStoredAnswer **out_answer,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  SpaStoredAnswer *answer;
  int rc;

  g_return_val_if_fail (SPA_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && out_answer != NULL, FALSE);

  *out_answer = NULL;
  stmt = prepare (self, "SELECT fingerprint, status, content_type, body "
                        "FROM idempotency_keys WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return sql_error (self, error, "reading an idempotency key");

  answer = g_new0 (SpaStoredAnswer, 1);
  answer->fingerprint = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  answer->status = (guint) sqlite3_column_int (stmt, 1);
  answer->content_type = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  answer->body = g_bytes_new (sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
  *out_answer = answer;
  return TRUE;
}

gboolean
spa_store_save_answer (SpaStore              *self,
                       const char            *key,
                       const SpaStoredAnswer *answer,
                       GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (SPA_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && answer != NULL, FALSE);

  stmt = prepare (self, "INSERT INTO idempotency_keys "
                        "(key, fingerprint, status, content_type, body, created_utc) "
                        "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  data = g_bytes_get_data (answer->body, &size);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, answer->fingerprint, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int) answer->status);
  sqlite3_bind_text (stmt, 4, answer->content_type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 5, size ? data : "", (int) size, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sql_error (self, error, "saving an idempotency key");
  return TRUE;
}

static char *
new_reference (void)
{
  char code[9] = "MX-";

  for (guint i = 3; i < 8; i++)
    code[i] = reference_alphabet[g_random_int_range (0, sizeof reference_alphabet - 1)];
  return g_strdup (code);
}

static gboolean
overlaps_booking (SpaStore            *self,
                  const SpaBookingRow *row,
                  gboolean            *out_overlaps,
                  GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self, "SELECT 1 FROM bookings WHERE service = ? "
                        "AND start_utc < ? AND end_utc > ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->service, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row->end);
  sqlite3_bind_int64 (stmt, 3, row->start);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:  *out_overlaps = TRUE; return TRUE;
    case SQLITE_DONE: *out_overlaps = FALSE; return TRUE;
    default:          return sql_error (self, error, "checking the time");
    }
}

/* Inserts the row under a fresh reference. Returns SQLITE_CONSTRAINT on a
 * clash of the reference or of (service, start). */
static int
insert_booking (SpaStore            *self,
                const SpaBookingRow *row,
                const char          *reference,
                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, "INSERT INTO bookings (reference, service, start_utc, end_utc, "
                        "start_text, first_name, last_name, phone, email, health_note, "
                        "kiosk_id, created_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return SQLITE_ERROR;

  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->service, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, row->start);
  sqlite3_bind_int64 (stmt, 4, row->end);
  sqlite3_bind_text (stmt, 5, row->start_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, row->first_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, row->last_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, row->phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, row->email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, row->health_note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, row->kiosk_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 12, g_get_real_time () / G_USEC_PER_SEC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_CONSTRAINT)
    sql_error (self, error, "saving the booking");
  return rc;
}

/**
 * spa_store_add_booking:
 *
 * Books [row->start, row->end) of row->service. Call inside
 * spa_store_begin(): the overlap check and the insert then happen under
 * the database's write lock, so two requests can never both get the time.
 *
 * Returns: (transfer full): the new reference ("MX-" and five characters
 *   without 0/O, 1/I/L), or %NULL with %SPA_STORE_ERROR_CONFLICT when the
 *   time overlaps a booking of the same service
 */
char *
spa_store_add_booking (SpaStore            *self,
                       const SpaBookingRow *row,
                       GError             **error)
{
  gboolean overlaps = FALSE;

  g_return_val_if_fail (SPA_IS_STORE (self), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  if (!overlaps_booking (self, row, &overlaps, error))
    return NULL;

  /* A clash of references (31^5 of them) is retried; a clash of the
   * unique (service, start) pair means the slot is taken. */
  for (guint attempt = 0; !overlaps && attempt < 8; attempt++)
    {
      g_autofree char *reference = new_reference ();
      int rc = insert_booking (self, row, reference, error);

      if (rc == SQLITE_DONE)
        return g_steal_pointer (&reference);
      if (rc != SQLITE_CONSTRAINT)
        return NULL;
      if (!overlaps_booking (self, row, &overlaps, error))
        return NULL;
    }

  if (overlaps)
    g_set_error_literal (error, SPA_STORE_ERROR, SPA_STORE_ERROR_CONFLICT,
                         "the time overlaps another booking of this service");
  else
    g_set_error_literal (error, SPA_STORE_ERROR, SPA_STORE_ERROR_FAILED,
                         "database: could not find an unused reference");
  return NULL;
}

/**
 * spa_store_list_busy:
 *
 * Returns: (transfer full) (element-type gint64): pairs of start and end
 *   times of the bookings of @service that overlap [from, to)
 */
GArray *
spa_store_list_busy (SpaStore    *self,
                     const char  *service,
                     gint64       from,
                     gint64       to,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (SPA_IS_STORE (self), NULL);
  g_return_val_if_fail (service != NULL, NULL);

  stmt = prepare (self, "SELECT start_utc, end_utc FROM bookings WHERE service = ? "
                        "AND start_utc < ? AND end_utc > ? ORDER BY start_utc", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, service, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, from);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_vals (busy, pair, 2);
    }
  if (rc != SQLITE_DONE)
    {
      sql_error (self, error, "reading bookings");
      return NULL;
    }
  return g_steal_pointer (&busy);
}
