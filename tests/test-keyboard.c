/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-keyboard.c: the on-screen keyboard typing into a real entry in a real window. */

/*
 * Keys are pressed two ways. Most tests activate a key's button with
 * gtk_widget_activate(), the path an accessibility tool takes, which emits
 * "clicked" and runs the key's action. The accent row is opened through the
 * keyboard.show-accents action that the long press triggers, except in the
 * /pointer/ tests: those move the real X pointer with xdotool, so the button's
 * own click gesture, the GtkGestureLongPress and the held-backspace repeat run
 * exactly as they do under a finger.
 */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "kiosk-keyboard.h"

#define WAIT_SECONDS 20

typedef struct
{
  GtkWindow     *window;
  GtkWidget     *entry;
  KioskKeyboard *keyboard;
  guint          n_done;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
keep_ticking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; FALSE after a generous deadline. */
static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint  tick = g_timeout_add (10, keep_ticking, NULL);
  gboolean held;

  while (!(held = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return held;
}

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint  tick = g_timeout_add (10, keep_ticking, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
}

static gboolean
window_laid_out (gpointer data)
{
  Fixture *f = data;
  int      width;
  int      height;

  gtk_window_get_default_size (f->window, &width, &height);
  return gtk_widget_get_mapped (GTK_WIDGET (f->keyboard))
         && gtk_widget_get_width (GTK_WIDGET (f->window)) == width
         && gtk_widget_get_height (GTK_WIDGET (f->window)) == height
         && gtk_widget_get_width (GTK_WIDGET (f->keyboard)) > 0;
}

static void
on_done (KioskKeyboard *keyboard,
         Fixture       *f)
{
  f->n_done++;
}

static void
fixture_open (Fixture *f,
              int      width,
              int      height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, height);
  f->entry = gtk_entry_new ();
  gtk_widget_set_margin_top (f->entry, 24);
  kiosk_keyboard_prepare_entry (f->entry);
  f->keyboard = g_object_ref (KIOSK_KEYBOARD (kiosk_keyboard_new ()));
  gtk_widget_set_vexpand (GTK_WIDGET (f->keyboard), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (f->keyboard), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), f->entry);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->keyboard));
  gtk_window_set_child (f->window, box);
  g_signal_connect (f->keyboard, "done", G_CALLBACK (on_done), f);

  kiosk_keyboard_set_target (f->keyboard, GTK_EDITABLE (f->entry));
  gtk_window_present (f->window);
  g_assert_true (wait_until (window_laid_out, f));
  gtk_widget_grab_focus (f->entry);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_open (f, 1280, 800);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  spin_for (50);
  g_assert_finalize_object (f->keyboard);
}

static GtkWidget *
key (Fixture    *f,
     const char *id)
{
  GtkWidget *widget = kiosk_keyboard_get_key_widget (f->keyboard, id);

  if (widget == NULL)
    g_error ("no key \"%s\" in this layout", id);
  return widget;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_clicked (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* Activates the key like an accessibility tool would, and waits until the
 * button has been clicked (GtkButton clicks a moment after activation). */
static void
press (Fixture    *f,
       const char *id)
{
  GtkWidget *widget = key (f, id);
  gboolean   clicked = FALSE;
  gulong     handler;

  g_assert_true (gtk_widget_is_drawable (widget));
  handler = g_signal_connect (widget, "clicked", G_CALLBACK (on_clicked), &clicked);
  g_assert_true (gtk_widget_activate (widget));
  g_assert_true (wait_until (flag_set, &clicked));
  g_signal_handler_disconnect (widget, handler);
}

/* Types each character of @text by its key; capitals through shift. */
static void
press_string (Fixture    *f,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char     one[8] = { 0 };
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        press (f, "shift");
      g_unichar_to_utf8 (g_unichar_tolower (c), one);
      press (f, c == ' ' ? "space" : one);
    }
}

/* The path a long press takes: the action it triggers, then a tap on the
 * accented letter in the row that opened. */
static void
press_accent (Fixture    *f,
              const char *base,
              const char *accented)
{
  GtkWidget *accent_key;
  g_autofree char *label = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->keyboard), "keyboard.show-accents", "s", base);
  accent_key = key (f, accented);
  g_assert_true (wait_until ((Condition) gtk_widget_get_mapped, accent_key));
  label = kiosk_keyboard_get_shifted (f->keyboard) ? g_utf8_strup (accented, -1) : g_strdup (accented);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (accent_key)), ==, label);
  press (f, accented);
}

