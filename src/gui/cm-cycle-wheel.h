/* PLACEHOLDER written by the lead so the tree builds while the wheel widget is being
 * written. The wheel helper owns this file: overwrite it freely. */
#pragma once

#include <gtk/gtk.h>

#include "cm-cycle.h"
#include "cm-activity.h"

G_BEGIN_DECLS

#define CM_TYPE_CYCLE_WHEEL (cm_cycle_wheel_get_type ())
G_DECLARE_FINAL_TYPE (CmCycleWheel, cm_cycle_wheel, CM, CYCLE_WHEEL, GtkWidget)

void        cm_cycle_wheel_set_cycle      (CmCycleWheel *self,
                                           CmCycle      *cycle);
void        cm_cycle_wheel_set_activities (CmCycleWheel *self,
                                           GListModel   *activities);
CmActivity *cm_cycle_wheel_get_selected   (CmCycleWheel *self);

G_END_DECLS
