/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-summary"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cm-store-specs.h"
#include "cm-summary-document.h"
#include "cm-summary-export.h"
#include "cm-summary-layout.h"

/* The cycle summary, read back as a person would: the PDF is written, then
 * poppler's pdftotext says what text is on which page and where. The data
 * is made by hand so that the test knows who agreed to what. */

#define NAMED_PERSON      "Alice Namedperson"
#define ANONYMOUS_PERSON  "Bob Anonymousperson"
#define REFUSING_PERSON   "Carol Refusingperson"
#define ERASED_PERSON     "Dave Erasedperson"
#define REFUSED_WORDS     "Carolsecret remark about the waiting list"
#define ERASED_WORDS      "Daveerased remark about letters"
#define LONG_WORD_LENGTH  400

typedef struct
{
  char    *folder;
  char    *path;
  char    *pdf;
  CmStore *store;
  CmCycle *cycle;
} Fixture;

/* Data ------------------------------------------------------------------ */

static GDate *
date (int year,
      int month,
      int day)
{
  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static CmParticipant *
add_person (Fixture           *fixture,
            const char        *name,
            CmParticipantRole  role,
            CmConsent          consent,
            CmWorkshop        *workshop)
{
  g_autoptr(GError) error = NULL;
  CmParticipant *person = cm_participant_new ();

  cm_participant_set_name (person, name);
  cm_participant_set_role (person, role);
  cm_participant_set_consent (person, consent);
  g_assert_true (cm_store_add_participant (fixture->store, person, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_set_attendance (fixture->store, workshop, person, TRUE, &error));
  g_assert_no_error (error);
  return person;
}

static CmContribution *
add_said (Fixture       *fixture,
          CmWorkshop    *workshop,
          CmParticipant *person,
          const char    *text,
          gboolean       pinned)
{
  static const char * const themes[] = { "access", "waiting-times", NULL };
  g_autoptr(GError) error = NULL;
  CmContribution *contribution = cm_contribution_new ();

  cm_contribution_set_workshop_id (contribution, cm_workshop_get_id (workshop));
  cm_contribution_set_participant_id (contribution, person ? cm_participant_get_id (person) : 0);
  cm_contribution_set_text (contribution, text);
  cm_contribution_set_kind (contribution, CM_CONTRIBUTION_KIND_CONCERN);
  cm_contribution_set_themes (contribution, themes);
  cm_contribution_set_pinned (contribution, pinned);
  g_assert_true (cm_store_add_contribution (fixture->store, contribution, &error));
  g_assert_no_error (error);
  return contribution;
}

static void
add_action (Fixture         *fixture,
            const char      *response,
            CmActionState    state,
            CmContribution **linked,
            guint            n_linked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmAction) action = cm_action_new ();
  g_autoptr(GDate) due = date (2026, 1, 1);

  cm_action_set_cycle_id (action, cm_cycle_get_id (fixture->cycle));
  cm_action_set_response (action, response);
  cm_action_set_state (action, state);
  cm_action_set_owner (action, "Commissioning team");
  cm_action_set_due_date (action, due);
  if (state == CM_ACTION_STATE_NOT_POSSIBLE)
    cm_action_set_reason (action, "The budget for 2026 does not allow it.");
  g_assert_true (cm_store_add_action (fixture->store, action, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_linked; i++)
    {
      g_assert_true (cm_store_link_action_contribution (fixture->store, action, linked[i], TRUE,
                                                        &error));
      g_assert_no_error (error);
    }
}

static void
add_activities (Fixture *fixture,
                guint    n_extra)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) activities = NULL;
  g_autoptr(GString) long_notes = g_string_new (NULL);
  g_autoptr(GString) long_word = g_string_new (NULL);
  guint n;

  /* Notes long enough to be shortened, and a word longer than a line. */
  for (guint i = 0; i < 12; i++)
    g_string_append (long_notes, "Providers told us that referrals arrive late and that "
                                 "people are often not told they can have an advocate. ");
  for (guint i = 0; i < LONG_WORD_LENGTH; i++)
    g_string_append_c (long_word, "abcdefghij"[i % 10]);

  activities = cm_store_list_activities (fixture->store, cm_cycle_get_id (fixture->cycle),
                                         CM_STAGE_NONE, -1, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (activities);
  g_assert_cmpuint (n, >, 8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmActivity) activity = g_list_model_get_item (activities, i);
      g_autoptr(GDate) due = date (2025, 1 + i % 12, 1 + i % 27);

      cm_activity_set_status (activity, (CmActivityStatus) (i % CM_N_ACTIVITY_STATUSES));
      cm_activity_set_owner (activity, i % 2 ? "Commissioning officer" : "Procurement lead");
      cm_activity_set_due_date (activity, due);
      if (i % 3 == 0)
        cm_activity_set_evidence_notes (activity, i == 0 ? long_notes->str
                                                         : "Minutes of the steering group.");
      if (i == 3)
        {
          g_autofree char *notes = g_strconcat ("Reference: ", long_word->str, NULL);
          g_autofree char *title = g_strconcat ("Title with a long word ", long_word->str, NULL);

          cm_activity_set_evidence_notes (activity, notes);
          cm_activity_set_title (activity, title);
        }
      g_assert_true (cm_store_save_activity (fixture->store, activity, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < n_extra; i++)
    {
      g_autoptr(CmActivity) activity = cm_activity_new ();
      g_autofree char *title = NULL;

      title = g_strdup_printf ("Extra activity %u: review the quarterly returns from every "
                               "provider against the outcomes framework", i + 1);
      cm_activity_set_cycle_id (activity, cm_cycle_get_id (fixture->cycle));
      cm_activity_set_stage (activity, (CmStage) (i % CM_N_STAGES));
      cm_activity_set_ring (activity, (CmRing) (i % CM_N_RINGS));
      cm_activity_set_title (activity, title);
      cm_activity_set_owner (activity, "Contract monitoring officer");
      g_assert_true (cm_store_add_activity (fixture->store, activity, &error));
      g_assert_no_error (error);
    }
}

static void
add_specs (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CmServiceSpec) spec = cm_service_spec_new ();
      g_autofree char *title = g_strdup_printf ("Lot %u: Care Act advocacy", i + 1);

      cm_service_spec_set_cycle_id (spec, cm_cycle_get_id (fixture->cycle));
      cm_service_spec_set_title (spec, title);
      cm_service_spec_set_advocacy_types (spec, CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_IMCA);
      cm_service_spec_set_lead (spec, "Priya Lead");
      cm_service_spec_set_contract_term (spec, "2+1 years");
      cm_service_spec_set_budget_pence (spec, 34500000 + i);
      cm_service_spec_set_procurement_route (spec, CM_PROCUREMENT_ROUTE_LIGHT_TOUCH_OPEN);
      g_assert_true (cm_store_add_spec (fixture->store, spec, &error));
      g_assert_no_error (error);

      if (i == 0)
        {
          g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();

          inputs->rows[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS].people_per_year = 4200;
          inputs->rows[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS].hours_per_case = 12;
          inputs->rows[CM_DEMAND_PROCESS_REVIEWS].people_per_year = 2600;
          inputs->rows[CM_DEMAND_PROCESS_REVIEWS].hours_per_case = 8;
          inputs->growth_rate = 0.02;
          inputs->years = 3;
          inputs->budget_pence = 9000000;
          g_assert_true (cm_store_save_demand_model (fixture->store, spec, inputs, &error));
          g_assert_no_error (error);
        }
    }
}

