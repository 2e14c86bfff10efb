/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-cycle-wheel.h"
#include "cm-wheel-focus-ring.h"
#include "cm-wheel-image.h"
#include "cm-wheel-painter.h"

G_BEGIN_DECLS

/* Shared by the wheel widget's files: cm-cycle-wheel.c (the model, the
 * drawing, the properties) and cm-cycle-wheel-input.c (keyboard and
 * pointer). */

struct _CmCycleWheel
{
  GtkWidget             parent_instance;

  GListModel           *activities;
  GPtrArray            *watched;          /* activities we listen to */
  CmCycle              *cycle;
  CmActivity           *selected;

  CmWheelModel         *model;
  gboolean              model_stale;
  PangoFontDescription *font;

  CmWheelImage         *image;
  CmWheelFocusRing     *focus_ring;     /* round the whole wheel */

  CmWheelHit            hover;

  /* While Up and Down go from ring to ring, they keep to the angle they
   * started from, as a text cursor keeps its column. */
  double                ring_angle;
  gboolean              ring_angle_set;
};

void cm_cycle_wheel_get_selected_hit      (CmCycleWheel     *self,
                                           CmWheelHit       *hit);
void cm_cycle_wheel_get_geometry          (CmCycleWheel     *self,
                                           CmWheelGeometry  *geometry);
void cm_cycle_wheel_select_hit            (CmCycleWheel     *self,
                                           const CmWheelHit *hit);
void cm_cycle_wheel_activate_selected     (CmCycleWheel     *self);
void cm_cycle_wheel_add_input_controllers (CmCycleWheel     *self);

G_END_DECLS
