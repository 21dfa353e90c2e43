/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-keyboard.c: the kiosk's own on-screen keyboard and number pad. */

/*
 * The kiosk runs in GNOME Kiosk or Cage, which have no on-screen keyboard,
 * so it brings its own. The keyboard edits the GtkEditable in its "target"
 * property with gtk_editable_insert_text() and gtk_editable_delete_text() at
 * the cursor, so the entry's own signals ("insert-text", "changed") and its
 * max-length apply as if the person typed. Its keys never take the focus:
 * the entry keeps the cursor. Give each entry it edits to
 * kiosk_keyboard_prepare_entry() so the system input method never offers its
 * own keyboard, spelling or emoji.
 *
 * Every key goes through an action of the "keyboard" group: keyboard.type(s),
 * keyboard.backspace, keyboard.shift (the "shifted" property),
 * keyboard.show-accents(s) and keyboard.done. A long press on a, e, i, o, u,
 * n or c activates keyboard.show-accents, which opens a row of accented
 * letters above the key.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kiosk-keyboard.h"

/* Backspace held: the first repeat after this long, then one per interval. */
#define REPEAT_DELAY_MS    500
#define REPEAT_INTERVAL_MS 90

enum
{
  KEY_IN_LETTERS = 1 << 0,
  KEY_IN_EMAIL   = 1 << 1,
  KEY_IN_BOTH    = KEY_IN_LETTERS | KEY_IN_EMAIL,
};

/* A key that types text. The letter page is a grid of 24 half-key columns. */
typedef struct
{
  const char *text;   /* what it types, in lower case */
  const char *name;   /* accessible name when the text alone says too little */
  guint8      column;
  guint8      row;
  guint8      span;
  guint8      modes;
} KioskKeyDef;

#define LETTER(t, c, r) { t, NULL, c, r, 2, KEY_IN_BOTH }
#define EMAIL(t, n, c, r, s) { t, n, c, r, s, KEY_IN_EMAIL }

static const KioskKeyDef letter_keys[] = {
  EMAIL ("1", NULL, 2, 0, 2), EMAIL ("2", NULL, 4, 0, 2), EMAIL ("3", NULL, 6, 0, 2),
  EMAIL ("4", NULL, 8, 0, 2), EMAIL ("5", NULL, 10, 0, 2), EMAIL ("6", NULL, 12, 0, 2),
  EMAIL ("7", NULL, 14, 0, 2), EMAIL ("8", NULL, 16, 0, 2), EMAIL ("9", NULL, 18, 0, 2),
  EMAIL ("0", NULL, 20, 0, 2),
  LETTER ("q", 0, 1), LETTER ("w", 2, 1), LETTER ("e", 4, 1), LETTER ("r", 6, 1),
  LETTER ("t", 8, 1), LETTER ("y", 10, 1), LETTER ("u", 12, 1), LETTER ("i", 14, 1),
  LETTER ("o", 16, 1), LETTER ("p", 18, 1),
  LETTER ("a", 1, 2), LETTER ("s", 3, 2), LETTER ("d", 5, 2), LETTER ("f", 7, 2),
  LETTER ("g", 9, 2), LETTER ("h", 11, 2), LETTER ("j", 13, 2), LETTER ("k", 15, 2),
  LETTER ("l", 17, 2),
  LETTER ("z", 3, 3), LETTER ("x", 5, 3), LETTER ("c", 7, 3), LETTER ("v", 9, 3),
  LETTER ("b", 11, 3), LETTER ("n", 13, 3), LETTER ("m", 15, 3),
  { "'", N_("Apostrophe"), 17, 3, 2, KEY_IN_BOTH },
  { "-", N_("Hyphen"), 19, 3, 2, KEY_IN_BOTH },
  { ".", N_("Dot"), 21, 3, 3, KEY_IN_BOTH },
  EMAIL ("@", N_("At sign"), 5, 4, 6),
  EMAIL ("_", N_("Underscore"), 11, 4, 2),
  EMAIL (".com", NULL, 13, 4, 6),
};

