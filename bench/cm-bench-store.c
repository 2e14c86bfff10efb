/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-bench-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include "cm-bench-generate.h"
#include "cm-store-search.h"

/* Measures the store at the size of issue 2 (100,000 contributions) and
 * prints percentiles. A developer tool: its output is not translated.
 *
 * SQLite is used directly only for the baselines, which show what the
 * disk and SQLite alone cost on this machine in the same run, so that the
 * store's figures can be judged against them. */

#define TARGET_COMMIT_P99_MS 2.0
#define TARGET_SEARCH_P99_MS 20.0
#define SEARCH_LIMIT         50

typedef struct
{
  char    *database;
  char    *seed_text;
  char    *contributions_text;
  int      open_samples;
  int      load_samples;
  int      reopen_samples;
  int      search_samples;
  int      commit_samples;
  gboolean keep;
} Options;

/* How a query was made: see make_queries(). */
typedef enum
{
  QUERY_WORD,
  QUERY_RARE_WORD,
  QUERY_TWO_WORDS,
  QUERY_PREFIX,
  N_QUERY_KINDS
} QueryKind;

static const char * const query_kind_names[N_QUERY_KINDS] = {
  "a word as it occurs",
  "a rarer word from the vocabulary",
  "two neighbouring words",
  "a word still being typed (2+ letters)",
};

typedef struct
{
  char      *text;
  QueryKind  kind;
  gint64     cycle_id;  /* the cycle searched when searching one */
} SearchQuery;

typedef struct
{
  const SearchQuery *query;
  double             ms;
  guint              n_results;
} SearchSample;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The processor time this thread has used, in ms: unlike the clock, it
 * leaves out waiting for the disk and for other processes. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;

  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static int
compare_int64s (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of sorted samples. */
static double
percentile (GArray *sorted,
            double  p)
{
  guint rank = (guint) ceil (p / 100.0 * sorted->len);

  return g_array_index (sorted, double, CLAMP (rank, 1, sorted->len) - 1);
}

static void
print_header (void)
{
  g_print ("\n%-58s %6s %9s %9s %9s %9s\n", "", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
}

/* Prints one line of figures and, when there is a target for p99, whether
 * it was met. Sorts the samples. */
static void
print_figures (const char *label,
               GArray     *samples,
               double      target_p99)
{
  double p99;

  if (samples->len == 0)
    {
      g_print ("%-58s no samples\n", label);
      return;
    }

  g_array_sort (samples, compare_doubles);
  p99 = percentile (samples, 99);
  g_print ("%-58s %6u %9.3f %9.3f %9.3f %9.3f", label, samples->len, percentile (samples, 50),
           percentile (samples, 95), p99, g_array_index (samples, double, samples->len - 1));
  if (target_p99 > 0)
    g_print ("   target p99 < %g ms: %s", target_p99, p99 < target_p99 ? "met" : "MISSED");
  g_print ("\n");
}

static char *
filesystem_type (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE, NULL, NULL);
  if (info == NULL)
    return g_strdup ("an unknown file system");

  return g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_FILESYSTEM_TYPE));
}

/* Other work on the machine shows up in the tail of every figure. */
static void
print_load (const char *when)
{
  double load;

  if (getloadavg (&load, 1) == 1)
    g_print ("Load average %s: %.2f on %u processors\n", when, load, g_get_num_processors ());
}

static gint64
file_size (const char *path)
{
  GStatBuf info;

  return g_stat (path, &info) == 0 ? (gint64) info.st_size : 0;
}

/* Generation ------------------------------------------------------------- */

static void
size_for_contributions (CmBenchSize *size,
                        guint        contributions)
{
  CmBenchSize standard;
  double factor;

  cm_bench_size_init_default (&standard);
  factor = (double) contributions / standard.contributions;

  size->cycles = MAX (1, (guint) round (standard.cycles * factor));
  size->specs = MAX (1, (guint) round (standard.specs * factor));
  size->workshops = MAX (1, (guint) round (standard.workshops * factor));
  size->participants = MAX (1, (guint) round (standard.participants * factor));
  size->contributions = contributions;
}

