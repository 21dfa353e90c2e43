/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-staff-pin.c: the staff PIN, kept as an Argon2id hash, with delays and lockout. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk-staff-pin.h"

/*
 * The PIN file is a private key file:
 *
 *   [staff-pin]
 *   hash=$argon2id$v=19$m=65536,t=2,p=1$...
 *   failures=0
 *   locked-until=0
 *
 * It never holds the PIN. "failures" counts wrong PINs in a row and
 * "locked-until" is the wall-clock time (µs, as g_get_real_time()) before
 * which no PIN is checked, so neither a delay nor the lockout ends with a
 * restart of the kiosk.
 */

#define PIN_GROUP         "staff-pin"
#define PIN_FILE_MAX_SIZE 4096
#define PIN_OPSLIMIT      crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PIN_MEMLIMIT      crypto_pwhash_MEMLIMIT_INTERACTIVE
/* Beyond this the count changes nothing: the lockout is already at its longest. */
#define FAILURES_CAP      1000

struct _KioskStaffPin
{
  GObject             parent_instance;

  char               *path;

  /* One write of the file at a time. Taken without @mutex held, and the
   * file is written outside @mutex, so the getters never wait for the disk. */
  GMutex              write_mutex;

  /* Guards everything below: the hash is checked in a worker thread. */
  GMutex              mutex;
  KioskStaffPinClock  clock;
  gpointer            clock_data;
  char               *hash;         /* NULL until a PIN file is read or a PIN set */
  guint               failures;     /* wrong PINs in a row */
  gint64              locked_until; /* wall clock, µs: no PIN is checked before */
  guint64             generation;   /* counts the changes to the three above */
  gboolean            missing;      /* the file was missing, and its folder was... */
  struct stat         missing_dir;  /* ...this (all zero if the folder was missing too) */
};

/* The state before a change, to undo it if the change cannot be saved. */
typedef struct
{
  char    *hash;
  guint    failures;
  gint64   locked_until;
  guint64  generation;     /* the generation the change made */
} Before;

enum
{
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KioskStaffPin, kiosk_staff_pin, G_TYPE_OBJECT)
G_DEFINE_QUARK (kiosk-staff-pin-error-quark, kiosk_staff_pin_error)

/* The wait after @failures wrong PINs in a row: none, 1, 2, 4, 8 s, then the lockout. */
static gint64
wait_after_failures (guint failures)
{
  if (failures == 0)
    return 0;
  if (failures >= KIOSK_STAFF_PIN_MAX_FAILURES)
    return (gint64) KIOSK_STAFF_PIN_LOCKOUT_SECONDS * G_USEC_PER_SEC;
  return ((gint64) 1 << (failures - 1)) * G_USEC_PER_SEC;
}

static gint64
current_time_locked (KioskStaffPin *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_get_real_time ();
}

/* The times are wall-clock so that they survive a restart. A clock that went
 * back would stretch the wait: it then starts again from now at its full
 * length, so it is never cut short by the jump and never longer than the
 * wait itself. */
static void
clamp_wait_locked (KioskStaffPin *self,
                   gint64         now)
{
  gint64 wait = wait_after_failures (self->failures);

  if (self->locked_until - now > wait)
    self->locked_until = now + wait;
}

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FAILED,
                   _("The cryptography library could not start, so the staff PIN cannot be used."));
      return FALSE;
    }
  return TRUE;
}

static void
wipe_string (gpointer data)
{
  char *s = data;

  if (s == NULL)
    return;
  sodium_memzero (s, strlen (s));
  g_free (s);
}

