/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_WORKSHOP (cm_workshop_get_type ())

G_DECLARE_FINAL_TYPE (CmWorkshop, cm_workshop, CM, WORKSHOP, GObject)

CmWorkshop      *cm_workshop_new                         (void);

gint64           cm_workshop_get_id                      (CmWorkshop       *self);
void             cm_workshop_set_id                      (CmWorkshop       *self,
                                                          gint64            id);
gint64           cm_workshop_get_cycle_id                (CmWorkshop       *self);
void             cm_workshop_set_cycle_id                (CmWorkshop       *self,
                                                          gint64            cycle_id);
const char      *cm_workshop_get_title                   (CmWorkshop       *self);
void             cm_workshop_set_title                   (CmWorkshop       *self,
                                                          const char       *title);
GDateTime       *cm_workshop_get_starts_at               (CmWorkshop       *self);
void             cm_workshop_set_starts_at               (CmWorkshop       *self,
                                                          GDateTime        *starts_at);
const char      *cm_workshop_get_venue                   (CmWorkshop       *self);
void             cm_workshop_set_venue                   (CmWorkshop       *self,
                                                          const char       *venue);
const char      *cm_workshop_get_facilitator             (CmWorkshop       *self);
void             cm_workshop_set_facilitator             (CmWorkshop       *self,
                                                          const char       *facilitator);
const char      *cm_workshop_get_purpose                 (CmWorkshop       *self);
void             cm_workshop_set_purpose                 (CmWorkshop       *self,
                                                          const char       *purpose);
const char      *cm_workshop_get_access_arrangements     (CmWorkshop       *self);
void             cm_workshop_set_access_arrangements     (CmWorkshop       *self,
                                                          const char       *access_arrangements);
CmWorkshopState  cm_workshop_get_state                   (CmWorkshop       *self);
void             cm_workshop_set_state                   (CmWorkshop       *self,
                                                          CmWorkshopState   state);

gboolean         cm_workshop_validate                    (CmWorkshop       *self,
                                                          GError          **error);

G_END_DECLS
