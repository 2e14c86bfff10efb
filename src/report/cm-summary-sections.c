/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-sections"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdarg.h>

#include "cm-demand-chart.h"
#include "cm-summary-private.h"
#include "cm-wheel-painter.h"

/* What the summary says, section by section. Everything here comes from a
 * CmSummaryModel, in which consent has already been applied; every piece
 * of data is escaped before it goes into Pango markup. */

#define EVIDENCE_MAX_CHARS 1200
#define SECTION_ROOM       0.45  /* of a page, for a section to start on it */
#define MARK_SPAN          "<span foreground=\"#b3261e\" weight=\"bold\">"

/* Markup helpers -------------------------------------------------------- */

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* Adds a row of plain strings (escaped here); NULL ends the list. */
static void
add_plain_row (CmSummaryTable    *table,
               CmSummaryRowFlags  flags,
               const char        *first,
               ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    g_ptr_array_add (cells, escape (text));
  va_end (args);
  g_ptr_array_add (cells, NULL);

  cm_summary_table_add_row (table, flags, (const char * const *) cells->pdata);
}

static void
add_fact (CmSummaryTable *table,
          const char     *label,
          const char     *value)
{
  g_autofree char *label_markup = NULL;
  g_autofree char *value_markup = NULL;

  if (value == NULL || *value == '\0')
    return;

  label_markup = g_markup_printf_escaped ("<b>%s</b>", label);
  value_markup = escape (value);
  cm_summary_table_add_row (table, CM_SUMMARY_ROW_NORMAL,
                            (const char * const[]) { label_markup, value_markup });
}

static void
add_paragraph (CmSummaryFlow      *flow,
               CmSummaryTextStyle  style,
               const char         *text)
{
  g_autofree char *markup = escape (text);

  cm_summary_flow_add_text (flow, style, markup);
}

/* Long text as paragraphs, split where the writer left a blank line. */
static void
add_paragraphs (CmSummaryFlow      *flow,
                CmSummaryTextStyle  style,
                const char         *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (parts[i]));

      if (*trimmed != '\0')
        add_paragraph (flow, style, trimmed);
    }
}

static char *
period_text (const CmSummaryModel *model)
{
  g_autofree char *start = cm_summary_format_date (model->period_start);
  g_autofree char *end = cm_summary_format_date (model->period_end);

  if (*start != '\0' && *end != '\0')
    /* Translators: a period of time, e.g. "1 April 2026 to 31 March 2029" */
    return g_strdup_printf (_("%s to %s"), start, end);
  if (*start != '\0')
    /* Translators: %s is a date */
    return g_strdup_printf (_("From %s"), start);
  if (*end != '\0')
    /* Translators: %s is a date */
    return g_strdup_printf (_("Until %s"), end);
  return g_strdup ("");
}

static guint
percent (guint part,
         guint whole)
{
  /* Rounded down, as the wheel does, so that 99.6% is not "100%". */
  return whole > 0 ? (guint) floor (100.0 * part / whole) : 0;
}

/* Figures --------------------------------------------------------------- */

static void
draw_wheel (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  CmWheelModel *wheel = user_data;
  CmWheelState state = CM_WHEEL_STATE_INIT;

  cm_wheel_painter_draw (cr, wheel, width, height, cm_wheel_palette_light (), &state);
}

static void
draw_legend (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  cm_wheel_painter_draw_legend (cr, width, cm_wheel_palette_light (), user_data);
}

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

typedef struct
{
  CmDemandInputs *inputs;
  CmDemandResult *result;
} DemandData;

static void
demand_data_free (gpointer user_data)
{
  DemandData *data = user_data;

  cm_demand_inputs_free (data->inputs);
  cm_demand_result_free (data->result);
  g_free (data);
}

static void
draw_demand (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  DemandData *data = user_data;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 7.5px");

  cm_demand_chart_draw (cr, data->inputs, data->result, width, height,
                        cm_demand_chart_palette_light (), font);
}

/* The cover ------------------------------------------------------------- */

