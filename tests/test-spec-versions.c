/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-spec-versions"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cm-store-specs.h"
#include "cm-validate.h"

/* Specifications in the store: the default sections, versions recorded on
 * the right status changes and read back as they were, duplicates, the
 * demand model and citations. Checks that matter for "nothing is lost"
 * reopen the store so the values come from the file. */

typedef struct
{
  char    *dir;
  char    *path;
  CmStore *store;
  CmCycle *cycle;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-spec-versions-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "commissioning.db", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->cycle = cm_cycle_new ();
  cm_cycle_set_title (fixture->cycle, "Advocacy 2026");
  cm_store_add_cycle (fixture->store, fixture->cycle, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->cycle);
  g_assert_finalize_object (fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 cycle_id = cm_cycle_get_id (fixture->cycle);

  g_clear_object (&fixture->cycle);
  g_assert_finalize_object (fixture->store);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->cycle = cm_store_get_cycle (fixture->store, cycle_id, &error);
  g_assert_no_error (error);
}

static CmServiceSpec *
add_spec (Fixture    *fixture,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  CmServiceSpec *spec = cm_service_spec_new ();

  cm_service_spec_set_cycle_id (spec, cm_cycle_get_id (fixture->cycle));
  cm_service_spec_set_title (spec, title);
  cm_store_add_spec_with_default_sections (fixture->store, spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_service_spec_get_id (spec), >, 0);

  return spec;
}

static CmSpecSection *
nth_section (GListModel *sections,
             guint       n)
{
  CmSpecSection *section = g_list_model_get_item (sections, n);

  g_assert_nonnull (section);
  g_object_unref (section);  /* the list keeps it alive */
  return section;
}

/* Default sections ------------------------------------------------------- */

static void
test_default_sections (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const titles[] = {
    "Purpose and legal duties", "Scope and advocacy types", "Outcomes",
    "Eligibility and referral routes", "Quality standards", "Workforce",
    "Demand and capacity", "Budget and price", "Contract term and procurement route",
    "Social value", "TUPE", "Monitoring and reporting",
  };
  g_autoptr(CmServiceSpec) spec = add_spec (fixture, "Care Act advocacy");
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GError) error = NULL;
  gint64 spec_id = cm_service_spec_get_id (spec);

  g_assert_nonnull (cm_service_spec_get_updated_at (spec));
  g_assert_cmpuint (cm_service_spec_get_version (spec), ==, 0);
  g_assert_cmpint (cm_service_spec_get_status (spec), ==, CM_SPEC_STATUS_DRAFT);

  g_clear_object (&spec);
  reopen (fixture);

  sections = cm_store_list_sections (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, G_N_ELEMENTS (titles));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      CmSpecSection *section = nth_section (sections, i);

      g_assert_cmpstr (cm_spec_section_get_title (section), ==, titles[i]);
      g_assert_cmpuint (cm_spec_section_get_position (section), ==, i);
      /* Starter text says what to write, in a sentence or more. */
      g_assert_cmpuint (strlen (cm_spec_section_get_body (section)), >, 40);
    }
}

/* Versions --------------------------------------------------------------- */

