/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CM_TYPE_WHEEL_LEGEND (cm_wheel_legend_get_type ())
G_DECLARE_FINAL_TYPE (CmWheelLegend, cm_wheel_legend, CM, WHEEL_LEGEND, GtkWidget)

GtkWidget *cm_wheel_legend_new (void);

G_END_DECLS
