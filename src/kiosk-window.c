/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-window.c: the kiosk's one window, holding every screen. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-i18n.h"
#include "kiosk-page.h"
#include "kiosk-retranslate.h"
#include "kiosk-window-private.h"

G_DEFINE_FINAL_TYPE (KioskWindow, kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SPA_CONTENT,
  PROP_LANGUAGE,
  PROP_IDLE_TIMEOUT,
  PROP_IDLE_COUNTDOWN,
  PROP_ALLOW_CLOSE,
  PROP_API_CLIENT,
  PROP_OUTBOX,
  PROP_LARGER_TEXT,
  PROP_HIGH_CONTRAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Larger text" raises the display's font resolution: every size given in
 * points, ours and the other screens' alike, grows by this much. */
#define LARGER_TEXT_SCALE 1.25

/* Keys that would let a customer out of the kiosk or into its insides. */
static const char * const swallowed_shortcuts[] = {
  "<Control><Shift>i", "<Control><Shift>I",
  "<Control><Shift>d", "<Control><Shift>D",
  "<Control>q", "<Control>w", "<Alt>F4",
};

static void update_idle_prompt (KioskWindow *self);

static void
refill_pages (KioskWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (KIOSK_IS_PAGE (child))
        kiosk_page_refill (KIOSK_PAGE (child), self->content, self->language);
    }
  kiosk_top_bar_set_title (self->top_bar, kiosk_content_get_spa_name (self->content));
}

/* The one place the language switches: gettext first, then the pages'
 * own text (content and code strings), then what the templates gave. */
static void
apply_language (KioskWindow *self)
{
  kiosk_i18n_set_language (self->language);
  refill_pages (self);
  kiosk_retranslate_widget (GTK_WIDGET (self));
  update_idle_prompt (self);
}

/* The top bar is blank on attract (kiosk_top_bar_set_blank says why) and
 * hidden in staff mode; on home, Back and Home lead nowhere, so they show
 * greyed instead of doing nothing. */
static void
on_visible_page_changed (KioskWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean attract = g_strcmp0 (page, "attract") == 0;
  gboolean home = g_strcmp0 (page, "home") == 0;
  gboolean staff = page != NULL && g_str_has_prefix (page, "staff-");

  gtk_widget_set_visible (GTK_WIDGET (self->top_bar), !staff);
  kiosk_top_bar_set_blank (self->top_bar, attract);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.go-back", !attract && !home && !staff);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.go-home", !attract && !home && !staff);
  kiosk_idle_monitor_set_enabled (self->idle_monitor, !attract && !staff);
  kiosk_window_staff_page_changed (self);
}

static void
update_idle_prompt (KioskWindow *self)
{
  guint remaining = kiosk_idle_monitor_get_remaining (self->idle_monitor);
  g_autofree char *seconds = g_strdup_printf ("%u", remaining);
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Touch the screen to keep going. In %u second the kiosk "
                                       "starts over and clears what you chose.",
                                       "Touch the screen to keep going. In %u seconds the kiosk "
                                       "starts over and clears what you chose.",
                                       remaining),
                          remaining);
  gtk_label_set_label (self->idle_seconds_label, seconds);
  gtk_label_set_label (self->idle_text_label, text);
  gtk_widget_set_visible (self->idle_prompt, kiosk_idle_monitor_get_prompting (self->idle_monitor));
}

static gboolean
on_capture_event (GtkEventControllerLegacy *controller,
                  GdkEvent                 *event,
                  KioskWindow              *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      kiosk_idle_monitor_activity (self->idle_monitor);
      kiosk_window_staff_activity (self);
      break;
    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static gboolean
swallow_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  g_debug ("Swallowed a shortcut a customer must not use");
  return TRUE;
}

static void
add_input_controllers (KioskWindow *self)
{
  GtkEventController *legacy = gtk_event_controller_legacy_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_capture_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (shortcuts, "kiosk-swallowed-shortcuts");
  for (gsize i = 0; i < G_N_ELEMENTS (swallowed_shortcuts); i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (swallowed_shortcuts[i]);
      GtkShortcutAction *action = gtk_callback_action_new (swallow_shortcut, NULL, NULL);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* GtkWindow's own Ctrl+Shift+I/D handler; the capture controller already
 * stops those keys, this stops the keybinding signal if anything emits it. */
static gboolean
kiosk_window_enable_debugging (GtkWindow *window,
                               gboolean   toggle)
{
  return TRUE;
}

static gboolean
kiosk_window_close_request (GtkWindow *window)
{
  KioskWindow *self = KIOSK_WINDOW (window);

  if (!self->allow_close)
    return TRUE;

  return GTK_WINDOW_CLASS (kiosk_window_parent_class)->close_request (window);
}

/* The benchmark's hook (docs/benchmarks.md): with SPA_KIOSK_BENCH set, the
 * first frame painted prints "first-frame <CLOCK_MONOTONIC µs>" once, so
 * .ci/bench can time the start against its own clock. Off, it costs one
 * getenv at map. */
static void
on_first_after_paint (GdkFrameClock *frame_clock,
                      KioskWindow   *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_after_paint, self);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
}

static void
watch_first_frame (KioskWindow *self)
{
  static gboolean printed;

  if (printed || g_getenv ("SPA_KIOSK_BENCH") == NULL)
    return;

  printed = TRUE;
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_after_paint), self, 0);
}

