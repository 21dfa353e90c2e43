/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-application.c: the kiosk's AdwApplication: options, settings, content, the window. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-api-client.h"
#include "kiosk-application.h"
#include "kiosk-backend-config.h"
#include "kiosk-check-backend.h"
#include "kiosk-content.h"
#include "kiosk-outbox.h"
#include "kiosk-set-staff-pin.h"
#include "kiosk-window.h"

struct _KioskApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  KioskApiClient *api_client;
  KioskOutbox *outbox;
  GCancellable *cancellable;
  char *content_path;
  gboolean windowed;
};

G_DEFINE_FINAL_TYPE (KioskApplication, kiosk_application, ADW_TYPE_APPLICATION)

/* GSettings aborts on a missing schema; an installer deserves a sentence. */
static gboolean
settings_schema_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  return schema != NULL;
}

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

  if (!settings_schema_installed ())
    {
      g_printerr (_("The kiosk’s settings schema %s is not installed: install the kiosk "
                    "(meson install), or point GSETTINGS_SCHEMA_DIR at a compiled copy.\n"),
                  APP_ID);
      return 1;
    }

  /* The installer's tools: they need no display and exit at once. */
  if (g_variant_dict_contains (options, "check-backend"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      return kiosk_check_backend_run (settings, NULL);
    }
  if (g_variant_dict_contains (options, "set-staff-pin"))
    return kiosk_set_staff_pin_run (NULL);

  self->windowed = g_variant_dict_contains (options, "windowed");
  g_clear_pointer (&self->content_path, g_free);
  g_variant_dict_lookup (options, "content", "^ay", &self->content_path);

  return G_APPLICATION_CLASS (kiosk_application_parent_class)->handle_local_options (app, options);
}

/* The spa's own file when it is set and sound; otherwise the bundled
 * content. A refused file is an installer's mistake, not a reason to
 * leave the lobby without a kiosk: say why, in plain words, and go on. */
static KioskContent *
load_content (KioskApplication *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "content-file");
  const char *path = self->content_path != NULL ? self->content_path : setting;
  g_autoptr(GError) error = NULL;
  KioskContent *content;

  content = kiosk_content_load (path, &error);
  if (error != NULL)
    g_message ("%s. %s", error->message, _("The kiosk shows its bundled content instead."));

  return content;
}

static void
on_outbox_ready (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KioskApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskOutbox) outbox = kiosk_outbox_new_finish (result, &error);
  GtkWindow *window;

  if (outbox == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message (_("Bookings cannot be saved on this kiosk: %s"), error->message);
      return;
    }

  self->outbox = g_steal_pointer (&outbox);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    kiosk_window_set_outbox (KIOSK_WINDOW (window), self->outbox);
}

/* The booking backend from the settings, and the durable queue in front of
 * it, opened off the main thread. Without a sound configuration the kiosk
 * still shows everything else; the booking and staff screens say why. */
static void
setup_backend (KioskApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskBackendConfig) config = NULL;

  config = kiosk_backend_config_new_from_settings (self->settings, &error);
  if (config == NULL)
    {
      g_message (_("Booking is off until the backend is set up: %s"), error->message);
      return;
    }

  self->api_client = kiosk_api_client_new (config);
  kiosk_outbox_new_async (self->api_client, NULL, self->cancellable,
                          on_outbox_ready, g_object_ref (self));
}

static void
kiosk_application_startup (GApplication *app)
{
  KioskApplication *self = KIOSK_APPLICATION (app);

  G_APPLICATION_CLASS (kiosk_application_parent_class)->startup (app);

  /* One calm, high-contrast look, whatever the session prefers. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  setup_backend (self);
}

static void
kiosk_application_shutdown (GApplication *app)
{
  KioskApplication *self = KIOSK_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (kiosk_application_parent_class)->shutdown (app);
}

static void
kiosk_application_activate (GApplication *app)
{
  KioskApplication *self = KIOSK_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      g_autoptr(KioskContent) content = load_content (self);

      window = GTK_WINDOW (kiosk_window_new (self, content, !self->windowed));
      kiosk_window_set_api_client (KIOSK_WINDOW (window), self->api_client);
      kiosk_window_set_outbox (KIOSK_WINDOW (window), self->outbox);
    }

  gtk_window_present (window);
}

static void
kiosk_application_dispose (GObject *object)
{
  KioskApplication *self = KIOSK_APPLICATION (object);

  g_clear_object (&self->outbox);
  g_clear_object (&self->api_client);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->content_path, g_free);

  G_OBJECT_CLASS (kiosk_application_parent_class)->dispose (object);
}

static void
kiosk_application_class_init (KioskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kiosk_application_dispose;
  app_class->handle_local_options = kiosk_application_handle_local_options;
  app_class->startup = kiosk_application_startup;
  app_class->shutdown = kiosk_application_shutdown;
  app_class->activate = kiosk_application_activate;
}

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "windowed", 'w', 0, G_OPTION_ARG_NONE, NULL,
    N_("Run in a normal window instead of fullscreen (for development)"), NULL },
  { "content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read the spa’s content from FILE instead of the content-file setting"), N_("FILE") },
  { "check-backend", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Test the configured booking backend, print one line and exit"), NULL },
  { "set-staff-pin", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Set the staff PIN, read from standard input, and exit"), NULL },
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
