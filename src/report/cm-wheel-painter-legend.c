/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-painter-legend"

#include "config.h"

#include "cm-wheel-painter-private.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

/* The legend under the wheel: a swatch for each status and the current
 * stage's band, wrapped to a width. */

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
  cm_wheel_fill_status (cr, palette, status, MAX (3.0, height / 3.0));

  cairo_rectangle (cr, x + 0.5, y + 0.5, width - 1.0, height - 1.0);
  cm_wheel_set_colour (cr, &palette->dim_text);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  cm_wheel_draw_mark (cr, palette, status, x + (width - mark) / 2.0, y + (height - mark) / 2.0,
                      mark);
}

static void
set_size (PangoLayout                *layout,
          const PangoFontDescription *font,
          double                      size)
{
  cm_wheel_labels_set_size (layout, font, size, pango_font_description_get_weight (font),
                            pango_font_description_get_style (font));
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

  /* Shaped at the labels' reference size and drawn scaled, as the wheel's
   * labels are: the legend then needs no font of its own. */
  desc = cm_wheel_font_normalise (font, &base);
  {
    g_autoptr(PangoLayout) probe = pango_layout_new (context);

    set_size (probe, desc, base);
    pango_layout_set_text (probe, "Ag", -1);
    cm_wheel_labels_get_logical (probe, &logical);
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
      set_size (layout, desc, base);
      pango_layout_set_text (layout, text, -1);
      cm_wheel_labels_get_logical (layout, &logical);
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
              cm_wheel_set_colour (cr, &palette->accent);
              cairo_fill (cr);
            }

          cm_wheel_set_colour (cr, &palette->text);
          cairo_save (cr);
          cairo_translate (cr, x + swatch_w + line * 0.4 - (double) logical.x / PANGO_SCALE,
                           y + (row - line) / 2.0 - (double) logical.y / PANGO_SCALE);
          cairo_scale (cr, cm_wheel_labels_get_scale (layout), cm_wheel_labels_get_scale (layout));
          cairo_move_to (cr, 0.0, 0.0);
          pango_cairo_show_layout (cr, layout);
          cairo_restore (cr);
        }

      x += item_w + spacing;
    }

  if (cr != NULL)
    cairo_restore (cr);
  g_object_unref (context);

  return y + row;
}
