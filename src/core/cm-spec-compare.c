/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-spec-compare"

#include "config.h"

#include "cm-spec-compare.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cm-money.h"

/* Two versions of a specification are compared section by section: each
 * newer section is paired with the older one it continues (by the id of
 * the live section it was taken from, else by title), and the bodies of a
 * pair are compared with cm_diff_words(). */

G_DEFINE_BOXED_TYPE (CmSpecComparison, cm_spec_comparison, cm_spec_comparison_ref,
                     cm_spec_comparison_unref)

/* Sections ------------------------------------------------------------- */

static void
section_change_free (gpointer data)
{
  CmSectionChange *change = data;

  if (change == NULL)
    return;

  g_free (change->old_title);
  g_free (change->new_title);
  g_clear_pointer (&change->spans, g_ptr_array_unref);
  g_free (change);
}

static void
field_change_free (gpointer data)
{
  CmFieldChange *change = data;

  g_free (change->label);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static CmSectionChange *
compare_texts (const char *old_title,
               const char *new_title,
               const char *old_body,
               const char *new_body,
               gboolean    by_lines)
{
  CmSectionChange *change = g_new0 (CmSectionChange, 1);

  change->old_title = g_strdup (old_title);
  change->new_title = g_strdup (new_title);

  if (old_title == NULL)
    {
      change->kind = CM_SECTION_ADDED;
      change->spans = cm_diff_whole (CM_DIFF_ADDED, new_body);
    }
  else if (new_title == NULL)
    {
      change->kind = CM_SECTION_REMOVED;
      change->spans = cm_diff_whole (CM_DIFF_REMOVED, old_body);
    }
  else
    {
      change->renamed = g_strcmp0 (old_title, new_title) != 0;
      change->text_changed = g_strcmp0 (old_body, new_body) != 0;
      if (!change->text_changed)
        change->spans = cm_diff_whole (CM_DIFF_SAME, new_body);
      else if (by_lines)
        change->spans = cm_diff_lines (old_body, new_body);
      else
        change->spans = cm_diff_words (old_body, new_body);
      change->kind = change->renamed || change->text_changed ? CM_SECTION_CHANGED
                                                             : CM_SECTION_UNCHANGED;
    }

  change->words_added = cm_diff_count_words (change->spans, CM_DIFF_ADDED);
  change->words_removed = cm_diff_count_words (change->spans, CM_DIFF_REMOVED);
  return change;
}

/* Pairs each newer section with the older one it continues: by the id of
 * the live section it was taken from, else by an identical title. */
static int *
match_sections (const CmSpecSnapshot *older,
                const CmSpecSnapshot *newer)
{
  guint n_old = older->sections->len;
  guint n_new = newer->sections->len;
  int *match = g_new (int, n_new + 1);
  g_autofree gboolean *used = g_new0 (gboolean, n_old + 1);

  for (guint j = 0; j < n_new; j++)
    {
      const CmSnapshotSection *section = g_ptr_array_index (newer->sections, j);

      match[j] = -1;
      for (guint i = 0; section->section_id != 0 && i < n_old; i++)
        {
          const CmSnapshotSection *candidate = g_ptr_array_index (older->sections, i);

          if (!used[i] && candidate->section_id == section->section_id)
            {
              match[j] = (int) i;
              used[i] = TRUE;
              break;
            }
        }
    }

  for (guint j = 0; j < n_new; j++)
    {
      const CmSnapshotSection *section = g_ptr_array_index (newer->sections, j);

      for (guint i = 0; match[j] < 0 && i < n_old; i++)
        {
          const CmSnapshotSection *candidate = g_ptr_array_index (older->sections, i);

          if (!used[i] && g_strcmp0 (candidate->title, section->title) == 0)
            {
              match[j] = (int) i;
              used[i] = TRUE;
            }
        }
    }

  return match;
}

/* Kept sections out of the longest run that kept its order have moved. */
static gboolean *
find_moved (const int *match,
            guint      n_new)
{
  g_autofree int *olds = g_new (int, n_new + 1);
  g_autofree int *news = g_new (int, n_new + 1);
  g_autofree int *length = NULL;
  g_autofree int *previous = NULL;
  gboolean *moved = g_new0 (gboolean, n_new + 1);
  guint n = 0;
  int best = -1;

  for (guint j = 0; j < n_new; j++)
    {
      if (match[j] >= 0)
        {
          olds[n] = match[j];
          news[n] = (int) j;
          n++;
        }
    }

  /* The longest increasing run of old positions, O(n²): sections are few. */
  length = g_new0 (int, n + 1);
  previous = g_new0 (int, n + 1);
  for (guint i = 0; i < n; i++)
    {
      length[i] = 1;
      previous[i] = -1;
      for (guint h = 0; h < i; h++)
        {
          if (olds[h] < olds[i] && length[h] + 1 > length[i])
            {
              length[i] = length[h] + 1;
              previous[i] = (int) h;
            }
        }
      if (best < 0 || length[i] > length[best])
        best = (int) i;
    }

  for (guint i = 0; i < n; i++)
    moved[news[i]] = TRUE;
  for (int i = best; i >= 0; i = previous[i])
    moved[news[i]] = FALSE;

  return moved;
}

static char *
describe_types (CmAdvocacyTypes types)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (types == CM_ADVOCACY_NONE)
    return g_strdup (cm_advocacy_type_to_label (CM_ADVOCACY_NONE));

  for (guint bit = 0; bit < 6; bit++)
    {
      if (types & (1u << bit))
        g_ptr_array_add (labels, (gpointer) cm_advocacy_type_to_label (1u << bit));
    }
  g_ptr_array_add (labels, NULL);

  return g_strjoinv (", ", (char **) labels->pdata);
}

