/* PLACEHOLDER written by the lead so the tree builds while the wheel widget is being
 * written. The wheel helper owns this file: overwrite it freely. */
#include "config.h"

#include "cm-cycle-wheel.h"

struct _CmCycleWheel
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CmCycleWheel, cm_cycle_wheel, GTK_TYPE_WIDGET)

static void
cm_cycle_wheel_class_init (CmCycleWheelClass *klass)
{
  g_object_class_install_property (G_OBJECT_CLASS (klass), 1,
                                   g_param_spec_object ("selected", NULL, NULL, CM_TYPE_ACTIVITY,
                                                        G_PARAM_READABLE));
  g_signal_new ("activity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, CM_TYPE_ACTIVITY);
}

static void
cm_cycle_wheel_init (CmCycleWheel *self)
{
}

void
cm_cycle_wheel_set_cycle (CmCycleWheel *self, CmCycle *cycle)
{
}

void
cm_cycle_wheel_set_activities (CmCycleWheel *self, GListModel *activities)
{
}

CmActivity *
cm_cycle_wheel_get_selected (CmCycleWheel *self)
{
  return NULL;
}