static guint
n_versions (Fixture       *fixture,
            CmServiceSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = NULL;

  versions = cm_store_list_spec_versions (fixture->store, cm_service_spec_get_id (spec),
                                          &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (versions);
}

static void
set_status (Fixture       *fixture,
            CmServiceSpec *spec,
            CmSpecStatus   status)
{
  g_autoptr(GError) error = NULL;

  cm_store_set_spec_status (fixture->store, spec, status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_service_spec_get_status (spec), ==, status);
}

static void
test_versions_on_transitions (Fixture       *fixture,
                              gconstpointer  data)
{
  static const struct {
    CmSpecStatus status;
    guint        versions_after;
  } steps[] = {
    { CM_SPEC_STATUS_DRAFT, 0 },          /* no change at all */
    { CM_SPEC_STATUS_CONSULTATION, 1 },
    { CM_SPEC_STATUS_CONSULTATION, 1 },   /* same status again */
    { CM_SPEC_STATUS_DRAFT, 1 },          /* back to draft records nothing */
    { CM_SPEC_STATUS_CONSULTATION, 2 },   /* consulting again does */
    { CM_SPEC_STATUS_APPROVED, 3 },
    { CM_SPEC_STATUS_PUBLISHED, 4 },
    { CM_SPEC_STATUS_RETIRED, 4 },
    { CM_SPEC_STATUS_PUBLISHED, 5 },      /* republished */
  };
  static const CmSpecStatus recorded[] = {
    CM_SPEC_STATUS_PUBLISHED, CM_SPEC_STATUS_PUBLISHED, CM_SPEC_STATUS_APPROVED,
    CM_SPEC_STATUS_CONSULTATION, CM_SPEC_STATUS_CONSULTATION,
  };
  g_autoptr(CmServiceSpec) spec = add_spec (fixture, "IMCA");
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 spec_id = cm_service_spec_get_id (spec);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      set_status (fixture, spec, steps[i].status);
      g_assert_cmpuint (cm_service_spec_get_version (spec), ==, steps[i].versions_after);
      g_assert_cmpuint (n_versions (fixture, spec), ==, steps[i].versions_after);
    }

  g_clear_object (&spec);
  reopen (fixture);

  spec = cm_store_get_spec (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_service_spec_get_status (spec), ==, CM_SPEC_STATUS_PUBLISHED);
  g_assert_cmpuint (cm_service_spec_get_version (spec), ==, 5);

  versions = cm_store_list_spec_versions (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, G_N_ELEMENTS (recorded));
  for (guint i = 0; i < G_N_ELEMENTS (recorded); i++)
    {
      g_autoptr(CmSpecVersion) version = g_list_model_get_item (versions, i);

      /* Newest first. */
      g_assert_cmpuint (cm_spec_version_get_version (version), ==, 5 - i);
      g_assert_cmpint (cm_spec_version_get_status (version), ==, recorded[i]);
      g_assert_cmpint (cm_spec_version_get_spec_id (version), ==, spec_id);
      g_assert_nonnull (cm_spec_version_get_recorded_at (version));
    }
}

