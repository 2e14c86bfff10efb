/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cm-contribution-writer.h"
#include "cm-store-workshops.h"

/* Workshops as the workshop lead meets them: people who attend several
 * workshops, what they agreed to, being erased, "@name" and "#theme", the
 * writer that saves contributions off the main thread, and "You said, we
 * did". */

typedef struct
{
  char     *folder;
  char     *path;
  CmStore  *store;
  gint64    cycle_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();

  fixture->folder = g_dir_make_tmp ("cm-workshops-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "test.db", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);

  cm_cycle_set_title (cycle, "Advocacy 2026");
  g_assert_true (cm_store_add_cycle (fixture->store, cycle, NULL, &error));
  g_assert_no_error (error);
  fixture->cycle_id = cm_cycle_get_id (cycle);
}

static void
remove_all (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_all (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static CmWorkshop *
add_workshop (Fixture    *fixture,
              const char *title,
              int         day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2026, 3, day, 10, 0, 0);
  CmWorkshop *workshop = cm_workshop_new ();

  cm_workshop_set_cycle_id (workshop, fixture->cycle_id);
  cm_workshop_set_title (workshop, title);
  cm_workshop_set_starts_at (workshop, starts);
  g_assert_true (cm_store_add_workshop (fixture->store, workshop, &error));
  g_assert_no_error (error);

  return workshop;
}

static CmParticipant *
add_person (Fixture           *fixture,
            const char        *name,
            CmParticipantRole  role,
            CmConsent          consent)
{
  g_autoptr(GError) error = NULL;
  CmParticipant *participant = cm_participant_new ();

  cm_participant_set_name (participant, name);
  cm_participant_set_role (participant, role);
  cm_participant_set_consent (participant, consent);
  g_assert_true (cm_store_add_participant (fixture->store, participant, &error));
  g_assert_no_error (error);

  return participant;
}

static CmContribution *
add_said (Fixture       *fixture,
          CmWorkshop    *workshop,
          CmParticipant *speaker,
          const char    *input)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) themes = NULL;
  CmContribution *contribution = cm_contribution_new ();

  cm_contribution_parse_input (input, &text, &themes, NULL);
  cm_contribution_set_workshop_id (contribution, cm_workshop_get_id (workshop));
  cm_contribution_set_participant_id (contribution,
                                      speaker ? cm_participant_get_id (speaker) : 0);
  cm_contribution_set_text (contribution, text);
  cm_contribution_set_themes (contribution, (const char * const *) themes);
  g_assert_true (cm_store_add_contribution (fixture->store, contribution, &error));
  g_assert_no_error (error);

  return contribution;
}

/* Participants and attendance -------------------------------------------- */

static void
test_person_attends_many_workshops (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(CmWorkshop) later = add_workshop (fixture, "Second look", 20);
  g_autoptr(CmWorkshop) earlier = add_workshop (fixture, "First look", 5);
  g_autoptr(CmParticipant) gwen = add_person (fixture, "Gwen Jones", CM_PARTICIPANT_ROLE_CARER,
                                              CM_CONSENT_NAMED);
  g_autoptr(CmParticipant) tom = add_person (fixture, "Tom Reid", CM_PARTICIPANT_ROLE_PROVIDER,
                                             CM_CONSENT_ANONYMISED);
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GPtrArray) attended = NULL;
  g_autoptr(GError) error = NULL;

  attendees = cm_store_list_attendees (fixture->store, cm_workshop_get_id (earlier), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 0);

  g_assert_true (cm_store_set_attendance (fixture->store, later, gwen, TRUE, &error));
  g_assert_true (cm_store_set_attendance (fixture->store, earlier, gwen, TRUE, &error));
  g_assert_true (cm_store_set_attendance (fixture->store, earlier, tom, TRUE, &error));
  g_assert_no_error (error);

  /* The open list of attendees follows. */
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 2);

  attended = cm_store_list_attended_workshops (fixture->store, cm_participant_get_id (gwen),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attended->len, ==, 2);
  /* Earliest first, whatever the order they were made in. */
  g_assert_true (g_ptr_array_index (attended, 0) == earlier);
  g_assert_true (g_ptr_array_index (attended, 1) == later);

  g_assert_true (cm_store_set_attendance (fixture->store, earlier, tom, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 1);
  g_clear_pointer (&attended, g_ptr_array_unref);
  attended = cm_store_list_attended_workshops (fixture->store, cm_participant_get_id (tom),
                                               &error);
  g_assert_cmpuint (attended->len, ==, 0);
}

