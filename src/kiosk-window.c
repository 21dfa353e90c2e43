/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-window.c: the kiosk's one window, holding every screen. */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-window.h"

struct _KioskWindow
{
  AdwApplicationWindow parent_instance;

  GtkStack *stack;
};

G_DEFINE_FINAL_TYPE (KioskWindow, kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

static void
kiosk_window_class_init (KioskWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, stack);
}

static void
kiosk_window_init (KioskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KioskWindow *
kiosk_window_new (KioskApplication *app,
                  gboolean          fullscreen)
{
  KioskWindow *self = g_object_new (KIOSK_TYPE_WINDOW, "application", app, NULL);

  if (fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (self));

  return self;
}
