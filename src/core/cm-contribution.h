/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_CONTRIBUTION (cm_contribution_get_type ())

G_DECLARE_FINAL_TYPE (CmContribution, cm_contribution, CM, CONTRIBUTION, GObject)

CmContribution     *cm_contribution_new                (void);

gint64              cm_contribution_get_id             (CmContribution      *self);
void                cm_contribution_set_id             (CmContribution      *self,
                                                        gint64               id);
gint64              cm_contribution_get_workshop_id    (CmContribution      *self);
void                cm_contribution_set_workshop_id    (CmContribution      *self,
                                                        gint64               workshop_id);
gint64              cm_contribution_get_participant_id (CmContribution      *self);
void                cm_contribution_set_participant_id (CmContribution      *self,
                                                        gint64               participant_id);
const char         *cm_contribution_get_text           (CmContribution      *self);
void                cm_contribution_set_text           (CmContribution      *self,
                                                        const char          *text);
CmContributionKind  cm_contribution_get_kind           (CmContribution      *self);
void                cm_contribution_set_kind           (CmContribution      *self,
                                                        CmContributionKind   kind);
CmStage             cm_contribution_get_stage          (CmContribution      *self);
void                cm_contribution_set_stage          (CmContribution      *self,
                                                        CmStage              stage);
const char * const *cm_contribution_get_themes         (CmContribution      *self);
void                cm_contribution_set_themes         (CmContribution      *self,
                                                        const char * const  *themes);
GDateTime          *cm_contribution_get_captured_at    (CmContribution      *self);
void                cm_contribution_set_captured_at    (CmContribution      *self,
                                                        GDateTime           *captured_at);
gboolean            cm_contribution_get_pinned         (CmContribution      *self);
void                cm_contribution_set_pinned         (CmContribution      *self,
                                                        gboolean             pinned);

gboolean            cm_contribution_validate           (CmContribution      *self,
                                                        GError             **error);

void                cm_contribution_parse_input        (const char          *input,
                                                        char               **text,
                                                        char              ***themes,
                                                        char               **speaker_prefix);

G_END_DECLS
