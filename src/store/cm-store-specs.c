/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-specs"

#include "config.h"

#include "cm-store-specs.h"

#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-store-private.h"

/* Service specifications beyond their rows. Versions live in spec_version
 * as snapshot text (see cm-spec-snapshot.c); the demand model in the
 * specification's demand_model column as the text of
 * cm_demand_inputs_to_string(); citations in section_citation. */

typedef struct
{
  const char *title;
  const char *body;
} DefaultSection;

/* DESIGN.md §5, with a few words on what belongs in each section. */
static const DefaultSection default_sections[] = {
  { N_("Purpose and legal duties"),
    N_("Say what the service is for and which duties it helps the council meet: "
       "independent advocacy under the Care Act 2014, Independent Mental Capacity "
       "Advocates under the Mental Capacity Act 2005, Independent Mental Health Advocates "
       "under the Mental Health Act 1983, paid Relevant Person’s Representatives, and NHS "
       "complaints advocacy.") },
  { N_("Scope and advocacy types"),
    N_("List the types of advocacy included, who the service is for, the area it covers, "
       "and anything that is out of scope.") },
  { N_("Outcomes"),
    N_("Describe what should be different for people who use the service, in their own "
       "words where you can: cite the “I statements” from workshops.") },
  { N_("Eligibility and referral routes"),
    N_("Who can be referred, by whom and how: self-referral, assessors, hospitals, care "
       "homes. Include response times and what happens when someone is not eligible.") },
  { N_("Quality standards"),
    N_("The standards the provider must meet, for example the Advocacy Quality Performance "
       "Mark, the Advocacy Charter, and the qualification advocates must hold.") },
  { N_("Workforce"),
    N_("Staffing, training, supervision, safer recruitment, and how the workforce reflects "
       "the people it supports.") },
  { N_("Demand and capacity"),
    N_("Expected demand over the contract and the capacity required; the demand model of "
       "this specification shows the figures.") },
  { N_("Budget and price"),
    N_("The budget and how the service is paid for: a block contract, block and subsidy, "
       "or spot purchase. Say what the price includes.") },
  { N_("Contract term and procurement route"),
    N_("The length of the contract (for example 2+1 years), any extensions, and the "
       "procurement route.") },
  { N_("Social value"),
    N_("What the provider will add for the local community, and how it will be measured.") },
  { N_("TUPE"),
    N_("Whether staff may transfer from the current provider, and the information bidders "
       "will receive.") },
  { N_("Monitoring and reporting"),
    N_("How performance will be monitored: the KPIs below, quarterly returns, feedback "
       "from people who use the service, and contract review meetings.") },
};

static gboolean
spec_exists (CmServiceSpec  *spec,
             GError        **error)
{
  if (cm_service_spec_get_id (spec) != 0)
    return TRUE;

  g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                       _("This specification has not been saved yet."));
  return FALSE;
}

static void
set_now (CmServiceSpec *spec)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  cm_service_spec_set_updated_at (spec, now);
}

/* New and copied specifications ------------------------------------------- */

