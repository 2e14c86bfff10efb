/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-summary-document.h"
#include "cm-summary-page.h"

G_BEGIN_DECLS

/* Shared by the Summary page's files: cm-summary-page.c (the options, the
 * preview and its rebuilding) and cm-summary-page-actions.c (Print and the
 * exports). */

struct _CmSummaryPage
{
  GtkWidget          parent_instance;

  CmStore           *store;
  CmCycle           *cycle;
  GListModel        *lists[4];       /* activities, specs, workshops, actions */
  GPtrArray         *watched;        /* the items of those lists, watched for changes */

  CmSummarySections  sections;
  CmSummaryDocument *document;
  GtkStringList     *page_items;
  GPtrArray         *previews;       /* the preview widgets the list view made */
  guint              rebuild_source;
  GCancellable      *building;
  gboolean           dirty;
  gboolean           again;          /* something changed while building */

  AdwLeaflet        *leaflet;
  GtkStack          *stack;
  GtkListView       *page_list;
  GtkLabel          *status_label;
  GtkSpinner        *spinner;
};

void cm_summary_page_layout_options  (CmSummaryPage    *self,
                                      CmSummaryOptions *options);
void cm_summary_page_install_actions (GtkWidgetClass   *widget_class);
void cm_summary_page_update_actions  (CmSummaryPage    *self);

G_END_DECLS
