/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cm-summary-document.h"

G_BEGIN_DECLS

/* Printing the cycle summary through GTK's print dialog. The print
 * settings and page setup chosen are remembered for the session and in
 * a small file in the user's configuration folder, not in GSettings. */

/* The page setup to lay the summary out for: the one chosen last, or the
 * locale's paper (A4, or US Letter where LC_PAPER says so). */
GtkPageSetup *cm_summary_print_get_page_setup     (void);
/* Paper size, orientation and margins (no narrower than the summary's own,
 * and wide enough for the printer's unprintable edges). */
void          cm_summary_print_apply_page_setup   (GtkPageSetup       *setup,
                                                   CmSummaryOptions   *options);

typedef void (*CmSummaryPrintDone) (GError   *error,
                                    gpointer  user_data);

/* Opens the print dialog for @cycle's summary. @done is called at the end
 * with an error if printing failed (not when it was cancelled). */
void          cm_summary_print                    (GtkWidget          *widget,
                                                   CmStore            *store,
                                                   CmCycle            *cycle,
                                                   CmSummarySections   sections,
                                                   CmSummaryPrintDone  done,
                                                   gpointer            user_data);

/* Runs the same print operation with no dialog, writing a PDF to @path
 * (GTK's export action), for tests and scripts with a display. */
gboolean      cm_summary_print_to_file            (CmStore            *store,
                                                   CmCycle            *cycle,
                                                   CmSummarySections   sections,
                                                   const char         *path,
                                                   GError            **error);

G_END_DECLS
