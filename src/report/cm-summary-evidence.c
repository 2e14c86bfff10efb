/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-evidence"

#include "config.h"

#include "cm-summary-sections-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* The appendix of evidence notes, one heading an activity, long notes
 * shortened. */

#define EVIDENCE_MAX_CHARS 1200

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
        cm_summary_add_paragraph (flow, style, trimmed);
    }
}

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

void
cm_summary_build_evidence (CmSummaryFlow        *flow,
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
        cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_SMALL,
                                  _("Shortened for this summary; the full notes are in the app."));
      n++;
    }

  if (n == 0)
    cm_summary_add_paragraph (flow, CM_SUMMARY_TEXT_BODY,
                              _("No evidence notes have been written yet."));
}
