/* SPDX-License-Identifier: GPL-3.0-or-later */
/* set-staff-pin-helper.c: runs the --set-staff-pin code on a given file, for test-staff-pin. */

#include "config.h"

#include "kiosk-set-staff-pin.h"

int
main (int   argc,
      char *argv[])
{
  if (argc != 2)
    {
      g_printerr ("usage: set-staff-pin-helper PIN-FILE\n");
      return 2;
    }
  return kiosk_set_staff_pin_run (argv[1]);
}
