/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-focus-ring"

#include "config.h"

#include "cm-wheel-focus-ring.h"

#include <math.h>

/* The focus ring round the whole wheel, as a circle of @line_width about
 * (@cx, @cy) at @radius.
 *
 * A renderer on the GPU draws it as a border node for next to nothing. The
 * cairo renderer would rasterise a circle the size of the wheel for it on
 * every frame, a millisecond at 1000 px; so for that renderer the ring is
 * drawn once into an alpha mask and each frame only lays the colour through
 * it, within the squares the ring crosses. */

#define CELL 32  /* device pixels */

struct _CmWheelFocusRing
{
  cairo_surface_t *mask;       /* the ring, A8, in device pixels */
  cairo_region_t  *cells;      /* the parts of @mask the ring crosses */
  double           x, y;       /* where @mask goes, in widget units */
  double           cx, cy, radius, line_width;
  int              scale;
};

CmWheelFocusRing *
cm_wheel_focus_ring_new (void)
{
  return g_new0 (CmWheelFocusRing, 1);
}

void
cm_wheel_focus_ring_free (CmWheelFocusRing *self)
{
  g_clear_pointer (&self->mask, cairo_surface_destroy);
  g_clear_pointer (&self->cells, cairo_region_destroy);
  g_free (self);
}

/* Whether the square of side CELL at (@x, @y) meets the annulus between
 * @r0 and @r1 about (@cx, @cy). */
static gboolean
cell_meets_ring (double x,
                 double y,
                 double cx,
                 double cy,
                 double r0,
                 double r1)
{
  double nx = CLAMP (cx, x, x + CELL) - cx, ny = CLAMP (cy, y, y + CELL) - cy;
  double fx = MAX (fabs (x - cx), fabs (x + CELL - cx));
  double fy = MAX (fabs (y - cy), fabs (y + CELL - cy));

  return nx * nx + ny * ny <= r1 * r1 && fx * fx + fy * fy >= r0 * r0;
}

/* Draws the ring into a mask placed on whole device pixels, so that laying
 * it down is a copy, not a resampling. */
static void
draw_mask (CmWheelFocusRing *self)
{
  double outer = self->radius + self->line_width / 2.0 + 1.0;
  int left = (int) floor ((self->cx - outer) * self->scale);
  int top = (int) floor ((self->cy - outer) * self->scale);
  int width = (int) ceil ((self->cx + outer) * self->scale) - left;
  int height = (int) ceil ((self->cy + outer) * self->scale) - top;
  double ccx = self->cx * self->scale - left, ccy = self->cy * self->scale - top;
  double r0 = (self->radius - self->line_width / 2.0 - 1.0) * self->scale;
  double r1 = outer * self->scale;
  cairo_t *cr;

  g_clear_pointer (&self->mask, cairo_surface_destroy);
  g_clear_pointer (&self->cells, cairo_region_destroy);

  self->x = (double) left / self->scale;
  self->y = (double) top / self->scale;
  self->mask = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  cairo_surface_set_device_scale (self->mask, self->scale, self->scale);
  cr = cairo_create (self->mask);
  cairo_arc (cr, self->cx - self->x, self->cy - self->y, self->radius, 0.0, 2.0 * G_PI);
  cairo_set_line_width (cr, self->line_width);
  cairo_stroke (cr);
  cairo_destroy (cr);

  self->cells = cairo_region_create ();
  for (int y = 0; y < height; y += CELL)
    for (int x = 0; x < width; x += CELL)
      if (cell_meets_ring (x, y, ccx, ccy, r0, r1))
        cairo_region_union_rectangle (self->cells,
                                      &(cairo_rectangle_int_t) { x, y, MIN (CELL, width - x),
                                                                 MIN (CELL, height - y) });
}

/* A node for each square the ring crosses: the cairo renderer draws a
 * cairo node by first playing it back into an image the size of its
 * bounds. */
static void
append_cells (CmWheelFocusRing *self,
              GtkSnapshot      *snapshot,
              const GdkRGBA    *colour,
              int               scale,
              cairo_filter_t    filter)
{
  int n_rects = cairo_region_num_rectangles (self->cells);

  for (int i = 0; i < n_rects; i++)
    {
      cairo_rectangle_int_t rect;
      cairo_t *cr;

      cairo_region_get_rectangle (self->cells, i, &rect);
      cr = gtk_snapshot_append_cairo (snapshot,
                                      &GRAPHENE_RECT_INIT (self->x + (float) rect.x / scale,
                                                           self->y + (float) rect.y / scale,
                                                           (float) rect.width / scale,
                                                           (float) rect.height / scale));
      cairo_pattern_t *mask = cairo_pattern_create_for_surface (self->mask);
      cairo_matrix_t matrix;

      cairo_matrix_init_translate (&matrix, -self->x, -self->y);
      cairo_pattern_set_matrix (mask, &matrix);
      cairo_pattern_set_filter (mask, filter);
      gdk_cairo_set_source_rgba (cr, colour);
      cairo_mask (cr, mask);
      cairo_pattern_destroy (mask);
      cairo_destroy (cr);
    }
}

void
cm_wheel_focus_ring_append (CmWheelFocusRing *self,
                            GtkSnapshot      *snapshot,
                            GskRenderer      *renderer,
                            double            cx,
                            double            cy,
                            double            radius,
                            double            line_width,
                            const GdkRGBA    *colour,
                            int               scale,
                            gboolean          resizing)
{
  if (renderer != NULL && !GSK_IS_CAIRO_RENDERER (renderer))
    {
      double outer = radius + line_width / 2.0;
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (cx - outer, cy - outer,
                                                            2.0 * outer, 2.0 * outer),
                                       outer);
      gtk_snapshot_append_border (snapshot, &outline,
                                  (float[4]) { line_width, line_width, line_width, line_width },
                                  (GdkRGBA[4]) { *colour, *colour, *colour, *colour });
      return;
    }

  /* While the window is being resized, the last ring is drawn scaled, as
   * the wheel's image is; it is drawn afresh once the size holds still. */
  if (resizing && self->mask != NULL && self->scale == scale && self->radius > 0.0 &&
      (self->cx != cx || self->cy != cy || self->radius != radius))
    {
      double factor = radius / self->radius;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
      gtk_snapshot_scale (snapshot, factor, factor);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-self->cx, -self->cy));
      append_cells (self, snapshot, colour, scale, CAIRO_FILTER_FAST);
      gtk_snapshot_restore (snapshot);
      return;
    }

  if (self->mask == NULL || self->cx != cx || self->cy != cy || self->radius != radius ||
      self->line_width != line_width || self->scale != scale)
    {
      self->cx = cx;
      self->cy = cy;
      self->radius = radius;
      self->line_width = line_width;
      self->scale = scale;
      draw_mask (self);
    }

  append_cells (self, snapshot, colour, scale, CAIRO_FILTER_GOOD);
}
