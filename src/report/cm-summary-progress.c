/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-progress"

#include "config.h"

#include "cm-summary-sections-private.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cm-wheel-painter.h"

/* Progress by stage and ring (a sentence, a bar chart and a table of
 * counts) and the activities, grouped by stage and ring. */

typedef struct
{
  guint counts[CM_N_STAGES][CM_N_RINGS][CM_N_ACTIVITY_STATUSES];
} ProgressData;

static void
set_wheel_colour (cairo_t            *cr,
                  const CmWheelColor *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

/* One bar for each stage and ring, split by status. */
static void
draw_progress (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  const ProgressData *data = user_data;
  const CmWheelPalette *palette = cm_wheel_palette_light ();
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8px");
  double row = height / (CM_N_STAGES * CM_N_RINGS);
  double label_width = width * 0.28, bar_x = label_width + 6, count_width = 64;
  double bar_width = width - bar_x - count_width;
  guint most = 1;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (label_width));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      {
        guint total = 0;

        for (guint k = 0; k < CM_N_ACTIVITY_STATUSES; k++)
          total += data->counts[s][r][k];
        most = MAX (most, total);
      }

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      {
        double y = (s * CM_N_RINGS + r) * row;
        double x = bar_x, bar_h = row * 0.62, bar_y = y + (row - bar_h) / 2;
        g_autofree char *label = NULL;
        g_autofree char *count = NULL;
        PangoRectangle logical;
        guint total = 0;

        /* Translators: a bar's label in the progress chart: a stage, then a
         * ring, e.g. "Analyse · Commissioning" */
        label = g_strdup_printf (_("%s · %s"), cm_stage_to_label ((CmStage) s),
                                 cm_ring_to_label ((CmRing) r));
        pango_layout_set_text (layout, label, -1);
        pango_layout_get_pixel_extents (layout, NULL, &logical);
        set_wheel_colour (cr, &palette->text);
        cairo_move_to (cr, 0, y + (row - logical.height) / 2);
        pango_cairo_show_layout (cr, layout);

        for (guint k = 0; k < CM_N_ACTIVITY_STATUSES; k++)
          {
            double w = bar_width * data->counts[s][r][k] / most;

            total += data->counts[s][r][k];
            if (w <= 0)
              continue;
            cairo_rectangle (cr, x, bar_y, w, bar_h);
            set_wheel_colour (cr, &palette->status_fill[k]);
            cairo_fill_preserve (cr);
            set_wheel_colour (cr, &palette->dim_text);
            cairo_set_line_width (cr, 0.5);
            cairo_stroke (cr);
            x += w;
          }

        /* Translators: in the progress chart, how many of a stage and ring's
         * activities are done, e.g. "3 of 7 done" */
        count = g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", total),
                                 data->counts[s][r][CM_ACTIVITY_STATUS_DONE], total);
        pango_layout_set_text (layout, count, -1);
        pango_layout_get_pixel_extents (layout, NULL, &logical);
        set_wheel_colour (cr, &palette->text);
        cairo_move_to (cr, x + 4, y + (row - logical.height) / 2);
        pango_cairo_show_layout (cr, layout);
      }
}