static const char *
entry_text (Fixture *f)
{
  return gtk_editable_get_text (GTK_EDITABLE (f->entry));
}

static void
test_types_jose_nunez (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *popover;

  press (f, "shift");
  g_assert_true (kiosk_keyboard_get_shifted (f->keyboard));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (key (f, "j"))), ==, "J");
  g_assert_true (gtk_widget_get_state_flags (key (f, "shift")) & GTK_STATE_FLAG_CHECKED);
  press (f, "j");
  g_assert_false (kiosk_keyboard_get_shifted (f->keyboard));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (key (f, "j"))), ==, "j");
  g_assert_false (gtk_widget_get_state_flags (key (f, "shift")) & GTK_STATE_FLAG_CHECKED);

  press_string (f, "os");
  press_accent (f, "e", "é");
  popover = gtk_widget_get_ancestor (key (f, "o"), GTK_TYPE_POPOVER);
  g_assert_null (popover);
  press_string (f, " N");
  press_accent (f, "u", "ú");
  press_accent (f, "n", "ñ");
  press_string (f, "ez");

  g_assert_cmpstr (entry_text (f), ==, "José Núñez");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (f->entry)), ==, 10);

  /* Shifted, the accent row offers and types capitals. */
  press (f, "shift");
  press_accent (f, "a", "á");
  g_assert_cmpstr (entry_text (f), ==, "José NúñezÁ");
  g_assert_false (kiosk_keyboard_get_shifted (f->keyboard));
}

static void
test_accent_row_closes (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *accent_key;
  GtkWidget *popover;

  gtk_widget_activate_action (GTK_WIDGET (f->keyboard), "keyboard.show-accents", "s", "u");
  accent_key = key (f, "ü");
  popover = gtk_widget_get_ancestor (accent_key, GTK_TYPE_POPOVER);
  g_assert_nonnull (key (f, "ú"));
  g_assert_true (wait_until ((Condition) gtk_widget_get_mapped, popover));

  press (f, "ü");
  g_assert_cmpstr (entry_text (f), ==, "ü");
  g_assert_false (gtk_widget_get_visible (popover));

  /* Letters without accents open nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->keyboard), "keyboard.show-accents", "s", "k");
  spin_for (100);
  g_assert_false (gtk_widget_get_visible (popover));

  /* Hiding the keyboard (the flow moves on, the idle reset) closes the row. */
  gtk_widget_activate_action (GTK_WIDGET (f->keyboard), "keyboard.show-accents", "s", "o");
  g_assert_true (wait_until ((Condition) gtk_widget_get_mapped, popover));
  gtk_widget_set_visible (GTK_WIDGET (f->keyboard), FALSE);
  g_assert_false (gtk_widget_get_visible (popover));
}

static void
test_backspace_whole_character (Fixture       *f,
                                gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (f->entry);

  gtk_editable_set_text (entry, "Núñez");
  gtk_editable_set_position (entry, 3);
  press (f, "backspace");
  g_assert_cmpstr (entry_text (f), ==, "Núez");
  g_assert_cmpint (gtk_editable_get_position (entry), ==, 2);

  /* An ñ written as n + combining tilde is one character to a person. */
  gtk_editable_set_text (entry, "Nun\xcc\x83");
  gtk_editable_set_position (entry, -1);
  press (f, "backspace");
  g_assert_cmpstr (entry_text (f), ==, "Nu");

  /* A selection goes as a whole. */
  gtk_editable_set_text (entry, "Smith-Jones");
  gtk_editable_select_region (entry, 5, 11);
  press (f, "backspace");
  g_assert_cmpstr (entry_text (f), ==, "Smith");

  /* At the start there is nothing to delete. */
  gtk_editable_set_position (entry, 0);
  press (f, "backspace");
  g_assert_cmpstr (entry_text (f), ==, "Smith");
}

