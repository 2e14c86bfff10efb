/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* One person's details and consent, edited in place, the workshops they
 * came to, and the two ways of parting with them: off this workshop's list
 * (with Undo), or erased for good. Emits "back-requested" when done. */

#define CM_TYPE_PARTICIPANT_EDITOR (cm_participant_editor_get_type ())
G_DECLARE_FINAL_TYPE (CmParticipantEditor, cm_participant_editor,
                      CM, PARTICIPANT_EDITOR, GtkWidget)

CmParticipantEditor *cm_participant_editor_new             (void);
void                 cm_participant_editor_set_participant (CmParticipantEditor *self,
                                                            CmStore             *store,
                                                            CmWorkshop          *workshop,
                                                            CmParticipant       *participant);
CmParticipant       *cm_participant_editor_get_participant (CmParticipantEditor *self);
void                 cm_participant_editor_focus_name      (CmParticipantEditor *self);

G_END_DECLS
