/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-export-spec"

#include "config.h"

#include "cm-export-spec.h"

#include <glib/gi18n.h>

#include "cm-store-specs.h"

static void
fact_free (gpointer data)
{
  CmSpecExportFact *fact = data;

  g_free (fact->label);
  g_free (fact->value);
  g_free (fact);
}

static void
section_free (gpointer data)
{
  CmSpecExportSection *section = data;

  g_free (section->title);
  g_free (section->body);
  g_clear_pointer (&section->quotes, g_ptr_array_unref);
  g_free (section);
}

static void
kpi_free (gpointer data)
{
  CmSpecExportKpi *kpi = data;

  g_free (kpi->measure);
  g_free (kpi->target);
  g_free (kpi->frequency);
  g_free (kpi->source);
  g_free (kpi);
}

static void
add_fact (CmSpecExport *export,
          const char   *label,
          const char   *value)
{
  CmSpecExportFact *fact;

  if (value == NULL || *value == '\0')
    return;

  fact = g_new0 (CmSpecExportFact, 1);
  fact->label = g_strdup (label);
  fact->value = g_strdup (value);
  g_ptr_array_add (export->facts, fact);
}

static void
gather_facts (CmSpecExport  *export,
              CmServiceSpec *spec)
{
  g_autofree char *version = NULL;
  g_autofree char *types = cm_summary_format_advocacy (cm_service_spec_get_advocacy_types (spec));
  g_autofree char *budget = NULL;
  g_autofree char *updated = cm_summary_format_date_time (cm_service_spec_get_updated_at (spec));

  if (cm_service_spec_get_version (spec) == 0)
    version = g_strdup (_("No version recorded yet"));
  else
    version = g_strdup_printf (_("Version %u"), cm_service_spec_get_version (spec));
  if (cm_service_spec_get_budget_pence (spec) > 0)
    budget = cm_summary_format_money (cm_service_spec_get_budget_pence (spec));

  add_fact (export, _("Cycle"), export->cycle_title);
  add_fact (export, _("Status"), export->status);
  add_fact (export, _("Version"), version);
  add_fact (export, _("Advocacy types"), types);
  add_fact (export, _("Lead"), cm_service_spec_get_lead (spec));
  add_fact (export, _("Budget"), budget);
  add_fact (export, _("Contract term"), cm_service_spec_get_contract_term (spec));
  add_fact (export, _("Procurement route"),
            cm_procurement_route_to_label (cm_service_spec_get_procurement_route (spec)));
  add_fact (export, _("Last updated"), updated);
}

static gboolean
gather_sections (CmSpecExport   *export,
                 CmStore        *store,
                 CmServiceSpec  *spec,
                 GError        **error)
{
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GHashTable) participants = cm_summary_participant_cache_new ();
  guint n;

  sections = cm_store_list_sections (store, cm_service_spec_get_id (spec), error);
  if (sections == NULL)
    return FALSE;

  n = g_list_model_get_n_items (sections);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmSpecSection) section = g_list_model_get_item (sections, i);
      g_autoptr(GListModel) citations = NULL;
      CmSpecExportSection *item = g_new0 (CmSpecExportSection, 1);

      item->title = g_strdup (cm_spec_section_get_title (section));
      item->body = g_strdup (cm_spec_section_get_body (section));
      item->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) cm_summary_quote_free);
      g_ptr_array_add (export->sections, item);

      /* Citations are a nicety: a section is exported without them rather
       * than not at all. */
      citations = cm_store_list_section_citations (store, cm_spec_section_get_id (section), NULL);
      for (guint c = 0; citations != NULL && c < g_list_model_get_n_items (citations); c++)
        {
          g_autoptr(CmContribution) contribution = g_list_model_get_item (citations, c);
          CmSummaryQuote *quote = cm_summary_quote_new (store, contribution, participants);

          if (quote != NULL)
            g_ptr_array_add (item->quotes, quote);
        }
    }

  return TRUE;
}