static void
test_digits (Fixture       *f,
             gconstpointer  data)
{
  kiosk_keyboard_set_mode (f->keyboard, KIOSK_KEYBOARD_MODE_DIGITS);
  g_assert_null (kiosk_keyboard_get_key_widget (f->keyboard, "a"));
  g_assert_null (kiosk_keyboard_get_key_widget (f->keyboard, "shift"));
  g_assert_true (wait_until ((Condition) gtk_widget_get_mapped, key (f, "8")));
  g_assert_true (gtk_widget_get_mapped (key (f, "next")));
  g_assert_true (gtk_widget_get_mapped (key (f, "backspace")));

  press_string (f, "8015550123");
  g_assert_cmpstr (entry_text (f), ==, "8015550123");
  press (f, "backspace");
  g_assert_cmpstr (entry_text (f), ==, "801555012");
}

static void
test_insert_at_cursor (Fixture       *f,
                       gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (f->entry);

  gtk_editable_set_text (entry, "SmithJones");
  gtk_editable_set_position (entry, 5);
  press (f, "-");
  g_assert_cmpstr (entry_text (f), ==, "Smith-Jones");
  g_assert_cmpint (gtk_editable_get_position (entry), ==, 6);

  gtk_editable_set_text (entry, "OBrien");
  gtk_editable_set_position (entry, 1);
  press (f, "'");
  press (f, "x");
  g_assert_cmpstr (entry_text (f), ==, "O'xBrien");
  press (f, "backspace");
  g_assert_cmpstr (entry_text (f), ==, "O'Brien");
  g_assert_cmpint (gtk_editable_get_position (entry), ==, 2);

  /* A selection is replaced by what is typed. */
  gtk_editable_select_region (entry, 2, 7);
  press_string (f, "Neil");
  g_assert_cmpstr (entry_text (f), ==, "O'Neil");
}

static void
test_capitalize (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_false (kiosk_keyboard_get_shifted (f->keyboard));
  kiosk_keyboard_set_capitalize (f->keyboard, TRUE);
  g_assert_true (kiosk_keyboard_get_shifted (f->keyboard));

  /* Lower case keys only: the capitals come by themselves. */
  for (const char *p = "mary ann-smith"; *p != '\0'; p++)
    press (f, *p == ' ' ? "space" : (char[]) { *p, '\0' });
  g_assert_cmpstr (entry_text (f), ==, "Mary Ann-Smith");

  /* Shift can be turned off for a particle, and comes back after the space. */
  press (f, "space");
  g_assert_true (kiosk_keyboard_get_shifted (f->keyboard));
  press (f, "shift");
  press_string (f, "de");
  g_assert_cmpstr (entry_text (f), ==, "Mary Ann-Smith de");

  /* Emptied for the next customer, the field starts with a capital again. */
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "");
  g_assert_true (kiosk_keyboard_get_shifted (f->keyboard));
}

static void
test_new_target (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GtkWidget) other = g_object_ref_sink (gtk_entry_new ());

  /* Shift tapped in one field is forgotten in the next. */
  press (f, "shift");
  kiosk_keyboard_set_target (f->keyboard, GTK_EDITABLE (other));
  g_assert_false (kiosk_keyboard_get_shifted (f->keyboard));
  press (f, "k");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other)), ==, "k");
  g_assert_cmpstr (entry_text (f), ==, "");

  /* A name field: an empty one starts with a capital, a filled one does not. */
  kiosk_keyboard_set_capitalize (f->keyboard, TRUE);
  g_assert_false (kiosk_keyboard_get_shifted (f->keyboard));
  kiosk_keyboard_set_target (f->keyboard, GTK_EDITABLE (f->entry));
  g_assert_true (kiosk_keyboard_get_shifted (f->keyboard));
  kiosk_keyboard_set_target (f->keyboard, NULL);
  g_assert_false (kiosk_keyboard_get_shifted (f->keyboard));
  press (f, "k");
  g_assert_cmpstr (entry_text (f), ==, "");
}

static void
reject_digits (GtkEditable *editable,
               const char  *text,
               int          length,
               int         *position,
               gpointer     data)
{
  for (int i = 0; i < length; i++)
    if (g_ascii_isdigit (text[i]))
      {
        g_signal_stop_emission_by_name (editable, "insert-text");
        return;
      }
}

