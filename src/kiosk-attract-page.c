/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-attract-page.c: what a passer-by sees: the spa, a rotating highlight, "Touch to start". */

#include "config.h"

#include "kiosk-access-bar.h"
#include "kiosk-attract-page.h"
#include "kiosk-page.h"

/* The attract screen shows most of the day: its only work is this turn and
 * a 400 ms crossfade (ui/kiosk-attract-page.ui, a homogeneous stack, so the
 * fade only redraws and never relayouts the window), which keeps it idle
 * under 1 percent CPU (docs/benchmarks.md). */
#define HIGHLIGHT_SECONDS 10

struct _KioskAttractPage
{
  GtkWidget parent_instance;

  GtkLabel *spa_label;
  GtkStack *highlight_stack;
  GtkLabel *title_a;
  GtkLabel *text_a;
  GtkLabel *title_b;
  GtkLabel *text_b;
  KioskAccessBar *access_bar;

  KioskContent *content;
  char *language;
  guint highlight;
  guint rotate_source;
};

static void kiosk_attract_page_page_init (KioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KioskAttractPage, kiosk_attract_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (KIOSK_TYPE_PAGE, kiosk_attract_page_page_init))

/* Two label pairs take turns, so the stack crossfades from the shown
 * highlight to the next one. */
static void
fill_highlight (KioskAttractPage *self,
                gboolean          into_hidden)
{
  const char *visible = gtk_stack_get_visible_child_name (self->highlight_stack);
  gboolean use_b = (g_strcmp0 (visible, "b") == 0) == !into_hidden;
  GtkLabel *title = use_b ? self->title_b : self->title_a;
  GtkLabel *text = use_b ? self->text_b : self->text_a;
  guint n = kiosk_content_get_n_highlights (self->content);
  guint index = n > 0 ? self->highlight % n : 0;

  gtk_label_set_label (title, n > 0 ? kiosk_content_get_highlight_title (self->content, index,
                                                                       self->language) : "");
  gtk_label_set_label (text, n > 0 ? kiosk_content_get_highlight_text (self->content, index,
                                                                     self->language) : "");

  if (into_hidden)
    gtk_stack_set_visible_child_name (self->highlight_stack, use_b ? "b" : "a");
}

static gboolean
on_rotate (gpointer user_data)
{
  kiosk_attract_page_show_next (KIOSK_ATTRACT_PAGE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KioskAttractPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.start", NULL);
}

static void
kiosk_attract_page_refill (KioskPage    *page,
                           KioskContent *content,
                           const char   *language)
{
  KioskAttractPage *self = KIOSK_ATTRACT_PAGE (page);

  g_set_object (&self->content, content);
  g_free (self->language);
  self->language = g_strdup (language);

  gtk_label_set_label (self->spa_label, kiosk_content_get_spa_name (content));
  fill_highlight (self, FALSE);
  kiosk_access_bar_set_language (self->access_bar, language);
}

static void
kiosk_attract_page_reset (KioskPage *page)
{
  KioskAttractPage *self = KIOSK_ATTRACT_PAGE (page);

  self->highlight = 0;
  if (self->content != NULL)
    fill_highlight (self, FALSE);
}

static void
kiosk_attract_page_page_init (KioskPageInterface *iface)
{
  iface->refill = kiosk_attract_page_refill;
  iface->reset = kiosk_attract_page_reset;
}

/* The highlight only turns while someone can see it. */
static void
kiosk_attract_page_map (GtkWidget *widget)
{
  KioskAttractPage *self = KIOSK_ATTRACT_PAGE (widget);

  GTK_WIDGET_CLASS (kiosk_attract_page_parent_class)->map (widget);

  g_clear_handle_id (&self->rotate_source, g_source_remove);
  self->rotate_source = g_timeout_add_seconds (HIGHLIGHT_SECONDS, on_rotate, self);
}

static void
kiosk_attract_page_unmap (GtkWidget *widget)
{
  KioskAttractPage *self = KIOSK_ATTRACT_PAGE (widget);

  g_clear_handle_id (&self->rotate_source, g_source_remove);

  GTK_WIDGET_CLASS (kiosk_attract_page_parent_class)->unmap (widget);
}

static void
kiosk_attract_page_dispose (GObject *object)
{
  KioskAttractPage *self = KIOSK_ATTRACT_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rotate_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_ATTRACT_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->content);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (kiosk_attract_page_parent_class)->dispose (object);
}

static void
kiosk_attract_page_class_init (KioskAttractPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_attract_page_dispose;

  g_type_ensure (KIOSK_TYPE_ACCESS_BAR);
  widget_class->map = kiosk_attract_page_map;
  widget_class->unmap = kiosk_attract_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-attract-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskAttractPage, spa_label);
  gtk_widget_class_bind_template_child (widget_class, KioskAttractPage, highlight_stack);
  gtk_widget_class_bind_template_child (widget_class, KioskAttractPage, title_a);
  gtk_widget_class_bind_template_child (widget_class, KioskAttractPage, text_a);
  gtk_widget_class_bind_template_child (widget_class, KioskAttractPage, title_b);
  gtk_widget_class_bind_template_child (widget_class, KioskAttractPage, text_b);
  gtk_widget_class_bind_template_child (widget_class, KioskAttractPage, access_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_pressed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskattractpage");
}

static void
kiosk_attract_page_init (KioskAttractPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kiosk_attract_page_get_highlight:
 * @self: the attract page
 *
 * Returns: the index of the highlight shown, counting every turn
 */
guint
kiosk_attract_page_get_highlight (KioskAttractPage *self)
{
  g_return_val_if_fail (KIOSK_IS_ATTRACT_PAGE (self), 0);

  return self->highlight;
}

/**
 * kiosk_attract_page_show_next:
 * @self: the attract page
 *
 * Crossfades to the next highlight; the page's timer calls this every
 * few seconds.
 */
void
kiosk_attract_page_show_next (KioskAttractPage *self)
{
  g_return_if_fail (KIOSK_IS_ATTRACT_PAGE (self));

  if (self->content == NULL || kiosk_content_get_n_highlights (self->content) < 2)
    return;

  self->highlight++;
  fill_highlight (self, TRUE);
}

/**
 * kiosk_attract_page_get_name_label:
 * @self: the page
 *
 * Returns: (transfer none): the spa's name, where staff hold to open staff mode
 */
GtkWidget *
kiosk_attract_page_get_name_label (KioskAttractPage *self)
{
  g_return_val_if_fail (KIOSK_IS_ATTRACT_PAGE (self), NULL);

  return GTK_WIDGET (self->spa_label);
}
