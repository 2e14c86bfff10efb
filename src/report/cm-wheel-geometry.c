/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-geometry"

#include "config.h"

#include "cm-wheel-geometry.h"

#include <math.h>
#include <string.h>

/* Radii as fractions of half the shorter side. The commissioning ring is
 * the thicker one: it has more activities, with longer names. */
#define CENTRE_FRACTION        0.25
#define RING_BOUNDARY_FRACTION 0.535
#define RING_OUTER_FRACTION    0.885
#define BAND_INNER_FRACTION    0.9
#define BAND_OUTER_FRACTION    0.935

#define QUARTER_TURN (G_PI / 2.0)

static gboolean
stage_is_real (CmStage stage)
{
  return stage >= CM_STAGE_ANALYSE && stage <= CM_STAGE_REVIEW;
}

static gboolean
ring_is_real (CmRing ring)
{
  return ring == CM_RING_COMMISSIONING || ring == CM_RING_PROCUREMENT;
}

/* Angle turned clockwise from 12 o'clock, in [0, 2π). */
static double
turn_from_top (double dx,
               double dy)
{
  double t = atan2 (dy, dx) + QUARTER_TURN;

  t = fmod (t, 2.0 * G_PI);
  if (t < 0.0)
    t += 2.0 * G_PI;
  return t;
}

static double
sector_middle_turn (const CmWheelSector *sector)
{
  double t = (sector->start_angle + sector->end_angle) / 2.0 + QUARTER_TURN;

  t = fmod (t, 2.0 * G_PI);
  if (t < 0.0)
    t += 2.0 * G_PI;
  return t;
}

static double
circular_distance (double a,
                   double b)
{
  double d = fabs (fmod (a - b, 2.0 * G_PI));

  return MIN (d, 2.0 * G_PI - d);
}

static void
set_segment (CmWheelHit *hit,
             CmStage     stage,
             CmRing      ring,
             guint       index)
{
  hit->kind = CM_WHEEL_HIT_SEGMENT;
  hit->stage = stage;
  hit->ring = ring;
  hit->index = index;
}

static guint
ring_total (const CmWheelGeometry *geometry,
            CmRing                 ring)
{
  guint total = 0;

  for (guint s = 0; s < CM_N_STAGES; s++)
    total += geometry->counts[s][ring];
  return total;
}

/* The n-th segment of a ring, counting clockwise from 12 o'clock. */
static void
segment_from_linear (const CmWheelGeometry *geometry,
                     CmRing                 ring,
                     guint                  n,
                     CmWheelHit            *hit)
{
  for (guint s = 0; s < CM_N_STAGES; s++)
    {
      guint count = geometry->counts[s][ring];

      if (n < count)
        {
          set_segment (hit, (CmStage) s, ring, n);
          return;
        }
      n -= count;
    }
  g_assert_not_reached ();
}

void
cm_wheel_geometry_init (CmWheelGeometry    *geometry,
                        double              width,
                        double              height,
                        const CmWheelCounts counts)
{
  double r;

  g_return_if_fail (geometry != NULL);

  memset (geometry, 0, sizeof *geometry);

  width = MAX (width, 0.0);
  height = MAX (height, 0.0);
  r = MIN (width, height) / 2.0;

  geometry->width = width;
  geometry->height = height;
  geometry->cx = width / 2.0;
  geometry->cy = height / 2.0;
  geometry->radius = r;
  geometry->centre_radius = r * CENTRE_FRACTION;
  geometry->ring_inner[CM_RING_PROCUREMENT] = r * CENTRE_FRACTION;
  geometry->ring_outer[CM_RING_PROCUREMENT] = r * RING_BOUNDARY_FRACTION;
  geometry->ring_inner[CM_RING_COMMISSIONING] = r * RING_BOUNDARY_FRACTION;
  geometry->ring_outer[CM_RING_COMMISSIONING] = r * RING_OUTER_FRACTION;
  geometry->band_inner = r * BAND_INNER_FRACTION;
  geometry->band_outer = r * BAND_OUTER_FRACTION;
  geometry->gap = CLAMP (r * 0.012, 1.0, 6.0);

  if (counts != NULL)
    memcpy (geometry->counts, counts, sizeof geometry->counts);
}