static gboolean
check_pin_file_stat (const char         *path,
                     const struct stat  *st,
                     GError            **error)
{
  if (!S_ISREG (st->st_mode) || st->st_size > PIN_FILE_MAX_SIZE)
    {
      g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_DAMAGED,
                   _("%s is not a staff PIN file. Set the staff PIN again."), path);
      return FALSE;
    }
  if ((st->st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_INSECURE,
                   _("Other users can read or change the staff PIN file %s, so it is not used. "
                     "Make it private with “chmod 600 %s”, or set the staff PIN again."),
                   path, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_fd (int      fd,
         char    *buffer,
         gsize    size,
         gsize   *out_length)
{
  gsize done = 0;

  while (done < size)
    {
      gssize n = read (fd, buffer + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      done += n;
    }
  *out_length = done;
  return TRUE;
}

static gboolean
set_read_error (const char  *path,
                int          saved_errno,
                GError     **error)
{
  g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FAILED,
               _("The staff PIN file %s cannot be read: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Sets *out_contents to NULL, and succeeds, when there is no file. */
static gboolean
read_pin_file (const char  *path,
               char       **out_contents,
               GError     **error)
{
  g_autofree char *contents = NULL;
  struct stat st;
  gsize length = 0;
  gboolean ok = FALSE;
  int fd;

  *out_contents = NULL;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0 && errno == ENOENT)
    return TRUE;
  if (fd < 0)
    return set_read_error (path, errno, error);

  if (fstat (fd, &st) != 0)
    set_read_error (path, errno, error);
  else if (check_pin_file_stat (path, &st, error))
    {
      contents = g_malloc0 (st.st_size + 1);
      ok = read_fd (fd, contents, st.st_size, &length) || set_read_error (path, errno, error);
    }
  g_close (fd, NULL);

  if (ok)
    *out_contents = g_steal_pointer (&contents);
  return ok;
}

static gboolean
get_count (GKeyFile   *file,
           const char *key,
           gint64     *out_value)
{
  g_autoptr(GError) error = NULL;

  *out_value = g_key_file_get_int64 (file, PIN_GROUP, key, &error);
  return error == NULL && *out_value >= 0;
}

static gboolean
parse_pin_file_locked (KioskStaffPin  *self,
                       const char     *contents,
                       GError        **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *hash = NULL;
  gint64 failures = 0;
  gint64 locked_until = 0;

  if (!g_key_file_load_from_data (file, contents, -1, G_KEY_FILE_NONE, NULL)
      || (hash = g_key_file_get_string (file, PIN_GROUP, "hash", NULL)) == NULL
      || !g_str_has_prefix (hash, crypto_pwhash_argon2id_STRPREFIX)
      || strlen (hash) >= crypto_pwhash_STRBYTES
      || !get_count (file, "failures", &failures)
      || !get_count (file, "locked-until", &locked_until))
    {
      g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_DAMAGED,
                   _("%s is not a staff PIN file. Set the staff PIN again."), self->path);
      return FALSE;
    }

  self->hash = g_steal_pointer (&hash);
  self->failures = MIN (failures, FAILURES_CAP);
  self->locked_until = locked_until;
  return TRUE;
}

static gboolean
same_folder (const struct stat *a,
             const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino
         && a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec
         && a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* A file appears in its folder by a change of the folder's times; while
 * those stay the same the file is still missing, and is not looked for. */
static gboolean
still_missing_locked (KioskStaffPin *self,
                      struct stat   *out_dir)
{
  g_autofree char *dir = g_path_get_dirname (self->path);

  memset (out_dir, 0, sizeof *out_dir);
  if (stat (dir, out_dir) != 0)
    memset (out_dir, 0, sizeof *out_dir);

  return self->missing && same_folder (out_dir, &self->missing_dir);
}

/* Reads the file until a PIN is known; from then on this object's state
 * leads. A missing file is no error: no PIN has been set (yet). */
static gboolean
load_locked (KioskStaffPin  *self,
             GError        **error)
{
  g_autofree char *contents = NULL;
  struct stat dir;

  if (self->hash != NULL || still_missing_locked (self, &dir))
    return TRUE;
  self->missing = FALSE;
  if (!read_pin_file (self->path, &contents, error))
    return FALSE;
  if (contents != NULL)
    return parse_pin_file_locked (self, contents, error);

  /* A folder changed within the last seconds may change again with the
   * same times (coarse file system clocks): it is looked at again. */
  self->missing_dir = dir;
  self->missing = dir.st_mtim.tv_sec < g_get_real_time () / G_USEC_PER_SEC - 2;
  return TRUE;
}

static gboolean
write_pin_file (const char  *path,
                const char  *hash,
                guint        failures,
                gint64       locked_until,
                GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_key_file_set_comment (file, NULL, NULL,
                          " Spa kiosk staff PIN: an Argon2id hash, never the PIN itself.", NULL);
  g_key_file_set_string (file, PIN_GROUP, "hash", hash);
  g_key_file_set_int64 (file, PIN_GROUP, "failures", failures);
  g_key_file_set_int64 (file, PIN_GROUP, "locked-until", locked_until);
  data = g_key_file_to_data (file, &length, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FAILED,
                   _("The folder %s for the staff PIN cannot be made: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FAILED,
                   _("The staff PIN file cannot be written: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Writes the state as it is when the write begins, outside @mutex. Writes
 * take turns, and each writes the latest state, so after the last one the
 * file holds the last change. */
static gboolean
save (KioskStaffPin  *self,
      GError        **error)
{
  g_autoptr(GMutexLocker) writing = g_mutex_locker_new (&self->write_mutex);
  g_autofree char *hash = NULL;
  guint failures;
  gint64 locked_until;

  g_mutex_lock (&self->mutex);
  hash = g_strdup (self->hash);
  failures = self->failures;
  locked_until = self->locked_until;
  g_mutex_unlock (&self->mutex);

  /* A PIN set alongside failed and was undone: nothing to write. */
  if (hash == NULL)
    return TRUE;

  return write_pin_file (self->path, hash, failures, locked_until, error);
}

/* Notes the state before a change made under @mutex. */
static void
before_change_locked (KioskStaffPin *self,
                      Before        *before)
{
  before->hash = g_strdup (self->hash);
  before->failures = self->failures;
  before->locked_until = self->locked_until;
  before->generation = ++self->generation;
}

/* The change could not be saved: it is undone, unless another came since. */
static void
undo_change (KioskStaffPin *self,
             Before        *before)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  if (self->generation == before->generation)
    {
      g_free (self->hash);
      self->hash = g_steal_pointer (&before->hash);
      self->failures = before->failures;
      self->locked_until = before->locked_until;
      self->generation++;
    }
  g_clear_pointer (&before->hash, g_free);
}

/* Decides under the lock whether this attempt may be checked. If it may, it
 * is counted as wrong before the check, so that neither an attempt running
 * alongside nor a restart in the middle escapes the delay; a right PIN
 * undoes it. Returns FALSE with *out_result set when the PIN is not checked. */
static gboolean
claim_attempt (KioskStaffPin        *self,
               Before               *before,
               char                **out_hash,
               KioskStaffPinResult  *out_result,
               GError              **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  gint64 now = current_time_locked (self);

  *out_result = KIOSK_STAFF_PIN_RESULT_ERROR;
  if (!load_locked (self, error))
    return FALSE;
  *out_result = KIOSK_STAFF_PIN_RESULT_NOT_SET;
  if (self->hash == NULL)
    return FALSE;
  *out_result = KIOSK_STAFF_PIN_RESULT_LOCKED_OUT;
  clamp_wait_locked (self, now);
  if (self->locked_until > now)
    return FALSE;

  before_change_locked (self, before);
  self->failures = MIN (self->failures + 1, FAILURES_CAP);
  self->locked_until = now + wait_after_failures (self->failures);
  *out_hash = g_strdup (self->hash);
  return TRUE;
}

/* Claims the attempt, then records it on disk before the PIN is checked. */
static gboolean
begin_attempt (KioskStaffPin        *self,
               char                **out_hash,
               KioskStaffPinResult  *out_result,
               GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  Before before = { 0 };

  if (!claim_attempt (self, &before, out_hash, out_result, error))
    return FALSE;
  if (save (self, &local_error))
    {
      g_free (before.hash);
      return TRUE;
    }

  undo_change (self, &before);
  g_clear_pointer (out_hash, g_free);
  *out_result = KIOSK_STAFF_PIN_RESULT_ERROR;
  g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FAILED,
               _("The PIN was not checked because the attempt could not be recorded. %s"),
               local_error->message);
  return FALSE;
}

static void
finish_attempt (KioskStaffPin *self,
                const char    *hash,
                gboolean       right)
{
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->mutex);
  /* A PIN set while this one was checked starts afresh. */
  if (g_strcmp0 (self->hash, hash) != 0)
    {
      g_mutex_unlock (&self->mutex);
      return;
    }

  if (right)
    {
      self->failures = 0;
      self->locked_until = 0;
    }
  else
    {
      /* The wait runs from the answer, not from the start of the check. */
      self->locked_until = current_time_locked (self) + wait_after_failures (self->failures);
    }
  self->generation++;
  g_mutex_unlock (&self->mutex);

  if (!save (self, &error))
    g_debug ("The staff PIN state was not saved: %s", error->message);
}

/* A hash made with weaker limits than today's is replaced while the PIN is at hand. */
static void
rehash_if_needed (KioskStaffPin *self,
                  const char    *old_hash,
                  const char    *pin)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) error = NULL;
  char hash[crypto_pwhash_STRBYTES];

  if (crypto_pwhash_str_needs_rehash (old_hash, PIN_OPSLIMIT, PIN_MEMLIMIT) == 0)
    return;
  if (crypto_pwhash_str (hash, pin, strlen (pin), PIN_OPSLIMIT, PIN_MEMLIMIT) != 0)
    return;

  locker = g_mutex_locker_new (&self->mutex);
  if (g_strcmp0 (self->hash, old_hash) != 0)
    return;
  g_free (self->hash);
  self->hash = g_strdup (hash);
  self->generation++;
  g_clear_pointer (&locker, g_mutex_locker_free);

  if (!save (self, &error))
    g_debug ("The stronger staff PIN hash was not saved: %s", error->message);
}

static KioskStaffPinResult
verify_pin (KioskStaffPin  *self,
            const char     *pin,
            GError        **error)
{
  g_autofree char *hash = NULL;
  KioskStaffPinResult result;
  gboolean right;

  if (!ensure_sodium (error))
    return KIOSK_STAFF_PIN_RESULT_ERROR;
  if (!begin_attempt (self, &hash, &result, error))
    return result;

  right = crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0;
  finish_attempt (self, hash, right);
  if (!right)
    return KIOSK_STAFF_PIN_RESULT_WRONG;

  rehash_if_needed (self, hash, pin);
  return KIOSK_STAFF_PIN_RESULT_OK;
}

static void
kiosk_staff_pin_constructed (GObject *object)
{
  KioskStaffPin *self = KIOSK_STAFF_PIN (object);

  G_OBJECT_CLASS (kiosk_staff_pin_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = g_build_filename (g_get_user_config_dir (), "spa-kiosk", "staff-pin", NULL);
}

static void
kiosk_staff_pin_finalize (GObject *object)
{
  KioskStaffPin *self = KIOSK_STAFF_PIN (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->hash, g_free);
  g_mutex_clear (&self->mutex);
  g_mutex_clear (&self->write_mutex);

  G_OBJECT_CLASS (kiosk_staff_pin_parent_class)->finalize (object);
}

static void
kiosk_staff_pin_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KioskStaffPin *self = KIOSK_STAFF_PIN (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_staff_pin_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KioskStaffPin *self = KIOSK_STAFF_PIN (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_staff_pin_class_init (KioskStaffPinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kiosk_staff_pin_constructed;
  object_class->finalize = kiosk_staff_pin_finalize;
  object_class->get_property = kiosk_staff_pin_get_property;
  object_class->set_property = kiosk_staff_pin_set_property;

  /**
   * KioskStaffPin:path:
   *
   * The PIN file; by default spa-kiosk/staff-pin in the user's config folder.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_staff_pin_init (KioskStaffPin *self)
{
  g_mutex_init (&self->mutex);
  g_mutex_init (&self->write_mutex);
}

/**
 * kiosk_staff_pin_new:
 * @path: (nullable): the PIN file, or %NULL for the default one
 *
 * The file is read when first needed, and again while it holds no PIN, so a
 * PIN set from the command line is seen without a restart.
 *
 * Returns: (transfer full): a new #KioskStaffPin
 */
KioskStaffPin *
kiosk_staff_pin_new (const char *path)
{
  return g_object_new (KIOSK_TYPE_STAFF_PIN, "path", path, NULL);
}

const char *
kiosk_staff_pin_get_path (KioskStaffPin *self)
{
  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), NULL);

  return self->path;
}

/**
 * kiosk_staff_pin_set_clock:
 * @self: a #KioskStaffPin
 * @clock: (nullable): the wall clock to use, or %NULL for g_get_real_time()
 * @user_data: passed to @clock
 *
 * Replaces the clock, for tests. @clock is called from worker threads too.
 */
void
kiosk_staff_pin_set_clock (KioskStaffPin      *self,
                           KioskStaffPinClock  clock,
                           gpointer            user_data)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (KIOSK_IS_STAFF_PIN (self));

  locker = g_mutex_locker_new (&self->mutex);
  self->clock = clock;
  self->clock_data = user_data;
}

/**
 * kiosk_staff_pin_check_format:
 * @pin: (nullable): a PIN
 * @error: return location for a #KIOSK_STAFF_PIN_ERROR_FORMAT
 *
 * A staff PIN is 4 to 8 digits, 0 to 9. The error never quotes the PIN.
 *
 * Returns: %TRUE if @pin has that form
 */
gboolean
kiosk_staff_pin_check_format (const char  *pin,
                              GError     **error)
{
  gsize length = pin != NULL ? strlen (pin) : 0;
  gsize digits = 0;
  const char *message;

  while (digits < length && g_ascii_isdigit (pin[digits]))
    digits++;

  if (digits < length)
    message = _("The staff PIN can only be digits, 0 to 9.");
  else if (length == 0)
    message = _("No staff PIN was given. Type 4 to 8 digits.");
  else if (length < KIOSK_STAFF_PIN_MIN_LENGTH)
    message = _("The staff PIN is too short: use 4 to 8 digits.");
  else if (length > KIOSK_STAFF_PIN_MAX_LENGTH)
    message = _("The staff PIN is too long: use 4 to 8 digits.");
  else
    return TRUE;

  g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FORMAT, message);
  return FALSE;
}

/**
 * kiosk_staff_pin_set:
 * @self: a #KioskStaffPin
 * @pin: the new PIN, 4 to 8 digits
 * @error: return location for a #KioskStaffPinError
 *
 * Stores an Argon2id hash of @pin, with a clean failure count, in a private
 * file (mode 0600, its folder 0700), replacing the old one atomically. This
 * takes a good part of a second. @pin is not kept; the caller wipes its own
 * copy (sodium_memzero()).
 *
 * Returns: %TRUE if the PIN was set
 */
gboolean
kiosk_staff_pin_set (KioskStaffPin  *self,
                     const char     *pin,
                     GError        **error)
{
  char hash[crypto_pwhash_STRBYTES];
  Before before = { 0 };

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), FALSE);

  if (!kiosk_staff_pin_check_format (pin, error) || !ensure_sodium (error))
    return FALSE;
  if (crypto_pwhash_str (hash, pin, strlen (pin), PIN_OPSLIMIT, PIN_MEMLIMIT) != 0)
    {
      g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FAILED,
                   _("There is not enough memory to protect the staff PIN."));
      return FALSE;
    }

  g_mutex_lock (&self->mutex);
  before_change_locked (self, &before);
  g_free (self->hash);
  self->hash = g_strdup (hash);
  self->failures = 0;
  self->locked_until = 0;
  g_mutex_unlock (&self->mutex);

  if (save (self, error))
    {
      g_free (before.hash);
      return TRUE;
    }

  undo_change (self, &before);
  return FALSE;
}

