/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-labels"

#include "config.h"

#include "cm-wheel-text-lines.h"

/* How a text wraps at any width, from one layout of it on a single line.
 *
 * Fitting a label tries it in several boxes at several sizes, and laying the
 * text out for each try (shaping it again) was most of what the wheel's
 * first paint cost. But every label is shaped at one size and drawn scaled,
 * with unhinted metrics, so a try at another size is a try at another width;
 * and Pango wraps greedily, at the places the line-breaking rules allow,
 * leaving out the white space a line ends on. So where each character starts
 * on the single line is enough to tell how many lines a width gives, and how
 * wide the widest is. What this says is a forecast: the text is laid out for
 * real in the box finally chosen, and checked there. */

void
cm_wheel_text_lines_clear (CmWheelTextLines *lines)
{
  g_clear_pointer (&lines->starts, g_array_unref);
  g_clear_pointer (&lines->ends, g_array_unref);
  g_clear_pointer (&lines->breaks, g_array_unref);
  lines->valid = FALSE;
}

/* @layout holds the text on one line (no width set), at the size @scale
 * turns into the label's. Leaves @lines not valid for text it cannot
 * forecast: several paragraphs, text read right to left, or text that ends
 * in white space (which Pango lets stick out past the width). */
void
cm_wheel_text_lines_measure (CmWheelTextLines *lines,
                             PangoLayout      *layout,
                             double            scale)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutLine *line;
  const PangoLogAttr *attrs;
  PangoRectangle logical;
  int n_attrs, n_chars, x;
  const char *p;

  cm_wheel_text_lines_clear (lines);

  if (pango_layout_get_line_count (layout) != 1 ||
      pango_layout_get_direction (layout, 0) == PANGO_DIRECTION_RTL)
    return;

  line = pango_layout_get_line_readonly (layout, 0);
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  n_chars = n_attrs - 1;
  if (n_chars < 1)
    return;
  pango_layout_get_extents (layout, NULL, &logical);

  lines->starts = g_array_sized_new (FALSE, FALSE, sizeof (double), n_chars + 1);
  lines->ends = g_array_new (FALSE, FALSE, sizeof (double));
  lines->breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  lines->line_height = logical.height * scale / PANGO_SCALE;

  /* Where each character starts; the last entry is where the text ends. */
  p = text;
  for (int i = 0; i <= n_chars; i++)
    {
      double start;

      pango_layout_line_index_to_x (line, (int) (p - text), FALSE, &x);
      start = (x - logical.x) * scale / PANGO_SCALE;
      g_array_append_val (lines->starts, start);
      if (i < n_chars)
        {
          if (i > 0 && attrs[i].is_mandatory_break)
            {
              cm_wheel_text_lines_clear (lines);
              return;
            }
          p = g_utf8_next_char (p);
        }
    }

  /* Each place a line may end (before a character where a break is allowed,
   * and the end of the text), and how far the line's ink goes there. */
  for (int i = 1; i <= n_chars; i++)
    {
      guint at = (guint) i;
      int last = i;
      double end;

      if (i < n_chars && !attrs[i].is_line_break)
        continue;

      /* Pango leaves out the width of the one space a wrapped line ends on. */
      if (i < n_chars && last > 0 && attrs[last - 1].is_white)
        last--;
      end = g_array_index (lines->starts, double, last);
      g_array_append_val (lines->breaks, at);
      g_array_append_val (lines->ends, end);
    }

  lines->valid = lines->breaks->len > 0 && !attrs[n_chars - 1].is_white;
}

/* Whether the text, wrapped between words at @width, fits in @width × @height
 * when drawn at @factor times the size it was measured at. */
gboolean
cm_wheel_text_lines_fit (const CmWheelTextLines *lines,
                         double                  factor,
                         double                  width,
                         double                  height)
{
  /* No allowance for rounding: compared with Pango's own layouts the
   * forecast agrees exactly (test-wheel-text-lines), and an allowance made
   * close calls come out "fits", then fail the check and cost a slow fit. */
  double max_width = width / factor;
  double max_height = height / factor;
  double line_start;
  guint n_lines = 0, next = 0, n_breaks;

  g_return_val_if_fail (lines->valid, FALSE);

  n_breaks = lines->breaks->len;
  line_start = 0.0;
  while (next < n_breaks)
    {
      guint last_fitting = next;

      /* Greedy, as Pango: the farthest break whose line fits; a word wider
       * than the width stands on a line of its own, and is too wide. */
      if (g_array_index (lines->ends, double, next) - line_start > max_width)
        return FALSE;
      while (last_fitting + 1 < n_breaks &&
             g_array_index (lines->ends, double, last_fitting + 1) - line_start <= max_width)
        last_fitting++;

      n_lines++;
      if (n_lines * lines->line_height > max_height)
        return FALSE;

      next = last_fitting + 1;
      if (next < n_breaks)
        line_start = g_array_index (lines->starts, double,
                                    g_array_index (lines->breaks, guint, last_fitting));
    }

  return TRUE;
}