static void
test_entry_rules_apply (Fixture       *f,
                        gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (f->entry);

  /* The entry's own validation runs on what the keys type. */
  g_signal_connect (gtk_editable_get_delegate (entry), "insert-text",
                    G_CALLBACK (reject_digits), NULL);
  kiosk_keyboard_set_mode (f->keyboard, KIOSK_KEYBOARD_MODE_EMAIL);
  press_string (f, "a1b");
  g_assert_cmpstr (entry_text (f), ==, "ab");

  /* max-length: one more letter is refused, and ".com" does not become ".c". */
  gtk_entry_set_max_length (GTK_ENTRY (f->entry), 6);
  press_string (f, "@x");
  press (f, ".com");
  g_assert_cmpstr (entry_text (f), ==, "ab@x");
  press_string (f, ".c");
  press (f, "o");
  g_assert_cmpstr (entry_text (f), ==, "ab@x.c");

  /* A read-only entry is left alone. */
  gtk_editable_set_editable (entry, FALSE);
  gtk_entry_set_max_length (GTK_ENTRY (f->entry), 0);
  press (f, "backspace");
  press (f, "q");
  g_assert_cmpstr (entry_text (f), ==, "ab@x.c");
}

static void
test_email_mode (Fixture       *f,
                 gconstpointer  data)
{
  const char *email_only[] = { "@", ".com", "_", "1", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (email_only); i++)
    g_assert_false (gtk_widget_get_visible (key (f, email_only[i])));
  g_assert_true (gtk_widget_get_visible (key (f, "space")));

  kiosk_keyboard_set_mode (f->keyboard, KIOSK_KEYBOARD_MODE_EMAIL);
  g_assert_true (wait_until ((Condition) gtk_widget_get_mapped, key (f, "@")));
  for (guint i = 0; i < G_N_ELEMENTS (email_only); i++)
    g_assert_true (gtk_widget_get_mapped (key (f, email_only[i])));
  g_assert_false (gtk_widget_get_visible (key (f, "space")));

  press_string (f, "ann_2");
  press (f, "@");
  press_string (f, "mail");
  press (f, ".com");
  g_assert_cmpstr (entry_text (f), ==, "ann_2@mail.com");
}

static void
test_done (Fixture       *f,
           gconstpointer  data)
{
  press (f, "next");
  g_assert_cmpuint (f->n_done, ==, 1);
  kiosk_keyboard_set_mode (f->keyboard, KIOSK_KEYBOARD_MODE_DIGITS);
  g_assert_true (wait_until ((Condition) gtk_widget_get_mapped, key (f, "next")));
  press (f, "next");
  g_assert_cmpuint (f->n_done, ==, 2);
  g_assert_cmpstr (entry_text (f), ==, "");
}

static void
test_target_gone (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *entry = f->entry;

  g_assert_true (kiosk_keyboard_get_target (f->keyboard) == GTK_EDITABLE (entry));
  g_object_add_weak_pointer (G_OBJECT (entry), (gpointer *) &entry);
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (entry)), entry);
  spin_for (50);
  g_assert_null (entry);
  g_assert_null (kiosk_keyboard_get_target (f->keyboard));

  press (f, "a");
  press (f, "backspace");
  press (f, "next");
  g_assert_cmpuint (f->n_done, ==, 1);
}

/* Every button under @widget, popovers included. */
static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *out)
{
  if (GTK_IS_BUTTON (widget))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, out);
}

static GPtrArray *
all_keys (Fixture *f)
{
  GPtrArray *keys = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (f->keyboard), keys);
  return keys;
}

static void
test_keys_not_focusable (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GPtrArray) keys = NULL;
  GtkWidget *text = gtk_widget_get_first_child (f->entry);

  gtk_widget_activate_action (GTK_WIDGET (f->keyboard), "keyboard.show-accents", "s", "a");
  keys = all_keys (f);
  g_assert_cmpuint (keys->len, >=, 26 + 10 + 10 + 3);
  for (guint i = 0; i < keys->len; i++)
    {
      GtkWidget *k = g_ptr_array_index (keys, i);

      g_assert_false (gtk_widget_get_focusable (k));
      g_assert_false (gtk_widget_get_focus_on_click (k));
    }

  press_string (f, "ok");
  g_assert_true (GTK_IS_TEXT (text));
  g_assert_true (gtk_window_get_focus (f->window) == text);
}