static void
add_workshops (Fixture *fixture,
               guint    n_extra)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  g_autoptr(CmWorkshop) planned = cm_workshop_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2026, 1, 15, 10, 0, 0);
  g_autoptr(CmParticipant) alice = NULL;
  g_autoptr(CmParticipant) bob = NULL;
  g_autoptr(CmParticipant) carol = NULL;
  g_autoptr(CmParticipant) dave = NULL;
  g_autoptr(CmContribution) said_alice = NULL;
  g_autoptr(CmContribution) said_bob = NULL;
  g_autoptr(CmContribution) said_carol = NULL;
  g_autoptr(CmContribution) said_dave = NULL;
  g_autoptr(CmContribution) said_room = NULL;

  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (fixture->cycle));
  cm_workshop_set_title (workshop, "Carers' forum on Care Act advocacy");
  cm_workshop_set_starts_at (workshop, starts);
  cm_workshop_set_venue (workshop, "Town Hall, Committee Room 2");
  cm_workshop_set_facilitator (workshop, "Grace Facilitator");
  cm_workshop_set_state (workshop, CM_WORKSHOP_STATE_CLOSED);
  g_assert_true (cm_store_add_workshop (fixture->store, workshop, &error));
  g_assert_no_error (error);

  cm_workshop_set_cycle_id (planned, cm_cycle_get_id (fixture->cycle));
  cm_workshop_set_title (planned, "Young people's session");
  g_assert_true (cm_store_add_workshop (fixture->store, planned, &error));
  g_assert_no_error (error);

  alice = add_person (fixture, NAMED_PERSON, CM_PARTICIPANT_ROLE_CARER, CM_CONSENT_NAMED,
                      workshop);
  bob = add_person (fixture, ANONYMOUS_PERSON, CM_PARTICIPANT_ROLE_CARER, CM_CONSENT_ANONYMISED,
                    workshop);
  carol = add_person (fixture, REFUSING_PERSON, CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES,
                      CM_CONSENT_NONE, workshop);
  dave = add_person (fixture, ERASED_PERSON, CM_PARTICIPANT_ROLE_PROVIDER, CM_CONSENT_NAMED,
                     workshop);

  said_carol = add_said (fixture, workshop, carol, REFUSED_WORDS, TRUE);
  said_dave = add_said (fixture, workshop, dave, ERASED_WORDS, TRUE);
  said_alice = add_said (fixture, workshop, alice, "Advocates should visit people at home.",
                         TRUE);
  said_bob = add_said (fixture, workshop, bob, "Letters should come in Easy Read.", TRUE);
  said_room = add_said (fixture, workshop, NULL, "Everyone agreed that waiting is too long.",
                        FALSE);

  g_assert_true (cm_store_erase_participant (fixture->store, dave, &error));
  g_assert_no_error (error);

  add_action (fixture, "We moved referrals to a single phone number.", CM_ACTION_STATE_DONE,
              (CmContribution *[]) { said_carol }, 1);
  add_action (fixture, "Letters are now written in Easy Read.", CM_ACTION_STATE_OPEN,
              (CmContribution *[]) { said_alice, said_bob, said_carol, said_dave }, 4);
  add_action (fixture, "Home visits for every first meeting.", CM_ACTION_STATE_NOT_POSSIBLE,
              (CmContribution *[]) { said_room }, 1);

  for (guint i = 0; i < n_extra; i++)
    {
      g_autoptr(CmWorkshop) extra = cm_workshop_new ();
      g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 1 + i % 12, 10, 14, 0, 0);
      g_autofree char *title = g_strdup_printf ("Provider engagement event %u", i + 1);

      cm_workshop_set_cycle_id (extra, cm_cycle_get_id (fixture->cycle));
      cm_workshop_set_title (extra, title);
      cm_workshop_set_starts_at (extra, when);
      cm_workshop_set_state (extra, CM_WORKSHOP_STATE_CLOSED);
      g_assert_true (cm_store_add_workshop (fixture->store, extra, &error));
      g_assert_no_error (error);
      g_object_unref (add_said (fixture, extra, alice, "Please publish the quarterly figures.",
                                TRUE));
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = date (2026, 4, 1);
  g_autoptr(GDate) end = date (2029, 3, 31);
  gboolean big = GPOINTER_TO_INT (data);

  fixture->folder = g_dir_make_tmp ("test-summary-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "commissioning.db", NULL);
  fixture->pdf = g_build_filename (fixture->folder, "summary.pdf", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->cycle = cm_cycle_new ();
  cm_cycle_set_title (fixture->cycle, "Independent advocacy 2026–2029 (Test Shire)");
  cm_cycle_set_service_area (fixture->cycle, "Independent advocacy");
  cm_cycle_set_lead_officer (fixture->cycle, "Priya Lead");
  cm_cycle_set_period_start (fixture->cycle, start);
  cm_cycle_set_period_end (fixture->cycle, end);
  cm_cycle_set_current_stage (fixture->cycle, CM_STAGE_PLAN);
  g_assert_true (cm_store_add_cycle_from_default_template (fixture->store, fixture->cycle,
                                                            &error));
  g_assert_no_error (error);

  add_activities (fixture, big ? 60 : 0);
  add_specs (fixture);
  add_workshops (fixture, big ? 12 : 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->cycle);
  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->pdf);
}

