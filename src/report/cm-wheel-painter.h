/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cm-enums.h"
#include "cm-wheel-geometry.h"
#include "cm-wheel-model.h"

G_BEGIN_DECLS

/* The one painter of the commissioning-cycle wheel. The on-screen widget and
 * the printed summary both call cm_wheel_painter_draw(), so they never drift.
 * It draws into any cairo_t, in user-space units, into the rectangle
 * (0, 0, width, height); it needs no display. */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CmWheelColor;

typedef struct
{
  CmWheelColor background;  /* alpha 0: leave what is under the wheel */
  CmWheelColor text;
  CmWheelColor dim_text;
  CmWheelColor status_fill[CM_N_ACTIVITY_STATUSES];  /* indexed by CmActivityStatus */
  CmWheelColor status_text[CM_N_ACTIVITY_STATUSES];
  CmWheelColor status_mark[CM_N_ACTIVITY_STATUSES];  /* tick, half disc, hatching */
  CmWheelColor outline;     /* around every segment */
  double       outline_width;
  CmWheelColor placeholder;
  CmWheelColor centre_fill;
  CmWheelColor progress;    /* the progress arc round the centre */
  CmWheelColor stage_band;
  CmWheelColor accent;      /* the current stage */
  CmWheelColor selection;
  CmWheelColor hover;       /* laid over the segment under the pointer */
  CmWheelColor focus;
} CmWheelPalette;

const CmWheelPalette *cm_wheel_palette_light              (void);
const CmWheelPalette *cm_wheel_palette_dark               (void);
const CmWheelPalette *cm_wheel_palette_high_contrast      (void);
const CmWheelPalette *cm_wheel_palette_high_contrast_dark (void);

/* What the viewer is doing; all optional. */
typedef struct
{
  CmWheelHit                  hover;
  CmWheelHit                  selected;
  gboolean                    focus_visible;  /* ring the selection (or the wheel) */
  const PangoFontDescription *font;           /* NULL: sans at 10 pt */
} CmWheelState;

#define CM_WHEEL_STATE_INIT { CM_WHEEL_HIT_INIT, CM_WHEEL_HIT_INIT, FALSE, NULL }

void     cm_wheel_painter_draw            (cairo_t              *cr,
                                          CmWheelModel         *model,
                                          double                width,
                                          double                height,
                                          const CmWheelPalette *palette,
                                          const CmWheelState   *state);
void     cm_wheel_painter_draw_highlights (cairo_t              *cr,
                                          CmWheelModel         *model,
                                          double                width,
                                          double                height,
                                          const CmWheelPalette *palette,
                                          const CmWheelState   *state);
gboolean cm_wheel_painter_get_focus_ring  (CmWheelModel         *model,
                                          double                width,
                                          double                height,
                                          const CmWheelState   *state,
                                          double               *cx,
                                          double               *cy,
                                          double               *radius,
                                          double               *line_width);

/* For a widget that keeps the painted wheel as an image: paints over it only
 * what a model that took over the last one's layout shows differently. */
gboolean cm_wheel_painter_draw_changes    (cairo_t              *cr,
                                          CmWheelModel         *model,
                                          CmWheelModel         *previous,
                                          double                width,
                                          double                height,
                                          const CmWheelPalette *palette,
                                          const CmWheelState   *state,
                                          cairo_region_t       *damage);

/* Where the painter puts its text and status marks, in the same units as
 * cm_wheel_painter_draw(). None of these rectangles overlap, and all lie
 * inside (0, 0, width, height); a label with no room is left out, and a
 * label too long for its room is shortened with an ellipsis. */
typedef enum
{
  CM_WHEEL_LABEL_ACTIVITY,
  CM_WHEEL_LABEL_MARK,         /* the tick or half disc of a segment */
  CM_WHEEL_LABEL_PLACEHOLDER,  /* "No activities" in an empty ring */
  CM_WHEEL_LABEL_STAGE,
  CM_WHEEL_LABEL_TITLE,
  CM_WHEEL_LABEL_PROGRESS,
} CmWheelLabelKind;

/* A label's rectangle is (x, y, width, height) turned by @angle (radians,
 * clockwise on screen) about its own centre: text along a thin segment runs
 * out from the centre of the wheel. @angle is 0 for level text. */
typedef struct
{
  CmWheelLabelKind kind;
  CmWheelHit       hit;        /* which segment (or stage, for STAGE) it belongs to */
  double           x;
  double           y;
  double           width;
  double           height;
  double           angle;
  gboolean         shortened;  /* ellipsized: the whole text did not fit */
} CmWheelLabel;

void      cm_wheel_label_get_corners      (const CmWheelLabel         *label,
                                           double                      xs[4],
                                           double                      ys[4]);

GArray   *cm_wheel_painter_layout_labels  (CmWheelModel               *model,
                                           double                      width,
                                           double                      height,
                                           const PangoFontDescription *font);
gboolean  cm_wheel_painter_get_fill_point (CmWheelModel               *model,
                                           double                      width,
                                           double                      height,
                                           const PangoFontDescription *font,
                                           const CmWheelHit           *hit,
                                           double                     *x,
                                           double                     *y);

/* A key to the statuses (each swatch with its mark or hatching, so colour is
 * not the only cue) and the current-stage band, flowed into rows across
 * @width from (0, 0). Returns the height used; @cr may be NULL to measure. */
double    cm_wheel_painter_draw_legend    (cairo_t                    *cr,
                                           double                      width,
                                           const CmWheelPalette       *palette,
                                           const PangoFontDescription *font);

G_END_DECLS
