/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spa-faults.c: the test faults the backend applies to its next requests (--control-stdin). */

#include "config.h"

#include <string.h>

#include "spa-faults.h"

struct _SpaFaults
{
  GObject  parent_instance;

  SpaFault mode;
  guint    count;
  guint    delay_ms;
};

G_DEFINE_FINAL_TYPE (SpaFaults, spa_faults, G_TYPE_OBJECT)

static const char *const fault_names[] = {
  [SPA_FAULT_NONE] = "none",
  [SPA_FAULT_SLOW] = "slow",
  [SPA_FAULT_DRIP] = "drip",
  [SPA_FAULT_STATUS_500] = "status-500",
  [SPA_FAULT_STATUS_503] = "status-503",
  [SPA_FAULT_DROP] = "drop",
  [SPA_FAULT_TRUNCATED] = "truncated",
  [SPA_FAULT_MALFORMED] = "malformed",
  [SPA_FAULT_WRONG_TYPE] = "wrong-type",
  [SPA_FAULT_OVERSIZED] = "oversized",
  [SPA_FAULT_REDIRECT] = "redirect",
};

static void
spa_faults_class_init (SpaFaultsClass *klass)
{
}

static void
spa_faults_init (SpaFaults *self)
{
}

SpaFaults *
spa_faults_new (void)
{
  return g_object_new (SPA_TYPE_FAULTS, NULL);
}

const char *
spa_fault_to_string (SpaFault fault)
{
  g_return_val_if_fail (fault < G_N_ELEMENTS (fault_names), NULL);
  return fault_names[fault];
}

static gboolean
parse_fault (const char *name,
             SpaFault   *out_fault)
{
  for (guint i = SPA_FAULT_SLOW; i < G_N_ELEMENTS (fault_names); i++)
    if (g_strcmp0 (name, fault_names[i]) == 0)
      {
        *out_fault = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_uint (const char *text,
            guint       max,
            guint      *out_value)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return FALSE;
  *out_value = (guint) value;
  return TRUE;
}

/**
 * spa_faults_handle_command:
 * @line: "fault MODE COUNT DELAY_MS" or "clear"
 *
 * Returns: (transfer full): the answer line, "ok" or "error ..."
 */
char *
spa_faults_handle_command (SpaFaults  *self,
                           const char *line)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) words = NULL;
  SpaFault mode;
  guint count, delay_ms;

  g_return_val_if_fail (SPA_IS_FAULTS (self), NULL);
  g_return_val_if_fail (line != NULL, NULL);

  copy = g_strstrip (g_strdup (line));
  words = g_strsplit (copy, " ", -1);
  if (g_strv_length (words) == 1 && strcmp (words[0], "clear") == 0)
    {
      self->mode = SPA_FAULT_NONE;
      self->count = 0;
      return g_strdup ("ok");
    }
  if (g_strv_length (words) != 4 || strcmp (words[0], "fault") != 0)
    return g_strdup ("error expected \"fault MODE COUNT DELAY_MS\" or \"clear\"");
  if (!parse_fault (words[1], &mode))
    return g_strdup_printf ("error unknown fault mode \"%s\"", words[1]);
  if (!parse_uint (words[2], 1000000, &count) || !parse_uint (words[3], 3600000, &delay_ms))
    return g_strdup ("error COUNT and DELAY_MS must be whole numbers");

  self->mode = count > 0 ? mode : SPA_FAULT_NONE;
  self->count = count;
  self->delay_ms = delay_ms;
  return g_strdup ("ok");
}

/* The fault for the request that just arrived, counting it down. */
SpaFault
spa_faults_take (SpaFaults *self,
                 guint     *out_delay_ms)
{
  SpaFault mode;

  g_return_val_if_fail (SPA_IS_FAULTS (self), SPA_FAULT_NONE);

  *out_delay_ms = self->delay_ms;
  if (self->count == 0)
    return SPA_FAULT_NONE;

  mode = self->mode;
  if (--self->count == 0)
    self->mode = SPA_FAULT_NONE;
  return mode;
}
