/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the entry point of spa-kiosk. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kiosk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KioskApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A customer must never reach the inspector, whatever the environment says. */
  g_unsetenv ("GTK_DEBUG");
  /* libcurl would write every TLS session secret to this file, and with them
   * anyone holding a capture could read the token and every booking. */
  g_unsetenv ("SSLKEYLOGFILE");

  app = kiosk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