/* Reading the PDF back ------------------------------------------------- */

static gboolean
have_poppler (void)
{
  g_autofree char *found = g_find_program_in_path ("pdftotext");

  if (found == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return found != NULL;
}

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = wait_status;
  else
    {
      g_spawn_check_wait_status (wait_status, &error);
      g_assert_no_error (error);
    }
  return out;
}

/* The text of each page, as pdftotext reads it. */
static GStrv
pdf_pages (const char *pdf)
{
  g_autofree char *text = run ((const char * const[]) { "pdftotext", "-enc", "UTF-8", pdf, "-",
                                                        NULL }, NULL);
  GStrv pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);

  /* pdftotext ends every page with a form feed. */
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (pages[n - 1], ==, "");
  g_free (pages[n - 1]);
  pages[n - 1] = NULL;
  return pages;
}

static void
export (Fixture                *fixture,
        const CmSummaryOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cm_summary_export_pdf (fixture->store, fixture->cycle, options, fixture->pdf,
                                        &error));
  g_assert_no_error (error);
}

static void
options_for_test (CmSummaryOptions *options)
{
  cm_summary_options_init (options);
  cm_summary_options_set_today (options, 2, G_DATE_MARCH, 2026);
}

/* The text with every run of white space made one space, so that a phrase
 * is found wherever a line happened to break. */
