/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-bench-startup"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "cm-bench-generate.h"

/* Time from exec to the first frame that shows the database's content,
 * for Commissioning Cycle on a 100,000-contribution database, against a
 * minimal AdwApplication measured in the same run. Needs a display:
 *
 *   xvfb-run -a build/bench/cm-bench-startup [--database DB] [--runs N]
 *
 * Both programs print "first-frame <monotonic µs>" on their first frame
 * and quit; the clock is the same one this program reads before spawning.
 * Commissioning Cycle adds what that frame showed: the content page, the
 * number of cycles listed and the id of the cycle on the wheel. A frame
 * that did not show the content it should is an error, not a figure. */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  fraction)
{
  guint index = (guint) (fraction * (samples->len - 1) + 0.5);

  return g_array_index (samples, double, MIN (index, samples->len - 1));
}

static gboolean
check_shown (const char  *shown,
             const char  *expected,
             GError     **error)
{
  g_autofree char *what = g_strstrip (g_strdup (shown));
  g_auto(GStrv) fields = g_strsplit (what, " ", 4);
  guint64 cycles = 0, wheel = 0;

  if (g_strv_length (fields) >= 3)
    {
      cycles = g_ascii_strtoull (fields[1], NULL, 10);
      wheel = g_ascii_strtoull (fields[2], NULL, 10);
    }

  if (g_strv_length (fields) < 3 || g_strcmp0 (fields[0], expected) != 0 ||
      (g_str_equal (expected, "cycle") && (cycles == 0 || wheel == 0)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the first frame showed “%s” (page, cycles, wheel), not the %s page",
                   what, expected);
      return FALSE;
    }

  return TRUE;
}

/* expected: the content page the first frame must show, or NULL for the
 * minimal app. */
static gboolean
time_first_frame (const char * const *argv,
                  const char         *expected,
                  double             *ms,
                  GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  const char *line;
  char *end;
  gint64 started;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "CM_DEBUG_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", FALSE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);

  started = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, error))
    return FALSE;

  line = out != NULL ? strstr (out, "first-frame ") : NULL;
  if (line == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s printed no first frame", argv[0]);
      return FALSE;
    }

  *ms = (g_ascii_strtoll (line + strlen ("first-frame "), &end, 10) - started) / 1000.0;
  if (expected != NULL)
    return check_shown (g_strchug (end), expected, error);

  return TRUE;
}

/* Launches each program in turn, @runs times: taking turns, slow spells of
 * the machine fall on all of them alike rather than on whichever ran then. */
static gboolean
measure_in_turns (const char * const *const *argvs,
                  const char * const        *expected,
                  GArray                   **samples,
                  guint                      n_programs,
                  guint                      runs,
                  GError                   **error)
{
  for (guint p = 0; p < n_programs; p++)
    samples[p] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    for (guint p = 0; p < n_programs; p++)
      {
        double ms;

        if (!time_first_frame (argvs[p], expected[p], &ms, error))
          return FALSE;
        g_array_append_val (samples[p], ms);
      }

  for (guint p = 0; p < n_programs; p++)
    g_array_sort (samples[p], compare_doubles);
  return TRUE;
}

static void
report (const char *name,
        GArray     *samples)
{
  g_print ("%-46s %4u %9.1f %9.1f %9.1f\n", name, samples->len, percentile (samples, 0.5),
           percentile (samples, 0.9), g_array_index (samples, double, samples->len - 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *app = NULL;
  g_autofree char *baseline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) app_samples = NULL;
  g_autoptr(GArray) baseline_samples = NULL;
  g_autoptr(GArray) empty_samples = NULL;
  g_autofree char *empty_database = NULL;
  int runs = 15;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Use this database", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Launches of each program", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *self_dir = NULL;
  double ratio;

  /* The figures print "×" and "≤": in the user's character set, not C's. */
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  self_dir = g_path_get_dirname (argv[0]);
  app = g_build_filename (self_dir, "..", "src", "commissioning", NULL);
  baseline = g_build_filename (self_dir, "cm-minimal-app", NULL);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    {
      g_autofree char *schemas = g_build_filename (self_dir, "..", "data", NULL);
      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }

  folder = g_dir_make_tmp ("cm-bench-startup-XXXXXX", &error);
  if (database == NULL)
    {
      g_autoptr(CmStore) store = NULL;
      CmBenchSize size;

      database = g_build_filename (folder, "bench.db", NULL);
      store = cm_store_open (database, &error);
      cm_bench_size_init_default (&size);
      g_print ("Generating %u contributions…\n", size.contributions);
      if (store == NULL || !cm_bench_generate (store, &size, 1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  empty_database = g_build_filename (folder, "empty.db", NULL);

  {
    const char *app_argv[] = { app, "--database", database, NULL };
    const char *empty_argv[] = { app, "--database", empty_database, NULL };
    const char *baseline_argv[] = { baseline, NULL };

    const char * const *argvs[] = { baseline_argv, app_argv, empty_argv };
    const char *expected[] = { NULL, "cycle", "empty" };
    GArray *warm[3] = { NULL }, *samples[3] = { NULL };
    gboolean ok;

    /* Warm the file cache and the font cache once for each. */
    ok = measure_in_turns (argvs, expected, warm, 3, 1, &error) &&
         measure_in_turns (argvs, expected, samples, 3, runs, &error);
    for (guint p = 0; p < 3; p++)
      g_clear_pointer (&warm[p], g_array_unref);
    baseline_samples = samples[0];
    app_samples = samples[1];
    empty_samples = samples[2];

    if (!ok)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }

  g_print ("\nexec to first frame (ms)                        runs       p50       p90       max\n");
  report ("baseline: minimal AdwApplication", baseline_samples);
  report ("Commissioning Cycle, empty database", empty_samples);
  report ("Commissioning Cycle, 100,000 contributions", app_samples);
  ratio = percentile (app_samples, 0.5) / percentile (baseline_samples, 0.5);
  g_print ("\nratio to the minimal app (p50): %.2f×   target ≤ 1.5×: %s\n", ratio,
           ratio <= 1.5 ? "met" : "MISSED");

  g_unlink (empty_database);
  return 0;
}
