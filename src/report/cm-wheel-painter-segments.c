/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-painter-segments"

#include "config.h"

#include "cm-wheel-painter-private.h"

#include <math.h>

/* The wheel's shapes: its segments and their outlines, the placeholders of
 * empty rings, the stage bands round it and the centre's disc and progress
 * arc. */

/* An annular sector with its edges moved in by @inset, so that neighbours
 * are parted by an even gap of twice @inset (a negative @inset grows it).
 * Returns FALSE when nothing is left of it. */
gboolean
cm_wheel_sector_path (cairo_t             *cr,
                      double               cx,
                      double               cy,
                      const CmWheelSector *sector,
                      double               inset)
{
  double ri = sector->inner_radius + inset, ro = sector->outer_radius - inset;
  double a0 = sector->start_angle, a1 = sector->end_angle;
  double d;

  if (ro <= 0.0 || ro <= ri)
    return FALSE;

  if (a1 - a0 >= 2.0 * G_PI - 1e-9)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, ro, 0.0, 2.0 * G_PI);
      if (ri > 0.0)
        {
          cairo_new_sub_path (cr);
          cairo_arc_negative (cr, cx, cy, ri, 2.0 * G_PI, 0.0);
        }
      cairo_close_path (cr);
      return TRUE;
    }

  d = asin (CLAMP (inset / ro, -1.0, 1.0));
  if (a1 - d <= a0 + d)
    return FALSE;

  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, ro, a0 + d, a1 - d);

  if (ri > 0.0 && fabs (inset) < ri &&
      a1 - asin (inset / ri) > a0 + asin (inset / ri))
    {
      d = asin (inset / ri);
      cairo_arc_negative (cr, cx, cy, ri, a1 - d, a0 + d);
    }
  else
    {
      /* The edges meet before the inner arc: end in a point. */
      double half = (a1 - a0) / 2.0;
      double apex = inset > 0.0 ? inset / sin (half) : 0.0;

      cairo_line_to (cr, cx + apex * cos (a0 + half), cy + apex * sin (a0 + half));
    }
  cairo_close_path (cr);
  return TRUE;
}

void
cm_wheel_draw_segment_fill (cairo_t               *cr,
                            CmWheelModel          *model,
                            const CmWheelGeometry *g,
                            const CmWheelMetrics  *metrics,
                            const CmWheelPalette  *palette,
                            const CmWheelHit      *hit)
{
  CmWheelItem *item = cm_wheel_model_lookup (model, hit);
  CmWheelSector sector;

  cairo_new_path (cr);
  if (item != NULL && cm_wheel_geometry_get_sector (g, hit, &sector) &&
      cm_wheel_sector_path (cr, g->cx, g->cy, &sector, g->gap / 2.0))
    cm_wheel_fill_status (cr, palette, item->status, metrics->hatch_spacing);
}

void
cm_wheel_draw_segment_outline (cairo_t               *cr,
                               const CmWheelGeometry *g,
                               const CmWheelPalette  *palette,
                               const CmWheelHit      *hit)
{
  CmWheelSector sector;

  if (palette->outline_width <= 0.0 || palette->outline.alpha <= 0.0)
    return;

  cairo_new_path (cr);
  if (cm_wheel_geometry_get_sector (g, hit, &sector) &&
      cm_wheel_sector_path (cr, g->cx, g->cy, &sector,
                            g->gap / 2.0 + palette->outline_width / 2.0))
    {
      cm_wheel_set_colour (cr, &palette->outline);
      cairo_set_line_width (cr, palette->outline_width);
      cairo_stroke (cr);
    }
}

