/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cm-capture-view.h"
#include "cm-projector-window.h"
#include "cm-said-did-view.h"
#include "cm-store-workshops.h"
#include "cm-workshop-editor.h"
#include "cm-workshops-page.h"

/* The capture view in process, in a phone-sized window: what Enter does
 * with the words in the box, what happens when the disk is full, the
 * feed's commands, and what the projector may show. */

#define WIDTH 360

typedef struct
{
  char          *folder;
  char          *path;
  CmStore       *store;
  CmWorkshop    *workshop;
  CmParticipant *gwen;
  CmParticipant *ann;
  GtkWindow     *window;
  CmCaptureView *view;
} Fixture;

static void
run_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_until_saved (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (cm_capture_view_get_n_pending (fixture->view) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  run_pending ();
}

static CmParticipant *
add_person (Fixture    *fixture,
            const char *name,
            CmConsent   consent)
{
  g_autoptr(GError) error = NULL;
  CmParticipant *person = cm_participant_new ();

  cm_participant_set_name (person, name);
  cm_participant_set_role (person, CM_PARTICIPANT_ROLE_CARER);
  cm_participant_set_consent (person, consent);
  g_assert_true (cm_store_add_participant (fixture->store, person, &error));
  g_assert_true (cm_store_set_attendance (fixture->store, fixture->workshop, person, TRUE,
                                          &error));
  g_assert_no_error (error);
  return person;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();
  guint n_earlier = GPOINTER_TO_UINT (data);

  fixture->folder = g_dir_make_tmp ("cm-capture-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "test.db", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);

  cm_cycle_set_title (cycle, "Advocacy 2026");
  g_assert_true (cm_store_add_cycle (fixture->store, cycle, NULL, &error));
  fixture->workshop = cm_workshop_new ();
  cm_workshop_set_cycle_id (fixture->workshop, cm_cycle_get_id (cycle));
  cm_workshop_set_title (fixture->workshop, "What good advocacy looks like");
  cm_workshop_set_state (fixture->workshop, CM_WORKSHOP_STATE_LIVE);
  g_assert_true (cm_store_add_workshop (fixture->store, fixture->workshop, &error));
  g_assert_no_error (error);

  fixture->gwen = add_person (fixture, "Gwen Jones", CM_CONSENT_NAMED);
  fixture->ann = add_person (fixture, "Ann Lee", CM_CONSENT_NONE);

  /* Earlier contributions, with long words to wrap in a narrow feed. */
  g_assert_true (cm_store_begin (fixture->store, &error));
  for (guint i = 0; i < n_earlier; i++)
    {
      g_autoptr(CmContribution) said = cm_contribution_new ();
      g_autofree char *text = g_strdup_printf ("Earlier point %u: people should hear about "
                                               "advocacy before their assessment, not after "
                                               "it, and in a format they can use.", i);

      cm_contribution_set_workshop_id (said, cm_workshop_get_id (fixture->workshop));
      cm_contribution_set_participant_id (said, i % 3 ? cm_participant_get_id (fixture->gwen) : 0);
      cm_contribution_set_text (said, text);
      g_assert_true (cm_store_add_contribution (fixture->store, said, &error));
    }
  g_assert_true (cm_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, WIDTH, 640);
  fixture->view = cm_capture_view_new ();
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  cm_capture_view_set_workshop (fixture->view, fixture->store, fixture->workshop);
  gtk_window_present (fixture->window);
  run_pending ();
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
  gtk_window_destroy (fixture->window);
  run_pending ();
  g_clear_object (&fixture->gwen);
  g_clear_object (&fixture->ann);
  g_clear_object (&fixture->workshop);
  g_clear_object (&fixture->store);
  remove_all (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static void
type (Fixture    *fixture,
      const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (cm_capture_view_get_entry (fixture->view)),
                            text, -1);
}

/* Typing goes on at the end of the box, after anything still being saved. */
static void
type_more (Fixture    *fixture,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cm_capture_view_get_entry (fixture->view));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

static char *
entry_text (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cm_capture_view_get_entry (fixture->view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static CmContribution *
last_contribution (Fixture *fixture)
{
  g_autoptr(GListModel) all = cm_store_list_contributions (fixture->store,
                                                           cm_workshop_get_id (fixture->workshop),
                                                           NULL);
  guint n = g_list_model_get_n_items (all);

  return n > 0 ? g_list_model_get_item (all, n - 1) : NULL;
}

static gint64
count (Fixture *fixture)
{
  return cm_store_count_contributions (fixture->store, cm_workshop_get_id (fixture->workshop),
                                       NULL);
}

static gboolean
feed_shows (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (feed_shows (child, text))
        return TRUE;
    }

  return FALSE;
}

/* Filters ------------------------------------------------------------------ */

/* The filter drop-down whose first choice is @any ("Any kind", …). */
static GtkDropDown *
find_filter (GtkWidget  *widget,
             const char *any)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found;

      if (GTK_IS_DROP_DOWN (child))
        {
          GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (child));
          g_autoptr(GObject) first = model ? g_list_model_get_item (model, 0) : NULL;

          if (GTK_IS_STRING_OBJECT (first) &&
              g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (first)), any) == 0)
            return GTK_DROP_DOWN (child);
        }
      if ((found = find_filter (child, any)) != NULL)
        return found;
    }
  return NULL;
}

