/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-diff"

#include "config.h"

#include "cm-diff.h"

#include <string.h>

/* Text is compared in two passes: first line by line, which is quick even
 * for 50,000-word sections because paragraphs are few and mostly equal;
 * then word by word inside each run of lines that was replaced. Both
 * passes use Myers' O(ND) shortest edit script after stripping the common
 * beginning and end. When two texts differ in more than MAX_EDITS places
 * the search stops and the differing middle is shown as removed and added
 * whole, which is what a reader would make of it anyway. */

#define MAX_EDITS 1000

/* Tokens --------------------------------------------------------------- */

typedef struct
{
  const char *start;
  gsize       length;
  guint       id;
  gboolean    blank;   /* whitespace only */
} Token;

typedef struct
{
  GHashTable *ids;     /* owned token text → id + 1 */
} Interner;

static guint
intern (Interner   *interner,
        const char *start,
        gsize       length)
{
  g_autofree char *key = g_strndup (start, length);
  gpointer value = g_hash_table_lookup (interner->ids, key);

  if (value == NULL)
    {
      value = GUINT_TO_POINTER (g_hash_table_size (interner->ids) + 1);
      g_hash_table_insert (interner->ids, g_steal_pointer (&key), value);
    }

  return GPOINTER_TO_UINT (value) - 1;
}

static void
add_token (GArray     *tokens,
           Interner   *interner,
           const char *start,
           const char *end,
           gboolean    blank)
{
  Token token = { start, (gsize) (end - start), 0, blank };

  token.id = intern (interner, start, token.length);
  g_array_append_val (tokens, token);
}

/* Words, runs of white space and single punctuation marks, so that
 * "outcome." against "outcomes." shows the word changed and the full stop
 * kept. */
static GArray *
split_words (const char *text,
             gsize       length,
             Interner   *interner)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *start = p;
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          while (p < end && g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          add_token (tokens, interner, start, p, TRUE);
        }
      else if (g_unichar_ispunct (c) && c != '\'' && c != 0x2019)
        {
          p = g_utf8_next_char (p);
          add_token (tokens, interner, start, p, FALSE);
        }
      else
        {
          while (p < end)
            {
              gunichar d = g_utf8_get_char (p);

              if (g_unichar_isspace (d) || (g_unichar_ispunct (d) && d != '\'' && d != 0x2019))
                break;
              p = g_utf8_next_char (p);
            }
          add_token (tokens, interner, start, p, FALSE);
        }
    }

  return tokens;
}

/* Lines, each with its line break. */
static GArray *
split_lines (const char *text,
             gsize       length,
             Interner   *interner)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *start = p;
      const char *newline = memchr (p, '\n', (gsize) (end - p));

      p = newline != NULL ? newline + 1 : end;
      add_token (tokens, interner, start, p, FALSE);
    }

  return tokens;
}

/* The shortest edit script --------------------------------------------- */

/* Marks which tokens of a[0..n) and b[0..m) are kept. Returns FALSE when
 * more than max_d edits would be needed, leaving the marks unset. */
static gboolean
myers (const Token *a,
       int          n,
       const Token *b,
       int          m,
       int          max_d,
       gboolean    *a_kept,
       gboolean    *b_kept)
{
  int max = MIN (n + m, max_d);
  int offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * (gsize) max + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  int found_d = -1;

  for (int d = 0; d <= max && found_d < 0; d++)
    {
      int *saved;

      for (int k = -d; k <= d; k += 2)
        {
          int x, y;

          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;

          while (x < n && y < m && a[x].id == b[y].id)
            {
              x++;
              y++;
            }

          v[offset + k] = x;

          if (x >= n && y >= m)
            found_d = d;
        }

      saved = g_new (int, 2 * (gsize) d + 1);
      for (int k = -d; k <= d; k++)
        saved[k + d] = v[offset + k];
      g_ptr_array_add (trace, saved);
    }

  if (found_d < 0)
    return FALSE;

  /* Walk back from the end, marking the diagonals (kept tokens). */
  {
    int x = n, y = m;

    for (int d = found_d; d > 0; d--)
      {
        const int *previous = g_ptr_array_index (trace, d - 1);
        int k = x - y;
        int previous_k, previous_x, previous_y;

#define PREV(kk) previous[(kk) + (d - 1)]
        if (k == -d || (k != d && PREV (k - 1) < PREV (k + 1)))
          previous_k = k + 1;
        else
          previous_k = k - 1;
        previous_x = PREV (previous_k);
#undef PREV
        previous_y = previous_x - previous_k;

        while (x > previous_x && y > previous_y)
          {
            a_kept[--x] = TRUE;
            b_kept[--y] = TRUE;
          }

        x = previous_x;
        y = previous_y;
      }

    while (x > 0 && y > 0)
      {
        a_kept[--x] = TRUE;
        b_kept[--y] = TRUE;
      }
  }

  return TRUE;
}