/* Consent ----------------------------------------------------------------- */

static void
test_consent_decides_what_is_published (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(CmParticipant) named = add_person (fixture, "Gwen Jones", CM_PARTICIPANT_ROLE_CARER,
                                               CM_CONSENT_NAMED);
  g_autoptr(CmParticipant) anonymous = add_person (fixture, "Tom Reid",
                                                   CM_PARTICIPANT_ROLE_PROVIDER,
                                                   CM_CONSENT_ANONYMISED);
  g_autoptr(CmParticipant) silent = add_person (fixture, "Ann Lee",
                                                CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES,
                                                CM_CONSENT_NONE);
  g_autofree char *named_public = cm_participant_dup_attribution (named, TRUE);
  g_autofree char *anonymous_public = cm_participant_dup_attribution (anonymous, TRUE);
  g_autofree char *anonymous_screen = cm_participant_dup_attribution (anonymous, FALSE);
  g_autofree char *silent_public = cm_participant_dup_attribution (silent, TRUE);

  g_assert_cmpstr (named_public, ==, "Gwen Jones");
  g_assert_cmpstr (anonymous_public, ==, "A provider");
  /* The people running the workshop see who said what. */
  g_assert_cmpstr (anonymous_screen, ==, "Tom Reid");
  g_assert_cmpstr (silent_public, ==, "A person who uses services");

  g_assert_true (cm_participant_may_be_quoted (named));
  g_assert_true (cm_participant_may_be_quoted (anonymous));
  g_assert_false (cm_participant_may_be_quoted (silent));
}

