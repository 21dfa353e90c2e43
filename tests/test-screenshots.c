/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-screenshots.c: every screen at three sizes: no text cut off, every button named and large. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "kiosk-pin-pad.h"
#include "kiosk-sciatica-page.h"
#include "kiosk-ui-test.h"

typedef struct
{
  int width;
  int height;
  const char *language;
} Size;

/* Spanish runs longer than English: the smallest screens get it too. */
static const Size sizes[] = {
  { 1280, 800, "en" },
  { 1920, 1080, "en" },
  { 1080, 1920, "en" },
  { 1280, 800, "es" },
  { 1080, 1920, "es" },
};

static void
save_png (KioskWindow *window,
          const char  *name)
{
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  const char *language = kiosk_window_get_language (window);
  g_autofree char *file = g_strdup_printf ("%s-%dx%d%s%s.png", name, width, height,
                                           g_str_equal (language, "en") ? "" : "-",
                                           g_str_equal (language, "en") ? "" : language);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static GtkWidget *
scrolled_ancestor (GtkWidget *widget)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
}

/* A label is clipped when it got less room than it needs at its width, or
 * when it reaches outside the window (or, in a scrolled area, outside the
 * area's width: scrolling is only vertical). */
static void
check_label (GtkLabel    *label,
             KioskWindow *window,
             const char  *screen)
{
  GtkWidget *widget = GTK_WIDGET (label);
  GtkWidget *scroller = scrolled_ancestor (widget);
  GtkWidget *frame = scroller != NULL ? scroller : GTK_WIDGET (window);
  int margin_h = gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
  int margin_v = gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);
  int frame_width = gtk_widget_get_width (frame);
  int frame_height = gtk_widget_get_height (frame);
  GtkAllocation alloc;
  graphene_rect_t bounds;
  int min_width, min_height;

  gtk_widget_get_allocation (widget, &alloc);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, alloc.width + margin_h,
                      &min_height, NULL, NULL, NULL);
  g_assert_true (gtk_widget_compute_bounds (widget, frame, &bounds));

  if (alloc.width < min_width - margin_h || alloc.height < min_height - margin_v
      || bounds.origin.x < -0.5
      || bounds.origin.x + bounds.size.width > frame_width + 0.5
      || (scroller == NULL && (bounds.origin.y < -0.5
                               || bounds.origin.y + bounds.size.height > frame_height + 0.5)))
    g_error ("On “%s” the label “%s” is clipped: %d×%d at %.0f,%.0f, needs %d×%d",
             screen, gtk_label_get_label (label), alloc.width, alloc.height,
             bounds.origin.x, bounds.origin.y, min_width - margin_h, min_height - margin_v);
}

/* A touch screen reader names every button: by its own label text or by
 * an accessible label set for it. */
static void
check_button_named (GtkButton  *button,
                    const char *screen)
{
  const char *label = gtk_button_get_label (button);

  if ((label == NULL || *label == '\0')
      && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_error ("On “%s” a %s has no accessible name", screen, G_OBJECT_TYPE_NAME (button));
}

static guint
check_labels (GtkWidget   *widget,
              KioskWindow *window,
              const char  *screen)
{
  guint n = 0;

  if (!gtk_widget_is_drawable (widget))
    return 0;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0')
    {
      check_label (GTK_LABEL (widget), window, screen);
      n++;
    }
  if (GTK_IS_BUTTON (widget))
    {
      check_button_named (GTK_BUTTON (widget), screen);
      g_assert_cmpint (gtk_widget_get_height (widget), >=, 64);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_labels (child, window, screen);

  return n;
}

static void
shoot (KioskWindow *window,
       const char  *page,
       const char  *name)
{
  kiosk_ui_test_wait_for_page (window, page);
  g_assert_cmpuint (check_labels (GTK_WIDGET (window), window, name), >, 0);
  save_png (window, name);
}

static void
show (KioskWindow *window,
      const char  *action_name,
      GVariant    *target)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action_name, target));
}

static void
shoot_sciatica (KioskWindow *window)
{
  GtkWidget *sciatica;
  GtkAdjustment *scroll;

  show (window, "kiosk.show-sciatica", NULL);
  shoot (window, "sciatica", "sciatica-top");

  sciatica = kiosk_window_get_page (window, "sciatica");
  scroll = kiosk_sciatica_page_get_vadjustment (KIOSK_SCIATICA_PAGE (sciatica));
  g_assert_cmpfloat (gtk_adjustment_get_upper (scroll), >, gtk_adjustment_get_page_size (scroll));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll) / 3);
  shoot (window, "sciatica", "sciatica-scrolled");
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  shoot (window, "sciatica", "sciatica-end");
}

static gboolean
pin_checked (gpointer data)
{
  return !kiosk_pin_pad_get_checking (data);
}

static void
press_digits (KioskWindow *window,
              const char  *digits)
{
  GtkWidget *pad = kiosk_window_get_page (window, "staff-pin");

  for (const char *p = digits; *p != '\0'; p++)
    g_assert_true (gtk_widget_activate_action (pad, "pin.digit", "s", (char[]) { *p, '\0' }));
}

/* A staff PIN file, made once for every size, and its clock, moved by the
 * test instead of waiting out the delays. */
static char *staff_pin_path;
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static gboolean
pin_ready (gpointer data)
{
  return g_str_has_prefix (kiosk_pin_pad_get_message (data), "Enter")
         || g_str_equal (kiosk_pin_pad_get_message (data), "Wrong PIN. Try again.");
}