/* Spans ---------------------------------------------------------------- */

static void
span_free (gpointer data)
{
  CmDiffSpan *span = data;

  g_free (span->text);
  g_free (span);
}

static GPtrArray *
spans_new (void)
{
  return g_ptr_array_new_with_free_func (span_free);
}

/* Appends text to the spans, joining it to the last span when that has the
 * same op. */
static void
append_span (GPtrArray  *spans,
             CmDiffOp    op,
             const char *text,
             gsize       length)
{
  CmDiffSpan *last;

  if (length == 0)
    return;

  last = spans->len > 0 ? g_ptr_array_index (spans, spans->len - 1) : NULL;
  if (last != NULL && last->op == op)
    {
      gsize old_length = strlen (last->text);

      last->text = g_realloc (last->text, old_length + length + 1);
      memcpy (last->text + old_length, text, length);
      last->text[old_length + length] = '\0';
      return;
    }

  last = g_new0 (CmDiffSpan, 1);
  last->op = op;
  last->text = g_strndup (text, length);
  g_ptr_array_add (spans, last);
}

static void
append_tokens (GString     *string,
               const Token *tokens,
               int          from,
               int          to)
{
  for (int i = from; i < to; i++)
    g_string_append_len (string, tokens[i].start, (gssize) tokens[i].length);
}

/* Runs the edit script over two token arrays and emits spans: kept runs
 * as SAME, and between two kept runs everything removed, then everything
 * added, so a reader sees the old words and then the new. White space kept
 * between two changes is shown as part of both, which reads better than
 * "removed · space · removed". */
static void
emit_diff (GPtrArray   *spans,
           const Token *a,
           int          n,
           const Token *b,
           int          m,
           gboolean     words)
{
  g_autofree gboolean *a_kept = g_new0 (gboolean, (gsize) n + 1);
  g_autofree gboolean *b_kept = g_new0 (gboolean, (gsize) m + 1);
  g_autoptr(GString) removed = g_string_new (NULL);
  g_autoptr(GString) added = g_string_new (NULL);
  int prefix = 0, suffix = 0;
  int i = 0, j = 0;

  while (prefix < n && prefix < m && a[prefix].id == b[prefix].id)
    {
      a_kept[prefix] = b_kept[prefix] = TRUE;
      prefix++;
    }
  while (suffix < n - prefix && suffix < m - prefix &&
         a[n - 1 - suffix].id == b[m - 1 - suffix].id)
    {
      a_kept[n - 1 - suffix] = b_kept[m - 1 - suffix] = TRUE;
      suffix++;
    }

  /* Nothing marked in the middle means all of it changed. */
  myers (a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix, MAX_EDITS,
         a_kept + prefix, b_kept + prefix);

  /* Kept blanks between changes become part of the change. */
  if (words)
    {
      for (int x = 0, y = 0; x < n && y < m;)
        {
          if (!a_kept[x])
            x++;
          else if (!b_kept[y])
            y++;
          else
            {
              int run = 0;

              while (x + run < n && y + run < m && a_kept[x + run] && b_kept[y + run])
                run++;

              if (run == 1 && a[x].blank && x > 0 && y > 0 &&
                  (!a_kept[x - 1] || !b_kept[y - 1]) &&
                  x + 1 < n && y + 1 < m && (!a_kept[x + 1] || !b_kept[y + 1]))
                a_kept[x] = b_kept[y] = FALSE;

              x += run;
              y += run;
            }
        }
    }

  while (i < n || j < m)
    {
      if (i < n && j < m && a_kept[i] && b_kept[j])
        {
          int start = i;

          while (i < n && j < m && a_kept[i] && b_kept[j])
            {
              i++;
              j++;
            }
          append_span (spans, CM_DIFF_SAME, a[start].start,
                       (gsize) (a[i - 1].start + a[i - 1].length - a[start].start));
          continue;
        }

      g_string_truncate (removed, 0);
      g_string_truncate (added, 0);
      for (; i < n && !a_kept[i]; i++)
        append_tokens (removed, a, i, i + 1);
      for (; j < m && !b_kept[j]; j++)
        append_tokens (added, b, j, j + 1);

      /* Kept tokens come in pairs, so both sides now stand at one (or at
       * their ends). */
      g_assert ((i < n) == (j < m));

      append_span (spans, CM_DIFF_REMOVED, removed->str, removed->len);
      append_span (spans, CM_DIFF_ADDED, added->str, added->len);
    }
}

