/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cm-activity.h"
#include "cm-enums.h"
#include "cm-wheel-geometry.h"

G_BEGIN_DECLS

/* An immutable snapshot of what the wheel shows: a cycle's title and current
 * stage, and its activities sorted by stage, ring and position (activities
 * without a real stage are left out). Build a new one whenever anything
 * shown changes. It keeps a reference on each activity, to map a segment
 * back to it, and caches the label layout of the last size drawn. */
typedef struct _CmWheelModel CmWheelModel;

#define CM_TYPE_WHEEL_MODEL (cm_wheel_model_get_type ())

GType         cm_wheel_model_get_type          (void) G_GNUC_CONST;
CmWheelModel *cm_wheel_model_new               (const char         *title,
                                                CmStage             current_stage,
                                                GListModel         *activities);
CmWheelModel *cm_wheel_model_new_from_array    (const char         *title,
                                                CmStage             current_stage,
                                                CmActivity * const *activities,
                                                guint               n_activities);
CmWheelModel *cm_wheel_model_ref               (CmWheelModel       *model);
void          cm_wheel_model_unref             (CmWheelModel       *model);
const char   *cm_wheel_model_get_title         (CmWheelModel       *model);
CmStage       cm_wheel_model_get_current_stage (CmWheelModel       *model);
guint         cm_wheel_model_get_n_activities  (CmWheelModel       *model,
                                                CmStage             stage,
                                                CmRing              ring);
void          cm_wheel_model_get_geometry      (CmWheelModel       *model,
                                                double              width,
                                                double              height,
                                                CmWheelGeometry    *geometry);
CmActivity   *cm_wheel_model_get_activity      (CmWheelModel       *model,
                                                const CmWheelHit   *hit);
gboolean      cm_wheel_model_find_activity     (CmWheelModel       *model,
                                                CmActivity         *activity,
                                                CmWheelHit         *hit);
void          cm_wheel_model_get_progress      (CmWheelModel       *model,
                                                guint              *n_done,
                                                guint              *n_counted);
char         *cm_wheel_model_describe          (CmWheelModel       *model,
                                                const CmWheelHit   *hit);
void          cm_wheel_model_reuse_layout      (CmWheelModel       *model,
                                                CmWheelModel       *previous);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmWheelModel, cm_wheel_model_unref)

G_END_DECLS
