/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-retranslate.h: re-sets the text that templates gave widgets, in the language now in force. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kiosk_retranslate_widget (GtkWidget *root);

G_END_DECLS
