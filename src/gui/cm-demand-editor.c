/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-demand-editor"

#include "config.h"

#include "cm-demand-editor-private.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "cm-gui-util.h"
#include "cm-store-specs.h"

/* The demand model of one specification: inputs for each process and for
 * the model as a whole, the figures year by year and the chart. Every
 * change is worked out at once and saved a moment later (and when the
 * editor goes away), valid or not, so nothing typed is lost; each input
 * that cannot be used says why beside it. The figures, the checks and the
 * chart are in cm-demand-editor-figures.c. */

#define SAVE_DELAY_MS 400


const CmDemandField cm_demand_editor_field_ids[N_FIELDS] = {
  CM_DEMAND_FIELD_PEOPLE_PER_YEAR, CM_DEMAND_FIELD_P_SUBSTANTIAL_DIFFICULTY,
  CM_DEMAND_FIELD_P_NO_APPROPRIATE_INDIVIDUAL, CM_DEMAND_FIELD_UPTAKE,
  CM_DEMAND_FIELD_EXCEPTION_CASES, CM_DEMAND_FIELD_HOURS_PER_CASE, CM_DEMAND_FIELD_OTHER_LABEL,
};


G_DEFINE_FINAL_TYPE (CmDemandEditor, cm_demand_editor, GTK_TYPE_WIDGET)

/* Numbers ---------------------------------------------------------------- */

static gboolean
is_percent (RowField field)
{
  return field == FIELD_SUBSTANTIAL || field == FIELD_NO_INDIVIDUAL || field == FIELD_UPTAKE;
}

/* Reads what a person typed as a number: "1,200", "7.5", "7,5" where the
 * comma is the decimal point, with an optional % or £. Empty is zero. */
static gboolean
parse_number (const char  *text,
              double      *value,
              GError     **error)
{
  const char *point = localeconv ()->decimal_point;
  gboolean comma_decimal = point != NULL && g_str_equal (point, ",");
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end = NULL;
  double parsed;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '%' || c == 0x00a3 /* £ */ || c == 0x202f)
        continue;
      if (c == ',')
        {
          if (comma_decimal)
            g_string_append_c (clean, '.');
          continue;
        }
      if (c == 0x2212)  /* minus sign */
        c = '-';
      g_string_append_unichar (clean, c);
    }

  if (clean->len == 0)
    {
      *value = 0;
      return TRUE;
    }

  parsed = g_ascii_strtod (clean->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (parsed))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Type a number, such as 120 or 2.5."));
      return FALSE;
    }

  *value = parsed;
  return TRUE;
}

static char *
format_number (double value)
{
  return g_strdup_printf ("%.10g", value);
}

double *
cm_demand_editor_row_value (CmDemandInputs *inputs,
                            guint           process,
                            RowField        field)
{
  CmDemandRow *row = &inputs->rows[process];

  switch (field)
    {
    case FIELD_PEOPLE:
      return &row->people_per_year;
    case FIELD_SUBSTANTIAL:
      return &row->p_substantial_difficulty;
    case FIELD_NO_INDIVIDUAL:
      return &row->p_no_appropriate_individual;
    case FIELD_UPTAKE:
      return &row->uptake;
    case FIELD_EXCEPTIONS:
      return &row->exception_cases;
    case FIELD_HOURS:
      return &row->hours_per_case;
    case FIELD_LABEL:
    case N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}


/* Saving ----------------------------------------------------------------- */

static void
save_now (CmDemandEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->store == NULL || self->spec == NULL || self->inputs == NULL || self->read_only)
    return;

  if (!cm_store_save_demand_model (self->store, self->spec, self->inputs, &error) ||
      !cm_store_touch_spec (self->store, self->spec, &error))
    {
      gtk_label_set_label (self->load_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), FALSE);
}