static char *
squash (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

/* Every word's box lies inside the page's margins (and so inside the
 * paper): nothing is cut at the edge of the page or by a printer. */
static void
check_words_inside (const char             *pdf,
                    const CmSummaryOptions *options)
{
  const double tolerance = 2.0;
  g_autofree char *html = run ((const char * const[]) { "pdftotext", "-bbox", "-enc", "UTF-8",
                                                        pdf, "-", NULL }, NULL);
  g_autoptr(GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">",
                                           0, 0, NULL);
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([-0-9.]+)\" yMin=\"([-0-9.]+)\" "
                                           "xMax=\"([-0-9.]+)\" yMax=\"([-0-9.]+)\">"
                                           "([^<]*)</word>",
                                           0, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (html, "\n", -1);
  double width = 0, height = 0;
  guint n_pages = 0, n_words = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (page_re, lines[i], 0, &match))
        {
          g_autofree char *w = g_match_info_fetch (match, 1);
          g_autofree char *h = g_match_info_fetch (match, 2);

          width = g_ascii_strtod (w, NULL);
          height = g_ascii_strtod (h, NULL);
          g_assert_cmpfloat_with_epsilon (width, options->page_width, 0.5);
          g_assert_cmpfloat_with_epsilon (height, options->page_height, 0.5);
          n_pages++;
          continue;
        }

      g_clear_pointer (&match, g_match_info_unref);
      if (g_regex_match (word_re, lines[i], 0, &match))
        {
          double box[4];

          for (guint k = 0; k < 4; k++)
            {
              g_autofree char *value = g_match_info_fetch (match, (int) k + 1);
              box[k] = g_ascii_strtod (value, NULL);
            }

          if (box[0] < options->margin_left - tolerance ||
              box[2] > width - options->margin_right + tolerance ||
              box[1] < options->margin_top - tolerance ||
              box[3] > height - options->margin_bottom + tolerance ||
              box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height)
            {
              g_autofree char *word = g_match_info_fetch (match, 5);
              g_test_message ("page %u: “%s” at %.1f, %.1f – %.1f, %.1f is outside "
                              "%.1f × %.1f less the margins", n_pages, word, box[0], box[1],
                              box[2], box[3], width, height);
              g_test_fail ();
            }
          n_words++;
        }
    }

  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (n_words, >, 100);
}

/* Tests ----------------------------------------------------------------- */

