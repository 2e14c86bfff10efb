/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "cm-wheel-painter.h"

G_BEGIN_DECLS

/* Shared between the wheel's model, label layout and painter. */

typedef struct
{
  CmActivity       *activity;
  char             *title;
  CmActivityStatus  status;
  guint             position;
  guint             order;
} CmWheelItem;

typedef enum
{
  CM_WHEEL_TEXT_STATUS,  /* activity text: its status's text colour */
  CM_WHEEL_TEXT_DIM,
  CM_WHEEL_TEXT_NORMAL,
  CM_WHEEL_TEXT_STAGE,   /* the accent colour for the current stage */
} CmWheelTextRole;

typedef struct
{
  CmWheelLabel     info;
  PangoLayout     *layout;  /* NULL for a mark */
  double           text_dx; /* the layout's origin, from the label's centre */
  double           text_dy; /* before rotation by info.angle */
  double           text_scale; /* from the layout's size to the label's */
  CmWheelTextRole  role;
} CmWheelPlacedLabel;

typedef struct
{
  double        width;
  double        height;
  char         *font_key;
  PangoContext *context;
  GArray       *labels;       /* of CmWheelPlacedLabel */
  guint         serial;       /* which layout: kept by models that take it over */
  gboolean      centre_stale; /* taken over from another model: lay the centre out again */
  GHashTable   *fits;         /* how the centre's texts fitted (cm-wheel-labels.c) */
  GHashTable   *previous_fits;

  /* The centre's disc and track, which no status changes, as pixels for one
   * palette and scale (cm-wheel-painter-changes.c); NULL until needed. */
  cairo_surface_t      *centre_base;
  const CmWheelPalette *centre_base_palette;
  double                centre_base_scale;
} CmWheelLabelCache;

struct _CmWheelModel
{
  gatomicrefcount    ref_count;
  char              *title;
  CmStage            current_stage;
  GPtrArray         *items[CM_N_STAGES][CM_N_RINGS];  /* of CmWheelItem */
  guint              n_done;
  guint              n_counted;
  CmWheelLabelCache *cache;
};

/* Sizes that depend on the wheel's size, shared so that labels keep clear of
 * what the painter draws round them. */
typedef struct
{
  double selection_width;
  double focus_width;
  double progress_width;
  double pad;             /* between a label and its segment's edge */
  double hatch_spacing;
} CmWheelMetrics;

/* Room for labels, centred on the wheel's centre (cm-wheel-regions.c). */
typedef struct
{
  double x0, y0, x1, y1;
} CmWheelBox;

/* An annulus, cut to a wedge (at most a half-turn) whose straight edges are
 * moved in by edge_offset, less an optional hole. Angles are in the frame a
 * label is laid out in. */
typedef struct
{
  double     r_min, r_max;
  gboolean   wedge;
  double     a0, a1;
  double     u0x, u0y, u1x, u1y;
  double     edge_offset;
  gboolean   has_hole;
  CmWheelBox hole;
} CmWheelRegion;

void                  cm_wheel_box_init_centred      (CmWheelBox                 *box,
                                                      double                      x,
                                                      double                      y,
                                                      double                      width,
                                                      double                      height);
double                cm_wheel_box_area              (const CmWheelBox           *box);
void                  cm_wheel_region_init           (CmWheelRegion              *region,
                                                      double                      r_min,
                                                      double                      r_max);
void                  cm_wheel_region_set_wedge      (CmWheelRegion              *region,
                                                      double                      a0,
                                                      double                      a1,
                                                      double                      edge_offset);
void                  cm_wheel_region_rotate         (const CmWheelRegion        *region,
                                                      double                      angle,
                                                      CmWheelRegion              *rotated);
gboolean              cm_wheel_region_contains_point (const CmWheelRegion        *region,
                                                      double                      x,
                                                      double                      y);
gboolean              cm_wheel_region_contains_box   (const CmWheelRegion        *region,
                                                      const CmWheelBox           *box);
gboolean              cm_wheel_region_largest_box    (const CmWheelRegion        *region,
                                                      double                      aspect,
                                                      CmWheelBox                 *best);

void                  cm_wheel_metrics_init          (CmWheelMetrics             *metrics,
                                                      const CmWheelGeometry      *geometry,
                                                      double                      base_size);
CmWheelItem          *cm_wheel_model_lookup          (CmWheelModel               *model,
                                                      const CmWheelHit           *hit);
char                 *cm_wheel_model_format_progress (CmWheelModel               *model);
char                 *cm_wheel_model_format_percent  (CmWheelModel               *model);
/* Text of the wheel and its legend (cm-wheel-labels.c). Every label is shaped at this one size and drawn scaled to its own. Metrics
 * are unhinted, so text scales exactly; and one font at one size serves every
 * label, where a size of its own for every size tried would cost a font load
 * each (a millisecond or so when the wheel is first drawn). */
#define REFERENCE_FONT_PX 16.0

void                  cm_wheel_labels_set_size       (PangoLayout                *layout,
                                                      const PangoFontDescription *font,
                                                      double                      size,
                                                      PangoWeight                 weight,
                                                      PangoStyle                  style);
double                cm_wheel_labels_get_scale      (PangoLayout                *layout);
void                  cm_wheel_labels_get_logical    (PangoLayout                *layout,
                                                      PangoRectangle             *logical);
PangoContext         *cm_wheel_pango_context_new     (void);
PangoFontDescription *cm_wheel_font_normalise        (const PangoFontDescription *font,
                                                      double                     *base_size);
CmWheelLabelCache    *cm_wheel_labels_ensure         (CmWheelModel               *model,
                                                      double                      width,
                                                      double                      height,
                                                      const PangoFontDescription *font);
gboolean              cm_wheel_label_cache_matches   (const CmWheelLabelCache    *cache,
                                                      double                      width,
                                                      double                      height,
                                                      const PangoFontDescription *font);
void                  cm_wheel_label_cache_free      (CmWheelLabelCache          *cache);
GHashTable           *cm_wheel_fits_new              (void);
void                  cm_wheel_labels_build          (CmWheelModel               *model,
                                                      CmWheelLabelCache          *cache,
                                                      const PangoFontDescription *font,
                                                      gboolean                    centre_only);

G_END_DECLS
