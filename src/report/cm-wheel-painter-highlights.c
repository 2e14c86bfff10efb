/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-painter-highlights"

#include "config.h"

#include "cm-wheel-painter-private.h"

/* The highlights, drawn over the wheel and apart from it so that a widget
 * can keep the rest of the wheel as an image. */

/**
 * cm_wheel_painter_draw_highlights:
 *
 * Draws only what follows the viewer: the hover, the selection and the
 * focus ring. cm_wheel_painter_draw() ends with this; a widget that keeps
 * the rest of the wheel as an image can draw just this over it.
 */
void
cm_wheel_painter_draw_highlights (cairo_t              *cr,
                                  CmWheelModel         *model,
                                  double                width,
                                  double                height,
                                  const CmWheelPalette *palette,
                                  const CmWheelState   *state)
{
  CmWheelGeometry geometry;
  CmWheelMetrics metrics;
  const CmWheelGeometry *g = &geometry;
  CmWheelSector sector;
  gboolean selected;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (model != NULL);

  if (state == NULL ||
      !cm_wheel_painter_prepare (model, width, height, state, &geometry, &metrics))
    return;
  if (palette == NULL)
    palette = cm_wheel_palette_light ();

  cairo_save (cr);
  cairo_new_path (cr);

  if ((state->hover.kind == CM_WHEEL_HIT_SEGMENT ||
       state->hover.kind == CM_WHEEL_HIT_PLACEHOLDER) &&
      cm_wheel_geometry_get_sector (g, &state->hover, &sector) &&
      cm_wheel_sector_path (cr, g->cx, g->cy, &sector, g->gap / 2.0))
    {
      cm_wheel_set_colour (cr, &palette->hover);
      cairo_fill (cr);
    }

  selected = (state->selected.kind == CM_WHEEL_HIT_SEGMENT ||
              state->selected.kind == CM_WHEEL_HIT_PLACEHOLDER) &&
             cm_wheel_geometry_get_sector (g, &state->selected, &sector);

  /* The selection is stroked inside the segment, so it never covers a
   * neighbour; labels keep clear of it. */
  if (selected && cm_wheel_sector_path (cr, g->cx, g->cy, &sector,
                                        g->gap / 2.0 + metrics.selection_width / 2.0))
    {
      cm_wheel_set_colour (cr, &palette->selection);
      cairo_set_line_width (cr, metrics.selection_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }

  if (state->focus_visible)
    {
      cm_wheel_set_colour (cr, &palette->focus);
      cairo_set_line_width (cr, metrics.focus_width);
      if (selected)
        {
          if (cm_wheel_sector_path (cr, g->cx, g->cy, &sector,
                                    g->gap / 2.0 - 1.0 - metrics.focus_width / 2.0))
            cairo_stroke (cr);
        }
      else
        {
          double cx, cy, radius, line_width;

          cm_wheel_painter_get_focus_ring (model, width, height, state, &cx, &cy, &radius,
                                           &line_width);
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx, cy, radius, 0.0, 2.0 * G_PI);
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}

/**
 * cm_wheel_painter_get_focus_ring:
 *
 * Where cm_wheel_painter_draw_highlights() puts the focus ring round the
 * whole wheel (when focus is shown and nothing is selected): a circle about
 * (@cx, @cy) of @radius, stroked @line_width wide in the palette's focus
 * colour. A widget can draw the same ring its own way. Returns %FALSE when
 * the wheel is too small to draw.
 */
gboolean
cm_wheel_painter_get_focus_ring (CmWheelModel       *model,
                                 double              width,
                                 double              height,
                                 const CmWheelState *state,
                                 double             *cx,
                                 double             *cy,
                                 double             *radius,
                                 double             *line_width)
{
  CmWheelGeometry geometry;
  CmWheelMetrics metrics;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!cm_wheel_painter_prepare (model, width, height, state, &geometry, &metrics))
    return FALSE;

  *cx = geometry.cx;
  *cy = geometry.cy;
  *radius = geometry.band_outer + 1.0 + metrics.focus_width / 2.0;
  *line_width = metrics.focus_width;
  return TRUE;
}