#undef LETTER
#undef EMAIL

/* The number pad: three columns, backspace and Next come from the template. */
static const KioskKeyDef digit_keys[] = {
  { "1", NULL, 0, 0, 1, 0 }, { "2", NULL, 1, 0, 1, 0 }, { "3", NULL, 2, 0, 1, 0 },
  { "4", NULL, 0, 1, 1, 0 }, { "5", NULL, 1, 1, 1, 0 }, { "6", NULL, 2, 1, 1, 0 },
  { "7", NULL, 0, 2, 1, 0 }, { "8", NULL, 1, 2, 1, 0 }, { "9", NULL, 2, 2, 1, 0 },
  { "0", NULL, 1, 3, 1, 0 },
};

/* What a long press on a letter offers: Spanish first, then letters common
 * in the names of the spa's other customers (Zoë, Müller, François). */
typedef struct
{
  const char *base;
  const char *accented[4];
} KioskAccents;

static const KioskAccents accent_table[] = {
  { "a", { "á", "à", "ä", NULL } },
  { "e", { "é", "è", "ë", NULL } },
  { "i", { "í", "ï", NULL } },
  { "o", { "ó", "ö", NULL } },
  { "u", { "ú", "ü", NULL } },
  { "n", { "ñ", NULL } },
  { "c", { "ç", NULL } },
};

struct _KioskKeyboard
{
  GtkWidget parent_instance;

  GtkStack   *stack;
  GtkGrid    *letter_grid;
  GtkGrid    *digit_grid;
  GtkWidget  *letter_backspace;
  GtkWidget  *letter_next;
  GtkWidget  *shift;
  GtkWidget  *space;
  GtkWidget  *digit_backspace;
  GtkWidget  *digit_next;
  GtkPopover *accent_popover;
  GtkBox     *accent_box;

  /* Key id (the text it types, or "shift", "backspace", "space", "next")
   * to its button; the buttons belong to the grids and the popover. */
  GHashTable *letter_page_keys;
  GHashTable *digit_page_keys;
  GHashTable *accent_keys;
  GPtrArray  *cased_keys;
  GPtrArray  *email_keys;
  GPtrArray  *letters_only_keys;

  GtkEditable       *target;
  KioskKeyboardMode  mode;
  gboolean           capitalize;
  gboolean           shifted;

  GtkGesture *repeat_gesture;
  guint       repeat_source;
};

