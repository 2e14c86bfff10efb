/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-tables"

#include "config.h"

#include "cm-store-private.h"

/* Each model class is kept in one table, one property to a column. The
 * tables below say which; the statements to read, insert and update rows
 * are built from them once, and every value is bound as a parameter. */

#define COLUMNS(array) array, G_N_ELEMENTS (array)

static const CmColumn cycle_columns[] = {
  { "title", "title", CM_COLUMN_TEXT },
  { "service_area", "service-area", CM_COLUMN_TEXT },
  { "period_start", "period-start", CM_COLUMN_DATE },
  { "period_end", "period-end", CM_COLUMN_DATE },
  { "lead_officer", "lead-officer", CM_COLUMN_TEXT },
  { "current_stage", "current-stage", CM_COLUMN_ENUM },
};

static const CmColumn activity_columns[] = {
  { "cycle_id", "cycle-id", CM_COLUMN_INT64 },
  { "stage", "stage", CM_COLUMN_ENUM },
  { "ring", "ring", CM_COLUMN_ENUM },
  { "position", "position", CM_COLUMN_UINT },
  { "title", "title", CM_COLUMN_TEXT },
  { "description", "description", CM_COLUMN_TEXT },
  { "status", "status", CM_COLUMN_ENUM },
  { "owner", "owner", CM_COLUMN_TEXT },
  { "due_date", "due-date", CM_COLUMN_DATE },
  { "evidence_notes", "evidence-notes", CM_COLUMN_TEXT },
  { "coproduction_level", "coproduction-level", CM_COLUMN_ENUM },
};

static const CmColumn spec_columns[] = {
  { "cycle_id", "cycle-id", CM_COLUMN_INT64 },
  { "title", "title", CM_COLUMN_TEXT },
  { "advocacy_types", "advocacy-types", CM_COLUMN_FLAGS },
  { "status", "status", CM_COLUMN_ENUM },
  { "lead", "lead", CM_COLUMN_TEXT },
  { "contract_term", "contract-term", CM_COLUMN_TEXT },
  { "budget_pence", "budget-pence", CM_COLUMN_INT64 },
  { "procurement_route", "procurement-route", CM_COLUMN_ENUM },
  { "version", "version", CM_COLUMN_UINT },
  { "updated_at", "updated-at", CM_COLUMN_DATE_TIME },
};

static const CmColumn section_columns[] = {
  { "spec_id", "spec-id", CM_COLUMN_INT64 },
  { "position", "position", CM_COLUMN_UINT },
  { "title", "title", CM_COLUMN_TEXT },
  { "body", "body", CM_COLUMN_TEXT },
};

static const CmColumn kpi_columns[] = {
  { "spec_id", "spec-id", CM_COLUMN_INT64 },
  { "position", "position", CM_COLUMN_UINT },
  { "measure", "measure", CM_COLUMN_TEXT },
  { "target", "target", CM_COLUMN_TEXT },
  { "frequency", "frequency", CM_COLUMN_TEXT },
  { "source", "source", CM_COLUMN_TEXT },
};

static const CmColumn workshop_columns[] = {
  { "cycle_id", "cycle-id", CM_COLUMN_INT64 },
  { "title", "title", CM_COLUMN_TEXT },
  { "starts_at", "starts-at", CM_COLUMN_DATE_TIME },
  { "venue", "venue", CM_COLUMN_TEXT },
  { "facilitator", "facilitator", CM_COLUMN_TEXT },
  { "purpose", "purpose", CM_COLUMN_TEXT },
  { "access_arrangements", "access-arrangements", CM_COLUMN_TEXT },
  { "state", "state", CM_COLUMN_ENUM },
};

static const CmColumn participant_columns[] = {
  { "name", "name", CM_COLUMN_TEXT },
  { "role", "role", CM_COLUMN_ENUM },
  { "organisation", "organisation", CM_COLUMN_TEXT },
  { "access_needs", "access-needs", CM_COLUMN_TEXT },
  { "consent", "consent", CM_COLUMN_ENUM },
  { "payment_notes", "payment-notes", CM_COLUMN_TEXT },
  { "erased", "erased", CM_COLUMN_BOOLEAN },
};

static const CmColumn contribution_columns[] = {
  { "workshop_id", "workshop-id", CM_COLUMN_INT64 },
  { "participant_id", "participant-id", CM_COLUMN_REFERENCE },
  { "text", "text", CM_COLUMN_TEXT },
  { "kind", "kind", CM_COLUMN_ENUM },
  { "stage", "stage", CM_COLUMN_ENUM },
  { "themes", "themes", CM_COLUMN_STRV },
  { "captured_at", "captured-at", CM_COLUMN_DATE_TIME },
  { "pinned", "pinned", CM_COLUMN_BOOLEAN },
};

