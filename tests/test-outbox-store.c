/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-outbox-store.c: the booking queue's SQLite file: modes, durability, wiping, recovery. */

#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outbox-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} StoreFixture;

static void
store_fixture_set_up (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "queue", "outbox.db", NULL);
}

static void
store_fixture_tear_down (StoreFixture  *f,
                         gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_store_modes (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxStore) store = kiosk_outbox_store_open (f->path, &error);
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *version = NULL;
  g_autofree char *journal = NULL;
  struct stat st;

  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  version = query_text (f->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "1");
  journal = query_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");
}

/* With no path the queue lives in the user's data folder, which
 * G_TEST_OPTION_ISOLATE_DIRS points at a fresh temporary one. */
static void
test_store_default_path (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kiosk_outbox_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "spa-kiosk", "outbox.db",
                                                NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(KioskOutboxStore) store = NULL;
  struct stat st;

  g_assert_cmpstr (path, ==, expected);
  store = kiosk_outbox_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* The kiosk's folder is made private even if it existed before. */
static void
test_default_folder_private (StoreFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kiosk_outbox_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  KioskBackendConfig *config = kiosk_backend_config_new ("https://127.0.0.1:1/", "token",
                                                         "test-kiosk", &error);
  g_autoptr(KioskApiClient) client = kiosk_api_client_new (config);
  g_autoptr(KioskOutbox) outbox = NULL;
  struct stat st;

  kiosk_backend_config_unref (config);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  outbox = kiosk_outbox_new (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kiosk_outbox_get_path (outbox), ==, path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpuint (kiosk_outbox_get_n_pending (outbox), ==, 0);
}

static void
test_store_tightens_mode (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  struct stat st;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);

  store = kiosk_outbox_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_store_insert_durable (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxStore) store = kiosk_outbox_store_open (f->path, &error);
  g_autoptr(KioskOutboxRow) row = make_row ("key-1", "Zelda", "8015550199");
  g_autofree char *state = NULL;
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  g_assert_true (kiosk_outbox_store_insert (store, row, &error));
  g_assert_no_error (error);
  g_assert_cmpint (row->id, >, 0);

  /* Another connection sees it at once: it is committed. */
  state = query_text (f->path, "SELECT state FROM outbox WHERE idempotency_key = 'key-1'");
  g_assert_cmpstr (state, ==, "pending");
  body = query_text (f->path, "SELECT body FROM outbox WHERE idempotency_key = 'key-1'");
  g_assert_cmpmem (body, strlen (body), g_bytes_get_data (row->body, NULL),
                   g_bytes_get_size (row->body));

  /* The same key twice is refused: one key, one booking. */
  {
    g_autoptr(KioskOutboxRow) twin = make_row ("key-1", "Other", "8015550100");
    g_assert_false (kiosk_outbox_store_insert (store, twin, &error));
    g_assert_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_STORAGE);
  }
}

static void
test_store_done_deletes_personal_data (StoreFixture  *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxStore) store = kiosk_outbox_store_open (f->path, &error);
  g_autoptr(KioskOutboxRow) sent = make_row ("key-sent", "Quetzalli", "8015550177");
  g_autoptr(KioskOutboxRow) taken = make_row ("key-taken", "Wilhelmina", "8015550166");
  g_autoptr(KioskOutboxRow) kept = make_row ("key-kept", "Bartholomew", "8015550155");
  g_autofree char *reference = NULL;

  g_assert_true (kiosk_outbox_store_insert (store, sent, &error));
  g_assert_true (kiosk_outbox_store_insert (store, taken, &error));
  g_assert_true (kiosk_outbox_store_insert (store, kept, &error));
  g_assert_no_error (error);
  g_assert_true (file_contains (f->path, "Quetzalli"));

  g_assert_true (kiosk_outbox_store_mark_done (store, sent->id, KIOSK_OUTBOX_STATE_SENT,
                                               "MX-AAAAA", &error));
  g_assert_true (kiosk_outbox_store_mark_done (store, taken->id, KIOSK_OUTBOX_STATE_TAKEN,
                                               NULL, &error));
  g_assert_no_error (error);

  g_assert_false (file_contains (f->path, "Quetzalli"));
  g_assert_false (file_contains (f->path, "8015550177"));
  g_assert_false (file_contains (f->path, "Wilhelmina"));
  g_assert_false (file_contains (f->path, "8015550166"));
  g_assert_true (file_contains (f->path, "Bartholomew"));

  reference = query_text (f->path,
                          "SELECT reference FROM outbox WHERE idempotency_key = 'key-sent'"
                          " AND body IS NULL AND first_name IS NULL AND start IS NULL");
  g_assert_cmpstr (reference, ==, "MX-AAAAA");
}

