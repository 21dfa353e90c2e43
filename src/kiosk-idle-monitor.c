/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-idle-monitor.c: the quiet time since the last touch and the "Still there?" countdown. */

#include "config.h"

#include "kiosk-idle-monitor.h"

struct _KioskIdleMonitor
{
  GObject parent_instance;

  guint timeout;
  guint countdown;
  guint remaining;
  gboolean enabled;
  gboolean prompting;

  gint64 last_activity;
  guint quiet_source;
  guint tick_source;
};

G_DEFINE_FINAL_TYPE (KioskIdleMonitor, kiosk_idle_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_TIMEOUT,
  PROP_COUNTDOWN,
  PROP_PROMPTING,
  PROP_REMAINING,
  N_PROPS
};

enum {
  EXPIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_quiet_check (KioskIdleMonitor *self);

static void
set_prompting (KioskIdleMonitor *self,
               gboolean          prompting)
{
  if (self->prompting == prompting)
    return;
  self->prompting = prompting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPTING]);
}

static void
set_remaining (KioskIdleMonitor *self,
               guint             remaining)
{
  if (self->remaining == remaining)
    return;
  self->remaining = remaining;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
}

static gboolean
on_tick (gpointer user_data)
{
  KioskIdleMonitor *self = user_data;

  set_remaining (self, self->remaining > 0 ? self->remaining - 1 : 0);
  if (self->remaining > 0)
    return G_SOURCE_CONTINUE;

  self->tick_source = 0;
  set_prompting (self, FALSE);
  g_signal_emit (self, signals[EXPIRED], 0);
  return G_SOURCE_REMOVE;
}

static void
start_prompt (KioskIdleMonitor *self)
{
  set_remaining (self, self->countdown);
  set_prompting (self, TRUE);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  self->tick_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, 1, on_tick, self, NULL);
}

static gboolean
on_quiet_check (gpointer user_data)
{
  KioskIdleMonitor *self = user_data;

  self->quiet_source = 0;
  schedule_quiet_check (self);
  return G_SOURCE_REMOVE;
}

/* Activity only records a time stamp; this one timer wakes when the quiet
 * time could be over and sleeps again for what is left, so a stream of
 * touches costs no timer churn. */
static void
schedule_quiet_check (KioskIdleMonitor *self)
{
  gint64 elapsed_ms;
  gint64 left_ms;

  g_clear_handle_id (&self->quiet_source, g_source_remove);
  if (!self->enabled || self->prompting)
    return;

  elapsed_ms = (g_get_monotonic_time () - self->last_activity) / 1000;
  left_ms = (gint64) self->timeout * 1000 - elapsed_ms;
  if (left_ms <= 0)
    {
      start_prompt (self);
      return;
    }

  self->quiet_source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) left_ms,
                                           on_quiet_check, self, NULL);
}

static void
stop_prompt (KioskIdleMonitor *self)
{
  g_clear_handle_id (&self->tick_source, g_source_remove);
  set_prompting (self, FALSE);
  set_remaining (self, 0);
}

static void
kiosk_idle_monitor_dispose (GObject *object)
{
  KioskIdleMonitor *self = KIOSK_IDLE_MONITOR (object);

  g_clear_handle_id (&self->quiet_source, g_source_remove);
  g_clear_handle_id (&self->tick_source, g_source_remove);

  G_OBJECT_CLASS (kiosk_idle_monitor_parent_class)->dispose (object);
}

static void
kiosk_idle_monitor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KioskIdleMonitor *self = KIOSK_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_COUNTDOWN:
      g_value_set_uint (value, self->countdown);
      break;
    case PROP_PROMPTING:
      g_value_set_boolean (value, self->prompting);
      break;
    case PROP_REMAINING:
      g_value_set_uint (value, self->remaining);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_idle_monitor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KioskIdleMonitor *self = KIOSK_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      kiosk_idle_monitor_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_TIMEOUT:
      kiosk_idle_monitor_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_COUNTDOWN:
      kiosk_idle_monitor_set_countdown (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_idle_monitor_class_init (KioskIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kiosk_idle_monitor_dispose;
  object_class->get_property = kiosk_idle_monitor_get_property;
  object_class->set_property = kiosk_idle_monitor_set_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, 90,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTDOWN] =
    g_param_spec_uint ("countdown", NULL, NULL, 1, 600, 20,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROMPTING] =
    g_param_spec_boolean ("prompting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL, 0, 600, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KioskIdleMonitor::expired:
   *
   * The countdown reached zero without any activity: the session is over.
   */
  signals[EXPIRED] = g_signal_new ("expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kiosk_idle_monitor_init (KioskIdleMonitor *self)
{
  self->timeout = 90;
  self->countdown = 20;
  self->last_activity = g_get_monotonic_time ();
}

KioskIdleMonitor *
kiosk_idle_monitor_new (void)
{
  return g_object_new (KIOSK_TYPE_IDLE_MONITOR, NULL);
}

/**
 * kiosk_idle_monitor_activity:
 * @self: a monitor
 *
 * Records a touch, a click or a key: the quiet time starts again and a
 * "Still there?" prompt in progress is dismissed.
 */
void
kiosk_idle_monitor_activity (KioskIdleMonitor *self)
{
  g_return_if_fail (KIOSK_IS_IDLE_MONITOR (self));

  self->last_activity = g_get_monotonic_time ();
  if (self->prompting)
    stop_prompt (self);
  if (self->enabled && self->quiet_source == 0)
    schedule_quiet_check (self);
}

gboolean
kiosk_idle_monitor_get_enabled (KioskIdleMonitor *self)
{
  g_return_val_if_fail (KIOSK_IS_IDLE_MONITOR (self), FALSE);

  return self->enabled;
}

/**
 * kiosk_idle_monitor_set_enabled:
 * @self: a monitor
 * @enabled: whether quiet time counts (FALSE on the attract screen)
 *
 * Enabling starts the quiet time from now; disabling stops any prompt.
 */
void
kiosk_idle_monitor_set_enabled (KioskIdleMonitor *self,
                                gboolean          enabled)
{
  g_return_if_fail (KIOSK_IS_IDLE_MONITOR (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  self->last_activity = g_get_monotonic_time ();
  stop_prompt (self);
  schedule_quiet_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

guint
kiosk_idle_monitor_get_timeout (KioskIdleMonitor *self)
{
  g_return_val_if_fail (KIOSK_IS_IDLE_MONITOR (self), 0);

  return self->timeout;
}

void
kiosk_idle_monitor_set_timeout (KioskIdleMonitor *self,
                                guint             seconds)
{
  g_return_if_fail (KIOSK_IS_IDLE_MONITOR (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  schedule_quiet_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
kiosk_idle_monitor_get_countdown (KioskIdleMonitor *self)
{
  g_return_val_if_fail (KIOSK_IS_IDLE_MONITOR (self), 0);

  return self->countdown;
}

void
kiosk_idle_monitor_set_countdown (KioskIdleMonitor *self,
                                  guint             seconds)
{
  g_return_if_fail (KIOSK_IS_IDLE_MONITOR (self));
  g_return_if_fail (seconds > 0);

  if (self->countdown == seconds)
    return;

  self->countdown = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTDOWN]);
}

gboolean
kiosk_idle_monitor_get_prompting (KioskIdleMonitor *self)
{
  g_return_val_if_fail (KIOSK_IS_IDLE_MONITOR (self), FALSE);

  return self->prompting;
}

guint
kiosk_idle_monitor_get_remaining (KioskIdleMonitor *self)
{
  g_return_val_if_fail (KIOSK_IS_IDLE_MONITOR (self), 0);

  return self->remaining;
}