static gboolean
generate (const char         *path,
          const CmBenchSize  *size,
          guint32             seed,
          GError            **error)
{
  g_autoptr(CmStore) store = NULL;
  gint64 start = g_get_monotonic_time ();

  g_print ("Generating %u cycles, %u specifications, %u workshops, %u contributions and "
           "%u participants (seed %u)...\n", size->cycles, size->specs, size->workshops,
           size->contributions, size->participants, seed);

  store = cm_store_open (path, error);
  if (store == NULL || !cm_bench_generate (store, size, seed, error))
    return FALSE;
  g_clear_object (&store);

  g_print ("Generated in %.1f s\n", ms_since (start) / 1000.0);
  return TRUE;
}

/* Opening ---------------------------------------------------------------- */

static gboolean
bench_open (const char  *path,
            int          n_samples,
            GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < n_samples; i++)
    {
      g_autoptr(CmStore) store = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      store = cm_store_open (path, error);
      ms = ms_since (start);
      if (store == NULL)
        return FALSE;

      g_array_append_val (samples, ms);
    }

  print_figures ("open the store (file in the OS cache)", samples, 0);
  return TRUE;
}

/* Loading a workshop ----------------------------------------------------- */

/* Loads a workshop's contributions and drops them again. The store keeps
 * only weak references to the objects it hands out, so once the list is
 * gone its objects are finalised and the next load builds every object
 * afresh; *cold is cleared if that did not happen. */
static gboolean
load_once (CmStore   *store,
           gint64     workshop_id,
           gint64     expected,
           double    *ms,
           gboolean  *cold,
           GError   **error)
{
  g_autoptr(GListModel) list = NULL;
  gpointer first = NULL;
  gint64 start = g_get_monotonic_time ();

  list = cm_store_list_contributions (store, workshop_id, error);
  *ms = ms_since (start);
  if (list == NULL)
    return FALSE;

  if (g_list_model_get_n_items (list) != expected)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Workshop %" G_GINT64_FORMAT " listed %u contributions, not %" G_GINT64_FORMAT,
                   workshop_id, g_list_model_get_n_items (list), expected);
      return FALSE;
    }

  if (expected > 0)
    {
      first = g_list_model_get_item (list, 0);
      g_object_add_weak_pointer (first, &first);
      g_object_unref (first);
    }

  g_clear_object (&list);

  if (first != NULL)
    {
      *cold = FALSE;
      g_object_remove_weak_pointer (first, &first);
    }

  return TRUE;
}

static gboolean
bench_load (const char     *path,
            CmStore        *store,
            GArray         *workshops,
            const Options  *options,
            GError        **error)
{
  const CmBenchWorkshop *biggest = &g_array_index (workshops, CmBenchWorkshop, 0);
  g_autoptr(GArray) same = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reopened = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) typical = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) per_row = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *label = NULL;
  gboolean cold = TRUE;
  guint median = workshops->len / 2;
  guint first_typical;
  guint n_typical;
  double ms;

  /* Once to warm SQLite's page cache, as an app that has been used would
   * have it; then the measured samples. */
  if (!load_once (store, biggest->workshop_id, biggest->n_contributions, &ms, &cold, error))
    return FALSE;

  for (int i = 0; i < options->load_samples; i++)
    {
      double row_us;

      if (!load_once (store, biggest->workshop_id, biggest->n_contributions, &ms, &cold, error))
        return FALSE;
      g_array_append_val (same, ms);
      row_us = ms * 1000.0 / MAX (biggest->n_contributions, 1);
      g_array_append_val (per_row, row_us);
    }

  /* A freshly opened store: new connection, empty SQLite cache, no
   * objects; the file itself is in the OS cache. */
  for (int i = 0; i < options->reopen_samples; i++)
    {
      g_autoptr(CmStore) fresh = cm_store_open (path, error);

      if (fresh == NULL ||
          !load_once (fresh, biggest->workshop_id, biggest->n_contributions, &ms, &cold, error))
        return FALSE;
      g_array_append_val (reopened, ms);
    }

  /* Workshops of ordinary size, each a different one. */
  n_typical = MIN (200, workshops->len);
  first_typical = median >= n_typical / 2 ? median - n_typical / 2 : 0;
  for (guint i = first_typical; i < first_typical + n_typical && i < workshops->len; i++)
    {
      const CmBenchWorkshop *workshop = &g_array_index (workshops, CmBenchWorkshop, i);

      if (!load_once (store, workshop->workshop_id, workshop->n_contributions, &ms, &cold,
                      error))
        return FALSE;
      g_array_append_val (typical, ms);
    }

  label = g_strdup_printf ("load biggest workshop (%" G_GINT64_FORMAT " contributions)",
                           biggest->n_contributions);
  print_figures (label, same, 0);
  g_clear_pointer (&label, g_free);
  g_array_sort (per_row, compare_doubles);
  g_print ("%-58s %6s %9.2f us per contribution (p50)\n", "  of which per contribution", "",
           percentile (per_row, 50));

  print_figures ("load biggest workshop, store reopened before each", reopened, 0);

  label = g_strdup_printf ("load a typical workshop (median %" G_GINT64_FORMAT
                           " contributions)",
                           g_array_index (workshops, CmBenchWorkshop, median).n_contributions);
  print_figures (label, typical, 0);

  if (!cold)
    g_print ("WARNING: some loads found their objects still alive; those figures are for warm "
             "objects\n");

  return TRUE;
}

