/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-painter"

#include "config.h"

#include "cm-wheel-painter.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cm-wheel-private.h"

/* The one function that draws the wheel, for the widget and for paper.
 * Status is shown by more than colour: in progress carries a half-filled
 * disc, done a tick, and not applicable is hatched; the current stage has a
 * thicker band and says so under its name.
 *
 * Each segment and its mark are drawn on their own, never in one path with
 * others of the same status: antialiasing then gives a segment the same
 * pixels whatever its neighbours show. That is what lets a widget paint
 * just the segments whose status changed (cm_wheel_painter_draw_changes())
 * and get what painting the whole wheel again would give. */

static void
set_colour (cairo_t            *cr,
            const CmWheelColor *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* An annular sector with its edges moved in by @inset, so that neighbours
 * are parted by an even gap of twice @inset (a negative @inset grows it).
 * Returns FALSE when nothing is left of it. */
static gboolean
sector_path (cairo_t             *cr,
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
      set_colour (tile_cr, fill);
      cairo_paint (tile_cr);
      set_colour (tile_cr, ink);
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
      set_colour (cr, fill);
      cairo_fill_preserve (cr);
      cairo_path_extents (cr, &x0, &y0, &x1, &y1);
      cairo_clip (cr);
      set_colour (cr, ink);
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
static void
fill_status (cairo_t              *cr,
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
      set_colour (cr, &palette->status_fill[status]);
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
  set_colour (cr, &palette->status_mark[status]);
  cairo_set_line_width (cr, size * (status == CM_ACTIVITY_STATUS_DONE ? 0.15 : 0.1));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_mark (cairo_t              *cr,
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
  set_colour (cr, &palette->status_mark[status]);
  cairo_fill (cr);
}

static void
draw_segment_fill (cairo_t               *cr,
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
      sector_path (cr, g->cx, g->cy, &sector, g->gap / 2.0))
    fill_status (cr, palette, item->status, metrics->hatch_spacing);
}

static void
draw_segment_outline (cairo_t               *cr,
                      const CmWheelGeometry *g,
                      const CmWheelPalette  *palette,
                      const CmWheelHit      *hit)
{
  CmWheelSector sector;

  if (palette->outline_width <= 0.0 || palette->outline.alpha <= 0.0)
    return;

  cairo_new_path (cr);
  if (cm_wheel_geometry_get_sector (g, hit, &sector) &&
      sector_path (cr, g->cx, g->cy, &sector, g->gap / 2.0 + palette->outline_width / 2.0))
    {
      set_colour (cr, &palette->outline);
      cairo_set_line_width (cr, palette->outline_width);
      cairo_stroke (cr);
    }
}

static void
draw_segments (cairo_t               *cr,
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

          draw_segment_fill (cr, model, g, metrics, palette, &hit);
        }

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      for (guint i = 0; i < model->items[s][r]->len; i++)
        {
          CmWheelHit hit = { CM_WHEEL_HIT_SEGMENT, (CmStage) s, (CmRing) r, i };

          draw_segment_outline (cr, g, palette, &hit);
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
        any_placeholder |= sector_path (cr, g->cx, g->cy, &sector, inset + 0.5);
      }

  if (any_placeholder)
    {
      faint.alpha *= 0.12;
      set_colour (cr, &faint);
      cairo_fill_preserve (cr);
      cairo_save (cr);
      set_colour (cr, &palette->placeholder);
      cairo_set_line_width (cr, 1.0);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0.0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_new_path (cr);
}

/* Each quadrant is marked by a band outside the wheel; the current stage's
 * band is three times as thick and in the accent colour. */
static void
draw_stage_bands (cairo_t               *cr,
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
          sector_path (cr, g->cx, g->cy, &band, g->gap);
        }
      set_colour (cr, current_pass ? &palette->accent : &palette->stage_band);
      cairo_fill (cr);
    }
}

/* The centre's disc and the track of its progress arc. */
static void
draw_centre_base (cairo_t               *cr,
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
  set_colour (cr, &palette->centre_fill);
  cairo_fill (cr);

  if (track <= 0.0)
    return;

  cairo_set_line_width (cr, metrics->progress_width);
  cairo_new_sub_path (cr);
  cairo_arc (cr, g->cx, g->cy, track, 0.0, 2.0 * G_PI);
  set_colour (cr, &palette->stage_band);
  cairo_stroke (cr);
}