static void
build_cover (CmSummaryFlow        *flow,
             const CmSummaryModel *model,
             CmSummarySections     sections,
             double                body_height)
{
  double width = cm_summary_flow_get_width (flow);
  g_autofree char *kicker = g_utf8_strup (_("Commissioning cycle summary"), -1);
  g_autofree char *kicker_markup = escape (kicker);
  g_autofree char *title = escape (model->title);
  g_autofree char *period = period_text (model);
  g_autofree char *today = cm_summary_format_date (model->today);
  g_autofree char *progress = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *workshops = NULL;
  g_autofree char *contributions = NULL;
  g_autofree char *specs = NULL;
  guint n_done = cm_summary_model_count (model, CM_STAGE_NONE, -1, CM_ACTIVITY_STATUS_DONE);
  guint n_all = cm_summary_model_count (model, CM_STAGE_NONE, -1, -1) -
                cm_summary_model_count (model, CM_STAGE_NONE, -1,
                                        CM_ACTIVITY_STATUS_NOT_APPLICABLE);
  guint n_held = 0;
  CmSummaryTable *facts;

  for (guint i = 0; i < model->workshops->len; i++)
    {
      CmSummaryWorkshop *workshop = g_ptr_array_index (model->workshops, i);
      if (workshop->state != CM_WORKSHOP_STATE_PLANNED)
        n_held++;
    }

  cm_summary_flow_add_text (flow, CM_SUMMARY_TEXT_KICKER, kicker_markup);
  cm_summary_flow_add_text (flow, CM_SUMMARY_TEXT_TITLE, title);
  if (*model->service_area != '\0')
    add_paragraph (flow, CM_SUMMARY_TEXT_SUBTITLE, model->service_area);
  else
    cm_summary_flow_add_space (flow, 12);

  /* Translators: on the cover, how many activities are done, e.g.
   * "12 of 40 activities done (30%)"; those not applicable are not counted */
  progress = g_strdup_printf (ngettext ("%u of %u activity done (%u%%)",
                                        "%u of %u activities done (%u%%)", n_all),
                              n_done, n_all, percent (n_done, n_all));
  overdue = g_strdup_printf (ngettext ("%u activity", "%u activities", model->n_overdue),
                             model->n_overdue);
  specs = cm_summary_format_count (model->specs->len);
  /* Translators: on the cover, e.g. "5 held, 2 planned" */
  workshops = g_strdup_printf (_("%u held, %u planned"), n_held, model->workshops->len - n_held);
  contributions = cm_summary_format_count (model->n_contributions);

  facts = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_PLAIN, 2,
                                     (const double[]) { 1.0, 2.6 });
  add_fact (facts, _("Period"), period);
  add_fact (facts, _("Lead officer"), model->lead_officer);
  if (model->current_stage >= 0 && model->current_stage < CM_N_STAGES)
    add_fact (facts, _("Current stage"), cm_stage_to_label (model->current_stage));
  add_fact (facts, _("Progress"), progress);
  add_fact (facts, _("Overdue"), overdue);
  add_fact (facts, _("Specifications"), specs);
  add_fact (facts, _("Workshops"), workshops);
  add_fact (facts, _("Contributions"), contributions);
  add_fact (facts, _("Prepared"), today);

  if (sections & CM_SUMMARY_SECTION_WHEEL)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 7.5px");
      double legend = cm_wheel_painter_draw_legend (NULL, width, cm_wheel_palette_light (),
                                                    font);
      double room, size;

      /* As big as the room left on the cover allows, within reason. */
      cm_summary_flow_paginate (flow, body_height);
      room = body_height - cm_summary_flow_get_end (flow) - legend - 28;
      size = MIN (width, body_height * 0.62);
      if (room >= body_height * 0.3 && cm_summary_flow_get_n_pages (flow) == 1)
        size = MIN (size, room);

      cm_summary_flow_add_figure (flow, size, size, draw_wheel,
                                  cm_wheel_model_ref (model->wheel),
                                  (GDestroyNotify) cm_wheel_model_unref);
      cm_summary_flow_add_figure (flow, width, legend, draw_legend,
                                  g_steal_pointer (&font),
                                  (GDestroyNotify) pango_font_description_free);
    }

  cm_summary_flow_add_page_break (flow);
}