/* Re-orders adjacent ADDED/REMOVED spans so that removals come first and
 * joins neighbours with the same op. */
static GPtrArray *
normalise (GPtrArray *spans)
{
  GPtrArray *result = spans_new ();
  g_autoptr(GString) removed = g_string_new (NULL);
  g_autoptr(GString) added = g_string_new (NULL);

  for (guint i = 0; i <= spans->len; i++)
    {
      CmDiffSpan *span = i < spans->len ? g_ptr_array_index (spans, i) : NULL;

      if (span != NULL && span->op == CM_DIFF_REMOVED)
        g_string_append (removed, span->text);
      else if (span != NULL && span->op == CM_DIFF_ADDED)
        g_string_append (added, span->text);
      else
        {
          append_span (result, CM_DIFF_REMOVED, removed->str, removed->len);
          append_span (result, CM_DIFF_ADDED, added->str, added->len);
          g_string_truncate (removed, 0);
          g_string_truncate (added, 0);
          if (span != NULL)
            append_span (result, CM_DIFF_SAME, span->text, strlen (span->text));
        }
    }

  return result;
}

/* How good a place the boundary between @left and @right is for the edge
 * of a change: the edges of the text, blank lines, line breaks, the ends
 * of sentences, spaces, then other non-letters. */
static int
boundary_score (const char *left,
                gsize       left_length,
                const char *right)
{
  const char *last;
  gunichar before, after;

  if (left_length == 0 || *right == '\0')
    return 6;

  last = g_utf8_find_prev_char (left, left + left_length);
  before = g_utf8_get_char (last);
  after = g_utf8_get_char (right);

  if ((left_length >= 2 && left[left_length - 1] == '\n' && left[left_length - 2] == '\n') ||
      g_str_has_prefix (right, "\n\n"))
    return 5;
  if (before == '\n' || after == '\n')
    return 4;
  if (strchr (".!?", (int) before) != NULL && before < 128 && g_unichar_isspace (after))
    return 3;
  if (g_unichar_isspace (before) || g_unichar_isspace (after))
    return 2;
  if (!g_unichar_isalnum (before) || !g_unichar_isalnum (after))
    return 1;
  return 0;
}

/* A pure insertion or deletion between two kept runs can often sit in
 * several places ("a.|b.|" and "a|.b|."); slide it to where its edges fall
 * best, so that a new paragraph is shown as one. */
