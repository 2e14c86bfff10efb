/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_SUMMARY_PAGE (cm_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (CmSummaryPage, cm_summary_page, CM, SUMMARY_PAGE, GtkWidget)

CmSummaryPage *cm_summary_page_new       (void);
/* @cycle may be NULL for none; @store is needed with a cycle. */
void           cm_summary_page_set_cycle (CmSummaryPage *self,
                                          CmStore       *store,
                                          CmCycle       *cycle);
CmCycle       *cm_summary_page_get_cycle (CmSummaryPage *self);

G_END_DECLS
