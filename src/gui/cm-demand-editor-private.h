/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-demand-chart-view.h"
#include "cm-demand-editor.h"

G_BEGIN_DECLS

/* Shared by the demand editor's files: cm-demand-editor.c (the inputs,
 * reading and saving them) and cm-demand-editor-figures.c (the figures
 * year by year, the checks and the chart). */

typedef enum
{
  FIELD_PEOPLE,
  FIELD_SUBSTANTIAL,
  FIELD_NO_INDIVIDUAL,
  FIELD_UPTAKE,
  FIELD_EXCEPTIONS,
  FIELD_HOURS,
  FIELD_LABEL,       /* only for the free row */
  N_FIELDS
} RowField;

struct _CmDemandEditor
{
  GtkWidget            parent_instance;

  CmStore             *store;
  CmServiceSpec       *spec;
  CmDemandInputs      *inputs;
  guint                save_id;
  gboolean             updating;
  gboolean             read_only;    /* the saved model could not be read: never overwrite */

  AdwPreferencesGroup *processes_group;
  AdwEntryRow         *hourly_rate_row;
  AdwEntryRow         *growth_row;
  GtkSpinButton       *years_spin;
  AdwActionRow        *budget_row;
  GtkLabel            *model_error_label;
  GtkLabel            *load_error_label;
  CmDemandChartView   *chart;
  GtkGrid             *table;

  AdwExpanderRow      *process_rows[CM_N_DEMAND_PROCESSES];
  AdwEntryRow         *field_rows[CM_N_DEMAND_PROCESSES][N_FIELDS];
  GtkLabel            *process_errors[CM_N_DEMAND_PROCESSES];
  GtkImage            *process_warnings[CM_N_DEMAND_PROCESSES];
};

extern const CmDemandField cm_demand_editor_field_ids[N_FIELDS];

double *cm_demand_editor_row_value (CmDemandInputs *inputs,
                                    guint           process,
                                    RowField        field);
void    cm_demand_editor_recompute (CmDemandEditor *self);

G_END_DECLS
