/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-bench-summary"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "cm-bench-generate.h"
#include "cm-store-specs.h"
#include "cm-summary-document.h"

/* Exports the PDF summary of a cycle with 5,000 contributions and 20
 * specifications (each with a demand model, so 20 charts) and prints how
 * long it takes and how many pages it has. The baseline, measured in the
 * same run and store, is the summary of an empty cycle: the cost of a PDF
 * with a cover and nothing else. A developer tool: its output is not
 * translated. */

#define TARGET_MS 1000.0

typedef struct
{
  double gather;
  double layout;
  double write;
  double total;
  guint  pages;
  gint64 bytes;
} Sample;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The load average, to judge the figures by: on a busy machine they
 * measure the other processes as much as this code. */
static char *
load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");
  fields = g_strsplit (text, " ", 4);
  if (g_strv_length (fields) < 3)
    return g_strdup ("unknown");
  /* The 1, 5 and 15 minute averages. */
  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

static gboolean
measure (CmStore    *store,
         CmCycle    *cycle,
         const char *path,
         Sample     *sample,
         GError    **error)
{
  g_autoptr(CmSummaryDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  CmSummaryModel *model;
  CmSummaryOptions options;
  gint64 start = g_get_monotonic_time (), step;

  cm_summary_options_init (&options);
  cm_summary_options_set_today (&options, 2, G_DATE_MARCH, 2026);

  step = g_get_monotonic_time ();
  model = cm_summary_model_gather (store, cycle, &options.today, error);
  if (model == NULL)
    return FALSE;
  sample->gather = ms_since (step);

  step = g_get_monotonic_time ();
  document = cm_summary_document_new (model, &options);
  sample->layout = ms_since (step);
  sample->pages = cm_summary_document_get_n_pages (document);

  step = g_get_monotonic_time ();
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL ||
      !cm_summary_document_write_pdf (document, G_OUTPUT_STREAM (stream), error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;
  sample->write = ms_since (step);
  sample->total = ms_since (start);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, error);
  if (info == NULL)
    return FALSE;
  sample->bytes = g_file_info_get_size (info);
  return TRUE;
}

static gboolean
add_demand_models (CmStore  *store,
                   gint64    cycle_id,
                   GError  **error)
{
  g_autoptr(GListModel) specs = cm_store_list_specs (store, cycle_id, error);

  if (specs == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (specs); i++)
    {
      g_autoptr(CmServiceSpec) spec = g_list_model_get_item (specs, i);
      g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();

      for (guint p = 0; p < CM_N_DEMAND_PROCESSES - 1; p++)
        {
          inputs->rows[p].people_per_year = 500.0 + 700.0 * p + 37.0 * i;
          inputs->rows[p].hours_per_case = 6.0 + p;
        }
      inputs->growth_rate = 0.015 * (i % 4);
      inputs->years = 3 + i % 4;
      inputs->budget_pence = (gint64) (150000 + 5000 * i) * 100;
      if (!cm_store_save_demand_model (store, spec, inputs, error))
        return FALSE;
    }

  return TRUE;
}

static void
report (const char *label,
        Sample     *samples,
        guint       n)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  double gather = 0, layout = 0, write = 0;

  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (totals, samples[i].total);
      gather += samples[i].gather / n;
      layout += samples[i].layout / n;
      write += samples[i].write / n;
    }
  g_array_sort (totals, compare_doubles);

  g_print ("%-34s %3u pages %8.1f kB   total median %7.1f ms  min %7.1f  max %7.1f   "
           "(mean: gather %.1f, lay out %.1f, write PDF %.1f)\n",
           label, samples[0].pages, samples[0].bytes / 1024.0,
           g_array_index (totals, double, n / 2), g_array_index (totals, double, 0),
           g_array_index (totals, double, n - 1), gather, layout, write);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(CmCycle) empty = NULL;
  CmBenchSize size = { .cycles = 1, .specs = 20, .workshops = 40,
                       .contributions = 5000, .participants = 300 };
  int samples = 7;
  gboolean keep = FALSE;
  const GOptionEntry entries[] = {
    { "samples", 'n', 0, G_OPTION_ARG_INT, &samples, "Exports of each cycle [7]", "N" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the database and the PDF", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the PDF cycle summary");
  Sample *big, *small;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("cm-bench-summary: %s\n", error->message);
      return EXIT_FAILURE;
    }
  samples = CLAMP (samples, 1, 1000);

  folder = g_dir_make_tmp ("cm-bench-summary-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "bench.db", NULL);
  pdf = g_build_filename (folder, "summary.pdf", NULL);

  start = g_get_monotonic_time ();
  store = cm_store_open (path, &error);
  if (store == NULL || !cm_bench_generate (store, &size, 1, &error))
    {
      g_printerr ("cm-bench-summary: %s\n", error->message);
      return EXIT_FAILURE;
    }
  cycles = cm_store_list_cycles (store, &error);
  g_assert_no_error (error);
  cycle = g_list_model_get_item (cycles, 0);
  if (!add_demand_models (store, cm_cycle_get_id (cycle), &error))
    {
      g_printerr ("cm-bench-summary: %s\n", error->message);
      return EXIT_FAILURE;
    }

  empty = cm_cycle_new ();
  cm_cycle_set_title (empty, "An empty cycle");
  if (!cm_store_add_cycle (store, empty, NULL, &error))
    {
      g_printerr ("cm-bench-summary: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print ("Generated %u contributions, %u specifications (each with a demand model) and "
           "%u workshops in %.1f s\n", size.contributions, size.specs, size.workshops,
           ms_since (start) / 1000.0);

  {
    g_autofree char *load = load_average ();
    g_print ("Load average before: %s\n", load);
  }

  big = g_new0 (Sample, samples);
  small = g_new0 (Sample, samples);
  for (int i = 0; i < samples; i++)
    {
      /* Alternate, so that both see the same state of the machine. */
      if (!measure (store, empty, pdf, &small[i], &error) ||
          !measure (store, cycle, pdf, &big[i], &error))
        {
          g_printerr ("cm-bench-summary: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  {
    g_autofree char *load = load_average ();
    g_print ("Load average after: %s\n", load);
  }

  g_print ("\nPDF summary, %d samples each (A4):\n", samples);
  report ("baseline: an empty cycle", small, (guint) samples);
  report ("5,000 contributions, 20 specs", big, (guint) samples);
  {
    g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
    double median;

    for (int i = 0; i < samples; i++)
      g_array_append_val (totals, big[i].total);
    g_array_sort (totals, compare_doubles);
    median = g_array_index (totals, double, samples / 2);
    g_print ("target: under %.0f ms — %s (median %.1f ms)\n", TARGET_MS,
             median < TARGET_MS ? "met" : "NOT met", median);
  }

  g_free (big);
  g_free (small);
  g_clear_object (&store);

  if (keep)
    g_print ("Kept %s and %s\n", path, pdf);
  else
    {
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (folder, name, NULL);
          g_unlink (file);
        }
      g_rmdir (folder);
    }

  return EXIT_SUCCESS;
}
