/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-spec-compare"

#include "config.h"

#include <string.h>

#include "cm-money.h"
#include "cm-spec-compare.h"

/* The comparison of two versions of a specification: text diffs that give
 * both versions back exactly, mark only what changed, and stay quick on
 * long sections; and sections matched across versions. */

static void
check_spans (GPtrArray  *spans,
             const char *older,
             const char *newer)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      CmDiffSpan *span = g_ptr_array_index (spans, i);

      g_assert_cmpuint (strlen (span->text), >, 0);
      if (i > 0)
        {
          CmDiffSpan *previous = g_ptr_array_index (spans, i - 1);

          g_assert_cmpint (previous->op, !=, span->op);
          /* Old words come before new ones. */
          g_assert_false (previous->op == CM_DIFF_ADDED && span->op == CM_DIFF_REMOVED);
        }

      if (span->op != CM_DIFF_ADDED)
        g_string_append (old_text, span->text);
      if (span->op != CM_DIFF_REMOVED)
        g_string_append (new_text, span->text);
    }

  g_assert_cmpstr (old_text->str, ==, older);
  g_assert_cmpstr (new_text->str, ==, newer);
}

static GPtrArray *
diff_words (const char *older,
            const char *newer)
{
  GPtrArray *spans = cm_diff_words (older, newer);

  check_spans (spans, older, newer);
  return spans;
}

static char *
joined (GPtrArray *spans,
        CmDiffOp   op)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      CmDiffSpan *span = g_ptr_array_index (spans, i);

      if (span->op == op)
        g_string_append_printf (text, "[%s]", span->text);
    }

  return g_string_free (text, FALSE);
}

static void
test_words_basic (void)
{
  g_autoptr(GPtrArray) same = diff_words ("Nothing changes here.", "Nothing changes here.");
  g_autoptr(GPtrArray) empty = diff_words ("", "");
  g_autoptr(GPtrArray) added = diff_words ("", "All new.");
  g_autoptr(GPtrArray) removed = diff_words ("All gone.", "");
  g_autoptr(GPtrArray) changed = NULL;
  g_autofree char *removed_text = NULL;
  g_autofree char *added_text = NULL;

  g_assert_cmpuint (same->len, ==, 1);
  g_assert_cmpint (((CmDiffSpan *) same->pdata[0])->op, ==, CM_DIFF_SAME);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (added->len, ==, 1);
  g_assert_cmpint (((CmDiffSpan *) added->pdata[0])->op, ==, CM_DIFF_ADDED);
  g_assert_cmpuint (removed->len, ==, 1);
  g_assert_cmpint (((CmDiffSpan *) removed->pdata[0])->op, ==, CM_DIFF_REMOVED);

  changed = diff_words ("The service must respond within five days.",
                        "The service must respond within two working days.");
  removed_text = joined (changed, CM_DIFF_REMOVED);
  added_text = joined (changed, CM_DIFF_ADDED);
  g_test_message ("removed %s added %s", removed_text, added_text);
  g_assert_cmpuint (cm_diff_count_words (changed, CM_DIFF_REMOVED), ==, 1);
  g_assert_cmpuint (cm_diff_count_words (changed, CM_DIFF_ADDED), ==, 2);
  g_assert_nonnull (strstr (removed_text, "five"));
  g_assert_null (strstr (removed_text, "days"));
  g_assert_nonnull (strstr (added_text, "two working"));
  g_assert_cmpint (((CmDiffSpan *) changed->pdata[0])->op, ==, CM_DIFF_SAME);
  g_assert_true (g_str_has_prefix (((CmDiffSpan *) changed->pdata[0])->text,
                                   "The service must respond within"));
  g_assert_cmpint (((CmDiffSpan *) changed->pdata[changed->len - 1])->op, ==, CM_DIFF_SAME);
  g_assert_true (g_str_has_suffix (((CmDiffSpan *) changed->pdata[changed->len - 1])->text,
                                   "days."));
}