void
cm_wheel_draw_segments (cairo_t               *cr,
                        CmWheelModel          *model,
                        const CmWheelGeometry *g,
                        const CmWheelMetrics  *metrics,
                        const CmWheelPalette  *palette)
{
  static const double dashes[] = { 4.0, 3.0 };
  double inset = g->gap / 2.0;
  gboolean any_placeholder = FALSE;
  CmWheelColor faint = palette->placeholder;
  CmWheelSector sector;

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      for (guint i = 0; i < model->items[s][r]->len; i++)
        {
          CmWheelHit hit = { CM_WHEEL_HIT_SEGMENT, (CmStage) s, (CmRing) r, i };

          cm_wheel_draw_segment_fill (cr, model, g, metrics, palette, &hit);
        }

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      for (guint i = 0; i < model->items[s][r]->len; i++)
        {
          CmWheelHit hit = { CM_WHEEL_HIT_SEGMENT, (CmStage) s, (CmRing) r, i };

          cm_wheel_draw_segment_outline (cr, g, palette, &hit);
        }

  /* Placeholders do not change with any status: one path for all. */
  cairo_new_path (cr);
  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      {
        CmWheelHit hit = { CM_WHEEL_HIT_PLACEHOLDER, (CmStage) s, (CmRing) r, 0 };

        if (model->items[s][r]->len > 0)
          continue;
        cm_wheel_geometry_get_sector (g, &hit, &sector);
        any_placeholder |= cm_wheel_sector_path (cr, g->cx, g->cy, &sector, inset + 0.5);
      }

  if (any_placeholder)
    {
      faint.alpha *= 0.12;
      cm_wheel_set_colour (cr, &faint);
      cairo_fill_preserve (cr);
      cairo_save (cr);
      cm_wheel_set_colour (cr, &palette->placeholder);
      cairo_set_line_width (cr, 1.0);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0.0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_new_path (cr);
}

/* Each quadrant is marked by a band outside the wheel; the current stage's
 * band is three times as thick and in the accent colour. */
void
cm_wheel_draw_stage_bands (cairo_t               *cr,
                           CmWheelModel          *model,
                           const CmWheelGeometry *g,
                           const CmWheelPalette  *palette)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean current_pass = pass == 1;

      cairo_new_path (cr);
      for (guint s = 0; s < CM_N_STAGES; s++)
        {
          gboolean current = (CmStage) s == model->current_stage;
          CmWheelSector band;

          if (current != current_pass)
            continue;

          cm_wheel_geometry_stage_angles ((CmStage) s, &band.start_angle, &band.end_angle);
          band.inner_radius = g->band_inner;
          band.outer_radius = current ? g->band_outer
                                      : g->band_inner + (g->band_outer - g->band_inner) / 3.0;

          /* Grow it by the inset first: only the ends move in. */
          band.inner_radius -= g->gap;
          band.outer_radius += g->gap;
          cm_wheel_sector_path (cr, g->cx, g->cy, &band, g->gap);
        }
      cm_wheel_set_colour (cr, current_pass ? &palette->accent : &palette->stage_band);
      cairo_fill (cr);
    }
}

/* The centre's disc and the track of its progress arc. */
void
cm_wheel_draw_centre_base (cairo_t               *cr,
                           const CmWheelGeometry *g,
                           const CmWheelMetrics  *metrics,
                           const CmWheelPalette  *palette)
{
  double r = g->centre_radius - g->gap / 2.0;
  double track = r - metrics->progress_width / 2.0;

  if (r <= 0.0)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, g->cx, g->cy, r, 0.0, 2.0 * G_PI);
  cm_wheel_set_colour (cr, &palette->centre_fill);
  cairo_fill (cr);

  if (track <= 0.0)
    return;

  cairo_set_line_width (cr, metrics->progress_width);
  cairo_new_sub_path (cr);
  cairo_arc (cr, g->cx, g->cy, track, 0.0, 2.0 * G_PI);
  cm_wheel_set_colour (cr, &palette->stage_band);
  cairo_stroke (cr);
}

void
cm_wheel_draw_progress_arc (cairo_t               *cr,
                            CmWheelModel          *model,
                            const CmWheelGeometry *g,
                            const CmWheelMetrics  *metrics,
                            const CmWheelPalette  *palette)
{
  double track = g->centre_radius - g->gap / 2.0 - metrics->progress_width / 2.0;
  double fraction;

  if (track <= 0.0 || model->n_counted == 0 || model->n_done == 0)
    return;

  fraction = (double) model->n_done / model->n_counted;
  cairo_set_line_width (cr, metrics->progress_width);
  cairo_new_sub_path (cr);
  cairo_arc (cr, g->cx, g->cy, track, -G_PI / 2.0, -G_PI / 2.0 + 2.0 * G_PI * fraction);
  cm_wheel_set_colour (cr, &palette->progress);
  cairo_stroke (cr);
}

void
cm_wheel_draw_centre (cairo_t               *cr,
                      CmWheelModel          *model,
                      const CmWheelGeometry *g,
                      const CmWheelMetrics  *metrics,
                      const CmWheelPalette  *palette)
{
  cm_wheel_draw_centre_base (cr, g, metrics, palette);
  cm_wheel_draw_progress_arc (cr, model, g, metrics, palette);
}