gboolean
cm_store_add_spec_with_default_sections (CmStore        *self,
                                         CmServiceSpec  *spec,
                                         GError        **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), FALSE);

  if (!cm_store_begin (self, error))
    return FALSE;

  if (cm_service_spec_get_updated_at (spec) == NULL)
    set_now (spec);

  if (!cm_store_insert_object (self, &cm_table_spec, G_OBJECT (spec), error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (default_sections); i++)
    {
      g_autoptr(CmSpecSection) section = cm_spec_section_new ();

      cm_spec_section_set_spec_id (section, cm_service_spec_get_id (spec));
      cm_spec_section_set_position (section, i);
      cm_spec_section_set_title (section, _(default_sections[i].title));
      cm_spec_section_set_body (section, _(default_sections[i].body));

      if (!cm_store_insert_object (self, &cm_table_section, G_OBJECT (section), error))
        goto failed;
    }

  if (!cm_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  cm_store_rollback (self);
  cm_service_spec_set_id (spec, 0);
  return FALSE;
}

static gboolean
copy_citations (CmStore  *self,
                gint64    from_section_id,
                gint64    to_section_id,
                GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = cm_store_prepare (self,
                           "INSERT OR IGNORE INTO section_citation (section_id, contribution_id) "
                           "SELECT ?2, contribution_id FROM section_citation "
                           "WHERE section_id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from_section_id);
  sqlite3_bind_int64 (stmt, 2, to_section_id);
  return cm_store_step_done (self, stmt, error);
}

static gboolean
copy_demand_model (CmStore  *self,
                   gint64    from_spec_id,
                   gint64    to_spec_id,
                   GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = cm_store_prepare (self,
                           "UPDATE service_spec SET demand_model = "
                           "(SELECT demand_model FROM service_spec WHERE id = ?1) WHERE id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from_spec_id);
  sqlite3_bind_int64 (stmt, 2, to_spec_id);
  return cm_store_step_done (self, stmt, error);
}

/**
 * cm_store_duplicate_spec:
 *
 * Returns: (transfer full) (nullable): the copy, or %NULL with @error set
 */
CmServiceSpec *
cm_store_duplicate_spec (CmStore        *self,
                         CmServiceSpec  *spec,
                         GError        **error)
{
  g_autoptr(CmServiceSpec) copy = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autofree char *title = NULL;
  gint64 spec_id;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), NULL);

  if (!spec_exists (spec, error))
    return NULL;
  spec_id = cm_service_spec_get_id (spec);

  if (!cm_store_begin (self, error))
    return NULL;

  sections = cm_store_select_objects (self, &cm_table_section, "spec_id = ?1", spec_id, error);
  if (sections == NULL)
    goto failed;
  kpis = cm_store_select_objects (self, &cm_table_kpi, "spec_id = ?1", spec_id, error);
  if (kpis == NULL)
    goto failed;

  /* Translators: the title of a duplicated specification; %s is the original's title */
  title = g_strdup_printf (_("Copy of %s"), cm_service_spec_get_title (spec));

  copy = cm_service_spec_new ();
  cm_service_spec_set_cycle_id (copy, cm_service_spec_get_cycle_id (spec));
  cm_service_spec_set_title (copy, title);
  cm_service_spec_set_advocacy_types (copy, cm_service_spec_get_advocacy_types (spec));
  cm_service_spec_set_status (copy, CM_SPEC_STATUS_DRAFT);
  cm_service_spec_set_lead (copy, cm_service_spec_get_lead (spec));
  cm_service_spec_set_contract_term (copy, cm_service_spec_get_contract_term (spec));
  cm_service_spec_set_budget_pence (copy, cm_service_spec_get_budget_pence (spec));
  cm_service_spec_set_procurement_route (copy, cm_service_spec_get_procurement_route (spec));
  set_now (copy);

  if (!cm_store_insert_object (self, &cm_table_spec, G_OBJECT (copy), error) ||
      !copy_demand_model (self, spec_id, cm_service_spec_get_id (copy), error))
    goto failed;

  for (guint i = 0; i < sections->len; i++)
    {
      CmSpecSection *original = g_ptr_array_index (sections, i);
      g_autoptr(CmSpecSection) section = cm_spec_section_new ();

      cm_spec_section_set_spec_id (section, cm_service_spec_get_id (copy));
      cm_spec_section_set_position (section, cm_spec_section_get_position (original));
      cm_spec_section_set_title (section, cm_spec_section_get_title (original));
      cm_spec_section_set_body (section, cm_spec_section_get_body (original));

      if (!cm_store_insert_object (self, &cm_table_section, G_OBJECT (section), error) ||
          !copy_citations (self, cm_spec_section_get_id (original),
                           cm_spec_section_get_id (section), error))
        goto failed;
    }

  for (guint i = 0; i < kpis->len; i++)
    {
      CmKpi *original = g_ptr_array_index (kpis, i);
      g_autoptr(CmKpi) kpi = cm_kpi_new ();

      cm_kpi_set_spec_id (kpi, cm_service_spec_get_id (copy));
      cm_kpi_set_position (kpi, cm_kpi_get_position (original));
      cm_kpi_set_measure (kpi, cm_kpi_get_measure (original));
      cm_kpi_set_target (kpi, cm_kpi_get_target (original));
      cm_kpi_set_frequency (kpi, cm_kpi_get_frequency (original));
      cm_kpi_set_source (kpi, cm_kpi_get_source (original));

      if (!cm_store_insert_object (self, &cm_table_kpi, G_OBJECT (kpi), error))
        goto failed;
    }

  if (!cm_store_commit (self, error))
    goto failed;

  return g_steal_pointer (&copy);

failed:
  cm_store_rollback (self);
  return NULL;
}

gboolean
cm_store_touch_spec (CmStore        *self,
                     CmServiceSpec  *spec,
                     GError        **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), FALSE);

  set_now (spec);
  return cm_store_save_spec (self, spec, error);
}

/* The demand model -------------------------------------------------------- */

/**
 * cm_store_load_demand_model:
 *
 * Returns: (transfer full) (nullable): the saved inputs, the defaults when
 *   none were saved, or %NULL with @error set
 */
CmDemandInputs *
cm_store_load_demand_model (CmStore        *self,
                            CmServiceSpec  *spec,
                            GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  CmDemandInputs *inputs;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), NULL);

  if (!spec_exists (spec, error))
    return NULL;

  stmt = cm_store_prepare (self, "SELECT demand_model FROM service_spec WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, cm_service_spec_get_id (spec));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                           _("This item no longer exists; it may have been deleted."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cm_store_set_error (error, self->db, rc);
      return NULL;
    }

  if (text == NULL || *text == '\0')
    return cm_demand_inputs_new_default ();

  inputs = cm_demand_inputs_from_string (text, &local_error);
  if (inputs == NULL)
    {
      g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED, local_error->message);
      return NULL;
    }

  return inputs;
}