G_DEFINE_FINAL_TYPE (KioskKeyboard, kiosk_keyboard, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (KioskKeyboardMode, kiosk_keyboard_mode,
                    G_DEFINE_ENUM_VALUE (KIOSK_KEYBOARD_MODE_LETTERS, "letters"),
                    G_DEFINE_ENUM_VALUE (KIOSK_KEYBOARD_MODE_EMAIL, "email"),
                    G_DEFINE_ENUM_VALUE (KIOSK_KEYBOARD_MODE_DIGITS, "digits"))

enum
{
  PROP_0,
  PROP_TARGET,
  PROP_MODE,
  PROP_CAPITALIZE,
  PROP_SHIFTED,
  N_PROPS
};

enum
{
  DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static gboolean
is_one_letter (const char *text)
{
  return g_utf8_strlen (text, -1) == 1 && g_unichar_isalpha (g_utf8_get_char (text));
}

static const KioskAccents *
find_accents (const char *base)
{
  for (guint i = 0; i < G_N_ELEMENTS (accent_table); i++)
    if (g_str_equal (accent_table[i].base, base))
      return &accent_table[i];

  return NULL;
}

/* Shows the key's text in the case it would type, and says the same to a
 * screen reader, so "a" reads "A" while shift is on. */
static void
kiosk_keyboard_label_key (KioskKeyboard *self,
                          GtkWidget     *key)
{
  GVariant        *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (key));
  const char      *text = g_variant_get_string (target, NULL);
  g_autofree char *label = self->shifted ? g_utf8_strup (text, -1) : g_strdup (text);

  gtk_button_set_label (GTK_BUTTON (key), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (key),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
kiosk_keyboard_relabel (KioskKeyboard *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->cased_keys->len; i++)
    kiosk_keyboard_label_key (self, g_ptr_array_index (self->cased_keys, i));

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->accent_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kiosk_keyboard_label_key (self, child);
}

static GtkWidget *
kiosk_keyboard_make_key (const char *text,
                         const char *name)
{
  GtkWidget *key = gtk_button_new_with_label (text);

  gtk_widget_set_focusable (key, FALSE);
  gtk_widget_set_focus_on_click (key, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (key), "keyboard.type");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (key), "s", text);
  gtk_widget_add_css_class (key, "kiosk-key");
  gtk_accessible_update_property (GTK_ACCESSIBLE (key),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : text,
                                  -1);
  return key;
}

/* Typing into the target */

static int
target_max_length (GtkEditable *target)
{
  if (GTK_IS_ENTRY (target))
    return gtk_entry_get_max_length (GTK_ENTRY (target));
  if (GTK_IS_TEXT (target))
    return gtk_text_get_max_length (GTK_TEXT (target));
  return 0;
}

/* ".com" goes in whole or not at all, never cut to ".c" by max-length. */
static gboolean
kiosk_keyboard_text_fits (KioskKeyboard *self,
                          const char    *text)
{
  int              max = target_max_length (self->target);
  int              start = 0;
  int              end = 0;
  g_autofree char *current = NULL;
  glong            length;

  if (max <= 0)
    return TRUE;

  current = gtk_editable_get_chars (self->target, 0, -1);
  length = g_utf8_strlen (current, -1);
  if (gtk_editable_get_selection_bounds (self->target, &start, &end))
    length -= end - start;

  return length + g_utf8_strlen (text, -1) <= max;
}

static void
kiosk_keyboard_insert (KioskKeyboard *self,
                       const char    *text)
{
  int pos;

  if (self->target == NULL || !gtk_editable_get_editable (self->target))
    return;

  if (!kiosk_keyboard_text_fits (self, text))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gtk_editable_delete_selection (self->target);
  pos = gtk_editable_get_position (self->target);
  gtk_editable_insert_text (self->target, text, -1, &pos);
  gtk_editable_set_position (self->target, pos);
}

/* Where the cursor goes back to: the start of the grapheme before it, so one
 * press removes a whole "ñ" even when it is written as n + combining tilde. */
static int
previous_grapheme (GtkEditable *target,
                   int          pos)
{
  g_autofree char         *text = gtk_editable_get_chars (target, 0, pos);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, pos + 1);

  pango_get_log_attrs (text, -1, -1, pango_language_get_default (), attrs, pos + 1);
  for (int i = pos - 1; i > 0; i--)
    if (attrs[i].is_cursor_position)
      return i;

  return 0;
}

/* With "capitalize" on, shift comes on at the start of every word of a name:
 * at the start of the field, after a space and after a hyphen. */
static void
kiosk_keyboard_update_auto_shift (KioskKeyboard *self)
{
  g_autofree char *before = NULL;
  int              pos;
  gunichar         last = 0;

  if (!self->capitalize || self->target == NULL)
    return;

  pos = gtk_editable_get_position (self->target);
  if (pos > 0)
    {
      before = gtk_editable_get_chars (self->target, pos - 1, pos);
      last = g_utf8_get_char (before);
    }

  kiosk_keyboard_set_shifted (self, pos == 0 || last == ' ' || last == '-');
}

