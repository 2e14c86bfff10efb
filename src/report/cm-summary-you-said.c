/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-you-said"

#include "config.h"

#include "cm-summary-sections-private.h"

#include <glib/gi18n.h>

/* "You said, we did": each point raised with the quotations behind it,
 * the response and its state. */

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
  g_autofree char *response = cm_summary_escape (*action->response != '\0'
                                                 ? action->response
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

void
cm_summary_build_you_said (CmSummaryFlow        *flow,
                           const CmSummaryModel *model)
{
  CmSummaryTable *table;
  guint n[3] = { 0, 0, 0 };
  g_autofree char *summary = NULL;
  g_autofree char *h0 = cm_summary_escape (_("You said"));
  g_autofree char *h1 = cm_summary_escape (_("We did"));
  g_autofree char *h2 = cm_summary_escape (_("State"));

  cm_summary_flow_add_heading (flow, 1, _("You said, we did"), TRUE);

  if (model->actions->len == 0)
    {
      cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_BODY,
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
  cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_BODY, summary);

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
        state = cm_summary_escape (cm_action_state_to_label (action->state));

      cm_summary_table_add_row (table, overdue ? CM_SUMMARY_ROW_MARKED : CM_SUMMARY_ROW_NORMAL,
                                (const char * const[]) { said, did, state });
    }
}
