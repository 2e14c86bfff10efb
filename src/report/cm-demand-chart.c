/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-demand-chart"

#include "config.h"

#include "cm-demand-chart.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

/* Layout, top to bottom: a caption ("Hours a year"), the plot with the
 * hour axis on its left and the year labels under it, then the legend,
 * flowed into as many rows as the width needs. Everything is measured
 * first, so the same numbers drive drawing, tooltips and tests. Below a
 * certain size the parts that no longer fit are left out, in the order
 * totals, legend, caption; the bars and the budget line always stay. */

#define PADDING        6.0
#define TICK_LENGTH    4.0
#define SWATCH_SIZE    14.0
#define LEGEND_GAP     12.0
#define BUDGET_WIDTH   2.0
#define HATCH_SPACING  6.0

/* Patterns --------------------------------------------------------------- */

typedef enum
{
  PATTERN_NONE,
  PATTERN_RISING,      /* / */
  PATTERN_DOTS,
  PATTERN_HORIZONTAL,
  PATTERN_CROSS,
  PATTERN_FALLING,     /* \ */
} Pattern;

static const Pattern process_patterns[CM_N_DEMAND_PROCESSES] = {
  PATTERN_NONE, PATTERN_RISING, PATTERN_DOTS, PATTERN_HORIZONTAL, PATTERN_CROSS,
  PATTERN_FALLING,
};

static void
set_color (cairo_t            *cr,
           const CmChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Hatching is anchored to the chart, not to each rectangle, so the
 * stripes of one process line up from bar to bar. */
static void
draw_pattern (cairo_t            *cr,
              Pattern             pattern,
              double              x,
              double              y,
              double              width,
              double              height,
              const CmChartColor *color)
{
  double step = HATCH_SPACING;

  if (pattern == PATTERN_NONE || width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, 1.2);

  switch (pattern)
    {
    case PATTERN_RISING:
    case PATTERN_FALLING:
    case PATTERN_CROSS:
      {
        double start = floor ((x - height) / step) * step;

        for (double d = start; d < x + width + height; d += step)
          {
            if (pattern != PATTERN_FALLING)
              {
                cairo_move_to (cr, d, y + height);
                cairo_line_to (cr, d + height, y);
              }
            if (pattern != PATTERN_RISING)
              {
                cairo_move_to (cr, d, y);
                cairo_line_to (cr, d + height, y + height);
              }
          }
        cairo_stroke (cr);
      }
      break;

    case PATTERN_HORIZONTAL:
      for (double d = floor (y / step) * step + step / 2; d < y + height; d += step)
        {
          cairo_move_to (cr, x, d);
          cairo_line_to (cr, x + width, d);
        }
      cairo_stroke (cr);
      break;

    case PATTERN_DOTS:
      for (double dy = floor (y / step) * step + step / 2; dy < y + height; dy += step)
        {
          double shift = fmod (floor (dy / step), 2.0) * step / 2;

          for (double dx = floor (x / step) * step + shift; dx < x + width + step; dx += step)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, dx, dy, 1.4, 0, 2 * G_PI);
            }
        }
      cairo_fill (cr);
      break;

    case PATTERN_NONE:
    default:
      break;
    }

  cairo_restore (cr);
}

/* Text ------------------------------------------------------------------- */

static PangoLayout *
new_layout (PangoContext               *context,
            const PangoFontDescription *font,
            const char                 *text)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