static void
kiosk_keyboard_delete_back (KioskKeyboard *self)
{
  int start;
  int end;

  if (self->target == NULL || !gtk_editable_get_editable (self->target))
    return;

  if (!gtk_editable_get_selection_bounds (self->target, &start, &end))
    {
      end = gtk_editable_get_position (self->target);
      if (end == 0)
        return;
      start = previous_grapheme (self->target, end);
    }

  gtk_editable_delete_text (self->target, start, end);
  kiosk_keyboard_update_auto_shift (self);
}

/* Actions */

static void
kiosk_keyboard_type_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  KioskKeyboard   *self = KIOSK_KEYBOARD (widget);
  const char      *text = g_variant_get_string (param, NULL);
  gboolean         letter = is_one_letter (text);
  g_autofree char *cased = letter && self->shifted ? g_utf8_strup (text, -1) : NULL;

  kiosk_keyboard_insert (self, cased != NULL ? cased : text);
  gtk_popover_popdown (self->accent_popover);

  if (letter)
    kiosk_keyboard_set_shifted (self, FALSE);
  kiosk_keyboard_update_auto_shift (self);
}

static void
kiosk_keyboard_backspace_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  kiosk_keyboard_delete_back (KIOSK_KEYBOARD (widget));
}

static void
kiosk_keyboard_done_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  g_signal_emit (widget, signals[DONE], 0);
}

static void
kiosk_keyboard_fill_accents (KioskKeyboard      *self,
                             const KioskAccents *accents)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->accent_keys);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accent_box))) != NULL)
    gtk_box_remove (self->accent_box, child);

  for (guint i = 0; accents->accented[i] != NULL; i++)
    {
      GtkWidget *key = kiosk_keyboard_make_key (accents->accented[i], NULL);

      gtk_widget_add_css_class (key, "kiosk-key-char");
      kiosk_keyboard_label_key (self, key);
      gtk_box_append (self->accent_box, key);
      g_hash_table_insert (self->accent_keys, (gpointer) accents->accented[i], key);
    }
}

static void
kiosk_keyboard_show_accents_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  KioskKeyboard      *self = KIOSK_KEYBOARD (widget);
  const char         *base = g_variant_get_string (param, NULL);
  const KioskAccents *accents = find_accents (base);
  GtkWidget          *key = g_hash_table_lookup (self->letter_page_keys, base);
  graphene_rect_t     bounds;

  if (accents == NULL || key == NULL || !gtk_widget_get_mapped (key)
      || !gtk_widget_compute_bounds (key, widget, &bounds))
    return;

  kiosk_keyboard_fill_accents (self, accents);
  gtk_popover_set_pointing_to (self->accent_popover,
                               &(GdkRectangle) {
                                 (int) bounds.origin.x, (int) bounds.origin.y,
                                 (int) bounds.size.width, (int) bounds.size.height });
  gtk_popover_popup (self->accent_popover);
}

/* Gestures: a long press for accents, a held backspace that repeats */

static void
on_key_long_pressed (GtkGestureLongPress *press,
                     double               x,
                     double               y,
                     KioskKeyboard       *self)
{
  GtkWidget *key = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (press));
  GVariant  *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (key));

  /* Claiming the press denies the button's own click: the plain letter is
   * not typed when the finger lifts. */
  gtk_gesture_set_state (GTK_GESTURE (press), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "keyboard.show-accents", target);
}

static void
kiosk_keyboard_stop_repeat (KioskKeyboard *self)
{
  g_clear_handle_id (&self->repeat_source, g_source_remove);
  if (self->repeat_gesture != NULL)
    {
      GtkWidget *key = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (self->repeat_gesture));

      gtk_widget_remove_css_class (key, "kiosk-key-held");
      self->repeat_gesture = NULL;
    }
}

static gboolean
kiosk_keyboard_repeat_next (gpointer data)
{
  kiosk_keyboard_delete_back (KIOSK_KEYBOARD (data));
  return G_SOURCE_CONTINUE;
}

