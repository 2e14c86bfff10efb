/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-bench-capture"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "cm-bench-generate.h"
#include "cm-capture-view.h"
#include "cm-contribution-row.h"

/* Enter to row on screen in the live capture view, at the size of issue 5:
 * 100,000 contributions in the database and 10,000 in the workshop being
 * captured. A developer tool: its output is not translated.
 *
 * Each sample puts words in the box, activates the view's commit action
 * (what Enter does) and runs the main loop until the end of the first
 * frame (the frame clock's after-paint) in which the new row is in the
 * feed, mapped and inside the visible part of the list. Samples are spaced
 * out, as typing is, so that each starts with an idle frame clock.
 *
 * Baselines from the same run, in the same window: the time from changing
 * a label's text to the end of the frame that paints it (the least any
 * change on screen costs here), and a synchronous cm_store_add_contribution()
 * on the main connection (what the main loop would be held for if the view
 * wrote without its writer thread). The view's memory is the process's
 * resident size before and after building it and showing the workshop.
 *
 * It needs a display: xvfb-run -a build/bench/cm-bench-capture */

#define TARGET_P99_MS      16.0
#define WORKSHOP_SIZE      10000
#define DEFAULT_SAMPLES    300
#define GAP_MS             40
#define SAMPLE_TIMEOUT_US  (5 * G_TIME_SPAN_SECOND)

typedef struct
{
  char     *database;
  int       samples;
  gboolean  keep;
} Options;

typedef struct
{
  GtkWidget      *window;
  CmCaptureView  *view;
  GtkLabel       *baseline_label;
  char           *expected;      /* the text whose row is awaited */
  gboolean        label_mode;
  gint64          seen_at;
  gint64          listed_at;
  int             frames;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint rank;

  if (sorted->len == 0)
    return NAN;

  rank = (guint) ceil (p / 100.0 * sorted->len);
  return g_array_index (sorted, double, MIN (MAX (rank, 1), sorted->len) - 1);
}

static void
print_figures (const char *label,
               GArray     *samples)
{
  g_array_sort (samples, compare_doubles);
  g_print ("%-44s %5u  %8.2f %8.2f %8.2f %8.2f\n", label, samples->len,
           percentile (samples, 50), percentile (samples, 95), percentile (samples, 99),
           samples->len ? g_array_index (samples, double, samples->len - 1) : NAN);
}

static double
resident_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return NAN;

  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : NAN;
}

static void
spin_for (int ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

/* Is the row of this text in the feed, mapped and within the visible part? */
static gboolean
row_shown (GtkWidget  *widget,
           GtkWidget  *viewport,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CM_IS_CONTRIBUTION_ROW (child))
        {
          CmContributionRow *row = CM_CONTRIBUTION_ROW (child);
          CmContribution *contribution = cm_contribution_row_get_contribution (row);
          graphene_rect_t bounds;

          if (contribution != NULL && gtk_widget_get_mapped (child) &&
              g_strcmp0 (cm_contribution_get_text (contribution), text) == 0 &&
              gtk_widget_compute_bounds (child, viewport, &bounds) &&
              bounds.origin.y >= -1 &&
              bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport) + 1)
            return TRUE;
        }
      else if (row_shown (child, viewport, text))
        return TRUE;
    }

  return FALSE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  GtkWidget *feed;

  if (bench->expected == NULL || bench->seen_at != 0)
    return;

  bench->frames++;

  if (bench->label_mode)
    {
      if (g_strcmp0 (gtk_label_get_label (bench->baseline_label), bench->expected) == 0)
        bench->seen_at = g_get_monotonic_time ();
      return;
    }

  feed = GTK_WIDGET (cm_capture_view_get_feed (bench->view));
  if (row_shown (feed, gtk_widget_get_parent (feed), bench->expected))
    bench->seen_at = g_get_monotonic_time ();
}

static void
on_feed_items_changed (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       Bench      *bench)
{
  if (added > 0 && bench->listed_at == 0 && !bench->label_mode)
    bench->listed_at = g_get_monotonic_time ();
}

