/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-layout"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cm-wheel-private.h"

/* The label layout kept with each model: built on the first draw at a size,
 * taken over by the next model when only statuses changed, and open to
 * questions (where are the labels, where is a segment's plain fill). */

#define DEFAULT_FONT_PX (10.0 * 96.0 / 72.0)

static int last_serial;

static void
clear_placed_label (gpointer data)
{
  CmWheelPlacedLabel *label = data;

  g_clear_object (&label->layout);
}

static GArray *
new_label_array (void)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (CmWheelPlacedLabel));

  g_array_set_clear_func (labels, clear_placed_label);
  return labels;
}

void
cm_wheel_label_cache_free (CmWheelLabelCache *cache)
{
  if (cache == NULL)
    return;
  g_free (cache->font_key);
  g_clear_object (&cache->context);
  g_clear_pointer (&cache->labels, g_array_unref);
  g_clear_pointer (&cache->fits, g_hash_table_unref);
  g_clear_pointer (&cache->previous_fits, g_hash_table_unref);
  g_clear_pointer (&cache->centre_base, cairo_surface_destroy);
  g_free (cache);
}

void
cm_wheel_metrics_init (CmWheelMetrics        *metrics,
                       const CmWheelGeometry *geometry,
                       double                 base_size)
{
  double r = geometry->radius;

  metrics->selection_width = CLAMP (r * 0.01, 1.5, 4.0);
  metrics->focus_width = CLAMP (r * 0.008, 1.5, 3.0);
  metrics->progress_width = CLAMP (r * 0.02, 1.5, 8.0);
  metrics->pad = metrics->selection_width + MAX (1.0, base_size * 0.1);
  metrics->hatch_spacing = CLAMP (r * 0.022, 3.0, 10.0);
}

/* Unhinted metrics at 72 units to the inch: one font unit is one unit of
 * user space, on screen and on paper alike. */
PangoContext *
cm_wheel_pango_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

/* A copy of @font at an absolute size; a size in points is taken at
 * 96 dots to the inch, as on screen. */
PangoFontDescription *
cm_wheel_font_normalise (const PangoFontDescription *font,
                         double                     *base_size)
{
  PangoFontDescription *desc;
  double size = 0.0;

  if (font != NULL)
    {
      desc = pango_font_description_copy (font);
      size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (font))
        size *= 96.0 / 72.0;
    }
  else
    {
      desc = pango_font_description_new ();
    }

  if (pango_font_description_get_family (desc) == NULL)
    pango_font_description_set_family (desc, "Sans");
  if (size <= 0.0)
    size = DEFAULT_FONT_PX;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (base_size != NULL)
    *base_size = size;
  return desc;
}

static gboolean
is_centre_label (const CmWheelPlacedLabel *label)
{
  return label->info.kind == CM_WHEEL_LABEL_TITLE || label->info.kind == CM_WHEEL_LABEL_PROGRESS;
}

static char *
font_key (const PangoFontDescription *font)
{
  return font != NULL ? pango_font_description_to_string (font) : g_strdup ("");
}

/* Whether @cache was laid out for this size and font. */
gboolean
cm_wheel_label_cache_matches (const CmWheelLabelCache    *cache,
                              double                      width,
                              double                      height,
                              const PangoFontDescription *font)
{
  g_autofree char *key = NULL;

  if (cache == NULL || cache->width != width || cache->height != height)
    return FALSE;
  key = font_key (font);
  return g_str_equal (cache->font_key, key);
}

CmWheelLabelCache *
cm_wheel_labels_ensure (CmWheelModel               *model,
                        double                      width,
                        double                      height,
                        const PangoFontDescription *font)
{
  g_autofree char *key = font_key (font);
  CmWheelLabelCache *cache = model->cache;

  if (cache != NULL && cache->width == width && cache->height == height &&
      g_str_equal (cache->font_key, key))
    {
      if (cache->centre_stale)
        {
          cm_wheel_labels_build (model, cache, font, TRUE);
          cache->centre_stale = FALSE;
        }
      return cache;
    }

  g_clear_pointer (&model->cache, cm_wheel_label_cache_free);

  cache = g_new0 (CmWheelLabelCache, 1);
  cache->width = width;
  cache->height = height;
  cache->font_key = g_steal_pointer (&key);
  cache->serial = (guint) g_atomic_int_add (&last_serial, 1) + 1;
  cache->context = cm_wheel_pango_context_new ();
  cache->labels = new_label_array ();
  cache->fits = cm_wheel_fits_new ();

  cm_wheel_labels_build (model, cache, font, FALSE);
  model->cache = cache;
  return cache;
}

/**
 * cm_wheel_model_reuse_layout:
 * @model: a model just built
 * @previous: the model it replaces
 *
 * Takes over @previous's label layout when the two show the same activity
 * titles in the same places, so that a status change redraws at once; only
 * the centre is laid out again.
 */
