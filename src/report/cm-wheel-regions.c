/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-regions"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cm-wheel-private.h"

/* The room a label has: an annulus cut to a wedge, less an optional hole,
 * and the biggest box of a given shape that fits in it. */

void
cm_wheel_region_init (CmWheelRegion *region,
                      double         r_min,
                      double         r_max)
{
  memset (region, 0, sizeof *region);
  region->r_min = r_min;
  region->r_max = r_max;
}

void
cm_wheel_region_set_wedge (CmWheelRegion *region,
                           double         a0,
                           double         a1,
                           double         edge_offset)
{
  region->wedge = TRUE;
  region->a0 = a0;
  region->a1 = a1;
  region->u0x = cos (a0);
  region->u0y = sin (a0);
  region->u1x = cos (a1);
  region->u1y = sin (a1);
  region->edge_offset = edge_offset;
}

/* The same region seen from a frame turned by @angle; its hole grows to
 * the level box around the turned one. */
void
cm_wheel_region_rotate (const CmWheelRegion *region,
                        double               angle,
                        CmWheelRegion       *rotated)
{
  *rotated = *region;
  if (region->wedge)
    cm_wheel_region_set_wedge (rotated, region->a0 - angle, region->a1 - angle,
                               region->edge_offset);

  if (region->has_hole)
    {
      double xs[2] = { region->hole.x0, region->hole.x1 };
      double ys[2] = { region->hole.y0, region->hole.y1 };
      double c = cos (-angle), s = sin (-angle);

      rotated->hole.x0 = rotated->hole.y0 = G_MAXDOUBLE;
      rotated->hole.x1 = rotated->hole.y1 = -G_MAXDOUBLE;
      for (guint i = 0; i < 2; i++)
        for (guint j = 0; j < 2; j++)
          {
            double x = xs[i] * c - ys[j] * s, y = xs[i] * s + ys[j] * c;

            rotated->hole.x0 = MIN (rotated->hole.x0, x);
            rotated->hole.x1 = MAX (rotated->hole.x1, x);
            rotated->hole.y0 = MIN (rotated->hole.y0, y);
            rotated->hole.y1 = MAX (rotated->hole.y1, y);
          }
    }
}

gboolean
cm_wheel_region_contains_point (const CmWheelRegion *region,
                                double               x,
                                double               y)
{
  double r2 = x * x + y * y;

  if (r2 > region->r_max * region->r_max || r2 < region->r_min * region->r_min)
    return FALSE;
  if (region->wedge &&
      (region->u0x * y - region->u0y * x < region->edge_offset ||
       region->u1x * y - region->u1y * x > -region->edge_offset))
    return FALSE;
  if (region->has_hole &&
      x >= region->hole.x0 && x <= region->hole.x1 &&
      y >= region->hole.y0 && y <= region->hole.y1)
    return FALSE;
  return TRUE;
}

/* Both the disc and the wedge are convex, so a box is inside them when its
 * corners are; it stays out of the inner disc when its nearest point does.
 * Distances are compared squared: finding the boxes for a wheel's labels
 * asks this some fifty thousand times. */
gboolean
cm_wheel_region_contains_box (const CmWheelRegion *region,
                              const CmWheelBox    *box)
{
  double corners[4][2] = {
    { box->x0, box->y0 }, { box->x1, box->y0 }, { box->x0, box->y1 }, { box->x1, box->y1 }
  };
  double r_max2 = region->r_max * region->r_max;
  double nx, ny;

  for (guint i = 0; i < 4; i++)
    {
      double x = corners[i][0], y = corners[i][1];

      if (x * x + y * y > r_max2)
        return FALSE;
      if (region->wedge &&
          (region->u0x * y - region->u0y * x < region->edge_offset ||
           region->u1x * y - region->u1y * x > -region->edge_offset))
        return FALSE;
    }

  nx = CLAMP (0.0, box->x0, box->x1);
  ny = CLAMP (0.0, box->y0, box->y1);
  if (region->r_min > 0.0 && nx * nx + ny * ny < region->r_min * region->r_min)
    return FALSE;

  if (region->has_hole &&
      box->x0 < region->hole.x1 && region->hole.x0 < box->x1 &&
      box->y0 < region->hole.y1 && region->hole.y0 < box->y1)
    return FALSE;

  return TRUE;
}

void
cm_wheel_box_init_centred (CmWheelBox *box,
                           double      x,
                           double      y,
                           double      width,
                           double      height)
{
  box->x0 = x - width / 2.0;
  box->x1 = x + width / 2.0;
  box->y0 = y - height / 2.0;
  box->y1 = y + height / 2.0;
}

double
cm_wheel_box_area (const CmWheelBox *box)
{
  return (box->x1 - box->x0) * (box->y1 - box->y0);
}

/* The biggest box of the given aspect (width / height) inside the region,
 * trying a few centres spread over it. */
gboolean
cm_wheel_region_largest_box (const CmWheelRegion *region,
                             double               aspect,
                             CmWheelBox          *best)
{
  static const double fractions[] = { 0.5, 0.3, 0.7 };
  double best_area = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    for (guint j = 0; j < G_N_ELEMENTS (fractions); j++)
      {
        double angle, r, x, y, lo = 0.0, hi = 2.0 * region->r_max;
        CmWheelBox box;

        if (!region->wedge)
          {
            if (i > 0 || j > 0)
              break;
            angle = 0.0;
            r = 0.0;
          }
        else
          {
            angle = region->a0 + (region->a1 - region->a0) * fractions[i];
            r = region->r_min + (region->r_max - region->r_min) * fractions[j];
          }

        x = r * cos (angle);
        y = r * sin (angle);
        if (!cm_wheel_region_contains_point (region, x, y))
          continue;

        for (guint k = 0; k < 16; k++)
          {
            double h = (lo + hi) / 2.0;

            cm_wheel_box_init_centred (&box, x, y, h * aspect, h);
            if (cm_wheel_region_contains_box (region, &box))
              lo = h;
            else
              hi = h;
          }

        if (lo * lo * aspect > best_area)
          {
            best_area = lo * lo * aspect;
            cm_wheel_box_init_centred (best, x, y, lo * aspect, lo);
          }
      }

  return best_area > 0.0;
}

