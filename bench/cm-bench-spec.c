/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-bench-spec"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "cm-spec-editor.h"
#include "cm-specs-page.h"
#include "cm-store-specs.h"

/* The specification editor at the size of issue 4, in a real window:
 *
 * - opening a specification of 20 sections of 5,000 words each: the time
 *   from choosing it in the Specifications page to the end of the first
 *   frame painted after (the frame clock's after-paint), against opening an
 *   empty specification, and a single 50,000-word section;
 * - typing: a character inserted at the cursor, timed from the moment the
 *   key was due to the end of the next painted frame, at a steady 14 keys a
 *   second, so that the saves made while typing (every pause, and at least
 *   every two seconds) land in the figures as a person would feel them;
 *   against a section of one sentence;
 * - saving one long section, which typing pays for now and then.
 *
 * Run under a display, with either renderer:
 *
 *   xvfb-run -a build/bench/cm-bench-spec
 *   GSK_RENDERER=cairo xvfb-run -a build/bench/cm-bench-spec
 *
 * A developer tool: its output is not translated. */

#define OPEN_SAMPLES     40
#define TYPE_SAMPLES     200
#define SAVE_SAMPLES     20
#define KEY_INTERVAL_MS  70
#define TARGET_OPEN_MS   100.0
#define TARGET_FRAME_MS  16.7

typedef struct
{
  GtkWidget   *window;
  CmSpecsPage *page;
  gboolean     painted;
  gint64       painted_at;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank. */
static double
percentile (GArray *samples,
            double  p)
{
  guint rank;

  g_array_sort (samples, compare_doubles);
  rank = (guint) ceil (p / 100.0 * samples->len);
  return g_array_index (samples, double, CLAMP (rank, 1, samples->len) - 1);
}

static void
report (const char *label,
        GArray     *samples,
        double      target)
{
  double p99 = percentile (samples, 99);

  g_print ("%-56s %5u %9.2f %9.2f %9.2f", label, samples->len, percentile (samples, 50), p99,
           percentile (samples, 100));
  if (target > 0)
    g_print ("   target p99 < %.0f ms: %s", target, p99 < target ? "met" : "NOT MET");
  g_print ("\n");
}

/* Text ------------------------------------------------------------------------ */

static const char * const words[] = {
  "advocacy", "advocate", "person", "people", "care", "support", "plan", "review",
  "assessment", "carer", "the", "the", "the", "and", "and", "of", "to", "to", "in", "for",
  "with", "their", "who", "will", "must", "provider", "council", "service", "services",
  "independent", "statutory", "duty", "Care", "Act", "IMCA", "IMHA", "safeguarding",
  "decisions", "involved", "wishes", "feelings", "rights", "appropriate", "individual",
  "substantial", "difficulty", "referral", "within", "working", "days", "outcomes",
  "quality", "standards", "training", "supervision", "monitoring", "quarterly", "report",
  "accessible", "easy", "read", "information", "communication", "needs", "mental",
  "capacity", "health", "hospital", "discharge", "community", "local", "area",
};

/* Paragraphs of sentences of 8 to 22 words, as a specification reads. */
static char *
make_text (GRand *rand,
           guint  n_words)
{
  GString *text = g_string_new (NULL);
  guint in_sentence = 0, sentence_length = 12, in_paragraph = 0;

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (in_sentence == 0)
        {
          g_string_append_unichar (text, g_unichar_toupper (g_utf8_get_char (word)));
          g_string_append (text, g_utf8_next_char (word));
          sentence_length = (guint) g_rand_int_range (rand, 8, 23);
        }
      else
        g_string_append (text, word);

      if (++in_sentence < sentence_length)
        {
          g_string_append (text, g_rand_int_range (rand, 0, 15) == 0 ? ", " : " ");
          continue;
        }

      in_sentence = 0;
      if (++in_paragraph >= (guint) g_rand_int_range (rand, 4, 9))
        {
          in_paragraph = 0;
          g_string_append (text, ".\n\n");
        }
      else
        g_string_append (text, ". ");
    }

  return g_string_free (text, FALSE);
}

