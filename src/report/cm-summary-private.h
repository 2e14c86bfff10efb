/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-summary-document.h"
#include "cm-summary-layout.h"

G_BEGIN_DECLS

/* Fills @flow with the summary's content: the cover and every section
 * switched on in @sections. @body_height is the height of a page's body,
 * for sizing the cover's wheel to the room left on the first page. */
void cm_summary_build_flow (CmSummaryFlow        *flow,
                            const CmSummaryModel *model,
                            CmSummarySections     sections,
                            double                body_height);

G_END_DECLS