static gboolean
save_timeout (gpointer user_data)
{
  CmDemandEditor *self = user_data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CmDemandEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

/* Editing ---------------------------------------------------------------- */

static void
load_fields (CmDemandEditor *self)
{
  g_autofree char *rate = NULL;
  g_autofree char *growth = NULL;

  if (self->inputs == NULL)
    return;

  self->updating = TRUE;

  rate = format_number (self->inputs->hourly_rate);
  growth = format_number (self->inputs->growth_rate * 100);
  cm_set_entry_text (self->hourly_rate_row, rate);
  cm_set_entry_text (self->growth_row, growth);
  gtk_spin_button_set_value (self->years_spin, self->inputs->years);
  gtk_widget_remove_css_class (GTK_WIDGET (self->hourly_rate_row), "parse-error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->growth_row), "parse-error");

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      for (guint f = 0; f < N_FIELDS; f++)
        {
          g_autofree char *text = NULL;

          if (self->field_rows[i][f] == NULL)
            continue;

          if (f == FIELD_LABEL)
            text = g_strdup (self->inputs->other_label ? self->inputs->other_label : "");
          else
            text = format_number (*cm_demand_editor_row_value (self->inputs, i, f) * (is_percent (f) ? 100 : 1));
          cm_set_entry_text (self->field_rows[i][f], text);
          gtk_widget_remove_css_class (GTK_WIDGET (self->field_rows[i][f]), "parse-error");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->field_rows[i][f]), NULL);
        }
    }

  self->updating = FALSE;
  cm_demand_editor_recompute (self);
}

static void
changed (CmDemandEditor *self)
{
  cm_demand_editor_recompute (self);
  schedule_save (self);
}

/* Reads one entry into *value; a text that is not a number marks the row
 * with the reason and leaves the value as it was. */
static gboolean
read_entry (AdwEntryRow *row,
            double       scale,
            double      *value)
{
  g_autoptr(GError) error = NULL;
  double parsed;

  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (row)), &parsed, &error))
    {
      g_autofree char *reason = NULL;

      /* Translators: the name of a field and why what was typed is not usable */
      reason = g_strdup_printf (_("%s: %s"),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "parse-error");
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), reason);
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "parse-error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
  *value = parsed / scale;
  return TRUE;
}

static void
on_field_changed (AdwEntryRow    *row,
                  CmDemandEditor *self)
{
  if (self->updating || self->inputs == NULL)
    return;

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    for (guint f = 0; f < N_FIELDS; f++)
      {
        if (self->field_rows[i][f] != row)
          continue;

        if (f == FIELD_LABEL)
          cm_demand_inputs_set_other_label (self->inputs,
                                            gtk_editable_get_text (GTK_EDITABLE (row)));
        else
          read_entry (row, is_percent (f) ? 100 : 1, cm_demand_editor_row_value (self->inputs, i, f));
        changed (self);
        return;
      }
}

static void
on_global_changed (CmDemandEditor *self)
{
  if (self->updating || self->inputs == NULL)
    return;

  read_entry (self->hourly_rate_row, 1, &self->inputs->hourly_rate);
  read_entry (self->growth_row, 100, &self->inputs->growth_rate);
  changed (self);
}

static void
on_years_changed (CmDemandEditor *self)
{
  if (self->updating || self->inputs == NULL)
    return;

  self->inputs->years = (guint) gtk_spin_button_get_value_as_int (self->years_spin);
  changed (self);
}

static void
apply_proportions (CmDemandEditor *self,
                   double          uptake)
{
  if (self->inputs == NULL)
    return;

  /* 25% with substantial difficulty × 40% without an appropriate
   * individual × the uptake gives the published proportion. */
  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      self->inputs->rows[i].p_substantial_difficulty = 0.25;
      self->inputs->rows[i].p_no_appropriate_individual = 0.4;
      self->inputs->rows[i].uptake = uptake;
    }

  load_fields (self);
  schedule_save (self);
}

static void
on_apply_seven_clicked (CmDemandEditor *self)
{
  apply_proportions (self, CM_DEMAND_REFERENCE_QUALIFYING_PROPORTION / 0.1);
}