/* Searching -------------------------------------------------------------- */

static const char * const stop_words[] = {
  "the", "and", "for", "that", "with", "not", "are", "was", "but", "this", "will", "from",
  "they", "their", "have", "has", "its", "our", "who", "can", "all", "there", "when", "each",
  "than", "been", "into", "any", "one", "more", "such", "what", "does", "did", "about",
};

/* Splits text into lower-case words of three letters or more that are not
 * stop words, appended to words. */
static void
split_words (const char *text,
             GPtrArray  *words)
{
  const char *word = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean in_word = c != 0 && g_unichar_isalnum (c);

      if (in_word && word == NULL)
        word = p;
      else if (!in_word && word != NULL)
        {
          g_autofree char *lower = g_utf8_strdown (word, p - word);

          if (g_utf8_strlen (lower, -1) >= 3 &&
              !g_strv_contains ((const char * const *) stop_words, lower))
            g_ptr_array_add (words, g_steal_pointer (&lower));
          word = NULL;
        }

      if (c == 0)
        break;
    }
}

static gboolean
collect_text (CmStore     *store,
              GArray      *workshops,
              GPtrArray   *texts,
              GError     **error)
{
  g_autoptr(GListModel) cycles = NULL;
  guint step = MAX (1, workshops->len / 40);

  /* Contributions from forty workshops spread over the size range… */
  for (guint i = 0; i < workshops->len; i += step)
    {
      const CmBenchWorkshop *workshop = &g_array_index (workshops, CmBenchWorkshop, i);
      g_autoptr(GListModel) list = cm_store_list_contributions (store, workshop->workshop_id,
                                                                error);

      if (list == NULL)
        return FALSE;
      for (guint j = 0; j < g_list_model_get_n_items (list); j += 7)
        {
          g_autoptr(CmContribution) contribution = g_list_model_get_item (list, j);
          g_ptr_array_add (texts, g_strdup (cm_contribution_get_text (contribution)));
        }
    }

  /* …and the sections of one specification in each of a few cycles. */
  cycles = cm_store_list_cycles (store, error);
  if (cycles == NULL)
    return FALSE;

  for (guint c = 0; c < g_list_model_get_n_items (cycles); c += 5)
    {
      g_autoptr(CmCycle) cycle = g_list_model_get_item (cycles, c);
      g_autoptr(GListModel) specs = cm_store_list_specs (store, cm_cycle_get_id (cycle), error);
      g_autoptr(CmServiceSpec) spec = NULL;
      g_autoptr(GListModel) sections = NULL;

      if (specs == NULL)
        return FALSE;
      if (g_list_model_get_n_items (specs) == 0)
        continue;

      spec = g_list_model_get_item (specs, 0);
      sections = cm_store_list_sections (store, cm_service_spec_get_id (spec), error);
      if (sections == NULL)
        return FALSE;

      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(CmSpecSection) section = g_list_model_get_item (sections, s);
          g_ptr_array_add (texts, g_strdup (cm_spec_section_get_body (section)));
        }
    }

  return TRUE;
}

static void
search_query_clear (gpointer data)
{
  SearchQuery *query = data;

  g_free (query->text);
}

/* Queries of one or two words, as people type them: a word picked where it
 * occurs (so common words come up often), a rarer word picked from the
 * vocabulary, two neighbouring words, or the first letters of a word while
 * it is still being typed, from two letters (the shortest prefix searched
 * as one) to the whole word less one. Each also names a cycle, picked at
 * random, for the searches within one cycle. */