static void
add_field (GPtrArray  *fields,
           const char *label,
           char       *old_value,
           char       *new_value)
{
  CmFieldChange *change;

  if (g_strcmp0 (old_value, new_value) == 0)
    {
      g_free (old_value);
      g_free (new_value);
      return;
    }

  change = g_new0 (CmFieldChange, 1);
  change->label = g_strdup (label);
  change->old_value = old_value;
  change->new_value = new_value;
  g_ptr_array_add (fields, change);
}

static char *
kpi_lines (const CmSpecSnapshot *snapshot)
{
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      const CmSnapshotKpi *kpi = g_ptr_array_index (snapshot->kpis, i);

      /* Translators: one KPI on one line in a comparison: measure, target,
       * frequency and source, separated by middle dots */
      g_string_append_printf (lines, _("%s · %s · %s · %s"), kpi->measure, kpi->target,
                              kpi->frequency, kpi->source);
      g_string_append_c (lines, '\n');
    }

  return g_string_free (lines, FALSE);
}

static void
comparison_clear (gpointer data)
{
  CmSpecComparison *comparison = data;

  g_clear_pointer (&comparison->fields, g_ptr_array_unref);
  g_clear_pointer (&comparison->sections, g_ptr_array_unref);
  g_clear_pointer (&comparison->kpis, section_change_free);
}

/**
 * cm_spec_compare:
 * @older: the earlier version
 * @newer: the later version (or the specification as it is now)
 *
 * Returns: (transfer full): what changed from @older to @newer
 */