static void
on_apply_two_clicked (CmDemandEditor *self)
{
  apply_proportions (self, CM_DEMAND_REFERENCE_COUNCILS_2015_PROPORTION / 0.1);
}

static void
on_apply_rate_clicked (CmDemandEditor *self)
{
  if (self->inputs == NULL)
    return;

  self->inputs->hourly_rate = CM_DEMAND_REFERENCE_HOURLY_RATE;
  load_fields (self);
  schedule_save (self);
}

static void
on_spec_budget_changed (CmDemandEditor *self)
{
  if (self->inputs == NULL ||
      self->inputs->budget_pence == cm_service_spec_get_budget_pence (self->spec))
    return;

  self->inputs->budget_pence = cm_service_spec_get_budget_pence (self->spec);
  changed (self);
}

/* Building the rows ------------------------------------------------------- */

static const char *
field_title (RowField field)
{
  switch (field)
    {
    case FIELD_PEOPLE:
      return _("People a year");
    case FIELD_SUBSTANTIAL:
      /* Translators: "substantial difficulty" in being involved, as in the Care Act */
      return _("With substantial difficulty (%)");
    case FIELD_NO_INDIVIDUAL:
      /* Translators: "appropriate individual" as in the Care Act */
      return _("With no appropriate individual (%)");
    case FIELD_UPTAKE:
      return _("Uptake (%)");
    case FIELD_EXCEPTIONS:
      return _("Exception cases a year");
    case FIELD_HOURS:
      return _("Hours per case");
    case FIELD_LABEL:
      return _("Name of this process");
    case N_FIELDS:
    default:
      g_return_val_if_reached ("");
    }
}

static void
build_process_rows (CmDemandEditor *self)
{
  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
      GtkWidget *error_label;
      GtkWidget *warning;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     cm_demand_process_to_label (i));

      for (guint f = 0; f < N_FIELDS; f++)
        {
          GtkWidget *row;

          if (f == FIELD_LABEL && i != CM_DEMAND_PROCESS_OTHER)
            continue;

          row = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_title (f));
          g_signal_connect (row, "changed", G_CALLBACK (on_field_changed), self);
          self->field_rows[i][f] = ADW_ENTRY_ROW (row);
        }

      /* The free row's name comes first. */
      if (self->field_rows[i][FIELD_LABEL] != NULL)
        adw_expander_row_add_row (expander, GTK_WIDGET (self->field_rows[i][FIELD_LABEL]));
      for (guint f = 0; f < FIELD_LABEL; f++)
        adw_expander_row_add_row (expander, GTK_WIDGET (self->field_rows[i][f]));

      error_label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (error_label), 0);
      gtk_widget_add_css_class (error_label, "error");
      gtk_widget_set_margin_start (error_label, 12);
      gtk_widget_set_margin_end (error_label, 12);
      gtk_widget_set_margin_top (error_label, 6);
      gtk_widget_set_margin_bottom (error_label, 6);
      gtk_widget_set_visible (error_label, FALSE);
      adw_expander_row_add_row (expander, error_label);

      warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (warning, "error");
      gtk_widget_set_visible (warning, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("An input of this process needs checking"), -1);
      adw_expander_row_add_action (expander, warning);

      self->process_rows[i] = expander;
      self->process_warnings[i] = GTK_IMAGE (warning);
      self->process_errors[i] = GTK_LABEL (error_label);
      adw_preferences_group_add (self->processes_group, GTK_WIDGET (expander));
    }
}

/* GObject ---------------------------------------------------------------- */

static void
on_shutdown (CmDemandEditor *self)
{
  cm_demand_editor_flush (self);
}

static void
cm_demand_editor_unmap (GtkWidget *widget)
{
  cm_demand_editor_flush (CM_DEMAND_EDITOR (widget));

  GTK_WIDGET_CLASS (cm_demand_editor_parent_class)->unmap (widget);
}

