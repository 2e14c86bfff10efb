/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cm-demand.h"

G_BEGIN_DECLS

/* The one painter of the demand chart: hours of advocacy needed each year
 * as bars stacked by process, an axis in hours, and a line at the hours
 * the commissioned budget buys, so that a gap shows. The on-screen widget
 * and the printed summary both call cm_demand_chart_draw(). Each process
 * has a pattern as well as a colour, and the legend shows both with the
 * name, so the chart does not rely on colour alone. It draws into any
 * cairo_t, in user-space units, inside (0, 0, width, height) and nowhere
 * else; it needs no display. */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CmChartColor;

typedef struct
{
  CmChartColor background;   /* alpha 0: leave what is underneath */
  CmChartColor text;
  CmChartColor dim_text;
  CmChartColor grid;
  CmChartColor axis;
  CmChartColor fill[CM_N_DEMAND_PROCESSES];     /* indexed by CmDemandProcess */
  CmChartColor pattern[CM_N_DEMAND_PROCESSES];  /* the hatching over the fill */
  CmChartColor separator;    /* between stacked segments */
  CmChartColor budget;       /* the line at the hours the budget buys */
  CmChartColor over_budget;  /* a year's total that the budget does not cover */
} CmDemandChartPalette;

const CmDemandChartPalette *cm_demand_chart_palette_light              (void);
const CmDemandChartPalette *cm_demand_chart_palette_dark               (void);
const CmDemandChartPalette *cm_demand_chart_palette_high_contrast      (void);
const CmDemandChartPalette *cm_demand_chart_palette_high_contrast_dark (void);

/* Where things go, for the widget's tooltips and for tests. */
typedef struct
{
  double plot_x;         /* the rectangle the bars stand in */
  double plot_y;
  double plot_width;
  double plot_height;
  double axis_max;       /* hours at the top of the plot */
  double budget_y;       /* where the budget line is drawn, or -1 with no budget */
  guint  n_years;
  double bar_x[CM_DEMAND_MAX_YEARS];
  double bar_width;
  double legend_y;       /* the legend's top; legend_height 0 when left out */
  double legend_height;
} CmDemandChartLayout;

void     cm_demand_chart_layout       (const CmDemandInputs        *inputs,
                                       const CmDemandResult        *result,
                                       double                       width,
                                       double                       height,
                                       const PangoFontDescription  *font,
                                       CmDemandChartLayout         *layout);
double   cm_demand_chart_hours_to_y   (const CmDemandChartLayout   *layout,
                                       double                       hours);
/* The rectangle of one process's part of one year's bar; FALSE when that
 * part is empty or the year is not shown. */
gboolean cm_demand_chart_get_segment  (const CmDemandChartLayout   *layout,
                                       const CmDemandResult        *result,
                                       guint                        year,
                                       CmDemandProcess              process,
                                       double                      *x,
                                       double                      *y,
                                       double                      *width,
                                       double                      *height);

void     cm_demand_chart_draw         (cairo_t                     *cr,
                                       const CmDemandInputs        *inputs,
                                       const CmDemandResult        *result,
                                       double                       width,
                                       double                       height,
                                       const CmDemandChartPalette  *palette,
                                       const PangoFontDescription  *font);

/* A sentence describing the chart for screen readers and for the printed
 * summary's alternative text. */
char    *cm_demand_chart_describe     (const CmDemandInputs        *inputs,
                                       const CmDemandResult        *result);

G_END_DECLS
