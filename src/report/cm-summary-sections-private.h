/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-summary-private.h"

G_BEGIN_DECLS

/* Shared between the sections of the summary, each in a file of its own,
 * and cm_summary_build_flow() in cm-summary-sections.c, which puts them in
 * order. */

#define MARK_SPAN "<span foreground=\"#b3261e\" weight=\"bold\">"

/* Markup helpers (cm-summary-sections.c) */
char  *cm_summary_escape           (const char           *text);
void   cm_summary_add_plain_row    (CmSummaryTable       *table,
                                    CmSummaryRowFlags     flags,
                                    const char           *first,
                                    ...) G_GNUC_NULL_TERMINATED;
void   cm_summary_add_fact         (CmSummaryTable       *table,
                                    const char           *label,
                                    const char           *value);
void   cm_summary_add_paragraph    (CmSummaryFlow        *flow,
                                    CmSummaryTextStyle    style,
                                    const char           *text);
guint  cm_summary_percent          (guint                 part,
                                    guint                 whole);

/* The sections */
void   cm_summary_build_cover      (CmSummaryFlow        *flow,
                                    const CmSummaryModel *model,
                                    CmSummarySections     sections,
                                    double                body_height);
void   cm_summary_build_progress   (CmSummaryFlow        *flow,
                                    const CmSummaryModel *model);
void   cm_summary_build_activities (CmSummaryFlow        *flow,
                                    const CmSummaryModel *model,
                                    gboolean              under_progress);
void   cm_summary_build_specs      (CmSummaryFlow        *flow,
                                    const CmSummaryModel *model);
void   cm_summary_build_workshops  (CmSummaryFlow        *flow,
                                    const CmSummaryModel *model);
void   cm_summary_build_you_said   (CmSummaryFlow        *flow,
                                    const CmSummaryModel *model);
void   cm_summary_build_evidence   (CmSummaryFlow        *flow,
                                    const CmSummaryModel *model);

G_END_DECLS
