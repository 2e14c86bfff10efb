/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-wheel-text-lines"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "cm-wheel-private.h"
#include "cm-wheel-text-lines.h"

/* The wheel forecasts how a label wraps instead of laying it out for every
 * box it tries: the forecast must say "fits" exactly when Pango's own
 * layout of the text in that box does. */

#define FONT_PX 16.0

static const char *texts[] = {
  "Population needs assessment",
  "Review legislation, guidance and local strategies",
  "Co-production with people who use services and their carers",
  "Self-funders' well-being",
  "Independent advocacy 2026–2029 (North Yorkshire)",
  "IMCA",
  "Supercalifragilisticexpialidocious advocacy",
  "Adolygu  deddfwriaeth,   canllawiau a strategaethau lleol",
  "Asesiad o anghenion y boblogaeth",
  "a b c d e f g h i j k l m n o p",
};

static PangoLayout *
layout_new (PangoContext *context,
            const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, FONT_PX * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* What Pango itself makes of the text in width × height. */
static gboolean
really_fits (PangoLayout *layout,
             double       width,
             double       height,
             int         *overshoot)
{
  PangoRectangle logical;

  pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_extents (layout, NULL, &logical);
  *overshoot = MAX (logical.width - (int) floor (width * PANGO_SCALE),
                    logical.height - (int) floor (height * PANGO_SCALE));
  return logical.width <= width * PANGO_SCALE && logical.height <= height * PANGO_SCALE;
}

static void
test_forecast_matches_pango (void)
{
  PangoContext *context = cm_wheel_pango_context_new ();
  guint n_checked = 0, n_fitting = 0;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(PangoLayout) layout = layout_new (context, texts[t]);
      CmWheelTextLines lines = { 0 };
      PangoRectangle logical;
      double line_height;

      cm_wheel_text_lines_measure (&lines, layout, 1.0);
      g_assert_true (lines.valid);
      pango_layout_get_extents (layout, NULL, &logical);
      line_height = (double) logical.height / PANGO_SCALE;

      for (double width = 4.0; width < logical.width / PANGO_SCALE + 20.0; width += 0.37)
        for (double lines_high = 0.5; lines_high <= 6.0; lines_high += 0.75)
          {
            double height = lines_high * line_height + 0.01;
            int overshoot;
            gboolean real = really_fits (layout, width, height, &overshoot);
            gboolean forecast = cm_wheel_text_lines_fit (&lines, 1.0, width, height);

            /* A Pango unit either way is rounding, not a different wrap. */
            if (forecast != real && ABS (overshoot) <= 2)
              continue;
            if (forecast != real)
              g_error ("\"%s\" in %.2f × %.2f: Pango says %s, the forecast %s", texts[t],
                       width, height, real ? "fits" : "does not fit",
                       forecast ? "fits" : "does not");

            /* Scaled: the same text at twice the size needs twice the box. */
            g_assert_cmpint (cm_wheel_text_lines_fit (&lines, 2.0, 2.0 * width, 2.0 * height),
                             ==, forecast);
            n_checked++;
            n_fitting += real;
          }

      cm_wheel_text_lines_clear (&lines);
      g_assert_false (lines.valid);
    }

  /* Both answers came up many times. */
  g_assert_cmpuint (n_fitting, >, 100);
  g_assert_cmpuint (n_checked - n_fitting, >, 100);
  g_object_unref (context);
}

static void
test_no_forecast_for_odd_text (void)
{
  PangoContext *context = cm_wheel_pango_context_new ();
  const char *unforecast[] = { "Two\nparagraphs", "مراجعة الاحتياجات", "Ends in a space ", "" };

  for (guint i = 0; i < G_N_ELEMENTS (unforecast); i++)
    {
      g_autoptr(PangoLayout) layout = layout_new (context, unforecast[i]);
      CmWheelTextLines lines = { 0 };

      cm_wheel_text_lines_measure (&lines, layout, 1.0);
      g_assert_false (lines.valid);
      cm_wheel_text_lines_clear (&lines);
    }
  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wheel-text-lines/forecast-matches-pango", test_forecast_matches_pango);
  g_test_add_func ("/wheel-text-lines/no-forecast-for-odd-text",
                   test_no_forecast_for_odd_text);

  return g_test_run ();
}