static void
draw_progress_arc (cairo_t               *cr,
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
  set_colour (cr, &palette->progress);
  cairo_stroke (cr);
}

static void
draw_centre (cairo_t               *cr,
             CmWheelModel          *model,
             const CmWheelGeometry *g,
             const CmWheelMetrics  *metrics,
             const CmWheelPalette  *palette)
{
  draw_centre_base (cr, g, metrics, palette);
  draw_progress_arc (cr, model, g, metrics, palette);
}

/* Only done and in progress have a mark. */
static void
draw_label_mark (cairo_t                  *cr,
                 CmWheelModel             *model,
                 const CmWheelPlacedLabel *label,
                 const CmWheelPalette     *palette)
{
  CmWheelItem *item = cm_wheel_model_lookup (model, &label->info.hit);

  if (item != NULL && (item->status == CM_ACTIVITY_STATUS_DONE ||
                       item->status == CM_ACTIVITY_STATUS_IN_PROGRESS))
    draw_mark (cr, palette, item->status, label->info.x, label->info.y, label->info.width);
}

static void
draw_label_text (cairo_t                  *cr,
                 CmWheelModel             *model,
                 const CmWheelPlacedLabel *label,
                 const CmWheelPalette     *palette)
{
  const CmWheelColor *colour = &palette->text;

  switch (label->role)
    {
    case CM_WHEEL_TEXT_STATUS:
      {
        CmWheelItem *item = cm_wheel_model_lookup (model, &label->info.hit);

        if (item != NULL)
          colour = &palette->status_text[item->status];
      }
      break;
    case CM_WHEEL_TEXT_DIM:
      colour = &palette->dim_text;
      break;
    case CM_WHEEL_TEXT_STAGE:
      if (label->info.hit.stage == model->current_stage)
        colour = &palette->accent;
      break;
    case CM_WHEEL_TEXT_NORMAL:
    default:
      break;
    }

  cairo_save (cr);
  set_colour (cr, colour);
  cairo_translate (cr, label->info.x + label->info.width / 2.0,
                   label->info.y + label->info.height / 2.0);
  if (label->info.angle != 0.0)
    cairo_rotate (cr, label->info.angle);
  cairo_move_to (cr, label->text_dx, label->text_dy);
  pango_cairo_show_layout (cr, label->layout);
  cairo_restore (cr);
}

static void
draw_marks (cairo_t              *cr,
            CmWheelModel         *model,
            CmWheelLabelCache    *cache,
            const CmWheelPalette *palette)
{
  for (guint i = 0; i < cache->labels->len; i++)
    {
      CmWheelPlacedLabel *label = &g_array_index (cache->labels, CmWheelPlacedLabel, i);

      if (label->info.kind == CM_WHEEL_LABEL_MARK)
        draw_label_mark (cr, model, label, palette);
    }
}

static void
draw_text (cairo_t              *cr,
           CmWheelModel         *model,
           CmWheelLabelCache    *cache,
           const CmWheelPalette *palette)
{
  for (guint i = 0; i < cache->labels->len; i++)
    {
      CmWheelPlacedLabel *label = &g_array_index (cache->labels, CmWheelPlacedLabel, i);

      if (label->layout != NULL)
        draw_label_text (cr, model, label, palette);
    }
}

