/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-pin-pad.c: the staff PIN pad: large digit keys, dots, the wait after a wrong PIN. */

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "kiosk-page.h"
#include "kiosk-pin-pad.h"

typedef enum
{
  PAD_READY,    /* waiting for digits */
  PAD_CHECKING, /* the PIN is being checked */
  PAD_WRONG,    /* the last PIN was wrong: the wait, or "try again" */
  PAD_ERROR,    /* the PIN file cannot be used: the message says why */
} PadState;

struct _KioskPinPad
{
  GtkWidget parent_instance;

  GtkLabel *dots_label;
  GtkLabel *message_label;
  GtkSpinner *spinner;
  GtkWidget *keys_grid;

  KioskStaffPin *staff_pin;
  GCancellable *cancellable;
  char *error_message;
  PadState state;
  guint tick_source;

  /* The digits typed so far; wiped after every check, reset and unmap. */
  char pin[KIOSK_STAFF_PIN_MAX_LENGTH + 1];
  guint n_digits;
};

enum {
  PROP_0,
  PROP_STAFF_PIN,
  N_PROPS
};

enum {
  UNLOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void kiosk_pin_pad_page_init (KioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KioskPinPad, kiosk_pin_pad, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (KIOSK_TYPE_PAGE, kiosk_pin_pad_page_init))

static void
wipe_pin (KioskPinPad *self)
{
  sodium_memzero (self->pin, sizeof self->pin);
  self->n_digits = 0;
}

static gboolean
pin_is_set (KioskPinPad *self)
{
  return self->staff_pin != NULL && kiosk_staff_pin_is_set (self->staff_pin);
}

static gboolean
locked_out (KioskPinPad *self)
{
  return kiosk_staff_pin_get_failures (self->staff_pin) >= KIOSK_STAFF_PIN_MAX_FAILURES
         && kiosk_staff_pin_get_retry_delay (self->staff_pin) > 0;
}

static char *
lockout_message (KioskPinPad *self)
{
  gint64 until = kiosk_staff_pin_get_locked_until (self->staff_pin);
  g_autoptr(GDateTime) end = g_date_time_new_from_unix_local (until / G_USEC_PER_SEC + 1);
  g_autofree char *time = g_date_time_format (end, "%H:%M:%S");

  return g_strdup_printf (_("Too many wrong PINs. Staff mode is locked until %s."), time);
}

static char *
wrong_message (KioskPinPad *self)
{
  guint delay = kiosk_staff_pin_get_retry_delay (self->staff_pin);

  if (delay == 0)
    return g_strdup (_("Wrong PIN. Try again."));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Wrong PIN. Try again in %u second.",
                                       "Wrong PIN. Try again in %u seconds.", delay),
                          delay);
}

/* No usable PIN: none was set, or its file was damaged or opened to other
 * users (the core refuses such a file). Either way the fix is to set it. */
static char *
not_set_message (KioskPinPad *self)
{
  const char *path = self->staff_pin != NULL ? kiosk_staff_pin_get_path (self->staff_pin) : NULL;

  if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    return g_strdup (_("The staff PIN file cannot be used. Set the staff PIN again: run "
                       "“spa-kiosk --set-staff-pin” on the kiosk’s computer."));

  return g_strdup (_("Staff mode is not set up on this kiosk. To set it up, run "
                     "“spa-kiosk --set-staff-pin” on the kiosk’s computer."));
}

/* What the pad says now. The delay and the lockout are read from the PIN
 * file each time, so a pad opened after a restart tells the same wait. */
static char *
current_message (KioskPinPad *self)
{
  if (!pin_is_set (self) && self->state != PAD_ERROR)
    return not_set_message (self);
  if (self->state == PAD_ERROR)
    return g_strdup (self->error_message);
  if (self->state == PAD_CHECKING)
    return g_strdup (_("Checking the PIN…"));
  if (locked_out (self))
    return lockout_message (self);
  if (self->state == PAD_WRONG || kiosk_staff_pin_get_retry_delay (self->staff_pin) > 0)
    return wrong_message (self);
  return g_strdup (_("Enter the staff PIN."));
}