text_size (PangoContext               *context,
           const PangoFontDescription *font,
           const char                 *text,
           double                     *width,
           double                     *height)
{
  g_autoptr(PangoLayout) layout = new_layout (context, font, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

static char *
format_hours (double hours)
{
  /* The ' flag groups thousands as the locale does. */
  return g_strdup_printf ("%'.0f", round (hours));
}

/* Nice steps for the axis: 1, 2 or 5 times a power of ten. */
static double
nice_step (double range,
           int    max_ticks)
{
  double rough = range / MAX (max_ticks, 1);
  double power = pow (10, floor (log10 (rough)));
  double fraction = rough / power;

  if (fraction <= 1)
    return power;
  if (fraction <= 2)
    return 2 * power;
  if (fraction <= 5)
    return 5 * power;
  return 10 * power;
}

/* The legend -------------------------------------------------------------- */

typedef struct
{
  char    *label;
  int      process;   /* -1: the budget line */
  double   x;
  double   y;
  double   width;
} LegendItem;

static void
legend_item_clear (gpointer data)
{
  LegendItem *item = data;

  g_free (item->label);
}

static gboolean
process_has_hours (const CmDemandResult *result,
                   guint                 process)
{
  for (guint y = 0; y < result->n_years; y++)
    {
      if (result->years[y].hours[process] > 0)
        return TRUE;
    }

  return FALSE;
}

static double
budget_hours (const CmDemandResult *result)
{
  return result->n_years > 0 ? result->years[0].budget_hours : 0.0;
}

/* Lays the legend out in rows from (0, 0) across @width; returns its height. */
static double
layout_legend (PangoContext               *context,
               const PangoFontDescription *font,
               const CmDemandInputs       *inputs,
               const CmDemandResult       *result,
               double                      width,
               GArray                     *items)
{
  gboolean any = FALSE;
  double x = 0, y = 0, row_height = SWATCH_SIZE;
  double text_height;

  text_size (context, font, "Hg", NULL, &text_height);
  row_height = MAX (SWATCH_SIZE, text_height);

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    any |= process_has_hours (result, i);

  for (int i = 0; i <= CM_N_DEMAND_PROCESSES; i++)
    {
      LegendItem item = { NULL, i < CM_N_DEMAND_PROCESSES ? i : -1, 0, 0, 0 };
      double label_width;

      if (i < CM_N_DEMAND_PROCESSES)
        {
          /* Only the processes in the chart, unless none has hours yet. */
          if (any && !process_has_hours (result, (guint) i))
            continue;
          item.label = g_strdup (cm_demand_inputs_get_row_label (inputs, i));
        }
      else
        {
          g_autofree char *hours = NULL;

          if (budget_hours (result) <= 0)
            continue;
          hours = format_hours (budget_hours (result));
          /* Translators: in the chart's legend, next to the budget line;
           * %s is a number of hours */
          item.label = g_strdup_printf (_("Hours the budget buys a year (%s)"), hours);
        }

      text_size (context, font, item.label, &label_width, NULL);
      item.width = SWATCH_SIZE + 4 + label_width;
      if (x > 0 && x + item.width > width)
        {
          x = 0;
          y += row_height + 4;
        }
      item.x = x;
      item.y = y;
      x += item.width + LEGEND_GAP;
      g_array_append_val (items, item);
    }

  return items->len > 0 ? y + row_height : 0;
}

/* Layout ----------------------------------------------------------------- */

typedef struct
{
  CmDemandChartLayout  public;
  GArray              *legend;          /* LegendItem, at (0, 0) of the legend */
  double               caption_height;
  double               axis_step;
  gboolean             show_totals;
  gboolean             short_years;     /* "1" rather than "Year 1" */
  double               text_height;
  double               pad;             /* PADDING, less on a tiny chart */
} Layout;

static PangoFontDescription *
default_font (const PangoFontDescription *font)
{
  return font != NULL ? pango_font_description_copy (font)
                      : pango_font_description_from_string ("Sans 9");
}

static void
compute_layout (PangoContext               *context,
                const PangoFontDescription *font,
                const CmDemandInputs       *inputs,
                const CmDemandResult       *result,
                double                      width,
                double                      height,
                Layout                     *layout)
{
  CmDemandChartLayout *out = &layout->public;
  double max_total = 0, top, axis_label_width = 0, year_label_height;
  double plot_bottom, slot;
  double budget = budget_hours (result);
  int max_ticks;

  memset (layout, 0, sizeof *layout);
  layout->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  g_array_set_clear_func (layout->legend, legend_item_clear);

  width = MAX (width, 0);
  height = MAX (height, 0);
  layout->pad = MIN (layout->pad, MIN (width, height) / 8);
  text_size (context, font, "Hg", NULL, &layout->text_height);
  out->n_years = MIN (result->n_years, CM_DEMAND_MAX_YEARS);

  for (guint y = 0; y < out->n_years; y++)
    max_total = MAX (max_total, result->years[y].total_hours);

  /* The axis reaches a round number above the tallest bar and the budget. */
  top = MAX (max_total, budget);
  if (!(top > 0) || !isfinite (top))
    top = 100;
  max_ticks = (int) CLAMP (height / 50, 2, 8);
  layout->axis_step = nice_step (top * 1.05, max_ticks);
  out->axis_max = ceil (top * 1.05 / layout->axis_step) * layout->axis_step;

  for (double tick = 0; tick <= out->axis_max + layout->axis_step / 2; tick += layout->axis_step)
    {
      g_autofree char *label = format_hours (tick);
      double w;

      text_size (context, font, label, &w, NULL);
      axis_label_width = MAX (axis_label_width, w);
    }

  /* The legend and caption go when there is no room for them. */
  if (height >= 140 && width >= 160)
    {
      double legend_width = width - 2 * layout->pad;

      out->legend_height = layout_legend (context, font, inputs, result, legend_width,
                                          layout->legend);
      if (out->legend_height > height / 3)
        {
          g_array_set_size (layout->legend, 0);
          out->legend_height = 0;
        }
    }
  if (height >= 100)
    layout->caption_height = layout->text_height + 4;

  year_label_height = height >= 60 ? layout->text_height + 4 : 0;

  out->plot_x = layout->pad + (width >= 120 ? axis_label_width + TICK_LENGTH + 4 : 0);
  out->plot_y = layout->pad + layout->caption_height + layout->text_height / 2;
  out->plot_x = MIN (out->plot_x, width);
  out->plot_y = MIN (out->plot_y, height);
  out->plot_width = MAX (width - out->plot_x - layout->pad, 0);
  plot_bottom = height - layout->pad - out->legend_height - (out->legend_height > 0 ? 8 : 0) -
                year_label_height;
  out->plot_height = MAX (plot_bottom - out->plot_y, 0);
  out->legend_y = height - layout->pad - out->legend_height;

  slot = out->n_years > 0 ? out->plot_width / out->n_years : 0;
  out->bar_width = MIN (slot * 0.64, 72);
  for (guint y = 0; y < out->n_years; y++)
    out->bar_x[y] = out->plot_x + slot * y + (slot - out->bar_width) / 2;

  out->budget_y = budget > 0 ? cm_demand_chart_hours_to_y (out, budget) : -1;

  {
    double year_width;
    /* Translators: under a bar of the demand chart; %u is 1 to 10 */
    g_autofree char *longest = g_strdup_printf (_("Year %u"), out->n_years);

    text_size (context, font, longest, &year_width, NULL);
    layout->short_years = year_width + 4 > slot;
  }

  layout->show_totals = out->plot_height > 4 * layout->text_height && out->bar_width >= 24;
}

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->legend, g_array_unref);
}

