/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-speaker-cache.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* One contribution in the capture feed: when, who, what kind, which stage
 * and themes, and the words. Rows are recycled by the list view; a bound
 * row follows its contribution and its speaker as they change. */

#define CM_TYPE_CONTRIBUTION_ROW (cm_contribution_row_get_type ())
G_DECLARE_FINAL_TYPE (CmContributionRow, cm_contribution_row, CM, CONTRIBUTION_ROW, GtkWidget)

CmContributionRow *cm_contribution_row_new            (GMenuModel        *menu);
void               cm_contribution_row_bind           (CmContributionRow *self,
                                                       CmContribution    *contribution,
                                                       CmSpeakerCache    *speakers);
void               cm_contribution_row_unbind         (CmContributionRow *self);
CmContribution    *cm_contribution_row_get_contribution (CmContributionRow *self);

/* The words shown for the kind of a contribution, its stage and themes:
 * "Idea · Plan · #access #waiting". */
char              *cm_contribution_dup_tags           (CmContribution    *contribution);

G_END_DECLS
