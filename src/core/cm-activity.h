/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_ACTIVITY (cm_activity_get_type ())

G_DECLARE_FINAL_TYPE (CmActivity, cm_activity, CM, ACTIVITY, GObject)

CmActivity          *cm_activity_new                    (void);

gint64               cm_activity_get_id                 (CmActivity           *self);
void                 cm_activity_set_id                 (CmActivity           *self,
                                                         gint64                id);
gint64               cm_activity_get_cycle_id           (CmActivity           *self);
void                 cm_activity_set_cycle_id           (CmActivity           *self,
                                                         gint64                cycle_id);
CmStage              cm_activity_get_stage              (CmActivity           *self);
void                 cm_activity_set_stage              (CmActivity           *self,
                                                         CmStage               stage);
CmRing               cm_activity_get_ring               (CmActivity           *self);
void                 cm_activity_set_ring               (CmActivity           *self,
                                                         CmRing                ring);
guint                cm_activity_get_position           (CmActivity           *self);
void                 cm_activity_set_position           (CmActivity           *self,
                                                         guint                 position);
const char          *cm_activity_get_title              (CmActivity           *self);
void                 cm_activity_set_title              (CmActivity           *self,
                                                         const char           *title);
const char          *cm_activity_get_description        (CmActivity           *self);
void                 cm_activity_set_description        (CmActivity           *self,
                                                         const char           *description);
CmActivityStatus     cm_activity_get_status             (CmActivity           *self);
void                 cm_activity_set_status             (CmActivity           *self,
                                                         CmActivityStatus      status);
const char          *cm_activity_get_owner              (CmActivity           *self);
void                 cm_activity_set_owner              (CmActivity           *self,
                                                         const char           *owner);
const GDate         *cm_activity_get_due_date           (CmActivity           *self);
void                 cm_activity_set_due_date           (CmActivity           *self,
                                                         const GDate          *due_date);
const char          *cm_activity_get_evidence_notes     (CmActivity           *self);
void                 cm_activity_set_evidence_notes     (CmActivity           *self,
                                                         const char           *evidence_notes);
CmCoproductionLevel  cm_activity_get_coproduction_level (CmActivity           *self);
void                 cm_activity_set_coproduction_level (CmActivity           *self,
                                                         CmCoproductionLevel   level);

gboolean             cm_activity_validate               (CmActivity           *self,
                                                         GError              **error);

G_END_DECLS
