/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-workshops"

#include "config.h"

#include "cm-summary-sections-private.h"

#include <glib/gi18n.h>

/* The workshops: an overview table, then for each one held who came, the
 * main themes and what people said that may be quoted. */

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

void
cm_summary_build_workshops (CmSummaryFlow        *flow,
                            const CmSummaryModel *model)
{
  CmSummaryTable *overview;
  g_autofree char *summary = NULL;
  g_autofree char *h0 = cm_summary_escape (_("Workshop"));
  g_autofree char *h1 = cm_summary_escape (_("Date"));
  g_autofree char *h2 = cm_summary_escape (_("State"));
  g_autofree char *h3 = cm_summary_escape (_("Attended"));
  g_autofree char *h4 = cm_summary_escape (_("Contributions"));
  guint n_held = 0;

  cm_summary_flow_add_heading (flow, 1, _("Workshops"), TRUE);

  if (model->workshops->len == 0)
    {
      cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_BODY,
                                _("No workshops have been planned yet."));
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
  cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_BODY, summary);

  overview = cm_summary_flow_add_table (flow, CM_SUMMARY_TABLE_GRID, 5,
                                        (const double[]) { 3.0, 1.9, 0.9, 0.9, 1.2 });
  cm_summary_table_set_header (overview, (const char * const[]) { h0, h1, h2, h3, h4 });
  for (guint i = 0; i < model->workshops->len; i++)
    {
      CmSummaryWorkshop *workshop = g_ptr_array_index (model->workshops, i);
      g_autofree char *date = cm_summary_format_date_time (workshop->starts_at);
      g_autofree char *attended = g_strdup_printf ("%u", workshop->n_attendees);
      g_autofree char *contributions = g_strdup_printf ("%u", workshop->n_contributions);

      cm_summary_add_plain_row (overview, CM_SUMMARY_ROW_NORMAL, workshop->title, date,
                                cm_workshop_state_to_label (workshop->state), attended,
                                contributions, NULL);
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
      cm_summary_add_fact (facts, _("Date"), date);
      cm_summary_add_fact (facts, _("Venue"), workshop->venue);
      cm_summary_add_fact (facts, _("Facilitator"), workshop->facilitator);
      cm_summary_add_fact (facts, _("Participants"),
                           *roles != '\0' ? roles : _("No attendance recorded"));
      cm_summary_add_fact (facts, _("Contributions"), contributions);
      cm_summary_add_fact (facts, _("Main themes"), themes);

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
