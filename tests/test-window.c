/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cm-window.h"

/* The main window driven through its actions, in process: what a person
 * does with the keyboard shortcuts, checked against the database. */

typedef struct
{
  char    *folder;
  char    *path;
  CmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("cm-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "test.db", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);
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

static void
run_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CmWindow *
open_window (Fixture *fixture)
{
  CmWindow *window = cm_window_new (NULL, fixture->store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  run_pending ();
  return window;
}

static guint
count_cycles (CmStore *store)
{
  g_autoptr(GListModel) cycles = cm_store_list_cycles (store, NULL);

  return g_list_model_get_n_items (cycles);
}

static void
test_new_cycle_is_saved (Fixture       *fixture,
                         gconstpointer  data)
{
  CmWindow *window = open_window (fixture);
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GListModel) activities = NULL;

  g_assert_cmpuint (count_cycles (fixture->store), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cycle", NULL));
  run_pending ();

  cycles = cm_store_list_cycles (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);
  cycle = g_list_model_get_item (cycles, 0);
  activities = cm_store_list_activities (fixture->store, cm_cycle_get_id (cycle),
                                         CM_STAGE_NONE, -1, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (activities), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

static void
test_delete_cycle_goes_to_trash (Fixture       *fixture,
                                 gconstpointer  data)
{
  CmWindow *window = open_window (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  run_pending ();
  g_assert_cmpuint (count_cycles (fixture->store), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-cycle", NULL));
  run_pending ();
  g_assert_cmpuint (count_cycles (fixture->store), ==, 0);

  /* Until the trash is emptied (on quit) the cycle can come back. */
  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_assert_true (cm_store_empty_trash (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_cycles (fixture->store), ==, 0);
}

static void
test_sample_cycle_is_half_done (Fixture       *fixture,
                                gconstpointer  data)
{
  CmWindow *window = open_window (fixture);
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GListModel) activities = NULL;
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(CmServiceSpec) spec = NULL;
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GListModel) workshops = NULL;
  g_autoptr(CmWorkshop) workshop = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) said = NULL;
  g_autoptr(GListModel) actions = NULL;
  guint done = 0, n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  run_pending ();

  cycles = cm_store_list_cycles (fixture->store, NULL);
  cycle = g_list_model_get_item (cycles, 0);
  g_assert_cmpint (cm_cycle_get_current_stage (cycle), ==, CM_STAGE_PLAN);
  activities = cm_store_list_activities (fixture->store, cm_cycle_get_id (cycle),
                                         CM_STAGE_NONE, -1, NULL);
  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmActivity) activity = g_list_model_get_item (activities, i);
      done += cm_activity_get_status (activity) == CM_ACTIVITY_STATUS_DONE;
    }
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (done, <, n);

  /* Something on every page: a specification to write into, and a
   * workshop with who came, what they said, and what was done about it. */
  specs = cm_store_list_specs (fixture->store, cm_cycle_get_id (cycle), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 1);
  spec = g_list_model_get_item (specs, 0);
  sections = cm_store_list_sections (fixture->store, cm_service_spec_get_id (spec), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sections), >, 5);

  workshops = cm_store_list_workshops (fixture->store, cm_cycle_get_id (cycle), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 1);
  workshop = g_list_model_get_item (workshops, 0);
  attendees = cm_store_list_attendees (fixture->store, cm_workshop_get_id (workshop), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 4);
  said = cm_store_list_contributions (fixture->store, cm_workshop_get_id (workshop), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (said), ==, 6);
  actions = cm_store_list_actions (fixture->store, cm_cycle_get_id (cycle), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

static gboolean
find_mapped_status_page (GtkWidget  *widget,
                         const char *description)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_status_page_get_description (ADW_STATUS_PAGE (widget)), description) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_mapped_status_page (child, description))
      return TRUE;

  return FALSE;
}

static void
test_database_error_is_shown (void)
{
  g_autoptr(GError) error = g_error_new_literal (CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT,
                                                 "The database is damaged.");
  CmWindow *window = cm_window_new (NULL, NULL, error);

  gtk_window_present (GTK_WINDOW (window));
  run_pending ();

  /* The person sees why, on a page of its own, and nothing offers to write. */
  g_assert_true (find_mapped_status_page (GTK_WIDGET (window), "The database is damaged."));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cycle", NULL);
  run_pending ();
  g_assert_true (find_mapped_status_page (GTK_WIDGET (window), "The database is damaged."));

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/new-cycle-is-saved", Fixture, NULL,
              fixture_set_up, test_new_cycle_is_saved, fixture_tear_down);
  g_test_add ("/window/delete-cycle-goes-to-trash", Fixture, NULL,
              fixture_set_up, test_delete_cycle_goes_to_trash, fixture_tear_down);
  g_test_add ("/window/sample-cycle-is-half-done", Fixture, NULL,
              fixture_set_up, test_sample_cycle_is_half_done, fixture_tear_down);
  g_test_add_func ("/window/database-error-is-shown", test_database_error_is_shown);

  return g_test_run ();
}