static gboolean
kiosk_keyboard_repeat_first (gpointer data)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (data);
  GtkWidget     *key = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (self->repeat_gesture));

  /* From here the hold is ours: the button's click is denied, so lifting the
   * finger deletes nothing more, and the key keeps looking pressed. */
  gtk_gesture_set_state (self->repeat_gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_add_css_class (key, "kiosk-key-held");
  kiosk_keyboard_delete_back (self);
  self->repeat_source = g_timeout_add (REPEAT_INTERVAL_MS, kiosk_keyboard_repeat_next, self);
  return G_SOURCE_REMOVE;
}

static void
on_backspace_begin (GtkGesture       *gesture,
                    GdkEventSequence *sequence,
                    KioskKeyboard    *self)
{
  kiosk_keyboard_stop_repeat (self);
  self->repeat_gesture = gesture;
  self->repeat_source = g_timeout_add (REPEAT_DELAY_MS, kiosk_keyboard_repeat_first, self);
}

static void
on_backspace_end (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  KioskKeyboard    *self)
{
  if (gesture == self->repeat_gesture)
    kiosk_keyboard_stop_repeat (self);
}

static void
kiosk_keyboard_add_repeat (KioskKeyboard *self,
                           GtkWidget     *key)
{
  GtkGesture *hold = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (hold), GTK_PHASE_CAPTURE);
  g_signal_connect (hold, "begin", G_CALLBACK (on_backspace_begin), self);
  g_signal_connect (hold, "end", G_CALLBACK (on_backspace_end), self);
  g_signal_connect (hold, "cancel", G_CALLBACK (on_backspace_end), self);
  gtk_widget_add_controller (key, GTK_EVENT_CONTROLLER (hold));
}

/* Building the keys from the tables */

static void
kiosk_keyboard_add_letter_key (KioskKeyboard     *self,
                               const KioskKeyDef *def)
{
  GtkWidget *key = kiosk_keyboard_make_key (def->text, def->name != NULL ? _(def->name) : NULL);

  gtk_grid_attach (self->letter_grid, key, def->column, def->row, def->span, 1);
  g_hash_table_insert (self->letter_page_keys, (gpointer) def->text, key);

  if (def->modes == KEY_IN_EMAIL)
    g_ptr_array_add (self->email_keys, key);

  if (is_one_letter (def->text))
    {
      gtk_widget_add_css_class (key, "kiosk-key-char");
      g_ptr_array_add (self->cased_keys, key);
    }
  else
    {
      gtk_widget_add_css_class (key, "kiosk-key-symbol");
    }

  if (find_accents (def->text) != NULL)
    {
      GtkGesture *press = gtk_gesture_long_press_new ();

      g_signal_connect (press, "pressed", G_CALLBACK (on_key_long_pressed), self);
      gtk_widget_add_controller (key, GTK_EVENT_CONTROLLER (press));
    }
}

static void
kiosk_keyboard_build_keys (KioskKeyboard *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (letter_keys); i++)
    kiosk_keyboard_add_letter_key (self, &letter_keys[i]);

  for (guint i = 0; i < G_N_ELEMENTS (digit_keys); i++)
    {
      GtkWidget *key = kiosk_keyboard_make_key (digit_keys[i].text, NULL);

      gtk_widget_add_css_class (key, "kiosk-key-char");
      gtk_grid_attach (self->digit_grid, key, digit_keys[i].column, digit_keys[i].row, 1, 1);
      g_hash_table_insert (self->digit_page_keys, (gpointer) digit_keys[i].text, key);
    }

  g_hash_table_insert (self->letter_page_keys, "shift", self->shift);
  g_hash_table_insert (self->letter_page_keys, "space", self->space);
  g_hash_table_insert (self->letter_page_keys, "backspace", self->letter_backspace);
  g_hash_table_insert (self->letter_page_keys, "next", self->letter_next);
  g_hash_table_insert (self->digit_page_keys, "backspace", self->digit_backspace);
  g_hash_table_insert (self->digit_page_keys, "next", self->digit_next);
  g_ptr_array_add (self->letters_only_keys, self->space);

  kiosk_keyboard_add_repeat (self, self->letter_backspace);
  kiosk_keyboard_add_repeat (self, self->digit_backspace);
}

