/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "cm-wheel-private.h"

G_BEGIN_DECLS

/* Shared by the label layout's files: cm-wheel-labels.c (fitting text,
 * the stage names, the centre, and building it all) and
 * cm-wheel-labels-ring.c (the activities' labels, ring by ring). */

#define SMALLEST_FONT_PX  6.5
#define MAX_RUNGS         12
#define LADDER_STEP       1.12
#define MAX_CANDIDATES    8
#define RADIAL_PENALTY    0.7   /* level text is easier to read */



typedef struct
{
  CmWheelModel         *model;
  PangoContext         *context;
  PangoFontDescription *font;      /* the user's font, at an absolute size */
  double                base;      /* its size in user units */
  double                scale;     /* how much labels may grow with the wheel */
  CmWheelGeometry       geometry;
  CmWheelMetrics        metrics;
  GArray               *labels;
  GHashTable           *fits;           /* of Fit, by size, box and text */
  GHashTable           *previous_fits;  /* the last layout's, or NULL */
  double                ladder[MAX_RUNGS];
  guint                 n_rungs;
} Builder;

PangoLayout *cm_wheel_labels_new_layout  (Builder                    *builder,
                                          const char                 *text);
gboolean     cm_wheel_labels_try_fit     (PangoLayout                *layout,
                                          const PangoFontDescription *font,
                                          double                      size,
                                          PangoWeight                 weight,
                                          PangoStyle                  style,
                                          double                      width,
                                          double                      height,
                                          gboolean                    shorten);
void         cm_wheel_labels_place       (Builder                    *builder,
                                          CmWheelPlacedLabel         *label,
                                          PangoLayout                *layout,
                                          const CmWheelBox           *box,
                                          double                      angle);
void         cm_wheel_labels_add         (Builder                    *builder,
                                          CmWheelPlacedLabel         *label);
void         cm_wheel_labels_layout_ring (Builder                    *builder,
                                          CmRing                      ring);

G_END_DECLS
