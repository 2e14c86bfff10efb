/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-painter-changes"

#include "config.h"

#include "cm-wheel-painter-private.h"

#include <math.h>

/* Painting again only what changed between two models of one layout: the
 * segments whose status changed and, when need be, the centre. */

/* Lays the background (clear, in most palettes) over the pixels whose
 * centres lie in @sector, and leaves all others alone: whatever is drawn
 * keeps more than a pixel clear of the edges of its own sector. */
static void
erase_sector (cairo_t               *cr,
              const CmWheelGeometry *g,
              const CmWheelSector   *sector,
              const CmWheelPalette  *palette)
{
  cairo_save (cr);
  cairo_new_path (cr);
  if (cm_wheel_sector_path (cr, g->cx, g->cy, sector, 0.0))
    {
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cm_wheel_set_colour (cr, &palette->background);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
add_damage (cairo_region_t        *damage,
            const CmWheelGeometry *g,
            const CmWheelSector   *sector)
{
  cairo_rectangle_int_t rect;
  double x, y, w, h;

  if (damage == NULL)
    return;

  cm_wheel_geometry_sector_bounds (g, sector, &x, &y, &w, &h);
  rect.x = (int) floor (x) - 1;
  rect.y = (int) floor (y) - 1;
  rect.width = (int) ceil (x + w) + 1 - rect.x;
  rect.height = (int) ceil (y + h) + 1 - rect.y;
  cairo_region_union_rectangle (damage, &rect);
}

/* A segment, its mark and its text, in the order the whole wheel has them. */
static void
redraw_segment (cairo_t               *cr,
                CmWheelModel          *model,
                CmWheelLabelCache     *cache,
                const CmWheelGeometry *g,
                const CmWheelMetrics  *metrics,
                const CmWheelPalette  *palette,
                const CmWheelHit      *hit)
{
  cm_wheel_draw_segment_fill (cr, model, g, metrics, palette, hit);
  cm_wheel_draw_segment_outline (cr, g, palette, hit);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < cache->labels->len; i++)
      {
        CmWheelPlacedLabel *label = &g_array_index (cache->labels, CmWheelPlacedLabel, i);

        if (!cm_wheel_hit_equal (&label->info.hit, hit))
          continue;
        if (pass == 0 && label->info.kind == CM_WHEEL_LABEL_MARK)
          cm_wheel_draw_label_mark (cr, model, label, palette);
        else if (pass == 1 && label->info.kind == CM_WHEEL_LABEL_ACTIVITY && label->layout != NULL)
          cm_wheel_draw_label_text (cr, model, label, palette);
      }
}

/* Lays the centre's disc and track back from pixels kept with the layout,
 * painting them first if need be: over a clear background, in whole device
 * pixels, that gives the very pixels that drawing them would. Returns FALSE
 * where it would not, to have them drawn. */
static gboolean
paint_centre_base (cairo_t               *cr,
                   CmWheelLabelCache     *cache,
                   const CmWheelGeometry *g,
                   const CmWheelMetrics  *metrics,
                   const CmWheelPalette  *palette)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double scale, scale_y, offset_x, offset_y;
  cairo_matrix_t matrix;
  int x0, y0, x1, y1;

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (target, &scale, &scale_y);
  cairo_surface_get_device_offset (target, &offset_x, &offset_y);
  if (palette->background.alpha > 0.0 ||
      cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      matrix.xx != 1.0 || matrix.yx != 0.0 || matrix.xy != 0.0 || matrix.yy != 1.0 ||
      matrix.x0 != 0.0 || matrix.y0 != 0.0 || offset_x != 0.0 || offset_y != 0.0 ||
      scale != scale_y || scale != floor (scale) || scale < 1.0)
    return FALSE;

  /* Whole units round the disc. */
  x0 = (int) floor (g->cx - g->centre_radius) - 1;
  y0 = (int) floor (g->cy - g->centre_radius) - 1;
  x1 = (int) ceil (g->cx + g->centre_radius) + 1;
  y1 = (int) ceil (g->cy + g->centre_radius) + 1;

  if (cache->centre_base == NULL || cache->centre_base_palette != palette ||
      cache->centre_base_scale != scale)
    {
      cairo_t *base_cr;

      g_clear_pointer (&cache->centre_base, cairo_surface_destroy);
      cache->centre_base = cairo_surface_create_similar_image (target, CAIRO_FORMAT_ARGB32,
                                                               (x1 - x0) * scale,
                                                               (y1 - y0) * scale);
      cairo_surface_set_device_scale (cache->centre_base, scale, scale);
      cairo_surface_set_device_offset (cache->centre_base, -x0 * scale, -y0 * scale);
      cache->centre_base_palette = palette;
      cache->centre_base_scale = scale;

      base_cr = cairo_create (cache->centre_base);
      cm_wheel_draw_centre_base (base_cr, g, metrics, palette);
      cairo_destroy (base_cr);
    }

  cairo_save (cr);
  cairo_set_source_surface (cr, cache->centre_base, 0.0, 0.0);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_fill (cr);
  cairo_restore (cr);
  return TRUE;
}

