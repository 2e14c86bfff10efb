/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-demand-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cm-demand-chart.h"

/* The demand chart as pixels: bars where the layout says, in the colours
 * of their processes and with their patterns, the budget line at the
 * height of the hours the budget buys, and nothing drawn outside the
 * rectangle it was given, at any size. */

#define WIDTH  600
#define HEIGHT 400

/* 1,000 needs assessments × 7% × 10 hours = 700 hours; 500 reviews × 7% ×
 * 8 hours = 280 hours: 980 a year. £25,600 at £32 an hour buys 800. */
static CmDemandInputs *
example_inputs (void)
{
  CmDemandInputs *inputs = cm_demand_inputs_new_default ();

  inputs->rows[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS].people_per_year = 1000;
  inputs->rows[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS].hours_per_case = 10;
  inputs->rows[CM_DEMAND_PROCESS_REVIEWS].people_per_year = 500;
  inputs->rows[CM_DEMAND_PROCESS_REVIEWS].hours_per_case = 8;
  inputs->hourly_rate = 32;
  inputs->budget_pence = 2560000;
  inputs->years = 3;

  return inputs;
}

typedef struct
{
  guint8 r, g, b, a;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;
  Pixel pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  cairo_surface_flush (surface);
  memcpy (&value, data + y * stride + x * 4, sizeof value);
  pixel.a = value >> 24;
  pixel.r = (value >> 16) & 0xff;
  pixel.g = (value >> 8) & 0xff;
  pixel.b = value & 0xff;
  return pixel;
}

static gboolean
pixel_is (Pixel               pixel,
          const CmChartColor *color,
          int                 tolerance)
{
  return pixel.a == 255 &&
         abs (pixel.r - (int) round (color->red * 255)) <= tolerance &&
         abs (pixel.g - (int) round (color->green * 255)) <= tolerance &&
         abs (pixel.b - (int) round (color->blue * 255)) <= tolerance;
}

