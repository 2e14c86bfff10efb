/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_ACTION (cm_action_get_type ())

G_DECLARE_FINAL_TYPE (CmAction, cm_action, CM, ACTION, GObject)

CmAction      *cm_action_new             (void);

gint64         cm_action_get_id          (CmAction       *self);
void           cm_action_set_id          (CmAction       *self,
                                          gint64          id);
gint64         cm_action_get_cycle_id    (CmAction       *self);
void           cm_action_set_cycle_id    (CmAction       *self,
                                          gint64          cycle_id);
const char    *cm_action_get_response    (CmAction       *self);
void           cm_action_set_response    (CmAction       *self,
                                          const char     *response);
CmActionState  cm_action_get_state       (CmAction       *self);
void           cm_action_set_state       (CmAction       *self,
                                          CmActionState   state);
const char    *cm_action_get_reason      (CmAction       *self);
void           cm_action_set_reason      (CmAction       *self,
                                          const char     *reason);
const char    *cm_action_get_owner       (CmAction       *self);
void           cm_action_set_owner       (CmAction       *self,
                                          const char     *owner);
const GDate   *cm_action_get_due_date    (CmAction       *self);
void           cm_action_set_due_date    (CmAction       *self,
                                          const GDate    *due_date);
gint64         cm_action_get_activity_id (CmAction       *self);
void           cm_action_set_activity_id (CmAction       *self,
                                          gint64          activity_id);
gint64         cm_action_get_section_id  (CmAction       *self);
void           cm_action_set_section_id  (CmAction       *self,
                                          gint64          section_id);

gboolean       cm_action_validate        (CmAction       *self,
                                          GError        **error);

G_END_DECLS
