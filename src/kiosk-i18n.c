/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-i18n.c: the kiosk's language, switched while it runs, for every gettext call. */

/* How the switch works, and why this way:
 *
 * glibc's gettext reads the LANGUAGE environment variable on every call,
 * and LANGUAGE wins over the locale, so setting it switches every gettext (),
 * g_dgettext () and GtkBuilder translation at once, without a restart and
 * without a locale of that language being installed (the catalogues are
 * UTF-8 and so is the output). Two conditions make it reliable:
 *
 * - glibc ignores LANGUAGE while LC_MESSAGES is "C" or "POSIX". C.UTF-8 is
 *   built into glibc since 2.35 and does not count as "C", so a plain C
 *   locale (a bare service, a test with LC_ALL=C) is moved to C.UTF-8 for
 *   LC_MESSAGES only. A kiosk session's en_US.UTF-8 is left alone.
 * - gettext caches translations; `++_nl_msg_cat_cntr` is the documented way
 *   to make it look again after LANGUAGE changed.
 *
 * GLib decides once, at the first g_dgettext (), whether to translate at
 * all, and says no when the default domain has no catalogue for the
 * language in force and the locale is neither "C" nor "en_*" (for example
 * C.UTF-8 while LANGUAGE is "en"). kiosk_i18n_init () makes that one-time
 * decision while Spanish is in force, so it comes out yes.
 *
 * setenv () while other threads call getenv () is only safe when the
 * variable already exists (glibc then swaps one pointer and keeps the old
 * string): kiosk_i18n_init () creates LANGUAGE before the kiosk starts
 * threads, and later switches only replace its value.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "kiosk-i18n.h"

extern int _nl_msg_cat_cntr;

static const char * const supported[] = { "en", "es" };

static char *current_language;

/**
 * kiosk_i18n_is_supported:
 * @language: a language code
 *
 * Returns: whether the kiosk has text in @language ("en" or "es")
 */
gboolean
kiosk_i18n_is_supported (const char *language)
{
  g_return_val_if_fail (language != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (supported); i++)
    {
      if (g_str_equal (language, supported[i]))
        return TRUE;
    }

  return FALSE;
}

/**
 * kiosk_i18n_get_other_language:
 * @language: "en" or "es"
 *
 * Returns: the language the language button offers while @language shows
 */
const char *
kiosk_i18n_get_other_language (const char *language)
{
  g_return_val_if_fail (language != NULL, "en");

  return g_str_equal (language, "en") ? "es" : "en";
}

static void
ensure_messages_locale (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    {
      if (setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
        g_message ("The C.UTF-8 locale is missing: the kiosk can only show English");
    }
}

static void
apply_language (const char *language)
{
  ensure_messages_locale ();
  /* Plain setenv (): g_setenv () would log that it is not thread-safe,
   * which replacing an existing variable is (see the top of this file). */
  setenv ("LANGUAGE", language, 1);
  ++_nl_msg_cat_cntr;
}

/**
 * kiosk_i18n_init:
 * @localedir: where the compiled catalogues are (LOCALEDIR, or the build tree in tests)
 *
 * Binds the kiosk's text domain and prepares gettext for switching
 * language at run time. Call it once, first thing, before any thread starts.
 * The language stays what the environment says until
 * kiosk_i18n_set_language (), so command-line tools speak the installer's
 * language.
 */
void
kiosk_i18n_init (const char *localedir)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_return_if_fail (localedir != NULL);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GLib's one-time "translate at all?" check, made with a catalogue in force. */
  apply_language ("es");
  (void) g_dgettext (GETTEXT_PACKAGE, "");

  apply_language (saved != NULL ? saved : "");
}

/**
 * kiosk_i18n_set_language:
 * @language: "en" or "es"
 *
 * Switches every later gettext call to @language. Text already on screen
 * keeps its words: KioskWindow re-sets it (kiosk_window_set_language ()).
 */
void
kiosk_i18n_set_language (const char *language)
{
  g_return_if_fail (language != NULL);
  g_return_if_fail (kiosk_i18n_is_supported (language));

  if (g_strcmp0 (current_language, language) == 0)
    return;

  g_free (current_language);
  current_language = g_strdup (language);
  apply_language (language);
}

/**
 * kiosk_i18n_get_language:
 *
 * Returns: the language set with kiosk_i18n_set_language (), "en" before that
 */
const char *
kiosk_i18n_get_language (void)
{
  return current_language != NULL ? current_language : "en";
}