static gboolean
wait_until_seen (Bench  *bench,
                 gint64  started)
{
  while (bench->seen_at == 0)
    {
      if (g_get_monotonic_time () - started > SAMPLE_TIMEOUT_US)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

/* Makes the biggest workshop hold WORKSHOP_SIZE contributions. */
static CmWorkshop *
prepare_workshop (CmStore  *store,
                  GError  **error)
{
  gint64 n = 0;
  gint64 id = cm_bench_find_biggest_workshop (store, &n, error);
  g_autoptr(CmWorkshop) workshop = NULL;

  if (id == 0)
    return NULL;

  workshop = cm_store_get_workshop (store, id, error);
  if (workshop == NULL)
    return NULL;

  if (n < WORKSHOP_SIZE)
    {
      g_print ("Topping up workshop %" G_GINT64_FORMAT " from %" G_GINT64_FORMAT
               " to %d contributions\n", id, n, WORKSHOP_SIZE);
      if (!cm_store_begin (store, error))
        return NULL;
      for (gint64 i = n; i < WORKSHOP_SIZE; i++)
        {
          g_autoptr(CmContribution) said = cm_contribution_new ();
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autofree char *text = g_strdup_printf ("Earlier point %" G_GINT64_FORMAT ": people "
                                                   "should hear about advocacy before their "
                                                   "assessment, not after it.", i);

          cm_contribution_set_workshop_id (said, id);
          cm_contribution_set_text (said, text);
          cm_contribution_set_captured_at (said, now);
          if (!cm_store_add_contribution (store, said, error))
            {
              cm_store_rollback (store);
              return NULL;
            }
        }
      if (!cm_store_commit (store, error))
        return NULL;
    }

  return g_steal_pointer (&workshop);
}

static gint64
total_contributions (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM contribution WHERE trashed = 0", -1, &stmt,
                          NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
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

static int
run (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmWorkshop) workshop = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) label_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sync_commits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) listings = g_array_new (FALSE, FALSE, sizeof (double));
  Bench bench = { 0 };
  GtkWidget *box;
  GdkFrameClock *clock;
  double rss_before, rss_after, open_ms;
  gint64 started;
  guint missed = 0;
  guint first_frame_rows = 0;

  if (options->database != NULL)
    path = g_strdup (options->database);
  else
    {
      folder = g_dir_make_tmp ("cm-bench-capture-XXXXXX", &error);
      if (folder == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      path = g_build_filename (folder, "bench.db", NULL);
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      CmBenchSize size;
      g_autoptr(CmStore) fresh = NULL;

      cm_bench_size_init_default (&size);
      g_print ("Generating %u contributions in %s…\n", size.contributions, path);
      started = g_get_monotonic_time ();
      fresh = cm_store_open (path, &error);
      if (fresh == NULL || !cm_bench_generate (fresh, &size, 1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("Generated in %.1f s\n", (g_get_monotonic_time () - started) / 1e6);
    }

  store = cm_store_open (path, &error);
  if (store != NULL)
    workshop = prepare_workshop (store, &error);
  if (workshop == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "No workshop to capture");
      return 1;
    }

  g_print ("Database: %" G_GINT64_FORMAT " contributions; the workshop: %" G_GINT64_FORMAT "\n",
           total_contributions (path),
           cm_store_count_contributions (store, cm_workshop_get_id (workshop), NULL));
  g_print ("GTK %u.%u.%u, renderer %s\n", gtk_get_major_version (), gtk_get_minor_version (),
           gtk_get_micro_version (),
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  /* The window first, empty, so that its own cost is not the view's. */
  bench.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1000, 800);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  bench.baseline_label = GTK_LABEL (gtk_label_new ("baseline"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench.baseline_label));
  gtk_window_set_child (GTK_WINDOW (bench.window), box);
  gtk_window_present (GTK_WINDOW (bench.window));
  spin_for (500);

  clock = gtk_widget_get_frame_clock (bench.window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &bench);

  rss_before = resident_mib ();
  started = g_get_monotonic_time ();
  bench.view = cm_capture_view_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (bench.view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench.view));
  cm_capture_view_set_workshop (bench.view, store, workshop);

  /* Opening counts until the newest row is painted. */
  {
    g_autoptr(GListModel) all = cm_store_list_contributions (store, cm_workshop_get_id (workshop),
                                                             NULL);
    guint n = g_list_model_get_n_items (all);
    g_autoptr(CmContribution) newest = g_list_model_get_item (all, n - 1);

    bench.expected = g_strdup (cm_contribution_get_text (newest));
    bench.seen_at = 0;
    if (!wait_until_seen (&bench, started))
      g_print ("The newest row was not seen after opening\n");
    open_ms = (bench.seen_at - started) / 1000.0;
    g_clear_pointer (&bench.expected, g_free);
  }
  spin_for (1000);
  rss_after = resident_mib ();
  g_signal_connect (gtk_list_view_get_model (cm_capture_view_get_feed (bench.view)),
                    "items-changed", G_CALLBACK (on_feed_items_changed), &bench);

  for (int i = 0; i < options->samples; i++)
    {
      g_autofree char *text = g_strdup_printf ("Bench point %d: the advocate should ring back "
                                               "the same day #bench", i);
      g_autofree char *shown = g_strdup_printf ("Bench point %d: the advocate should ring back "
                                                "the same day", i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (cm_capture_view_get_entry (bench.view));
      gint64 t0;

      spin_for (GAP_MS);
      gtk_text_buffer_set_text (buffer, text, -1);
      spin_for (GAP_MS);

      bench.expected = g_steal_pointer (&shown);
      bench.label_mode = FALSE;
      bench.seen_at = 0;
      bench.listed_at = 0;
      bench.frames = 0;
      t0 = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (bench.view), "capture.commit", NULL);
      if (wait_until_seen (&bench, t0))
        {
          g_array_append_val (latencies, (double) { (bench.seen_at - t0) / 1000.0 });
          g_array_append_val (listings, (double) { (bench.listed_at - t0) / 1000.0 });
          if (bench.frames == 1)
            first_frame_rows++;
        }
      else
        missed++;
      g_clear_pointer (&bench.expected, g_free);

      /* Baseline: a label's new text to the end of the frame that paints it. */
      spin_for (GAP_MS);
      bench.expected = g_strdup_printf ("baseline %d", i);
      bench.label_mode = TRUE;
      bench.seen_at = 0;
      t0 = g_get_monotonic_time ();
      gtk_label_set_label (bench.baseline_label, bench.expected);
      if (wait_until_seen (&bench, t0))
        g_array_append_val (label_frames, (double) { (bench.seen_at - t0) / 1000.0 });
      g_clear_pointer (&bench.expected, g_free);
    }

  /* Baseline: the same write on the main connection, synchronously. */
  for (int i = 0; i < MIN (options->samples, 100); i++)
    {
      g_autoptr(CmContribution) said = cm_contribution_new ();
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *text = g_strdup_printf ("Synchronous point %d #bench", i);
      gint64 t0;

      cm_contribution_set_workshop_id (said, cm_workshop_get_id (workshop));
      cm_contribution_set_text (said, text);
      cm_contribution_set_captured_at (said, now);
      t0 = g_get_monotonic_time ();
      if (cm_store_add_contribution (store, said, NULL))
        g_array_append_val (sync_commits, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
      spin_for (5);
    }

  g_print ("\n%-44s %5s  %8s %8s %8s %8s  (ms)\n", "", "n", "p50", "p95", "p99", "max");
  print_figures ("Enter to row painted in the feed", latencies);
  print_figures ("  of which: Enter to row in the feed's list", listings);
  print_figures ("baseline: label change to painted", label_frames);
  print_figures ("baseline: synchronous store commit", sync_commits);
  g_print ("The row was painted in the first frame after Enter in %u of %u samples\n",
           first_frame_rows, latencies->len);
  if (missed > 0)
    g_print ("%u samples never showed their row within 5 s\n", missed);
  g_array_sort (latencies, compare_doubles);
  g_print ("\nTarget: Enter to row p99 under %.0f ms: %s (p99 %.2f ms)\n", TARGET_P99_MS,
           percentile (latencies, 99) < TARGET_P99_MS ? "met" : "NOT met",
           percentile (latencies, 99));
  g_print ("Opening the capture view on the workshop (to its newest row painted): %.0f ms\n",
           open_ms);
  g_print ("Resident memory: %.1f MiB before the view, %.1f MiB with it open "
           "(%.1f MiB for the view, its feed and the workshop's contributions)\n",
           rss_before, rss_after, rss_after - rss_before);

  gtk_window_destroy (GTK_WINDOW (bench.window));
  spin_for (100);

  /* What the benchmark added goes again, so a kept database can be reused. */
  {
    sqlite3 *db = NULL;

    g_clear_object (&workshop);
    g_clear_object (&store);
    if (sqlite3_open (path, &db) == SQLITE_OK)
      sqlite3_exec (db, "DELETE FROM contribution WHERE themes = 'bench'", NULL, NULL, NULL);
    sqlite3_close (db);
  }

  if (folder != NULL && !options->keep)
    remove_folder (folder);
  else
    g_print ("Kept %s\n", path);

  return missed > 0 ? 1 : 0;
}

int
main (int   argc,
      char *argv[])
{
  Options options = { NULL, DEFAULT_SAMPLES, FALSE };
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &options.database,
      "Measure this database (generated first if missing, and kept)", "PATH" },
    { "samples", 0, 0, G_OPTION_ARG_INT, &options.samples, "Contributions to commit", "N" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &options.keep, "Keep the generated database", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- Enter-to-row latency of capture");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* Under Xvfb the only GL is llvmpipe, a software emulation of a GPU on
   * the CPU, which would measure the emulator rather than the view. The
   * cairo renderer is what a frame costs without a GPU; a machine with one
   * does better. GSK_RENDERER=gl in the environment measures GL instead. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  if (!gtk_init_check ())
    {
      g_printerr ("cm-bench-capture needs a display; run it under xvfb-run -a\n");
      return 77;
    }
  adw_init ();

  return run (&options);
}
