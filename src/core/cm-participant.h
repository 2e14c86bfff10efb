/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_PARTICIPANT (cm_participant_get_type ())

G_DECLARE_FINAL_TYPE (CmParticipant, cm_participant, CM, PARTICIPANT, GObject)

CmParticipant     *cm_participant_new                 (void);

gint64             cm_participant_get_id              (CmParticipant      *self);
void               cm_participant_set_id              (CmParticipant      *self,
                                                       gint64              id);
const char        *cm_participant_get_name            (CmParticipant      *self);
void               cm_participant_set_name            (CmParticipant      *self,
                                                       const char         *name);
CmParticipantRole  cm_participant_get_role            (CmParticipant      *self);
void               cm_participant_set_role            (CmParticipant      *self,
                                                       CmParticipantRole   role);
const char        *cm_participant_get_organisation    (CmParticipant      *self);
void               cm_participant_set_organisation    (CmParticipant      *self,
                                                       const char         *organisation);
const char        *cm_participant_get_access_needs    (CmParticipant      *self);
void               cm_participant_set_access_needs    (CmParticipant      *self,
                                                       const char         *access_needs);
CmConsent          cm_participant_get_consent         (CmParticipant      *self);
void               cm_participant_set_consent         (CmParticipant      *self,
                                                       CmConsent           consent);
const char        *cm_participant_get_payment_notes   (CmParticipant      *self);
void               cm_participant_set_payment_notes   (CmParticipant      *self,
                                                       const char         *payment_notes);
gboolean           cm_participant_get_erased          (CmParticipant      *self);
void               cm_participant_set_erased          (CmParticipant      *self,
                                                       gboolean            erased);

gboolean           cm_participant_validate            (CmParticipant      *self,
                                                       GError            **error);

char              *cm_participant_dup_attribution     (CmParticipant      *self,
                                                       gboolean            for_publication);
gboolean           cm_participant_may_be_quoted       (CmParticipant      *self);
void               cm_participant_erase               (CmParticipant      *self);

G_END_DECLS