static void
assert_label (Fixture    *f,
              const char *id,
              const char *label)
{
  gtk_test_accessible_assert_property (key (f, id), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

static void
test_accessible_labels (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GPtrArray) keys = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->keyboard), "keyboard.show-accents", "s", "e");
  keys = all_keys (f);
  for (guint i = 0; i < keys->len; i++)
    if (!gtk_test_accessible_has_property (g_ptr_array_index (keys, i),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL))
      g_error ("the key \"%s\" has no accessible label",
               gtk_button_get_label (g_ptr_array_index (keys, i)));

  assert_label (f, "a", "a");
  assert_label (f, "shift", "Shift");
  assert_label (f, "backspace", "Backspace");
  assert_label (f, "space", "Space");
  assert_label (f, "next", "Next");
  assert_label (f, "é", "é");
  assert_label (f, "'", "Apostrophe");
  assert_label (f, "-", "Hyphen");
  assert_label (f, "@", "At sign");
  assert_label (f, ".com", ".com");

  /* The label says what the key types now. */
  kiosk_keyboard_set_shifted (f->keyboard, TRUE);
  assert_label (f, "a", "A");
  assert_label (f, "é", "É");

  kiosk_keyboard_set_mode (f->keyboard, KIOSK_KEYBOARD_MODE_DIGITS);
  assert_label (f, "7", "7");
  assert_label (f, "backspace", "Backspace");
}

/* Sizes after layout in a real window of the kiosk's sizes */

static void
assert_key_sizes (Fixture *f,
                  int      min_letter_width)
{
  g_autoptr (GPtrArray) keys = all_keys (f);
  guint n_measured = 0;

  for (guint i = 0; i < keys->len; i++)
    {
      GtkWidget *k = g_ptr_array_index (keys, i);
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (k));

      if (!gtk_widget_get_mapped (k))
        continue;

      n_measured++;
      g_assert_cmpint (gtk_widget_get_height (k), >=, 64);
      g_assert_cmpint (gtk_widget_get_width (k), >=, 64);
      if (gtk_widget_has_css_class (k, "kiosk-key-char"))
        g_assert_cmpint (gtk_widget_get_width (k), >=, min_letter_width);
      /* A 24 px font needs a line at least 28 px high. */
      g_assert_cmpint (gtk_widget_get_height (label), >=, 28);
    }
  g_assert_cmpuint (n_measured, >=, 12);

  /* The keyboard fits the window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->keyboard)), <=,
                   gtk_widget_get_width (GTK_WIDGET (f->window)));
}

static void
check_sizes_in_every_mode (Fixture *f,
                           int      min_letter_width)
{
  for (KioskKeyboardMode mode = KIOSK_KEYBOARD_MODE_LETTERS;
       mode <= KIOSK_KEYBOARD_MODE_DIGITS;
       mode++)
    {
      kiosk_keyboard_set_mode (f->keyboard, mode);
      spin_for (200);
      assert_key_sizes (f, mode == KIOSK_KEYBOARD_MODE_DIGITS ? 64 : min_letter_width);
    }
}

static void
test_sizes_landscape (Fixture       *f,
                      gconstpointer  data)
{
  fixture_open (f, 1280, 800);
  check_sizes_in_every_mode (f, 72);

  /* A fingertip wide, not a palm: the keyboard is clamped on wide screens. */
  kiosk_keyboard_set_mode (f->keyboard, KIOSK_KEYBOARD_MODE_LETTERS);
  spin_for (200);
  g_assert_cmpint (gtk_widget_get_width (key (f, "j")), <=, 100);
}

static void
test_sizes_portrait (Fixture       *f,
                     gconstpointer  data)
{
  fixture_open (f, 1080, 1920);
  check_sizes_in_every_mode (f, 64);
}

/* Screenshots: build/tests/keyboard-MODE-WxH.png, to look at */

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int          width = gtk_widget_get_width (widget);
  int          height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
