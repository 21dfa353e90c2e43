/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-keyboard.h: the kiosk's own on-screen keyboard and number pad. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * How a form uses it: give every entry to kiosk_keyboard_prepare_entry() when
 * it is built; when an entry takes the focus, set the keyboard's "target" to
 * it, its "mode" (letters for a name, email, digits for a phone) and
 * "capitalize" (names only); on "done" (the Next key) move the focus on.
 * Limit a field's length with gtk_entry_set_max_length(): the keyboard
 * refuses what would not fit, whole.
 */

/**
 * KioskKeyboardMode:
 * @KIOSK_KEYBOARD_MODE_LETTERS: QWERTY letters with space, apostrophe, hyphen
 *   and dot, for names
 * @KIOSK_KEYBOARD_MODE_EMAIL: the letters plus a row of digits, large "@" and
 *   ".com" keys and "_", without space
 * @KIOSK_KEYBOARD_MODE_DIGITS: a telephone number pad
 */
typedef enum
{
  KIOSK_KEYBOARD_MODE_LETTERS,
  KIOSK_KEYBOARD_MODE_EMAIL,
  KIOSK_KEYBOARD_MODE_DIGITS,
} KioskKeyboardMode;

#define KIOSK_TYPE_KEYBOARD_MODE (kiosk_keyboard_mode_get_type ())
GType kiosk_keyboard_mode_get_type (void);

#define KIOSK_TYPE_KEYBOARD (kiosk_keyboard_get_type ())
G_DECLARE_FINAL_TYPE (KioskKeyboard, kiosk_keyboard, KIOSK, KEYBOARD, GtkWidget)

GtkWidget         *kiosk_keyboard_new            (void);
GtkEditable       *kiosk_keyboard_get_target     (KioskKeyboard     *self);
void               kiosk_keyboard_set_target     (KioskKeyboard     *self,
                                                  GtkEditable       *target);
KioskKeyboardMode  kiosk_keyboard_get_mode       (KioskKeyboard     *self);
void               kiosk_keyboard_set_mode       (KioskKeyboard     *self,
                                                  KioskKeyboardMode  mode);
gboolean           kiosk_keyboard_get_capitalize (KioskKeyboard     *self);
void               kiosk_keyboard_set_capitalize (KioskKeyboard     *self,
                                                  gboolean           capitalize);
gboolean           kiosk_keyboard_get_shifted    (KioskKeyboard     *self);
void               kiosk_keyboard_set_shifted    (KioskKeyboard     *self,
                                                  gboolean           shifted);
GtkWidget         *kiosk_keyboard_get_key_widget (KioskKeyboard     *self,
                                                  const char        *key);

void               kiosk_keyboard_prepare_entry  (GtkWidget         *entry);

G_END_DECLS