guint
cm_wheel_geometry_get_count (const CmWheelGeometry *geometry,
                             CmStage                stage,
                             CmRing                 ring)
{
  g_return_val_if_fail (geometry != NULL, 0);

  if (!stage_is_real (stage) || !ring_is_real (ring))
    return 0;
  return geometry->counts[stage][ring];
}

void
cm_wheel_geometry_stage_angles (CmStage stage,
                                double *start_angle,
                                double *end_angle)
{
  double start;

  g_return_if_fail (stage_is_real (stage));

  start = -QUARTER_TURN + QUARTER_TURN * (double) stage;
  if (start_angle != NULL)
    *start_angle = start;
  if (end_angle != NULL)
    *end_angle = start + QUARTER_TURN;
}

/* Returns FALSE when @hit names no part of the wheel (NONE, or a segment
 * index past the count). The centre is the whole disc. */
gboolean
cm_wheel_geometry_get_sector (const CmWheelGeometry *geometry,
                              const CmWheelHit      *hit,
                              CmWheelSector         *sector)
{
  double start, end;

  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);
  g_return_val_if_fail (sector != NULL, FALSE);

  switch (hit->kind)
    {
    case CM_WHEEL_HIT_CENTRE:
      sector->start_angle = -QUARTER_TURN;
      sector->end_angle = 3.0 * QUARTER_TURN;
      sector->inner_radius = 0.0;
      sector->outer_radius = geometry->centre_radius;
      return TRUE;

    case CM_WHEEL_HIT_PLACEHOLDER:
    case CM_WHEEL_HIT_SEGMENT:
      if (!stage_is_real (hit->stage) || !ring_is_real (hit->ring))
        return FALSE;
      cm_wheel_geometry_stage_angles (hit->stage, &start, &end);
      sector->inner_radius = geometry->ring_inner[hit->ring];
      sector->outer_radius = geometry->ring_outer[hit->ring];
      if (hit->kind == CM_WHEEL_HIT_PLACEHOLDER)
        {
          sector->start_angle = start;
          sector->end_angle = end;
        }
      else
        {
          guint count = geometry->counts[hit->stage][hit->ring];
          double span;

          if (hit->index >= count)
            return FALSE;
          span = (end - start) / (double) count;
          sector->start_angle = start + span * (double) hit->index;
          sector->end_angle = sector->start_angle + span;
        }
      return TRUE;

    case CM_WHEEL_HIT_NONE:
    default:
      return FALSE;
    }
}

/* A point inside @sector: fractions of 0.5 give its angular and radial
 * middle. */
void
cm_wheel_geometry_sector_point (const CmWheelGeometry *geometry,
                                const CmWheelSector   *sector,
                                double                 angle_fraction,
                                double                 radius_fraction,
                                double                *x,
                                double                *y)
{
  double angle, r;

  g_return_if_fail (geometry != NULL && sector != NULL);

  angle = sector->start_angle + (sector->end_angle - sector->start_angle) * angle_fraction;
  r = sector->inner_radius + (sector->outer_radius - sector->inner_radius) * radius_fraction;
  if (x != NULL)
    *x = geometry->cx + r * cos (angle);
  if (y != NULL)
    *y = geometry->cy + r * sin (angle);
}

void
cm_wheel_geometry_sector_bounds (const CmWheelGeometry *geometry,
                                 const CmWheelSector   *sector,
                                 double                *x,
                                 double                *y,
                                 double                *width,
                                 double                *height)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double angles[8];
  guint n_angles = 0;

  g_return_if_fail (geometry != NULL && sector != NULL);

  /* The extremes lie at the sector's ends or where it crosses an axis. */
  angles[n_angles++] = sector->start_angle;
  angles[n_angles++] = sector->end_angle;
  for (int k = -4; k <= 8 && n_angles < G_N_ELEMENTS (angles); k++)
    {
      double axis = QUARTER_TURN * k;

      if (axis > sector->start_angle && axis < sector->end_angle)
        angles[n_angles++] = axis;
    }

  for (guint i = 0; i < n_angles; i++)
    {
      double radii[2] = { sector->inner_radius, sector->outer_radius };

      for (guint j = 0; j < 2; j++)
        {
          double px = geometry->cx + radii[j] * cos (angles[i]);
          double py = geometry->cy + radii[j] * sin (angles[i]);

          x0 = MIN (x0, px);
          y0 = MIN (y0, py);
          x1 = MAX (x1, px);
          y1 = MAX (y1, py);
        }
    }

  if (x != NULL)
    *x = x0;
  if (y != NULL)
    *y = y0;
  if (width != NULL)
    *width = x1 - x0;
  if (height != NULL)
    *height = y1 - y0;
}