/* The position of @label among a drop-down's choices. */
static guint
choice (GtkDropDown *dropdown,
        const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), label))
        return i;
    }
  g_assert_not_reached ();
}

static guint
n_shown (Fixture *fixture)
{
  run_pending ();
  return g_list_model_get_n_items (G_LIST_MODEL (
    gtk_list_view_get_model (cm_capture_view_get_feed (fixture->view))));
}

static void
say (Fixture            *fixture,
     const char         *words,
     CmContributionKind  kind,
     int                 stage)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);

  g_assert_true (gtk_widget_activate_action (view, "capture.set-kind", "i", (int) kind));
  g_assert_true (gtk_widget_activate_action (view, "capture.set-stage", "i", stage));
  type (fixture, words);
  g_assert_true (cm_capture_view_commit (fixture->view));
  wait_until_saved (fixture);
}

/* The feed narrows to one speaker, kind, stage or theme, or to the pinned
 * points; new contributions that match still arrive; and with the filters
 * closed everything is back. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GtkDropDown *speaker, *kind, *stage, *theme;

  /* Before these, the fixture has the room's point and two of Gwen's. */
  say (fixture, "@ann Long waits for an advocate #waiting", CM_CONTRIBUTION_KIND_COMMENT,
       CM_STAGE_NONE);
  say (fixture, "Letters should say what advocacy is #access", CM_CONTRIBUTION_KIND_CONCERN,
       CM_STAGE_PLAN);
  say (fixture, "@gwen Easy Read letters #access", CM_CONTRIBUTION_KIND_IDEA, CM_STAGE_PLAN);
  /* "@room" is the room as a whole, not someone called Room. */
  say (fixture, "@Room Who pays for travel?", CM_CONTRIBUTION_KIND_QUESTION, CM_STAGE_NONE);
  g_assert_cmpuint (n_shown (fixture), ==, 7);
  {
    g_autoptr(GListModel) attendees =
      cm_store_list_attendees (fixture->store, cm_workshop_get_id (fixture->workshop), NULL);

    g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 2);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "capture.filter", NULL));
  run_pending ();
  speaker = find_filter (GTK_WIDGET (fixture->view), "Anyone");
  kind = find_filter (GTK_WIDGET (fixture->view), "Any kind");
  stage = find_filter (GTK_WIDGET (fixture->view), "Any stage");
  theme = find_filter (GTK_WIDGET (fixture->view), "Any theme");
  g_assert_nonnull (speaker);
  g_assert_nonnull (kind);
  g_assert_nonnull (stage);
  g_assert_nonnull (theme);

  gtk_drop_down_set_selected (speaker, choice (speaker, "Gwen Jones"));
  g_assert_cmpuint (n_shown (fixture), ==, 3);
  gtk_drop_down_set_selected (speaker, choice (speaker, "Ann Lee"));
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  gtk_drop_down_set_selected (speaker, choice (speaker, "The room"));
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  gtk_drop_down_set_selected (speaker, 0);

  gtk_drop_down_set_selected (kind, choice (kind, "Concern"));
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  gtk_drop_down_set_selected (kind, 0);

  gtk_drop_down_set_selected (stage, choice (stage, "Plan"));
  g_assert_cmpuint (n_shown (fixture), ==, 2);
  gtk_drop_down_set_selected (stage, choice (stage, "No stage"));
  g_assert_cmpuint (n_shown (fixture), ==, 5);
  gtk_drop_down_set_selected (stage, 0);

  gtk_drop_down_set_selected (theme, choice (theme, "#access"));
  g_assert_cmpuint (n_shown (fixture), ==, 2);

  /* Still filtered, a new point on the theme arrives; one off it does not show. */
  say (fixture, "Large print too #access", CM_CONTRIBUTION_KIND_IDEA, CM_STAGE_NONE);
  say (fixture, "Lunch was good", CM_CONTRIBUTION_KIND_COMMENT, CM_STAGE_NONE);
  g_assert_cmpuint (n_shown (fixture), ==, 3);

  /* Closing the filters shows everything again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "capture.filter", NULL));
  run_pending ();
  g_assert_cmpuint (n_shown (fixture), ==, 9);
}

/* Enter -------------------------------------------------------------------- */