gboolean
cm_store_save_demand_model (CmStore               *self,
                            CmServiceSpec         *spec,
                            const CmDemandInputs  *inputs,
                            GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), FALSE);
  g_return_val_if_fail (inputs != NULL, FALSE);

  if (!spec_exists (spec, error))
    return FALSE;

  stmt = cm_store_prepare (self, "UPDATE service_spec SET demand_model = ?1 WHERE id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, cm_demand_inputs_to_string (inputs), -1, g_free);
  sqlite3_bind_int64 (stmt, 2, cm_service_spec_get_id (spec));
  if (!cm_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                           _("This item no longer exists; it may have been deleted."));
      return FALSE;
    }

  return TRUE;
}

/* Versions ---------------------------------------------------------------- */

/**
 * cm_store_snapshot_spec:
 *
 * Returns: (transfer full) (nullable): the specification as saved now
 */
CmSpecSnapshot *
cm_store_snapshot_spec (CmStore        *self,
                        CmServiceSpec  *spec,
                        GError        **error)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autoptr(GListStore) section_list = g_list_store_new (CM_TYPE_SPEC_SECTION);
  g_autoptr(GListStore) kpi_list = g_list_store_new (CM_TYPE_KPI);
  gint64 spec_id;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), NULL);

  if (!spec_exists (spec, error))
    return NULL;
  spec_id = cm_service_spec_get_id (spec);

  sections = cm_store_select_objects (self, &cm_table_section, "spec_id = ?1", spec_id, error);
  if (sections == NULL)
    return NULL;
  kpis = cm_store_select_objects (self, &cm_table_kpi, "spec_id = ?1", spec_id, error);
  if (kpis == NULL)
    return NULL;

  g_list_store_splice (section_list, 0, 0, sections->pdata, sections->len);
  g_list_store_splice (kpi_list, 0, 0, kpis->pdata, kpis->len);

  return cm_spec_snapshot_new_from_spec (spec, G_LIST_MODEL (section_list),
                                         G_LIST_MODEL (kpi_list));
}

static gboolean
record_version (CmStore        *self,
                CmServiceSpec  *spec,
                GError        **error)
{
  g_autoptr(CmSpecSnapshot) snapshot = NULL;
  sqlite3_stmt *stmt;

  snapshot = cm_store_snapshot_spec (self, spec, error);
  if (snapshot == NULL)
    return FALSE;

  stmt = cm_store_prepare (self,
                           "INSERT INTO spec_version (spec_id, version, status, recorded_at, "
                           "snapshot) VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cm_service_spec_get_id (spec));
  sqlite3_bind_int64 (stmt, 2, cm_service_spec_get_version (spec));
  sqlite3_bind_int (stmt, 3, cm_service_spec_get_status (spec));
  sqlite3_bind_text (stmt, 4, cm_date_time_to_iso (cm_service_spec_get_updated_at (spec)), -1,
                     g_free);
  sqlite3_bind_text (stmt, 5, cm_spec_snapshot_to_string (snapshot), -1, g_free);

  return cm_store_step_done (self, stmt, error);
}

gboolean
cm_store_set_spec_status (CmStore        *self,
                          CmServiceSpec  *spec,
                          CmSpecStatus    status,
                          GError        **error)
{
  CmSpecStatus previous_status;
  guint previous_version;
  g_autoptr(GDateTime) previous_updated = NULL;
  gboolean records;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), FALSE);

  if (!spec_exists (spec, error))
    return FALSE;

  previous_status = cm_service_spec_get_status (spec);
  previous_version = cm_service_spec_get_version (spec);
  if (cm_service_spec_get_updated_at (spec) != NULL)
    previous_updated = g_date_time_ref (cm_service_spec_get_updated_at (spec));

  if (previous_status == status)
    return TRUE;

  records = cm_spec_status_records_version (status);

  if (!cm_store_begin (self, error))
    return FALSE;

  cm_service_spec_set_status (spec, status);
  if (records)
    cm_service_spec_set_version (spec, previous_version + 1);
  set_now (spec);

  if (!cm_store_save_spec (self, spec, error) ||
      (records && !record_version (self, spec, error)) ||
      !cm_store_commit (self, error))
    {
      cm_store_rollback (self);
      cm_service_spec_set_status (spec, previous_status);
      cm_service_spec_set_version (spec, previous_version);
      cm_service_spec_set_updated_at (spec, previous_updated);
      return FALSE;
    }

  return TRUE;
}

