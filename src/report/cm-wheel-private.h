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
  CmWheelTextRole  role;
} CmWheelPlacedLabel;

typedef struct
{
  double        width;
  double        height;
  char         *font_key;
  PangoContext *context;
  GArray       *labels;       /* of CmWheelPlacedLabel */
  gboolean      centre_stale; /* taken over from another model: lay the centre out again */
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

void                  cm_wheel_metrics_init          (CmWheelMetrics             *metrics,
                                                      const CmWheelGeometry      *geometry,
                                                      double                      base_size);
CmWheelItem          *cm_wheel_model_lookup          (CmWheelModel               *model,
                                                      const CmWheelHit           *hit);
char                 *cm_wheel_model_format_progress (CmWheelModel               *model);
char                 *cm_wheel_model_format_percent  (CmWheelModel               *model);
PangoContext         *cm_wheel_pango_context_new     (void);
PangoFontDescription *cm_wheel_font_normalise        (const PangoFontDescription *font,
                                                      double                     *base_size);
CmWheelLabelCache    *cm_wheel_labels_ensure         (CmWheelModel               *model,
                                                      double                      width,
                                                      double                      height,
                                                      const PangoFontDescription *font);
void                  cm_wheel_label_cache_free      (CmWheelLabelCache          *cache);

G_END_DECLS