/* Progress -------------------------------------------------------------- */

static void
build_progress (CmSummaryFlow        *flow,
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
      add_paragraph (flow, CM_SUMMARY_TEXT_BODY, _("This cycle has no activities yet."));
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
                             percent (n[CM_ACTIVITY_STATUS_DONE], n_counted),
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
  add_paragraph (flow, CM_SUMMARY_TEXT_BODY, summary);

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
      h[i] = escape (header[i]);
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
        add_plain_row (table, CM_SUMMARY_ROW_NORMAL,
                       r == 0 ? cm_stage_to_label ((CmStage) s) : "",
                       cm_ring_to_label ((CmRing) r), c[0], c[1], c[2], c[3], total, NULL);
      }

  {
    char c[CM_N_ACTIVITY_STATUSES][16], total[16];

    for (guint k = 0; k < CM_N_ACTIVITY_STATUSES; k++)
      g_snprintf (c[k], sizeof c[k], "%u", n[k]);
    g_snprintf (total, sizeof total, "%u", n_all);
    add_plain_row (table, CM_SUMMARY_ROW_TOTAL, _("All stages"), "", c[0], c[1], c[2], c[3],
                   total, NULL);
  }
}

static void
build_activities (CmSummaryFlow        *flow,
                  const CmSummaryModel *model,
                  gboolean              under_progress)
{
  CmSummaryTable *table;
  int last_stage = -1, last_ring = -1;
  g_autofree char *h0 = escape (_("Activity"));
  g_autofree char *h1 = escape (_("Status"));
  g_autofree char *h2 = escape (_("Owner"));
  g_autofree char *h3 = escape (_("Due"));
  g_autofree char *today = cm_summary_format_date (model->today);
  g_autofree char *note = NULL;

  cm_summary_flow_add_heading (flow, under_progress ? 2 : 1, _("Activities"), TRUE);

  if (model->activities->len == 0)
    {
      add_paragraph (flow, CM_SUMMARY_TEXT_BODY, _("This cycle has no activities yet."));
      return;
    }

  /* Translators: %s is a date; explains the red mark in the activities table */
  note = g_strdup_printf (_("Activities marked overdue were due before %s and are not done."),
                          today);
  add_paragraph (flow, CM_SUMMARY_TEXT_SMALL, note);

  table = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 4,
                                     (const double[]) { 3.2, 1.1, 1.6, 1.75 });
  cm_summary_table_set_header (table, (const char * const[]) { h0, h1, h2, h3 });

  for (guint i = 0; i < model->activities->len; i++)
    {
      CmSummaryActivity *activity = g_ptr_array_index (model->activities, i);
      g_autofree char *title = escape (activity->title);
      g_autofree char *status = escape (cm_activity_status_to_label (activity->status));
      g_autofree char *owner = escape (activity->owner);
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
          group_markup = escape (group);
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
        due = escape (due_text);

      cm_summary_table_add_row (table,
                                activity->overdue ? CM_SUMMARY_ROW_MARKED : CM_SUMMARY_ROW_NORMAL,
                                (const char * const[]) { title, status, owner, due });
    }
}

/* Specifications -------------------------------------------------------- */