static gboolean
prepare (CmWheelModel          *model,
         double                 width,
         double                 height,
         const CmWheelState    *state,
         CmWheelGeometry       *geometry,
         CmWheelMetrics        *metrics)
{
  double base;

  cm_wheel_model_get_geometry (model, width, height, geometry);
  if (geometry->radius < 4.0)
    return FALSE;

  pango_font_description_free (cm_wheel_font_normalise (state->font, &base));
  cm_wheel_metrics_init (metrics, geometry, base);
  return TRUE;
}

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

  if (state == NULL || !prepare (model, width, height, state, &geometry, &metrics))
    return;
  if (palette == NULL)
    palette = cm_wheel_palette_light ();

  cairo_save (cr);
  cairo_new_path (cr);

  if ((state->hover.kind == CM_WHEEL_HIT_SEGMENT ||
       state->hover.kind == CM_WHEEL_HIT_PLACEHOLDER) &&
      cm_wheel_geometry_get_sector (g, &state->hover, &sector) &&
      sector_path (cr, g->cx, g->cy, &sector, g->gap / 2.0))
    {
      set_colour (cr, &palette->hover);
      cairo_fill (cr);
    }

  selected = (state->selected.kind == CM_WHEEL_HIT_SEGMENT ||
              state->selected.kind == CM_WHEEL_HIT_PLACEHOLDER) &&
             cm_wheel_geometry_get_sector (g, &state->selected, &sector);

  /* The selection is stroked inside the segment, so it never covers a
   * neighbour; labels keep clear of it. */
  if (selected && sector_path (cr, g->cx, g->cy, &sector,
                               g->gap / 2.0 + metrics.selection_width / 2.0))
    {
      set_colour (cr, &palette->selection);
      cairo_set_line_width (cr, metrics.selection_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }

  if (state->focus_visible)
    {
      set_colour (cr, &palette->focus);
      cairo_set_line_width (cr, metrics.focus_width);
      if (selected)
        {
          if (sector_path (cr, g->cx, g->cy, &sector,
                           g->gap / 2.0 - 1.0 - metrics.focus_width / 2.0))
            cairo_stroke (cr);
        }
      else
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, g->cx, g->cy, g->band_outer + 1.0 + metrics.focus_width / 2.0,
                     0.0, 2.0 * G_PI);
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}

/**
 * cm_wheel_painter_draw:
 * @cr: where to draw; the wheel fills (0, 0, @width, @height) of its user space
 * @palette: (nullable): the light palette when %NULL
 * @state: (nullable): hover, selection, focus and font; %NULL for none
 *
 * Draws the wheel. Labels are laid out on the first call at a size and
 * kept with @model; do not draw one model from two threads at once.
 */
void
cm_wheel_painter_draw (cairo_t              *cr,
                       CmWheelModel         *model,
                       double                width,
                       double                height,
                       const CmWheelPalette *palette,
                       const CmWheelState   *state)
{
  static const CmWheelState no_state = CM_WHEEL_STATE_INIT;
  CmWheelLabelCache *cache;
  CmWheelGeometry geometry;
  CmWheelMetrics metrics;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (model != NULL);

  if (palette == NULL)
    palette = cm_wheel_palette_light ();
  if (state == NULL)
    state = &no_state;
  if (!prepare (model, width, height, state, &geometry, &metrics))
    return;

  cache = cm_wheel_labels_ensure (model, width, height, state->font);

  cairo_save (cr);
  cairo_new_path (cr);

  if (palette->background.alpha > 0.0)
    {
      set_colour (cr, &palette->background);
      cairo_rectangle (cr, 0.0, 0.0, width, height);
      cairo_fill (cr);
    }

  draw_centre (cr, model, &geometry, &metrics, palette);
  draw_segments (cr, model, &geometry, &metrics, palette);
  draw_stage_bands (cr, model, &geometry, palette);
  draw_marks (cr, model, cache, palette);
  draw_text (cr, model, cache, palette);

  cairo_restore (cr);

  cm_wheel_painter_draw_highlights (cr, model, width, height, palette, state);
}

