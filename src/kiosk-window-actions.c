/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-window-actions.c: the window's navigation and commands, as kiosk.* actions. */

#include "config.h"

#include "kiosk-page.h"
#include "kiosk-window-private.h"

/* Enough for any real path through the screens; older steps are dropped. */
#define MAX_HISTORY 32

typedef struct
{
  char *page;
  char *service_id;
} HistoryEntry;

static void
history_entry_free (gpointer data)
{
  HistoryEntry *entry = data;

  g_free (entry->page);
  g_free (entry->service_id);
  g_free (entry);
}

static void
remember_current (KioskWindow *self)
{
  const char *current = gtk_stack_get_visible_child_name (self->stack);
  HistoryEntry *entry;

  if (current == NULL || g_str_equal (current, "attract"))
    return;

  if (self->history == NULL)
    self->history = g_ptr_array_new_with_free_func (history_entry_free);
  if (self->history->len >= MAX_HISTORY)
    g_ptr_array_remove_index (self->history, 0);

  entry = g_new0 (HistoryEntry, 1);
  entry->page = g_strdup (current);
  if (g_str_equal (current, "service"))
    entry->service_id = g_strdup (kiosk_service_page_get_service_id (self->service_page));
  g_ptr_array_add (self->history, entry);
}

static void
forget_history (KioskWindow *self)
{
  if (self->history != NULL)
    g_ptr_array_set_size (self->history, 0);
}

static void
navigate (KioskWindow *self,
          const char  *page)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), page) != 0)
    remember_current (self);
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "attract") == 0)
    gtk_stack_set_visible_child_name (self->stack, "home");
}

static void
go_home_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);

  forget_history (self);
  gtk_stack_set_visible_child_name (self->stack, "home");
}

static void
go_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  HistoryEntry *entry;

  /* Inside the booking, Back is a step back in it. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "booking") == 0
      && kiosk_booking_page_go_back (self->booking_page))
    return;

  if (self->history == NULL || self->history->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "home");
      return;
    }

  entry = g_ptr_array_steal_index (self->history, self->history->len - 1);
  if (entry->service_id != NULL)
    kiosk_service_page_set_service_id (self->service_page, entry->service_id);
  gtk_stack_set_visible_child_name (self->stack, entry->page);
  history_entry_free (entry);
}

static void
show_services_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  navigate (KIOSK_WINDOW (widget), "services");
}

static void
show_service_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  if (kiosk_content_find_service (self->content, id) == NULL)
    {
      g_debug ("No massage with the id “%s”", id);
      return;
    }

  if (g_strcmp0 (current, "service") != 0
      || g_strcmp0 (kiosk_service_page_get_service_id (self->service_page), id) != 0)
    remember_current (self);
  kiosk_service_page_set_service_id (self->service_page, id);
  gtk_stack_set_visible_child_name (self->stack, "service");
}

static void
show_sciatica_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  navigate (KIOSK_WINDOW (widget), "sciatica");
}

/* An id preselects that massage; "" keeps what this customer chose before. */
static void
book_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (*id != '\0' && kiosk_content_find_service (self->content, id) != NULL)
    kiosk_booking_page_set_service_id (self->booking_page, id);
  navigate (self, "booking");
}

static void
reset_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kiosk_window_reset_session (KIOSK_WINDOW (widget));
}

static void
still_here_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  kiosk_idle_monitor_activity (KIOSK_WINDOW (widget)->idle_monitor);
}

/**
 * kiosk_window_reset_session:
 * @self: the window
 *
 * Wipes everything the last customer did, on every screen, and returns to
 * the attract screen in the default language.
 */
void
kiosk_window_reset_session (KioskWindow *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "default-language");

  forget_history (self);
  gtk_stack_set_visible_child_name (self->stack, "attract");
  kiosk_window_set_language (self, language);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (KIOSK_IS_PAGE (child))
        kiosk_page_reset (KIOSK_PAGE (child));
    }
}

void
kiosk_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "kiosk.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.go-home", NULL, go_home_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.go-back", NULL, go_back_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.show-services", NULL, show_services_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.show-service", "s", show_service_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.show-sciatica", NULL, show_sciatica_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.book", "s", book_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.reset", NULL, reset_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.still-here", NULL, still_here_activated);
}