/* Keep the screen lit while the kiosk shows. Without an application or a
 * session bus (tests, a bare X server) there is nobody to ask. */
static void
kiosk_window_map (GtkWidget *widget)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  GTK_WIDGET_CLASS (kiosk_window_parent_class)->map (widget);
  watch_first_frame (self);

  if (app != NULL && self->inhibit_cookie == 0
      && g_application_get_dbus_connection (G_APPLICATION (app)) != NULL)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("The lobby kiosk stays on"));
}

static void
kiosk_window_unmap (GtkWidget *widget)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && self->inhibit_cookie != 0)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  self->inhibit_cookie = 0;

  GTK_WIDGET_CLASS (kiosk_window_parent_class)->unmap (widget);
}

static void
kiosk_window_constructed (GObject *object)
{
  KioskWindow *self = KIOSK_WINDOW (object);

  G_OBJECT_CLASS (kiosk_window_parent_class)->constructed (object);

  if (self->content == NULL)
    self->content = kiosk_content_new_bundled ();
  apply_language (self);
  on_visible_page_changed (self);
}

static void
kiosk_window_dispose (GObject *object)
{
  KioskWindow *self = KIOSK_WINDOW (object);

  /* Nothing may reach a half-disposed window: not the settings, not the
   * idle timer, not the stack as it loses its pages. */
  g_settings_unbind (self, "idle-timeout");
  g_settings_unbind (self, "idle-countdown");
  if (self->idle_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->idle_monitor, self);
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  kiosk_window_staff_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_WINDOW);
  g_clear_object (&self->idle_monitor);
  g_clear_object (&self->settings);
  g_clear_object (&self->content);
  g_clear_object (&self->api_client);
  g_clear_object (&self->outbox);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);
  if (self->larger_text)
    gtk_settings_reset_property (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi");
  self->larger_text = FALSE;

  G_OBJECT_CLASS (kiosk_window_parent_class)->dispose (object);
}

static void
kiosk_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KioskWindow *self = KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SPA_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, kiosk_window_get_idle_timeout (self));
      break;
    case PROP_IDLE_COUNTDOWN:
      g_value_set_uint (value, kiosk_window_get_idle_countdown (self));
      break;
    case PROP_ALLOW_CLOSE:
      g_value_set_boolean (value, self->allow_close);
      break;
    case PROP_API_CLIENT:
      g_value_set_object (value, self->api_client);
      break;
    case PROP_OUTBOX:
      g_value_set_object (value, self->outbox);
      break;
    case PROP_LARGER_TEXT:
      g_value_set_boolean (value, self->larger_text);
      break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KioskWindow *self = KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SPA_CONTENT:
      self->content = g_value_dup_object (value);
      break;
    case PROP_LANGUAGE:
      kiosk_window_set_language (self, g_value_get_string (value));
      break;
    case PROP_IDLE_TIMEOUT:
      kiosk_window_set_idle_timeout (self, g_value_get_uint (value));
      break;
    case PROP_IDLE_COUNTDOWN:
      kiosk_window_set_idle_countdown (self, g_value_get_uint (value));
      break;
    case PROP_ALLOW_CLOSE:
      kiosk_window_set_allow_close (self, g_value_get_boolean (value));
      break;
    case PROP_API_CLIENT:
      kiosk_window_set_api_client (self, g_value_get_object (value));
      break;
    case PROP_OUTBOX:
      kiosk_window_set_outbox (self, g_value_get_object (value));
      break;
    case PROP_LARGER_TEXT:
      kiosk_window_set_larger_text (self, g_value_get_boolean (value));
      break;
    case PROP_HIGH_CONTRAST:
      kiosk_window_set_high_contrast (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_window_install_properties (GObjectClass *object_class)
{
  properties[PROP_SPA_CONTENT] =
    g_param_spec_object ("spa-content", NULL, NULL, KIOSK_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL, 1, 3600, 90,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDLE_COUNTDOWN] =
    g_param_spec_uint ("idle-countdown", NULL, NULL, 1, 600, 20,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_CLOSE] =
    g_param_spec_boolean ("allow-close", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The booking backend: unset while the backend is not configured or the
   * queue is still opening; the booking and staff screens follow them. */
  properties[PROP_API_CLIENT] =
    g_param_spec_object ("api-client", NULL, NULL, KIOSK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, KIOSK_TYPE_OUTBOX,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The customer's reading aids, on the attract and home screens; the
   * session reset turns them off. */
  properties[PROP_LARGER_TEXT] =
    g_param_spec_boolean ("larger-text", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_window_class_init (KioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kiosk_window_constructed;
  object_class->dispose = kiosk_window_dispose;
  object_class->get_property = kiosk_window_get_property;
  object_class->set_property = kiosk_window_set_property;
  widget_class->map = kiosk_window_map;
  widget_class->unmap = kiosk_window_unmap;
  window_class->close_request = kiosk_window_close_request;
  window_class->enable_debugging = kiosk_window_enable_debugging;

  kiosk_window_install_properties (object_class);
  kiosk_window_install_actions (widget_class);
  kiosk_window_staff_install_actions (widget_class);

  g_type_ensure (KIOSK_TYPE_TOP_BAR);
  g_type_ensure (KIOSK_TYPE_ATTRACT_PAGE);
  g_type_ensure (KIOSK_TYPE_HOME_PAGE);
  g_type_ensure (KIOSK_TYPE_SERVICES_PAGE);
  g_type_ensure (KIOSK_TYPE_SERVICE_PAGE);
  g_type_ensure (KIOSK_TYPE_SCIATICA_PAGE);
  g_type_ensure (KIOSK_TYPE_BOOKING_PAGE);
  g_type_ensure (KIOSK_TYPE_PIN_PAD);
  g_type_ensure (KIOSK_TYPE_STAFF_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, top_bar);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, attract_page);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, services_page);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, service_page);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, sciatica_page);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, booking_page);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, pin_pad);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, staff_panel);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, idle_prompt);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, idle_seconds_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, idle_text_label);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
}