void
cm_demand_chart_layout (const CmDemandInputs       *inputs,
                        const CmDemandResult       *result,
                        double                      width,
                        double                      height,
                        const PangoFontDescription *font,
                        CmDemandChartLayout        *out)
{
  g_autoptr(GObject) context_object = NULL;
  PangoContext *context;
  g_autoptr(PangoFontDescription) desc = default_font (font);
  Layout layout;

  g_return_if_fail (inputs != NULL);
  g_return_if_fail (result != NULL);
  g_return_if_fail (out != NULL);

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  context_object = G_OBJECT (context);
  compute_layout (context, desc, inputs, result, width, height, &layout);
  *out = layout.public;
  layout_clear (&layout);
}

double
cm_demand_chart_hours_to_y (const CmDemandChartLayout *layout,
                            double                     hours)
{
  g_return_val_if_fail (layout != NULL, 0);

  if (!(layout->axis_max > 0))
    return layout->plot_y + layout->plot_height;

  hours = CLAMP (hours, 0, layout->axis_max);
  return layout->plot_y + layout->plot_height * (1 - hours / layout->axis_max);
}

gboolean
cm_demand_chart_get_segment (const CmDemandChartLayout *layout,
                             const CmDemandResult      *result,
                             guint                      year,
                             CmDemandProcess            process,
                             double                    *x,
                             double                    *y,
                             double                    *width,
                             double                    *height)
{
  double below = 0, top, bottom;

  g_return_val_if_fail (layout != NULL && result != NULL, FALSE);

  if (year >= layout->n_years || (int) process < 0 || process >= CM_N_DEMAND_PROCESSES ||
      !(result->years[year].hours[process] > 0))
    return FALSE;

  for (guint i = 0; i < (guint) process; i++)
    below += MAX (result->years[year].hours[i], 0);

  bottom = cm_demand_chart_hours_to_y (layout, below);
  top = cm_demand_chart_hours_to_y (layout, below + result->years[year].hours[process]);

  *x = layout->bar_x[year];
  *y = top;
  *width = layout->bar_width;
  *height = bottom - top;
  return TRUE;
}

/* Drawing ---------------------------------------------------------------- */

