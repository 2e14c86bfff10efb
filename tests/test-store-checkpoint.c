/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cm-store-private.h"
#include "cm-store-search.h"

/* The write-ahead log is copied back by the store's checkpoint thread, not
 * inside a commit, and broad searches rank only recent matches. */

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("cm-checkpoint-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

static void
remove_folder (const char *folder)
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

static CmWorkshop *
add_workshop (CmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();
  CmWorkshop *workshop = cm_workshop_new ();

  cm_cycle_set_title (cycle, "Advocacy");
  g_assert_true (cm_store_add_cycle (store, cycle, NULL, &error));
  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (cycle));
  cm_workshop_set_title (workshop, "Listening event");
  g_assert_true (cm_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return workshop;
}

static void
add_contribution (CmStore    *store,
                  CmWorkshop *workshop,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmContribution) contribution = cm_contribution_new ();

  cm_contribution_set_workshop_id (contribution, cm_workshop_get_id (workshop));
  cm_contribution_set_text (contribution, text);
  g_assert_true (cm_store_add_contribution (store, contribution, &error));
  g_assert_no_error (error);
}

static void
test_log_is_checkpointed_off_the_commit (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "test.db", NULL);
  g_autofree char *log_path = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, &error);
  g_autoptr(CmWorkshop) workshop = NULL;
  gint64 deadline;
  GStatBuf info;

  g_assert_no_error (error);
  g_assert_nonnull (store->checkpointer);
  workshop = add_workshop (store);

  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *text = g_strdup_printf ("Point %u: people want an advocate sooner.", i);
      add_contribution (store, workshop, text);
    }

  /* The thread may still be copying; give it a moment. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (cm_checkpointer_get_count (store->checkpointer) == 0 &&
         g_get_monotonic_time () < deadline)
    g_usleep (10000);

  g_assert_cmpuint (cm_checkpointer_get_count (store->checkpointer), >, 0);
  g_assert_cmpint (g_stat (log_path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 0);

  g_clear_object (&store);
  /* Closing copied everything back and removed the log. */
  g_assert_false (g_file_test (log_path, G_FILE_TEST_EXISTS));

  store = cm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_count_contributions (store, 1, NULL), ==, 1500);
  g_assert_true (cm_store_check_integrity (store, &error));

  g_clear_object (&store);
  remove_folder (folder);
}

static void
test_broad_search_prefers_recent_matches (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "test.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, &error);
  g_autoptr(CmWorkshop) workshop = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(CmSearchResult) first = NULL;

  g_assert_no_error (error);
  workshop = add_workshop (store);

  /* An old, very relevant match, then many newer, weaker ones. */
  add_contribution (store, workshop, "advocacy advocacy advocacy advocacy");
  g_assert_true (cm_store_begin (store, &error));
  for (guint i = 0; i < 1000; i++)
    add_contribution (store, workshop, "We talked about advocacy and many other things "
                                       "that matter to people and their families.");
  g_assert_true (cm_store_commit (store, &error));
  add_contribution (store, workshop, "The newest point on advocacy");

  results = cm_store_search (store, "advoc", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 10);

  /* Ranked among the recent candidates: the newest is in, the oldest
   * (outside the recent window) is not. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(CmSearchResult) result = g_list_model_get_item (results, i);
      g_assert_cmpint (cm_search_result_get_object_id (result), !=, 1);
    }

  g_clear_object (&results);
  results = cm_store_search (store, "advocacy advocacy", 0, 10, &error);
  first = g_list_model_get_item (results, 0);
  g_assert_nonnull (first);

  g_clear_object (&store);
  remove_folder (folder);
}

static void
test_close_while_held (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "test.db", NULL);
  g_autofree char *log_path = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = cm_store_open (path, &error);
  g_autoptr(CmWorkshop) workshop = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();

  g_assert_no_error (error);
  workshop = add_workshop (store);
  add_contribution (store, workshop, "Said before closing");
  g_assert_true (g_file_test (log_path, G_FILE_TEST_EXISTS));

  /* Quitting closes the file even while windows still hold the store. */
  cm_store_close (store);
  g_assert_true (cm_store_is_closed (store));
  g_assert_false (g_file_test (log_path, G_FILE_TEST_EXISTS));

  cm_cycle_set_title (cycle, "Too late");
  g_assert_false (cm_store_add_cycle (store, cycle, NULL, &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (cm_store_empty_trash (store, &error));
  g_clear_error (&error);

  g_clear_object (&store);
  store = cm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_count_contributions (store, cm_workshop_get_id (workshop), NULL),
                   ==, 1);

  g_clear_object (&store);
  remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/checkpoint/off-the-commit", test_log_is_checkpointed_off_the_commit);
  g_test_add_func ("/store/search/recent-matches", test_broad_search_prefers_recent_matches);
  g_test_add_func ("/store/close-while-held", test_close_while_held);

  return g_test_run ();
}