static void
kiosk_window_init (KioskWindow *self)
{
  self->idle_monitor = kiosk_idle_monitor_new ();
  g_signal_connect_swapped (self->idle_monitor, "notify::prompting",
                            G_CALLBACK (update_idle_prompt), self);
  g_signal_connect_swapped (self->idle_monitor, "notify::remaining",
                            G_CALLBACK (update_idle_prompt), self);
  g_signal_connect_swapped (self->idle_monitor, "expired",
                            G_CALLBACK (kiosk_window_reset_session), self);

  /* Before the template: its language button reads the kiosk.language
   * state, and its text is built in the language it starts in. */
  self->settings = g_settings_new (APP_ID);
  self->language = g_settings_get_string (self->settings, "default-language");
  if (!kiosk_i18n_is_supported (self->language))
    {
      g_free (self->language);
      self->language = g_strdup ("en");
    }
  kiosk_i18n_set_language (self->language);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_input_controllers (self);
  kiosk_window_staff_init (self);

  g_settings_bind (self->settings, "idle-timeout", self, "idle-timeout", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "idle-countdown", self, "idle-countdown", G_SETTINGS_BIND_GET);
}

/**
 * kiosk_window_new:
 * @app: (nullable): the application
 * @content: (nullable): the spa's content; %NULL uses the bundled content
 * @fullscreen: whether to cover the screen, undecorated, as a kiosk does
 *
 * Returns: (transfer full): a new window on the attract screen
 */
KioskWindow *
kiosk_window_new (KioskApplication *app,
                  KioskContent     *content,
                  gboolean          fullscreen)
{
  KioskWindow *self;

  g_return_val_if_fail (app == NULL || KIOSK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (content == NULL || KIOSK_IS_CONTENT (content), NULL);

  self = g_object_new (KIOSK_TYPE_WINDOW,
                       "application", app,
                       "spa-content", content,
                       NULL);

  if (fullscreen)
    {
      gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }

  return self;
}

KioskContent *
kiosk_window_get_spa_content (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return self->content;
}

const char *
kiosk_window_get_language (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return self->language;
}

/**
 * kiosk_window_set_language:
 * @self: the window
 * @language: "en" or "es"
 *
 * Rewrites every screen's text in @language, keeping what the customer
 * chose, and switches gettext (kiosk_i18n_set_language ()) for what comes
 * next. The language button and the session reset come here.
 */
void
kiosk_window_set_language (KioskWindow *self,
                           const char  *language)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));
  g_return_if_fail (language != NULL && kiosk_i18n_is_supported (language));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  if (self->content != NULL)
    apply_language (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

guint
kiosk_window_get_idle_timeout (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), 0);

  return kiosk_idle_monitor_get_timeout (self->idle_monitor);
}

void
kiosk_window_set_idle_timeout (KioskWindow *self,
                               guint        seconds)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));

  if (kiosk_idle_monitor_get_timeout (self->idle_monitor) == seconds)
    return;

  kiosk_idle_monitor_set_timeout (self->idle_monitor, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_TIMEOUT]);
}