screenshot_every_mode (Fixture    *f,
                       const char *size)
{
  static const char *modes[] = { "letters", "email", "digits" };
  static const char *pressed[] = { "g", "@", "5" };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *name = g_strdup_printf ("keyboard-%s-%s.png", modes[i], size);

      kiosk_keyboard_set_mode (f->keyboard, i);
      kiosk_keyboard_set_shifted (f->keyboard, i == KIOSK_KEYBOARD_MODE_LETTERS);
      gtk_editable_set_text (GTK_EDITABLE (f->entry), i == 1 ? "ann@mail.com" : "José Núñez");
      /* One key shown pressed, to see the feedback a finger gets. */
      gtk_widget_set_state_flags (key (f, pressed[i]), GTK_STATE_FLAG_ACTIVE, FALSE);
      spin_for (300);
      save_screenshot (GTK_WIDGET (f->window), name);
      gtk_widget_unset_state_flags (key (f, pressed[i]), GTK_STATE_FLAG_ACTIVE);
    }
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *popover;

  fixture_open (f, 1280, 800);
  screenshot_every_mode (f, "1280x800");
  kiosk_keyboard_set_mode (f->keyboard, KIOSK_KEYBOARD_MODE_LETTERS);
  gtk_widget_activate_action (GTK_WIDGET (f->keyboard), "keyboard.show-accents", "s", "a");
  popover = gtk_widget_get_ancestor (key (f, "á"), GTK_TYPE_POPOVER);
  g_assert_true (wait_until ((Condition) gtk_widget_get_mapped, popover));
  spin_for (300);
  save_screenshot (popover, "keyboard-accents-1280x800.png");
  gtk_window_destroy (f->window);
  spin_for (50);
  g_assert_finalize_object (f->keyboard);

  fixture_open (f, 1080, 1920);
  screenshot_every_mode (f, "1080x1920");
}

/* The real pointer, through xdotool: the XTest pointer reaches GTK under Xvfb */

static void
xdotool (const char *command)
{
  g_autofree char *line = g_strconcat ("xdotool ", command, NULL);
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_true (g_shell_parse_argv (line, NULL, &argv, &error));
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
}

/* Moves the pointer to the middle of @widget, in its X window. */
static void
point_at (GtkWidget *widget)
{
  GtkNative        *native = gtk_widget_get_native (widget);
  GdkSurface       *surface = gtk_native_get_surface (native);
  graphene_point_t  middle;
  double            dx;
  double            dy;
  g_autofree char  *command = NULL;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                                 gtk_widget_get_height (widget) / 2.f),
                                           &middle));
  gtk_native_get_surface_transform (native, &dx, &dy);
  command = g_strdup_printf ("mousemove --sync --window %lu %d %d",
                             (gulong) gdk_x11_surface_get_xid (GDK_X11_SURFACE (surface)),
                             (int) (middle.x + dx), (int) (middle.y + dy));
  xdotool (command);
  spin_for (100);
}

static void
pointer_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");

  if (xdotool_path == NULL)
    g_error ("these tests need xdotool (Debian package xdotool)");
  fixture_open (f, 1280, 800);
}

static gboolean
text_is (gpointer data)
{
  Fixture    *f = data;
  const char *want = g_object_get_data (G_OBJECT (f->entry), "want");

  return g_str_equal (entry_text (f), want);
}

static void
wait_for_text (Fixture    *f,
               const char *want)
{
  g_object_set_data (G_OBJECT (f->entry), "want", (gpointer) want);
  if (!wait_until (text_is, f))
    g_error ("entry holds \"%s\", not \"%s\"", entry_text (f), want);
}

static void
test_pointer_tap_keeps_focus (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *text = gtk_widget_get_first_child (f->entry);

  point_at (key (f, "a"));
  xdotool ("click 1");
  wait_for_text (f, "a");
  point_at (key (f, "shift"));
  xdotool ("click 1");
  point_at (key (f, "b"));
  xdotool ("click 1");
  wait_for_text (f, "aB");
  g_assert_true (gtk_window_get_focus (f->window) == text);
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (f->entry)), ==, 2);

  point_at (key (f, "backspace"));
  xdotool ("click 1");
  wait_for_text (f, "a");
  g_assert_true (gtk_window_get_focus (f->window) == text);
}

