/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-palette"

#include "config.h"

#include "cm-wheel-painter.h"

/* Colours from the GNOME palette. Text has a contrast of at least 4.5:1 on
 * its segment's fill, and marks and hatching at least 3:1; not-applicable
 * text is dark enough to stay legible where it crosses the hatching. The
 * high-contrast palettes also outline every segment. */

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                   ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                       ((hex) & 0xff) / 255.0, (a) }

static const CmWheelPalette palette_light = {
  .background = RGBA (0xffffff, 0.0),
  .text = RGB (0x241f31),
  .dim_text = RGB (0x5e5c64),
  .status_fill = { RGB (0xdeddda), RGB (0x99c1f1), RGB (0x57e389), RGB (0xf6f5f4) },
  .status_text = { RGB (0x241f31), RGB (0x241f31), RGB (0x241f31), RGB (0x3d3846) },
  .status_mark = { RGB (0x77767b), RGB (0x1a5fb4), RGB (0x241f31), RGB (0x8b8a8f) },
  .outline = RGBA (0x000000, 0.0),
  .outline_width = 0.0,
  .placeholder = RGBA (0x9a9996, 0.9),
  .centre_fill = RGB (0xffffff),
  .progress = RGB (0x2ec27e),
  .stage_band = RGB (0xc0bfbc),
  .accent = RGB (0x1c71d8),
  .selection = RGB (0x241f31),
  .hover = RGBA (0x000000, 0.08),
  .focus = RGBA (0x1c71d8, 0.5),
};

static const CmWheelPalette palette_dark = {
  .background = RGBA (0x000000, 0.0),
  .text = RGB (0xffffff),
  .dim_text = RGB (0xc0bfbc),
  .status_fill = { RGB (0x3d3d3d), RGB (0x1a5fb4), RGB (0x2ec27e), RGB (0x2a2a2a) },
  .status_text = { RGB (0xffffff), RGB (0xffffff), RGB (0x1e1e1e), RGB (0xdeddda) },
  .status_mark = { RGB (0x9a9996), RGB (0x99c1f1), RGB (0x1e1e1e), RGB (0x77767b) },
  .outline = RGBA (0xffffff, 0.0),
  .outline_width = 0.0,
  .placeholder = RGBA (0x77767b, 0.9),
  .centre_fill = RGB (0x303030),
  .progress = RGB (0x2ec27e),
  .stage_band = RGB (0x5e5c64),
  .accent = RGB (0x78aeed),
  .selection = RGB (0xffffff),
  .hover = RGBA (0xffffff, 0.1),
  .focus = RGBA (0x78aeed, 0.5),
};

static const CmWheelPalette palette_high_contrast = {
  .background = RGBA (0xffffff, 0.0),
  .text = RGB (0x000000),
  .dim_text = RGB (0x3d3846),
  .status_fill = { RGB (0xffffff), RGB (0x99c1f1), RGB (0x57e389), RGB (0xffffff) },
  .status_text = { RGB (0x000000), RGB (0x000000), RGB (0x000000), RGB (0x000000) },
  .status_mark = { RGB (0x000000), RGB (0x000000), RGB (0x000000), RGBA (0x000000, 0.55) },
  .outline = RGB (0x000000),
  .outline_width = 1.5,
  .placeholder = RGB (0x000000),
  .centre_fill = RGB (0xffffff),
  .progress = RGB (0x1a5fb4),
  .stage_band = RGB (0x77767b),
  .accent = RGB (0x1a5fb4),
  .selection = RGB (0x000000),
  .hover = RGBA (0x000000, 0.12),
  .focus = RGBA (0x1a5fb4, 0.8),
};

static const CmWheelPalette palette_high_contrast_dark = {
  .background = RGBA (0x000000, 0.0),
  .text = RGB (0xffffff),
  .dim_text = RGB (0xdeddda),
  .status_fill = { RGB (0x000000), RGB (0x1a5fb4), RGB (0x57e389), RGB (0x000000) },
  .status_text = { RGB (0xffffff), RGB (0xffffff), RGB (0x000000), RGB (0xffffff) },
  .status_mark = { RGB (0xffffff), RGB (0xffffff), RGB (0x000000), RGBA (0xffffff, 0.5) },
  .outline = RGB (0xffffff),
  .outline_width = 1.5,
  .placeholder = RGB (0xffffff),
  .centre_fill = RGB (0x000000),
  .progress = RGB (0x57e389),
  .stage_band = RGB (0x9a9996),
  .accent = RGB (0x99c1f1),
  .selection = RGB (0xffffff),
  .hover = RGBA (0xffffff, 0.16),
  .focus = RGBA (0x99c1f1, 0.8),
};

const CmWheelPalette *
cm_wheel_palette_light (void)
{
  return &palette_light;
}

const CmWheelPalette *
cm_wheel_palette_dark (void)
{
  return &palette_dark;
}

const CmWheelPalette *
cm_wheel_palette_high_contrast (void)
{
  return &palette_high_contrast;
}

const CmWheelPalette *
cm_wheel_palette_high_contrast_dark (void)
{
  return &palette_high_contrast_dark;
}