static void
slide_edits (GPtrArray *spans)
{
  for (guint i = 1; i + 1 < spans->len; i++)
    {
      CmDiffSpan *before = g_ptr_array_index (spans, i - 1);
      CmDiffSpan *edit = g_ptr_array_index (spans, i);
      CmDiffSpan *after = g_ptr_array_index (spans, i + 1);
      g_autoptr(GString) a = NULL;
      g_autoptr(GString) x = NULL;
      g_autoptr(GString) b = NULL;
      gsize best_a = 0;
      int best_score = -1;

      if (before->op != CM_DIFF_SAME || after->op != CM_DIFF_SAME || edit->op == CM_DIFF_SAME)
        continue;

      a = g_string_new (before->text);
      x = g_string_new (edit->text);
      b = g_string_new (after->text);

      /* As far left as it goes... */
      while (a->len > 0 && x->len > 0)
        {
          const char *last_a = g_utf8_find_prev_char (a->str, a->str + a->len);
          const char *last_x = g_utf8_find_prev_char (x->str, x->str + x->len);
          gsize char_length = (gsize) (a->str + a->len - last_a);

          if (char_length != (gsize) (x->str + x->len - last_x) ||
              memcmp (last_a, last_x, char_length) != 0)
            break;

          g_string_prepend_len (b, last_a, (gssize) char_length);
          g_string_truncate (x, x->len - char_length);
          g_string_prepend_len (x, last_a, (gssize) char_length);
          g_string_truncate (a, a->len - char_length);
        }

      /* ...then step right, scoring each place. */
      for (;;)
        {
          int score = boundary_score (a->str, a->len, x->str) +
                      boundary_score (x->str, x->len, b->str);
          gsize char_length;

          if (score >= best_score)
            {
              best_score = score;
              best_a = a->len;
            }

          if (b->len == 0 || x->len == 0)
            break;
          char_length = (gsize) (g_utf8_next_char (b->str) - b->str);
          if (char_length > x->len || memcmp (x->str, b->str, char_length) != 0)
            break;

          g_string_append_len (a, b->str, (gssize) char_length);
          g_string_erase (x, 0, (gssize) char_length);
          g_string_append_len (x, b->str, (gssize) char_length);
          g_string_erase (b, 0, (gssize) char_length);
        }

      /* Go back to the best place: everything right of it is text that
       * moved from a into b. */
      while (a->len > best_a)
        {
          const char *last_a = g_utf8_find_prev_char (a->str, a->str + a->len);
          gsize char_length = (gsize) (a->str + a->len - last_a);

          g_string_prepend_len (b, last_a, (gssize) char_length);
          g_string_truncate (x, x->len - char_length);
          g_string_prepend_len (x, last_a, (gssize) char_length);
          g_string_truncate (a, a->len - char_length);
        }

      g_free (before->text);
      before->text = g_strdup (a->str);
      g_free (edit->text);
      edit->text = g_strdup (x->str);
      g_free (after->text);
      after->text = g_strdup (b->str);
    }

  /* Sliding may have emptied a kept run: drop it and join what it split. */
  for (guint i = 0; i < spans->len;)
    {
      CmDiffSpan *span = g_ptr_array_index (spans, i);

      if (*span->text == '\0')
        g_ptr_array_remove_index (spans, i);
      else
        i++;
    }
}

/* Sums the length of the changes next to spans[index]: before it when
 * @step is -1, after it when +1. */
static void
edits_beside (GPtrArray *spans,
              guint      index,
              int        step,
              glong     *removed,
              glong     *added)
{
  *removed = *added = 0;

  for (int i = (int) index + step; i >= 0 && i < (int) spans->len; i += step)
    {
      CmDiffSpan *span = g_ptr_array_index (spans, i);

      if (span->op == CM_DIFF_SAME)
        break;
      if (span->op == CM_DIFF_REMOVED)
        *removed += g_utf8_strlen (span->text, -1);
      else
        *added += g_utf8_strlen (span->text, -1);
    }
}

/* A short run kept between two bigger changes ("people", "their" inside
 * two rewritten sentences) is chance, not meaning: fold it into the
 * changes, so a rewrite reads as old text then new text. */
static gboolean
fold_chance_matches (GPtrArray *spans)
{
  gboolean folded = FALSE;

  for (guint i = 1; i + 1 < spans->len; i++)
    {
      CmDiffSpan *span = g_ptr_array_index (spans, i);
      glong removed_before, added_before, removed_after, added_after, length;
      CmDiffSpan *copy;

      if (span->op != CM_DIFF_SAME)
        continue;

      edits_beside (spans, i, -1, &removed_before, &added_before);
      edits_beside (spans, i, 1, &removed_after, &added_after);
      length = g_utf8_strlen (span->text, -1);

      if (removed_before + added_before == 0 || removed_after + added_after == 0 ||
          length > MAX (removed_before, added_before) ||
          length > MAX (removed_after, added_after))
        continue;

      copy = g_new0 (CmDiffSpan, 1);
      copy->op = CM_DIFF_ADDED;
      copy->text = g_strdup (span->text);
      span->op = CM_DIFF_REMOVED;
      g_ptr_array_insert (spans, (int) i + 1, copy);
      folded = TRUE;
    }

  return folded;
}