static void
test_words_punctuation (void)
{
  g_autoptr(GPtrArray) spans = diff_words ("Better outcome.", "Better outcomes.");
  g_autofree char *removed_text = joined (spans, CM_DIFF_REMOVED);
  g_autofree char *added_text = joined (spans, CM_DIFF_ADDED);

  /* The full stop is kept, only the word changes. */
  g_assert_cmpstr (removed_text, ==, "[outcome]");
  g_assert_cmpstr (added_text, ==, "[outcomes]");
}

/* A rewritten sentence reads as the old one removed and the new one added,
 * not as a patchwork around the few words they happen to share. */
static void
test_words_rewrite (void)
{
  const char *older = "Describe what should be different for people who use the service, in "
                      "their own words where you can.";
  const char *newer = "People are heard and understood. Advocates help people take part in "
                      "decisions about their care.";
  g_autoptr(GPtrArray) spans = diff_words (older, newer);

  g_assert_cmpuint (spans->len, ==, 3);
  g_assert_cmpint (((CmDiffSpan *) spans->pdata[0])->op, ==, CM_DIFF_REMOVED);
  g_assert_cmpint (((CmDiffSpan *) spans->pdata[1])->op, ==, CM_DIFF_ADDED);
  g_assert_cmpstr (((CmDiffSpan *) spans->pdata[2])->text, ==, ".");
}

static void
test_words_paragraphs (void)
{
  const char *older = "Purpose.\n\nAdvocates help people to be involved.\n\nThird paragraph.\n";
  const char *newer = "Purpose.\n\nAdvocates help people to be fully involved.\n\n"
                      "A new paragraph.\n\nThird paragraph.\n";
  g_autoptr(GPtrArray) spans = diff_words (older, newer);
  g_autofree char *added_text = joined (spans, CM_DIFF_ADDED);

  g_assert_cmpuint (cm_diff_count_words (spans, CM_DIFF_REMOVED), ==, 0);
  g_assert_cmpuint (cm_diff_count_words (spans, CM_DIFF_ADDED), ==, 4);
  g_assert_nonnull (strstr (added_text, "fully"));
  g_assert_nonnull (strstr (added_text, "A new paragraph."));
}

static void
test_lines (void)
{
  g_autoptr(GPtrArray) spans = cm_diff_lines ("a\nb\nc\n", "a\nc\nd\n");
  static const struct { CmDiffOp op; const char *text; } expected[] = {
    { CM_DIFF_SAME, "a\n" }, { CM_DIFF_REMOVED, "b\n" }, { CM_DIFF_SAME, "c\n" },
    { CM_DIFF_ADDED, "d\n" },
  };

  check_spans (spans, "a\nb\nc\n", "a\nc\nd\n");
  g_assert_cmpuint (spans->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < spans->len; i++)
    {
      CmDiffSpan *span = g_ptr_array_index (spans, i);

      g_assert_cmpint (span->op, ==, expected[i].op);
      g_assert_cmpstr (span->text, ==, expected[i].text);
    }

  g_clear_pointer (&spans, g_ptr_array_unref);
  spans = cm_diff_lines ("no newline at end", "no newline at end\n");
  check_spans (spans, "no newline at end", "no newline at end\n");
}

static char *
random_text (GRand *rand,
             guint  n_words)
{
  static const char * const words[] = {
    "advocacy", "care", "the", "a", "person", "plan", "review", "Care Act", "IMCA", "—",
    "outcomes", "ünïcödé", "☃", "support", ",", ".",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (text, g_rand_int_range (rand, 0, 12) == 0 ? "\n" : " ");
    }

  return g_string_free (text, FALSE);
}

static char *
mutate (GRand      *rand,
        const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *result = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      int what = g_rand_int_range (rand, 0, 20);

      if (what == 0)
        continue;  /* drop a word */
      if (what == 1)
        g_string_append (result, "inserted ");
      g_string_append (result, what == 2 ? "changed" : words[i]);
      if (words[i + 1] != NULL)
        g_string_append_c (result, ' ');
    }

  return g_string_free (result, FALSE);
}

