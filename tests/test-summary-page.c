/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-summary-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cm-summary-page.h"
#include "cm-summary-print.h"

/* The Summary page in a window, in process: the preview follows the data
 * and the section switches, and the page lets go of everything. */

typedef struct
{
  char    *folder;
  char    *path;
  CmStore *store;
  CmCycle *cycle;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("test-summary-page-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "test.db", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->cycle = cm_cycle_new ();
  cm_cycle_set_title (fixture->cycle, "Advocacy 2026");
  g_assert_true (cm_store_add_cycle_from_default_template (fixture->store, fixture->cycle,
                                                            &error));
  g_assert_no_error (error);
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
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the preview shows a number of pages other than
 * @not, or five seconds pass. */
static guint
wait_for_pages (GtkWidget *page,
                guint      not)
{
  GtkListView *list = GTK_LIST_VIEW (find_widget (page, GTK_TYPE_LIST_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (5, on_timeout, &timed_out);

  while (g_list_model_get_n_items (model) == not && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  /* Let the page settle: no build still running behind the one shown. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  return g_list_model_get_n_items (model);
}

static void
test_preview_follows (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  CmSummaryPage *page = cm_summary_page_new ();
  g_autoptr(GError) error = NULL;
  guint n_pages, more_pages, fewer_pages;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));

  cm_summary_page_set_cycle (page, fixture->store, fixture->cycle);
  g_assert_true (cm_summary_page_get_cycle (page) == fixture->cycle);
  n_pages = wait_for_pages (GTK_WIDGET (page), 0);
  g_assert_cmpuint (n_pages, >, 1);

  /* New data shows without being asked for. */
  g_assert_true (cm_store_begin (fixture->store, &error));
  for (guint i = 0; i < 80; i++)
    {
      g_autoptr(CmActivity) activity = cm_activity_new ();

      cm_activity_set_cycle_id (activity, cm_cycle_get_id (fixture->cycle));
      cm_activity_set_title (activity, "A late addition, reviewed against the outcomes");
      cm_activity_set_evidence_notes (activity, "The steering group minuted it.");
      g_assert_true (cm_store_add_activity (fixture->store, activity, &error));
      g_assert_no_error (error);
    }
  g_assert_true (cm_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  more_pages = wait_for_pages (GTK_WIDGET (page), n_pages);
  g_assert_cmpuint (more_pages, >, n_pages);

  /* A section switched off leaves the preview. */
  gtk_widget_activate_action (GTK_WIDGET (page), "summary.show-evidence", NULL);
  fewer_pages = wait_for_pages (GTK_WIDGET (page), more_pages);
  g_assert_cmpuint (fewer_pages, <, more_pages);
  gtk_widget_activate_action (GTK_WIDGET (page), "summary.show-evidence", NULL);
  g_assert_cmpuint (wait_for_pages (GTK_WIDGET (page), fewer_pages), ==, more_pages);

  /* No cycle: no pages, and a page that says so. */
  cm_summary_page_set_cycle (page, NULL, NULL);
  g_assert_cmpuint (wait_for_pages (GTK_WIDGET (page), G_MAXUINT), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (find_widget (GTK_WIDGET (page), GTK_TYPE_STACK))), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The print operation draws the same pages as the PDF export, on GTK's
 * own cairo context: GTK's export action writes them to a file. */
static void
test_print_operation (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->folder, "printed.pdf", NULL);
  g_autofree char *found = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmSummaryDocument) document = NULL;
  g_autoptr(GtkPageSetup) setup = cm_summary_print_get_page_setup ();
  CmSummaryOptions options;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  guint n_pages;

  g_assert_true (cm_summary_print_to_file (fixture->store, fixture->cycle, CM_SUMMARY_SECTION_ALL,
                                           pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  cm_summary_options_init (&options);
  cm_summary_print_apply_page_setup (setup, &options);
  document = cm_summary_document_new_for_cycle (fixture->store, fixture->cycle, &options, &error);
  g_assert_no_error (error);
  n_pages = cm_summary_document_get_n_pages (document);

  if (found == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Advocacy 2026"));
  expected = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, expected));
}

static void
test_finalizes (Fixture       *fixture,
                gconstpointer  data)
{
  CmSummaryPage *page = g_object_ref_sink (cm_summary_page_new ());

  cm_summary_page_set_cycle (page, fixture->store, fixture->cycle);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/summary-page/preview-follows", Fixture, NULL, fixture_set_up,
              test_preview_follows, fixture_tear_down);
  g_test_add ("/summary-page/print-operation", Fixture, NULL, fixture_set_up,
              test_print_operation, fixture_tear_down);
  g_test_add ("/summary-page/finalizes", Fixture, NULL, fixture_set_up, test_finalizes,
              fixture_tear_down);

  return g_test_run ();
}
