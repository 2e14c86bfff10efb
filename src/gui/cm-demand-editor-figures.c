/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-demand-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cm-demand-editor-private.h"
#include "cm-money.h"

/* The demand model's figures: worked out again on every change, shown year
 * by year in a table and on the chart, with what cannot be used marked
 * beside its input and the budget compared with the cost. */

static void
mark (GtkWidget *widget,
      gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static GtkWidget *
table_label (const char *text,
             gboolean    heading,
             gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
add_table_row (CmDemandEditor     *self,
               int                 row,
               const char         *title,
               const CmDemandYear *figures,
               gboolean            heading)
{
  g_autofree char *cases = g_strdup_printf ("%'.1f", figures->total_cases);
  g_autofree char *hours = g_strdup_printf ("%'.0f", round (figures->total_hours));
  g_autofree char *cost = cm_money_format ((gint64) llround (figures->total_cost * 100));
  g_autofree char *gap = NULL;

  if (figures->budget_hours > 0 && figures->total_hours > figures->budget_hours)
    gap = g_strdup_printf ("%'.0f", round (figures->total_hours - figures->budget_hours));
  else
    gap = g_strdup (figures->budget_hours > 0 ? "—" : "");

  gtk_grid_attach (self->table, table_label (title, heading, FALSE), 0, row, 1, 1);
  gtk_grid_attach (self->table, table_label (cases, heading, TRUE), 1, row, 1, 1);
  gtk_grid_attach (self->table, table_label (hours, heading, TRUE), 2, row, 1, 1);
  gtk_grid_attach (self->table, table_label (cost, heading, TRUE), 3, row, 1, 1);
  gtk_grid_attach (self->table, table_label (gap, heading, TRUE), 4, row, 1, 1);
}

static void
update_table (CmDemandEditor       *self,
              const CmDemandResult *result)
{
  const char *headings[] = {
    /* Translators: column headings of the demand table */
    N_("Year"), N_("Cases"), N_("Hours"), N_("Cost"), N_("Hours over budget"),
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    gtk_grid_attach (self->table, table_label (_(headings[i]), TRUE, i > 0), (int) i, 0, 1, 1);

  for (guint y = 0; y < result->n_years; y++)
    {
      g_autofree char *year = g_strdup_printf ("%u", y + 1);

      add_table_row (self, (int) y + 1, year, &result->years[y], FALSE);
    }

  /* Translators: the last row of the demand table, summed over every year */
  add_table_row (self, (int) result->n_years + 1, _("Total"), &result->period, TRUE);
}

static void
update_subtitles (CmDemandEditor       *self,
                  const CmDemandResult *result)
{
  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      g_autofree char *cases = g_strdup_printf ("%'.1f", result->years[0].cases[i]);
      g_autofree char *hours = g_strdup_printf ("%'.0f", round (result->years[0].hours[i]));
      g_autofree char *subtitle = NULL;

      /* Translators: under a process in the demand model; figures for the first year */
      subtitle = g_strdup_printf (_("%s cases, %s hours in year 1"), cases, hours);
      adw_expander_row_set_subtitle (self->process_rows[i], subtitle);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->process_rows[i]),
                                     cm_demand_inputs_get_row_label (self->inputs, i));
    }
}

/* Marks every input that cannot be used, each with its reason. The model
 * reports the first bad input, so it is asked again with that one set
 * right until nothing is left. */