static gboolean
accent_row_open (gpointer data)
{
  Fixture   *f = data;
  GtkWidget *accented = kiosk_keyboard_get_key_widget (f->keyboard, "é");

  return accented != NULL && gtk_widget_get_mapped (accented);
}

static void
test_pointer_long_press (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *popover;
  gboolean   clicked = FALSE;

  g_signal_connect (key (f, "e"), "clicked", G_CALLBACK (on_clicked), &clicked);
  point_at (key (f, "e"));
  xdotool ("mousedown 1");
  /* The row opens while the button is still held down. */
  g_assert_true (wait_until (accent_row_open, f));
  popover = gtk_widget_get_ancestor (key (f, "é"), GTK_TYPE_POPOVER);
  xdotool ("mouseup 1");
  spin_for (300);

  /* Lifting the finger after a long press types nothing. */
  g_assert_false (clicked);
  g_assert_cmpstr (entry_text (f), ==, "");

  point_at (key (f, "é"));
  xdotool ("click 1");
  wait_for_text (f, "é");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (gtk_window_get_focus (f->window) == gtk_widget_get_first_child (f->entry));
}

static gboolean
at_most_five_left (gpointer data)
{
  Fixture *f = data;

  return g_utf8_strlen (entry_text (f), -1) <= 5;
}

static void
test_pointer_backspace_repeats (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *after_release = NULL;
  gboolean         clicked = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Núñez Smith-Jones");
  gtk_editable_set_position (GTK_EDITABLE (f->entry), -1);
  g_signal_connect (key (f, "backspace"), "clicked", G_CALLBACK (on_clicked), &clicked);

  point_at (key (f, "backspace"));
  xdotool ("mousedown 1");
  g_assert_true (wait_until (at_most_five_left, f));
  g_assert_true (gtk_widget_has_css_class (key (f, "backspace"), "kiosk-key-held"));
  xdotool ("mouseup 1");
  spin_for (100);
  /* The hold took over the press: no click, so no extra delete on release. */
  g_assert_false (clicked);
  after_release = g_strdup (entry_text (f));
  g_assert_cmpuint (g_utf8_strlen (after_release, -1), >=, 1);
  g_assert_true (g_str_has_prefix ("Núñez", after_release));

  /* Released, it stops, and the release itself deletes nothing more. */
  spin_for (600);
  g_assert_cmpstr (entry_text (f), ==, after_release);
  g_assert_false (gtk_widget_has_css_class (key (f, "backspace"), "kiosk-key-held"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GtkCssProvider) style = NULL;

  /* GTK's own test backend keeps the accessible properties where the test
   * can read them, without a session bus ("none" keeps nothing). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The kiosk's style sheet, as AdwApplication loads it for the program. */
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) g_test_add ("/kiosk/keyboard/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
#define ADD_SIZED(path, func) g_test_add ("/kiosk/keyboard/" path, Fixture, NULL, NULL, func, fixture_teardown)
#define ADD_POINTER(path, func) g_test_add ("/kiosk/keyboard/pointer/" path, Fixture, NULL, pointer_setup, func, fixture_teardown)

  ADD ("types-jose-nunez", test_types_jose_nunez);
  ADD ("accent-row-closes", test_accent_row_closes);
  ADD ("backspace-whole-character", test_backspace_whole_character);
  ADD ("digits", test_digits);
  ADD ("insert-at-cursor", test_insert_at_cursor);
  ADD ("capitalize", test_capitalize);
  ADD ("new-target", test_new_target);
  ADD ("entry-rules-apply", test_entry_rules_apply);
  ADD ("email-mode", test_email_mode);
  ADD ("done", test_done);
  ADD ("target-gone", test_target_gone);
  ADD ("keys-not-focusable", test_keys_not_focusable);
  ADD ("accessible-labels", test_accessible_labels);
  ADD_SIZED ("sizes-1280x800", test_sizes_landscape);
  ADD_SIZED ("sizes-1080x1920", test_sizes_portrait);
  ADD_SIZED ("screenshots", test_screenshots);
  ADD_POINTER ("tap-keeps-focus", test_pointer_tap_keeps_focus);
  ADD_POINTER ("long-press-accents", test_pointer_long_press);
  ADD_POINTER ("backspace-repeats", test_pointer_backspace_repeats);

  return g_test_run ();
}