static void
show_text (cairo_t                    *cr,
           PangoContext               *context,
           const PangoFontDescription *font,
           const char                 *text,
           double                      x,
           double                      y,
           const CmChartColor         *color)
{
  g_autoptr(PangoLayout) layout = new_layout (context, font, text);

  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_axis (cairo_t                    *cr,
           PangoContext               *context,
           const PangoFontDescription *font,
           const Layout               *layout,
           const CmDemandChartPalette *palette)
{
  const CmDemandChartLayout *out = &layout->public;

  cairo_set_line_width (cr, 1);
  for (double tick = 0; tick <= out->axis_max + layout->axis_step / 2;
       tick += layout->axis_step)
    {
      double y = round (cm_demand_chart_hours_to_y (out, tick)) + 0.5;

      set_color (cr, tick == 0 ? &palette->axis : &palette->grid);
      cairo_move_to (cr, out->plot_x - (out->plot_x > layout->pad ? TICK_LENGTH : 0), y);
      cairo_line_to (cr, out->plot_x + out->plot_width, y);
      cairo_stroke (cr);

      if (out->plot_x > layout->pad)
        {
          g_autofree char *label = format_hours (tick);
          double w;

          text_size (context, font, label, &w, NULL);
          show_text (cr, context, font, label, out->plot_x - TICK_LENGTH - 4 - w,
                     y - layout->text_height / 2, &palette->dim_text);
        }
    }

  if (layout->caption_height > 0)
    /* Translators: the caption of the demand chart's vertical axis */
    show_text (cr, context, font, _("Hours of advocacy a year"), layout->pad, layout->pad,
               &palette->dim_text);
}

static void
draw_bars (cairo_t                    *cr,
           PangoContext               *context,
           const PangoFontDescription *font,
           const Layout               *layout,
           const CmDemandResult       *result,
           const CmDemandChartPalette *palette)
{
  const CmDemandChartLayout *out = &layout->public;
  double budget = budget_hours (result);

  for (guint year = 0; year < out->n_years; year++)
    {
      const CmDemandYear *figures = &result->years[year];
      g_autofree char *year_label = NULL;
      double w;

      for (guint process = 0; process < CM_N_DEMAND_PROCESSES; process++)
        {
          double x, y, width, height;

          if (!cm_demand_chart_get_segment (out, result, year, process, &x, &y, &width, &height))
            continue;

          set_color (cr, &palette->fill[process]);
          cairo_rectangle (cr, x, y, width, height);
          cairo_fill (cr);
          draw_pattern (cr, process_patterns[process], x, y, width, height,
                        &palette->pattern[process]);

          /* A hairline between parts, so two patterns never merge. */
          if (height > 2)
            {
              set_color (cr, &palette->separator);
              cairo_set_line_width (cr, 1);
              cairo_move_to (cr, x, y + 0.5);
              cairo_line_to (cr, x + width, y + 0.5);
              cairo_stroke (cr);
            }
        }

      if (layout->show_totals && figures->total_hours > 0)
        {
          g_autofree char *total = format_hours (figures->total_hours);
          gboolean over = budget > 0 && figures->total_hours > budget;
          double top = cm_demand_chart_hours_to_y (out, figures->total_hours);

          text_size (context, font, total, &w, NULL);
          if (w <= out->bar_width + 16)
            show_text (cr, context, font, total, out->bar_x[year] + (out->bar_width - w) / 2,
                       top - layout->text_height - 1,
                       over ? &palette->over_budget : &palette->text);
        }

      if (out->plot_y + out->plot_height + layout->text_height <= out->legend_y + 1)
        {
          year_label = layout->short_years ? g_strdup_printf ("%u", year + 1)
                                           : g_strdup_printf (_("Year %u"), year + 1);
          text_size (context, font, year_label, &w, NULL);
          show_text (cr, context, font, year_label,
                     out->bar_x[year] + (out->bar_width - w) / 2,
                     out->plot_y + out->plot_height + 3, &palette->dim_text);
        }
    }
}

static void
draw_budget_line (cairo_t                    *cr,
                  const Layout               *layout,
                  const CmDemandChartPalette *palette)
{
  const CmDemandChartLayout *out = &layout->public;
  static const double dashes[] = { 8, 4 };
  double y;

  if (out->budget_y < 0)
    return;

  y = round (out->budget_y);

  /* A halo in the background colour keeps the line visible over bars. */
  cairo_save (cr);
  cairo_set_line_width (cr, BUDGET_WIDTH + 2);
  set_color (cr, &palette->separator);
  cairo_move_to (cr, out->plot_x, y);
  cairo_line_to (cr, out->plot_x + out->plot_width, y);
  cairo_stroke (cr);

  cairo_set_line_width (cr, BUDGET_WIDTH);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  set_color (cr, &palette->budget);
  cairo_move_to (cr, out->plot_x, y);
  cairo_line_to (cr, out->plot_x + out->plot_width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_swatch (cairo_t                    *cr,
             const CmDemandChartPalette *palette,
             int                         process,
             double                      x,
             double                      y)
{
  if (process < 0)
    {
      static const double dashes[] = { 5, 3 };

      cairo_save (cr);
      cairo_set_line_width (cr, BUDGET_WIDTH);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      set_color (cr, &palette->budget);
      cairo_move_to (cr, x, y + SWATCH_SIZE / 2);
      cairo_line_to (cr, x + SWATCH_SIZE, y + SWATCH_SIZE / 2);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  set_color (cr, &palette->fill[process]);
  cairo_rectangle (cr, x, y, SWATCH_SIZE, SWATCH_SIZE);
  cairo_fill (cr);
  draw_pattern (cr, process_patterns[process], x, y, SWATCH_SIZE, SWATCH_SIZE,
                &palette->pattern[process]);
  set_color (cr, &palette->axis);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x + 0.5, y + 0.5, SWATCH_SIZE - 1, SWATCH_SIZE - 1);
  cairo_stroke (cr);
}

static void
draw_legend (cairo_t                    *cr,
             PangoContext               *context,
             const PangoFontDescription *font,
             const Layout               *layout,
             const CmDemandChartPalette *palette)
{
  double row_height = MAX (SWATCH_SIZE, layout->text_height);

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (layout->legend, LegendItem, i);
      double x = layout->pad + item->x;
      double y = layout->public.legend_y + item->y;

      draw_swatch (cr, palette, item->process, x, y + (row_height - SWATCH_SIZE) / 2);
      show_text (cr, context, font, item->label, x + SWATCH_SIZE + 4,
                 y + (row_height - layout->text_height) / 2, &palette->text);
    }
}

/**
 * cm_demand_chart_draw:
 * @font: (nullable): the font for labels; %NULL for sans at 9 points
 *
 * Paints the chart of @result into (0, 0, @width, @height).
 */
void
cm_demand_chart_draw (cairo_t                    *cr,
                      const CmDemandInputs       *inputs,
                      const CmDemandResult       *result,
                      double                      width,
                      double                      height,
                      const CmDemandChartPalette *palette,
                      const PangoFontDescription *font)
{
  g_autoptr(GObject) context_object = NULL;
  PangoContext *context;
  g_autoptr(PangoFontDescription) desc = default_font (font);
  Layout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (inputs != NULL);
  g_return_if_fail (result != NULL);

  if (palette == NULL)
    palette = cm_demand_chart_palette_light ();
  if (!(width > 0) || !(height > 0))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (palette->background.alpha > 0)
    {
      set_color (cr, &palette->background);
      cairo_paint (cr);
    }

  context = pango_cairo_create_context (cr);
  context_object = G_OBJECT (context);
  compute_layout (context, desc, inputs, result, width, height, &layout);

  draw_axis (cr, context, desc, &layout, palette);
  draw_bars (cr, context, desc, &layout, result, palette);
  draw_budget_line (cr, &layout, palette);
  draw_legend (cr, context, desc, &layout, palette);

  layout_clear (&layout);
  cairo_restore (cr);
}

/**
 * cm_demand_chart_describe:
 *
 * Returns: (transfer full): e.g. "Hours of advocacy needed each year: year
 *   1, 1,200; year 2, 1,250. The budget buys 1,100 hours a year: year 1 and
 *   year 2 need more."
 */
char *
cm_demand_chart_describe (const CmDemandInputs *inputs,
                          const CmDemandResult *result)
{
  GString *text = g_string_new (_("Hours of advocacy needed each year:"));
  double budget;
  guint over = 0;

  g_return_val_if_fail (inputs != NULL && result != NULL, NULL);

  budget = budget_hours (result);
  for (guint y = 0; y < result->n_years; y++)
    {
      g_autofree char *hours = format_hours (result->years[y].total_hours);

      g_string_append_c (text, ' ');
      /* Translators: one year in the chart's description: year number, hours */
      g_string_append_printf (text, _("year %u, %s"), y + 1, hours);
      g_string_append (text, y + 1 < result->n_years ? ";" : ".");
      if (budget > 0 && result->years[y].total_hours > budget)
        over++;
    }

  if (budget > 0)
    {
      g_autofree char *hours = format_hours (budget);

      g_string_append_c (text, ' ');
      /* Translators: %s is a number of hours */
      g_string_append_printf (text, _("The budget buys %s hours a year."), hours);
      g_string_append_c (text, ' ');
      if (over == 0)
        g_string_append (text, _("It covers every year."));
      else
        g_string_append_printf (text,
                                ngettext ("%u year needs more than it buys.",
                                          "%u years need more than it buys.", over),
                                over);
    }

  return g_string_free (text, FALSE);
}