static void
test_version_content (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CmServiceSpec) spec = add_spec (fixture, "IMHA");
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GListModel) kpis = NULL;
  g_autoptr(CmSpecSnapshot) first = NULL;
  g_autoptr(CmSpecSnapshot) second = NULL;
  g_autoptr(CmSpecSnapshot) now = NULL;
  g_autoptr(CmKpi) kpi = cm_kpi_new ();
  g_autoptr(GError) error = NULL;
  const char *body = "  Leading spaces, a tab\there,\nlines\r\nand “quotes” — ünïcödé ☃\n";
  gint64 spec_id = cm_service_spec_get_id (spec);
  CmSpecSection *outcomes;
  const CmSnapshotSection *snapshot_section;
  const CmSnapshotKpi *snapshot_kpi;

  sections = cm_store_list_sections (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  outcomes = nth_section (sections, 2);
  cm_spec_section_set_body (outcomes, body);
  cm_store_save_section (fixture->store, outcomes, &error);
  g_assert_no_error (error);

  cm_kpi_set_spec_id (kpi, spec_id);
  cm_kpi_set_measure (kpi, "Referrals acknowledged within 2 working days");
  cm_kpi_set_target (kpi, "95%");
  cm_kpi_set_frequency (kpi, "Quarterly");
  cm_kpi_set_source (kpi, "Provider return");
  cm_store_add_kpi (fixture->store, kpi, &error);
  g_assert_no_error (error);

  cm_service_spec_set_lead (spec, "A. Officer");
  cm_service_spec_set_budget_pence (spec, 12500000);
  cm_service_spec_set_advocacy_types (spec, CM_ADVOCACY_IMHA | CM_ADVOCACY_CARE_ACT);
  cm_store_save_spec (fixture->store, spec, &error);
  g_assert_no_error (error);

  set_status (fixture, spec, CM_SPEC_STATUS_CONSULTATION);

  /* Later edits must not reach the recorded version. */
  cm_spec_section_set_body (outcomes, "Rewritten after consultation.");
  cm_store_save_section (fixture->store, outcomes, &error);
  g_assert_no_error (error);
  cm_store_move_section (fixture->store, outcomes, 0, &error);
  g_assert_no_error (error);
  cm_kpi_set_target (kpi, "98%");
  cm_store_save_kpi (fixture->store, kpi, &error);
  g_assert_no_error (error);
  set_status (fixture, spec, CM_SPEC_STATUS_APPROVED);

  g_clear_object (&kpi);
  g_clear_object (&sections);
  g_clear_object (&spec);
  reopen (fixture);

  first = cm_store_load_spec_version (fixture->store, spec_id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->title, ==, "IMHA");
  g_assert_cmpstr (first->lead, ==, "A. Officer");
  g_assert_cmpint (first->budget_pence, ==, 12500000);
  g_assert_cmpint (first->advocacy_types, ==, CM_ADVOCACY_IMHA | CM_ADVOCACY_CARE_ACT);
  g_assert_cmpint (first->status, ==, CM_SPEC_STATUS_CONSULTATION);
  g_assert_cmpuint (first->sections->len, ==, 12);
  snapshot_section = g_ptr_array_index (first->sections, 2);
  g_assert_cmpstr (snapshot_section->title, ==, "Outcomes");
  g_assert_cmpstr (snapshot_section->body, ==, body);
  g_assert_cmpuint (first->kpis->len, ==, 1);
  snapshot_kpi = g_ptr_array_index (first->kpis, 0);
  g_assert_cmpstr (snapshot_kpi->target, ==, "95%");
  g_assert_cmpstr (snapshot_kpi->source, ==, "Provider return");

  second = cm_store_load_spec_version (fixture->store, spec_id, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->status, ==, CM_SPEC_STATUS_APPROVED);
  snapshot_section = g_ptr_array_index (second->sections, 0);
  g_assert_cmpstr (snapshot_section->title, ==, "Outcomes");
  g_assert_cmpstr (snapshot_section->body, ==, "Rewritten after consultation.");
  snapshot_kpi = g_ptr_array_index (second->kpis, 0);
  g_assert_cmpstr (snapshot_kpi->target, ==, "98%");

  /* The same section keeps its id across versions, so a comparison can
   * tell a moved section from a new one. */
  g_assert_cmpint (((CmSnapshotSection *) g_ptr_array_index (second->sections, 0))->section_id,
                   ==,
                   ((CmSnapshotSection *) g_ptr_array_index (first->sections, 2))->section_id);

  /* As it is now equals the last version recorded. */
  spec = cm_store_get_spec (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  now = cm_store_snapshot_spec (fixture->store, spec, &error);
  g_assert_no_error (error);
  g_assert_true (cm_spec_snapshot_equal (now, second));

  g_assert_null (cm_store_load_spec_version (fixture->store, spec_id, 3, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
}

static void
test_snapshot_round_trip (void)
{
  g_autoptr(CmSpecSnapshot) snapshot = cm_spec_snapshot_new ();
  g_autoptr(CmSpecSnapshot) read = NULL;
  g_autoptr(CmSpecSnapshot) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) big = g_string_new (NULL);

  for (guint i = 0; i < 50000; i++)
    g_string_append (big, i % 97 == 96 ? "word.\n\n" : "word ");

  g_free (snapshot->title);
  snapshot->title = g_strdup ("Title with [brackets] = and # hash");
  snapshot->advocacy_types = CM_ADVOCACY_ALL;
  snapshot->status = CM_SPEC_STATUS_PUBLISHED;
  snapshot->budget_pence = G_MAXINT64;
  snapshot->procurement_route = CM_PROCUREMENT_ROUTE_GRANT;
  cm_spec_snapshot_add_section (snapshot, 7, "", "");
  cm_spec_snapshot_add_section (snapshot, 8, " spaced ", "\n\n  \\n not a newline\t\n");
  cm_spec_snapshot_add_section (snapshot, 9, "Big", big->str);
  cm_spec_snapshot_add_kpi (snapshot, "m", "", "f\nf", "s");

  text = cm_spec_snapshot_to_string (snapshot);
  read = cm_spec_snapshot_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (cm_spec_snapshot_equal (snapshot, read));

  copy = cm_spec_snapshot_copy (read);
  g_assert_true (cm_spec_snapshot_equal (copy, snapshot));
  cm_spec_snapshot_add_kpi (copy, "", "", "", "");
  g_assert_false (cm_spec_snapshot_equal (copy, snapshot));

  g_clear_pointer (&read, cm_spec_snapshot_free);
  read = cm_spec_snapshot_from_string ("not a key file", &error);
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT);
  g_assert_null (read);
  g_clear_error (&error);

  read = cm_spec_snapshot_from_string ("[specification]\nformat=99\n", &error);
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT);
  g_assert_null (read);
  g_clear_error (&error);

  read = cm_spec_snapshot_from_string ("[specification]\nformat=1\ntitle=x\nlead=\n"
                                       "contract-term=\nadvocacy-types=0\nstatus=1\n"
                                       "budget-pence=0\nprocurement-route=0\nsections=2\n"
                                       "kpis=0\n[section 0]\nid=1\ntitle=a\nbody=b\n",
                                       &error);
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT);
  g_assert_null (read);
}