void
cm_wheel_model_reuse_layout (CmWheelModel *model,
                             CmWheelModel *previous)
{
  CmWheelLabelCache *cache;

  g_return_if_fail (model != NULL && previous != NULL);

  if (model == previous || model->cache != NULL || previous->cache == NULL ||
      model->current_stage != previous->current_stage)
    return;

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      {
        GPtrArray *a = model->items[s][r], *b = previous->items[s][r];

        if (a->len != b->len)
          return;
        for (guint i = 0; i < a->len; i++)
          if (!g_str_equal (((CmWheelItem *) g_ptr_array_index (a, i))->title,
                            ((CmWheelItem *) g_ptr_array_index (b, i))->title))
            return;
      }

  cache = g_new0 (CmWheelLabelCache, 1);
  cache->width = previous->cache->width;
  cache->height = previous->cache->height;
  cache->font_key = g_strdup (previous->cache->font_key);
  cache->serial = previous->cache->serial;
  cache->context = g_object_ref (previous->cache->context);
  cache->labels = new_label_array ();
  cache->centre_stale = TRUE;
  cache->fits = cm_wheel_fits_new ();
  /* A centre never laid out has nothing to tell; the one before it has. */
  cache->previous_fits = g_hash_table_ref (previous->cache->centre_stale &&
                                           previous->cache->previous_fits != NULL
                                           ? previous->cache->previous_fits
                                           : previous->cache->fits);
  if (previous->cache->centre_base != NULL)
    {
      cache->centre_base = cairo_surface_reference (previous->cache->centre_base);
      cache->centre_base_palette = previous->cache->centre_base_palette;
      cache->centre_base_scale = previous->cache->centre_base_scale;
    }

  for (guint i = 0; i < previous->cache->labels->len; i++)
    {
      CmWheelPlacedLabel label = g_array_index (previous->cache->labels, CmWheelPlacedLabel, i);

      if (is_centre_label (&label))
        continue;
      if (label.layout != NULL)
        g_object_ref (label.layout);
      g_array_append_val (cache->labels, label);
    }

  model->cache = cache;
}

void
cm_wheel_label_get_corners (const CmWheelLabel *label,
                            double              xs[4],
                            double              ys[4])
{
  static const double signs[4][2] = { { -1, -1 }, { 1, -1 }, { 1, 1 }, { -1, 1 } };
  double cx, cy, c, s;

  g_return_if_fail (label != NULL);

  cx = label->x + label->width / 2.0;
  cy = label->y + label->height / 2.0;
  c = cos (label->angle);
  s = sin (label->angle);
  for (guint i = 0; i < 4; i++)
    {
      double dx = signs[i][0] * label->width / 2.0, dy = signs[i][1] * label->height / 2.0;

      xs[i] = cx + dx * c - dy * s;
      ys[i] = cy + dx * s + dy * c;
    }
}

/**
 * cm_wheel_painter_layout_labels:
 *
 * Returns: (transfer full) (element-type CmWheelLabel): every label and
 *   status mark the painter draws at this size
 */
GArray *
cm_wheel_painter_layout_labels (CmWheelModel               *model,
                                double                      width,
                                double                      height,
                                const PangoFontDescription *font)
{
  CmWheelLabelCache *cache;
  GArray *labels;

  g_return_val_if_fail (model != NULL, NULL);

  cache = cm_wheel_labels_ensure (model, width, height, font);
  labels = g_array_sized_new (FALSE, FALSE, sizeof (CmWheelLabel), cache->labels->len);
  for (guint i = 0; i < cache->labels->len; i++)
    g_array_append_val (labels, g_array_index (cache->labels, CmWheelPlacedLabel, i).info);
  return labels;
}

static gboolean
label_covers (const CmWheelLabel *label,
              double              x,
              double              y,
              double              margin)
{
  double cx = label->x + label->width / 2.0, cy = label->y + label->height / 2.0;
  double c = cos (-label->angle), s = sin (-label->angle);
  double dx = (x - cx) * c - (y - cy) * s;
  double dy = (x - cx) * s + (y - cy) * c;

  return fabs (dx) <= label->width / 2.0 + margin && fabs (dy) <= label->height / 2.0 + margin;
}

/**
 * cm_wheel_painter_get_fill_point:
 *
 * Finds a point of a segment (or placeholder) that shows its plain fill:
 * clear of its label, its mark, its outline and the selection stroke (but
 * not of hatching). Handy for checking what was drawn.
 */
gboolean
cm_wheel_painter_get_fill_point (CmWheelModel               *model,
                                 double                      width,
                                 double                      height,
                                 const PangoFontDescription *font,
                                 const CmWheelHit           *hit,
                                 double                     *x,
                                 double                     *y)
{
  static const double angle_fractions[] = { 0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8 };
  CmWheelLabelCache *cache;
  CmWheelGeometry geometry;
  CmWheelMetrics metrics;
  CmWheelSector sector;
  CmWheelRegion region;
  double base, margin;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  cache = cm_wheel_labels_ensure (model, width, height, font);
  cm_wheel_model_get_geometry (model, width, height, &geometry);
  if (!cm_wheel_geometry_get_sector (&geometry, hit, &sector))
    return FALSE;

  pango_font_description_free (cm_wheel_font_normalise (font, &base));
  cm_wheel_metrics_init (&metrics, &geometry, base);
  margin = geometry.gap / 2.0 + metrics.selection_width + 1.5;
  cm_wheel_region_init (&region, sector.inner_radius + margin, sector.outer_radius - margin);
  if (hit->kind != CM_WHEEL_HIT_CENTRE)
    cm_wheel_region_set_wedge (&region, sector.start_angle, sector.end_angle, margin);

  for (guint i = 0; i < G_N_ELEMENTS (angle_fractions); i++)
    for (double rf = 0.02; rf < 1.0; rf += 0.04)
      {
        double angle = sector.start_angle + (sector.end_angle - sector.start_angle) *
                       angle_fractions[i];
        double r = sector.inner_radius + (sector.outer_radius - sector.inner_radius) * rf;
        double px = r * cos (angle), py = r * sin (angle);
        gboolean clear = cm_wheel_region_contains_point (&region, px, py);

        px += geometry.cx;
        py += geometry.cy;
        for (guint k = 0; clear && k < cache->labels->len; k++)
          if (label_covers (&g_array_index (cache->labels, CmWheelPlacedLabel, k).info,
                            px, py, 1.5))
            clear = FALSE;

        if (clear)
          {
            if (x != NULL)
              *x = px;
            if (y != NULL)
              *y = py;
            return TRUE;
          }
      }

  return FALSE;
}