static void
test_enter_saves_at_once (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CmContribution) saved = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autofree char *left = NULL;
  gint64 before = count (fixture);

  type (fixture, "@gwen I was never told I could have an advocate #access #Letters");
  g_assert_true (cm_capture_view_commit (fixture->view));

  /* The words leave the box when they are on disk, as their row arrives. */
  wait_until_saved (fixture);
  left = entry_text (fixture);
  g_assert_cmpstr (left, ==, "");

  g_assert_cmpint (count (fixture), ==, before + 1);
  saved = last_contribution (fixture);
  g_assert_cmpstr (cm_contribution_get_text (saved), ==,
                   "I was never told I could have an advocate");
  g_assert_cmpint (cm_contribution_get_participant_id (saved), ==,
                   cm_participant_get_id (fixture->gwen));
  g_assert_cmpstr (cm_contribution_get_themes (saved)[0], ==, "access");
  g_assert_cmpstr (cm_contribution_get_themes (saved)[1], ==, "letters");
  g_assert_nonnull (cm_contribution_get_captured_at (saved));

  /* It is in the feed, on screen, at the bottom. */
  g_assert_true (feed_shows (GTK_WIDGET (cm_capture_view_get_feed (fixture->view)),
                             "I was never told I could have an advocate"));

  /* The speaker stays for the next one. */
  type (fixture, "And nobody explained what it was");
  g_assert_true (cm_capture_view_commit (fixture->view));
  wait_until_saved (fixture);
  g_clear_object (&saved);
  saved = last_contribution (fixture);
  g_assert_cmpint (cm_contribution_get_participant_id (saved), ==,
                   cm_participant_get_id (fixture->gwen));

  /* Someone new is added to the workshop as they speak. */
  type (fixture, "@sam_patel Can carers refer?");
  g_assert_true (cm_capture_view_commit (fixture->view));
  wait_until_saved (fixture);
  g_clear_object (&saved);
  saved = last_contribution (fixture);
  attendees = cm_store_list_attendees (fixture->store, cm_workshop_get_id (fixture->workshop),
                                       NULL);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 3);
  {
    gint64 sam_id = cm_contribution_get_participant_id (saved);
    g_autoptr(CmParticipant) sam = cm_store_get_participant (fixture->store, sam_id, NULL);
    g_assert_cmpstr (cm_participant_get_name (sam), ==, "Sam patel");
  }
}

