/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-demand-chart"

#include "config.h"

#include "cm-demand-chart.h"

/* The demand chart's colours. Each process also has a pattern (see
 * cm-demand-chart.c), so the pairs need only be told apart, not named. */

#define RGB(r, g, b)      { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1.0 }
#define RGBA(r, g, b, a)  { (r) / 255.0, (g) / 255.0, (b) / 255.0, (a) }

/* GNOME's palette: blue, green, yellow, orange, red, purple. */
static const CmDemandChartPalette palette_light = {
  .background = RGBA (255, 255, 255, 0),
  .text = RGBA (0, 0, 0, 0.8),
  .dim_text = RGBA (0, 0, 0, 0.55),
  .grid = RGBA (0, 0, 0, 0.1),
  .axis = RGBA (0, 0, 0, 0.5),
  .fill = {
    RGB (0x1c, 0x71, 0xd8), RGB (0x2e, 0xc2, 0x7e), RGB (0xf5, 0xc2, 0x11),
    RGB (0xe6, 0x61, 0x00), RGB (0xc0, 0x1c, 0x28), RGB (0x81, 0x3d, 0x9c),
  },
  .pattern = {
    RGBA (255, 255, 255, 0.75), RGBA (255, 255, 255, 0.75), RGBA (0, 0, 0, 0.5),
    RGBA (255, 255, 255, 0.75), RGBA (255, 255, 255, 0.75), RGBA (255, 255, 255, 0.75),
  },
  .separator = RGB (255, 255, 255),
  .budget = RGB (0x24, 0x1f, 0x31),
  .over_budget = RGB (0xa5, 0x1d, 0x2d),
};

static const CmDemandChartPalette palette_dark = {
  .background = RGBA (0, 0, 0, 0),
  .text = RGBA (255, 255, 255, 0.9),
  .dim_text = RGBA (255, 255, 255, 0.6),
  .grid = RGBA (255, 255, 255, 0.12),
  .axis = RGBA (255, 255, 255, 0.5),
  .fill = {
    RGB (0x62, 0xa0, 0xea), RGB (0x57, 0xe3, 0x89), RGB (0xf8, 0xe4, 0x5c),
    RGB (0xff, 0xa3, 0x48), RGB (0xf6, 0x61, 0x51), RGB (0xc0, 0x61, 0xcb),
  },
  .pattern = {
    RGBA (0, 0, 0, 0.55), RGBA (0, 0, 0, 0.55), RGBA (0, 0, 0, 0.55),
    RGBA (0, 0, 0, 0.55), RGBA (0, 0, 0, 0.55), RGBA (0, 0, 0, 0.55),
  },
  .separator = RGB (0x24, 0x24, 0x24),
  .budget = RGB (255, 255, 255),
  .over_budget = RGB (0xff, 0x7b, 0x63),
};

/* High contrast: pale fills, so the black patterns carry the meaning. */
static const CmDemandChartPalette palette_high_contrast = {
  .background = RGBA (255, 255, 255, 0),
  .text = RGB (0, 0, 0),
  .dim_text = RGB (0, 0, 0),
  .grid = RGBA (0, 0, 0, 0.3),
  .axis = RGB (0, 0, 0),
  .fill = {
    RGB (0x99, 0xc1, 0xf1), RGB (0x8f, 0xf0, 0xa4), RGB (0xf9, 0xf0, 0x6b),
    RGB (0xff, 0xbe, 0x6f), RGB (0xf6, 0x61, 0x51), RGB (0xdc, 0x8a, 0xdd),
  },
  .pattern = {
    RGB (0, 0, 0), RGB (0, 0, 0), RGB (0, 0, 0), RGB (0, 0, 0), RGB (0, 0, 0), RGB (0, 0, 0),
  },
  .separator = RGB (0, 0, 0),
  .budget = RGB (0, 0, 0),
  .over_budget = RGB (0, 0, 0),
};

static const CmDemandChartPalette palette_high_contrast_dark = {
  .background = RGBA (0, 0, 0, 0),
  .text = RGB (255, 255, 255),
  .dim_text = RGB (255, 255, 255),
  .grid = RGBA (255, 255, 255, 0.35),
  .axis = RGB (255, 255, 255),
  .fill = {
    RGB (0x1a, 0x5f, 0xb4), RGB (0x26, 0xa2, 0x69), RGB (0x9c, 0x6e, 0x03),
    RGB (0xc6, 0x46, 0x00), RGB (0xa5, 0x1d, 0x2d), RGB (0x61, 0x35, 0x83),
  },
  .pattern = {
    RGB (255, 255, 255), RGB (255, 255, 255), RGB (255, 255, 255), RGB (255, 255, 255),
    RGB (255, 255, 255), RGB (255, 255, 255),
  },
  .separator = RGB (255, 255, 255),
  .budget = RGB (255, 255, 255),
  .over_budget = RGB (255, 255, 255),
};

const CmDemandChartPalette *
cm_demand_chart_palette_light (void)
{
  return &palette_light;
}

const CmDemandChartPalette *
cm_demand_chart_palette_dark (void)
{
  return &palette_dark;
}

const CmDemandChartPalette *
cm_demand_chart_palette_high_contrast (void)
{
  return &palette_high_contrast;
}

const CmDemandChartPalette *
cm_demand_chart_palette_high_contrast_dark (void)
{
  return &palette_high_contrast_dark;
}

