/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-backend-config.c: where the booking backend is and how the kiosk may talk to it. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk-api-client.h"
#include "kiosk-backend-config.h"
#include "kiosk-booking.h"

/* A bearer token is a short line; anything longer is not a token file. */
#define MAX_TOKEN_FILE_SIZE 4096

struct _KioskBackendConfig
{
  gatomicrefcount ref_count;

  char *base_url;
  char *token;
  char *kiosk_id;
  char *ca_file;
  char *pinned_keys;

  guint connect_timeout_ms;
  guint timeout_ms;
  guint low_speed_limit;
  guint low_speed_time;
  gsize max_response_size;
};

G_DEFINE_BOXED_TYPE (KioskBackendConfig, kiosk_backend_config,
                     kiosk_backend_config_ref, kiosk_backend_config_unref)

/**
 * kiosk_backend_config_check_url:
 * @url: an address of the booking backend
 * @error: return location for a #KIOSK_API_ERROR_CONFIG
 *
 * The kiosk speaks only HTTPS to its backend: anything but an absolute
 * https:// URL with a host is refused before any connection is tried.
 *
 * Returns: %TRUE when @url is acceptable
 */
gboolean
kiosk_backend_config_check_url (const char  *url,
                                GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL || *url == '\0')
    {
      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("No address is set for the booking system"));
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
    {
      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("The booking system’s address must start with https://"));
      return FALSE;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("The booking system’s address must be https:// followed by a host name"));
      return FALSE;
    }

  return TRUE;
}

/* A token goes into an HTTP header: printable ASCII without spaces only, so
 * that a stray newline can never start a header of its own. */
static gboolean
check_token (const char  *token,
             GError     **error)
{
  if (token == NULL || *token == '\0')
    {
      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("The kiosk’s token is empty"));
      return FALSE;
    }

  for (const char *p = token; *p != '\0'; p++)
    {
      if (*p <= ' ' || *p > '~')
        {
          g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                       _("The kiosk’s token contains characters a token cannot have"));
          return FALSE;
        }
    }

  return TRUE;
}

static KioskBackendConfig *
config_alloc (void)
{
  KioskBackendConfig *self = g_new0 (KioskBackendConfig, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->connect_timeout_ms = KIOSK_BACKEND_DEFAULT_CONNECT_TIMEOUT_MS;
  self->timeout_ms = KIOSK_BACKEND_DEFAULT_TIMEOUT_MS;
  self->low_speed_limit = KIOSK_BACKEND_DEFAULT_LOW_SPEED_LIMIT;
  self->low_speed_time = KIOSK_BACKEND_DEFAULT_LOW_SPEED_TIME;
  self->max_response_size = KIOSK_BACKEND_DEFAULT_MAX_RESPONSE_SIZE;

  return self;
}

/**
 * kiosk_backend_config_new:
 * @base_url: the backend's https:// base URL
 * @token: the bearer token itself
 * @kiosk_id: this kiosk's name in the backend
 * @error: return location for a #KIOSK_API_ERROR_CONFIG
 *
 * Builds a configuration directly, for tests and tools. The kiosk itself
 * uses kiosk_backend_config_new_from_settings().
 *
 * Returns: (transfer full) (nullable): the configuration
 */
KioskBackendConfig *
kiosk_backend_config_new (const char  *base_url,
                          const char  *token,
                          const char  *kiosk_id,
                          GError     **error)
{
  KioskBackendConfig *self;

  if (!kiosk_backend_config_check_url (base_url, error) || !check_token (token, error))
    return NULL;

  if (kiosk_id == NULL || *kiosk_id == '\0')
    {
      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("The kiosk has no name for the booking system (kiosk-id)"));
      return NULL;
    }

  self = config_alloc ();
  self->base_url = g_strdup (base_url);
  self->token = g_strdup (token);
  self->kiosk_id = g_strdup (kiosk_id);

  return self;
}

static gboolean
check_token_file_mode (int          fd,
                       const char  *path,
                       GError     **error)
{
  struct stat st;

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("The token file %s cannot be read: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("The token file %s is not a regular file"), path);
      return FALSE;
    }

  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("The token file %s can be read by other users: make it readable "
                     "only by the kiosk’s user (chmod 600)"), path);
      return FALSE;
    }

  return TRUE;
}