/**
 * kiosk_staff_pin_is_set:
 * @self: a #KioskStaffPin
 *
 * Returns: %TRUE if a staff PIN is set and its file can be used
 */
gboolean
kiosk_staff_pin_is_set (KioskStaffPin *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  return load_locked (self, NULL) && self->hash != NULL;
}

/**
 * kiosk_staff_pin_verify:
 * @self: a #KioskStaffPin
 * @pin: the PIN typed
 * @error: return location for a #KioskStaffPinError
 *
 * Checks @pin, blocking for a good part of a second: the PIN pad uses
 * kiosk_staff_pin_verify_async(). While a delay or the lockout runs, the PIN
 * is refused without being checked. @pin is not kept: copies made here are
 * wiped, and the caller wipes its own (sodium_memzero()).
 *
 * Returns: the result; %KIOSK_STAFF_PIN_RESULT_ERROR with @error set when the
 *   PIN file cannot be used
 */
KioskStaffPinResult
kiosk_staff_pin_verify (KioskStaffPin  *self,
                        const char     *pin,
                        GError        **error)
{
  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), KIOSK_STAFF_PIN_RESULT_ERROR);
  g_return_val_if_fail (pin != NULL, KIOSK_STAFF_PIN_RESULT_ERROR);

  return verify_pin (self, pin, error);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  KioskStaffPinResult result;

  if (g_task_return_error_if_cancelled (task))
    return;

  result = verify_pin (source_object, task_data, &error);
  if (result == KIOSK_STAFF_PIN_RESULT_ERROR)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, result);
}