static void
add_demand (CmSummaryFlow       *flow,
            const CmSummarySpec *spec)
{
  const CmDemandResult *result = spec->demand_result;
  CmSummaryTable *table;
  g_autofree char *h0 = escape (_("Year"));
  g_autofree char *h1 = escape (_("Cases"));
  g_autofree char *h2 = escape (_("Hours"));
  g_autofree char *h3 = escape (_("Cost"));
  g_autofree char *h4 = escape (_("Hours the budget buys"));

  if (result == NULL || result->n_years == 0)
    return;

  cm_summary_flow_add_heading (flow, 3, _("Demand model"), FALSE);
  table = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 5,
                                     (const double[]) { 1.0, 1.0, 1.0, 1.2, 1.4 });
  cm_summary_table_set_header (table, (const char * const[]) { h0, h1, h2, h3, h4 });

  for (guint y = 0; y <= result->n_years; y++)
    {
      const CmDemandYear *year = y < result->n_years ? &result->years[y] : &result->period;
      g_autofree char *label = NULL;
      g_autofree char *cases = g_strdup_printf ("%.0f", year->total_cases);
      g_autofree char *hours = g_strdup_printf ("%.0f", year->total_hours);
      g_autofree char *cost = cm_summary_format_pounds (year->total_cost);
      g_autofree char *budget = year->budget_hours > 0 ? g_strdup_printf ("%.0f",
                                                                          year->budget_hours)
                                                       : g_strdup ("—");

      if (y < result->n_years)
        /* Translators: a year of the demand model, counted from 1 */
        label = g_strdup_printf (_("Year %u"), y + 1);
      else
        label = g_strdup (_("Total"));
      add_plain_row (table, y < result->n_years ? CM_SUMMARY_ROW_NORMAL : CM_SUMMARY_ROW_TOTAL,
                     label, cases, hours, cost, budget, NULL);
    }

  if (spec->demand_inputs != NULL)
    {
      DemandData *data = g_new0 (DemandData, 1);
      g_autofree char *description = NULL;

      /* The figures and their chart on one page. */
      cm_summary_flow_keep_with_next (flow);

      data->inputs = cm_demand_inputs_copy (spec->demand_inputs);
      data->result = cm_demand_result_copy (spec->demand_result);
      description = cm_demand_chart_describe (data->inputs, data->result);
      cm_summary_flow_add_figure (flow, cm_summary_flow_get_width (flow), 200, draw_demand,
                                  data, demand_data_free);
      cm_summary_flow_keep_with_next (flow);
      if (description != NULL && *description != '\0')
        add_paragraph (flow, CM_SUMMARY_TEXT_SMALL, description);
    }
}

static void
build_specs (CmSummaryFlow        *flow,
             const CmSummaryModel *model)
{
  CmSummaryTable *overview;
  g_autofree char *h0 = escape (_("Specification"));
  g_autofree char *h1 = escape (_("Status"));
  g_autofree char *h2 = escape (_("Version"));
  g_autofree char *h3 = escape (_("Budget"));
  g_autofree char *h4 = escape (_("Route"));

  cm_summary_flow_add_heading (flow, 1, _("Specifications"), TRUE);

  if (model->specs->len == 0)
    {
      add_paragraph (flow, CM_SUMMARY_TEXT_BODY, _("This cycle has no specifications yet."));
      return;
    }

  overview = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 5,
                                        (const double[]) { 3.0, 1.2, 0.9, 1.3, 2.0 });
  cm_summary_table_set_header (overview, (const char * const[]) { h0, h1, h2, h3, h4 });
  for (guint i = 0; i < model->specs->len; i++)
    {
      CmSummarySpec *spec = g_ptr_array_index (model->specs, i);
      g_autofree char *version = g_strdup_printf ("%u", spec->version);
      g_autofree char *budget = NULL;

      budget = spec->budget_pence > 0 ? cm_summary_format_money (spec->budget_pence)
                                      : g_strdup ("—");

      add_plain_row (overview, CM_SUMMARY_ROW_NORMAL, spec->title,
                     cm_spec_status_to_label (spec->status), version, budget,
                     cm_procurement_route_to_label (spec->procurement_route), NULL);
    }

  for (guint i = 0; i < model->specs->len; i++)
    {
      CmSummarySpec *spec = g_ptr_array_index (model->specs, i);
      g_autofree char *version = NULL;
      g_autofree char *types = cm_summary_format_advocacy (spec->advocacy_types);
      g_autofree char *budget = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *n_sections = NULL;
      g_autofree char *n_kpis = NULL;
      g_autofree char *updated = cm_summary_format_date_time (spec->updated_at);
      CmSummaryTable *facts;

      cm_summary_flow_add_heading (flow, 2, spec->title, TRUE);

      if (spec->version == 0)
        version = g_strdup (_("No version recorded yet"));
      else
        /* Translators: the number of recorded versions of a specification */
        version = g_strdup_printf (_("Version %u"), spec->version);
      if (spec->budget_pence > 0)
        budget = cm_summary_format_money (spec->budget_pence);
      n_sections = g_strdup_printf (ngettext ("%u section", "%u sections", spec->n_sections),
                                    spec->n_sections);
      n_kpis = g_strdup_printf (ngettext ("%u KPI", "%u KPIs", spec->n_kpis), spec->n_kpis);
      /* Translators: what a specification contains, e.g. "12 sections, 8 KPIs" */
      contents = g_strdup_printf (_("%s, %s"), n_sections, n_kpis);

      facts = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_PLAIN, 2,
                                         (const double[]) { 1.0, 2.6 });
      add_fact (facts, _("Status"), cm_spec_status_to_label (spec->status));
      add_fact (facts, _("Version"), version);
      add_fact (facts, _("Advocacy types"), types);
      add_fact (facts, _("Lead"), spec->lead);
      add_fact (facts, _("Budget"), budget);
      add_fact (facts, _("Contract term"), spec->contract_term);
      add_fact (facts, _("Procurement route"),
                cm_procurement_route_to_label (spec->procurement_route));
      add_fact (facts, _("Contents"), contents);
      add_fact (facts, _("Last updated"), updated);

      /* A specification and its demand figures read as one: they go on
       * one page when they fit. */
      if (spec->demand_result != NULL && spec->demand_result->n_years > 0)
        cm_summary_flow_keep_with_next (flow);
      add_demand (flow, spec);
    }
}