static gboolean
gather_kpis (CmSpecExport   *export,
             CmStore        *store,
             CmServiceSpec  *spec,
             GError        **error)
{
  g_autoptr(GListModel) kpis = NULL;
  guint n;

  kpis = cm_store_list_kpis (store, cm_service_spec_get_id (spec), error);
  if (kpis == NULL)
    return FALSE;

  n = g_list_model_get_n_items (kpis);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmKpi) kpi = g_list_model_get_item (kpis, i);
      CmSpecExportKpi *item = g_new0 (CmSpecExportKpi, 1);

      item->measure = g_strdup (cm_kpi_get_measure (kpi));
      item->target = g_strdup (cm_kpi_get_target (kpi));
      item->frequency = g_strdup (cm_kpi_get_frequency (kpi));
      item->source = g_strdup (cm_kpi_get_source (kpi));
      g_ptr_array_add (export->kpis, item);
    }

  return TRUE;
}

static void
gather_demand (CmSpecExport  *export,
               CmStore       *store,
               CmServiceSpec *spec)
{
  g_autoptr(CmDemandInputs) inputs = cm_store_load_demand_model (store, spec, NULL);
  gboolean any = FALSE;

  if (inputs == NULL || !cm_demand_inputs_validate (inputs, NULL, NULL, NULL))
    return;
  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    any |= inputs->rows[i].people_per_year > 0 || inputs->rows[i].exception_cases > 0;
  if (!any)
    return;

  export->demand_result = cm_demand_compute (inputs);
  export->demand_inputs = g_steal_pointer (&inputs);
}

CmSpecExport *
cm_spec_export_gather (CmStore        *store,
                       CmServiceSpec  *spec,
                       GError        **error)
{
  g_autoptr(CmSpecExport) export = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = NULL;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), NULL);

  today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                          (GDateMonth) g_date_time_get_month (now),
                          (GDateYear) g_date_time_get_year (now));
  cycle = cm_store_get_cycle (store, cm_service_spec_get_cycle_id (spec), NULL);

  export = g_new0 (CmSpecExport, 1);
  export->title = g_strdup (cm_service_spec_get_title (spec));
  export->cycle_title = g_strdup (cycle != NULL ? cm_cycle_get_title (cycle) : "");
  export->status = g_strdup (cm_spec_status_to_label (cm_service_spec_get_status (spec)));
  export->date = cm_summary_format_date (today);
  export->facts = g_ptr_array_new_with_free_func (fact_free);
  export->sections = g_ptr_array_new_with_free_func (section_free);
  export->kpis = g_ptr_array_new_with_free_func (kpi_free);

  gather_facts (export, spec);
  if (!gather_sections (export, store, spec, error) || !gather_kpis (export, store, spec, error))
    return NULL;
  gather_demand (export, store, spec);

  return g_steal_pointer (&export);
}

void
cm_spec_export_free (CmSpecExport *export)
{
  if (export == NULL)
    return;

  g_free (export->title);
  g_free (export->cycle_title);
  g_free (export->status);
  g_free (export->date);
  g_clear_pointer (&export->facts, g_ptr_array_unref);
  g_clear_pointer (&export->sections, g_ptr_array_unref);
  g_clear_pointer (&export->kpis, g_ptr_array_unref);
  g_clear_pointer (&export->demand_inputs, cm_demand_inputs_free);
  g_clear_pointer (&export->demand_result, cm_demand_result_free);
  g_free (export);
}

GStrv
cm_spec_export_split_paragraphs (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autofree char *unified = NULL;

  if (text == NULL)
    return g_strv_builder_end (builder);

  /* Windows line ends count as line ends. */
  unified = g_strjoinv ("\n", (parts = g_strsplit (text, "\r\n", -1)));
  g_clear_pointer (&parts, g_strfreev);
  parts = g_regex_split_simple ("\\n[ \\t]*\\n", unified, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (parts[i]));

      if (*trimmed != '\0')
        g_strv_builder_add (builder, trimmed);
    }

  return g_strv_builder_end (builder);
}