static GArray *
make_queries (GPtrArray *texts,
              GArray    *cycle_ids,
              guint      n_queries,
              guint32    seed)
{
  g_autoptr(GArray) queries = g_array_new (FALSE, FALSE, sizeof (SearchQuery));
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) vocabulary = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRand) dice = g_rand_new_with_seed (seed ^ 0x5eed);

  g_array_set_clear_func (queries, search_query_clear);

  for (guint i = 0; i < texts->len; i++)
    split_words (g_ptr_array_index (texts, i), tokens);

  for (guint i = 0; i < tokens->len; i++)
    {
      char *token = g_ptr_array_index (tokens, i);

      if (g_hash_table_add (seen, token))
        g_ptr_array_add (vocabulary, token);
    }

  if (tokens->len < 2 || cycle_ids->len == 0)
    return g_steal_pointer (&queries);

  for (guint i = 0; i < n_queries; i++)
    {
      guint kind = (guint) g_rand_int_range (dice, 0, 100);
      guint at = (guint) g_rand_int_range (dice, 0, (gint32) tokens->len - 1);
      guint other = (guint) g_rand_int_range (dice, 0, (gint32) vocabulary->len);
      guint cycle = (guint) g_rand_int_range (dice, 0, (gint32) cycle_ids->len);
      const char *token = g_ptr_array_index (tokens, at);
      const char *next = g_ptr_array_index (tokens, at + 1);
      SearchQuery query = { .cycle_id = g_array_index (cycle_ids, gint64, cycle) };

      if (kind < 35)
        {
          query.kind = QUERY_WORD;
          query.text = g_strdup (token);
        }
      else if (kind < 60)
        {
          query.kind = QUERY_RARE_WORD;
          query.text = g_strdup (g_ptr_array_index (vocabulary, other));
        }
      else if (kind < 85)
        {
          query.kind = QUERY_TWO_WORDS;
          query.text = g_strdup_printf ("%s %s", token, next);
        }
      else
        {
          glong length = g_utf8_strlen (token, -1);
          glong keep = length > 2 ? g_rand_int_range (dice, 2, (gint32) length) : length;

          query.kind = QUERY_PREFIX;
          query.text = g_utf8_substring (token, 0, keep);
        }

      g_array_append_val (queries, query);
    }

  return g_steal_pointer (&queries);
}

static int
compare_search_samples (gconstpointer a,
                        gconstpointer b)
{
  const SearchSample *x = a;
  const SearchSample *y = b;

  return x->ms > y->ms ? -1 : x->ms < y->ms;
}

/* Runs every query through cm_store_search(), over every cycle or within
 * each query's own cycle, and prints the figures overall and by kind of
 * query, and the slowest queries. */
static gboolean
run_searches (CmStore     *store,
              GArray      *queries,
              gboolean     in_cycle,
              GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) details = g_array_new (FALSE, FALSE, sizeof (SearchSample));
  GArray *by_kind[N_QUERY_KINDS];
  g_autofree char *label = NULL;
  guint64 total_results = 0;
  guint n_empty = 0;

  for (guint k = 0; k < N_QUERY_KINDS; k++)
    by_kind[k] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < queries->len; i++)
    {
      const SearchQuery *query = &g_array_index (queries, SearchQuery, i);
      g_autoptr(GListModel) results = NULL;
      SearchSample sample = { .query = query };
      double cpu_start = thread_cpu_ms ();
      gint64 start = g_get_monotonic_time ();
      double cpu_ms;

      results = cm_store_search (store, query->text, in_cycle ? query->cycle_id : 0,
                                 SEARCH_LIMIT, error);
      sample.ms = ms_since (start);
      cpu_ms = thread_cpu_ms () - cpu_start;
      if (results == NULL)
        {
          for (guint k = 0; k < N_QUERY_KINDS; k++)
            g_array_unref (by_kind[k]);
          return FALSE;
        }

      sample.n_results = g_list_model_get_n_items (results);
      total_results += sample.n_results;
      if (sample.n_results == 0)
        n_empty++;
      g_array_append_val (samples, sample.ms);
      g_array_append_val (cpu_samples, cpu_ms);
      g_array_append_val (by_kind[query->kind], sample.ms);
      g_array_append_val (details, sample);
    }

  label = g_strdup_printf ("full-text search, %s (limit %d)",
                           in_cycle ? "within one cycle" : "every cycle", SEARCH_LIMIT);
  print_figures (label, samples, TARGET_SEARCH_P99_MS);
  print_figures ("  the same, processor time only (no waiting)", cpu_samples, 0);
  for (guint k = 0; k < N_QUERY_KINDS; k++)
    {
      g_autofree char *kind_label = g_strdup_printf ("  %s", query_kind_names[k]);

      print_figures (kind_label, by_kind[k], 0);
      g_array_unref (by_kind[k]);
    }

  if (queries->len > 0)
    g_print ("  %.1f results on average, %u queries found nothing; slowest queries:\n",
             (double) total_results / queries->len, n_empty);

  g_array_sort (details, compare_search_samples);
  for (guint i = 0; i < MIN (5, details->len); i++)
    {
      const SearchSample *sample = &g_array_index (details, SearchSample, i);
      g_autofree char *where = NULL;

      if (in_cycle)
        where = g_strdup_printf ("  in cycle %" G_GINT64_FORMAT, sample->query->cycle_id);
      g_print ("    %8.3f ms  %3u results  \"%s\" (%s)%s\n", sample->ms, sample->n_results,
               sample->query->text, query_kind_names[sample->query->kind],
               where ? where : "");
    }

  return TRUE;
}