/* Workshops ------------------------------------------------------------- */

static char *
roles_text (const CmSummaryWorkshop *workshop)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < CM_N_PARTICIPANT_ROLES; r++)
    {
      if (workshop->role_counts[r] == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, C_("list separator", ", "));
      /* Translators: a role and how many people of it attended, e.g. "Carer: 3" */
      g_string_append_printf (out, _("%s: %u"),
                              cm_participant_role_to_label ((CmParticipantRole) r),
                              workshop->role_counts[r]);
    }

  return g_string_free (out, FALSE);
}

static char *
themes_text (const CmSummaryWorkshop *workshop)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < workshop->themes->len; i++)
    {
      CmSummaryTheme *theme = g_ptr_array_index (workshop->themes, i);

      if (out->len > 0)
        g_string_append (out, C_("list separator", ", "));
      /* Translators: a theme and how often it came up, e.g. "access (12)" */
      g_string_append_printf (out, _("%s (%u)"), theme->theme, theme->count);
    }

  return g_string_free (out, FALSE);
}

static void
add_quote (CmSummaryFlow        *flow,
           const CmSummaryQuote *quote)
{
  g_autofree char *text = NULL;
  g_autofree char *attribution = NULL;

  /* Translators: a quotation in the summary, in quotation marks */
  text = g_markup_printf_escaped (_("“%s”"), quote->text);
  /* Translators: who said the quotation above, e.g. "— A carer (Concern)" */
  attribution = g_markup_printf_escaped (_("— %s (%s)"), quote->attribution,
                                         cm_contribution_kind_to_label (quote->kind));
  cm_summary_flow_add_text (flow, CM_SUMMARY_TEXT_QUOTE, text);
  cm_summary_flow_add_text (flow, CM_SUMMARY_TEXT_ATTRIBUTION, attribution);
}