static void
test_nothing_to_save (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *left = NULL;
  gint64 before = count (fixture);

  type (fixture, "   \n ");
  g_assert_false (cm_capture_view_commit (fixture->view));

  /* Themes alone are not a contribution: the words stay in the box. */
  type (fixture, "#access");
  g_assert_false (cm_capture_view_commit (fixture->view));
  left = entry_text (fixture);
  g_assert_cmpstr (left, ==, "#access");
  run_pending ();
  g_assert_cmpint (count (fixture), ==, before);
}

static void
test_kind_and_stage (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(CmContribution) first = NULL;
  g_autoptr(CmContribution) second = NULL;

  g_assert_true (gtk_widget_activate_action (view, "capture.set-kind", "i",
                                             CM_CONTRIBUTION_KIND_CONCERN));
  g_assert_true (gtk_widget_activate_action (view, "capture.set-stage", "i", CM_STAGE_DO));
  type (fixture, "Contracts are too short");
  g_assert_true (gtk_widget_activate_action (view, "capture.commit", NULL));
  wait_until_saved (fixture);
  first = last_contribution (fixture);
  g_assert_cmpint (cm_contribution_get_kind (first), ==, CM_CONTRIBUTION_KIND_CONCERN);
  g_assert_cmpint (cm_contribution_get_stage (first), ==, CM_STAGE_DO);

  /* The kind is said of one contribution; the stage carries on. */
  type (fixture, "Two years is not enough");
  g_assert_true (gtk_widget_activate_action (view, "capture.commit", NULL));
  wait_until_saved (fixture);
  second = last_contribution (fixture);
  g_assert_cmpint (cm_contribution_get_kind (second), ==, CM_CONTRIBUTION_KIND_COMMENT);
  g_assert_cmpint (cm_contribution_get_stage (second), ==, CM_STAGE_DO);
  g_assert_cmpint (cm_contribution_get_participant_id (second), ==, 0);
}

static void
test_full_disk_keeps_the_words (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *big = g_strnfill (300000, 'w');
  g_autofree char *left = NULL;
  g_autofree char *kept = NULL;
  gint64 before = count (fixture);

  cm_contribution_writer_limit_size (cm_capture_view_get_writer (fixture->view), 1);
  type (fixture, big);
  g_assert_true (cm_capture_view_commit (fixture->view));

  /* Typing goes on while the write fails. */
  type_more (fixture, "typed meanwhile");
  wait_until_saved (fixture);

  g_assert_cmpint (count (fixture), ==, before);
  left = entry_text (fixture);
  g_assert_true (g_str_has_prefix (left, big));
  g_assert_true (g_str_has_suffix (left, "\ntyped meanwhile"));

  /* Space again: the next Enter saves the words that were kept. */
  cm_contribution_writer_limit_size (cm_capture_view_get_writer (fixture->view),
                                     G_GINT64_CONSTANT (1) << 40);
  g_assert_true (cm_capture_view_commit (fixture->view));
  wait_until_saved (fixture);
  g_assert_cmpint (count (fixture), ==, before + 1);
  g_free (left);
  left = entry_text (fixture);
  g_assert_cmpstr (left, ==, "");
}

/* The feed's commands -------------------------------------------------------- */

