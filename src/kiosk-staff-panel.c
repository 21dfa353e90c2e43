/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-staff-panel.c: staff mode: reset, backend status and test, the queue, language, quit. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-backend-config.h"
#include "kiosk-check-backend.h"
#include "kiosk-outbox-item.h"
#include "kiosk-page.h"
#include "kiosk-staff-panel.h"

struct _KioskStaffPanel
{
  GtkWidget parent_instance;

  GtkLabel *backend_label;
  GtkLabel *verdict_label;
  GtkSpinner *test_spinner;
  GtkButton *test_button;
  GtkLabel *queue_label;
  GtkBox *failed_box;
  GtkButton *retry_button;
  GtkToggleButton *english_button;
  GtkToggleButton *spanish_button;

  GSettings *settings;
  KioskOutbox *outbox;
  GCancellable *cancellable;
};

enum {
  PROP_0,
  PROP_OUTBOX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kiosk_staff_panel_page_init (KioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KioskStaffPanel, kiosk_staff_panel, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (KIOSK_TYPE_PAGE, kiosk_staff_panel_page_init))

/* The backend as configured: its address, or why the settings are refused
 * (an http:// address among them), in the words --check-backend uses. */
static void
update_backend (KioskStaffPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskBackendConfig) config = NULL;
  g_autofree char *text = NULL;

  config = kiosk_backend_config_new_from_settings (self->settings, &error);
  if (config == NULL)
    text = g_strdup_printf (_("Backend settings are not usable: %s"), error->message);
  else
    text = g_strdup_printf (_("Booking system: %s"), kiosk_backend_config_get_base_url (config));
  gtk_label_set_label (self->backend_label, text);
}

/* Staff see a failed booking by first name and time only, and why. */
static GtkWidget *
failed_row (KioskOutboxItem *item)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (kiosk_outbox_item_get_start (item),
                                                             NULL);
  g_autofree char *when = start != NULL ? g_date_time_format (start, "%Y-%m-%d %H:%M")
                                        : g_strdup (kiosk_outbox_item_get_start (item));
  const char *reason = kiosk_outbox_item_get_reason (item);
  g_autofree char *text = NULL;
  GtkWidget *label;

  text = g_strdup_printf (_("%s, %s: %s"), kiosk_outbox_item_get_first_name (item), when,
                          reason != NULL ? reason : _("refused by the booking system"));
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "kiosk-body");
  return label;
}

static void
update_failed (KioskStaffPanel *self)
{
  g_autoptr(GListModel) items = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->failed_box))) != NULL)
    gtk_box_remove (self->failed_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->failed_box), FALSE);
  if (self->outbox == NULL)
    return;

  items = kiosk_outbox_list_items (self->outbox);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(KioskOutboxItem) item = g_list_model_get_item (items, i);

      if (kiosk_outbox_item_get_state (item) == KIOSK_OUTBOX_STATE_FAILED)
        gtk_box_append (self->failed_box, failed_row (item));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->failed_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->failed_box)) != NULL);
}

static void
update_queue (KioskStaffPanel *self)
{
  g_autofree char *waiting = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *text = NULL;
  guint n_pending, n_failed;

  gtk_widget_set_sensitive (GTK_WIDGET (self->retry_button), self->outbox != NULL);
  update_failed (self);
  if (self->outbox == NULL)
    {
      gtk_label_set_label (self->queue_label,
                           _("The booking queue is not open: booking is off until the "
                             "backend is set up."));
      return;
    }

  n_pending = kiosk_outbox_get_n_pending (self->outbox);
  n_failed = kiosk_outbox_get_n_failed (self->outbox);
  waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u booking waits to be sent.",
                                          "%u bookings wait to be sent.", n_pending), n_pending);
  failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u was refused and will not be retried "
                                         "by itself.", "%u were refused and will not be retried "
                                         "by themselves.", n_failed), n_failed);
  text = g_strconcat (waiting, " ", failed, NULL);
  gtk_label_set_label (self->queue_label, text);
}

static void
update_language (KioskStaffPanel *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "default-language");

  gtk_toggle_button_set_active (self->english_button, g_str_equal (language, "en"));
  gtk_toggle_button_set_active (self->spanish_button, g_str_equal (language, "es"));
}

static void
update (KioskStaffPanel *self)
{
  update_backend (self);
  update_queue (self);
  update_language (self);
}

static void
on_language_toggled (GtkToggleButton *button,
                     KioskStaffPanel *self)
{
  const char *language = button == self->spanish_button ? "es" : "en";

  if (gtk_toggle_button_get_active (button))
    g_settings_set_string (self->settings, "default-language", language);
}

static void
set_verdict (KioskStaffPanel *self,
             const char      *verdict)
{
  gtk_label_set_label (self->verdict_label, verdict);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), *verdict != '\0');
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KioskStaffPanel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *verdict = kiosk_check_backend_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->test_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
  set_verdict (self, verdict != NULL ? verdict : error->message);
}