static char *
dots (guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, i == 0 ? "●" : " ●");
  return g_string_free (text, FALSE);
}

static void
update (KioskPinPad *self)
{
  g_autofree char *message = current_message (self);
  g_autofree char *entered = dots (self->n_digits);
  gboolean usable = pin_is_set (self) && self->state != PAD_ERROR;
  gboolean waiting = usable && kiosk_staff_pin_get_retry_delay (self->staff_pin) > 0;
  gboolean typing = usable && !waiting && self->state != PAD_CHECKING;

  gtk_label_set_label (self->message_label, message);
  gtk_label_set_label (self->dots_label, entered);
  gtk_spinner_set_spinning (self->spinner, self->state == PAD_CHECKING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->state == PAD_CHECKING);
  gtk_widget_set_visible (self->keys_grid, usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin.digit",
                                 typing && self->n_digits < KIOSK_STAFF_PIN_MAX_LENGTH);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin.delete", typing && self->n_digits > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pin.enter",
                                 typing && self->n_digits >= KIOSK_STAFF_PIN_MIN_LENGTH);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KioskPinPad) self = user_data;
  g_autoptr(GError) error = NULL;
  KioskStaffPinResult verdict;

  verdict = kiosk_staff_pin_verify_finish (KIOSK_STAFF_PIN (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error_message, g_free);
  self->state = PAD_READY;
  if (verdict == KIOSK_STAFF_PIN_RESULT_WRONG || verdict == KIOSK_STAFF_PIN_RESULT_LOCKED_OUT)
    self->state = PAD_WRONG;
  else if (verdict == KIOSK_STAFF_PIN_RESULT_ERROR)
    {
      self->state = PAD_ERROR;
      self->error_message = g_strdup (error->message);
    }
  update (self);

  if (verdict == KIOSK_STAFF_PIN_RESULT_OK)
    g_signal_emit (self, signals[UNLOCKED], 0);
}

static void
digit_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KioskPinPad *self = KIOSK_PIN_PAD (widget);
  const char *digit = g_variant_get_string (parameter, NULL);

  if (!g_ascii_isdigit (digit[0]) || digit[1] != '\0'
      || self->n_digits >= KIOSK_STAFF_PIN_MAX_LENGTH)
    return;

  self->pin[self->n_digits++] = digit[0];
  if (self->state == PAD_WRONG)
    self->state = PAD_READY;
  update (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KioskPinPad *self = KIOSK_PIN_PAD (widget);

  if (self->n_digits > 0)
    self->pin[--self->n_digits] = '\0';
  update (self);
}

/* The core copies the PIN for its worker thread and wipes its copy; the
 * pad wipes its own at once. */
static void
enter_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KioskPinPad *self = KIOSK_PIN_PAD (widget);

  if (self->staff_pin == NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->state = PAD_CHECKING;
  kiosk_staff_pin_verify_async (self->staff_pin, self->pin, self->cancellable,
                                verify_cb, g_object_ref (self));
  wipe_pin (self);
  update (self);
}