void
cm_summary_build_progress (CmSummaryFlow        *flow,
                           const CmSummaryModel *model)
{
  guint n_all = cm_summary_model_count (model, CM_STAGE_NONE, -1, -1);
  guint n_counted;
  guint n[CM_N_ACTIVITY_STATUSES];
  g_autofree char *summary = NULL;
  ProgressData *data;
  CmSummaryTable *table;
  const char *header[7];

  cm_summary_flow_add_heading (flow, 1, _("Progress by stage and ring"), TRUE);

  for (guint k = 0; k < CM_N_ACTIVITY_STATUSES; k++)
    n[k] = cm_summary_model_count (model, CM_STAGE_NONE, -1, (int) k);

  if (n_all == 0)
    {
      cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_BODY,
                                _("This cycle has no activities yet."));
      return;
    }

  n_counted = n_all - n[CM_ACTIVITY_STATUS_NOT_APPLICABLE];
  /* Translators: the first sentence of the progress section; activities
   * not applicable are left out of the share done, as on the wheel */
  summary = g_strdup_printf (ngettext ("%u of %u activity is done (%u%%); %u in progress and "
                                       "%u not started. %u not applicable.",
                                       "%u of %u activities are done (%u%%); %u in progress and "
                                       "%u not started. %u not applicable.", n_counted),
                             n[CM_ACTIVITY_STATUS_DONE], n_counted,
                             cm_summary_percent (n[CM_ACTIVITY_STATUS_DONE], n_counted),
                             n[CM_ACTIVITY_STATUS_IN_PROGRESS], n[CM_ACTIVITY_STATUS_NOT_STARTED],
                             n[CM_ACTIVITY_STATUS_NOT_APPLICABLE]);
  if (model->n_overdue > 0)
    {
      g_autofree char *today = cm_summary_format_date (model->today);
      g_autofree char *more = NULL;

      /* Translators: %u is a number of activities, %s a date */
      more = g_strdup_printf (ngettext ("%u activity is overdue at %s.",
                                        "%u activities are overdue at %s.", model->n_overdue),
                              model->n_overdue, today);
      g_autofree char *first = g_steal_pointer (&summary);

      summary = g_strdup_printf ("%s %s", first, more);
    }
  cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_BODY, summary);

  data = g_new0 (ProgressData, 1);
  memcpy (data->counts, model->counts, sizeof data->counts);
  cm_summary_flow_add_figure (flow, cm_summary_flow_get_width (flow), 8 * 17.0, draw_progress,
                              data, g_free);

  header[0] = _("Stage");
  header[1] = _("Ring");
  for (guint k = 0; k < CM_N_ACTIVITY_STATUSES; k++)
    header[2 + k] = cm_activity_status_to_label ((CmActivityStatus) k);
  header[6] = _("Total");
  {
    char *h[7];

    for (guint i = 0; i < 7; i++)
      h[i] = cm_summary_escape (header[i]);
    table = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 7,
                                       (const double[]) { 1.1, 1.4, 0.8, 0.9, 0.9, 0.9, 0.7 });
    cm_summary_table_set_header (table, (const char * const *) h);
    for (guint i = 0; i < 7; i++)
      g_free (h[i]);
  }

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      {
        char c[CM_N_ACTIVITY_STATUSES][16], total[16];

        for (guint k = 0; k < CM_N_ACTIVITY_STATUSES; k++)
          g_snprintf (c[k], sizeof c[k], "%u", model->counts[s][r][k]);
        g_snprintf (total, sizeof total, "%u", cm_summary_model_count (model, s, (int) r, -1));
        cm_summary_add_plain_row (table, CM_SUMMARY_ROW_NORMAL,
                                  r == 0 ? cm_stage_to_label ((CmStage) s) : "",
                                  cm_ring_to_label ((CmRing) r), c[0], c[1], c[2], c[3], total,
                                  NULL);
      }

  {
    char c[CM_N_ACTIVITY_STATUSES][16], total[16];

    for (guint k = 0; k < CM_N_ACTIVITY_STATUSES; k++)
      g_snprintf (c[k], sizeof c[k], "%u", n[k]);
    g_snprintf (total, sizeof total, "%u", n_all);
    cm_summary_add_plain_row (table, CM_SUMMARY_ROW_TOTAL, _("All stages"), "", c[0], c[1], c[2],
                              c[3], total, NULL);
  }
}

void
cm_summary_build_activities (CmSummaryFlow        *flow,
                             const CmSummaryModel *model,
                             gboolean              under_progress)
{
  CmSummaryTable *table;
  int last_stage = -1, last_ring = -1;
  g_autofree char *h0 = cm_summary_escape (_("Activity"));
  g_autofree char *h1 = cm_summary_escape (_("Status"));
  g_autofree char *h2 = cm_summary_escape (_("Owner"));
  g_autofree char *h3 = cm_summary_escape (_("Due"));
  g_autofree char *today = cm_summary_format_date (model->today);
  g_autofree char *note = NULL;

  cm_summary_flow_add_heading (flow, under_progress ? 2 : 1, _("Activities"), TRUE);

  if (model->activities->len == 0)
    {
      cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_BODY,
                                _("This cycle has no activities yet."));
      return;
    }

  /* Translators: %s is a date; explains the red mark in the activities table */
  note = g_strdup_printf (_("Activities marked overdue were due before %s and are not done."),
                          today);
  cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_SMALL, note);

  table = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 4,
                                     (const double[]) { 3.2, 1.1, 1.6, 1.75 });
  cm_summary_table_set_header (table, (const char * const[]) { h0, h1, h2, h3 });

  for (guint i = 0; i < model->activities->len; i++)
    {
      CmSummaryActivity *activity = g_ptr_array_index (model->activities, i);
      g_autofree char *title = cm_summary_escape (activity->title);
      g_autofree char *status = cm_summary_escape (cm_activity_status_to_label (activity->status));
      g_autofree char *owner = cm_summary_escape (activity->owner);
      g_autofree char *due_text = cm_summary_format_date (activity->due_date);
      g_autofree char *due = NULL;

      if ((int) activity->stage != last_stage || (int) activity->ring != last_ring)
        {
          g_autofree char *group = NULL;
          g_autofree char *group_markup = NULL;

          /* Translators: a group of rows in the activities table: a stage
           * and a ring, e.g. "Analyse · Commissioning" */
          group = g_strdup_printf (_("%s · %s"), cm_stage_to_label (activity->stage),
                                   cm_ring_to_label (activity->ring));
          group_markup = cm_summary_escape (group);
          cm_summary_table_add_row (table, CM_SUMMARY_ROW_GROUP,
                                    (const char * const[]) { group_markup });
          last_stage = activity->stage;
          last_ring = activity->ring;
        }

      if (activity->overdue)
        /* Translators: in the Due column of an overdue activity; %s is the date */
        due = g_markup_printf_escaped ("%s\n" MARK_SPAN "%s</span>", due_text,
                                       /* Translators: marks an activity past its due date */
                                       _("Overdue"));
      else
        due = cm_summary_escape (due_text);

      cm_summary_table_add_row (table,
                                activity->overdue ? CM_SUMMARY_ROW_MARKED : CM_SUMMARY_ROW_NORMAL,
                                (const char * const[]) { title, status, owner, due });
    }
}