/* The target */

static void
on_target_cursor_moved (KioskKeyboard *self)
{
  kiosk_keyboard_update_auto_shift (self);
}

static void
on_target_finalized (gpointer  data,
                     GObject  *where_the_object_was)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (data);

  self->target = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

static void
kiosk_keyboard_release_target (KioskKeyboard *self)
{
  if (self->target == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->target, self);
  g_object_weak_unref (G_OBJECT (self->target), on_target_finalized, self);
  self->target = NULL;
}

/* GtkWidget: the stack fills the keyboard, the accent row floats above it */

static void
kiosk_keyboard_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
kiosk_keyboard_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
  gtk_popover_present (self->accent_popover);
}

/* Hidden with its accent row open (the flow moved on, the idle reset came),
 * the row closes too and gives back the pointer it holds. */
static void
kiosk_keyboard_unmap (GtkWidget *widget)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (widget);

  gtk_popover_popdown (self->accent_popover);
  kiosk_keyboard_stop_repeat (self);

  GTK_WIDGET_CLASS (kiosk_keyboard_parent_class)->unmap (widget);
}

static void
kiosk_keyboard_dispose (GObject *object)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (object);

  kiosk_keyboard_stop_repeat (self);
  kiosk_keyboard_release_target (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_KEYBOARD);

  G_OBJECT_CLASS (kiosk_keyboard_parent_class)->dispose (object);
}

static void
kiosk_keyboard_finalize (GObject *object)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (object);

  g_hash_table_unref (self->letter_page_keys);
  g_hash_table_unref (self->digit_page_keys);
  g_hash_table_unref (self->accent_keys);
  g_ptr_array_unref (self->cased_keys);
  g_ptr_array_unref (self->email_keys);
  g_ptr_array_unref (self->letters_only_keys);

  G_OBJECT_CLASS (kiosk_keyboard_parent_class)->finalize (object);
}

static void
kiosk_keyboard_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_CAPITALIZE:
      g_value_set_boolean (value, self->capitalize);
      break;
    case PROP_SHIFTED:
      g_value_set_boolean (value, self->shifted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_keyboard_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      kiosk_keyboard_set_target (self, g_value_get_object (value));
      break;
    case PROP_MODE:
      kiosk_keyboard_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_CAPITALIZE:
      kiosk_keyboard_set_capitalize (self, g_value_get_boolean (value));
      break;
    case PROP_SHIFTED:
      kiosk_keyboard_set_shifted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_keyboard_install_properties (GObjectClass *object_class)
{
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         GTK_TYPE_EDITABLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       KIOSK_TYPE_KEYBOARD_MODE, KIOSK_KEYBOARD_MODE_LETTERS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPITALIZE] =
    g_param_spec_boolean ("capitalize", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHIFTED] =
    g_param_spec_boolean ("shifted", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_keyboard_class_init (KioskKeyboardClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_keyboard_dispose;
  object_class->finalize = kiosk_keyboard_finalize;
  object_class->get_property = kiosk_keyboard_get_property;
  object_class->set_property = kiosk_keyboard_set_property;
  widget_class->measure = kiosk_keyboard_measure;
  widget_class->size_allocate = kiosk_keyboard_size_allocate;
  widget_class->unmap = kiosk_keyboard_unmap;

  kiosk_keyboard_install_properties (object_class);

  /**
   * KioskKeyboard::done:
   *
   * The Next key was pressed: the flow moves on to the next field.
   */
  signals[DONE] = g_signal_new ("done",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "keyboard.type", "s", kiosk_keyboard_type_action);
  gtk_widget_class_install_action (widget_class, "keyboard.backspace", NULL,
                                   kiosk_keyboard_backspace_action);
  gtk_widget_class_install_action (widget_class, "keyboard.done", NULL, kiosk_keyboard_done_action);
  gtk_widget_class_install_action (widget_class, "keyboard.show-accents", "s",
                                   kiosk_keyboard_show_accents_action);
  gtk_widget_class_install_property_action (widget_class, "keyboard.shift", "shifted");

  g_type_ensure (ADW_TYPE_CLAMP);
  gtk_widget_class_set_css_name (widget_class, "kioskkeyboard");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kiosk-keyboard.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, stack);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, letter_grid);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, digit_grid);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, letter_backspace);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, letter_next);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, shift);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, space);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, digit_backspace);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, digit_next);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, accent_popover);
  gtk_widget_class_bind_template_child (widget_class, KioskKeyboard, accent_box);
}

