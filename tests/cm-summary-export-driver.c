/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-export-driver"

#include "config.h"

#include <locale.h>

#include "cm-summary-export.h"

/* Stands in for "commissioning --database DB --export-summary CYCLE
 * --output PATH" until the application wires the options up, so that
 * tests can check what a script would see: the exit status and stderr.
 *
 *   cm-summary-export-driver DB CYCLE PATH */
int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_set_prgname ("commissioning");

  if (argc != 4)
    {
      g_printerr ("usage: %s DATABASE CYCLE OUTPUT\n", argv[0]);
      return 64;
    }

  return cm_summary_run_export (argv[1], argv[2], argv[3]);
}