static CmServiceSpec *
add_spec (CmStore    *store,
          CmCycle    *cycle,
          const char *title,
          guint       n_sections,
          guint       n_words,
          GRand      *rand)
{
  g_autoptr(GError) error = NULL;
  CmServiceSpec *spec = cm_service_spec_new ();

  cm_service_spec_set_cycle_id (spec, cm_cycle_get_id (cycle));
  cm_service_spec_set_title (spec, title);
  if (!cm_store_add_spec (store, spec, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(CmSpecSection) section = cm_spec_section_new ();
      g_autofree char *section_title = g_strdup_printf ("Section %u", i + 1);
      g_autofree char *body = n_words > 0 ? make_text (rand, n_words)
                                          : g_strdup ("One sentence to edit.");

      cm_spec_section_set_spec_id (section, cm_service_spec_get_id (spec));
      cm_spec_section_set_title (section, section_title);
      cm_spec_section_set_body (section, body);
      if (!cm_store_add_section (store, section, &error))
        g_error ("%s", error->message);
    }

  return spec;
}

/* Frames ----------------------------------------------------------------------- */

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  if (!bench->painted)
    {
      bench->painted = TRUE;
      bench->painted_at = g_get_monotonic_time ();
    }
}

/* Waits for the end of the next painted frame and returns when it was. */
static gint64
wait_for_paint (Bench *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (bench->window);
  gint64 give_up = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  gulong id;

  bench->painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), bench);
  while (!bench->painted && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);

  if (!bench->painted)
    g_error ("no frame was painted within two seconds");
  return bench->painted_at;
}

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static double
time_open (Bench         *bench,
           CmServiceSpec *spec)
{
  gint64 start = g_get_monotonic_time ();

  cm_specs_page_select_spec (bench->page, spec);
  return (wait_for_paint (bench) - start) / 1000.0;
}

static GArray *
measure_open (Bench         *bench,
              CmServiceSpec *spec,
              CmServiceSpec *other)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < OPEN_SAMPLES; i++)
    {
      double ms;

      cm_specs_page_select_spec (bench->page, other);
      gtk_widget_queue_draw (bench->window);
      wait_for_paint (bench);
      settle (30);

      ms = time_open (bench, spec);
      g_array_append_val (samples, ms);
      settle (30);
    }

  return samples;
}

static gboolean
wake (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Keys at a steady pace, each timed from when it was due: a save that
 * holds up the main loop delays the next key, as it would a person's. */
static GArray *
measure_typing (Bench         *bench,
                CmServiceSpec *spec)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *editor = NULL;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter middle;
  gint64 due;

  cm_specs_page_select_spec (bench->page, spec);
  gtk_widget_queue_draw (bench->window);
  wait_for_paint (bench);

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (bench->page)); w != NULL;)
    {
      if (CM_IS_SPEC_EDITOR (w))
        {
          editor = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert (editor != NULL);

  view = cm_spec_editor_get_text_view (CM_SPEC_EDITOR (editor));
  buffer = gtk_text_view_get_buffer (view);
  gtk_widget_grab_focus (GTK_WIDGET (view));

  /* Type in the middle of the text, with the cursor on screen. */
  gtk_text_buffer_get_iter_at_offset (buffer, &middle,
                                      gtk_text_buffer_get_char_count (buffer) / 2);
  gtk_text_buffer_place_cursor (buffer, &middle);
  gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.5);
  settle (300);

  due = g_get_monotonic_time ();
  for (guint i = 0; i < TYPE_SAMPLES; i++)
    {
      gboolean woken = FALSE;
      double ms;

      due += KEY_INTERVAL_MS * 1000;
      g_timeout_add (MAX (0, (due - g_get_monotonic_time ()) / 1000), wake, &woken);
      while (!woken)
        g_main_context_iteration (NULL, TRUE);

      gtk_text_buffer_insert_at_cursor (buffer, i % 6 == 5 ? " " : "e", 1);
      ms = (wait_for_paint (bench) - due) / 1000.0;
      g_array_append_val (samples, ms);
    }

  cm_specs_page_flush (bench->page);
  return samples;
}