static void
test_words_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260302);

  for (guint round = 0; round < 200; round++)
    {
      g_autofree char *older = random_text (rand, g_rand_int_range (rand, 0, 200));
      g_autofree char *newer = mutate (rand, older);
      g_autoptr(GPtrArray) words = cm_diff_words (older, newer);
      g_autoptr(GPtrArray) lines = cm_diff_lines (older, newer);

      check_spans (words, older, newer);
      check_spans (lines, older, newer);
    }
}

static void
test_words_long (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *older = random_text (rand, 50000);
  g_autofree char *newer = NULL;
  g_autofree char *other = random_text (rand, 5000);
  g_autofree char *unrelated = random_text (rand, 5000);
  g_autoptr(GPtrArray) spans = NULL;
  gint64 start;
  char *middle;

  /* One word changed in the middle of a 50,000-word section. */
  newer = g_strdup (older);
  middle = strstr (newer + strlen (newer) / 2, " ");
  g_assert_nonnull (middle);
  {
    g_autoptr(GString) edited = g_string_new_len (newer, middle - newer);

    g_string_append (edited, " CHANGED");
    g_string_append (edited, middle);
    g_free (newer);
    newer = g_string_free (g_steal_pointer (&edited), FALSE);
  }

  start = g_get_monotonic_time ();
  spans = diff_words (older, newer);
  g_test_message ("50,000 words, one change: %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (cm_diff_count_words (spans, CM_DIFF_ADDED), ==, 1);
  g_assert_cmpuint (cm_diff_count_words (spans, CM_DIFF_REMOVED), ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_clear_pointer (&spans, g_ptr_array_unref);

  /* Two unrelated texts: too many edits to search, shown replaced whole,
   * and quickly. */
  start = g_get_monotonic_time ();
  spans = diff_words (other, unrelated);
  g_test_message ("5,000 unrelated words: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* Sections --------------------------------------------------------------- */

static CmSpecSnapshot *
snapshot_with (const char * const *sections)
{
  CmSpecSnapshot *snapshot = cm_spec_snapshot_new ();

  g_free (snapshot->title);
  snapshot->title = g_strdup ("Care Act advocacy");

  /* id, title, body triples */
  for (guint i = 0; sections[i] != NULL; i += 3)
    cm_spec_snapshot_add_section (snapshot, g_ascii_strtoll (sections[i], NULL, 10),
                                  sections[i + 1], sections[i + 2]);

  return snapshot;
}

static const CmSectionChange *
change_at (const CmSpecComparison *comparison,
           guint                   index)
{
  g_assert_cmpuint (index, <, comparison->sections->len);
  return g_ptr_array_index (comparison->sections, index);
}

static void
test_sections (void)
{
  const char *older_sections[] = {
    "1", "Purpose", "Why the service exists.",
    "2", "Scope", "Who it is for.",
    "3", "Workforce", "Qualified advocates.",
    "4", "Outcomes", "People are heard.",
    NULL,
  };
  const char *newer_sections[] = {
    "1", "Purpose", "Why the service exists.",
    "2", "Scope and types", "Who it is for.",
    "4", "Outcomes", "People are heard and understood.",
    "0", "Social value", "Local jobs.",
    NULL,
  };
  g_autoptr(CmSpecSnapshot) older = snapshot_with (older_sections);
  g_autoptr(CmSpecSnapshot) newer = snapshot_with (newer_sections);
  g_autoptr(CmSpecComparison) comparison = NULL;
  g_autoptr(CmSpecComparison) nothing = NULL;
  const CmSectionChange *change;

  comparison = cm_spec_compare (older, newer);
  g_assert_cmpuint (comparison->sections->len, ==, 5);
  g_assert_cmpuint (cm_spec_comparison_count_changed (comparison), ==, 4);
  g_assert_false (cm_spec_comparison_is_empty (comparison));
  g_assert_cmpuint (comparison->fields->len, ==, 0);

  change = change_at (comparison, 0);
  g_assert_cmpint (change->kind, ==, CM_SECTION_UNCHANGED);
  g_assert_false (change->renamed || change->text_changed || change->moved);

  change = change_at (comparison, 1);
  g_assert_cmpint (change->kind, ==, CM_SECTION_CHANGED);
  g_assert_true (change->renamed);
  g_assert_false (change->text_changed);
  g_assert_cmpstr (change->old_title, ==, "Scope");
  g_assert_cmpstr (change->new_title, ==, "Scope and types");

  /* The removed section stays where it was: after Scope. */
  change = change_at (comparison, 2);
  g_assert_cmpint (change->kind, ==, CM_SECTION_REMOVED);
  g_assert_cmpstr (change->old_title, ==, "Workforce");
  g_assert_null (change->new_title);
  g_assert_cmpuint (change->words_removed, ==, 2);

  change = change_at (comparison, 3);
  g_assert_cmpint (change->kind, ==, CM_SECTION_CHANGED);
  g_assert_true (change->text_changed);
  g_assert_false (change->renamed);
  g_assert_false (change->moved);
  g_assert_cmpuint (change->words_added, ==, 2);
  g_assert_cmpuint (change->words_removed, ==, 0);
  check_spans (change->spans, "People are heard.", "People are heard and understood.");

  change = change_at (comparison, 4);
  g_assert_cmpint (change->kind, ==, CM_SECTION_ADDED);
  g_assert_null (change->old_title);
  g_assert_cmpstr (change->new_title, ==, "Social value");
  g_assert_cmpuint (change->words_added, ==, 2);

  nothing = cm_spec_compare (newer, newer);
  g_assert_true (cm_spec_comparison_is_empty (nothing));
  g_assert_cmpuint (cm_spec_comparison_count_changed (nothing), ==, 0);
}

static void
test_sections_moved (void)
{
  const char *older_sections[] = {
    "1", "A", "a", "2", "B", "b", "3", "C", "c", "4", "D", "d", "5", "E", "e", NULL,
  };
  const char *newer_sections[] = {
    "5", "E", "e", "1", "A", "a", "2", "B", "b", "3", "C", "c", "4", "D", "d", NULL,
  };
  /* Without ids (snapshots of different specifications) titles match. */
  const char *untracked[] = {
    "0", "E", "e", "0", "A", "a", "0", "B", "b", "0", "C", "changed", "0", "D", "d", NULL,
  };
  g_autoptr(CmSpecSnapshot) older = snapshot_with (older_sections);
  g_autoptr(CmSpecSnapshot) newer = snapshot_with (newer_sections);
  g_autoptr(CmSpecSnapshot) by_title = snapshot_with (untracked);
  g_autoptr(CmSpecComparison) comparison = cm_spec_compare (older, newer);
  g_autoptr(CmSpecComparison) titled = cm_spec_compare (older, by_title);

  g_assert_cmpuint (comparison->sections->len, ==, 5);
  g_assert_true (change_at (comparison, 0)->moved);
  g_assert_cmpint (change_at (comparison, 0)->kind, ==, CM_SECTION_CHANGED);
  for (guint i = 1; i < 5; i++)
    {
      g_assert_false (change_at (comparison, i)->moved);
      g_assert_cmpint (change_at (comparison, i)->kind, ==, CM_SECTION_UNCHANGED);
    }

  g_assert_cmpuint (titled->sections->len, ==, 5);
  g_assert_cmpuint (cm_spec_comparison_count_changed (titled), ==, 2);
  g_assert_true (change_at (titled, 3)->text_changed);
}

static void
test_fields_and_kpis (void)
{
  g_autoptr(CmSpecSnapshot) older = cm_spec_snapshot_new ();
  g_autoptr(CmSpecSnapshot) newer = NULL;
  g_autoptr(CmSpecComparison) comparison = NULL;
  g_autofree char *old_budget = NULL;
  g_autofree char *new_budget = NULL;
  const CmFieldChange *field;

  cm_spec_snapshot_add_kpi (older, "Acknowledged in 2 days", "95%", "Quarterly", "Return");
  cm_spec_snapshot_add_kpi (older, "Satisfaction", "90%", "Yearly", "Survey");
  newer = cm_spec_snapshot_copy (older);
  g_free (newer->title);
  newer->title = g_strdup ("New title");
  newer->budget_pence = 12345;
  newer->status = CM_SPEC_STATUS_PUBLISHED;
  newer->advocacy_types = CM_ADVOCACY_IMCA | CM_ADVOCACY_IMHA;
  g_free (((CmSnapshotKpi *) newer->kpis->pdata[1])->target);
  ((CmSnapshotKpi *) newer->kpis->pdata[1])->target = g_strdup ("92%");

  comparison = cm_spec_compare (older, newer);
  g_assert_cmpuint (comparison->fields->len, ==, 4);
  field = g_ptr_array_index (comparison->fields, 0);
  g_assert_cmpstr (field->label, ==, "Title");
  g_assert_cmpstr (field->old_value, ==, "");
  g_assert_cmpstr (field->new_value, ==, "New title");
  field = g_ptr_array_index (comparison->fields, 1);
  g_assert_cmpstr (field->label, ==, "Advocacy types");
  g_assert_nonnull (strstr (field->new_value, "IMCA"));
  g_assert_nonnull (strstr (field->new_value, "IMHA"));
  field = g_ptr_array_index (comparison->fields, 2);
  g_assert_cmpstr (field->label, ==, "Status");
  field = g_ptr_array_index (comparison->fields, 3);
  g_assert_cmpstr (field->label, ==, "Budget a year");
  old_budget = cm_money_format (0);
  new_budget = cm_money_format (12345);
  g_assert_cmpstr (field->old_value, ==, old_budget);
  g_assert_cmpstr (field->new_value, ==, new_budget);

  g_assert_cmpint (comparison->kpis->kind, ==, CM_SECTION_CHANGED);
  g_assert_cmpuint (comparison->kpis->spans->len, ==, 3);  /* kept, removed, added lines */
  g_assert_cmpint (((CmDiffSpan *) comparison->kpis->spans->pdata[1])->op, ==,
                   CM_DIFF_REMOVED);
  g_assert_nonnull (strstr (((CmDiffSpan *) comparison->kpis->spans->pdata[2])->text, "92%"));
}

static void
test_money (void)
{
  g_autofree char *zero = cm_money_format (0);
  g_autofree char *some = cm_money_format (12345);
  g_autofree char *negative = cm_money_format (-5);
  g_autoptr(GError) error = NULL;
  const struct { const char *text; gint64 pence; } good[] = {
    { "", 0 }, { "0", 0 }, { "125000", 12500000 }, { "£1,250.5", 125050 },
    { " £ 1 250.05 ", 125005 }, { "12.", 1200 }, { ".5", 50 }, { "£0.01", 1 },
  };
  const char *bad[] = { "-1", "−3", "abc", "£", "1.234", "12£", "1e5", "99999999999999999999" };

  /* Tests run in the C locale: no grouping, a full stop. */
  g_assert_cmpstr (zero, ==, "£0.00");
  g_assert_cmpstr (some, ==, "£123.45");
  g_assert_cmpstr (negative, ==, "−£0.05");

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 pence = -1;

      g_assert_true (cm_money_parse (good[i].text, &pence, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pence, ==, good[i].pence);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 pence = 42;

      g_test_message ("%s", bad[i]);
      g_assert_false (cm_money_parse (bad[i], &pence, &error));
      g_assert_nonnull (error);
      g_assert_cmpint (pence, ==, 42);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spec-compare/words/basic", test_words_basic);
  g_test_add_func ("/spec-compare/words/punctuation", test_words_punctuation);
  g_test_add_func ("/spec-compare/words/paragraphs", test_words_paragraphs);
  g_test_add_func ("/spec-compare/words/rewrite", test_words_rewrite);
  g_test_add_func ("/spec-compare/words/random", test_words_random);
  g_test_add_func ("/spec-compare/words/long", test_words_long);
  g_test_add_func ("/spec-compare/lines", test_lines);
  g_test_add_func ("/spec-compare/sections", test_sections);
  g_test_add_func ("/spec-compare/sections-moved", test_sections_moved);
  g_test_add_func ("/spec-compare/fields-and-kpis", test_fields_and_kpis);
  g_test_add_func ("/spec-compare/money", test_money);

  return g_test_run ();
}
