/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-migrations"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "cm-date.h"
#include "cm-store-private.h"
#include "cm-store-search.h"

/* fixtures/commissioning-v1.db is a file as version 1 of the schema left
 * it, made by fixtures/make-v1-fixture.py. Opening a copy must bring it up
 * to the current version with every row and value intact; a step that
 * fails must leave it as it was. The values checked here are the script's:
 * change both together. The committed file itself is never opened. */

typedef struct
{
  char *dir;
  char *path;               /* a copy of the fixture in dir */
  char *fixture_checksum;   /* of the committed file, to prove it untouched */
} Fixture;

/* Helpers -------------------------------------------------------------- */

static char *
fixture_file (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "commissioning-v1.db", NULL);
}

static char *
checksum_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
remove_folder (const char *folder)
{
  GDir *dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (folder);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *original = fixture_file ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  fixture->dir = g_dir_make_tmp ("cm-migrations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "commissioning.db", NULL);
  fixture->fixture_checksum = checksum_file (original);

  g_file_get_contents (original, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *original = fixture_file ();
  g_autofree char *checksum = checksum_file (original);

  g_assert_cmpstr (checksum, ==, fixture->fixture_checksum);

  remove_folder (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->fixture_checksum, g_free);
}

/* SQLite directly, to see what the store's API does not show. */
static sqlite3 *
open_directly (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gint64
query_file_int (const char *path,
                const char *sql)
{
  sqlite3 *db = open_directly (path);
  gint64 value = query_int (db, sql);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

static void
exec_directly (const char *path,
               const char *sql)
{
  sqlite3 *db = open_directly (path);
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Every schema object and its SQL, as one string to compare. */
static char *
dump_schema (const char *path)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3 *db = open_directly (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                                           "ORDER BY type, name", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "%s %s %s: %s\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static CmStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  CmStore *store;

  store = cm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *iso = cm_date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_date_time (GDateTime  *date_time,
                  const char *expected)
{
  g_autofree char *iso = cm_date_time_to_iso (date_time);

  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_strv (const char * const *strv,
             const char         *expected)
{
  g_autofree char *joined = g_strjoinv ("\n", (char **) strv);

  g_assert_cmpstr (joined, ==, expected);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GObject *item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  /* The list keeps its own reference; the caller borrows this one. */
  g_object_unref (item);
  return item;
}

/* What the fixture holds ----------------------------------------------- */

static void
check_cycles (CmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cycles = cm_store_list_cycles (store, &error);
  CmCycle *cycle;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 2);

  /* Listed by title. */
  cycle = get_item (cycles, 0);
  g_assert_cmpint (cm_cycle_get_id (cycle), ==, 2);
  g_assert_cmpstr (cm_cycle_get_title (cycle), ==, "Carers’ support recommissioning");
  g_assert_cmpstr (cm_cycle_get_service_area (cycle), ==, "Carers");
  assert_date (cm_cycle_get_period_start (cycle), "2025-01-01");
  assert_date (cm_cycle_get_period_end (cycle), "2025-12-31");
  g_assert_cmpstr (cm_cycle_get_lead_officer (cycle), ==, "Tom Ellis");
  g_assert_cmpint (cm_cycle_get_current_stage (cycle), ==, CM_STAGE_ANALYSE);

  cycle = get_item (cycles, 1);
  g_assert_cmpint (cm_cycle_get_id (cycle), ==, 1);
  g_assert_cmpstr (cm_cycle_get_title (cycle), ==, "Independent advocacy 2024–27");
  g_assert_cmpstr (cm_cycle_get_service_area (cycle), ==, "Adult social care");
  assert_date (cm_cycle_get_period_start (cycle), "2024-04-01");
  assert_date (cm_cycle_get_period_end (cycle), "2027-03-31");
  g_assert_cmpstr (cm_cycle_get_lead_officer (cycle), ==, "Priya Shah");
  g_assert_cmpint (cm_cycle_get_current_stage (cycle), ==, CM_STAGE_PLAN);
}

typedef struct
{
  gint64               id;
  gint64               cycle_id;
  CmStage              stage;
  CmRing               ring;
  guint                position;
  const char          *title;
  const char          *description;
  CmActivityStatus     status;
  const char          *owner;
  const char          *due_date;
  const char          *evidence_notes;
  CmCoproductionLevel  coproduction_level;
} ExpectedActivity;

static const ExpectedActivity expected_activities[] = {
  { 1, 1, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 0, "Review the needs assessment",
    "Refresh the JSNA chapter on demand for advocacy.", CM_ACTIVITY_STATUS_DONE,
    "Priya Shah", "2024-06-30", "JSNA 2024, chapter 7.", CM_COPRODUCTION_ENGAGING },
  { 2, 1, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 1, "Map current providers",
    "List every advocacy contract and grant, with its end date.",
    CM_ACTIVITY_STATUS_IN_PROGRESS, "Tom Ellis", NULL, "", CM_COPRODUCTION_NOT_SET },
  { 3, 1, CM_STAGE_PLAN, CM_RING_PROCUREMENT, 0, "Choose the procurement route",
    "Light-touch open procedure or the Provider Selection Regime.",
    CM_ACTIVITY_STATUS_NOT_STARTED, "", "2024-11-15", "", CM_COPRODUCTION_NOT_SET },
  { 4, 1, CM_STAGE_REVIEW, CM_RING_COMMISSIONING, 0,
    "Review outcomes with people who use services",
    "A yearly review, run with the advocacy reference group.",
    CM_ACTIVITY_STATUS_NOT_STARTED, "Sam Okafor", NULL, "", CM_COPRODUCTION_CO_PRODUCTION },
  { 5, 2, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 0, "Count unpaid carers by locality",
    "Census 2021 figures against carers’ assessments.", CM_ACTIVITY_STATUS_IN_PROGRESS,
    "Tom Ellis", "2025-03-01", "", CM_COPRODUCTION_CONSULTING },
  { 6, 2, CM_STAGE_DO, CM_RING_PROCUREMENT, 0, "Extend the current grant",
    "Six months, while the new service is designed.", CM_ACTIVITY_STATUS_NOT_APPLICABLE,
    "", NULL, "", CM_COPRODUCTION_NOT_SET },
};

static void
check_activities (CmStore *store)
{
  for (gint64 cycle_id = 1; cycle_id <= 2; cycle_id++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) activities = NULL;
      guint n = 0;

      activities = cm_store_list_activities (store, cycle_id, CM_STAGE_NONE, -1, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < G_N_ELEMENTS (expected_activities); i++)
        {
          const ExpectedActivity *expected = &expected_activities[i];
          CmActivity *activity;

          if (expected->cycle_id != cycle_id)
            continue;

          /* Listed by stage, ring and position, as the fixture gives them. */
          activity = get_item (activities, n++);
          g_assert_cmpint (cm_activity_get_id (activity), ==, expected->id);
          g_assert_cmpint (cm_activity_get_cycle_id (activity), ==, expected->cycle_id);
          g_assert_cmpint (cm_activity_get_stage (activity), ==, expected->stage);
          g_assert_cmpint (cm_activity_get_ring (activity), ==, expected->ring);
          g_assert_cmpuint (cm_activity_get_position (activity), ==, expected->position);
          g_assert_cmpstr (cm_activity_get_title (activity), ==, expected->title);
          g_assert_cmpstr (cm_activity_get_description (activity), ==, expected->description);
          g_assert_cmpint (cm_activity_get_status (activity), ==, expected->status);
          g_assert_cmpstr (cm_activity_get_owner (activity), ==, expected->owner);
          assert_date (cm_activity_get_due_date (activity), expected->due_date);
          g_assert_cmpstr (cm_activity_get_evidence_notes (activity), ==,
                           expected->evidence_notes);
          g_assert_cmpint (cm_activity_get_coproduction_level (activity), ==,
                           expected->coproduction_level);
        }

      g_assert_cmpuint (g_list_model_get_n_items (activities), ==, n);
    }
}

static void
check_spec (CmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmServiceSpec) spec = NULL;
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GListModel) kpis = NULL;
  static const char * const section_titles[] = {
    "Service outcomes", "Access and eligibility", "Referral routes",
  };
  static const char * const section_bodies[] = {
    "People who use the service say they were listened to and understood.",
    "Anyone eligible under the Care Act 2014 may be referred, including self-referral.",
    "By telephone, email, text message or the online form; acknowledged within two "
    "working days.",
  };
  CmKpi *kpi;

  specs = cm_store_list_specs (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 1);

  spec = cm_store_get_spec (store, 1, &error);
  g_assert_no_error (error);
  g_assert_true ((gpointer) spec == get_item (specs, 0));
  g_assert_cmpint (cm_service_spec_get_cycle_id (spec), ==, 1);
  g_assert_cmpstr (cm_service_spec_get_title (spec), ==, "Integrated advocacy service");
  g_assert_cmpuint (cm_service_spec_get_advocacy_types (spec), ==,
                    CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_IMCA | CM_ADVOCACY_IMHA);
  g_assert_cmpint (cm_service_spec_get_status (spec), ==, CM_SPEC_STATUS_CONSULTATION);
  g_assert_cmpstr (cm_service_spec_get_lead (spec), ==, "Priya Shah");
  g_assert_cmpstr (cm_service_spec_get_contract_term (spec), ==, "3+2 years");
  g_assert_cmpint (cm_service_spec_get_budget_pence (spec), ==, 125000000);
  g_assert_cmpint (cm_service_spec_get_procurement_route (spec), ==,
                   CM_PROCUREMENT_ROUTE_LIGHT_TOUCH_OPEN);
  g_assert_cmpuint (cm_service_spec_get_version (spec), ==, 0);
  assert_date_time (cm_service_spec_get_updated_at (spec), "2024-09-12T09:30:00.000000Z");

  sections = cm_store_list_sections (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, G_N_ELEMENTS (section_titles));
  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    {
      CmSpecSection *section = get_item (sections, i);

      g_assert_cmpint (cm_spec_section_get_id (section), ==, i + 1);
      g_assert_cmpint (cm_spec_section_get_spec_id (section), ==, 1);
      g_assert_cmpuint (cm_spec_section_get_position (section), ==, i);
      g_assert_cmpstr (cm_spec_section_get_title (section), ==, section_titles[i]);
      g_assert_cmpstr (cm_spec_section_get_body (section), ==, section_bodies[i]);
    }

  kpis = cm_store_list_kpis (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, 2);
  kpi = get_item (kpis, 0);
  g_assert_cmpint (cm_kpi_get_id (kpi), ==, 1);
  g_assert_cmpuint (cm_kpi_get_position (kpi), ==, 0);
  g_assert_cmpstr (cm_kpi_get_measure (kpi), ==, "Referrals acknowledged within 2 working days");
  g_assert_cmpstr (cm_kpi_get_target (kpi), ==, "95%");
  g_assert_cmpstr (cm_kpi_get_frequency (kpi), ==, "Monthly");
  g_assert_cmpstr (cm_kpi_get_source (kpi), ==, "Provider return");
  kpi = get_item (kpis, 1);
  g_assert_cmpint (cm_kpi_get_id (kpi), ==, 2);
  g_assert_cmpuint (cm_kpi_get_position (kpi), ==, 1);
  g_assert_cmpstr (cm_kpi_get_measure (kpi), ==, "People who say advocacy made a difference");
  g_assert_cmpstr (cm_kpi_get_target (kpi), ==, "80%");
  g_assert_cmpstr (cm_kpi_get_frequency (kpi), ==, "Quarterly");
  g_assert_cmpstr (cm_kpi_get_source (kpi), ==, "Outcome survey");
}

typedef struct
{
  gint64             id;
  const char        *name;
  CmParticipantRole  role;
  const char        *organisation;
  const char        *access_needs;
  CmConsent          consent;
  const char        *payment_notes;
  gboolean           erased;
} ExpectedParticipant;

static const ExpectedParticipant expected_participants[] = {
  { 1, "Margaret Hughes", CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES, "", "Large print",
    CM_CONSENT_NAMED, "£25 voucher", FALSE },
  { 2, "Daniel Reyes", CM_PARTICIPANT_ROLE_CARER, "", "", CM_CONSENT_ANONYMISED, "", FALSE },
  { 3, "Aisha Khan", CM_PARTICIPANT_ROLE_PROVIDER, "Northgate Advocacy Trust", "",
    CM_CONSENT_NAMED, "", FALSE },
  { 4, "", CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES, "", "", CM_CONSENT_NONE, "", TRUE },
};

static void
check_workshop (CmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmWorkshop) workshop = NULL;
  g_autoptr(GListModel) workshops = NULL;
  g_autoptr(GListModel) participants = NULL;
  g_autoptr(GListModel) attendees = NULL;

  workshops = cm_store_list_workshops (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 1);

  workshop = cm_store_get_workshop (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_workshop_get_cycle_id (workshop), ==, 1);
  g_assert_cmpstr (cm_workshop_get_title (workshop), ==, "Listening event — Northgate Library");
  assert_date_time (cm_workshop_get_starts_at (workshop), "2024-05-14T13:30:00.000000Z");
  g_assert_cmpstr (cm_workshop_get_venue (workshop), ==, "Northgate Library, Room 2");
  g_assert_cmpstr (cm_workshop_get_facilitator (workshop), ==, "Sam Okafor");
  g_assert_cmpstr (cm_workshop_get_purpose (workshop), ==,
                   "Hear what people want from advocacy.");
  g_assert_cmpstr (cm_workshop_get_access_arrangements (workshop), ==,
                   "Step-free access, hearing loop, BSL interpreter booked.");
  g_assert_cmpint (cm_workshop_get_state (workshop), ==, CM_WORKSHOP_STATE_CLOSED);

  for (guint i = 0; i < G_N_ELEMENTS (expected_participants); i++)
    {
      const ExpectedParticipant *expected = &expected_participants[i];
      g_autoptr(CmParticipant) participant = NULL;

      participant = cm_store_get_participant (store, expected->id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cm_participant_get_name (participant), ==, expected->name);
      g_assert_cmpint (cm_participant_get_role (participant), ==, expected->role);
      g_assert_cmpstr (cm_participant_get_organisation (participant), ==,
                       expected->organisation);
      g_assert_cmpstr (cm_participant_get_access_needs (participant), ==,
                       expected->access_needs);
      g_assert_cmpint (cm_participant_get_consent (participant), ==, expected->consent);
      g_assert_cmpstr (cm_participant_get_payment_notes (participant), ==,
                       expected->payment_notes);
      g_assert_cmpint (cm_participant_get_erased (participant), ==, expected->erased);
    }

  /* The erased person is no longer listed. */
  participants = cm_store_list_participants (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (participants), ==, 3);

  attendees = cm_store_list_attendees (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 3);
}

typedef struct
{
  gint64              id;
  gint64              participant_id;
  const char         *text;
  CmContributionKind  kind;
  CmStage             stage;
  const char         *themes;     /* one to a line */
  const char         *captured_at;
  gboolean            pinned;
} ExpectedContribution;

static const ExpectedContribution expected_contributions[] = {
  { 1, 1, "I had to tell my story four times before anyone helped.",
    CM_CONTRIBUTION_KIND_CONCERN, CM_STAGE_ANALYSE, "access\ncontinuity",
    "2024-05-14T13:42:10.000000Z", TRUE },
  { 2, 2, "The advocate came to the house, which made all the difference for my son.",
    CM_CONTRIBUTION_KIND_COMMENT, CM_STAGE_NONE, "home-visits",
    "2024-05-14T13:47:55.000000Z", FALSE },
  { 3, 0, "Could the service take referrals by text message?",
    CM_CONTRIBUTION_KIND_QUESTION, CM_STAGE_PLAN, "access\ndigital",
    "2024-05-14T14:02:31.000000Z", FALSE },
  { 4, 3, "We need wheelchair-accessible meeting rooms in every locality.",
    CM_CONTRIBUTION_KIND_IDEA, CM_STAGE_DO, "", "2024-05-14T14:10:00.000000Z", FALSE },
  { 5, 4, "I want to choose my own advocate, not be given one.",
    CM_CONTRIBUTION_KIND_I_STATEMENT, CM_STAGE_NONE, "choice",
    "2024-05-14T14:21:45.000000Z", TRUE },
};

static void
check_contributions (CmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) contributions = cm_store_list_contributions (store, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==,
                    G_N_ELEMENTS (expected_contributions));

  for (guint i = 0; i < G_N_ELEMENTS (expected_contributions); i++)
    {
      const ExpectedContribution *expected = &expected_contributions[i];
      CmContribution *contribution = get_item (contributions, i);

      g_assert_cmpint (cm_contribution_get_id (contribution), ==, expected->id);
      g_assert_cmpint (cm_contribution_get_workshop_id (contribution), ==, 1);
      g_assert_cmpint (cm_contribution_get_participant_id (contribution), ==,
                       expected->participant_id);
      g_assert_cmpstr (cm_contribution_get_text (contribution), ==, expected->text);
      g_assert_cmpint (cm_contribution_get_kind (contribution), ==, expected->kind);
      g_assert_cmpint (cm_contribution_get_stage (contribution), ==, expected->stage);
      assert_strv (cm_contribution_get_themes (contribution), expected->themes);
      assert_date_time (cm_contribution_get_captured_at (contribution),
                        expected->captured_at);
      g_assert_cmpint (cm_contribution_get_pinned (contribution), ==, expected->pinned);
    }
}

static void
check_actions (CmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = cm_store_list_actions (store, 1, &error);
  g_autoptr(GListModel) linked = NULL;
  CmAction *action;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);

  action = get_item (actions, 0);
  g_assert_cmpint (cm_action_get_id (action), ==, 1);
  g_assert_cmpstr (cm_action_get_response (action), ==,
                   "Referrals can now be made by text message.");
  g_assert_cmpint (cm_action_get_state (action), ==, CM_ACTION_STATE_DONE);
  g_assert_cmpstr (cm_action_get_reason (action), ==, "");
  g_assert_cmpstr (cm_action_get_owner (action), ==, "Priya Shah");
  assert_date (cm_action_get_due_date (action), "2024-10-01");
  g_assert_cmpint (cm_action_get_activity_id (action), ==, 3);
  g_assert_cmpint (cm_action_get_section_id (action), ==, 3);

  action = get_item (actions, 1);
  g_assert_cmpint (cm_action_get_id (action), ==, 2);
  g_assert_cmpstr (cm_action_get_response (action), ==, "Meet in every locality.");
  g_assert_cmpint (cm_action_get_state (action), ==, CM_ACTION_STATE_NOT_POSSIBLE);
  g_assert_cmpstr (cm_action_get_reason (action), ==,
                   "Two localities have no accessible venue; we will pay for taxis instead.");
  g_assert_cmpstr (cm_action_get_owner (action), ==, "Tom Ellis");
  assert_date (cm_action_get_due_date (action), NULL);
  g_assert_cmpint (cm_action_get_activity_id (action), ==, 0);
  g_assert_cmpint (cm_action_get_section_id (action), ==, 0);

  linked = cm_store_list_action_contributions (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  g_assert_cmpint (cm_contribution_get_id (get_item (linked, 0)), ==, 3);
}

static void
check_all_rows (CmStore *store)
{
  check_cycles (store);
  check_activities (store);
  check_spec (store);
  check_workshop (store);
  check_contributions (store);
  check_actions (store);
}

/* Finds text and expects exactly one result: this object in this cycle. */
static void
assert_found (CmStore      *store,
              const char   *text,
              CmSearchKind  kind,
              gint64        object_id,
              gint64        cycle_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = cm_store_search (store, text, 0, 10, &error);
  CmSearchResult *result;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = get_item (results, 0);
  g_assert_cmpint (cm_search_result_get_kind (result), ==, kind);
  g_assert_cmpint (cm_search_result_get_object_id (result), ==, object_id);
  g_assert_cmpint (cm_search_result_get_cycle_id (result), ==, cycle_id);
}

static void
assert_not_found (CmStore    *store,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = cm_store_search (store, text, 0, 10, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

/* Tests ---------------------------------------------------------------- */

/* The fixture is what migration_1 makes: the script's copy of the SQL
 * still matches the store's, and the file is at version 1. */
static void
test_fixture_is_v1 (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh-v1.db", NULL);
  g_autofree char *fixture_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) fresh = g_object_new (CM_TYPE_STORE, NULL);
  int rc;

  g_assert_cmpint (query_file_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_file_int (fixture->path, "SELECT count(*) FROM sqlite_master "
                                                  "WHERE name = 'spec_version'"), ==, 0);

  /* Build version 1 the way the store does, and stop there. */
  fresh->path = g_strdup (fresh_path);
  rc = sqlite3_open_v2 (fresh_path, &fresh->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  cm_store_migrate_to (fresh, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&fresh);

  fixture_schema = dump_schema (fixture->path);
  fresh_schema = dump_schema (fresh_path);
  g_assert_cmpstr (fixture_schema, ==, fresh_schema);
}

static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmServiceSpec) spec = NULL;
  g_autoptr(CmContribution) added = cm_contribution_new ();
  g_autoptr(GListModel) contributions = NULL;
  CmContribution *contribution;
  sqlite3 *db;

  store = open_store (fixture->path);
  g_assert_cmpint (cm_store_get_schema_version (store), ==, CM_STORE_SCHEMA_VERSION);

  /* Every row, every value. */
  check_all_rows (store);
  cm_store_check_integrity (store, &error);
  g_assert_no_error (error);

  /* What version 2 added is there, seen from outside the store. */
  db = open_directly (fixture->path);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, CM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master "
                                  "WHERE type = 'table' AND name = 'spec_version'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master "
                                  "WHERE type = 'table' AND name = 'section_citation'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM service_spec "
                                  "WHERE demand_model = ''"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM spec_version"), ==, 0);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  /* Old text is found by search. */
  assert_found (store, "story", CM_SEARCH_KIND_CONTRIBUTION, 1, 1);
  assert_found (store, "eligibility", CM_SEARCH_KIND_SECTION, 2, 1);
  assert_found (store, "JSNA", CM_SEARCH_KIND_ACTIVITY, 1, 1);
  assert_found (store, "census", CM_SEARCH_KIND_ACTIVITY, 5, 2);

  /* Saving works on migrated rows, and search follows. */
  spec = cm_store_get_spec (store, 1, &error);
  g_assert_no_error (error);
  cm_service_spec_set_contract_term (spec, "4+1 years");
  cm_store_save_spec (store, spec, &error);
  g_assert_no_error (error);

  contributions = cm_store_list_contributions (store, 1, &error);
  g_assert_no_error (error);
  contribution = get_item (contributions, 0);
  cm_contribution_set_text (contribution, "I had to tell my history four times.");
  cm_store_save_contribution (store, contribution, &error);
  g_assert_no_error (error);
  assert_not_found (store, "story");
  assert_found (store, "history", CM_SEARCH_KIND_CONTRIBUTION, 1, 1);

  cm_contribution_set_workshop_id (added, 1);
  cm_contribution_set_text (added, "Added after the update: translation into Polish, please.");
  cm_store_add_contribution (store, added, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_contribution_get_id (added), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 6);

  g_clear_object (&contributions);
  g_clear_object (&spec);
  g_clear_object (&store);

  /* And it all stays saved. */
  store = open_store (fixture->path);
  spec = cm_store_get_spec (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cm_service_spec_get_contract_term (spec), ==, "4+1 years");
  g_assert_cmpint (cm_store_count_contributions (store, 1, NULL), ==, 6);
  assert_found (store, "Polish", CM_SEARCH_KIND_CONTRIBUTION, 6, 1);
}

/* Once migrated, opening again changes nothing. */
static void
test_second_open (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CmStore) store = NULL;
  g_autofree char *migrated = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *original = checksum_file (fixture->path);

  store = open_store (fixture->path);
  g_clear_object (&store);
  migrated = checksum_file (fixture->path);
  g_assert_cmpstr (migrated, !=, original);

  store = open_store (fixture->path);
  g_assert_cmpint (cm_store_get_schema_version (store), ==, CM_STORE_SCHEMA_VERSION);
  check_all_rows (store);
  g_clear_object (&store);

  reopened = checksum_file (fixture->path);
  g_assert_cmpstr (reopened, ==, migrated);
  g_assert_cmpint (query_file_int (fixture->path, "PRAGMA user_version"), ==,
                   CM_STORE_SCHEMA_VERSION);
}

