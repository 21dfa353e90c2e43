/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-faults.h: the test faults the backend applies to its next requests (--control-stdin). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SPA_FAULT_NONE,
  SPA_FAULT_SLOW,        /* wait delay_ms, then answer normally */
  SPA_FAULT_DRIP,        /* the body one byte every delay_ms (1000 when 0) */
  SPA_FAULT_STATUS_500,
  SPA_FAULT_STATUS_503,
  SPA_FAULT_DROP,        /* close the connection without answering */
  SPA_FAULT_TRUNCATED,   /* promise more bytes than sent, then close */
  SPA_FAULT_MALFORMED,   /* 200 with broken JSON */
  SPA_FAULT_WRONG_TYPE,  /* 200 with valid JSON whose members have the wrong types */
  SPA_FAULT_OVERSIZED,   /* 200 with a valid 1 MiB JSON body */
  SPA_FAULT_REDIRECT,    /* 302 to another https URL on the same server */
} SpaFault;

#define SPA_TYPE_FAULTS (spa_faults_get_type ())

G_DECLARE_FINAL_TYPE (SpaFaults, spa_faults, SPA, FAULTS, GObject)

SpaFaults  *spa_faults_new            (void);
char       *spa_faults_handle_command (SpaFaults  *self,
                                       const char *line);
SpaFault    spa_faults_take           (SpaFaults  *self,
                                       guint      *out_delay_ms);
const char *spa_fault_to_string       (SpaFault    fault);

G_END_DECLS