static void
test_store_recover_and_load (StoreFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxStore) store = kiosk_outbox_store_open (f->path, &error);
  g_autoptr(KioskOutboxRow) a = make_row ("key-a", "Ana", "8015550101");
  g_autoptr(KioskOutboxRow) b = make_row ("key-b", "Ben", "8015550102");
  g_autoptr(KioskOutboxRow) c = make_row ("key-c", "Cy", "8015550103");
  g_autoptr(GPtrArray) rows = NULL;
  KioskOutboxRow *loaded;

  g_assert_true (kiosk_outbox_store_insert (store, a, &error));
  g_assert_true (kiosk_outbox_store_insert (store, b, &error));
  g_assert_true (kiosk_outbox_store_insert (store, c, &error));
  g_assert_true (kiosk_outbox_store_mark_sending (store, a->id, 3, &error));
  g_assert_true (kiosk_outbox_store_mark_waiting (store, b->id, KIOSK_OUTBOX_STATE_FAILED, 0,
                                                  "The phone number must have 10 digits",
                                                  &error));
  g_assert_true (kiosk_outbox_store_mark_done (store, c->id, KIOSK_OUTBOX_STATE_SENT, "MX-1",
                                               &error));
  g_assert_no_error (error);
  g_clear_pointer (&store, kiosk_outbox_store_close);

  /* As after a crash: a new store on the same file. */
  store = kiosk_outbox_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_outbox_store_recover (store, 42, &error));
  rows = kiosk_outbox_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  loaded = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (loaded->key, ==, "key-a");
  g_assert_cmpint (loaded->state, ==, KIOSK_OUTBOX_STATE_PENDING);
  g_assert_cmpuint (loaded->attempts, ==, 3);
  g_assert_cmpint (loaded->next_attempt_at, ==, 42);
  g_assert_true (g_bytes_equal (loaded->body, a->body));
  g_assert_cmpstr (loaded->first_name, ==, "Ana");

  loaded = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (loaded->key, ==, "key-b");
  g_assert_cmpint (loaded->state, ==, KIOSK_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (loaded->last_error, ==, "The phone number must have 10 digits");
}

static void
test_store_one_process (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxStore) first = kiosk_outbox_store_open (f->path, &error);
  g_autoptr(KioskOutboxStore) second = NULL;

  g_assert_no_error (error);
  second = kiosk_outbox_store_open (f->path, &error);
  g_assert_null (second);
  g_assert_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_IN_USE);
  g_clear_error (&error);

  g_clear_pointer (&first, kiosk_outbox_store_close);
  second = kiosk_outbox_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
test_store_newer_version (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxStore) store = kiosk_outbox_store_open (f->path, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_pointer (&store, kiosk_outbox_store_close);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = kiosk_outbox_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, KIOSK_OUTBOX_ERROR, KIOSK_OUTBOX_ERROR_VERSION);
}

static void
test_store_prune (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutboxStore) store = kiosk_outbox_store_open (f->path, &error);
  g_autoptr(KioskOutboxRow) done = make_row ("key-done", "Dee", "8015550104");
  g_autoptr(KioskOutboxRow) waiting = make_row ("key-waiting", "Eve", "8015550105");
  g_autofree char *count = NULL;

  g_assert_true (kiosk_outbox_store_insert (store, done, &error));
  g_assert_true (kiosk_outbox_store_insert (store, waiting, &error));
  g_assert_true (kiosk_outbox_store_mark_done (store, done->id, KIOSK_OUTBOX_STATE_SENT, "MX-2",
                                               &error));
  g_assert_true (kiosk_outbox_store_prune (store, g_get_real_time () + 1, &error));
  g_assert_no_error (error);

  /* Only the finished row goes; a waiting booking is never pruned. */
  count = query_text (f->path, "SELECT group_concat(idempotency_key) FROM outbox");
  g_assert_cmpstr (count, ==, "key-waiting");
}

/* The queue against the real backend */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define STORE_TEST(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_set_up, func, store_fixture_tear_down)

  STORE_TEST ("/kiosk/outbox/store/file-modes", test_store_modes);
  STORE_TEST ("/kiosk/outbox/store/default-path", test_store_default_path);
  STORE_TEST ("/kiosk/outbox/store/tightens-mode", test_store_tightens_mode);
  STORE_TEST ("/kiosk/outbox/default-folder-private", test_default_folder_private);
  STORE_TEST ("/kiosk/outbox/store/insert-is-durable", test_store_insert_durable);
  STORE_TEST ("/kiosk/outbox/store/done-deletes-personal-data",
              test_store_done_deletes_personal_data);
  STORE_TEST ("/kiosk/outbox/store/recover-and-load", test_store_recover_and_load);
  STORE_TEST ("/kiosk/outbox/store/one-process", test_store_one_process);
  STORE_TEST ("/kiosk/outbox/store/newer-version", test_store_newer_version);
  STORE_TEST ("/kiosk/outbox/store/prune", test_store_prune);

  return g_test_run ();
}
