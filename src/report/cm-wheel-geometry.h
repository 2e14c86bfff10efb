/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cm-enums.h"

G_BEGIN_DECLS

/* The shape of the commissioning-cycle wheel, as plain numbers.
 *
 * Angles are in radians in cairo's convention: 0 points right (3 o'clock)
 * and angles grow clockwise on screen, because y grows downwards. The four
 * stages sit in quadrants going clockwise from 12 o'clock: Analyse (top
 * right), Plan (bottom right), Do (bottom left), Review (top left). Each
 * quadrant's span is shared equally by the activities of that ring.
 *
 * From the centre outwards: the centre disc (cycle title and progress), the
 * inner procurement ring, the outer commissioning ring, then a thin stage
 * band that marks the quadrants and emphasises the current stage. Stage names
 * sit outside the band, in the corners of the square the wheel fills. */

typedef enum
{
  CM_WHEEL_HIT_NONE,         /* outside the wheel */
  CM_WHEEL_HIT_CENTRE,       /* the centre disc */
  CM_WHEEL_HIT_SEGMENT,      /* an activity's segment */
  CM_WHEEL_HIT_PLACEHOLDER,  /* a ring of a stage that has no activities */
} CmWheelHitKind;

typedef struct
{
  CmWheelHitKind kind;
  CmStage        stage;  /* SEGMENT and PLACEHOLDER only */
  CmRing         ring;   /* SEGMENT and PLACEHOLDER only */
  guint          index;  /* SEGMENT only: the activity's index in its stage and ring */
} CmWheelHit;

#define CM_WHEEL_HIT_INIT { CM_WHEEL_HIT_NONE, CM_STAGE_NONE, CM_RING_COMMISSIONING, 0 }

typedef struct
{
  double start_angle;
  double end_angle;
  double inner_radius;
  double outer_radius;
} CmWheelSector;

typedef struct
{
  double width;
  double height;
  double cx;
  double cy;
  double radius;                     /* half the shorter side */
  double centre_radius;
  double ring_inner[CM_N_RINGS];     /* indexed by CmRing */
  double ring_outer[CM_N_RINGS];
  double band_inner;                 /* the stage band */
  double band_outer;
  double gap;                        /* space left between neighbouring segments */
  guint  counts[CM_N_STAGES][CM_N_RINGS];
} CmWheelGeometry;

/* Activities per stage and ring, indexed by CmStage then CmRing. */
typedef guint CmWheelCounts[CM_N_STAGES][CM_N_RINGS];

void           cm_wheel_geometry_init            (CmWheelGeometry       *geometry,
                                                  double                 width,
                                                  double                 height,
                                                  const CmWheelCounts    counts);
guint          cm_wheel_geometry_get_count       (const CmWheelGeometry *geometry,
                                                  CmStage                stage,
                                                  CmRing                 ring);
void           cm_wheel_geometry_stage_angles    (CmStage                stage,
                                                  double                *start_angle,
                                                  double                *end_angle);
gboolean       cm_wheel_geometry_get_sector      (const CmWheelGeometry *geometry,
                                                  const CmWheelHit      *hit,
                                                  CmWheelSector         *sector);
void           cm_wheel_geometry_sector_point    (const CmWheelGeometry *geometry,
                                                  const CmWheelSector   *sector,
                                                  double                 angle_fraction,
                                                  double                 radius_fraction,
                                                  double                *x,
                                                  double                *y);
void           cm_wheel_geometry_sector_bounds   (const CmWheelGeometry *geometry,
                                                  const CmWheelSector   *sector,
                                                  double                *x,
                                                  double                *y,
                                                  double                *width,
                                                  double                *height);
CmWheelHitKind cm_wheel_geometry_hit_test        (const CmWheelGeometry *geometry,
                                                  double                 x,
                                                  double                 y,
                                                  CmWheelHit            *hit);
gboolean       cm_wheel_hit_equal                (const CmWheelHit      *a,
                                                  const CmWheelHit      *b);

/* Keyboard navigation over segments; placeholders are skipped. Each returns
 * FALSE, leaving @to untouched, when there is nowhere to go. */
gboolean       cm_wheel_geometry_step            (const CmWheelGeometry *geometry,
                                                  const CmWheelHit      *from,
                                                  int                    delta,
                                                  CmWheelHit            *to);
gboolean       cm_wheel_geometry_switch_ring     (const CmWheelGeometry *geometry,
                                                  const CmWheelHit      *from,
                                                  CmRing                 ring,
                                                  CmWheelHit            *to);
gboolean       cm_wheel_geometry_nearest_in_ring (const CmWheelGeometry *geometry,
                                                  CmRing                 ring,
                                                  double                 angle,
                                                  CmWheelHit            *hit);
gboolean       cm_wheel_geometry_first           (const CmWheelGeometry *geometry,
                                                  CmRing                 ring,
                                                  CmWheelHit            *hit);
gboolean       cm_wheel_geometry_last            (const CmWheelGeometry *geometry,
                                                  CmRing                 ring,
                                                  CmWheelHit            *hit);
gboolean       cm_wheel_geometry_first_in_stage  (const CmWheelGeometry *geometry,
                                                  CmStage                stage,
                                                  CmWheelHit            *hit);

G_END_DECLS
