/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-generate"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "cm-bench-generate.h"

/* cm-generate: writes a new database full of realistic data, for
 * benchmarks and for trying the app at a real size. A developer tool: its
 * messages are not translated. It never adds to an existing file, so it
 * cannot spoil a real database. */

static gboolean
parse_count (const char  *name,
             const char  *text,
             guint       *count,
             GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--%s needs a whole number, not \"%s\"", name, text);
      return FALSE;
    }

  *count = (guint) value;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *cycles = NULL;
  g_autofree char *specs = NULL;
  g_autofree char *workshops = NULL;
  g_autofree char *contributions = NULL;
  g_autofree char *participants = NULL;
  g_autofree char *seed_text = NULL;
  CmBenchSize size;
  guint seed = 1;
  gint64 started;
  gint64 biggest_count = 0;
  gint64 biggest;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "The new database file to write (required; must not exist yet)", "PATH" },
    { "cycles", 0, 0, G_OPTION_ARG_STRING, &cycles, "Commissioning cycles [50]", "N" },
    { "specs", 0, 0, G_OPTION_ARG_STRING, &specs, "Service specifications [500]", "N" },
    { "workshops", 0, 0, G_OPTION_ARG_STRING, &workshops, "Workshops [2000]", "N" },
    { "contributions", 0, 0, G_OPTION_ARG_STRING, &contributions,
      "Contributions captured in workshops [100000]", "N" },
    { "participants", 0, 0, G_OPTION_ARG_STRING, &participants, "Participants [3000]", "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      "Random seed; the same seed and sizes give the same data [1]", "S" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  cm_bench_size_init_default (&size);

  context = g_option_context_new ("- fill a new Commissioning Cycle database with test data");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      (cycles != NULL && !parse_count ("cycles", cycles, &size.cycles, &error)) ||
      (specs != NULL && !parse_count ("specs", specs, &size.specs, &error)) ||
      (workshops != NULL && !parse_count ("workshops", workshops, &size.workshops, &error)) ||
      (contributions != NULL &&
       !parse_count ("contributions", contributions, &size.contributions, &error)) ||
      (participants != NULL &&
       !parse_count ("participants", participants, &size.participants, &error)) ||
      (seed_text != NULL && !parse_count ("seed", seed_text, &seed, &error)))
    {
      g_printerr ("cm-generate: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (database == NULL)
    {
      g_printerr ("cm-generate: say where to write the database with --database PATH\n");
      return EXIT_FAILURE;
    }

  if (g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_printerr ("cm-generate: %s already exists; choose a new file\n", database);
      return EXIT_FAILURE;
    }

  started = g_get_monotonic_time ();

  store = cm_store_open (database, &error);
  if (store == NULL || !cm_bench_generate (store, &size, seed, &error))
    {
      g_printerr ("cm-generate: %s\n", error->message);
      return EXIT_FAILURE;
    }

  biggest = cm_bench_find_biggest_workshop (store, &biggest_count, &error);
  if (error != NULL)
    {
      g_printerr ("cm-generate: %s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("Wrote %s: %u cycles, %u specifications, %u workshops, %u contributions, "
           "%u participants (seed %u) in %.1f s\n",
           database, size.cycles, size.specs, size.workshops, size.contributions,
           size.participants, seed, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  if (biggest != 0)
    g_print ("The biggest workshop is number %" G_GINT64_FORMAT ", with %" G_GINT64_FORMAT
             " contributions\n", biggest, biggest_count);

  return EXIT_SUCCESS;
}
