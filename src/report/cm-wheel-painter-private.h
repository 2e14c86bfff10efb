/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-wheel-private.h"

G_BEGIN_DECLS

/* Shared between the parts of the painter: the whole wheel and its labels
 * (cm-wheel-painter.c), its shapes (cm-wheel-painter-segments.c), status
 * fills and marks (cm-wheel-painter-marks.c), the highlights, the changes
 * and the legend (cm-wheel-painter-highlights.c, -changes.c, -legend.c). */

/* Colours, fills and marks (cm-wheel-painter-marks.c) */
void     cm_wheel_set_colour           (cairo_t                  *cr,
                                        const CmWheelColor       *colour);
void     cm_wheel_fill_status          (cairo_t                  *cr,
                                        const CmWheelPalette     *palette,
                                        CmActivityStatus          status,
                                        double                    hatch_spacing);
void     cm_wheel_draw_mark            (cairo_t                  *cr,
                                        const CmWheelPalette     *palette,
                                        CmActivityStatus          status,
                                        double                    x,
                                        double                    y,
                                        double                    size);

/* Shapes (cm-wheel-painter-segments.c) */
gboolean cm_wheel_sector_path          (cairo_t                  *cr,
                                        double                    cx,
                                        double                    cy,
                                        const CmWheelSector      *sector,
                                        double                    inset);
void     cm_wheel_draw_segment_fill    (cairo_t                  *cr,
                                        CmWheelModel             *model,
                                        const CmWheelGeometry    *g,
                                        const CmWheelMetrics     *metrics,
                                        const CmWheelPalette     *palette,
                                        const CmWheelHit         *hit);
void     cm_wheel_draw_segment_outline (cairo_t                  *cr,
                                        const CmWheelGeometry    *g,
                                        const CmWheelPalette     *palette,
                                        const CmWheelHit         *hit);
void     cm_wheel_draw_segments        (cairo_t                  *cr,
                                        CmWheelModel             *model,
                                        const CmWheelGeometry    *g,
                                        const CmWheelMetrics     *metrics,
                                        const CmWheelPalette     *palette);
void     cm_wheel_draw_stage_bands     (cairo_t                  *cr,
                                        CmWheelModel             *model,
                                        const CmWheelGeometry    *g,
                                        const CmWheelPalette     *palette);
void     cm_wheel_draw_centre_base     (cairo_t                  *cr,
                                        const CmWheelGeometry    *g,
                                        const CmWheelMetrics     *metrics,
                                        const CmWheelPalette     *palette);
void     cm_wheel_draw_progress_arc    (cairo_t                  *cr,
                                        CmWheelModel             *model,
                                        const CmWheelGeometry    *g,
                                        const CmWheelMetrics     *metrics,
                                        const CmWheelPalette     *palette);
void     cm_wheel_draw_centre          (cairo_t                  *cr,
                                        CmWheelModel             *model,
                                        const CmWheelGeometry    *g,
                                        const CmWheelMetrics     *metrics,
                                        const CmWheelPalette     *palette);

/* Labels and set-up (cm-wheel-painter.c) */
void     cm_wheel_draw_label_mark      (cairo_t                  *cr,
                                        CmWheelModel             *model,
                                        const CmWheelPlacedLabel *label,
                                        const CmWheelPalette     *palette);
void     cm_wheel_draw_label_text      (cairo_t                  *cr,
                                        CmWheelModel             *model,
                                        const CmWheelPlacedLabel *label,
                                        const CmWheelPalette     *palette);
/* The geometry and metrics for drawing at a size; FALSE when the wheel is
 * too small to draw. */
gboolean cm_wheel_painter_prepare      (CmWheelModel             *model,
                                        double                    width,
                                        double                    height,
                                        const CmWheelState       *state,
                                        CmWheelGeometry          *geometry,
                                        CmWheelMetrics           *metrics);

G_END_DECLS
