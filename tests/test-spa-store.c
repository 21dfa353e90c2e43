/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-spa-store.c: the reference backend's database: overlap rule, atomic keys, WAL. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "spa-store.h"

typedef struct
{
  char     *dir;
  char     *path;
  SpaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("spa-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "bookings.sqlite", NULL);
  f->store = spa_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static SpaBookingRow
row (const char *service,
     gint64      start,
     gint64      minutes)
{
  return (SpaBookingRow) {
    .service = service, .start = start, .end = start + minutes * 60,
    .start_text = "2027-01-12T10:00:00-07:00", .first_name = "Ana", .last_name = "Ruiz",
    .phone = "8015550123", .email = NULL, .health_note = NULL, .kiosk_id = "lobby-1",
  };
}

/* Books in its own transaction, like the server. */
static char *
add (SpaStore             *store,
     const SpaBookingRow  *booking,
     GError              **error)
{
  g_autofree char *reference = NULL;

  g_assert_true (spa_store_begin (store, NULL));
  reference = spa_store_add_booking (store, booking, error);
  if (reference == NULL)
    {
      spa_store_rollback (store);
      return NULL;
    }
  g_assert_true (spa_store_commit (store, NULL));
  return g_steal_pointer (&reference);
}

static void
test_overlap (Fixture       *f,
              gconstpointer  data)
{
  const gint64 t = 1800000000;
  SpaBookingRow first = row ("relaxation", t, 60);
  SpaBookingRow overlapping = row ("relaxation", t + 30 * 60, 60);
  SpaBookingRow inside = row ("relaxation", t + 15 * 60, 15);
  SpaBookingRow adjacent = row ("relaxation", t + 60 * 60, 60);
  SpaBookingRow other_service = row ("thai", t, 90);
  g_autoptr(GRegex) shape = g_regex_new ("^MX-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}$", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  g_autoptr(GArray) busy = NULL;

  a = add (f->store, &first, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (shape, a, 0, NULL));

  g_assert_null (add (f->store, &overlapping, &error));
  g_assert_error (error, SPA_STORE_ERROR, SPA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (add (f->store, &inside, &error));
  g_assert_error (error, SPA_STORE_ERROR, SPA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  b = add (f->store, &adjacent, &error);
  g_assert_no_error (error);
  c = add (f->store, &other_service, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, !=, b);

  busy = spa_store_list_busy (f->store, "relaxation", t - 3600, t + 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (busy->len, ==, 4);
  g_assert_cmpint (g_array_index (busy, gint64, 0), ==, t);
  g_assert_cmpint (g_array_index (busy, gint64, 1), ==, t + 3600);
  g_assert_cmpint (g_array_index (busy, gint64, 2), ==, t + 3600);
  g_assert_cmpint (g_array_index (busy, gint64, 3), ==, t + 7200);
}

/* A second connection to the same file, as a second server process would have. */
static void
test_second_connection (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpaStore) other = spa_store_open (f->path, &error);
  SpaBookingRow booking = row ("thai", 1800000000, 90);
  g_autofree char *reference = NULL;

  g_assert_no_error (error);
  reference = add (f->store, &booking, &error);
  g_assert_no_error (error);
  g_assert_null (add (other, &booking, &error));
  g_assert_error (error, SPA_STORE_ERROR, SPA_STORE_ERROR_CONFLICT);
}

static void
test_answers (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"reference\":\"MX-ABCDE\"}", 24);
  SpaStoredAnswer answer = { "f00d", 201, "application/json", body };
  g_autoptr(SpaStoredAnswer) found = NULL;
  g_autoptr(SpaStoredAnswer) missing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (spa_store_save_answer (f->store, "key-1", &answer, &error));
  g_assert_no_error (error);
  g_assert_true (spa_store_find_answer (f->store, "key-1", &found, &error));
  g_assert_nonnull (found);
  g_assert_cmpstr (found->fingerprint, ==, "f00d");
  g_assert_cmpuint (found->status, ==, 201);
  g_assert_cmpstr (found->content_type, ==, "application/json");
  g_assert_true (g_bytes_equal (found->body, body));

  g_assert_true (spa_store_find_answer (f->store, "key-2", &missing, &error));
  g_assert_null (missing);

  /* A key is stored once. */
  g_assert_false (spa_store_save_answer (f->store, "key-1", &answer, &error));
  g_assert_error (error, SPA_STORE_ERROR, SPA_STORE_ERROR_FAILED);
}

/* The booking and its key go together or not at all. */
static void
test_rollback_discards_both (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  SpaStoredAnswer answer = { "beef", 201, "application/json", body };
  SpaBookingRow booking = row ("relaxation", 1800000000, 60);
  g_autoptr(SpaStoredAnswer) found = NULL;
  g_autoptr(GArray) busy = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *again = NULL;

  g_assert_true (spa_store_begin (f->store, NULL));
  reference = spa_store_add_booking (f->store, &booking, NULL);
  g_assert_nonnull (reference);
  g_assert_true (spa_store_save_answer (f->store, "key", &answer, NULL));
  spa_store_rollback (f->store);

  g_assert_true (spa_store_find_answer (f->store, "key", &found, NULL));
  g_assert_null (found);
  busy = spa_store_list_busy (f->store, "relaxation", 0, G_MAXINT64, NULL);
  g_assert_cmpuint (busy->len, ==, 0);
  again = add (f->store, &booking, NULL);
  g_assert_nonnull (again);
}

static char *
pragma (const char *path,
        const char *name)
{
  g_autofree char *sql = g_strconcat ("PRAGMA ", name, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_wal (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *mode = pragma (f->path, "journal_mode");

  /* WAL is a property of the file, seen from any connection. */
  g_assert_cmpstr (mode, ==, "wal");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/spa/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("overlap", test_overlap);
  ADD ("second-connection", test_second_connection);
  ADD ("answers", test_answers);
  ADD ("rollback-discards-both", test_rollback_discards_both);
  ADD ("wal", test_wal);
#undef ADD

  return g_test_run ();
}