/* A step that fails half way is undone: the file stays at version 1,
 * byte for byte, and opens once the obstacle is gone. */
static void
test_failed_migration (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Version 2 adds a column, then creates spec_version: let that fail. */
  exec_directly (fixture->path, "CREATE TABLE spec_version (note TEXT)");
  before = checksum_file (fixture->path);

  store = cm_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED);
  g_test_message ("Error shown: %s", error->message);
  g_assert_nonnull (strstr (error->message, "commissioning.db"));
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_clear_error (&error);

  after = checksum_file (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (query_file_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_file_int (fixture->path, "SELECT count(*) FROM "
                                                  "pragma_table_info('service_spec') "
                                                  "WHERE name = 'demand_model'"), ==, 0);
  g_assert_cmpint (query_file_int (fixture->path, "SELECT count(*) FROM contribution"), ==,
                   G_N_ELEMENTS (expected_contributions));

  /* Nothing was left beside it. */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "commissioning.db");

  /* The program carries on: without the obstacle the same file opens. */
  exec_directly (fixture->path, "DROP TABLE spec_version");
  store = open_store (fixture->path);
  g_assert_cmpint (cm_store_get_schema_version (store), ==, CM_STORE_SCHEMA_VERSION);
  check_all_rows (store);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/migrations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("fixture-is-v1", test_fixture_is_v1);
  ADD ("v1-to-current", test_migrate_v1);
  ADD ("second-open", test_second_open);
  ADD ("failed-step", test_failed_migration);

#undef ADD

  return g_test_run ();
}
