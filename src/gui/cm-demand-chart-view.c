/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-demand-chart-view"

#include "config.h"

#include "cm-demand-chart-view.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cm-demand-chart.h"

/* The demand chart on screen: the report painter drawn into a snapshot,
 * with the style's palette and the widget's font. Screen readers get the
 * chart's figures as its description. */

struct _CmDemandChartView
{
  GtkWidget       parent_instance;

  CmDemandInputs *inputs;
  CmDemandResult *result;
};

G_DEFINE_FINAL_TYPE (CmDemandChartView, cm_demand_chart_view, GTK_TYPE_WIDGET)

static const CmDemandChartPalette *
current_palette (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);

  if (adw_style_manager_get_high_contrast (style))
    return dark ? cm_demand_chart_palette_high_contrast_dark ()
                : cm_demand_chart_palette_high_contrast ();
  return dark ? cm_demand_chart_palette_dark () : cm_demand_chart_palette_light ();
}

static void
cm_demand_chart_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CmDemandChartView *self = CM_DEMAND_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  g_autoptr(PangoFontDescription) font = NULL;
  cairo_t *cr;

  if (self->inputs == NULL || self->result == NULL || width <= 0 || height <= 0)
    return;

  /* The painter lays text out at 96 dpi; give it the font at the size the
   * rest of the window uses. */
  font = pango_font_description_copy (pango_context_get_font_description (context));
  if (!pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font,
                                              pango_font_description_get_size (font) *
                                              pango_cairo_context_get_resolution (context) /
                                              72.0);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cm_demand_chart_draw (cr, self->inputs, self->result, width, height, current_palette (), font);
  cairo_destroy (cr);
}

static void
cm_demand_chart_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 560;
    }
  else
    {
      *minimum = 280;
      *natural = 320;
    }
}

static void
on_style_changed (CmDemandChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cm_demand_chart_view_finalize (GObject *object)
{
  CmDemandChartView *self = CM_DEMAND_CHART_VIEW (object);

  g_clear_pointer (&self->inputs, cm_demand_inputs_free);
  g_clear_pointer (&self->result, cm_demand_result_free);

  G_OBJECT_CLASS (cm_demand_chart_view_parent_class)->finalize (object);
}

static void
cm_demand_chart_view_class_init (CmDemandChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cm_demand_chart_view_finalize;
  widget_class->snapshot = cm_demand_chart_view_snapshot;
  widget_class->measure = cm_demand_chart_view_measure;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "demandchart");
}

static void
cm_demand_chart_view_init (CmDemandChartView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Demand chart"),
                                  -1);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_style_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (on_style_changed), self,
                           G_CONNECT_SWAPPED);
}

CmDemandChartView *
cm_demand_chart_view_new (void)
{
  return g_object_new (CM_TYPE_DEMAND_CHART_VIEW, NULL);
}

void
cm_demand_chart_view_set_data (CmDemandChartView    *self,
                               const CmDemandInputs *inputs,
                               const CmDemandResult *result)
{
  g_autofree char *description = NULL;

  g_return_if_fail (CM_IS_DEMAND_CHART_VIEW (self));

  g_clear_pointer (&self->inputs, cm_demand_inputs_free);
  g_clear_pointer (&self->result, cm_demand_result_free);

  if (inputs != NULL && result != NULL)
    {
      self->inputs = cm_demand_inputs_copy (inputs);
      self->result = cm_demand_result_copy (result);
      description = cm_demand_chart_describe (inputs, result);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