/**
 * cm_store_list_spec_versions:
 *
 * Returns: (transfer full) (nullable): a list of #CmSpecVersion, newest first
 */
GListModel *
cm_store_list_spec_versions (CmStore  *self,
                             gint64    spec_id,
                             GError  **error)
{
  g_autoptr(GListStore) versions = g_list_store_new (CM_TYPE_SPEC_VERSION);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  stmt = cm_store_prepare (self,
                           "SELECT id, version, status, recorded_at FROM spec_version "
                           "WHERE spec_id = ?1 ORDER BY version DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, spec_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CmSpecVersion) version = cm_spec_version_new ();
      g_autoptr(GDateTime) recorded_at = NULL;

      recorded_at = cm_date_time_new_from_iso ((const char *) sqlite3_column_text (stmt, 3),
                                               NULL);
      cm_spec_version_set_id (version, sqlite3_column_int64 (stmt, 0));
      cm_spec_version_set_spec_id (version, spec_id);
      cm_spec_version_set_version (version, (guint) sqlite3_column_int64 (stmt, 1));
      cm_spec_version_set_status (version, (CmSpecStatus) sqlite3_column_int (stmt, 2));
      cm_spec_version_set_recorded_at (version, recorded_at);
      g_list_store_append (versions, version);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cm_store_set_error (error, self->db, rc);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&versions));
}

/**
 * cm_store_load_spec_version:
 *
 * Returns: (transfer full) (nullable): what the specification held at
 *   @version, or %NULL with @error set
 */
CmSpecSnapshot *
cm_store_load_spec_version (CmStore  *self,
                            gint64    spec_id,
                            guint     version,
                            GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  CmSpecSnapshot *snapshot;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  stmt = cm_store_prepare (self,
                           "SELECT snapshot FROM spec_version WHERE spec_id = ?1 AND version = ?2",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, spec_id);
  sqlite3_bind_int64 (stmt, 2, version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND,
                   /* Translators: %u is a version number */
                   _("Version %u of this specification was not found."), version);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      cm_store_set_error (error, self->db, rc);
      return NULL;
    }

  snapshot = cm_spec_snapshot_from_string (text, &local_error);
  if (snapshot == NULL)
    g_set_error_literal (error, CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT, local_error->message);

  return snapshot;
}

/* Citations --------------------------------------------------------------- */

gboolean
cm_store_set_section_citation (CmStore        *self,
                               CmSpecSection  *section,
                               gint64          contribution_id,
                               gboolean        cited,
                               GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CM_IS_SPEC_SECTION (section), FALSE);
  g_return_val_if_fail (contribution_id > 0, FALSE);

  stmt = cm_store_prepare (self,
                           cited
                           ? "INSERT OR IGNORE INTO section_citation "
                             "(section_id, contribution_id) VALUES (?1, ?2)"
                           : "DELETE FROM section_citation "
                             "WHERE section_id = ?1 AND contribution_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cm_spec_section_get_id (section));
  sqlite3_bind_int64 (stmt, 2, contribution_id);
  return cm_store_step_done (self, stmt, error);
}

/**
 * cm_store_list_section_citation_ids:
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids
 */
GArray *
cm_store_list_section_citation_ids (CmStore  *self,
                                    gint64    section_id,
                                    GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  stmt = cm_store_prepare (self,
                           "SELECT contribution_id FROM section_citation WHERE section_id = ?1 "
                           "ORDER BY contribution_id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, section_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cm_store_set_error (error, self->db, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static GListModel *
select_contributions (CmStore     *self,
                      const char  *where,
                      gint64       parameter,
                      GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  GListStore *list;

  items = cm_store_select_objects (self, &cm_table_contribution, where, parameter, error);
  if (items == NULL)
    return NULL;

  list = g_list_store_new (CM_TYPE_CONTRIBUTION);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

/**
 * cm_store_list_section_citations:
 *
 * Returns: (transfer full) (nullable): the cited #CmContribution objects
 *   that are not in the trash
 */
GListModel *
cm_store_list_section_citations (CmStore  *self,
                                 gint64    section_id,
                                 GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return select_contributions (self,
                               "id IN (SELECT contribution_id FROM section_citation "
                               "WHERE section_id = ?1)",
                               section_id, error);
}

/**
 * cm_store_list_cycle_contributions:
 *
 * Returns: (transfer full) (nullable): the #CmContribution objects of
 *   every workshop of the cycle that is not in the trash
 */
GListModel *
cm_store_list_cycle_contributions (CmStore  *self,
                                   gint64    cycle_id,
                                   GError  **error)
{
  g_return_val_if_fail (CM_IS_STORE (self), NULL);

  return select_contributions (self,
                               "workshop_id IN (SELECT id FROM workshop "
                               "WHERE cycle_id = ?1 AND trashed = 0)",
                               cycle_id, error);
}