static void
stop_checking (KioskPinPad *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
kiosk_pin_pad_refill (KioskPage    *page,
                      KioskContent *content,
                      const char   *language)
{
  update (KIOSK_PIN_PAD (page));
}

static void
kiosk_pin_pad_reset (KioskPage *page)
{
  KioskPinPad *self = KIOSK_PIN_PAD (page);

  stop_checking (self);
  wipe_pin (self);
  g_clear_pointer (&self->error_message, g_free);
  self->state = PAD_READY;
  update (self);
}

static void
kiosk_pin_pad_page_init (KioskPageInterface *iface)
{
  iface->refill = kiosk_pin_pad_refill;
  iface->reset = kiosk_pin_pad_reset;
}

/* While shown, the wait counts down once a second. */
static gboolean
on_tick (gpointer user_data)
{
  update (KIOSK_PIN_PAD (user_data));
  return G_SOURCE_CONTINUE;
}

static void
kiosk_pin_pad_map (GtkWidget *widget)
{
  KioskPinPad *self = KIOSK_PIN_PAD (widget);

  GTK_WIDGET_CLASS (kiosk_pin_pad_parent_class)->map (widget);

  update (self);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  self->tick_source = g_timeout_add_seconds (1, on_tick, self);
}

static void
kiosk_pin_pad_unmap (GtkWidget *widget)
{
  KioskPinPad *self = KIOSK_PIN_PAD (widget);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  kiosk_pin_pad_reset (KIOSK_PAGE (self));

  GTK_WIDGET_CLASS (kiosk_pin_pad_parent_class)->unmap (widget);
}

static void
kiosk_pin_pad_dispose (GObject *object)
{
  KioskPinPad *self = KIOSK_PIN_PAD (object);
  GtkWidget *child;

  g_clear_handle_id (&self->tick_source, g_source_remove);
  stop_checking (self);
  wipe_pin (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_PIN_PAD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->staff_pin);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (kiosk_pin_pad_parent_class)->dispose (object);
}

static void
kiosk_pin_pad_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KioskPinPad *self = KIOSK_PIN_PAD (object);

  switch (prop_id)
    {
    case PROP_STAFF_PIN:
      g_value_set_object (value, self->staff_pin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_pin_pad_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KioskPinPad *self = KIOSK_PIN_PAD (object);

  switch (prop_id)
    {
    case PROP_STAFF_PIN:
      kiosk_pin_pad_set_staff_pin (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_pin_pad_class_init (KioskPinPadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_pin_pad_dispose;
  object_class->get_property = kiosk_pin_pad_get_property;
  object_class->set_property = kiosk_pin_pad_set_property;
  widget_class->map = kiosk_pin_pad_map;
  widget_class->unmap = kiosk_pin_pad_unmap;

  properties[PROP_STAFF_PIN] =
    g_param_spec_object ("staff-pin", NULL, NULL, KIOSK_TYPE_STAFF_PIN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KioskPinPad::unlocked:
   *
   * The right staff PIN was entered.
   */
  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "pin.digit", "s", digit_activated);
  gtk_widget_class_install_action (widget_class, "pin.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "pin.enter", NULL, enter_activated);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-pin-pad.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskPinPad, dots_label);
  gtk_widget_class_bind_template_child (widget_class, KioskPinPad, message_label);
  gtk_widget_class_bind_template_child (widget_class, KioskPinPad, spinner);
  gtk_widget_class_bind_template_child (widget_class, KioskPinPad, keys_grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskpinpad");
}

static void
kiosk_pin_pad_init (KioskPinPad *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * kiosk_pin_pad_get_staff_pin:
 * @self: the pad
 *
 * Returns: (transfer none) (nullable): the PIN the pad checks against
 */
KioskStaffPin *
kiosk_pin_pad_get_staff_pin (KioskPinPad *self)
{
  g_return_val_if_fail (KIOSK_IS_PIN_PAD (self), NULL);

  return self->staff_pin;
}

void
kiosk_pin_pad_set_staff_pin (KioskPinPad   *self,
                             KioskStaffPin *staff_pin)
{
  g_return_if_fail (KIOSK_IS_PIN_PAD (self));
  g_return_if_fail (staff_pin == NULL || KIOSK_IS_STAFF_PIN (staff_pin));

  if (!g_set_object (&self->staff_pin, staff_pin))
    return;

  kiosk_pin_pad_reset (KIOSK_PAGE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAFF_PIN]);
}

guint
kiosk_pin_pad_get_n_digits (KioskPinPad *self)
{
  g_return_val_if_fail (KIOSK_IS_PIN_PAD (self), 0);

  return self->n_digits;
}

gboolean
kiosk_pin_pad_get_checking (KioskPinPad *self)
{
  g_return_val_if_fail (KIOSK_IS_PIN_PAD (self), FALSE);

  return self->state == PAD_CHECKING;
}

/**
 * kiosk_pin_pad_get_message:
 * @self: the pad
 *
 * Returns: what the pad tells staff now
 */
const char *
kiosk_pin_pad_get_message (KioskPinPad *self)
{
  g_return_val_if_fail (KIOSK_IS_PIN_PAD (self), NULL);

  return gtk_label_get_label (self->message_label);
}
