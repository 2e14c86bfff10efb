/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cm-summary-document.h"

G_BEGIN_DECLS

/* One page of a cycle summary, drawn by the same code that prints it and
 * scaled to the width the widget is given. */

#define CM_TYPE_SUMMARY_PREVIEW (cm_summary_preview_get_type ())
G_DECLARE_FINAL_TYPE (CmSummaryPreview, cm_summary_preview, CM, SUMMARY_PREVIEW, GtkWidget)

GtkWidget *cm_summary_preview_new      (void);
void       cm_summary_preview_set_page (CmSummaryPreview  *self,
                                        CmSummaryDocument *document,
                                        guint              page);
guint      cm_summary_preview_get_page (CmSummaryPreview  *self);

G_END_DECLS