static void
cm_demand_editor_dispose (GObject *object)
{
  CmDemandEditor *self = CM_DEMAND_EDITOR (object);
  GtkWidget *child;

  cm_demand_editor_flush (self);
  if (self->spec != NULL)
    g_signal_handlers_disconnect_by_data (self->spec, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_DEMAND_EDITOR);
  /* The template's outer box has no name to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->inputs, cm_demand_inputs_free);
  g_clear_object (&self->spec);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_demand_editor_parent_class)->dispose (object);
}

static void
cm_demand_editor_class_init (CmDemandEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_demand_editor_dispose;
  widget_class->unmap = cm_demand_editor_unmap;

  g_type_ensure (CM_TYPE_DEMAND_CHART_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-demand-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CmDemandEditor, processes_group);
  gtk_widget_class_bind_template_child (widget_class, CmDemandEditor, hourly_rate_row);
  gtk_widget_class_bind_template_child (widget_class, CmDemandEditor, growth_row);
  gtk_widget_class_bind_template_child (widget_class, CmDemandEditor, years_spin);
  gtk_widget_class_bind_template_child (widget_class, CmDemandEditor, budget_row);
  gtk_widget_class_bind_template_child (widget_class, CmDemandEditor, model_error_label);
  gtk_widget_class_bind_template_child (widget_class, CmDemandEditor, load_error_label);
  gtk_widget_class_bind_template_child (widget_class, CmDemandEditor, chart);
  gtk_widget_class_bind_template_child (widget_class, CmDemandEditor, table);
  gtk_widget_class_bind_template_callback (widget_class, on_global_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_years_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_seven_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_two_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_rate_clicked);
}

static void
cm_demand_editor_init (CmDemandEditor *self)
{
  GApplication *application = g_application_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  build_process_rows (self);

  if (application != NULL)
    g_signal_connect_object (application, "shutdown", G_CALLBACK (on_shutdown), self,
                             G_CONNECT_SWAPPED);
}

CmDemandEditor *
cm_demand_editor_new (void)
{
  return g_object_new (CM_TYPE_DEMAND_EDITOR, NULL);
}

void
cm_demand_editor_set_spec (CmDemandEditor *self,
                           CmStore        *store,
                           CmServiceSpec  *spec)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CM_IS_DEMAND_EDITOR (self));
  g_return_if_fail (store == NULL || CM_IS_STORE (store));
  g_return_if_fail (spec == NULL || CM_IS_SERVICE_SPEC (spec));

  if (self->spec == spec && self->store == store)
    return;

  cm_demand_editor_flush (self);
  if (self->spec != NULL)
    g_signal_handlers_disconnect_by_data (self->spec, self);

  g_set_object (&self->store, store);
  g_set_object (&self->spec, spec);
  g_clear_pointer (&self->inputs, cm_demand_inputs_free);
  self->read_only = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), FALSE);

  if (spec == NULL || store == NULL)
    {
      cm_demand_chart_view_set_data (self->chart, NULL, NULL);
      return;
    }

  self->inputs = cm_store_load_demand_model (store, spec, &error);
  if (self->inputs == NULL)
    {
      /* Show defaults, but never write them over a model that exists. */
      self->read_only = TRUE;
      self->inputs = cm_demand_inputs_new_default ();
      gtk_label_set_label (self->load_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), TRUE);
    }
  self->inputs->budget_pence = cm_service_spec_get_budget_pence (spec);

  g_signal_connect_swapped (spec, "notify::budget-pence", G_CALLBACK (on_spec_budget_changed),
                            self);
  load_fields (self);
}

/* Writes any change still waiting for its moment. */
void
cm_demand_editor_flush (CmDemandEditor *self)
{
  g_return_if_fail (CM_IS_DEMAND_EDITOR (self));

  if (self->save_id != 0)
    save_now (self);
}

const CmDemandInputs *
cm_demand_editor_get_inputs (CmDemandEditor *self)
{
  g_return_val_if_fail (CM_IS_DEMAND_EDITOR (self), NULL);

  return self->inputs;
}
