/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-speaker-cache.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* The two dialogs of the capture view: editing a contribution already in
 * the feed, and responding to some contributions with an action for "You
 * said, we did". Each saves by itself and reports back; on failure it
 * hands back what was typed so that it can be offered again. */

/* What a contribution said, kept to undo an edit. */
typedef struct _CmContributionValues CmContributionValues;

CmContributionValues *cm_contribution_values_new   (CmContribution       *contribution);
void                  cm_contribution_values_apply (CmContributionValues *values,
                                                    CmContribution       *contribution);
void                  cm_contribution_values_free  (CmContributionValues *values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmContributionValues, cm_contribution_values_free)

/* @before (on success) is what the contribution said before; @draft (on
 * failure) is the text typed into the dialog. Both belong to the callee. */
typedef void (*CmContributionEditedFunc) (CmContribution       *contribution,
                                          CmContributionValues *before,
                                          const GError         *error,
                                          const char           *draft,
                                          gpointer              user_data);

void cm_contribution_editor_present (GtkWidget                *parent,
                                     CmStore                  *store,
                                     CmWorkshop               *workshop,
                                     CmContribution           *contribution,
                                     CmSpeakerCache           *speakers,
                                     const char               *draft,
                                     CmContributionEditedFunc  done,
                                     gpointer                  user_data,
                                     GDestroyNotify            destroy);

/* @action is NULL when the dialog was cancelled or saving failed. */
typedef void (*CmActionCreatedFunc) (CmAction     *action,
                                     const GError *error,
                                     const char   *draft,
                                     gpointer      user_data);

void cm_action_creator_present      (GtkWidget                *parent,
                                     CmStore                  *store,
                                     gint64                    cycle_id,
                                     GPtrArray                *contributions,
                                     CmSpeakerCache           *speakers,
                                     const char               *draft,
                                     CmActionCreatedFunc       done,
                                     gpointer                  user_data,
                                     GDestroyNotify            destroy);

G_END_DECLS