static GPtrArray *
finish (GPtrArray *spans,
        gboolean   fold)
{
  GPtrArray *tidy = normalise (spans);

  for (guint round = 0; fold && round < 8 && fold_chance_matches (tidy); round++)
    {
      GPtrArray *again = normalise (tidy);

      g_ptr_array_unref (tidy);
      tidy = again;
    }

  slide_edits (tidy);
  {
    GPtrArray *result = normalise (tidy);

    g_ptr_array_unref (tidy);
    return result;
  }
}

static Interner *
interner_new (void)
{
  Interner *interner = g_new0 (Interner, 1);

  interner->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return interner;
}

static void
interner_free (Interner *interner)
{
  g_hash_table_unref (interner->ids);
  g_free (interner);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Interner, interner_free)

/**
 * cm_diff_lines:
 *
 * Returns: (transfer full) (element-type CmDiffSpan): whole lines kept,
 *   removed and added
 */
GPtrArray *
cm_diff_lines (const char *older,
               const char *newer)
{
  g_autoptr(Interner) interner = interner_new ();
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GPtrArray) spans = spans_new ();

  older = older != NULL ? older : "";
  newer = newer != NULL ? newer : "";

  a = split_lines (older, strlen (older), interner);
  b = split_lines (newer, strlen (newer), interner);
  emit_diff (spans, (Token *) (gpointer) a->data, (int) a->len,
             (Token *) (gpointer) b->data, (int) b->len, FALSE);

  return finish (spans, FALSE);
}

/**
 * cm_diff_words:
 *
 * Returns: (transfer full) (element-type CmDiffSpan): words kept, removed
 *   and added
 */
GPtrArray *
cm_diff_words (const char *older,
               const char *newer)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) spans = spans_new ();

  lines = cm_diff_lines (older, newer);

  /* Within each run of replaced lines, find the words that changed. */
  for (guint i = 0; i < lines->len; i++)
    {
      CmDiffSpan *span = g_ptr_array_index (lines, i);
      CmDiffSpan *next = i + 1 < lines->len ? g_ptr_array_index (lines, i + 1) : NULL;

      if (span->op == CM_DIFF_REMOVED && next != NULL && next->op == CM_DIFF_ADDED)
        {
          g_autoptr(Interner) interner = interner_new ();
          g_autoptr(GArray) a = split_words (span->text, strlen (span->text), interner);
          g_autoptr(GArray) b = split_words (next->text, strlen (next->text), interner);

          emit_diff (spans, (Token *) (gpointer) a->data, (int) a->len,
                     (Token *) (gpointer) b->data, (int) b->len, TRUE);
          i++;
        }
      else
        append_span (spans, span->op, span->text, strlen (span->text));
    }

  return finish (spans, TRUE);
}

/**
 * cm_diff_count_words:
 *
 * Returns: how many words the spans with @op hold
 */
guint
cm_diff_count_words (GPtrArray *spans,
                     CmDiffOp   op)
{
  guint count = 0;

  g_return_val_if_fail (spans != NULL, 0);

  for (guint i = 0; i < spans->len; i++)
    {
      CmDiffSpan *span = g_ptr_array_index (spans, i);
      gboolean in_word = FALSE;

      if (span->op != op)
        continue;

      /* A word is a run without spaces holding a letter or a digit, so a
       * lone dash or full stop is not counted. */
      for (const char *p = span->text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c))
            in_word = FALSE;
          else if (!in_word && g_unichar_isalnum (c))
            {
              count++;
              in_word = TRUE;
            }
        }
    }

  return count;
}


/**
 * cm_diff_whole:
 *
 * Returns: (transfer full) (element-type CmDiffSpan): @text as one run
 *   with @op (no run at all when @text is empty)
 */
GPtrArray *
cm_diff_whole (CmDiffOp    op,
               const char *text)
{
  GPtrArray *spans = spans_new ();

  if (text != NULL)
    append_span (spans, op, text, strlen (text));
  return spans;
}