/* A version that cannot be written leaves the status as it was. */
static void
test_failed_version_keeps_status (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(CmServiceSpec) spec = add_spec (fixture, "Paid RPR");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 spec_id = cm_service_spec_get_id (spec);
  sqlite3 *db;

  /* Another program already wrote a version 1: the UNIQUE constraint
   * refuses ours. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("INSERT INTO spec_version (spec_id, version, status, recorded_at, "
                         "snapshot) VALUES (%" G_GINT64_FORMAT ", 1, 1, '2026-01-01T00:00:00Z', "
                         "'')", spec_id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (cm_store_set_spec_status (fixture->store, spec, CM_SPEC_STATUS_PUBLISHED,
                                            &error));
  g_assert_nonnull (error);
  g_assert_cmpint (cm_service_spec_get_status (spec), ==, CM_SPEC_STATUS_DRAFT);
  g_assert_cmpuint (cm_service_spec_get_version (spec), ==, 0);

  g_clear_object (&spec);
  reopen (fixture);
  spec = cm_store_get_spec (fixture->store, spec_id, NULL);
  g_assert_cmpint (cm_service_spec_get_status (spec), ==, CM_SPEC_STATUS_DRAFT);
  g_assert_cmpuint (cm_service_spec_get_version (spec), ==, 0);
}

/* Duplicates --------------------------------------------------------------- */

static CmContribution *
add_contribution (Fixture    *fixture,
                  CmWorkshop *workshop,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  CmContribution *contribution = cm_contribution_new ();

  cm_contribution_set_workshop_id (contribution, cm_workshop_get_id (workshop));
  cm_contribution_set_text (contribution, text);
  cm_contribution_set_kind (contribution, CM_CONTRIBUTION_KIND_I_STATEMENT);
  cm_store_add_contribution (fixture->store, contribution, &error);
  g_assert_no_error (error);

  return contribution;
}

static CmWorkshop *
add_workshop (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CmWorkshop *workshop = cm_workshop_new ();

  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (fixture->cycle));
  cm_workshop_set_title (workshop, "What good advocacy looks like");
  cm_store_add_workshop (fixture->store, workshop, &error);
  g_assert_no_error (error);

  return workshop;
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CmServiceSpec) spec = add_spec (fixture, "NHS complaints advocacy");
  g_autoptr(CmServiceSpec) copy = NULL;
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture);
  g_autoptr(CmContribution) said = add_contribution (fixture, workshop, "I was listened to");
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GListModel) copy_sections = NULL;
  g_autoptr(GListModel) copy_kpis = NULL;
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();
  g_autoptr(CmDemandInputs) copy_inputs = NULL;
  g_autoptr(CmKpi) kpi = cm_kpi_new ();
  g_autoptr(GArray) cited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 spec_id = cm_service_spec_get_id (spec);

  specs = cm_store_list_specs (fixture->store, cm_cycle_get_id (fixture->cycle), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 1);

  cm_service_spec_set_lead (spec, "Lead");
  cm_service_spec_set_contract_term (spec, "2+1 years");
  cm_service_spec_set_procurement_route (spec, CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION);
  cm_service_spec_set_budget_pence (spec, 9999);
  cm_store_save_spec (fixture->store, spec, &error);
  g_assert_no_error (error);
  set_status (fixture, spec, CM_SPEC_STATUS_PUBLISHED);

  sections = cm_store_list_sections (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  cm_store_move_section (fixture->store, nth_section (sections, 11), 0, &error);
  g_assert_no_error (error);
  cm_store_set_section_citation (fixture->store, nth_section (sections, 3),
                                 cm_contribution_get_id (said), TRUE, &error);
  g_assert_no_error (error);

  cm_kpi_set_spec_id (kpi, spec_id);
  cm_kpi_set_measure (kpi, "Satisfaction");
  cm_store_add_kpi (fixture->store, kpi, &error);
  g_assert_no_error (error);

  inputs->rows[CM_DEMAND_PROCESS_REVIEWS].people_per_year = 1234;
  cm_demand_inputs_set_other_label (inputs, "Hospital discharges");
  cm_store_save_demand_model (fixture->store, spec, inputs, &error);
  g_assert_no_error (error);

  copy = cm_store_duplicate_spec (fixture->store, spec, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpint (cm_service_spec_get_id (copy), !=, spec_id);
  g_assert_cmpstr (cm_service_spec_get_title (copy), ==, "Copy of NHS complaints advocacy");
  g_assert_cmpint (cm_service_spec_get_status (copy), ==, CM_SPEC_STATUS_DRAFT);
  g_assert_cmpuint (cm_service_spec_get_version (copy), ==, 0);
  g_assert_cmpstr (cm_service_spec_get_lead (copy), ==, "Lead");
  g_assert_cmpstr (cm_service_spec_get_contract_term (copy), ==, "2+1 years");
  g_assert_cmpint (cm_service_spec_get_procurement_route (copy), ==,
                   CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION);
  g_assert_cmpint (cm_service_spec_get_budget_pence (copy), ==, 9999);
  g_assert_cmpuint (n_versions (fixture, copy), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 2);

  copy_sections = cm_store_list_sections (fixture->store, cm_service_spec_get_id (copy), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (copy_sections), ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      CmSpecSection *a = nth_section (sections, i);
      CmSpecSection *b = nth_section (copy_sections, i);

      g_assert_true (a != b);
      g_assert_cmpstr (cm_spec_section_get_title (a), ==, cm_spec_section_get_title (b));
      g_assert_cmpstr (cm_spec_section_get_body (a), ==, cm_spec_section_get_body (b));
    }
  g_assert_cmpstr (cm_spec_section_get_title (nth_section (copy_sections, 0)), ==,
                   "Monitoring and reporting");

  cited = cm_store_list_section_citation_ids (fixture->store,
                                              cm_spec_section_get_id (nth_section (copy_sections,
                                                                                   3)),
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cited->len, ==, 1);
  g_assert_cmpint (g_array_index (cited, gint64, 0), ==, cm_contribution_get_id (said));

  copy_kpis = cm_store_list_kpis (fixture->store, cm_service_spec_get_id (copy), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (copy_kpis), ==, 1);

  copy_inputs = cm_store_load_demand_model (fixture->store, copy, &error);
  g_assert_no_error (error);
  g_assert_true (cm_demand_inputs_equal (inputs, copy_inputs));

  /* Editing the copy leaves the original alone. */
  cm_spec_section_set_body (nth_section (copy_sections, 1), "Only in the copy");
  cm_store_save_section (fixture->store, nth_section (copy_sections, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cm_spec_section_get_body (nth_section (sections, 1)), !=, "Only in the copy");
}

/* The demand model ---------------------------------------------------------- */

static void
test_demand_model (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CmServiceSpec) spec = add_spec (fixture, "Demand");
  g_autoptr(CmDemandInputs) defaults = cm_demand_inputs_new_default ();
  g_autoptr(CmDemandInputs) loaded = NULL;
  g_autoptr(CmDemandInputs) inputs = NULL;
  g_autoptr(CmServiceSpec) unsaved = cm_service_spec_new ();
  g_autoptr(GError) error = NULL;
  gint64 spec_id = cm_service_spec_get_id (spec);

  loaded = cm_store_load_demand_model (fixture->store, spec, &error);
  g_assert_no_error (error);
  g_assert_true (cm_demand_inputs_equal (loaded, defaults));

  inputs = cm_demand_inputs_copy (defaults);
  inputs->rows[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS].people_per_year = 4200.5;
  inputs->rows[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS].hours_per_case = 12;
  inputs->rows[CM_DEMAND_PROCESS_CARER_ASSESSMENTS].uptake = 1.5;  /* invalid, still kept */
  inputs->growth_rate = -0.015;
  inputs->years = 10;
  inputs->budget_pence = 25000000;
  cm_demand_inputs_set_other_label (inputs, "Hospital discharge — “urgent”");
  cm_store_save_demand_model (fixture->store, spec, inputs, &error);
  g_assert_no_error (error);

  g_clear_object (&spec);
  g_clear_pointer (&loaded, cm_demand_inputs_free);
  reopen (fixture);

  spec = cm_store_get_spec (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  loaded = cm_store_load_demand_model (fixture->store, spec, &error);
  g_assert_no_error (error);
  g_assert_true (cm_demand_inputs_equal (loaded, inputs));

  /* Not saved yet, and gone. */
  g_assert_null (cm_store_load_demand_model (fixture->store, unsaved, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  cm_service_spec_set_id (unsaved, 999999);
  g_assert_false (cm_store_save_demand_model (fixture->store, unsaved, inputs, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
}

/* Citations ------------------------------------------------------------------ */

static void
test_citations (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CmServiceSpec) spec = add_spec (fixture, "Citations");
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture);
  g_autoptr(CmContribution) first = add_contribution (fixture, workshop, "I want to be heard");
  g_autoptr(CmContribution) second = add_contribution (fixture, workshop, "Easy read letters");
  g_autoptr(CmContribution) third = add_contribution (fixture, workshop, "Not cited");
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GListModel) cited = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  CmSpecSection *outcomes;
  gint64 section_id;

  sections = cm_store_list_sections (fixture->store, cm_service_spec_get_id (spec), &error);
  g_assert_no_error (error);
  outcomes = nth_section (sections, 2);
  section_id = cm_spec_section_get_id (outcomes);

  ids = cm_store_list_section_citation_ids (fixture->store, section_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  for (guint round = 0; round < 2; round++)  /* citing twice is the same as once */
    {
      cm_store_set_section_citation (fixture->store, outcomes, cm_contribution_get_id (second),
                                     TRUE, &error);
      g_assert_no_error (error);
      cm_store_set_section_citation (fixture->store, outcomes, cm_contribution_get_id (first),
                                     TRUE, &error);
      g_assert_no_error (error);
    }

  ids = cm_store_list_section_citation_ids (fixture->store, section_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, cm_contribution_get_id (first));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, cm_contribution_get_id (second));
  g_clear_pointer (&ids, g_array_unref);

  cited = cm_store_list_section_citations (fixture->store, section_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cited), ==, 2);
  {
    g_autoptr(CmContribution) item = g_list_model_get_item (cited, 0);
    g_assert_true (item == first);  /* one instance per row */
  }
  g_clear_object (&cited);

  /* A trashed contribution is not shown, but the link stays for Undo. */
  cm_store_trash (fixture->store, G_OBJECT (first), &error);
  g_assert_no_error (error);
  cited = cm_store_list_section_citations (fixture->store, section_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cited), ==, 1);
  g_clear_object (&cited);
  cm_store_restore (fixture->store, G_OBJECT (first), &error);
  g_assert_no_error (error);

  cm_store_set_section_citation (fixture->store, outcomes, cm_contribution_get_id (second),
                                 FALSE, &error);
  g_assert_no_error (error);

  all = cm_store_list_cycle_contributions (fixture->store, cm_cycle_get_id (fixture->cycle),
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);

  g_clear_object (&sections);
  reopen (fixture);

  ids = cm_store_list_section_citation_ids (fixture->store, section_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, cm_contribution_get_id (first));
  (void) third;
}

/* Sections and KPIs move and change inside one specification. */
static void
test_reorder_and_kpis (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CmServiceSpec) spec = add_spec (fixture, "Reorder");
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GListModel) kpis = NULL;
  g_autoptr(GError) error = NULL;
  gint64 spec_id = cm_service_spec_get_id (spec);
  const char *measures[] = { "First", "Second", "Third" };

  sections = cm_store_list_sections (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  cm_store_move_section (fixture->store, nth_section (sections, 0), 11, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cm_spec_section_get_title (nth_section (sections, 11)), ==,
                   "Purpose and legal duties");
  g_assert_cmpstr (cm_spec_section_get_title (nth_section (sections, 0)), ==,
                   "Scope and advocacy types");

  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      g_autoptr(CmKpi) kpi = cm_kpi_new ();

      cm_kpi_set_spec_id (kpi, spec_id);
      cm_kpi_set_measure (kpi, measures[i]);
      cm_store_add_kpi (fixture->store, kpi, &error);
      g_assert_no_error (error);
    }

  kpis = cm_store_list_kpis (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CmKpi) third = g_list_model_get_item (kpis, 2);

    cm_store_move_kpi (fixture->store, third, 0, &error);
    g_assert_no_error (error);
    cm_kpi_set_measure (third, "");
    g_assert_false (cm_store_save_kpi (fixture->store, third, &error));
    g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_clear_object (&kpis);
  g_clear_object (&sections);
  g_clear_object (&spec);
  reopen (fixture);

  kpis = cm_store_list_kpis (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CmKpi) kpi = g_list_model_get_item (kpis, i);
      const char *expected[] = { "Third", "First", "Second" };

      g_assert_cmpstr (cm_kpi_get_measure (kpi), ==, expected[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/spec-versions/default-sections", test_default_sections);
  ADD ("/spec-versions/transitions", test_versions_on_transitions);
  ADD ("/spec-versions/content", test_version_content);
  ADD ("/spec-versions/failed-version-keeps-status", test_failed_version_keeps_status);
  ADD ("/spec-versions/duplicate", test_duplicate);
  ADD ("/spec-versions/demand-model", test_demand_model);
  ADD ("/spec-versions/citations", test_citations);
  ADD ("/spec-versions/reorder-and-kpis", test_reorder_and_kpis);
  g_test_add_func ("/spec-versions/snapshot-round-trip", test_snapshot_round_trip);

  return g_test_run ();
}
