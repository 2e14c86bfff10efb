/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-demand.h"

G_BEGIN_DECLS

#define CM_TYPE_DEMAND_CHART_VIEW (cm_demand_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CmDemandChartView, cm_demand_chart_view, CM, DEMAND_CHART_VIEW, GtkWidget)

CmDemandChartView *cm_demand_chart_view_new      (void);
void               cm_demand_chart_view_set_data (CmDemandChartView    *self,
                                                  const CmDemandInputs *inputs,
                                                  const CmDemandResult *result);

G_END_DECLS
