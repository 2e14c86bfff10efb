/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_CYCLE (cm_cycle_get_type ())

G_DECLARE_FINAL_TYPE (CmCycle, cm_cycle, CM, CYCLE, GObject)

CmCycle     *cm_cycle_new                (void);

gint64       cm_cycle_get_id             (CmCycle      *self);
void         cm_cycle_set_id             (CmCycle      *self,
                                          gint64        id);
const char  *cm_cycle_get_title          (CmCycle      *self);
void         cm_cycle_set_title          (CmCycle      *self,
                                          const char   *title);
const char  *cm_cycle_get_service_area   (CmCycle      *self);
void         cm_cycle_set_service_area   (CmCycle      *self,
                                          const char   *service_area);
const GDate *cm_cycle_get_period_start   (CmCycle      *self);
void         cm_cycle_set_period_start   (CmCycle      *self,
                                          const GDate  *period_start);
const GDate *cm_cycle_get_period_end     (CmCycle      *self);
void         cm_cycle_set_period_end     (CmCycle      *self,
                                          const GDate  *period_end);
const char  *cm_cycle_get_lead_officer   (CmCycle      *self);
void         cm_cycle_set_lead_officer   (CmCycle      *self,
                                          const char   *lead_officer);
CmStage      cm_cycle_get_current_stage  (CmCycle      *self);
void         cm_cycle_set_current_stage  (CmCycle      *self,
                                          CmStage       current_stage);

gboolean     cm_cycle_validate           (CmCycle      *self,
                                          GError      **error);

G_END_DECLS
