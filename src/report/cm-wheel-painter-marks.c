/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-painter-marks"

#include "config.h"

#include "cm-wheel-painter-private.h"

#include <math.h>

/* Colours, patterns and marks: the fill of each status (hatched where not
 * applicable) and the marks for done and in progress, shared by the wheel
 * and its legend. */

void
cm_wheel_set_colour (cairo_t            *cr,
                     const CmWheelColor *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* Fills the current path (and clears it) with @fill hatched in @ink. On a
 * raster target that is one fill with a repeating tile that holds both;
 * elsewhere (PDF) it stays vector: lines clipped to the path. */
static void
hatch_path (cairo_t            *cr,
            const CmWheelColor *fill,
            const CmWheelColor *ink,
            double              spacing)
{
  double line = MAX (0.75, spacing * 0.2);

  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      double ux = 1.0, uy = 0.0, scale, n;
      cairo_surface_t *tile;
      cairo_pattern_t *pattern;
      cairo_matrix_t matrix;
      cairo_t *tile_cr;
      int size;

      /* A tile of whole device pixels, drawn pixel for pixel: the fast
       * path for a repeating pattern. */
      cairo_user_to_device_distance (cr, &ux, &uy);
      scale = MAX (hypot (ux, uy), 0.01);
      size = MAX (2, (int) round (spacing * scale));
      n = size;

      tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      tile_cr = cairo_create (tile);
      cm_wheel_set_colour (tile_cr, fill);
      cairo_paint (tile_cr);
      cm_wheel_set_colour (tile_cr, ink);
      cairo_set_line_width (tile_cr, line * scale);
      cairo_move_to (tile_cr, -n / 2.0, n / 2.0);
      cairo_line_to (tile_cr, n / 2.0, -n / 2.0);
      cairo_move_to (tile_cr, 0.0, n);
      cairo_line_to (tile_cr, n, 0.0);
      cairo_move_to (tile_cr, n / 2.0, 1.5 * n);
      cairo_line_to (tile_cr, 1.5 * n, n / 2.0);
      cairo_stroke (tile_cr);
      cairo_destroy (tile_cr);

      pattern = cairo_pattern_create_for_surface (tile);
      cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
      cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
      cairo_matrix_init_scale (&matrix, scale, scale);
      cairo_pattern_set_matrix (pattern, &matrix);
      cairo_set_source (cr, pattern);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
      cairo_surface_destroy (tile);
    }
  else
    {
      double x0, y0, x1, y1;

      cairo_save (cr);
      cm_wheel_set_colour (cr, fill);
      cairo_fill_preserve (cr);
      cairo_path_extents (cr, &x0, &y0, &x1, &y1);
      cairo_clip (cr);
      cm_wheel_set_colour (cr, ink);
      cairo_set_line_width (cr, line);
      for (double t = x0 - (y1 - y0); t < x1; t += spacing)
        {
          cairo_move_to (cr, t, y1);
          cairo_line_to (cr, t + (y1 - y0), y0);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* Fills the current path in the status's style, and clears it. */
void
cm_wheel_fill_status (cairo_t              *cr,
                      const CmWheelPalette *palette,
                      CmActivityStatus      status,
                      double                hatch_spacing)
{
  if (status == CM_ACTIVITY_STATUS_NOT_APPLICABLE)
    {
      hatch_path (cr, &palette->status_fill[status], &palette->status_mark[status],
                  hatch_spacing);
    }
  else
    {
      cm_wheel_set_colour (cr, &palette->status_fill[status]);
      cairo_fill (cr);
    }
}

/* Adds a mark, centred in a square of side @size, to the path: a done
 * tick (to stroke), or an in-progress ring (to stroke) or its filled left
 * half (@solid). */
static void
mark_path (cairo_t          *cr,
           CmActivityStatus  status,
           gboolean          solid,
           double            x,
           double            y,
           double            size)
{
  double cx = x + size / 2.0, cy = y + size / 2.0;

  switch (status)
    {
    case CM_ACTIVITY_STATUS_DONE:
      if (solid)
        break;
      cairo_move_to (cr, cx - size * 0.32, cy + size * 0.02);
      cairo_line_to (cr, cx - size * 0.1, cy + size * 0.25);
      cairo_line_to (cr, cx + size * 0.34, cy - size * 0.25);
      break;

    case CM_ACTIVITY_STATUS_IN_PROGRESS:
      cairo_new_sub_path (cr);
      if (solid)
        {
          cairo_arc (cr, cx, cy, size * 0.37, G_PI / 2.0, 3.0 * G_PI / 2.0);
          cairo_close_path (cr);
        }
      else
        {
          cairo_arc (cr, cx, cy, size * 0.37, 0.0, 2.0 * G_PI);
        }
      break;

    case CM_ACTIVITY_STATUS_NOT_STARTED:
    case CM_ACTIVITY_STATUS_NOT_APPLICABLE:
    default:
      break;
    }
}

static void
stroke_marks (cairo_t              *cr,
              const CmWheelPalette *palette,
              CmActivityStatus      status,
              double                size)
{
  cairo_save (cr);
  cm_wheel_set_colour (cr, &palette->status_mark[status]);
  cairo_set_line_width (cr, size * (status == CM_ACTIVITY_STATUS_DONE ? 0.15 : 0.1));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
cm_wheel_draw_mark (cairo_t              *cr,
                    const CmWheelPalette *palette,
                    CmActivityStatus      status,
                    double                x,
                    double                y,
                    double                size)
{
  cairo_new_path (cr);
  mark_path (cr, status, FALSE, x, y, size);
  stroke_marks (cr, palette, status, size);
  mark_path (cr, status, TRUE, x, y, size);
  cm_wheel_set_colour (cr, &palette->status_mark[status]);
  cairo_fill (cr);
}
