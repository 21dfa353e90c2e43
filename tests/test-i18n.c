/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n.c: the kiosk's language switches every gettext call while it runs, in any locale. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kiosk-i18n.h"

/* A message of every kind the kiosk uses, with its Spanish from po/es.po. */
#define TEMPLATE_MSGID "Touch to start"
#define TEMPLATE_ES "Toque para empezar"
#define CODE_MSGID "Touch the massage you would like."
#define CODE_ES "Toque el masaje que desea."
#define PLURAL_ONE "Touch the screen to keep going. In %u second the kiosk starts over and clears what you chose."
#define PLURAL_MANY "Touch the screen to keep going. In %u seconds the kiosk starts over and clears what you chose."

static void
assert_spanish (void)
{
  g_assert_cmpstr (kiosk_i18n_get_language (), ==, "es");
  g_assert_cmpstr (_(CODE_MSGID), ==, CODE_ES);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, TEMPLATE_MSGID), ==, TEMPLATE_ES);
  g_assert_true (g_str_has_prefix (g_dngettext (GETTEXT_PACKAGE, PLURAL_ONE, PLURAL_MANY, 1),
                                   "Toque la pantalla para continuar. En %u segundo "));
  g_assert_true (g_str_has_prefix (g_dngettext (GETTEXT_PACKAGE, PLURAL_ONE, PLURAL_MANY, 5),
                                   "Toque la pantalla para continuar. En %u segundos "));
}

static void
assert_english (void)
{
  g_assert_cmpstr (kiosk_i18n_get_language (), ==, "en");
  g_assert_cmpstr (_(CODE_MSGID), ==, CODE_MSGID);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, TEMPLATE_MSGID), ==, TEMPLATE_MSGID);
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, PLURAL_ONE, PLURAL_MANY, 5), ==, PLURAL_MANY);
}

/* Back and forth several times: gettext's cache must not keep the old words. */
static void
test_switch (void)
{
  for (guint i = 0; i < 3; i++)
    {
      kiosk_i18n_set_language ("es");
      assert_spanish ();
      kiosk_i18n_set_language ("en");
      assert_english ();
    }
}

/* glibc ignores LANGUAGE in the C locale; the kiosk must switch anyway
 * (a service started without LANG has exactly that). */
static void
test_c_locale (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C"));
  kiosk_i18n_set_language ("es");
  assert_spanish ();
  kiosk_i18n_set_language ("en");
  assert_english ();

  g_assert_nonnull (setlocale (LC_ALL, "C"));
  kiosk_i18n_set_language ("es");
  assert_spanish ();
  kiosk_i18n_set_language ("en");
  g_assert_nonnull (setlocale (LC_ALL, ""));
}

static void
test_languages (void)
{
  g_assert_true (kiosk_i18n_is_supported ("en"));
  g_assert_true (kiosk_i18n_is_supported ("es"));
  g_assert_false (kiosk_i18n_is_supported ("fr"));
  g_assert_false (kiosk_i18n_is_supported (""));
  g_assert_false (kiosk_i18n_is_supported ("es_ES"));
  g_assert_cmpstr (kiosk_i18n_get_other_language ("en"), ==, "es");
  g_assert_cmpstr (kiosk_i18n_get_other_language ("es"), ==, "en");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KIOSK_TEST_LOCALEDIR");

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (localedir);
  /* The first GLib translation happens in English, in C.UTF-8: the case
   * where GLib would otherwise decide never to translate. */
  kiosk_i18n_init (localedir);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, TEMPLATE_MSGID), ==, TEMPLATE_MSGID);

  g_test_add_func ("/kiosk/i18n/switch", test_switch);
  g_test_add_func ("/kiosk/i18n/c-locale", test_c_locale);
  g_test_add_func ("/kiosk/i18n/languages", test_languages);

  return g_test_run ();
}