static void
test_sections_and_pages (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const headings[] = {
    "COMMISSIONING CYCLE SUMMARY",
    "Progress by stage and ring",
    "Activities",
    "Specifications",
    "Workshops",
    "You said, we did",
    "Appendix: evidence notes",
    "Demand model",
  };
  CmSummaryOptions options;
  g_auto(GStrv) pages = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *all = NULL;
  g_autoptr(GRegex) page_number = g_regex_new ("Page ([0-9]+) of ([0-9]+)", 0, 0, NULL);
  guint n_pages, n_with_header = 0;

  if (!have_poppler ())
    return;

  options_for_test (&options);
  export (fixture, &options);
  pages = pdf_pages (fixture->pdf);
  n_pages = g_strv_length (pages);
  joined = g_strjoinv ("\n", pages);
  all = squash (joined);
  g_test_message ("%u pages", n_pages);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (strstr (all, headings[i]) == NULL)
      {
        g_test_message ("“%s” is missing", headings[i]);
        g_test_fail ();
      }

  /* "Page N of M", right, once on every page. */
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *n = NULL;
      g_autofree char *m = NULL;

      g_assert_true (g_regex_match (page_number, pages[i], 0, &match));
      n = g_match_info_fetch (match, 1);
      m = g_match_info_fetch (match, 2);
      g_assert_cmpint (atoi (n), ==, (int) i + 1);
      g_assert_cmpint (atoi (m), ==, (int) n_pages);
      g_assert_false (g_match_info_next (match, NULL));
      g_assert_nonnull (strstr (pages[i], "2 March 2026"));
    }

  /* The big activities table goes over pages, its header on each. */
  for (guint i = 0; i < n_pages; i++)
    if (strstr (pages[i], "Extra activity") != NULL)
      {
        g_assert_nonnull (strstr (pages[i], "Activity"));
        g_assert_nonnull (strstr (pages[i], "Owner"));
        g_assert_nonnull (strstr (pages[i], "Due"));
        n_with_header++;
      }
  g_assert_cmpuint (n_with_header, >=, 2);
  g_assert_nonnull (strstr (all, "Overdue"));

  /* A word longer than a line is broken over lines, not cut off: all of it
   * is there once the breaks are taken out. */
  {
    g_autoptr(GString) word = g_string_new (NULL);
    g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *solid = g_regex_replace_literal (space, joined, -1, 0, "", 0, NULL);

    for (guint i = 0; i < LONG_WORD_LENGTH; i++)
      g_string_append_c (word, "abcdefghij"[i % 10]);
    g_assert_nonnull (strstr (solid, word->str));
  }

  /* Consent: named only with named consent, never quoted without it. */
  g_assert_nonnull (strstr (all, NAMED_PERSON));
  g_assert_null (strstr (all, ANONYMOUS_PERSON));
  g_assert_null (strstr (all, "Anonymousperson"));
  g_assert_null (strstr (all, REFUSING_PERSON));
  g_assert_null (strstr (all, "Refusingperson"));
  g_assert_null (strstr (all, "Carolsecret"));
  g_assert_null (strstr (all, ERASED_PERSON));
  g_assert_null (strstr (all, "Daveerased"));
  g_assert_nonnull (strstr (all, "Letters should come in Easy Read."));
  g_assert_nonnull (strstr (all, "A carer"));
  g_assert_nonnull (strstr (all, "The room"));
  /* The refused point still counts, unquoted. */
  g_assert_nonnull (strstr (all, "1 point raised at a workshop (not quoted)"));
  g_assert_nonnull (strstr (all, "The budget for 2026 does not allow it."));
}

static void
test_text_inside_page (Fixture       *fixture,
                       gconstpointer  data)
{
  CmSummaryOptions options;

  if (!have_poppler ())
    return;

  options_for_test (&options);
  export (fixture, &options);
  check_words_inside (fixture->pdf, &options);

  /* US Letter, with narrow margins. */
  options.page_width = CM_SUMMARY_LETTER_WIDTH;
  options.page_height = CM_SUMMARY_LETTER_HEIGHT;
  options.margin_left = options.margin_right = 36;
  export (fixture, &options);
  check_words_inside (fixture->pdf, &options);

  /* A4 on its side. */
  options_for_test (&options);
  options.page_width = CM_SUMMARY_A4_HEIGHT;
  options.page_height = CM_SUMMARY_A4_WIDTH;
  export (fixture, &options);
  check_words_inside (fixture->pdf, &options);
}

static void
test_sections_switched_off (Fixture       *fixture,
                            gconstpointer  data)
{
  CmSummaryOptions options;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  g_autoptr(CmSummaryDocument) everything = NULL;
  g_autoptr(CmSummaryDocument) some = NULL;
  g_autoptr(GError) error = NULL;

  options_for_test (&options);
  everything = cm_summary_document_new_for_cycle (fixture->store, fixture->cycle, &options,
                                                  &error);
  g_assert_no_error (error);

  options.sections = CM_SUMMARY_SECTION_SPECS | CM_SUMMARY_SECTION_YOU_SAID;
  some = cm_summary_document_new_for_cycle (fixture->store, fixture->cycle, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cm_summary_document_get_n_pages (some), <,
                    cm_summary_document_get_n_pages (everything));

  if (!have_poppler ())
    return;

  export (fixture, &options);
  pages = pdf_pages (fixture->pdf);
  all = g_strjoinv ("\n", pages);
  g_assert_nonnull (strstr (all, "Specifications"));
  g_assert_nonnull (strstr (all, "You said, we did"));
  g_assert_null (strstr (all, "Progress by stage and ring"));
  g_assert_null (strstr (all, "Appendix: evidence notes"));
  g_assert_null (strstr (all, "Carers' forum on Care Act advocacy\nDate"));
  g_assert_null (strstr (all, "Extra activity"));
  g_assert_cmpuint (g_strv_length (pages), ==, cm_summary_document_get_n_pages (some));
}

