/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-i18n.h: the kiosk's language, switched while it runs, for every gettext call. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        kiosk_i18n_init                (const char *localedir);
gboolean    kiosk_i18n_is_supported        (const char *language);
void        kiosk_i18n_set_language        (const char *language);
const char *kiosk_i18n_get_language        (void);
const char *kiosk_i18n_get_other_language  (const char *language);

G_END_DECLS