static void
build_workshops (CmSummaryFlow        *flow,
                 const CmSummaryModel *model)
{
  CmSummaryTable *overview;
  g_autofree char *summary = NULL;
  g_autofree char *h0 = escape (_("Workshop"));
  g_autofree char *h1 = escape (_("Date"));
  g_autofree char *h2 = escape (_("State"));
  g_autofree char *h3 = escape (_("Attended"));
  g_autofree char *h4 = escape (_("Contributions"));
  guint n_held = 0;

  cm_summary_flow_add_heading (flow, 1, _("Workshops"), TRUE);

  if (model->workshops->len == 0)
    {
      add_paragraph (flow, CM_SUMMARY_TEXT_BODY, _("No workshops have been planned yet."));
      return;
    }

  for (guint i = 0; i < model->workshops->len; i++)
    {
      CmSummaryWorkshop *workshop = g_ptr_array_index (model->workshops, i);
      if (workshop->state != CM_WORKSHOP_STATE_PLANNED)
        n_held++;
    }

  /* Translators: the first sentence of the workshops section */
  summary = g_strdup_printf (ngettext ("%u workshop (%u held, %u planned); %u contributions "
                                       "were captured.",
                                       "%u workshops (%u held, %u planned); %u contributions "
                                       "were captured.", model->workshops->len),
                             model->workshops->len, n_held, model->workshops->len - n_held,
                             model->n_contributions);
  add_paragraph (flow, CM_SUMMARY_TEXT_BODY, summary);

  overview = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 5,
                                        (const double[]) { 3.0, 1.9, 0.9, 0.9, 1.2 });
  cm_summary_table_set_header (overview, (const char * const[]) { h0, h1, h2, h3, h4 });
  for (guint i = 0; i < model->workshops->len; i++)
    {
      CmSummaryWorkshop *workshop = g_ptr_array_index (model->workshops, i);
      g_autofree char *date = cm_summary_format_date_time (workshop->starts_at);
      g_autofree char *attended = g_strdup_printf ("%u", workshop->n_attendees);
      g_autofree char *contributions = g_strdup_printf ("%u", workshop->n_contributions);

      add_plain_row (overview, CM_SUMMARY_ROW_NORMAL, workshop->title, date,
                     cm_workshop_state_to_label (workshop->state), attended, contributions,
                     NULL);
    }

  for (guint i = 0; i < model->workshops->len; i++)
    {
      CmSummaryWorkshop *workshop = g_ptr_array_index (model->workshops, i);
      g_autofree char *date = cm_summary_format_date_time (workshop->starts_at);
      g_autofree char *roles = roles_text (workshop);
      g_autofree char *themes = themes_text (workshop);
      g_autofree char *contributions = g_strdup_printf ("%u", workshop->n_contributions);
      CmSummaryTable *facts;

      if (workshop->state == CM_WORKSHOP_STATE_PLANNED)
        continue;

      cm_summary_flow_add_heading (flow, 2, workshop->title, TRUE);
      facts = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_PLAIN, 2,
                                         (const double[]) { 1.0, 2.6 });
      add_fact (facts, _("Date"), date);
      add_fact (facts, _("Venue"), workshop->venue);
      add_fact (facts, _("Facilitator"), workshop->facilitator);
      add_fact (facts, _("Participants"),
                *roles != '\0' ? roles : _("No attendance recorded"));
      add_fact (facts, _("Contributions"), contributions);
      add_fact (facts, _("Main themes"), themes);

      if (workshop->quotes->len > 0)
        {
          /* "What people said" is not left apart from its workshop. */
          cm_summary_flow_keep_with_next (flow);
          cm_summary_flow_add_heading (flow, 3, _("What people said"), FALSE);
          for (guint q = 0; q < workshop->quotes->len; q++)
            add_quote (flow, g_ptr_array_index (workshop->quotes, q));
        }
    }
}

/* You said, we did ------------------------------------------------------ */

static char *
you_said_markup (const CmSummaryAction *action)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < action->quotes->len; i++)
    {
      CmSummaryQuote *quote = g_ptr_array_index (action->quotes, i);
      g_autofree char *part = NULL;

      /* Translators: a quotation and who said it, in the "You said" column;
       * keep the markup */
      part = g_markup_printf_escaped (_("<i>“%s”</i>\n<small>— %s</small>"), quote->text,
                                      quote->attribution);
      /* A thin empty line between one quotation and the next. */
      if (out->len > 0)
        g_string_append (out, "\n<span size=\"3000\"> </span>\n");
      g_string_append (out, part);
    }

  if (action->quotes->len == 0 && action->n_linked > 0)
    {
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      /* Translators: in the "You said" column when none of the points may
       * be quoted */
      text = g_strdup_printf (ngettext ("%u point raised at a workshop (not quoted)",
                                        "%u points raised at workshops (not quoted)",
                                        action->n_linked),
                              action->n_linked);
      markup = g_markup_printf_escaped ("<i>%s</i>", text);
      g_string_append (out, markup);
    }
  else if (action->n_not_quoted > 0)
    {
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      /* Translators: after the quotations in the "You said" column */
      text = g_strdup_printf (ngettext ("and %u more point", "and %u more points",
                                        action->n_not_quoted),
                              action->n_not_quoted);
      markup = g_markup_printf_escaped ("\n<small>%s</small>", text);
      g_string_append (out, markup);
    }
  else if (action->n_linked == 0)
    g_string_append (out, "—");

  return g_string_free (out, FALSE);
}

