/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _CmWheelFocusRing CmWheelFocusRing;

CmWheelFocusRing *cm_wheel_focus_ring_new    (void);
void              cm_wheel_focus_ring_free   (CmWheelFocusRing *self);
void              cm_wheel_focus_ring_append (CmWheelFocusRing *self,
                                              GtkSnapshot      *snapshot,
                                              GskRenderer      *renderer,
                                              double            cx,
                                              double            cy,
                                              double            radius,
                                              double            line_width,
                                              const GdkRGBA    *colour,
                                              int               scale,
                                              gboolean          resizing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmWheelFocusRing, cm_wheel_focus_ring_free)

G_END_DECLS
