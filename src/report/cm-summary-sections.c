/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-sections"

#include "config.h"

#include "cm-summary-sections-private.h"

#include <math.h>
#include <stdarg.h>

/* What the summary says, section by section: the order of the sections
 * (each in a file of its own) and the markup helpers they share. Everything
 * comes from a CmSummaryModel, in which consent has already been applied;
 * every piece of data is escaped before it goes into Pango markup. */

#define SECTION_ROOM       0.45  /* of a page, for a section to start on it */

/* Markup helpers -------------------------------------------------------- */

char *
cm_summary_escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* Adds a row of plain strings (escaped here); NULL ends the list. */
void
cm_summary_add_plain_row (CmSummaryTable    *table,
                          CmSummaryRowFlags  flags,
                          const char        *first,
                          ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    g_ptr_array_add (cells, cm_summary_escape (text));
  va_end (args);
  g_ptr_array_add (cells, NULL);

  cm_summary_table_add_row (table, flags, (const char * const *) cells->pdata);
}

void
cm_summary_add_fact (CmSummaryTable *table,
                     const char     *label,
                     const char     *value)
{
  g_autofree char *label_markup = NULL;
  g_autofree char *value_markup = NULL;

  if (value == NULL || *value == '\0')
    return;

  label_markup = g_markup_printf_escaped ("<b>%s</b>", label);
  value_markup = cm_summary_escape (value);
  cm_summary_table_add_row (table, CM_SUMMARY_ROW_NORMAL,
                            (const char * const[]) { label_markup, value_markup });
}

void
cm_summary_add_paragraph (CmSummaryFlow      *flow,
                          CmSummaryTextStyle  style,
                          const char         *text)
{
  g_autofree char *markup = cm_summary_escape (text);

  cm_summary_flow_add_text (flow, style, markup);
}

guint
cm_summary_percent (guint part,
                    guint whole)
{
  /* Rounded down, as the wheel does, so that 99.6% is not "100%". */
  return whole > 0 ? (guint) floor (100.0 * part / whole) : 0;
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

  cm_summary_build_cover (flow, model, sections, body_height);

  /* A section starts on a new page unless most of this one is still free:
   * short sections share a page rather than leave pages nearly empty. */
#define NEXT_SECTION() G_STMT_START { if (!first) \
                                        cm_summary_flow_add_page_break_unless_room \
                                          (flow, body_height * SECTION_ROOM); \
                                      first = FALSE; } G_STMT_END

  if (sections & CM_SUMMARY_SECTION_PROGRESS)
    {
      NEXT_SECTION ();
      cm_summary_build_progress (flow, model);
    }
  if (sections & CM_SUMMARY_SECTION_ACTIVITIES)
    {
      if (!(sections & CM_SUMMARY_SECTION_PROGRESS))
        NEXT_SECTION ();
      cm_summary_build_activities (flow, model, (sections & CM_SUMMARY_SECTION_PROGRESS) != 0);
    }
  if (sections & CM_SUMMARY_SECTION_SPECS)
    {
      NEXT_SECTION ();
      cm_summary_build_specs (flow, model);
    }
  if (sections & CM_SUMMARY_SECTION_WORKSHOPS)
    {
      NEXT_SECTION ();
      cm_summary_build_workshops (flow, model);
    }
  if (sections & CM_SUMMARY_SECTION_YOU_SAID)
    {
      NEXT_SECTION ();
      cm_summary_build_you_said (flow, model);
    }
  if (sections & CM_SUMMARY_SECTION_EVIDENCE)
    {
      NEXT_SECTION ();
      cm_summary_build_evidence (flow, model);
    }

#undef NEXT_SECTION
}
