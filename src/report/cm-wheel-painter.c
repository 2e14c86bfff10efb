/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-painter"

#include "config.h"

#include "cm-wheel-painter.h"

#include <pango/pangocairo.h>

#include "cm-wheel-painter-private.h"

/* The one function that draws the wheel, for the widget and for paper.
 * Status is shown by more than colour: in progress carries a half-filled
 * disc, done a tick, and not applicable is hatched; the current stage has a
 * thicker band and says so under its name.
 *
 * Each segment and its mark are drawn on their own, never in one path with
 * others of the same status: antialiasing then gives a segment the same
 * pixels whatever its neighbours show. That is what lets a widget paint
 * just the segments whose status changed (cm_wheel_painter_draw_changes())
 * and get what painting the whole wheel again would give.
 *
 * This file draws the whole wheel, in order, and its labels; the parts it
 * draws with are in the other cm-wheel-painter-*.c files. */

/* Only done and in progress have a mark. */
void
cm_wheel_draw_label_mark (cairo_t                  *cr,
                          CmWheelModel             *model,
                          const CmWheelPlacedLabel *label,
                          const CmWheelPalette     *palette)
{
  CmWheelItem *item = cm_wheel_model_lookup (model, &label->info.hit);

  if (item != NULL && (item->status == CM_ACTIVITY_STATUS_DONE ||
                       item->status == CM_ACTIVITY_STATUS_IN_PROGRESS))
    cm_wheel_draw_mark (cr, palette, item->status, label->info.x, label->info.y,
                        label->info.width);
}

void
cm_wheel_draw_label_text (cairo_t                  *cr,
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
  cm_wheel_set_colour (cr, colour);
  cairo_translate (cr, label->info.x + label->info.width / 2.0,
                   label->info.y + label->info.height / 2.0);
  if (label->info.angle != 0.0)
    cairo_rotate (cr, label->info.angle);
  cairo_translate (cr, label->text_dx, label->text_dy);
  cairo_scale (cr, label->text_scale, label->text_scale);
  cairo_move_to (cr, 0.0, 0.0);
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
        cm_wheel_draw_label_mark (cr, model, label, palette);
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
        cm_wheel_draw_label_text (cr, model, label, palette);
    }
}

gboolean
cm_wheel_painter_prepare (CmWheelModel          *model,
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
  if (!cm_wheel_painter_prepare (model, width, height, state, &geometry, &metrics))
    return;

  cache = cm_wheel_labels_ensure (model, width, height, state->font);

  cairo_save (cr);
  cairo_new_path (cr);

  if (palette->background.alpha > 0.0)
    {
      cm_wheel_set_colour (cr, &palette->background);
      cairo_rectangle (cr, 0.0, 0.0, width, height);
      cairo_fill (cr);
    }

  cm_wheel_draw_centre (cr, model, &geometry, &metrics, palette);
  cm_wheel_draw_segments (cr, model, &geometry, &metrics, palette);
  cm_wheel_draw_stage_bands (cr, model, &geometry, palette);
  draw_marks (cr, model, cache, palette);
  draw_text (cr, model, cache, palette);

  cairo_restore (cr);

  cm_wheel_painter_draw_highlights (cr, model, width, height, palette, state);
}