static char *
we_did_markup (const CmSummaryAction *action)
{
  GString *out = g_string_new (NULL);
  g_autofree char *response = escape (*action->response != '\0' ? action->response
                                                                 : _("No response yet"));
  g_autofree char *due = cm_summary_format_date (action->due_date);

  g_string_append (out, response);
  if (action->state == CM_ACTION_STATE_NOT_POSSIBLE && *action->reason != '\0')
    {
      /* Translators: why a "You said, we did" point could not be done */
      g_autofree char *why = g_markup_printf_escaped (_("\n<b>Why not:</b> %s"), action->reason);
      g_string_append (out, why);
    }
  if (*action->owner != '\0' || *due != '\0')
    {
      g_autofree char *line = NULL;

      if (*action->owner != '\0' && *due != '\0')
        /* Translators: who owns a "You said, we did" point and when it is due */
        line = g_markup_printf_escaped (_("\n<small>%s · due %s</small>"), action->owner, due);
      else if (*action->owner != '\0')
        line = g_markup_printf_escaped ("\n<small>%s</small>", action->owner);
      else
        /* Translators: when a "You said, we did" point is due */
        line = g_markup_printf_escaped (_("\n<small>Due %s</small>"), due);
      g_string_append (out, line);
    }

  return g_string_free (out, FALSE);
}

static void
build_you_said (CmSummaryFlow        *flow,
                const CmSummaryModel *model)
{
  CmSummaryTable *table;
  guint n[3] = { 0, 0, 0 };
  g_autofree char *summary = NULL;
  g_autofree char *h0 = escape (_("You said"));
  g_autofree char *h1 = escape (_("We did"));
  g_autofree char *h2 = escape (_("State"));

  cm_summary_flow_add_heading (flow, 1, _("You said, we did"), TRUE);

  if (model->actions->len == 0)
    {
      add_paragraph (flow, CM_SUMMARY_TEXT_BODY,
                     _("No responses to what people said have been recorded yet."));
      return;
    }

  for (guint i = 0; i < model->actions->len; i++)
    {
      CmSummaryAction *action = g_ptr_array_index (model->actions, i);
      if (action->state <= CM_ACTION_STATE_NOT_POSSIBLE)
        n[action->state]++;
    }

  /* Translators: the first sentence of "You said, we did" */
  summary = g_strdup_printf (ngettext ("%u point: %u done, %u open, %u not possible.",
                                       "%u points: %u done, %u open, %u not possible.",
                                       model->actions->len),
                             model->actions->len, n[CM_ACTION_STATE_DONE],
                             n[CM_ACTION_STATE_OPEN], n[CM_ACTION_STATE_NOT_POSSIBLE]);
  add_paragraph (flow, CM_SUMMARY_TEXT_BODY, summary);

  table = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 3,
                                     (const double[]) { 3.0, 3.0, 1.1 });
  cm_summary_table_set_header (table, (const char * const[]) { h0, h1, h2 });
  for (guint i = 0; i < model->actions->len; i++)
    {
      CmSummaryAction *action = g_ptr_array_index (model->actions, i);
      g_autofree char *said = you_said_markup (action);
      g_autofree char *did = we_did_markup (action);
      g_autofree char *state = NULL;
      gboolean overdue = action->state == CM_ACTION_STATE_OPEN && action->due_date != NULL &&
                         g_date_compare (action->due_date, model->today) < 0;

      if (overdue)
        /* Translators: the state of an open point past its due date */
        state = g_markup_printf_escaped ("%s\n" MARK_SPAN "%s</span>",
                                         cm_action_state_to_label (action->state),
                                         _("Overdue"));
      else
        state = escape (cm_action_state_to_label (action->state));

      cm_summary_table_add_row (table, overdue ? CM_SUMMARY_ROW_MARKED : CM_SUMMARY_ROW_NORMAL,
                                (const char * const[]) { said, did, state });
    }
}