static cairo_surface_t *
render (const CmDemandInputs       *inputs,
        const CmDemandResult       *result,
        const CmDemandChartPalette *palette)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cm_demand_chart_draw (cr, inputs, result, WIDTH, HEIGHT, palette, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
test_bars (void)
{
  g_autoptr(CmDemandInputs) inputs = example_inputs ();
  g_autoptr(CmDemandResult) result = cm_demand_compute (inputs);
  const CmDemandChartPalette *palettes[] = {
    cm_demand_chart_palette_light (), cm_demand_chart_palette_dark (),
    cm_demand_chart_palette_high_contrast (), cm_demand_chart_palette_high_contrast_dark (),
  };
  CmDemandChartLayout layout;

  g_assert_cmpfloat_with_epsilon (result->years[0].total_hours, 980, 1e-6);
  g_assert_cmpfloat_with_epsilon (result->years[0].budget_hours, 800, 1e-6);

  cm_demand_chart_layout (inputs, result, WIDTH, HEIGHT, NULL, &layout);
  g_assert_cmpuint (layout.n_years, ==, 3);
  g_assert_cmpfloat (layout.axis_max, >=, 980);
  g_assert_cmpfloat (layout.plot_width, >, WIDTH / 2);
  g_assert_cmpfloat (layout.plot_height, >, HEIGHT / 3);
  g_assert_cmpfloat (layout.legend_height, >, 0);

  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    {
      cairo_surface_t *surface = render (inputs, result, palettes[p]);

      for (guint year = 0; year < 3; year++)
        {
          double x, y, w, h;
          guint fill = 0, other = 0;

          /* Needs assessments: plain fill, at the bottom of the bar. */
          g_assert_true (cm_demand_chart_get_segment (&layout, result, year,
                                                      CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS,
                                                      &x, &y, &w, &h));
          g_assert_cmpfloat_with_epsilon (y + h, layout.plot_y + layout.plot_height, 1e-6);
          g_assert_cmpfloat_with_epsilon (h, layout.plot_height * 700 / layout.axis_max, 1e-6);
          g_assert_true (pixel_is (pixel_at (surface, (int) (x + w / 2), (int) (y + h / 2)),
                                   &palettes[p]->fill[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS],
                                   1));

          /* Reviews: stacked on top, hatched: both the fill and the pattern show. */
          g_assert_true (cm_demand_chart_get_segment (&layout, result, year,
                                                      CM_DEMAND_PROCESS_REVIEWS,
                                                      &x, &y, &w, &h));
          for (int py = (int) ceil (y) + 2; py < (int) (y + h) - 1; py++)
            {
              Pixel pixel = pixel_at (surface, (int) (x + w / 2), py);

              if (pixel_is (pixel, &palettes[p]->fill[CM_DEMAND_PROCESS_REVIEWS], 1))
                fill++;
              else
                other++;
            }
          g_assert_cmpuint (fill, >, 0);
          g_assert_cmpuint (other, >, 0);

          /* Processes with no hours have no segment. */
          g_assert_false (cm_demand_chart_get_segment (&layout, result, year,
                                                       CM_DEMAND_PROCESS_CARER_ASSESSMENTS,
                                                       &x, &y, &w, &h));
        }

      cairo_surface_destroy (surface);
    }
}

static void
test_budget_line (void)
{
  g_autoptr(CmDemandInputs) inputs = example_inputs ();
  g_autoptr(CmDemandResult) result = cm_demand_compute (inputs);
  cairo_surface_t *surface = render (inputs, result, cm_demand_chart_palette_light ());
  const CmDemandChartPalette *palette = cm_demand_chart_palette_light ();
  CmDemandChartLayout layout;
  double expected, x, y, w, h;
  int line_y, gap_x;

  cm_demand_chart_layout (inputs, result, WIDTH, HEIGHT, NULL, &layout);
  expected = layout.plot_y + layout.plot_height * (1 - 800 / layout.axis_max);
  g_assert_cmpfloat_with_epsilon (layout.budget_y, expected, 1e-6);
  g_assert_cmpfloat_with_epsilon (cm_demand_chart_hours_to_y (&layout, 800), expected, 1e-6);

  /* 980 hours needed is above the 800 the budget buys: the gap shows. */
  g_assert_true (cm_demand_chart_get_segment (&layout, result, 0, CM_DEMAND_PROCESS_REVIEWS,
                                              &x, &y, &w, &h));
  g_assert_cmpfloat (y, <, layout.budget_y - 10);

  /* The line is drawn at that height, dashed from the left of the plot,
   * across the bars too. */
  line_y = (int) round (layout.budget_y);
  g_assert_true (pixel_is (pixel_at (surface, (int) layout.plot_x + 3, line_y),
                           &palette->budget, 2));
  g_assert_false (pixel_is (pixel_at (surface, (int) layout.plot_x + 3, line_y - 4),
                            &palette->budget, 40));
  g_assert_false (pixel_is (pixel_at (surface, (int) layout.plot_x + 3, line_y + 4),
                            &palette->budget, 40));
  {
    guint on_bar = 0;

    for (int px = (int) x; px < (int) (x + w); px++)
      on_bar += pixel_is (pixel_at (surface, px, line_y), &palette->budget, 2);
    g_assert_cmpuint (on_bar, >, 0);
  }

  /* Between two bars, away from the line, there is no bar colour. */
  gap_x = (int) ((layout.bar_x[0] + layout.bar_width + layout.bar_x[1]) / 2);
  g_assert_false (pixel_is (pixel_at (surface, gap_x, (int) (layout.plot_y +
                                                             layout.plot_height - 5)),
                            &palette->fill[0], 10));

  cairo_surface_destroy (surface);

  /* Without a budget there is no line. */
  inputs->budget_pence = 0;
  g_clear_pointer (&result, cm_demand_result_free);
  result = cm_demand_compute (inputs);
  cm_demand_chart_layout (inputs, result, WIDTH, HEIGHT, NULL, &layout);
  g_assert_cmpfloat (layout.budget_y, <, 0);
}

/* Draws at (margin, margin) into a bigger transparent surface and checks
 * that the margin stays transparent. */
static void
check_inside (const CmDemandInputs *inputs,
              int                   width,
              int                   height)
{
  g_autoptr(CmDemandResult) result = cm_demand_compute (inputs);
  const int margin = 40;
  cairo_surface_t *surface;
  CmDemandChartLayout layout;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 2 * margin,
                                        height + 2 * margin);
  cr = cairo_create (surface);
  cairo_translate (cr, margin, margin);
  cm_demand_chart_draw (cr, inputs, result, width, height, cm_demand_chart_palette_light (),
                        NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  for (int y = 0; y < height + 2 * margin; y++)
    for (int x = 0; x < width + 2 * margin; x++)
      {
        gboolean inside = x >= margin && x < margin + width && y >= margin && y < margin + height;

        if (!inside && pixel_at (surface, x, y).a != 0)
          g_error ("drawn outside a %d×%d chart at %d,%d", width, height, x - margin,
                   y - margin);
      }

  cm_demand_chart_layout (inputs, result, width, height, NULL, &layout);
  g_assert_cmpfloat (layout.plot_x, >=, 0);
  g_assert_cmpfloat (layout.plot_y, >=, 0);
  g_assert_cmpfloat (layout.plot_x + layout.plot_width, <=, width + 1e-6);
  for (guint year = 0; year < layout.n_years; year++)
    {
      g_assert_cmpfloat (layout.bar_x[year], >=, layout.plot_x - 1e-6);
      g_assert_cmpfloat (layout.bar_x[year] + layout.bar_width, <=,
                         layout.plot_x + layout.plot_width + 1e-6);
    }

  cairo_surface_destroy (surface);
}

static void
test_any_size (void)
{
  g_autoptr(CmDemandInputs) inputs = example_inputs ();
  g_autoptr(CmDemandInputs) empty = cm_demand_inputs_new_default ();
  g_autoptr(CmDemandInputs) huge = example_inputs ();
  g_autoptr(CmDemandInputs) shrinking = example_inputs ();
  const int sizes[][2] = {
    { 1, 1 }, { 10, 10 }, { 50, 30 }, { 120, 60 }, { 200, 120 }, { 328, 240 }, { 360, 600 },
    { 1200, 300 },
  };

  huge->rows[CM_DEMAND_PROCESS_OTHER].people_per_year = 1e12;
  huge->rows[CM_DEMAND_PROCESS_OTHER].hours_per_case = 1000;
  cm_demand_inputs_set_other_label (huge, "A very long name for a process that goes on and on "
                                    "and on, longer than any row of the legend");
  huge->years = 10;
  huge->growth_rate = 1.0;
  shrinking->years = 10;
  shrinking->growth_rate = -0.5;
  empty->budget_pence = 100;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_test_message ("%d×%d", sizes[i][0], sizes[i][1]);
      check_inside (inputs, sizes[i][0], sizes[i][1]);
      check_inside (empty, sizes[i][0], sizes[i][1]);
      check_inside (huge, sizes[i][0], sizes[i][1]);
      check_inside (shrinking, sizes[i][0], sizes[i][1]);
    }
}

static void
test_describe (void)
{
  g_autoptr(CmDemandInputs) inputs = example_inputs ();
  g_autoptr(CmDemandResult) result = cm_demand_compute (inputs);
  g_autofree char *text = cm_demand_chart_describe (inputs, result);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "year 1, 980"));
  g_assert_nonnull (strstr (text, "year 3, 980."));
  g_assert_nonnull (strstr (text, "800 hours"));
  g_assert_nonnull (strstr (text, "3 years need more"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demand-chart/bars", test_bars);
  g_test_add_func ("/demand-chart/budget-line", test_budget_line);
  g_test_add_func ("/demand-chart/any-size", test_any_size);
  g_test_add_func ("/demand-chart/describe", test_describe);

  return g_test_run ();
}