static void
test_delete_pin_and_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(CmContribution) newest = NULL;
  gint64 before;

  type (fixture, "Pin me, then delete me");
  cm_capture_view_commit (fixture->view);
  wait_until_saved (fixture);
  newest = last_contribution (fixture);
  before = count (fixture);

  /* With nothing selected, the commands act on the newest contribution. */
  g_assert_true (gtk_widget_activate_action (view, "capture.pin", NULL));
  g_assert_true (cm_contribution_get_pinned (newest));
  g_assert_true (gtk_widget_activate_action (view, "capture.delete", NULL));
  run_pending ();
  g_assert_cmpint (count (fixture), ==, before - 1);
  g_assert_false (feed_shows (GTK_WIDGET (cm_capture_view_get_feed (fixture->view)),
                              "Pin me, then delete me"));

  g_assert_true (gtk_widget_activate_action (view, "capture.undo", NULL));
  run_pending ();
  g_assert_cmpint (count (fixture), ==, before);
  g_assert_true (cm_contribution_get_pinned (newest));
}

/* The projector -------------------------------------------------------------- */

static void
test_projector_respects_consent (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(CmParticipant) anonymous = add_person (fixture, "Tom Reid", CM_CONSENT_ANONYMISED);
  GtkWindow *projector;
  g_autofree char *shown = NULL;

  type (fixture, "@gwen Named and quoted");
  cm_capture_view_commit (fixture->view);
  type (fixture, "@ann Not to be quoted at all");
  cm_capture_view_commit (fixture->view);
  type (fixture, "@tom Quoted without my name");
  cm_capture_view_commit (fixture->view);
  wait_until_saved (fixture);

  projector = cm_capture_view_open_projector (fixture->view);
  run_pending ();
  shown = cm_projector_window_dup_shown (CM_PROJECTOR_WINDOW (projector));

  g_assert_nonnull (strstr (shown, "Gwen Jones"));
  g_assert_nonnull (strstr (shown, "Named and quoted"));
  g_assert_null (strstr (shown, "Ann Lee"));
  g_assert_null (strstr (shown, "Not to be quoted"));
  g_assert_nonnull (strstr (shown, "A participant’s point (not quoted)"));
  g_assert_null (strstr (shown, "Tom Reid"));
  g_assert_nonnull (strstr (shown, "A carer"));
  g_assert_nonnull (strstr (shown, "Quoted without my name"));

  /* It follows the capture. */
  type (fixture, "@gwen One more");
  cm_capture_view_commit (fixture->view);
  wait_until_saved (fixture);
  g_free (shown);
  shown = cm_projector_window_dup_shown (CM_PROJECTOR_WINDOW (projector));
  g_assert_nonnull (strstr (shown, "One more"));
}

/* Size ----------------------------------------------------------------------- */

static void
test_fits_a_phone (Fixture       *fixture,
                   gconstpointer  data)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, WIDTH);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), <=, WIDTH);
}


/* The Workshops page and "You said, we did" ------------------------------------ */

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_workshops (Fixture *fixture)
{
  gint64 cycle_id = cm_workshop_get_cycle_id (fixture->workshop);
  g_autoptr(GListModel) workshops = cm_store_list_workshops (fixture->store, cycle_id, NULL);
  return g_list_model_get_n_items (workshops);
}

static void
test_page_new_delete_capture (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(CmCycle) cycle = cm_store_get_cycle (fixture->store,
                                                 cm_workshop_get_cycle_id (fixture->workshop),
                                                 NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CmWorkshopsPage *page = cm_workshops_page_new ();
  CmWorkshopEditor *editor;
  CmWorkshop *made;

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  cm_workshops_page_set_cycle (page, fixture->store, cycle);
  gtk_window_present (window);
  run_pending ();

  /* The live workshop is open from the start. */
  editor = CM_WORKSHOP_EDITOR (find_type (GTK_WIDGET (page), CM_TYPE_WORKSHOP_EDITOR));
  g_assert_true (cm_workshop_editor_get_workshop (editor) == fixture->workshop);

  g_assert_cmpuint (count_workshops (fixture), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "workshops.new", NULL));
  run_pending ();
  g_assert_cmpuint (count_workshops (fixture), ==, 2);
  made = cm_workshop_editor_get_workshop (editor);
  g_assert_true (made != fixture->workshop);
  g_assert_cmpstr (cm_workshop_get_title (made), ==, "New workshop");
  g_assert_cmpint (cm_workshop_get_state (made), ==, CM_WORKSHOP_STATE_PLANNED);

  /* Capturing makes a planned workshop live. */
  g_object_ref (made);
  cm_workshops_page_start_capture (page, made);
  run_pending ();
  g_assert_cmpint (cm_workshop_get_state (made), ==, CM_WORKSHOP_STATE_LIVE);

  /* Deleting goes through the trash, so that the toast can bring it back. */
  cm_workshops_page_show_workshop (page, made);
  g_signal_emit_by_name (editor, "delete-requested");
  run_pending ();
  g_assert_cmpuint (count_workshops (fixture), ==, 1);
  g_assert_true (cm_store_restore (fixture->store, G_OBJECT (made), NULL));
  g_assert_cmpuint (count_workshops (fixture), ==, 2);
  g_object_unref (made);

  gtk_window_destroy (window);
  run_pending ();
}