static GArray *
measure_saves (CmStore       *store,
               CmSpecSection *section)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *body = g_strdup (cm_spec_section_get_body (section));

  for (guint i = 0; i < SAVE_SAMPLES; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start;
      double ms;

      body[10] = body[10] == 'x' ? 'y' : 'x';
      cm_spec_section_set_body (section, body);
      start = g_get_monotonic_time ();
      if (!cm_store_save_section (store, section, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }

  return samples;
}

static CmSpecSection *
first_section (CmStore       *store,
               CmServiceSpec *spec)
{
  g_autoptr(GListModel) sections = cm_store_list_sections (store, cm_service_spec_get_id (spec),
                                                          NULL);

  return g_list_model_get_item (sections, 0);
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(CmServiceSpec) big = NULL;
  g_autoptr(CmServiceSpec) empty = NULL;
  g_autoptr(CmServiceSpec) short_one = NULL;
  g_autoptr(CmServiceSpec) longest = NULL;
  g_autoptr(CmSpecSection) long_section = NULL;
  g_autoptr(CmSpecSection) mid_section = NULL;
  GtkWidget *overlay;
  Bench bench = { 0 };
  gint64 start;

  setlocale (LC_ALL, "");
  if (!gtk_init_check ())
    {
      g_printerr ("cm-bench-spec needs a display: run it with xvfb-run -a\n");
      return 77;
    }
  adw_init ();

  folder = g_dir_make_tmp ("cm-bench-spec-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "bench.db", NULL);
  store = cm_store_open (path, &error);
  g_assert_no_error (error);

  cycle = cm_cycle_new ();
  cm_cycle_set_title (cycle, "Benchmark cycle");
  if (!cm_store_add_cycle (store, cycle, NULL, &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  big = add_spec (store, cycle, "20 sections of 5,000 words", 20, 5000, rand);
  longest = add_spec (store, cycle, "One section of 50,000 words", 1, 50000, rand);
  short_one = add_spec (store, cycle, "One sentence", 1, 0, rand);
  empty = add_spec (store, cycle, "Empty", 0, 0, rand);
  g_print ("Generated the specifications in %.0f ms (%s renderer)\n",
           (g_get_monotonic_time () - start) / 1000.0,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  bench.window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1100, 800);
  overlay = adw_toast_overlay_new ();
  bench.page = cm_specs_page_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (bench.page));
  adw_window_set_content (ADW_WINDOW (bench.window), overlay);
  cm_specs_page_set_cycle (bench.page, store, cycle);
  cm_specs_page_select_spec (bench.page, empty);
  gtk_window_present (GTK_WINDOW (bench.window));
  gtk_widget_realize (bench.window);
  gtk_widget_queue_draw (bench.window);
  wait_for_paint (&bench);
  settle (500);

  /* The very first opening pays for building widgets once; say so. */
  g_print ("First opening of the 20-section specification: %.2f ms\n", time_open (&bench, big));
  settle (200);

  g_print ("\n%-56s %5s %9s %9s %9s\n", "", "n", "p50 ms", "p99 ms", "max ms");
  {
    g_autoptr(GArray) open_empty = measure_open (&bench, empty, big);
    g_autoptr(GArray) open_short = measure_open (&bench, short_one, big);
    g_autoptr(GArray) open_big = measure_open (&bench, big, empty);
    g_autoptr(GArray) open_longest = measure_open (&bench, longest, empty);

    report ("open: empty specification (baseline)", open_empty, 0);
    report ("open: one section of one sentence (baseline)", open_short, 0);
    report ("open: 20 sections of 5,000 words", open_big, TARGET_OPEN_MS);
    report ("open: one section of 50,000 words", open_longest, TARGET_OPEN_MS);
  }

  {
    g_autoptr(GArray) type_short = measure_typing (&bench, short_one);
    g_autoptr(GArray) type_big = measure_typing (&bench, big);
    g_autoptr(GArray) type_longest = measure_typing (&bench, longest);

    report ("typing: key to frame, one sentence (baseline)", type_short, 0);
    report ("typing: key to frame, a 5,000-word section", type_big, 0);
    report ("typing: key to frame, a 50,000-word section", type_longest, 0);
  }

  long_section = first_section (store, longest);
  mid_section = first_section (store, big);
  {
    g_autoptr(GArray) save_mid = measure_saves (store, mid_section);
    g_autoptr(GArray) save_long = measure_saves (store, long_section);

    report ("save: one 5,000-word section", save_mid, 0);
    report ("save: one 50,000-word section", save_long, 0);
  }

  g_print ("\nA frame at 60 Hz lasts %.1f ms; key-to-frame figures include waiting for the "
           "frame clock.\n", TARGET_FRAME_MS);

  gtk_window_destroy (GTK_WINDOW (bench.window));
  settle (100);
  g_clear_object (&big);
  g_clear_object (&empty);
  g_clear_object (&short_one);
  g_clear_object (&longest);
  g_clear_object (&long_section);
  g_clear_object (&mid_section);
  g_clear_object (&cycle);
  g_clear_object (&store);
  remove_folder (folder);

  return 0;
}