static const CmColumn action_columns[] = {
  { "cycle_id", "cycle-id", CM_COLUMN_INT64 },
  { "response", "response", CM_COLUMN_TEXT },
  { "state", "state", CM_COLUMN_ENUM },
  { "reason", "reason", CM_COLUMN_TEXT },
  { "owner", "owner", CM_COLUMN_TEXT },
  { "due_date", "due-date", CM_COLUMN_DATE },
  { "activity_id", "activity-id", CM_COLUMN_REFERENCE },
  { "section_id", "section-id", CM_COLUMN_REFERENCE },
};

CmTable cm_table_cycle = {
  "cycle", cm_cycle_get_type, (gpointer) cm_cycle_validate, COLUMNS (cycle_columns),
  NULL, NULL, "title COLLATE NOCASE, id",
};
CmTable cm_table_activity = {
  "activity", cm_activity_get_type, (gpointer) cm_activity_validate, COLUMNS (activity_columns),
  "cycle_id", "cycle_id = ?1 AND stage = ?2 AND ring = ?3", "stage, ring, position, id",
};
CmTable cm_table_spec = {
  "service_spec", cm_service_spec_get_type, (gpointer) cm_service_spec_validate,
  COLUMNS (spec_columns), "cycle_id", NULL, "id",
};
CmTable cm_table_section = {
  "spec_section", cm_spec_section_get_type, (gpointer) cm_spec_section_validate,
  COLUMNS (section_columns), "spec_id", "spec_id = ?1", "position, id",
};
CmTable cm_table_kpi = {
  "kpi", cm_kpi_get_type, (gpointer) cm_kpi_validate, COLUMNS (kpi_columns),
  "spec_id", "spec_id = ?1", "position, id",
};
CmTable cm_table_workshop = {
  "workshop", cm_workshop_get_type, (gpointer) cm_workshop_validate, COLUMNS (workshop_columns),
  "cycle_id", NULL, "id",
};
CmTable cm_table_participant = {
  "participant", cm_participant_get_type, (gpointer) cm_participant_validate,
  COLUMNS (participant_columns), NULL, NULL, "name COLLATE NOCASE, id",
};
CmTable cm_table_contribution = {
  "contribution", cm_contribution_get_type, (gpointer) cm_contribution_validate,
  COLUMNS (contribution_columns), "workshop_id", NULL, "id",
};
CmTable cm_table_action = {
  "action", cm_action_get_type, (gpointer) cm_action_validate, COLUMNS (action_columns),
  "cycle_id", NULL, "id",
};

static CmTable *all_tables[] = {
  &cm_table_cycle, &cm_table_activity, &cm_table_spec, &cm_table_section, &cm_table_kpi,
  &cm_table_workshop, &cm_table_participant, &cm_table_contribution, &cm_table_action,
};

static void
build_statements (CmTable *table)
{
  g_autoptr(GString) select = g_string_new ("SELECT id");
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) update = g_string_new (NULL);

  g_string_printf (insert, "INSERT INTO %s (", table->name);
  g_string_printf (update, "UPDATE %s SET ", table->name);

  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *name = table->columns[i].name;

      g_string_append_printf (select, ", %s", name);
      g_string_append_printf (insert, "%s%s", i ? ", " : "", name);
      g_string_append_printf (values, "%s?%u", i ? ", " : "", i + 1);
      g_string_append_printf (update, "%s%s = ?%u", i ? ", " : "", name, i + 1);
    }

  g_string_append_printf (select, " FROM %s", table->name);
  g_string_append_printf (insert, ") VALUES (%s)", values->str);
  g_string_append_printf (update, " WHERE id = ?%u", table->n_columns + 1);

  table->select_sql = g_string_free (g_steal_pointer (&select), FALSE);
  table->insert_sql = g_string_free (g_steal_pointer (&insert), FALSE);
  table->update_sql = g_string_free (g_steal_pointer (&update), FALSE);
}

void
cm_store_tables_init (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_tables); i++)
    {
      if (all_tables[i]->select_sql == NULL)
        build_statements (all_tables[i]);
    }
}

CmTable *
cm_store_table_for_object (GObject *object)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_tables); i++)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (object, all_tables[i]->get_type ()))
        return all_tables[i];
    }

  return NULL;
}

/* The property that names the object a row belongs to, or NULL. */
const char *
cm_store_table_parent_property (CmTable *table)
{
  if (table->parent_column == NULL)
    return NULL;
  if (g_str_equal (table->parent_column, "cycle_id"))
    return "cycle-id";
  if (g_str_equal (table->parent_column, "spec_id"))
    return "spec-id";
  return "workshop-id";
}


/* Participants are erased for good (their consent may require it); every
 * other table keeps what is deleted in its trash until the trash is emptied. */
gboolean
cm_store_table_has_trash (CmTable *table)
{
  return table != &cm_table_participant;
}

guint
cm_store_n_tables (void)
{
  return G_N_ELEMENTS (all_tables);
}

CmTable *
cm_store_nth_table (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (all_tables), NULL);

  return all_tables[index];
}