/* Erasure ---------------------------------------------------------------- */

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static void
test_erasing_keeps_what_was_said (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char name[] = "Zebedee Quatermain";
  static const char organisation[] = "Xylophone Carers Collective";
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture, "Listening event", 3);
  g_autoptr(CmParticipant) person = add_person (fixture, name, CM_PARTICIPANT_ROLE_CARER,
                                                CM_CONSENT_NAMED);
  g_autoptr(CmContribution) said = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) everyone = NULL;
  g_autoptr(GListModel) contributions = NULL;
  g_autoptr(CmParticipant) reloaded = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *log_path = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;

  cm_participant_set_organisation (person, organisation);
  cm_participant_set_access_needs (person, "Hearing loop");
  cm_participant_set_payment_notes (person, "£25 voucher");
  g_assert_true (cm_store_save_participant (fixture->store, person, &error));
  g_assert_true (cm_store_set_attendance (fixture->store, workshop, person, TRUE, &error));
  g_assert_no_error (error);
  said = add_said (fixture, workshop, person, "Nobody told me I could have an advocate #access");

  attendees = cm_store_list_attendees (fixture->store, cm_workshop_get_id (workshop), NULL);
  everyone = cm_store_list_participants (fixture->store, NULL);
  contributions = cm_store_list_contributions (fixture->store, cm_workshop_get_id (workshop),
                                               NULL);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), ==, 1);

  /* Erasing is done at once and for good: there is no Undo. */
  g_assert_true (cm_store_erase_participant (fixture->store, person, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_flush_erased (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_true (cm_participant_get_erased (person));
  g_assert_cmpstr (cm_participant_get_name (person), ==, "");
  g_assert_cmpstr (cm_participant_get_organisation (person), ==, "");
  g_assert_cmpstr (cm_participant_get_payment_notes (person), ==, "");
  g_assert_cmpint (cm_participant_get_consent (person), ==, CM_CONSENT_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), ==, 0);

  /* What they said stays, now from "a participant" who may not be quoted. */
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 1);
  g_assert_cmpint (cm_contribution_get_participant_id (said), ==,
                   cm_participant_get_id (person));
  reloaded = cm_store_get_participant (fixture->store, cm_participant_get_id (person), &error);
  g_assert_no_error (error);
  attribution = cm_participant_dup_attribution (reloaded, FALSE);
  g_assert_cmpstr (attribution, ==, "A participant");
  g_assert_false (cm_participant_may_be_quoted (reloaded));

  /* Nothing of them is left in the file or its log. */
  g_assert_false (file_contains (fixture->path, name));
  g_assert_false (file_contains (fixture->path, organisation));
  g_assert_false (file_contains (log_path, name));
  g_assert_false (file_contains (log_path, organisation));

  /* Nor can "@zebedee" find them any more. */
  g_clear_object (&reloaded);
  reloaded = cm_store_find_speaker (fixture->store, cm_workshop_get_id (workshop), "zebedee",
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_null (reloaded);
}

/* Tagging ---------------------------------------------------------------- */

static void
test_name_match_scores (void)
{
  g_assert_cmpuint (cm_name_match_score ("Gwen Jones", "Gwen Jones"), ==, 100);
  g_assert_cmpuint (cm_name_match_score ("Gwen Jones", "gwen"), >, 0);
  g_assert_cmpuint (cm_name_match_score ("Gwen Jones", "jones"), >, 0);
  g_assert_cmpuint (cm_name_match_score ("Gwen Jones", "gwen_jones"), ==, 100);
  g_assert_cmpuint (cm_name_match_score ("Gwen Jones", "GwenJ"), >, 0);
  g_assert_cmpuint (cm_name_match_score ("Gwen Jones", "jo"), >, 0);
  g_assert_cmpuint (cm_name_match_score ("Siân Prys-Jones", "sian"), >, 0);
  g_assert_cmpuint (cm_name_match_score ("Siân Prys-Jones", "PRYS"), >, 0);
  g_assert_cmpuint (cm_name_match_score ("Gwen Jones", "tom"), ==, 0);
  g_assert_cmpuint (cm_name_match_score ("Gwen Jones", ""), ==, 0);
  g_assert_cmpuint (cm_name_match_score ("", "gwen"), ==, 0);

  /* A whole first name beats a word that merely starts with it. */
  g_assert_cmpuint (cm_name_match_score ("Sam Patel", "sam"), >,
                    cm_name_match_score ("Samantha Hill", "sam"));
}

static void
test_speaker_prefers_those_attending (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture, "Planning day", 9);
  g_autoptr(CmParticipant) absent = add_person (fixture, "Sam Absent",
                                                CM_PARTICIPANT_ROLE_OTHER, CM_CONSENT_NAMED);
  g_autoptr(CmParticipant) present = add_person (fixture, "Samira Present",
                                                 CM_PARTICIPANT_ROLE_CARER, CM_CONSENT_NAMED);
  g_autoptr(CmParticipant) other = add_person (fixture, "Olwen Other",
                                               CM_PARTICIPANT_ROLE_CARER, CM_CONSENT_NAMED);
  g_autoptr(CmParticipant) found = NULL;
  g_autoptr(GError) error = NULL;
  gboolean attending = TRUE;

  g_assert_true (cm_store_set_attendance (fixture->store, workshop, present, TRUE, &error));
  g_assert_no_error (error);

  /* "Sam Absent" fits "sam" better, but Samira is in the room. */
  found = cm_store_find_speaker (fixture->store, cm_workshop_get_id (workshop), "sam",
                                 &attending, &error);
  g_assert_no_error (error);
  g_assert_true (found == present);
  g_assert_true (attending);
  g_clear_object (&found);

  /* Someone not on the list is still found, and said to be absent. */
  found = cm_store_find_speaker (fixture->store, cm_workshop_get_id (workshop), "olwen",
                                 &attending, &error);
  g_assert_no_error (error);
  g_assert_true (found == other);
  g_assert_false (attending);
  g_clear_object (&found);

  found = cm_store_find_speaker (fixture->store, cm_workshop_get_id (workshop), "nobody",
                                 &attending, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  g_assert_nonnull (absent);
}

static void
test_themes_are_counted (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CmWorkshop) first = add_workshop (fixture, "First", 1);
  g_autoptr(CmWorkshop) second = add_workshop (fixture, "Second", 2);
  g_autoptr(CmContribution) a = add_said (fixture, first, NULL, "Long waits #Waiting #access");
  g_autoptr(CmContribution) b = add_said (fixture, first, NULL, "No letters in Easy Read #access");
  g_autoptr(CmContribution) c = add_said (fixture, first, NULL, "Nothing tagged");
  g_autoptr(CmContribution) d = add_said (fixture, second, NULL, "#access again");
  g_autoptr(CmContribution) e = add_said (fixture, second, NULL, "#café is where we met");
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  CmThemeCount *count;

  g_assert_cmpstr (cm_contribution_get_themes (a)[0], ==, "waiting");
  g_assert_cmpstr (cm_contribution_get_text (a), ==, "Long waits");

  counts = cm_store_count_themes (fixture->store, fixture->cycle_id, cm_workshop_get_id (first),
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 2);
  count = g_ptr_array_index (counts, 0);
  g_assert_cmpstr (count->theme, ==, "access");
  g_assert_cmpuint (count->count, ==, 2);
  count = g_ptr_array_index (counts, 1);
  g_assert_cmpstr (count->theme, ==, "waiting");
  g_assert_cmpuint (count->count, ==, 1);
  g_clear_pointer (&counts, g_ptr_array_unref);

  /* The whole cycle, leaving out what is in the trash. */
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (b), &error));
  counts = cm_store_count_themes (fixture->store, fixture->cycle_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 3);
  count = g_ptr_array_index (counts, 0);
  g_assert_cmpstr (count->theme, ==, "access");
  g_assert_cmpuint (count->count, ==, 2);
  count = g_ptr_array_index (counts, 1);
  g_assert_cmpstr (count->theme, ==, "café");
  g_assert_nonnull (c);
  g_assert_nonnull (d);
  g_assert_nonnull (e);
}