static void
kiosk_keyboard_init (KioskKeyboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->letter_page_keys = g_hash_table_new (g_str_hash, g_str_equal);
  self->digit_page_keys = g_hash_table_new (g_str_hash, g_str_equal);
  self->accent_keys = g_hash_table_new (g_str_hash, g_str_equal);
  self->cased_keys = g_ptr_array_new ();
  self->email_keys = g_ptr_array_new ();
  self->letters_only_keys = g_ptr_array_new ();

  kiosk_keyboard_build_keys (self);
  kiosk_keyboard_set_mode (self, KIOSK_KEYBOARD_MODE_LETTERS);
}

/**
 * kiosk_keyboard_new:
 *
 * Returns: a keyboard in letters mode, with no target
 */
GtkWidget *
kiosk_keyboard_new (void)
{
  return g_object_new (KIOSK_TYPE_KEYBOARD, NULL);
}

GtkEditable *
kiosk_keyboard_get_target (KioskKeyboard *self)
{
  g_return_val_if_fail (KIOSK_IS_KEYBOARD (self), NULL);

  return self->target;
}

/**
 * kiosk_keyboard_set_target:
 * @self: a keyboard
 * @target: (nullable): the entry the keys type into, usually the focused one
 *
 * The keyboard does not keep @target alive; when @target goes away the
 * keyboard types nowhere until it gets a new one.
 */
void
kiosk_keyboard_set_target (KioskKeyboard *self,
                           GtkEditable   *target)
{
  g_return_if_fail (KIOSK_IS_KEYBOARD (self));
  g_return_if_fail (target == NULL || GTK_IS_EDITABLE (target));

  if (self->target == target)
    return;

  kiosk_keyboard_release_target (self);
  if (target != NULL)
    {
      self->target = target;
      g_object_weak_ref (G_OBJECT (target), on_target_finalized, self);
      g_signal_connect_swapped (target, "notify::cursor-position",
                                G_CALLBACK (on_target_cursor_moved), self);
    }

  /* A shift tapped for one field does not carry over to the next. */
  gtk_popover_popdown (self->accent_popover);
  kiosk_keyboard_set_shifted (self, FALSE);
  kiosk_keyboard_update_auto_shift (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

KioskKeyboardMode
kiosk_keyboard_get_mode (KioskKeyboard *self)
{
  g_return_val_if_fail (KIOSK_IS_KEYBOARD (self), KIOSK_KEYBOARD_MODE_LETTERS);

  return self->mode;
}

void
kiosk_keyboard_set_mode (KioskKeyboard     *self,
                         KioskKeyboardMode  mode)
{
  g_return_if_fail (KIOSK_IS_KEYBOARD (self));
  g_return_if_fail (mode <= KIOSK_KEYBOARD_MODE_DIGITS);

  gtk_stack_set_visible_child_name (self->stack,
                                    mode == KIOSK_KEYBOARD_MODE_DIGITS ? "digits" : "letters");
  for (guint i = 0; i < self->email_keys->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->email_keys, i),
                            mode == KIOSK_KEYBOARD_MODE_EMAIL);
  for (guint i = 0; i < self->letters_only_keys->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->letters_only_keys, i),
                            mode == KIOSK_KEYBOARD_MODE_LETTERS);
  gtk_popover_popdown (self->accent_popover);

  if (self->mode == mode)
    return;

  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

gboolean
kiosk_keyboard_get_capitalize (KioskKeyboard *self)
{
  g_return_val_if_fail (KIOSK_IS_KEYBOARD (self), FALSE);

  return self->capitalize;
}

/**
 * kiosk_keyboard_set_capitalize:
 * @self: a keyboard
 * @capitalize: whether to turn shift on at the start of each word
 *
 * For name fields: shift comes on by itself at the start of the field and
 * after a space or a hyphen (Mary Smith-Jones). A tap on shift still turns
 * it off for the next letter (de la Cruz).
 */
void
kiosk_keyboard_set_capitalize (KioskKeyboard *self,
                               gboolean       capitalize)
{
  g_return_if_fail (KIOSK_IS_KEYBOARD (self));

  capitalize = !!capitalize;
  if (self->capitalize == capitalize)
    return;

  self->capitalize = capitalize;
  kiosk_keyboard_update_auto_shift (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPITALIZE]);
}

