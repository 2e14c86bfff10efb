/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cm-activity.h"
#include "cm-cycle.h"

G_BEGIN_DECLS

#define CM_TYPE_CYCLE_WHEEL (cm_cycle_wheel_get_type ())

G_DECLARE_FINAL_TYPE (CmCycleWheel, cm_cycle_wheel, CM, CYCLE_WHEEL, GtkWidget)

GtkWidget  *cm_cycle_wheel_new                (void);
GListModel *cm_cycle_wheel_get_activities     (CmCycleWheel     *self);
void        cm_cycle_wheel_set_activities     (CmCycleWheel     *self,
                                               GListModel       *activities);
CmCycle    *cm_cycle_wheel_get_cycle          (CmCycleWheel     *self);
void        cm_cycle_wheel_set_cycle          (CmCycleWheel     *self,
                                               CmCycle          *cycle);
CmActivity *cm_cycle_wheel_get_selected       (CmCycleWheel     *self);
void        cm_cycle_wheel_set_selected       (CmCycleWheel     *self,
                                               CmActivity       *activity);
gboolean    cm_cycle_wheel_get_activity_point (CmCycleWheel     *self,
                                               CmActivity       *activity,
                                               graphene_point_t *point);

G_END_DECLS