/* Actions: "You said, we did" --------------------------------------------- */

static void
test_said_did_joins_actions_and_contributions (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture, "Review", 12);
  g_autoptr(CmParticipant) gwen = add_person (fixture, "Gwen Jones", CM_PARTICIPANT_ROLE_CARER,
                                              CM_CONSENT_NAMED);
  g_autoptr(CmContribution) waits = add_said (fixture, workshop, gwen, "Waits are too long");
  g_autoptr(CmContribution) letters = add_said (fixture, workshop, NULL, "Letters are confusing");
  g_autoptr(CmContribution) parking = add_said (fixture, workshop, NULL, "No parking");
  g_autoptr(CmAction) faster = cm_action_new ();
  g_autoptr(CmAction) impossible = cm_action_new ();
  g_autoptr(CmAction) dropped = cm_action_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  CmSaidDid *row;

  cm_action_set_cycle_id (faster, fixture->cycle_id);
  cm_action_set_response (faster, "Response times are in the new specification");
  g_assert_true (cm_store_add_action (fixture->store, faster, &error));
  g_assert_no_error (error);

  /* "Not possible" must say why. */
  cm_action_set_cycle_id (impossible, fixture->cycle_id);
  cm_action_set_response (impossible, "A car park");
  cm_action_set_state (impossible, CM_ACTION_STATE_NOT_POSSIBLE);
  g_assert_false (cm_store_add_action (fixture->store, impossible, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  cm_action_set_reason (impossible, "The council does not own the land");
  g_assert_true (cm_store_add_action (fixture->store, impossible, &error));
  g_assert_no_error (error);

  cm_action_set_cycle_id (dropped, fixture->cycle_id);
  cm_action_set_response (dropped, "Withdrawn");
  g_assert_true (cm_store_add_action (fixture->store, dropped, &error));

  g_assert_true (cm_store_link_action_contribution (fixture->store, faster, letters, TRUE,
                                                    &error));
  g_assert_true (cm_store_link_action_contribution (fixture->store, faster, waits, TRUE, &error));
  g_assert_true (cm_store_link_action_contribution (fixture->store, impossible, parking, TRUE,
                                                    &error));
  g_assert_true (cm_store_link_action_contribution (fixture->store, dropped, parking, TRUE,
                                                    &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (dropped), &error));
  g_assert_no_error (error);

  rows = cm_store_list_said_did (fixture->store, fixture->cycle_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  row = g_ptr_array_index (rows, 0);
  g_assert_true (row->action == faster);
  g_assert_cmpuint (row->contributions->len, ==, 2);
  /* Oldest first, and the very instances everyone else holds. */
  g_assert_true (g_ptr_array_index (row->contributions, 0) == waits);
  g_assert_true (g_ptr_array_index (row->contributions, 1) == letters);

  row = g_ptr_array_index (rows, 1);
  g_assert_true (row->action == impossible);
  g_assert_cmpuint (row->contributions->len, ==, 1);
  g_assert_cmpstr (cm_action_get_reason (row->action), ==, "The council does not own the land");

  /* A contribution in the trash is not reported back. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (waits), &error));
  rows = cm_store_list_said_did (fixture->store, fixture->cycle_id, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->contributions->len, ==, 1);
}

/* The writer --------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  GError *error;
  gboolean done;
} WriteResult;

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WriteResult *write = user_data;

  write->id = cm_contribution_writer_add_finish (CM_CONTRIBUTION_WRITER (source), result,
                                                 &write->error);
  write->done = TRUE;
}

static CmContribution *
draft (CmWorkshop *workshop,
       const char *text)
{
  CmContribution *contribution = cm_contribution_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  cm_contribution_set_workshop_id (contribution, cm_workshop_get_id (workshop));
  cm_contribution_set_text (contribution, text);
  cm_contribution_set_captured_at (contribution, now);
  return contribution;
}

static void
wait_for (WriteResult *write)
{
  while (!write->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_writer_commits_in_order (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture, "Live", 4);
  g_autoptr(CmContributionWriter) writer = NULL;
  g_autoptr(GListModel) feed = NULL;
  g_autoptr(GError) error = NULL;
  WriteResult writes[20] = { { 0 } };

  feed = cm_store_list_contributions (fixture->store, cm_workshop_get_id (workshop), &error);
  g_assert_no_error (error);
  writer = cm_contribution_writer_new (fixture->store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_autofree char *text = g_strdup_printf ("Point %u", i);
      cm_contribution_writer_add_async (writer, draft (workshop, text), NULL, on_written,
                                        &writes[i]);
    }

  /* Flushing waits for the disk, not for the main loop. */
  cm_contribution_writer_flush (writer);
  g_assert_cmpint (cm_store_count_contributions (fixture->store, cm_workshop_get_id (workshop),
                                                 NULL), ==, G_N_ELEMENTS (writes));

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_autoptr(CmContribution) adopted = NULL;
      g_autoptr(CmContribution) shown = NULL;
      g_autofree char *text = g_strdup_printf ("Point %u", i);

      wait_for (&writes[i]);
      g_assert_no_error (writes[i].error);
      g_assert_cmpint (writes[i].id, >, i > 0 ? writes[i - 1].id : 0);

      adopted = cm_store_adopt_contribution (fixture->store, writes[i].id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cm_contribution_get_text (adopted), ==, text);

      /* The open list learns of it at once. */
      g_assert_cmpuint (g_list_model_get_n_items (feed), ==, i + 1);
      shown = g_list_model_get_item (feed, i);
      g_assert_true (shown == adopted);
    }

  g_assert_finalize_object (g_steal_pointer (&writer));
}

static void
test_writer_reports_a_full_disk (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture, "Live", 4);
  g_autoptr(CmContributionWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;
  gint64 before;
  WriteResult full = { 0 };
  WriteResult retry = { 0 };

  writer = cm_contribution_writer_new (fixture->store, &error);
  g_assert_no_error (error);
  before = cm_store_count_contributions (fixture->store, cm_workshop_get_id (workshop), NULL);

  /* Far more than the file may grow by. */
  cm_contribution_writer_limit_size (writer, 1);
  big = g_strnfill (200000, 'a');
  cm_contribution_writer_add_async (writer, draft (workshop, big), NULL, on_written, &full);
  wait_for (&full);
  g_assert_error (full.error, CM_STORE_ERROR, CM_STORE_ERROR_FULL);
  g_assert_cmpint (full.id, ==, 0);
  g_assert_cmpint (cm_store_count_contributions (fixture->store, cm_workshop_get_id (workshop),
                                                 NULL), ==, before);
  g_clear_error (&full.error);

  /* Space again: the same words go in. */
  cm_contribution_writer_limit_size (writer, G_GINT64_CONSTANT (1) << 40);
  cm_contribution_writer_add_async (writer, draft (workshop, big), NULL, on_written, &retry);
  wait_for (&retry);
  g_assert_no_error (retry.error);
  g_assert_cmpint (retry.id, >, 0);
  g_assert_true (cm_store_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/workshops/participants/attend-many", test_person_attends_many_workshops);
  ADD ("/workshops/participants/consent", test_consent_decides_what_is_published);
  ADD ("/workshops/participants/erase", test_erasing_keeps_what_was_said);
  g_test_add_func ("/workshops/tagging/name-match", test_name_match_scores);
  ADD ("/workshops/tagging/speaker", test_speaker_prefers_those_attending);
  ADD ("/workshops/tagging/themes", test_themes_are_counted);
  ADD ("/workshops/actions/said-did", test_said_did_joins_actions_and_contributions);
  ADD ("/workshops/writer/order", test_writer_commits_in_order);
  ADD ("/workshops/writer/full", test_writer_reports_a_full_disk);

#undef ADD

  return g_test_run ();
}