/* Evidence -------------------------------------------------------------- */

static char *
shorten (const char *text,
         gboolean   *shortened)
{
  glong length = g_utf8_strlen (text, -1);
  g_autofree char *cut = NULL;
  char *space;

  *shortened = length > EVIDENCE_MAX_CHARS;
  if (!*shortened)
    return g_strdup (text);

  cut = g_utf8_substring (text, 0, EVIDENCE_MAX_CHARS);
  space = strrchr (cut, ' ');
  if (space != NULL && space - cut > EVIDENCE_MAX_CHARS / 2)
    *space = '\0';
  return g_strconcat (cut, "…", NULL);
}

static void
build_evidence (CmSummaryFlow        *flow,
                const CmSummaryModel *model)
{
  guint n = 0;

  cm_summary_flow_add_heading (flow, 1, _("Appendix: evidence notes"), TRUE);

  for (guint i = 0; i < model->activities->len; i++)
    {
      CmSummaryActivity *activity = g_ptr_array_index (model->activities, i);
      g_autofree char *heading = NULL;
      g_autofree char *notes = NULL;
      g_autofree char *trimmed = g_strstrip (g_strdup (activity->evidence_notes));
      gboolean shortened;

      if (*trimmed == '\0')
        continue;

      /* Translators: an activity in the evidence appendix: stage, ring and
       * title, e.g. "Analyse · Commissioning: Population needs assessment" */
      heading = g_strdup_printf (_("%s · %s: %s"), cm_stage_to_label (activity->stage),
                                 cm_ring_to_label (activity->ring), activity->title);
      cm_summary_flow_add_heading (flow, 3, heading, FALSE);
      notes = shorten (trimmed, &shortened);
      add_paragraphs (flow, CM_SUMMARY_TEXT_BODY, notes);
      if (shortened)
        add_paragraph (flow, CM_SUMMARY_TEXT_SMALL,
                       _("Shortened for this summary; the full notes are in the app."));
      n++;
    }

  if (n == 0)
    add_paragraph (flow, CM_SUMMARY_TEXT_BODY, _("No evidence notes have been written yet."));
}

void
cm_summary_build_flow (CmSummaryFlow        *flow,
                       const CmSummaryModel *model,
                       CmSummarySections     sections,
                       double                body_height)
{
  gboolean first = TRUE;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (model != NULL);

  build_cover (flow, model, sections, body_height);

  /* A section starts on a new page unless most of this one is still free:
   * short sections share a page rather than leave pages nearly empty. */
#define NEXT_SECTION() G_STMT_START { if (!first) \
                                        cm_summary_flow_add_page_break_unless_room \
                                          (flow, body_height * SECTION_ROOM); \
                                      first = FALSE; } G_STMT_END

  if (sections & CM_SUMMARY_SECTION_PROGRESS)
    {
      NEXT_SECTION ();
      build_progress (flow, model);
    }
  if (sections & CM_SUMMARY_SECTION_ACTIVITIES)
    {
      if (!(sections & CM_SUMMARY_SECTION_PROGRESS))
        NEXT_SECTION ();
      build_activities (flow, model, (sections & CM_SUMMARY_SECTION_PROGRESS) != 0);
    }
  if (sections & CM_SUMMARY_SECTION_SPECS)
    {
      NEXT_SECTION ();
      build_specs (flow, model);
    }
  if (sections & CM_SUMMARY_SECTION_WORKSHOPS)
    {
      NEXT_SECTION ();
      build_workshops (flow, model);
    }
  if (sections & CM_SUMMARY_SECTION_YOU_SAID)
    {
      NEXT_SECTION ();
      build_you_said (flow, model);
    }
  if (sections & CM_SUMMARY_SECTION_EVIDENCE)
    {
      NEXT_SECTION ();
      build_evidence (flow, model);
    }

#undef NEXT_SECTION
}