/* Bare SQLite on the same file: the newest contributions that match, as
 * FTS5 finds them alone, with no snippets, no other kinds and no check of
 * the cycle or the trash; what the index costs before the store adds
 * anything to a search. */
static gboolean
search_baseline (const char  *path,
                 GArray      *queries,
                 GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT rowid FROM contribution_fts"
                                 " WHERE contribution_fts MATCH ?1"
                                 " ORDER BY rowid DESC LIMIT ?2", -1, &stmt, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < queries->len; i++)
    {
      const SearchQuery *query = &g_array_index (queries, SearchQuery, i);
      g_autofree char *match = cm_store_search_query_from_text (query->text);
      gint64 start;
      double ms;

      if (match == NULL)
        continue;

      start = g_get_monotonic_time ();
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, SEARCH_LIMIT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      sqlite3_reset (stmt);
      ms = ms_since (start);

      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      g_array_append_val (samples, ms);
    }

  if (rc != SQLITE_OK)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Search baseline: %s",
                 sqlite3_errmsg (db));

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (rc != SQLITE_OK)
    return FALSE;

  print_figures ("baseline: bare FTS5 match, newest contributions only", samples, 0);
  return TRUE;
}

static gboolean
bench_search (const char     *path,
              CmStore        *store,
              GArray         *workshops,
              const Options  *options,
              guint32         seed,
              GError        **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) cycle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen_cycles = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) queries = NULL;
  g_autoptr(GListModel) warm_up = NULL;
  guint counts[N_QUERY_KINDS] = { 0 };

  if (!collect_text (store, workshops, texts, error))
    return FALSE;

  for (guint i = 0; i < workshops->len; i++)
    {
      gint64 *cycle_id = &g_array_index (workshops, CmBenchWorkshop, i).cycle_id;

      if (g_hash_table_add (seen_cycles, cycle_id))
        g_array_append_val (cycle_ids, *cycle_id);
    }
  g_array_sort (cycle_ids, compare_int64s);

  queries = make_queries (texts, cycle_ids, (guint) options->search_samples, seed);

  g_print ("\n%u queries over %u cycles:", queries->len, cycle_ids->len);
  for (guint i = 0; i < queries->len; i++)
    counts[g_array_index (queries, SearchQuery, i).kind]++;
  for (guint k = 0; k < N_QUERY_KINDS; k++)
    g_print ("%s %u %s", k > 0 ? "," : "", counts[k], query_kind_names[k]);
  g_print ("\n");

  /* One search of each shape first, so that preparing the statements is
   * not measured. */
  warm_up = cm_store_search (store, "advocacy", 0, SEARCH_LIMIT, error);
  if (warm_up == NULL)
    return FALSE;
  g_clear_object (&warm_up);
  warm_up = cm_store_search (store, "advocacy", g_array_index (cycle_ids, gint64, 0),
                             SEARCH_LIMIT, error);
  if (warm_up == NULL)
    return FALSE;

  print_header ();
  return run_searches (store, queries, FALSE, error) &&
         run_searches (store, queries, TRUE, error) &&
         search_baseline (path, queries, error);
}

/* Committing ------------------------------------------------------------- */