/* Changes */

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
  if (sector_path (cr, g->cx, g->cy, sector, 0.0))
    {
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      set_colour (cr, &palette->background);
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
  draw_segment_fill (cr, model, g, metrics, palette, hit);
  draw_segment_outline (cr, g, palette, hit);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < cache->labels->len; i++)
      {
        CmWheelPlacedLabel *label = &g_array_index (cache->labels, CmWheelPlacedLabel, i);

        if (!cm_wheel_hit_equal (&label->info.hit, hit))
          continue;
        if (pass == 0 && label->info.kind == CM_WHEEL_LABEL_MARK)
          draw_label_mark (cr, model, label, palette);
        else if (pass == 1 && label->info.kind == CM_WHEEL_LABEL_ACTIVITY && label->layout != NULL)
          draw_label_text (cr, model, label, palette);
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
      draw_centre_base (base_cr, g, metrics, palette);
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
    draw_centre_base (cr, g, metrics, palette);
  draw_progress_arc (cr, model, g, metrics, palette);

  for (guint i = 0; i < cache->labels->len; i++)
    {
      CmWheelPlacedLabel *label = &g_array_index (cache->labels, CmWheelPlacedLabel, i);

      if ((label->info.kind == CM_WHEEL_LABEL_TITLE ||
           label->info.kind == CM_WHEEL_LABEL_PROGRESS) && label->layout != NULL)
        draw_label_text (cr, model, label, palette);
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

  if (!prepare (model, width, height, state, &geometry, &metrics) ||
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

/* Legend */

static void
draw_swatch (cairo_t              *cr,
             const CmWheelPalette *palette,
             CmActivityStatus      status,
             double                x,
             double                y,
             double                width,
             double                height)
{
  double mark = height * 0.9;

  cairo_rectangle (cr, x, y, width, height);
  fill_status (cr, palette, status, MAX (3.0, height / 3.0));

  cairo_rectangle (cr, x + 0.5, y + 0.5, width - 1.0, height - 1.0);
  set_colour (cr, &palette->dim_text);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  draw_mark (cr, palette, status, x + (width - mark) / 2.0, y + (height - mark) / 2.0, mark);
}

/**
 * cm_wheel_painter_draw_legend:
 * @cr: (nullable): where to draw, or %NULL to measure
 * @palette: (nullable): the light palette when %NULL
 * @font: (nullable): sans at 10 pt when %NULL
 */
double
cm_wheel_painter_draw_legend (cairo_t                    *cr,
                              double                      width,
                              const CmWheelPalette       *palette,
                              const PangoFontDescription *font)
{
  PangoContext *context = cm_wheel_pango_context_new ();
  g_autoptr(PangoFontDescription) desc = NULL;
  double base, line, swatch_w, swatch_h, spacing, x = 0.0, y = 0.0, row;
  PangoRectangle logical;

  if (palette == NULL)
    palette = cm_wheel_palette_light ();

  desc = cm_wheel_font_normalise (font, &base);
  {
    g_autoptr(PangoLayout) probe = pango_layout_new (context);

    pango_layout_set_font_description (probe, desc);
    pango_layout_set_text (probe, "Ag", -1);
    pango_layout_get_extents (probe, NULL, &logical);
    line = (double) logical.height / PANGO_SCALE;
  }

  swatch_h = line * 1.1;
  swatch_w = swatch_h * 1.6;
  spacing = line;
  row = MAX (swatch_h, line);

  if (cr != NULL)
    cairo_save (cr);

  for (guint i = 0; i <= CM_N_ACTIVITY_STATUSES; i++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      const char *text;
      double text_w, item_w;

      /* The last entry explains the current stage's band. */
      text = i < CM_N_ACTIVITY_STATUSES ? cm_activity_status_to_label ((CmActivityStatus) i)
                                        : _("Current stage");
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      text_w = (double) logical.width / PANGO_SCALE;
      item_w = swatch_w + line * 0.4 + text_w;

      if (x > 0.0 && x + item_w > width)
        {
          x = 0.0;
          y += row + line * 0.4;
        }

      if (cr != NULL)
        {
          double sy = y + (row - swatch_h) / 2.0;

          if (i < CM_N_ACTIVITY_STATUSES)
            {
              draw_swatch (cr, palette, (CmActivityStatus) i, x, sy, swatch_w, swatch_h);
            }
          else
            {
              cairo_rectangle (cr, x, sy + swatch_h * 0.3, swatch_w, swatch_h * 0.4);
              set_colour (cr, &palette->accent);
              cairo_fill (cr);
            }

          set_colour (cr, &palette->text);
          cairo_move_to (cr, x + swatch_w + line * 0.4 - (double) logical.x / PANGO_SCALE,
                         y + (row - line) / 2.0 - (double) logical.y / PANGO_SCALE);
          pango_cairo_show_layout (cr, layout);
        }

      x += item_w + spacing;
    }

  if (cr != NULL)
    cairo_restore (cr);
  g_object_unref (context);

  return y + row;
}