gboolean
kiosk_keyboard_get_shifted (KioskKeyboard *self)
{
  g_return_val_if_fail (KIOSK_IS_KEYBOARD (self), FALSE);

  return self->shifted;
}

/**
 * kiosk_keyboard_set_shifted:
 * @self: a keyboard
 * @shifted: whether the next letter is a capital
 *
 * Shift is one-shot: typing a letter turns it off again.
 */
void
kiosk_keyboard_set_shifted (KioskKeyboard *self,
                            gboolean       shifted)
{
  g_return_if_fail (KIOSK_IS_KEYBOARD (self));

  shifted = !!shifted;
  if (self->shifted == shifted)
    return;

  self->shifted = shifted;
  kiosk_keyboard_relabel (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHIFTED]);
}

/**
 * kiosk_keyboard_get_key_widget:
 * @self: a keyboard
 * @key: the text a key types ("j", "@", ".com", "7", "á"), or "shift",
 *   "backspace", "space" or "next"
 *
 * Finds a key of the current layout, shown or not (the number pad in digits
 * mode, the letters otherwise), or of the accent row while it is open. For
 * tests, and for a flow that wants to point at a key.
 *
 * Returns: (transfer none) (nullable): the key's button
 */
GtkWidget *
kiosk_keyboard_get_key_widget (KioskKeyboard *self,
                               const char    *key)
{
  GHashTable *page;
  GtkWidget  *widget;

  g_return_val_if_fail (KIOSK_IS_KEYBOARD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  page = self->mode == KIOSK_KEYBOARD_MODE_DIGITS ? self->digit_page_keys : self->letter_page_keys;
  widget = g_hash_table_lookup (page, key);
  if (widget == NULL)
    widget = g_hash_table_lookup (self->accent_keys, key);

  return widget;
}

/**
 * kiosk_keyboard_prepare_entry:
 * @entry: a #GtkEntry or #GtkText the keyboard will type into
 *
 * Asks the system input method not to show its own on-screen keyboard, not
 * to check spelling and not to offer emoji for @entry. Call it once when the
 * entry is built, before it can take the focus.
 */
void
kiosk_keyboard_prepare_entry (GtkWidget *entry)
{
  const GtkInputHints hints =
    GTK_INPUT_HINT_INHIBIT_OSK | GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI;

  g_return_if_fail (GTK_IS_ENTRY (entry) || GTK_IS_TEXT (entry));

  if (GTK_IS_ENTRY (entry))
    gtk_entry_set_input_hints (GTK_ENTRY (entry),
                               gtk_entry_get_input_hints (GTK_ENTRY (entry)) | hints);
  else
    gtk_text_set_input_hints (GTK_TEXT (entry),
                              gtk_text_get_input_hints (GTK_TEXT (entry)) | hints);
}