CmWheelHitKind
cm_wheel_geometry_hit_test (const CmWheelGeometry *geometry,
                            double                 x,
                            double                 y,
                            CmWheelHit            *hit)
{
  CmWheelHit result = CM_WHEEL_HIT_INIT;
  double dx, dy, r, t;
  guint stage, count;

  g_return_val_if_fail (geometry != NULL, CM_WHEEL_HIT_NONE);

  dx = x - geometry->cx;
  dy = y - geometry->cy;
  r = hypot (dx, dy);

  if (geometry->radius <= 0.0 || r >= geometry->ring_outer[CM_RING_COMMISSIONING])
    goto out;

  if (r < geometry->centre_radius)
    {
      result.kind = CM_WHEEL_HIT_CENTRE;
      goto out;
    }

  result.ring = r < geometry->ring_outer[CM_RING_PROCUREMENT]
                ? CM_RING_PROCUREMENT : CM_RING_COMMISSIONING;

  t = turn_from_top (dx, dy);
  stage = MIN ((guint) (t / QUARTER_TURN), CM_N_STAGES - 1);
  result.stage = (CmStage) stage;

  count = geometry->counts[stage][result.ring];
  if (count == 0)
    {
      result.kind = CM_WHEEL_HIT_PLACEHOLDER;
    }
  else
    {
      double fraction = (t - QUARTER_TURN * stage) / QUARTER_TURN;

      result.kind = CM_WHEEL_HIT_SEGMENT;
      result.index = MIN ((guint) (fraction * count), count - 1);
    }

out:
  if (hit != NULL)
    *hit = result;
  return result.kind;
}

gboolean
cm_wheel_hit_equal (const CmWheelHit *a,
                    const CmWheelHit *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->kind != b->kind)
    return FALSE;

  switch (a->kind)
    {
    case CM_WHEEL_HIT_SEGMENT:
      return a->stage == b->stage && a->ring == b->ring && a->index == b->index;
    case CM_WHEEL_HIT_PLACEHOLDER:
      return a->stage == b->stage && a->ring == b->ring;
    case CM_WHEEL_HIT_NONE:
    case CM_WHEEL_HIT_CENTRE:
    default:
      return TRUE;
    }
}

/* Moves @delta segments clockwise (negative: anticlockwise) along the ring
 * of @from, wrapping from Review back to Analyse. From a placeholder it goes
 * to the nearest segment in that direction; from anywhere else it starts at
 * the first (or last) segment of the commissioning ring. */
gboolean
cm_wheel_geometry_step (const CmWheelGeometry *geometry,
                        const CmWheelHit      *from,
                        int                    delta,
                        CmWheelHit            *to)
{
  CmRing ring;
  guint total;
  gint64 linear = 0;

  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (from->kind != CM_WHEEL_HIT_SEGMENT && from->kind != CM_WHEEL_HIT_PLACEHOLDER)
    {
      if (delta >= 0)
        return cm_wheel_geometry_first (geometry, CM_RING_COMMISSIONING, to) ||
               cm_wheel_geometry_first (geometry, CM_RING_PROCUREMENT, to);
      return cm_wheel_geometry_last (geometry, CM_RING_COMMISSIONING, to) ||
             cm_wheel_geometry_last (geometry, CM_RING_PROCUREMENT, to);
    }

  if (!stage_is_real (from->stage) || !ring_is_real (from->ring))
    return FALSE;

  ring = from->ring;
  total = ring_total (geometry, ring);
  if (total == 0)
    return FALSE;

  for (guint s = 0; s < (guint) from->stage; s++)
    linear += geometry->counts[s][ring];

  if (from->kind == CM_WHEEL_HIT_SEGMENT)
    {
      if (from->index >= geometry->counts[from->stage][ring])
        return FALSE;
      linear += from->index;
    }
  else if (delta > 0)
    {
      /* "linear" is the first segment after the placeholder: one step
       * clockwise lands on it. */
      delta -= 1;
    }
  else if (delta == 0)
    {
      return FALSE;
    }

  linear = (linear + delta) % (gint64) total;
  if (linear < 0)
    linear += total;

  segment_from_linear (geometry, ring, (guint) linear, to);
  return TRUE;
}