static void
show_validation (CmDemandEditor *self)
{
  g_autoptr(CmDemandInputs) probe = cm_demand_inputs_copy (self->inputs);
  g_autoptr(GString) model_errors = g_string_new (NULL);
  GString *row_errors[CM_N_DEMAND_PROCESSES];
  gboolean bad[CM_N_DEMAND_PROCESSES][N_FIELDS] = { { FALSE } };
  gboolean bad_rate = FALSE, bad_growth = FALSE;

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    row_errors[i] = g_string_new (NULL);

  for (guint attempt = 0; attempt < 64; attempt++)
    {
      g_autoptr(GError) error = NULL;
      CmDemandProcess process;
      CmDemandField field;

      if (cm_demand_inputs_validate (probe, &process, &field, &error))
        break;

      if ((int) process >= 0 && (int) process < CM_N_DEMAND_PROCESSES)
        {
          for (guint f = 0; f < N_FIELDS; f++)
            {
              if (cm_demand_editor_field_ids[f] != field)
                continue;
              bad[process][f] = TRUE;
              if (f == FIELD_LABEL)
                cm_demand_inputs_set_other_label (probe, "");
              else
                *cm_demand_editor_row_value (probe, process, f) = f == FIELD_SUBSTANTIAL ||
                                                 f == FIELD_NO_INDIVIDUAL ||
                                                 f == FIELD_UPTAKE ? 0.5 : 0;
            }
          g_string_append_printf (row_errors[process], "%s%s",
                                  row_errors[process]->len ? "\n" : "", error->message);
        }
      else
        {
          g_string_append_printf (model_errors, "%s%s", model_errors->len ? "\n" : "",
                                  error->message);
          if (field == CM_DEMAND_FIELD_HOURLY_RATE)
            {
              bad_rate = TRUE;
              probe->hourly_rate = 1;
            }
          else if (field == CM_DEMAND_FIELD_GROWTH_RATE)
            {
              bad_growth = TRUE;
              probe->growth_rate = 0;
            }
          else if (field == CM_DEMAND_FIELD_YEARS)
            probe->years = CM_DEMAND_MIN_YEARS;
          else
            probe->budget_pence = 0;
        }
    }

  /* A number that could not be read is marked already; keep its reason. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->hourly_rate_row), "parse-error"))
    mark (GTK_WIDGET (self->hourly_rate_row), bad_rate);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->growth_row), "parse-error"))
    mark (GTK_WIDGET (self->growth_row), bad_growth);

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      for (guint f = 0; f < N_FIELDS; f++)
        {
          GtkWidget *row = GTK_WIDGET (self->field_rows[i][f]);

          if (row == NULL)
            continue;
          if (gtk_widget_has_css_class (row, "parse-error"))
            {
              g_string_append_printf (row_errors[i], "%s%s",
                                      row_errors[i]->len ? "\n" : "",
                                      gtk_widget_get_tooltip_text (row));
              continue;
            }
          mark (row, bad[i][f]);
        }

      gtk_label_set_label (self->process_errors[i], row_errors[i]->str);
      gtk_widget_set_visible (GTK_WIDGET (self->process_errors[i]), row_errors[i]->len > 0);
      gtk_widget_set_visible (GTK_WIDGET (self->process_warnings[i]), row_errors[i]->len > 0);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->process_warnings[i]), row_errors[i]->str);
      if (row_errors[i]->len > 0)
        adw_expander_row_set_expanded (self->process_rows[i], TRUE);
      g_string_free (row_errors[i], TRUE);
    }

  for (AdwEntryRow **row = (AdwEntryRow *[]) { self->hourly_rate_row, self->growth_row, NULL };
       *row != NULL; row++)
    {
      if (gtk_widget_has_css_class (GTK_WIDGET (*row), "parse-error"))
        g_string_append_printf (model_errors, "%s%s", model_errors->len ? "\n" : "",
                                gtk_widget_get_tooltip_text (GTK_WIDGET (*row)));
    }

  gtk_label_set_label (self->model_error_label, model_errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->model_error_label), model_errors->len > 0);
}

void
cm_demand_editor_recompute (CmDemandEditor *self)
{
  g_autoptr(CmDemandResult) result = NULL;
  g_autofree char *budget = NULL;

  if (self->inputs == NULL)
    return;

  result = cm_demand_compute (self->inputs);
  cm_demand_chart_view_set_data (self->chart, self->inputs, result);
  update_table (self, result);
  update_subtitles (self, result);
  show_validation (self);

  budget = cm_money_format (self->inputs->budget_pence);
  if (self->inputs->budget_pence > 0 && self->inputs->hourly_rate > 0)
    {
      g_autofree char *hours = g_strdup_printf ("%'.0f", result->years[0].budget_hours);
      g_autofree char *subtitle = NULL;

      /* Translators: the commissioned budget and the hours it buys, e.g.
       * "£96,000.00, which buys 3,000 hours (set on the Details tab)" */
      subtitle = g_strdup_printf (_("%s, which buys %s hours (set on the Details tab)"),
                                  budget, hours);
      adw_action_row_set_subtitle (self->budget_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->budget_row,
                                 _("Not set yet: give the budget on the Details tab to "
                                   "compare it with the demand"));
}
