/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-cover"

#include "config.h"

#include "cm-summary-sections-private.h"

#include <glib/gi18n.h>

#include "cm-wheel-painter.h"

/* The cover: the cycle's title, its facts and figures and, when asked
 * for, the wheel with its legend in the room left on the page. */

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

void
cm_summary_build_cover (CmSummaryFlow        *flow,
                        const CmSummaryModel *model,
                        CmSummarySections     sections,
                        double                body_height)
{
  double width = cm_summary_flow_get_width (flow);
  g_autofree char *kicker = g_utf8_strup (_("Commissioning cycle summary"), -1);
  g_autofree char *kicker_markup = cm_summary_escape (kicker);
  g_autofree char *title = cm_summary_escape (model->title);
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
    cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_SUBTITLE, model->service_area);
  else
    cm_summary_flow_add_space (flow, 12);

  /* Translators: on the cover, how many activities are done, e.g.
   * "12 of 40 activities done (30%)"; those not applicable are not counted */
  progress = g_strdup_printf (ngettext ("%u of %u activity done (%u%%)",
                                        "%u of %u activities done (%u%%)", n_all),
                              n_done, n_all, cm_summary_percent (n_done, n_all));
  overdue = g_strdup_printf (ngettext ("%u activity", "%u activities", model->n_overdue),
                             model->n_overdue);
  specs = cm_summary_format_count (model->specs->len);
  /* Translators: on the cover, e.g. "5 held, 2 planned" */
  workshops = g_strdup_printf (_("%u held, %u planned"), n_held, model->workshops->len - n_held);
  contributions = cm_summary_format_count (model->n_contributions);

  facts = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_PLAIN, 2,
                                     (const double[]) { 1.0, 2.6 });
  cm_summary_add_fact (facts, _("Period"), period);
  cm_summary_add_fact (facts, _("Lead officer"), model->lead_officer);
  if (model->current_stage >= 0 && model->current_stage < CM_N_STAGES)
    cm_summary_add_fact (facts, _("Current stage"), cm_stage_to_label (model->current_stage));
  cm_summary_add_fact (facts, _("Progress"), progress);
  cm_summary_add_fact (facts, _("Overdue"), overdue);
  cm_summary_add_fact (facts, _("Specifications"), specs);
  cm_summary_add_fact (facts, _("Workshops"), workshops);
  cm_summary_add_fact (facts, _("Contributions"), contributions);
  cm_summary_add_fact (facts, _("Prepared"), today);

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
