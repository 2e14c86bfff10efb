/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-specs"

#include "config.h"

#include "cm-summary-sections-private.h"

#include <glib/gi18n.h>

#include "cm-demand-chart.h"

/* The specifications: an overview table, then each one's facts and its
 * demand model, as figures and a chart. */

typedef struct
{
  CmDemandInputs *inputs;
  CmDemandResult *result;
} DemandData;

static void
demand_data_free (gpointer user_data)
{
  DemandData *data = user_data;

  cm_demand_inputs_free (data->inputs);
  cm_demand_result_free (data->result);
  g_free (data);
}

static void
draw_demand (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  DemandData *data = user_data;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 7.5px");

  cm_demand_chart_draw (cr, data->inputs, data->result, width, height,
                        cm_demand_chart_palette_light (), font);
}

static void
add_demand (CmSummaryFlow       *flow,
            const CmSummarySpec *spec)
{
  const CmDemandResult *result = spec->demand_result;
  CmSummaryTable *table;
  g_autofree char *h0 = cm_summary_escape (_("Year"));
  g_autofree char *h1 = cm_summary_escape (_("Cases"));
  g_autofree char *h2 = cm_summary_escape (_("Hours"));
  g_autofree char *h3 = cm_summary_escape (_("Cost"));
  g_autofree char *h4 = cm_summary_escape (_("Hours the budget buys"));

  if (result == NULL || result->n_years == 0)
    return;

  cm_summary_flow_add_heading (flow, 3, _("Demand model"), FALSE);
  table = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 5,
                                     (const double[]) { 1.0, 1.0, 1.0, 1.2, 1.4 });
  cm_summary_table_set_header (table, (const char * const[]) { h0, h1, h2, h3, h4 });

  for (guint y = 0; y <= result->n_years; y++)
    {
      const CmDemandYear *year = y < result->n_years ? &result->years[y] : &result->period;
      g_autofree char *label = NULL;
      g_autofree char *cases = g_strdup_printf ("%.0f", year->total_cases);
      g_autofree char *hours = g_strdup_printf ("%.0f", year->total_hours);
      g_autofree char *cost = cm_summary_format_pounds (year->total_cost);
      g_autofree char *budget = year->budget_hours > 0 ? g_strdup_printf ("%.0f",
                                                                          year->budget_hours)
                                                       : g_strdup ("—");

      if (y < result->n_years)
        /* Translators: a year of the demand model, counted from 1 */
        label = g_strdup_printf (_("Year %u"), y + 1);
      else
        label = g_strdup (_("Total"));
      cm_summary_add_plain_row (table,
                                y < result->n_years ? CM_SUMMARY_ROW_NORMAL : CM_SUMMARY_ROW_TOTAL,
                                label, cases, hours, cost, budget, NULL);
    }

  if (spec->demand_inputs != NULL)
    {
      DemandData *data = g_new0 (DemandData, 1);
      g_autofree char *description = NULL;

      /* The figures and their chart on one page. */
      cm_summary_flow_keep_with_next (flow);

      data->inputs = cm_demand_inputs_copy (spec->demand_inputs);
      data->result = cm_demand_result_copy (spec->demand_result);
      description = cm_demand_chart_describe (data->inputs, data->result);
      cm_summary_flow_add_figure (flow, cm_summary_flow_get_width (flow), 200, draw_demand,
                                  data, demand_data_free);
      cm_summary_flow_keep_with_next (flow);
      if (description != NULL && *description != '\0')
        cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_SMALL, description);
    }
}

void
cm_summary_build_specs (CmSummaryFlow        *flow,
                        const CmSummaryModel *model)
{
  CmSummaryTable *overview;
  g_autofree char *h0 = cm_summary_escape (_("Specification"));
  g_autofree char *h1 = cm_summary_escape (_("Status"));
  g_autofree char *h2 = cm_summary_escape (_("Version"));
  g_autofree char *h3 = cm_summary_escape (_("Budget"));
  g_autofree char *h4 = cm_summary_escape (_("Route"));

  cm_summary_flow_add_heading (flow, 1, _("Specifications"), TRUE);

  if (model->specs->len == 0)
    {
      cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_BODY,
                                _("This cycle has no specifications yet."));
      return;
    }

  overview = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 5,
                                        (const double[]) { 3.0, 1.2, 0.9, 1.3, 2.0 });
  cm_summary_table_set_header (overview, (const char * const[]) { h0, h1, h2, h3, h4 });
  for (guint i = 0; i < model->specs->len; i++)
    {
      CmSummarySpec *spec = g_ptr_array_index (model->specs, i);
      g_autofree char *version = g_strdup_printf ("%u", spec->version);
      g_autofree char *budget = NULL;

      budget = spec->budget_pence > 0 ? cm_summary_format_money (spec->budget_pence)
                                      : g_strdup ("—");

      cm_summary_add_plain_row (overview, CM_SUMMARY_ROW_NORMAL, spec->title,
                                cm_spec_status_to_label (spec->status), version, budget,
                                cm_procurement_route_to_label (spec->procurement_route), NULL);
    }

  for (guint i = 0; i < model->specs->len; i++)
    {
      CmSummarySpec *spec = g_ptr_array_index (model->specs, i);
      g_autofree char *version = NULL;
      g_autofree char *types = cm_summary_format_advocacy (spec->advocacy_types);
      g_autofree char *budget = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *n_sections = NULL;
      g_autofree char *n_kpis = NULL;
      g_autofree char *updated = cm_summary_format_date_time (spec->updated_at);
      CmSummaryTable *facts;

      cm_summary_flow_add_heading (flow, 2, spec->title, TRUE);

      if (spec->version == 0)
        version = g_strdup (_("No version recorded yet"));
      else
        /* Translators: the number of recorded versions of a specification */
        version = g_strdup_printf (_("Version %u"), spec->version);
      if (spec->budget_pence > 0)
        budget = cm_summary_format_money (spec->budget_pence);
      n_sections = g_strdup_printf (ngettext ("%u section", "%u sections", spec->n_sections),
                                    spec->n_sections);
      n_kpis = g_strdup_printf (ngettext ("%u KPI", "%u KPIs", spec->n_kpis), spec->n_kpis);
      /* Translators: what a specification contains, e.g. "12 sections, 8 KPIs" */
      contents = g_strdup_printf (_("%s, %s"), n_sections, n_kpis);

      facts = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_PLAIN, 2,
                                         (const double[]) { 1.0, 2.6 });
      cm_summary_add_fact (facts, _("Status"), cm_spec_status_to_label (spec->status));
      cm_summary_add_fact (facts, _("Version"), version);
      cm_summary_add_fact (facts, _("Advocacy types"), types);
      cm_summary_add_fact (facts, _("Lead"), spec->lead);
      cm_summary_add_fact (facts, _("Budget"), budget);
      cm_summary_add_fact (facts, _("Contract term"), spec->contract_term);
      cm_summary_add_fact (facts, _("Procurement route"),
                           cm_procurement_route_to_label (spec->procurement_route));
      cm_summary_add_fact (facts, _("Contents"), contents);
      cm_summary_add_fact (facts, _("Last updated"), updated);

      /* A specification and its demand figures read as one: they go on
       * one page when they fit. */
      if (spec->demand_result != NULL && spec->demand_result->n_years > 0)
        cm_summary_flow_keep_with_next (flow);
      add_demand (flow, spec);
    }
}