static void
test_model_consent (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CmSummaryModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = date (2026, 3, 2);
  CmSummaryWorkshop *workshop = NULL;
  guint n_checked = 0;

  model = cm_summary_model_gather (fixture->store, fixture->cycle, today, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < model->workshops->len; i++)
    {
      CmSummaryWorkshop *candidate = g_ptr_array_index (model->workshops, i);
      if (g_str_equal (candidate->title, "Carers' forum on Care Act advocacy"))
        workshop = candidate;
    }
  g_assert_nonnull (workshop);
  g_assert_cmpuint (workshop->n_attendees, ==, 3);  /* erasing takes a person off the list */
  g_assert_cmpuint (workshop->role_counts[CM_PARTICIPANT_ROLE_CARER], ==, 2);
  g_assert_cmpuint (workshop->n_contributions, ==, 5);

  /* Four pinned: the refused and the erased are left out. */
  g_assert_cmpuint (workshop->quotes->len, ==, 2);
  for (guint i = 0; i < workshop->quotes->len; i++)
    {
      CmSummaryQuote *quote = g_ptr_array_index (workshop->quotes, i);

      if (strstr (quote->text, "visit people at home"))
        g_assert_cmpstr (quote->attribution, ==, NAMED_PERSON);
      else
        {
          g_assert_cmpstr (quote->text, ==, "Letters should come in Easy Read.");
          g_assert_cmpstr (quote->attribution, ==, "A carer");
        }
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 2);

  g_assert_cmpuint (model->actions->len, ==, 3);
  for (guint i = 0; i < model->actions->len; i++)
    {
      CmSummaryAction *action = g_ptr_array_index (model->actions, i);

      for (guint q = 0; q < action->quotes->len; q++)
        {
          CmSummaryQuote *quote = g_ptr_array_index (action->quotes, q);
          g_assert_null (strstr (quote->text, "Carolsecret"));
          g_assert_null (strstr (quote->text, "Daveerased"));
        }
      g_assert_cmpuint (action->quotes->len + action->n_not_quoted, ==, action->n_linked);
    }

  /* Overdue is relative to the date given. */
  g_assert_cmpuint (model->n_overdue, >, 0);
  g_assert_nonnull (model->specs);
  g_assert_cmpuint (model->specs->len, ==, 3);
  g_assert_nonnull (((CmSummarySpec *) g_ptr_array_index (model->specs, 0))->demand_result);
  g_assert_null (((CmSummarySpec *) g_ptr_array_index (model->specs, 1))->demand_result);
}

/* The command line ------------------------------------------------------ */

static int
run_driver (const char  *database,
            const char  *cycle,
            const char  *output,
            char       **err)
{
  g_autofree char *driver = g_test_build_filename (G_TEST_BUILT, "cm-summary-export-driver",
                                                   NULL);
  const char *argv[] = { driver, database, cycle, output, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/* A workshop in the trash (which the application may still bring back, and
 * which the command-line export leaves there) is out of the summary, with
 * what was said at it, even where an action answers it. */
static void
test_model_leaves_out_trashed_workshop (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(CmSummaryModel) model = NULL;
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  g_autoptr(CmContribution) said = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = date (2026, 3, 2);
  guint n_quotes = 0;

  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (fixture->cycle));
  cm_workshop_set_title (workshop, "Deleted workshop");
  g_assert_true (cm_store_add_workshop (fixture->store, workshop, &error));
  g_assert_no_error (error);
  said = add_said (fixture, workshop, NULL, "Words from a deleted workshop", TRUE);
  add_action (fixture, "An answer to a deleted workshop.", CM_ACTION_STATE_OPEN,
              (CmContribution *[]) { said }, 1);
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (workshop), &error));
  g_assert_no_error (error);

  model = cm_summary_model_gather (fixture->store, fixture->cycle, today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < model->workshops->len; i++)
    g_assert_cmpstr (((CmSummaryWorkshop *) g_ptr_array_index (model->workshops, i))->title, !=,
                     "Deleted workshop");
  for (guint i = 0; i < model->actions->len; i++)
    {
      CmSummaryAction *action = g_ptr_array_index (model->actions, i);

      for (guint q = 0; q < action->quotes->len; q++)
        {
          CmSummaryQuote *quote = g_ptr_array_index (action->quotes, q);

          g_assert_null (strstr (quote->text, "deleted workshop"));
          n_quotes++;
        }
    }
  g_assert_cmpuint (n_quotes, >, 0);
}

