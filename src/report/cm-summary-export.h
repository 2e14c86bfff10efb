/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The command line's summary export:
 *
 *   commissioning --database DB --export-summary "CYCLE TITLE OR ID" --output summary.pdf
 *
 * writes the cycle's summary as a PDF with no window and no display. Errors
 * are printed to stderr; the exit status says what went wrong, with the
 * values of BSD's <sysexits.h> so that scripts can tell the cases apart. */

typedef enum
{
  CM_SUMMARY_EXIT_OK           = 0,
  CM_SUMMARY_EXIT_USAGE        = 64,  /* no cycle or no output path given */
  CM_SUMMARY_EXIT_NO_CYCLE     = 65,  /* the database has no such cycle */
  CM_SUMMARY_EXIT_NO_DATABASE  = 66,  /* no database there, or it cannot be opened */
  CM_SUMMARY_EXIT_CANNOT_WRITE = 73,  /* the output file cannot be written */
  CM_SUMMARY_EXIT_FAILED       = 74,  /* reading the database failed part way */
} CmSummaryExit;

/* @database_path: NULL for the default database. The database must exist:
 * an export never creates one. Returns a CmSummaryExit value. */
int cm_summary_run_export (const char *database_path,
                           const char *cycle_title_or_id,
                           const char *output_path);

G_END_DECLS