CmSpecComparison *
cm_spec_compare (const CmSpecSnapshot *older,
                 const CmSpecSnapshot *newer)
{
  CmSpecComparison *comparison;
  g_autofree int *match = NULL;
  g_autofree gboolean *moved = NULL;
  g_autofree int *placed_after = NULL;
  g_autofree char *old_kpis = NULL;
  g_autofree char *new_kpis = NULL;
  g_autoptr(GArray) origin = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_old, n_new;

  g_return_val_if_fail (older != NULL, NULL);
  g_return_val_if_fail (newer != NULL, NULL);

  comparison = g_rc_box_new0 (CmSpecComparison);
  comparison->fields = g_ptr_array_new_with_free_func (field_change_free);
  comparison->sections = g_ptr_array_new_with_free_func (section_change_free);

  add_field (comparison->fields, _("Title"), g_strdup (older->title), g_strdup (newer->title));
  add_field (comparison->fields, _("Advocacy types"), describe_types (older->advocacy_types),
             describe_types (newer->advocacy_types));
  add_field (comparison->fields, _("Status"), g_strdup (cm_spec_status_to_label (older->status)),
             g_strdup (cm_spec_status_to_label (newer->status)));
  add_field (comparison->fields, _("Lead"), g_strdup (older->lead), g_strdup (newer->lead));
  add_field (comparison->fields, _("Contract term"), g_strdup (older->contract_term),
             g_strdup (newer->contract_term));
  add_field (comparison->fields, _("Budget a year"), cm_money_format (older->budget_pence),
             cm_money_format (newer->budget_pence));
  add_field (comparison->fields, _("Procurement route"),
             g_strdup (cm_procurement_route_to_label (older->procurement_route)),
             g_strdup (cm_procurement_route_to_label (newer->procurement_route)));

  n_old = older->sections->len;
  n_new = newer->sections->len;
  match = match_sections (older, newer);
  moved = find_moved (match, n_new);

  for (guint j = 0; j < n_new; j++)
    {
      const CmSnapshotSection *section = g_ptr_array_index (newer->sections, j);
      int j_index = (int) j;
      const CmSnapshotSection *before = match[j] >= 0
                                        ? g_ptr_array_index (older->sections, match[j]) : NULL;
      CmSectionChange *change;

      change = compare_texts (before ? before->title : NULL, section->title,
                              before ? before->body : "", section->body, FALSE);
      change->moved = moved[j];
      if (change->moved)
        change->kind = CM_SECTION_CHANGED;
      g_ptr_array_add (comparison->sections, change);
      g_array_append_val (origin, j_index);
    }

  /* A removed section goes back after the section that preceded it, if
   * that one is still there, so the reader finds it where it was. */
  placed_after = g_new (int, n_old + 1);
  for (guint i = 0; i < n_old; i++)
    {
      gboolean kept = FALSE;

      placed_after[i] = -1;
      for (guint j = 0; j < n_new; j++)
        kept |= match[j] == (int) i;
      if (kept)
        continue;

      for (int h = (int) i - 1; h >= 0 && placed_after[i] < 0; h--)
        {
          for (guint j = 0; j < n_new; j++)
            if (match[j] == h)
              placed_after[i] = (int) j;
        }
    }

  for (int i = (int) n_old - 1; i >= 0; i--)
    {
      const CmSnapshotSection *section = g_ptr_array_index (older->sections, i);
      gboolean kept = FALSE;
      int removed_mark = -1;
      guint at = 0;

      for (guint j = 0; j < n_new; j++)
        kept |= match[j] == i;
      if (kept)
        continue;

      /* Going backwards, inserting right after the anchor keeps old order. */
      for (guint k = 0; placed_after[i] >= 0 && k < origin->len; k++)
        {
          if (g_array_index (origin, int, k) == placed_after[i])
            {
              at = k + 1;
              break;
            }
        }

      g_ptr_array_insert (comparison->sections, (int) at,
                          compare_texts (section->title, NULL, section->body, "", FALSE));
      g_array_insert_val (origin, at, removed_mark);
    }

  old_kpis = kpi_lines (older);
  new_kpis = kpi_lines (newer);
  comparison->kpis = compare_texts (_("Key performance indicators"),
                                    _("Key performance indicators"), old_kpis, new_kpis, TRUE);

  return comparison;
}

CmSpecComparison *
cm_spec_comparison_ref (CmSpecComparison *comparison)
{
  g_return_val_if_fail (comparison != NULL, NULL);

  return g_rc_box_acquire (comparison);
}

void
cm_spec_comparison_unref (CmSpecComparison *comparison)
{
  g_return_if_fail (comparison != NULL);

  g_rc_box_release_full (comparison, comparison_clear);
}

/**
 * cm_spec_comparison_count_changed:
 *
 * Returns: how many sections were added, removed or changed
 */
guint
cm_spec_comparison_count_changed (const CmSpecComparison *comparison)
{
  guint count = 0;

  g_return_val_if_fail (comparison != NULL, 0);

  for (guint i = 0; i < comparison->sections->len; i++)
    {
      const CmSectionChange *change = g_ptr_array_index (comparison->sections, i);

      if (change->kind != CM_SECTION_UNCHANGED)
        count++;
    }

  return count;
}

gboolean
cm_spec_comparison_is_empty (const CmSpecComparison *comparison)
{
  g_return_val_if_fail (comparison != NULL, TRUE);

  return comparison->fields->len == 0 &&
         cm_spec_comparison_count_changed (comparison) == 0 &&
         comparison->kpis->kind == CM_SECTION_UNCHANGED;
}