static void
on_test_clicked (KioskStaffPanel *self)
{
  if (self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_spinner_set_spinning (self->test_spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  set_verdict (self, _("Testing the connection…"));
  update_backend (self);
  kiosk_check_backend_async (self->settings, self->cancellable, check_cb, g_object_ref (self));
}

static void
on_retry_clicked (KioskStaffPanel *self)
{
  if (self->outbox != NULL)
    kiosk_outbox_retry_now (self->outbox);
}

static void
stop_test (KioskStaffPanel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->test_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
}

static void
kiosk_staff_panel_refill (KioskPage    *page,
                          KioskContent *content,
                          const char   *language)
{
  update (KIOSK_STAFF_PANEL (page));
}

static void
kiosk_staff_panel_reset (KioskPage *page)
{
  KioskStaffPanel *self = KIOSK_STAFF_PANEL (page);

  stop_test (self);
  set_verdict (self, "");
  update (self);
}

static void
kiosk_staff_panel_page_init (KioskPageInterface *iface)
{
  iface->refill = kiosk_staff_panel_refill;
  iface->reset = kiosk_staff_panel_reset;
}

static void
kiosk_staff_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kiosk_staff_panel_parent_class)->map (widget);

  update (KIOSK_STAFF_PANEL (widget));
}

static void
kiosk_staff_panel_unmap (GtkWidget *widget)
{
  kiosk_staff_panel_reset (KIOSK_PAGE (widget));

  GTK_WIDGET_CLASS (kiosk_staff_panel_parent_class)->unmap (widget);
}

static void
kiosk_staff_panel_dispose (GObject *object)
{
  KioskStaffPanel *self = KIOSK_STAFF_PANEL (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_STAFF_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->outbox);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kiosk_staff_panel_parent_class)->dispose (object);
}

static void
kiosk_staff_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KioskStaffPanel *self = KIOSK_STAFF_PANEL (object);

  switch (prop_id)
    {
    case PROP_OUTBOX:
      g_value_set_object (value, self->outbox);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_staff_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KioskStaffPanel *self = KIOSK_STAFF_PANEL (object);

  switch (prop_id)
    {
    case PROP_OUTBOX:
      kiosk_staff_panel_set_outbox (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_staff_panel_class_init (KioskStaffPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_staff_panel_dispose;
  object_class->get_property = kiosk_staff_panel_get_property;
  object_class->set_property = kiosk_staff_panel_set_property;
  widget_class->map = kiosk_staff_panel_map;
  widget_class->unmap = kiosk_staff_panel_unmap;

  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, KIOSK_TYPE_OUTBOX,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/kiosk-staff-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPanel, backend_label);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPanel, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPanel, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPanel, test_button);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPanel, queue_label);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPanel, failed_box);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPanel, retry_button);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPanel, english_button);
  gtk_widget_class_bind_template_child (widget_class, KioskStaffPanel, spanish_button);
  gtk_widget_class_bind_template_callback (widget_class, on_language_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskstaffpanel");
}

static void
kiosk_staff_panel_init (KioskStaffPanel *self)
{
  self->settings = g_settings_new (APP_ID);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->settings, "changed::backend-url", G_CALLBACK (update_backend),
                            self);
  update (self);
}

/**
 * kiosk_staff_panel_get_outbox:
 * @self: the panel
 *
 * Returns: (transfer none) (nullable): the booking queue the panel shows
 */
KioskOutbox *
kiosk_staff_panel_get_outbox (KioskStaffPanel *self)
{
  g_return_val_if_fail (KIOSK_IS_STAFF_PANEL (self), NULL);

  return self->outbox;
}

void
kiosk_staff_panel_set_outbox (KioskStaffPanel *self,
                              KioskOutbox     *outbox)
{
  g_return_if_fail (KIOSK_IS_STAFF_PANEL (self));
  g_return_if_fail (outbox == NULL || KIOSK_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;

  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  g_set_object (&self->outbox, outbox);
  if (outbox != NULL)
    g_signal_connect_swapped (outbox, "changed", G_CALLBACK (update_queue), self);
  update_queue (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
}

/* What the panel shows, for tests and for whoever reads the code. */
const char *
kiosk_staff_panel_get_backend_text (KioskStaffPanel *self)
{
  g_return_val_if_fail (KIOSK_IS_STAFF_PANEL (self), NULL);

  return gtk_label_get_label (self->backend_label);
}

const char *
kiosk_staff_panel_get_verdict_text (KioskStaffPanel *self)
{
  g_return_val_if_fail (KIOSK_IS_STAFF_PANEL (self), NULL);

  return gtk_label_get_label (self->verdict_label);
}

const char *
kiosk_staff_panel_get_queue_text (KioskStaffPanel *self)
{
  g_return_val_if_fail (KIOSK_IS_STAFF_PANEL (self), NULL);

  return gtk_label_get_label (self->queue_label);
}

gboolean
kiosk_staff_panel_get_testing (KioskStaffPanel *self)
{
  g_return_val_if_fail (KIOSK_IS_STAFF_PANEL (self), FALSE);

  return self->cancellable != NULL;
}