/**
 * kiosk_staff_pin_verify_async:
 * @self: a #KioskStaffPin
 * @pin: the PIN typed; copied, and the copy wiped when done
 * @cancellable: (nullable): cancels the attempt if it has not started yet
 * @callback: called on the thread-default main context when done
 * @user_data: for @callback
 *
 * Checks @pin in a worker thread, so the main loop keeps running.
 */
void
kiosk_staff_pin_verify_async (KioskStaffPin       *self,
                              const char          *pin,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KIOSK_IS_STAFF_PIN (self));
  g_return_if_fail (pin != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_staff_pin_verify_async);
  g_task_set_task_data (task, g_strdup (pin), wipe_string);
  g_task_run_in_thread (task, verify_thread);
}

KioskStaffPinResult
kiosk_staff_pin_verify_finish (KioskStaffPin  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  gssize value;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), KIOSK_STAFF_PIN_RESULT_ERROR);
  g_return_val_if_fail (g_task_is_valid (result, self), KIOSK_STAFF_PIN_RESULT_ERROR);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kiosk_staff_pin_verify_async,
                        KIOSK_STAFF_PIN_RESULT_ERROR);

  value = g_task_propagate_int (G_TASK (result), error);
  return value < 0 ? KIOSK_STAFF_PIN_RESULT_ERROR : (KioskStaffPinResult) value;
}