static void
redraw_centre (cairo_t               *cr,
               CmWheelModel          *model,
               CmWheelLabelCache     *cache,
               const CmWheelGeometry *g,
               const CmWheelMetrics  *metrics,
               const CmWheelPalette  *palette)
{
  if (!paint_centre_base (cr, cache, g, metrics, palette))
    cm_wheel_draw_centre_base (cr, g, metrics, palette);
  cm_wheel_draw_progress_arc (cr, model, g, metrics, palette);

  for (guint i = 0; i < cache->labels->len; i++)
    {
      CmWheelPlacedLabel *label = &g_array_index (cache->labels, CmWheelPlacedLabel, i);

      if ((label->info.kind == CM_WHEEL_LABEL_TITLE ||
           label->info.kind == CM_WHEEL_LABEL_PROGRESS) && label->layout != NULL)
        cm_wheel_draw_label_text (cr, model, label, palette);
    }
}

/**
 * cm_wheel_painter_draw_changes:
 * @cr: whose target holds only the wheel as cm_wheel_painter_draw() painted
 *   @previous onto a clear surface, at the same size and with the same
 *   palette and font, without highlights
 * @model: a model that took over @previous's layout with
 *   cm_wheel_model_reuse_layout()
 * @previous: the model the target shows
 * @palette: (nullable): as for cm_wheel_painter_draw()
 * @state: (nullable): as for cm_wheel_painter_draw(); only its font counts
 * @damage: (nullable): where to add the rectangles painted, in whole units
 *
 * Paints again only what differs for @model: the segments whose status
 * changed and, when the title or progress changed, the centre. The target is
 * left with the same pixels as painting all of @model would give, for a
 * fraction of the cost. Only for raster targets, such as a widget's image.
 *
 * Returns: %FALSE, having drawn nothing, when the two are laid out apart or
 *   the wheel is too small for its parts to be told apart by pixel: paint
 *   all of it again
 */
gboolean
cm_wheel_painter_draw_changes (cairo_t              *cr,
                               CmWheelModel         *model,
                               CmWheelModel         *previous,
                               double                width,
                               double                height,
                               const CmWheelPalette *palette,
                               const CmWheelState   *state,
                               cairo_region_t       *damage)
{
  static const CmWheelState no_state = CM_WHEEL_STATE_INIT;
  CmWheelLabelCache *cache;
  CmWheelGeometry geometry;
  CmWheelMetrics metrics;
  CmWheelSector sector;
  double dx, dy;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (previous != NULL, FALSE);

  if (palette == NULL)
    palette = cm_wheel_palette_light ();
  if (state == NULL)
    state = &no_state;
  if (model == previous)
    return TRUE;

  if (!cm_wheel_painter_prepare (model, width, height, state, &geometry, &metrics) ||
      model->current_stage != previous->current_stage ||
      model->cache == NULL || previous->cache == NULL ||
      model->cache->serial != previous->cache->serial ||
      !cm_wheel_label_cache_matches (previous->cache, width, height, state->font))
    return FALSE;

  /* Neighbours are told apart by the pixels whose centres lie on either
   * side of the line between them: the gap must be wider than a pixel's
   * diagonal. */
  dx = geometry.gap;
  dy = 0.0;
  cairo_user_to_device_distance (cr, &dx, &dy);
  if (hypot (dx, dy) < 2.0)
    return FALSE;

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      if (model->items[s][r]->len != previous->items[s][r]->len)
        return FALSE;

  /* Lays the centre out again, if that is still to do. */
  cache = cm_wheel_labels_ensure (model, width, height, state->font);
  if (cache->serial != previous->cache->serial)
    return FALSE;

  cairo_save (cr);

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      for (guint i = 0; i < model->items[s][r]->len; i++)
        {
          CmWheelItem *item = g_ptr_array_index (model->items[s][r], i);
          CmWheelItem *old_item = g_ptr_array_index (previous->items[s][r], i);
          CmWheelHit hit = { CM_WHEEL_HIT_SEGMENT, (CmStage) s, (CmRing) r, i };

          if (item->status == old_item->status ||
              !cm_wheel_geometry_get_sector (&geometry, &hit, &sector))
            continue;

          erase_sector (cr, &geometry, &sector, palette);
          redraw_segment (cr, model, cache, &geometry, &metrics, palette, &hit);
          add_damage (damage, &geometry, &sector);
        }

  if (model->n_done != previous->n_done || model->n_counted != previous->n_counted ||
      !g_str_equal (model->title, previous->title))
    {
      CmWheelHit centre = { CM_WHEEL_HIT_CENTRE, CM_STAGE_NONE, CM_RING_COMMISSIONING, 0 };

      cm_wheel_geometry_get_sector (&geometry, &centre, &sector);
      erase_sector (cr, &geometry, &sector, palette);
      redraw_centre (cr, model, cache, &geometry, &metrics, palette);
      add_damage (damage, &geometry, &sector);
    }

  cairo_restore (cr);
  return TRUE;
}
