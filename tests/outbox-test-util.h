/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outbox-test-util.h: helpers the queue's storage and sending tests share. */

#pragma once

#include <sqlite3.h>

#include "kiosk-outbox-private.h"

void            remove_tree   (const char *path);
char           *iso_from_now  (gint64      seconds);
KioskOutboxRow *make_row      (const char *key,
                               const char *first_name,
                               const char *phone);
sqlite3        *open_reader   (const char *path);
char           *query_text    (const char *path,
                               const char *sql);
gboolean        file_contains (const char *path,
                               const char *needle);