/* The segment of @ring at @angle (cairo's convention) when its stage has
 * activities in that ring, else the ring's segment whose middle is nearest. */
gboolean
cm_wheel_geometry_nearest_in_ring (const CmWheelGeometry *geometry,
                                   CmRing                 ring,
                                   double                 angle,
                                   CmWheelHit            *hit)
{
  CmWheelHit best = CM_WHEEL_HIT_INIT;
  double t, best_distance = G_MAXDOUBLE;
  guint stage, count;

  g_return_val_if_fail (geometry != NULL && hit != NULL, FALSE);
  g_return_val_if_fail (ring_is_real (ring), FALSE);

  t = turn_from_top (cos (angle), sin (angle));
  stage = MIN ((guint) (t / QUARTER_TURN), CM_N_STAGES - 1);
  count = geometry->counts[stage][ring];
  if (count > 0)
    {
      double fraction = CLAMP ((t - QUARTER_TURN * stage) / QUARTER_TURN, 0.0, 1.0);

      set_segment (hit, (CmStage) stage, ring, MIN ((guint) (fraction * count), count - 1));
      return TRUE;
    }

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint i = 0; i < geometry->counts[s][ring]; i++)
      {
        CmWheelSector sector;
        CmWheelHit candidate;
        double distance;

        set_segment (&candidate, (CmStage) s, ring, i);
        cm_wheel_geometry_get_sector (geometry, &candidate, &sector);
        distance = circular_distance (sector_middle_turn (&sector), t);
        if (distance < best_distance - 1e-9)
          {
            best_distance = distance;
            best = candidate;
          }
      }

  if (best.kind != CM_WHEEL_HIT_SEGMENT)
    return FALSE;

  *hit = best;
  return TRUE;
}

/* The segment of @ring nearest in angle to @from's middle. */
gboolean
cm_wheel_geometry_switch_ring (const CmWheelGeometry *geometry,
                               const CmWheelHit      *from,
                               CmRing                 ring,
                               CmWheelHit            *to)
{
  CmWheelSector sector;

  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);
  g_return_val_if_fail (ring_is_real (ring), FALSE);

  if (from->kind == CM_WHEEL_HIT_CENTRE ||
      !cm_wheel_geometry_get_sector (geometry, from, &sector))
    return FALSE;

  if (from->ring == ring && from->kind == CM_WHEEL_HIT_SEGMENT)
    {
      *to = *from;
      return TRUE;
    }

  return cm_wheel_geometry_nearest_in_ring (geometry, ring,
                                            (sector.start_angle + sector.end_angle) / 2.0, to);
}

gboolean
cm_wheel_geometry_first (const CmWheelGeometry *geometry,
                         CmRing                 ring,
                         CmWheelHit            *hit)
{
  g_return_val_if_fail (geometry != NULL && hit != NULL, FALSE);
  g_return_val_if_fail (ring_is_real (ring), FALSE);

  if (ring_total (geometry, ring) == 0)
    return FALSE;
  segment_from_linear (geometry, ring, 0, hit);
  return TRUE;
}

gboolean
cm_wheel_geometry_last (const CmWheelGeometry *geometry,
                        CmRing                 ring,
                        CmWheelHit            *hit)
{
  guint total;

  g_return_val_if_fail (geometry != NULL && hit != NULL, FALSE);
  g_return_val_if_fail (ring_is_real (ring), FALSE);

  total = ring_total (geometry, ring);
  if (total == 0)
    return FALSE;
  segment_from_linear (geometry, ring, total - 1, hit);
  return TRUE;
}

/* The first activity of @stage, commissioning ring first. */
gboolean
cm_wheel_geometry_first_in_stage (const CmWheelGeometry *geometry,
                                  CmStage                stage,
                                  CmWheelHit            *hit)
{
  g_return_val_if_fail (geometry != NULL && hit != NULL, FALSE);

  if (!stage_is_real (stage))
    return FALSE;

  if (geometry->counts[stage][CM_RING_COMMISSIONING] > 0)
    set_segment (hit, stage, CM_RING_COMMISSIONING, 0);
  else if (geometry->counts[stage][CM_RING_PROCUREMENT] > 0)
    set_segment (hit, stage, CM_RING_PROCUREMENT, 0);
  else
    return FALSE;
  return TRUE;
}
