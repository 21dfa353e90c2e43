/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-application.c: the kiosk's AdwApplication: options, settings, the window. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-application.h"
#include "kiosk-window.h"

struct _KioskApplication
{
  AdwApplication parent_instance;

  gboolean windowed;
};

G_DEFINE_FINAL_TYPE (KioskApplication, kiosk_application, ADW_TYPE_APPLICATION)

static int
kiosk_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  KioskApplication *self = KIOSK_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("spa-kiosk %s\n", PACKAGE_VERSION);
      return 0;
    }

  self->windowed = g_variant_dict_contains (options, "windowed");

  return G_APPLICATION_CLASS (kiosk_application_parent_class)->handle_local_options (app, options);
}

static void
kiosk_application_activate (GApplication *app)
{
  KioskApplication *self = KIOSK_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (kiosk_window_new (self, !self->windowed));

  gtk_window_present (window);
}

static void
kiosk_application_class_init (KioskApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = kiosk_application_handle_local_options;
  app_class->activate = kiosk_application_activate;
}

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "windowed", 'w', 0, G_OPTION_ARG_NONE, NULL,
    N_("Run in a normal window instead of fullscreen (for development)"), NULL },
  { NULL }
};

static void
kiosk_application_init (KioskApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                             _("The lobby kiosk of Matrix Spa and Massage."));
}

KioskApplication *
kiosk_application_new (void)
{
  return g_object_new (KIOSK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