static const char * const typed[] = {
  "I wasn't told I could have an advocate until after my assessment",
  "The waiting list for IMHA on the wards is far too long",
  "Could advocates come to the carers' centre once a month?",
  "Easy Read letters before every meeting, please",
  "Nobody explained what the advocate was for",
};

/* Each contribution is added on its own, with no transaction around it,
 * exactly as the capture view commits one when Enter is pressed; the
 * workshop's list is open, as it is on screen while capturing. */
static gboolean
bench_commit (CmStore        *store,
              gint64          workshop_id,
              const Options  *options,
              GPtrArray      *added,
              GError        **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_auto(GStrv) themes = g_strsplit ("access waiting-times", " ", -1);

  list = cm_store_list_contributions (store, workshop_id, error);
  if (list == NULL)
    return FALSE;

  for (int i = 0; i < options->commit_samples; i++)
    {
      g_autoptr(CmContribution) contribution = cm_contribution_new ();
      g_autoptr(GDateTime) now = g_date_time_new_now (utc);
      g_autofree char *text = g_strdup_printf ("%s (%d)", typed[i % G_N_ELEMENTS (typed)], i);
      gint64 start;
      double cpu_start;
      double ms;
      double cpu_ms;

      cm_contribution_set_workshop_id (contribution, workshop_id);
      cm_contribution_set_text (contribution, text);
      cm_contribution_set_kind (contribution, (CmContributionKind) (i % 5));
      cm_contribution_set_themes (contribution, (const char * const *) themes);
      cm_contribution_set_captured_at (contribution, now);

      cpu_start = thread_cpu_ms ();
      start = g_get_monotonic_time ();
      if (!cm_store_add_contribution (store, contribution, error))
        return FALSE;
      ms = ms_since (start);
      cpu_ms = thread_cpu_ms () - cpu_start;

      g_array_append_val (samples, ms);
      g_array_append_val (cpu_samples, cpu_ms);
      g_ptr_array_add (added, g_steal_pointer (&contribution));
    }

  print_figures ("commit one contribution (own transaction, list open)", samples,
                 TARGET_COMMIT_P99_MS);
  print_figures ("  the same, processor time only (no waiting)", cpu_samples, 0);
  return TRUE;
}

/* Bare SQLite on the same disk, with the pragmas the store uses: what one
 * autocommitted INSERT costs before the store adds anything. */