/**
 * kiosk_staff_pin_get_failures:
 * @self: a #KioskStaffPin
 *
 * Returns: how many wrong PINs were typed in a row
 */
guint
kiosk_staff_pin_get_failures (KioskStaffPin *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), 0);

  locker = g_mutex_locker_new (&self->mutex);
  load_locked (self, NULL);
  return self->failures;
}

static gint64
get_locked_until (KioskStaffPin *self,
                  gint64        *out_now)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  gint64 now = current_time_locked (self);

  load_locked (self, NULL);
  clamp_wait_locked (self, now);
  *out_now = now;
  return self->locked_until > now ? self->locked_until : 0;
}

/**
 * kiosk_staff_pin_get_locked_until:
 * @self: a #KioskStaffPin
 *
 * Returns: the wall-clock time (µs, as g_get_real_time()) before which no PIN
 *   is checked, or 0 when a PIN can be tried now
 */
gint64
kiosk_staff_pin_get_locked_until (KioskStaffPin *self)
{
  gint64 now;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), 0);

  return get_locked_until (self, &now);
}

/**
 * kiosk_staff_pin_get_retry_delay:
 * @self: a #KioskStaffPin
 *
 * For "try again in N seconds" on the PIN pad.
 *
 * Returns: the seconds, rounded up, until a PIN can be tried; 0 for now
 */
guint
kiosk_staff_pin_get_retry_delay (KioskStaffPin *self)
{
  gint64 now;
  gint64 until;

  g_return_val_if_fail (KIOSK_IS_STAFF_PIN (self), 0);

  until = get_locked_until (self, &now);
  if (until == 0)
    return 0;
  return (guint) ((until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}