/* Reads the whole token file into a buffer of MAX_TOKEN_FILE_SIZE + 1
 * bytes, which the caller wipes. */
static char *
read_token_fd (int          fd,
               const char  *path,
               GError     **error)
{
  g_autofree char *buffer = g_malloc0 (MAX_TOKEN_FILE_SIZE + 1);
  gsize length = 0;

  while (length <= MAX_TOKEN_FILE_SIZE)
    {
      gssize n = read (fd, buffer + length, MAX_TOKEN_FILE_SIZE + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          explicit_bzero (buffer, MAX_TOKEN_FILE_SIZE + 1);
          g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                       _("The token file %s cannot be read: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }

  if (length > MAX_TOKEN_FILE_SIZE)
    {
      explicit_bzero (buffer, MAX_TOKEN_FILE_SIZE + 1);
      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("The token file %s is too large to hold a token"), path);
      return NULL;
    }

  return g_steal_pointer (&buffer);
}

static char *
read_token_file (const char  *path,
                 GError     **error)
{
  char *buffer;
  char *token;
  int fd;

  if (path == NULL || *path == '\0')
    {
      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("No token file is set for the booking system (token-file)"));
      return NULL;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                   _("The token file %s cannot be read: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  buffer = check_token_file_mode (fd, path, error) ? read_token_fd (fd, path, error) : NULL;
  close (fd);
  if (buffer == NULL)
    return NULL;

  /* Stripping moves the bytes: wipe the whole buffer, not just the token. */
  token = g_strdup (g_strstrip (buffer));
  explicit_bzero (buffer, MAX_TOKEN_FILE_SIZE + 1);
  g_free (buffer);

  return token;
}

static gboolean
apply_settings (KioskBackendConfig  *self,
                GSettings           *settings,
                GError             **error)
{
  g_autofree char *ca_file = g_settings_get_string (settings, "ca-file");
  g_auto(GStrv) pins = g_settings_get_strv (settings, "pinned-keys");

  if (*ca_file != '\0')
    {
      if (!g_file_test (ca_file, G_FILE_TEST_IS_REGULAR) || g_access (ca_file, R_OK) != 0)
        {
          g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                       _("The certificate authority file %s cannot be read"), ca_file);
          return FALSE;
        }
      kiosk_backend_config_set_ca_file (self, ca_file);
    }

  return kiosk_backend_config_set_pinned_keys (self, (const char * const *) pins, error);
}

/**
 * kiosk_backend_config_new_from_settings:
 * @settings: the com.matrixmassage.Kiosk settings
 * @error: return location for a #KIOSK_API_ERROR_CONFIG
 *
 * Reads backend-url, ca-file, pinned-keys, token-file and kiosk-id. The
 * token is read from its file, which must be readable by its owner only.
 *
 * Returns: (transfer full) (nullable): the configuration
 */
KioskBackendConfig *
kiosk_backend_config_new_from_settings (GSettings  *settings,
                                        GError    **error)
{
  g_autoptr(KioskBackendConfig) self = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *token_file = NULL;
  g_autofree char *kiosk_id = NULL;
  char *token;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  base_url = g_settings_get_string (settings, "backend-url");
  if (!kiosk_backend_config_check_url (base_url, error))
    return NULL;

  token_file = g_settings_get_string (settings, "token-file");
  kiosk_id = g_settings_get_string (settings, "kiosk-id");
  token = read_token_file (token_file, error);
  if (token == NULL)
    return NULL;

  self = kiosk_backend_config_new (base_url, token, kiosk_id, error);
  kiosk_wipe_string (&token);
  if (self == NULL || !apply_settings (self, settings, error))
    return NULL;

  return g_steal_pointer (&self);
}

KioskBackendConfig *
kiosk_backend_config_ref (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
kiosk_backend_config_unref (KioskBackendConfig *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  kiosk_wipe_string (&self->token);
  g_free (self->base_url);
  g_free (self->kiosk_id);
  g_free (self->ca_file);
  g_free (self->pinned_keys);
  g_free (self);
}

const char *
kiosk_backend_config_get_base_url (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->base_url;
}

/* The token goes into the Authorization header and nowhere else. */
const char *
kiosk_backend_config_get_token (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->token;
}

const char *
kiosk_backend_config_get_kiosk_id (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->kiosk_id;
}

const char *
kiosk_backend_config_get_ca_file (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->ca_file;
}

/**
 * kiosk_backend_config_set_ca_file:
 * @self: a #KioskBackendConfig
 * @ca_file: (nullable): a PEM file of trusted authorities, or %NULL for the system's
 *
 * When set, the backend's certificate must chain to these authorities and
 * to no others.
 */
void
kiosk_backend_config_set_ca_file (KioskBackendConfig *self,
                                  const char         *ca_file)
{
  g_return_if_fail (self != NULL);

  g_free (self->ca_file);
  self->ca_file = (ca_file != NULL && *ca_file != '\0') ? g_strdup (ca_file) : NULL;
}

/**
 * kiosk_backend_config_get_pinned_keys:
 * @self: a #KioskBackendConfig
 *
 * Returns: (nullable): the pins joined with ';' as libcurl takes them, or %NULL
 */
const char *
kiosk_backend_config_get_pinned_keys (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->pinned_keys;
}

/* sha256// followed by the base64 of exactly 32 bytes. */
static gboolean
is_valid_pin (const char *pin)
{
  const char *b64;
  g_autofree guchar *digest = NULL;
  gsize length = 0;

  if (!g_str_has_prefix (pin, "sha256//"))
    return FALSE;

  b64 = pin + strlen ("sha256//");
  if (strlen (b64) != 44 || b64[43] != '=')
    return FALSE;
  for (guint i = 0; i < 43; i++)
    if (!g_ascii_isalnum (b64[i]) && b64[i] != '+' && b64[i] != '/')
      return FALSE;

  digest = g_base64_decode (b64, &length);
  return length == 32;
}

/**
 * kiosk_backend_config_set_pinned_keys:
 * @self: a #KioskBackendConfig
 * @pins: (nullable) (array zero-terminated=1): sha256//BASE64 public key pins
 * @error: return location for a #KIOSK_API_ERROR_CONFIG
 *
 * With pins set, the backend's certificate must carry one of these public
 * keys (a primary and a backup). An empty list turns pinning off.
 *
 * Returns: %TRUE when every pin is well formed; otherwise nothing changes
 */
gboolean
kiosk_backend_config_set_pinned_keys (KioskBackendConfig  *self,
                                      const char * const  *pins,
                                      GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; pins != NULL && pins[i] != NULL; i++)
    {
      if (!is_valid_pin (pins[i]))
        {
          g_set_error (error, KIOSK_API_ERROR, KIOSK_API_ERROR_CONFIG,
                       _("A pinned key must be sha256// followed by 44 base64 characters"));
          return FALSE;
        }
    }

  g_free (self->pinned_keys);
  self->pinned_keys = (pins != NULL && pins[0] != NULL) ? g_strjoinv (";", (char **) pins) : NULL;

  return TRUE;
}

guint
kiosk_backend_config_get_connect_timeout_ms (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->connect_timeout_ms;
}

void
kiosk_backend_config_set_connect_timeout_ms (KioskBackendConfig *self,
                                             guint               timeout_ms)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (timeout_ms > 0);

  self->connect_timeout_ms = timeout_ms;
}

guint
kiosk_backend_config_get_timeout_ms (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->timeout_ms;
}

void
kiosk_backend_config_set_timeout_ms (KioskBackendConfig *self,
                                     guint               timeout_ms)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (timeout_ms > 0);

  self->timeout_ms = timeout_ms;
}

guint
kiosk_backend_config_get_low_speed_limit (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->low_speed_limit;
}

guint
kiosk_backend_config_get_low_speed_time (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->low_speed_time;
}

/**
 * kiosk_backend_config_set_low_speed:
 * @self: a #KioskBackendConfig
 * @bytes_per_sec: the slowest transfer accepted
 * @seconds: for how long a slower transfer is tolerated before it is aborted
 */
void
kiosk_backend_config_set_low_speed (KioskBackendConfig *self,
                                    guint               bytes_per_sec,
                                    guint               seconds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (bytes_per_sec > 0 && seconds > 0);

  self->low_speed_limit = bytes_per_sec;
  self->low_speed_time = seconds;
}

gsize
kiosk_backend_config_get_max_response_size (KioskBackendConfig *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_response_size;
}

void
kiosk_backend_config_set_max_response_size (KioskBackendConfig *self,
                                            gsize               max_size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max_size > 0);

  self->max_response_size = max_size;
}