static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *missing_folder = g_build_filename (fixture->folder, "no-such-folder",
                                                      "summary.pdf", NULL);
  g_autofree char *missing_db = g_build_filename (fixture->folder, "missing.db", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cm_cycle_get_id (fixture->cycle));
  g_autofree char *contents = NULL;
  g_autoptr(CmCycle) trashed = cm_cycle_new ();
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(GError) error = NULL;
  char *err = NULL;

  /* The store is open here too, as in the application, with a cycle in its
   * trash that it can still bring back: the export leaves it there. */
  cm_cycle_set_title (trashed, "Deleted a moment ago");
  g_assert_true (cm_store_add_cycle (fixture->store, trashed, NULL, &error));
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (trashed), &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_driver (fixture->path, "independent ADVOCACY 2026–2029 (test shire)",
                               fixture->pdf, &err), ==, CM_SUMMARY_EXIT_OK);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (fixture->pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_unlink (fixture->pdf), ==, 0);
  g_assert_true (cm_store_restore (fixture->store, G_OBJECT (trashed), &error));
  g_assert_no_error (error);
  cycles = cm_store_list_cycles (fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 2);

  g_assert_cmpint (run_driver (fixture->path, id, fixture->pdf, &err), ==, CM_SUMMARY_EXIT_OK);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (fixture->pdf, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (run_driver (fixture->path, "No such cycle", fixture->pdf, &err), ==,
                   CM_SUMMARY_EXIT_NO_CYCLE);
  g_assert_nonnull (strstr (err, "No such cycle"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_driver (fixture->path, id, missing_folder, &err), ==,
                   CM_SUMMARY_EXIT_CANNOT_WRITE);
  g_assert_nonnull (strstr (err, missing_folder));
  g_assert_false (g_file_test (missing_folder, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* A folder where the file should go cannot be replaced either. */
  g_assert_cmpint (run_driver (fixture->path, id, fixture->folder, &err), ==,
                   CM_SUMMARY_EXIT_CANNOT_WRITE);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_driver (missing_db, id, fixture->pdf, &err), ==,
                   CM_SUMMARY_EXIT_NO_DATABASE);
  g_assert_nonnull (strstr (err, missing_db));
  g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_driver (fixture->pdf, id, missing_folder, &err), ==,
                   CM_SUMMARY_EXIT_NO_DATABASE);
  g_clear_pointer (&err, g_free);
}

/* Page breaking, on a flow of its own ----------------------------------- */

static void
test_layout_widows_and_tables (void)
{
  CmSummaryFlow *flow = cm_summary_flow_new (300);
  GString *text = g_string_new (NULL);
  CmSummaryTable *table;
  guint n_pages, table_block, n_header_pages = 0, n_row_pages = 0, n_repeated = 0;
  int last_row = -1;

  /* Paragraphs of 1 to 12 lines, headings, and a long table. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Heading %u", i);

      g_string_truncate (text, 0);
      for (guint k = 0; k <= i % 12; k++)
        g_string_append (text, "Every line of this paragraph is about as long as the line. ");
      if (i % 5 == 0)
        cm_summary_flow_add_heading (flow, 2, heading, TRUE);
      cm_summary_flow_add_text (flow, CM_SUMMARY_TEXT_BODY, text->str);
    }

  table = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 2,
                                     (const double[]) { 1, 1 });
  table_block = cm_summary_flow_get_n_blocks (flow) - 1;
  cm_summary_table_set_header (table, (const char * const[]) { "<b>Name</b>", "Value" });
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Row %u", i);
      const char *value = i == 60 ? text->str : "short";

      if (i % 25 == 0)
        {
          g_autofree char *group = g_strdup_printf ("Group %u", i / 25);
          cm_summary_table_add_row (table, CM_SUMMARY_ROW_GROUP,
                                    (const char * const[]) { group });
        }

      /* Row 70 is taller than a page: it has to be broken between lines. */
      if (i == 70)
        {
          GString *tall = g_string_new (NULL);
          for (guint k = 0; k < 120; k++)
            g_string_append_printf (tall, "line %u\n", k);
          cm_summary_table_add_row (table, CM_SUMMARY_ROW_NORMAL,
                                    (const char * const[]) { name, tall->str });
          g_string_free (tall, TRUE);
          continue;
        }
      cm_summary_table_add_row (table, CM_SUMMARY_ROW_NORMAL,
                                (const char * const[]) { name, value });
    }

  n_pages = cm_summary_flow_paginate (flow, 400);
  g_assert_cmpuint (n_pages, >, 5);

  for (guint page = 0; page < n_pages; page++)
    {
      guint n = cm_summary_flow_get_n_pieces (flow, page);
      gboolean rows_here = FALSE;

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          CmSummaryPiece piece;

          cm_summary_flow_get_piece (flow, page, i, &piece);
          g_assert_cmpfloat (piece.y + piece.height, <=, 400 + 0.01);

          if (piece.kind == CM_SUMMARY_PIECE_TEXT && piece.last - piece.first < piece.n_lines)
            {
              /* A broken paragraph: no widow, no orphan. */
              g_assert_cmpuint (piece.last - piece.first, >=, CM_SUMMARY_MIN_LINES);
              if (piece.first > 0)
                g_assert_cmpuint (i, ==, 0);           /* it goes on at the top */
              if (piece.last < piece.n_lines)
                g_assert_cmpuint (i, ==, n - 1);       /* and breaks at the bottom */
            }

          if (piece.kind == CM_SUMMARY_PIECE_TABLE_ROW && piece.block == table_block)
            {
              if (piece.row < 0)
                {
                  g_assert_false (rows_here);          /* the header comes first */
                  n_header_pages++;
                }
              else if (piece.repeated)
                {
                  /* A group heading again, straight under the header. */
                  g_assert_false (rows_here);
                  n_repeated++;
                }
              else
                {
                  rows_here = TRUE;
                  g_assert_cmpint (piece.row, >=, last_row);
                  if (!piece.whole_row)
                    g_assert_cmpint (piece.row, ==, 70 + 3);  /* after three group rows */
                  last_row = piece.row;
                }
            }
        }
      if (rows_here)
        n_row_pages++;
    }

  g_assert_cmpint (last_row, ==, 119 + 5);
  g_assert_cmpuint (n_row_pages, >=, 3);
  g_assert_cmpuint (n_repeated, >, 0);
  g_assert_cmpuint (n_header_pages, ==, n_row_pages);

  g_string_free (text, TRUE);
  cm_summary_flow_free (flow);
}