static void
enter_pin (GtkWidget  *pad,
           const char *pin)
{
  g_assert_true (kiosk_ui_test_wait_for (pin_ready, pad, 10000));
  press_digits (KIOSK_WINDOW (gtk_widget_get_root (pad)), pin);
  g_assert_true (gtk_widget_activate_action (pad, "pin.enter", NULL));
  g_assert_true (kiosk_ui_test_wait_for (pin_checked, pad, 30000));
}


/* The PIN pad locked out after five wrong PINs, then with two digits
 * typed, then the panel, top and bottom. */
static void
shoot_staff (KioskWindow *window)
{
  g_autoptr(KioskStaffPin) staff_pin = kiosk_staff_pin_new (staff_pin_path);
  GtkWidget *pad = kiosk_window_get_page (window, "staff-pin");
  GtkWidget *quit;
  GtkAdjustment *scroll;

  fake_now = g_get_real_time ();
  kiosk_staff_pin_set_clock (staff_pin, fake_clock, NULL);
  kiosk_window_set_staff_pin (window, staff_pin);
  show (window, "kiosk.staff-open", NULL);
  kiosk_ui_test_wait_for_page (window, "staff-pin");
  for (guint i = 0; i < KIOSK_STAFF_PIN_MAX_FAILURES; i++)
    {
      enter_pin (pad, "1357");
      fake_now += (gint64) (1 << i) * G_USEC_PER_SEC;
    }
  g_assert_true (g_str_has_prefix (kiosk_pin_pad_get_message (KIOSK_PIN_PAD (pad)), "Too many"));
  shoot (window, "staff-pin", "staff-pin-locked");

  fake_now += (gint64) KIOSK_STAFF_PIN_LOCKOUT_SECONDS * G_USEC_PER_SEC;
  g_assert_true (kiosk_ui_test_wait_for (pin_ready, pad, 10000));
  press_digits (window, "24");
  shoot (window, "staff-pin", "staff-pin");
  press_digits (window, "68");
  g_assert_true (gtk_widget_activate_action (pad, "pin.enter", NULL));
  g_assert_true (kiosk_ui_test_wait_for (pin_checked, pad, 30000));
  shoot (window, "staff-panel", "staff-panel");

  quit = kiosk_ui_test_find_button (kiosk_window_get_page (window, "staff-panel"),
                                    "kiosk.quit", NULL);
  scroll = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (quit, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  shoot (window, "staff-panel", "staff-panel-end");
  show (window, "kiosk.staff-close", NULL);
  kiosk_ui_test_wait_for_page (window, "attract");
  show (window, "kiosk.start", NULL);
}

static gboolean
is_prompting (gpointer data)
{
  return kiosk_idle_monitor_get_prompting (kiosk_window_get_idle_monitor (data));
}

static void
shoot_idle_prompt (KioskWindow *window)
{
  show (window, "kiosk.go-home", NULL);
  kiosk_ui_test_wait_for_page (window, "home");
  kiosk_window_set_idle_countdown (window, 60);
  kiosk_window_set_idle_timeout (window, 1);
  g_assert_true (kiosk_ui_test_wait_for (is_prompting, window, 10000));
  shoot (window, "home", "idle-prompt");
}

static void
test_screens (gconstpointer data)
{
  const Size *size = data;
  KioskWindow *window = kiosk_ui_test_window_new (size->width, size->height);
  GListModel *services = kiosk_content_get_services (kiosk_window_get_spa_content (window));

  kiosk_window_set_language (window, size->language);
  shoot (window, "attract", "attract");
  show (window, "kiosk.start", NULL);
  shoot (window, "home", "home");
  show (window, "kiosk.show-services", NULL);
  shoot (window, "services", "services");

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(KioskService) service = g_list_model_get_item (services, i);
      g_autofree char *name = g_strconcat ("service-", kiosk_service_get_id (service), NULL);

      show (window, "kiosk.show-service", g_variant_new_string (kiosk_service_get_id (service)));
      shoot (window, "service", name);
    }

  show (window, "kiosk.book", g_variant_new_string ("hot-stone"));
  shoot (window, "booking", "booking");
  shoot_sciatica (window);
  shoot_staff (window);
  shoot_idle_prompt (window);

  kiosk_ui_test_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *staff_pin_dir = NULL;
  int status;

  /* GTK's test accessibility backend, which needs no bus, keeps what
   * each widget tells assistive technologies. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  kiosk_ui_test_init (&argc, &argv);
  staff_pin_dir = g_dir_make_tmp ("kiosk-screenshots-XXXXXX", NULL);
  g_assert_nonnull (staff_pin_dir);
  staff_pin_path = g_build_filename (staff_pin_dir, "staff-pin", NULL);
  {
    g_autoptr(KioskStaffPin) staff_pin = kiosk_staff_pin_new (staff_pin_path);

    g_assert_true (kiosk_staff_pin_set (staff_pin, "2468", NULL));
  }

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kiosk/screenshots/%s/%dx%d", sizes[i].language,
                                               sizes[i].width, sizes[i].height);

      g_test_add_data_func (path, &sizes[i], test_screens);
    }

  status = g_test_run ();
  g_remove (staff_pin_path);
  g_rmdir (staff_pin_dir);
  g_clear_pointer (&staff_pin_path, g_free);
  return status;
}
