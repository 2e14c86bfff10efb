/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "cm-activity.h"
#include "cm-enums.h"
#include "cm-wheel-geometry.h"

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

/* An immutable snapshot of what the wheel shows: a cycle's title and current
 * stage, and its activities sorted by stage, ring and position. Build a new
 * one when anything changes. It keeps a reference on each activity (to map
 * a segment back to it) and caches the label layout of the last size drawn. */
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
void          cm_wheel_model_get_counts        (CmWheelModel       *model,
                                                guint               counts[CM_N_STAGES][CM_N_RINGS]);
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmWheelModel, cm_wheel_model_unref)

/* What the viewer is doing; all optional. */
typedef struct
{
  CmWheelHit                  hover;
  CmWheelHit                  selected;
  gboolean                    focus_visible;  /* ring the selection (or the wheel) */
  const PangoFontDescription *font;           /* NULL: sans at 10 pt */
} CmWheelState;

#define CM_WHEEL_STATE_INIT { CM_WHEEL_HIT_INIT, CM_WHEEL_HIT_INIT, FALSE, NULL }

void cm_wheel_painter_draw (cairo_t              *cr,
                            CmWheelModel         *model,
                            double                width,
                            double                height,
                            const CmWheelPalette *palette,
                            const CmWheelState   *state);

/* Where the painter puts its text and status marks, in the same units as
 * cm_wheel_painter_draw(). None of these rectangles overlap, and all lie
 * inside (0, 0, width, height); a label with no room is left out. */
typedef enum
{
  CM_WHEEL_LABEL_ACTIVITY,
  CM_WHEEL_LABEL_MARK,         /* the tick or half disc of a segment */
  CM_WHEEL_LABEL_PLACEHOLDER,  /* "No activities" in an empty ring */
  CM_WHEEL_LABEL_STAGE,
  CM_WHEEL_LABEL_TITLE,
  CM_WHEEL_LABEL_PROGRESS,
} CmWheelLabelKind;

typedef struct
{
  CmWheelLabelKind kind;
  CmWheelHit       hit;        /* which segment (or stage, for STAGE) it belongs to */
  double           x;
  double           y;
  double           width;
  double           height;
  gboolean         shortened;  /* ellipsized: the whole text did not fit */
} CmWheelLabel;

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