static void
test_layout_headings_kept (void)
{
  CmSummaryFlow *flow = cm_summary_flow_new (300);
  guint n_pages;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Heading %u", i);

      cm_summary_flow_add_heading (flow, 1 + i % 3, heading, TRUE);
      cm_summary_flow_add_text (flow, CM_SUMMARY_TEXT_BODY,
                                i % 2 ? "One short line." :
                                "A paragraph of a few lines that wraps once or twice at this "
                                "width, so that it has more than one line to keep.");
    }

  n_pages = cm_summary_flow_paginate (flow, 200);
  for (guint page = 0; page < n_pages; page++)
    {
      guint n = cm_summary_flow_get_n_pieces (flow, page);
      CmSummaryPiece last;

      cm_summary_flow_get_piece (flow, page, n - 1, &last);
      /* Headings are the even blocks; every one has its text on its page. */
      g_assert_cmpuint (last.block % 2, ==, 1);
    }
  g_assert_cmpuint (cm_summary_flow_get_n_outline (flow), ==, 60);

  cm_summary_flow_free (flow);
}

#define ADD_TEST(path, func, big) \
  g_test_add ((path), Fixture, GINT_TO_POINTER (big), fixture_set_up, (func), fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/summary/pdf/sections-and-pages", test_sections_and_pages, TRUE);
  ADD_TEST ("/summary/pdf/text-inside-page", test_text_inside_page, TRUE);
  ADD_TEST ("/summary/pdf/sections-switched-off", test_sections_switched_off, FALSE);
  ADD_TEST ("/summary/model/consent", test_model_consent, FALSE);
  ADD_TEST ("/summary/model/leaves-out-trashed-workshop", test_model_leaves_out_trashed_workshop,
            FALSE);
  ADD_TEST ("/summary/command-line", test_command_line, FALSE);
  g_test_add_func ("/summary/layout/widows-and-tables", test_layout_widows_and_tables);
  g_test_add_func ("/summary/layout/headings-kept", test_layout_headings_kept);

  return g_test_run ();
}
