/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kiosk-content-private.h: what KioskContent, its parser and KioskService share. */

#pragma once

#include "kiosk-content.h"

G_BEGIN_DECLS

/* A text in every language the file gives it: a NULL-terminated list of
 * pairs (language, text), freed with g_strfreev(). "en" is always there. */
typedef char **KioskText;

const char   *kiosk_text_get   (KioskText     text,
                                const char   *lang);

typedef struct
{
  guint minutes;
  guint price_minor;
} KioskServiceOption;

/* The longest list of options a service may have. */
#define KIOSK_SERVICE_MAX_OPTIONS 4

/* Takes ownership of the texts. */
KioskService *kiosk_service_new (const char               *id,
                                 const char               *icon_name,
                                 KioskText                 name,
                                 KioskText                 summary,
                                 KioskText                 description,
                                 KioskText                 helps,
                                 KioskText                 expect,
                                 const KioskServiceOption *options,
                                 guint                     n_options);

/* What the content holds; the parser fills it in. */

typedef struct
{
  KioskText title;
  KioskText text;
} KioskHighlight;

typedef struct
{
  KioskText heading;
  KioskText body;          /* or NULL */
  GPtrArray *points;       /* of KioskText */
  GPtrArray *by_language;  /* GStrv of the points, one per declared language */
} KioskSection;

struct _KioskContent
{
  GObject parent_instance;

  char *source_name;
  GStrv languages;
  char *spa_name;
  char *phone;
  char *currency;
  GListStore *services;     /* of KioskService */
  GPtrArray *highlights;    /* of KioskHighlight */
  KioskText sciatica_title;
  KioskText sciatica_intro;
  GPtrArray *sections;      /* of KioskSection */
  KioskText sciatica_disclaimer;
};

KioskSection *kiosk_section_new      (void);
void          kiosk_section_free     (KioskSection *section);
void          kiosk_highlight_free   (KioskHighlight *highlight);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskSection, kiosk_section_free)

/* Fills @self, a new empty content, from @bytes. On failure @self is half
 * filled and must be thrown away; the error names no file. */
gboolean      kiosk_content_parse    (KioskContent  *self,
                                      GBytes        *bytes,
                                      GError       **error);

G_END_DECLS
