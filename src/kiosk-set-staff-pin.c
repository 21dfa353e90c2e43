/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-set-staff-pin.c: --set-staff-pin, which reads a new staff PIN from standard input. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "kiosk-set-staff-pin.h"
#include "kiosk-staff-pin.h"

/* Room for any PIN the kiosk accepts and then some, so "too long" is told apart. */
#define PIN_BUFFER_SIZE 64

/* Reads one line from @fd with read(2), not stdio, whose buffers could not be
 * wiped. The line end is dropped. A line that does not fit sets *too_long and
 * is read to its end. */
static void
read_line (int       fd,
           char     *buffer,
           gsize     size,
           gboolean *too_long)
{
  gsize length = 0;
  char c = 0;

  for (;;)
    {
      gssize n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || c == '\n')
        break;
      if (length + 1 < size)
        buffer[length++] = c;
      else
        *too_long = TRUE;
    }

  if (length > 0 && buffer[length - 1] == '\r')
    length--;
  buffer[length] = '\0';
  sodium_memzero (&c, sizeof c);
}

/* The terminal's settings from before the echo was turned off, and the signal
 * handlers replaced meanwhile, so that a Ctrl+C cannot leave the terminal silent. */
static struct termios saved_termios;
static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static struct sigaction saved_actions[G_N_ELEMENTS (stop_signals)];

static void
restore_terminal_and_stop (int signum)
{
  tcsetattr (STDIN_FILENO, TCSANOW, &saved_termios);
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
echo_off (void)
{
  struct sigaction action = { .sa_handler = restore_terminal_and_stop };
  struct termios quiet = saved_termios;

  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (stop_signals); i++)
    sigaction (stop_signals[i], &action, &saved_actions[i]);
  quiet.c_lflag &= ~(ECHO | ECHONL);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
}

static void
echo_on (void)
{
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  for (guint i = 0; i < G_N_ELEMENTS (stop_signals); i++)
    sigaction (stop_signals[i], &saved_actions[i], NULL);
}

static void
prompt (const char *text)
{
  g_printerr ("%s", text);
  fflush (stderr);
}

/* Asks twice with the terminal's echo off, as passwd does. */
static gboolean
read_from_terminal (char      *pin,
                    char      *again,
                    gsize      size,
                    gboolean  *too_long,
                    GError   **error)
{
  if (tcgetattr (STDIN_FILENO, &saved_termios) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FAILED,
                   _("The terminal cannot hide the PIN while it is typed: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  echo_off ();
  prompt (_("New staff PIN (4 to 8 digits): "));
  read_line (STDIN_FILENO, pin, size, too_long);
  prompt ("\n");
  prompt (_("Type the same PIN again: "));
  read_line (STDIN_FILENO, again, size, too_long);
  prompt ("\n");
  echo_on ();

  if (strcmp (pin, again) != 0)
    {
      g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FORMAT,
                           _("The two PINs are not the same. The staff PIN was not changed."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_pin (char     *pin,
          char     *again,
          gsize     size,
          GError  **error)
{
  gboolean too_long = FALSE;

  if (isatty (STDIN_FILENO))
    {
      if (!read_from_terminal (pin, again, size, &too_long, error))
        return FALSE;
    }
  else
    read_line (STDIN_FILENO, pin, size, &too_long);

  if (too_long)
    {
      g_set_error_literal (error, KIOSK_STAFF_PIN_ERROR, KIOSK_STAFF_PIN_ERROR_FORMAT,
                           _("The staff PIN is too long: use 4 to 8 digits."));
      return FALSE;
    }
  return TRUE;
}

/**
 * kiosk_set_staff_pin_run:
 * @path: (nullable): the PIN file, or %NULL for the default one
 *
 * Sets the staff PIN from standard input, never from the command line, where
 * other users could see it. On a terminal it asks twice without echo;
 * otherwise it reads one line. It prints one plain line: "Staff PIN set." or
 * why not. The PIN is never printed, and the buffers that held it are wiped.
 *
 * Returns: the exit status: 0 when the PIN was set, 1 when not
 */
int
kiosk_set_staff_pin_run (const char *path)
{
  g_autoptr(KioskStaffPin) staff_pin = kiosk_staff_pin_new (path);
  g_autoptr(GError) error = NULL;
  char pin[PIN_BUFFER_SIZE] = "";
  char again[PIN_BUFFER_SIZE] = "";
  gboolean ok;

  ok = read_pin (pin, again, sizeof pin, &error) && kiosk_staff_pin_set (staff_pin, pin, &error);
  sodium_memzero (pin, sizeof pin);
  sodium_memzero (again, sizeof again);

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s\n", _("Staff PIN set."));
  return 0;
}