static void
test_said_did_respects_consent (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(CmCycle) cycle = cm_store_get_cycle (fixture->store,
                                                 cm_workshop_get_cycle_id (fixture->workshop),
                                                 NULL);
  g_autoptr(CmAction) action = cm_action_new ();
  g_autoptr(CmContribution) named = NULL;
  g_autoptr(CmContribution) withheld = NULL;
  g_autoptr(GError) error = NULL;
  CmSaidDidView *view = cm_said_did_view_new ();
  g_autofree char *text = NULL;

  type (fixture, "@gwen Letters should come in Easy Read");
  cm_capture_view_commit (fixture->view);
  wait_until_saved (fixture);
  named = last_contribution (fixture);
  type (fixture, "@ann My neighbour is Mr Price and he never got an advocate");
  cm_capture_view_commit (fixture->view);
  wait_until_saved (fixture);
  withheld = last_contribution (fixture);

  cm_action_set_cycle_id (action, cm_cycle_get_id (cycle));
  cm_action_set_response (action, "Every letter now has an Easy Read version");
  cm_action_set_state (action, CM_ACTION_STATE_DONE);
  g_assert_true (cm_store_add_action (fixture->store, action, &error));
  g_assert_true (cm_store_link_action_contribution (fixture->store, action, named, TRUE, &error));
  g_assert_true (cm_store_link_action_contribution (fixture->store, action, withheld, TRUE,
                                                    &error));
  g_assert_no_error (error);

  g_object_ref_sink (view);
  cm_said_did_view_set_cycle (view, fixture->store, cycle);
  text = cm_said_did_view_dup_text (view);

  g_assert_nonnull (strstr (text, "Letters should come in Easy Read"));
  g_assert_nonnull (strstr (text, "Gwen Jones"));
  g_assert_nonnull (strstr (text, "Every letter now has an Easy Read version"));
  /* Ann did not agree to be quoted: neither her words nor her name. */
  g_assert_null (strstr (text, "Mr Price"));
  g_assert_null (strstr (text, "Ann Lee"));
  g_assert_nonnull (strstr (text, "A participant’s point (not quoted)"));

  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, n) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)

  ADD ("/capture/enter", test_enter_saves_at_once, 200);
  ADD ("/capture/nothing-to-save", test_nothing_to_save, 0);
  ADD ("/capture/kind-and-stage", test_kind_and_stage, 10);
  ADD ("/capture/full-disk", test_full_disk_keeps_the_words, 10);
  ADD ("/capture/delete-pin-undo", test_delete_pin_and_undo, 50);
  ADD ("/capture/projector", test_projector_respects_consent, 0);
  ADD ("/capture/filters", test_filters, 3);
  ADD ("/capture/fits-a-phone", test_fits_a_phone, 200);
  ADD ("/workshops-page/new-delete-capture", test_page_new_delete_capture, 5);
  ADD ("/workshops-page/said-did-consent", test_said_did_respects_consent, 0);

#undef ADD

  return g_test_run ();
}