guint
kiosk_window_get_idle_countdown (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), 0);

  return kiosk_idle_monitor_get_countdown (self->idle_monitor);
}

void
kiosk_window_set_idle_countdown (KioskWindow *self,
                                 guint        seconds)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));

  if (kiosk_idle_monitor_get_countdown (self->idle_monitor) == seconds)
    return;

  kiosk_idle_monitor_set_countdown (self->idle_monitor, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_COUNTDOWN]);
}

gboolean
kiosk_window_get_allow_close (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), FALSE);

  return self->allow_close;
}

/**
 * kiosk_window_set_allow_close:
 * @self: the window
 * @allow_close: whether closing the window is allowed (staff only)
 *
 * Customers can never close the kiosk; staff mode lifts that.
 */
void
kiosk_window_set_allow_close (KioskWindow *self,
                              gboolean     allow_close)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));

  allow_close = !!allow_close;
  if (self->allow_close == allow_close)
    return;

  self->allow_close = allow_close;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_CLOSE]);
}

/**
 * kiosk_window_get_api_client:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the booking backend's client
 */
KioskApiClient *
kiosk_window_get_api_client (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return self->api_client;
}

void
kiosk_window_set_api_client (KioskWindow    *self,
                             KioskApiClient *api_client)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));
  g_return_if_fail (api_client == NULL || KIOSK_IS_API_CLIENT (api_client));

  if (!g_set_object (&self->api_client, api_client))
    return;
  kiosk_booking_page_set_backend (self->booking_page, self->api_client, self->outbox);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API_CLIENT]);
}

/**
 * kiosk_window_get_outbox:
 * @self: the window
 *
 * Returns: (transfer none) (nullable): the durable booking queue
 */
KioskOutbox *
kiosk_window_get_outbox (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return self->outbox;
}

void
kiosk_window_set_outbox (KioskWindow *self,
                         KioskOutbox *outbox)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));
  g_return_if_fail (outbox == NULL || KIOSK_IS_OUTBOX (outbox));

  if (!g_set_object (&self->outbox, outbox))
    return;
  kiosk_booking_page_set_backend (self->booking_page, self->api_client, self->outbox);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
}

/**
 * kiosk_window_get_idle_monitor:
 * @self: the window
 *
 * Returns: (transfer none): the monitor behind "Still there?"
 */
KioskIdleMonitor *
kiosk_window_get_idle_monitor (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return self->idle_monitor;
}

/**
 * kiosk_window_get_page:
 * @self: the window
 * @name: "attract", "home", "services", "service", "sciatica" or "booking"
 *
 * Returns: (transfer none) (nullable): that screen
 */
GtkWidget *
kiosk_window_get_page (KioskWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return gtk_stack_get_child_by_name (self->stack, name);
}

const char *
kiosk_window_get_visible_page (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
kiosk_window_get_larger_text (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), FALSE);

  return self->larger_text;
}

/**
 * kiosk_window_set_larger_text:
 * @self: the window
 * @larger_text: whether to show every text larger
 *
 * Raises the font resolution of the window's display (GtkSettings
 * gtk-xft-dpi), so every size in points grows, and marks the window with
 * the kiosk-larger-text style class. Turning it off gives the session's
 * resolution back.
 */
void
kiosk_window_set_larger_text (KioskWindow *self,
                              gboolean     larger_text)
{
  GtkSettings *settings;
  int dpi = 0;

  g_return_if_fail (KIOSK_IS_WINDOW (self));

  larger_text = !!larger_text;
  if (self->larger_text == larger_text)
    return;

  self->larger_text = larger_text;
  settings = gtk_widget_get_settings (GTK_WIDGET (self));
  if (larger_text)
    {
      g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
      if (dpi <= 0)
        dpi = 96 * 1024;
      g_object_set (settings, "gtk-xft-dpi", (int) (dpi * LARGER_TEXT_SCALE), NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-larger-text");
    }
  else
    {
      gtk_settings_reset_property (settings, "gtk-xft-dpi");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "kiosk-larger-text");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LARGER_TEXT]);
}

gboolean
kiosk_window_get_high_contrast (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), FALSE);

  return self->high_contrast;
}

/**
 * kiosk_window_set_high_contrast:
 * @self: the window
 * @high_contrast: whether to show the high contrast style
 *
 * Adwaita 1.2 cannot force its own high contrast per application, so the
 * kiosk's style.css has its own, under the kiosk-high-contrast style class.
 */
void
kiosk_window_set_high_contrast (KioskWindow *self,
                                gboolean     high_contrast)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));

  high_contrast = !!high_contrast;
  if (self->high_contrast == high_contrast)
    return;

  self->high_contrast = high_contrast;
  if (high_contrast)
    gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk-high-contrast");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "kiosk-high-contrast");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
}