static gboolean
bench_baseline (const char     *folder,
                const char     *label,
                const char     *create,
                const Options  *options,
                GError        **error)
{
  g_autofree char *path = g_build_filename (folder, "cm-bench-baseline.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;
  int rc;

  g_unlink (path);
  rc = sqlite3_open (path, &db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                           "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON",
                       NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, create, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO t (x) VALUES (?1)", -1, &insert, NULL);

  for (int i = 0; rc == SQLITE_OK && i < options->commit_samples; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s (%d)", typed[i % G_N_ELEMENTS (typed)], i);
      gint64 start = g_get_monotonic_time ();
      double ms;

      sqlite3_bind_text (insert, 1, text, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      ms = ms_since (start);

      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      g_array_append_val (samples, ms);
    }

  if (rc != SQLITE_OK)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Baseline: %s", sqlite3_errmsg (db));

  sqlite3_finalize (insert);
  sqlite3_close (db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);

  if (rc != SQLITE_OK)
    return FALSE;

  print_figures (label, samples, 0);
  return TRUE;
}

/* Takes the benchmark's own contributions out of a database that was
 * given with --database, so that running again measures the same thing. */
static gboolean
remove_added (CmStore    *store,
              GPtrArray  *added,
              GError    **error)
{
  if (added->len == 0)
    return TRUE;

  if (!cm_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < added->len; i++)
    {
      if (!cm_store_trash (store, g_ptr_array_index (added, i), error))
        {
          cm_store_rollback (store);
          return FALSE;
        }
    }

  return cm_store_commit (store, error) && cm_store_empty_trash (store, error);
}

/* Main ------------------------------------------------------------------- */

/* Measures the database at path, which exists. */
static gboolean
measure (const char     *path,
         const char     *folder,
         const Options  *options,
         guint32         seed,
         GError        **error)
{
  g_autofree char *fs = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GArray) workshops = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 total = 0;
  gboolean ok;

  store = cm_store_open (path, error);
  if (store == NULL)
    return FALSE;
  workshops = cm_bench_list_workshops_by_size (store, error);
  if (workshops == NULL)
    return FALSE;
  for (guint i = 0; i < workshops->len; i++)
    total += g_array_index (workshops, CmBenchWorkshop, i).n_contributions;
  g_clear_object (&store);

  fs = filesystem_type (folder);
  g_print ("Database %s: %.1f MB on %s, %" G_GINT64_FORMAT " contributions in %u workshops\n",
           path, file_size (path) / 1e6, fs, total, workshops->len);
  if (total == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "The database has no contributions to measure");
      return FALSE;
    }

  print_load ("before");

  /* Opening is measured with no other connection, as when the app starts. */
  print_header ();
  if (!bench_open (path, options->open_samples, error))
    return FALSE;

  store = cm_store_open (path, error);
  if (store == NULL)
    return FALSE;

  ok = bench_load (path, store, workshops, options, error) &&
       bench_search (path, store, workshops, options, seed, error);
  if (ok)
    print_header ();
  ok = ok &&
       bench_commit (store, g_array_index (workshops, CmBenchWorkshop, 0).workshop_id,
                     options, added, error) &&
       bench_baseline (folder, "baseline: bare INSERT, one-column table",
                       "CREATE TABLE t (x TEXT)", options, error) &&
       bench_baseline (folder, "baseline: bare INSERT, one-column FTS5 table",
                       "CREATE VIRTUAL TABLE t USING fts5 (x)", options, error);

  if (ok)
    {
      g_print ("\nTargets (issue 2): commit p99 < %g ms, search p99 < %g ms.\n",
               TARGET_COMMIT_P99_MS, TARGET_SEARCH_P99_MS);
      print_load ("after");
    }

  /* Leave a database that was given to us as it was found. */
  return remove_added (store, added, ok ? error : NULL) && ok;
}

static gboolean
run (const Options  *options,
     GError        **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  CmBenchSize size;
  guint64 seed = 1;
  guint64 contributions = 100000;
  gboolean temporary = options->database == NULL;
  gboolean ok = TRUE;

  if (options->seed_text != NULL &&
      !g_ascii_string_to_unsigned (options->seed_text, 10, 0, G_MAXUINT32, &seed, error))
    return FALSE;
  if (options->contributions_text != NULL &&
      !g_ascii_string_to_unsigned (options->contributions_text, 10, 1, G_MAXUINT32,
                                   &contributions, error))
    return FALSE;

  if (temporary)
    {
      folder = g_dir_make_tmp ("cm-bench-store-XXXXXX", error);
      if (folder == NULL)
        return FALSE;
      path = g_build_filename (folder, "bench.db", NULL);
    }
  else
    {
      path = g_strdup (options->database);
      folder = g_path_get_dirname (path);
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      size_for_contributions (&size, (guint) contributions);
      ok = generate (path, &size, (guint32) seed, error);
    }

  ok = ok && measure (path, folder, options, (guint32) seed, error);

  if (temporary && !options->keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (folder);
    }
  else if (temporary)
    g_print ("Kept %s\n", path);

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Options options = {
    .open_samples = 20,
    .load_samples = 50,
    .reopen_samples = 10,
    .search_samples = 500,
    .commit_samples = 2000,
  };
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options.database,
      "Measure this database, generating it first if it does not exist "
      "(default: a new one in a temporary folder)", "PATH" },
    { "contributions", 0, 0, G_OPTION_ARG_STRING, &options.contributions_text,
      "Size of a generated database, in contributions; the rest scales with it [100000]", "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &options.seed_text, "Random seed [1]", "S" },
    { "commit-samples", 0, 0, G_OPTION_ARG_INT, &options.commit_samples,
      "Contributions to commit [2000]", "N" },
    { "search-samples", 0, 0, G_OPTION_ARG_INT, &options.search_samples,
      "Searches to run [500]", "N" },
    { "load-samples", 0, 0, G_OPTION_ARG_INT, &options.load_samples,
      "Loads of the biggest workshop [50]", "N" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &options.keep,
      "Keep the generated temporary database", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- measure the store at 100,000 contributions");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || !run (&options, &error))
    {
      g_printerr ("cm-bench-store: %s\n", error->message);
      g_free (options.database);
      g_free (options.seed_text);
      g_free (options.contributions_text);
      return EXIT_FAILURE;
    }

  g_free (options.database);
  g_free (options.seed_text);
  g_free (options.contributions_text);
  return EXIT_SUCCESS;
}
