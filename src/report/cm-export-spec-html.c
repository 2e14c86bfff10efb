/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-export-spec-html"

#include "config.h"

#include "cm-export-spec-html.h"

#include <glib/gi18n.h>

#include "cm-export-file.h"

static const char stylesheet[] =
  ":root { color-scheme: light; }\n"
  "body { font-family: \"Cantarell\", \"Noto Sans\", \"DejaVu Sans\", Arial, sans-serif;\n"
  "       color: #1d1d1f; line-height: 1.5; max-width: 46em; margin: 2em auto; padding: 0 1em; }\n"
  "header { border-bottom: 2px solid #1b4f8a; margin-bottom: 1.5em; }\n"
  ".kicker { color: #1b4f8a; font-weight: bold; font-size: 0.8em; letter-spacing: 0.08em;\n"
  "          text-transform: uppercase; margin: 0; }\n"
  "h1 { color: #1b4f8a; font-size: 2em; line-height: 1.2; margin: 0.2em 0 0.6em; }\n"
  "h2 { color: #1b4f8a; font-size: 1.35em; margin: 1.6em 0 0.4em; }\n"
  "h1, h2, h3 { overflow-wrap: anywhere; }\n"
  "p, li, td, th, dd, blockquote { overflow-wrap: anywhere; }\n"
  "dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1.5em; }\n"
  "dl.facts dt { font-weight: bold; }\n"
  "dl.facts dd { margin: 0; }\n"
  "nav ol { padding-left: 1.5em; }\n"
  "table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.92em; }\n"
  "th, td { text-align: left; vertical-align: top; padding: 0.35em 0.5em;\n"
  "         border-bottom: 1px solid #b8bcc4; }\n"
  "thead th { background: #e9eef5; border-bottom: 2px solid #1b4f8a; }\n"
  "td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }\n"
  "tr.total td { font-weight: bold; border-top: 2px solid #1d1d1f; }\n"
  "blockquote { margin: 0.6em 0 0.6em 0.2em; padding-left: 0.9em;\n"
  "             border-left: 3px solid #1b4f8a; font-style: italic; }\n"
  "blockquote footer { font-style: normal; color: #55575c; font-size: 0.9em; }\n"
  ".note { color: #55575c; font-size: 0.9em; }\n"
  "footer.document { margin-top: 3em; border-top: 1px solid #b8bcc4; color: #55575c;\n"
  "                  font-size: 0.85em; }\n"
  "@page { size: A4; margin: 20mm 18mm; }\n"
  "@media print {\n"
  "  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }\n"
  "  nav { page-break-after: always; }\n"
  "  h1, h2, h3 { page-break-after: avoid; break-after: avoid; }\n"
  "  tr, blockquote { page-break-inside: avoid; break-inside: avoid; }\n"
  "  p { orphans: 2; widows: 2; }\n"
  "  thead { display: table-header-group; }\n"
  "  a { color: inherit; text-decoration: none; }\n"
  "}\n";

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* Escaped, with the writer's single line breaks kept. */
static void
append_lines (GString    *out,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<br>\n");
      append_escaped (out, lines[i]);
    }
}

static void
append_element (GString    *out,
                const char *tag,
                const char *attributes,
                const char *text)
{
  g_string_append_printf (out, "<%s%s%s>", tag, attributes ? " " : "",
                          attributes ? attributes : "");
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

/* Paragraphs, and lists where every line of a paragraph starts "- " or
 * "• ", as people type them. */
static void
append_body (GString    *out,
             const char *body)
{
  g_auto(GStrv) paragraphs = cm_spec_export_split_paragraphs (body);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);
      gboolean list = TRUE;

      for (guint l = 0; lines[l] != NULL; l++)
        list &= g_str_has_prefix (lines[l], "- ") || g_str_has_prefix (lines[l], "• ");

      if (list)
        {
          g_string_append (out, "<ul>\n");
          for (guint l = 0; lines[l] != NULL; l++)
            {
              const char *item = g_str_has_prefix (lines[l], "- ") ? lines[l] + 2
                                                                    : lines[l] + strlen ("• ");
              append_element (out, "li", NULL, item);
              g_string_append_c (out, '\n');
            }
          g_string_append (out, "</ul>\n");
        }
      else
        {
          g_string_append (out, "<p>");
          append_lines (out, paragraphs[i]);
          g_string_append (out, "</p>\n");
        }
    }
}

static void
append_quotes (GString   *out,
               GPtrArray *quotes)
{
  if (quotes->len == 0)
    return;

  g_string_append (out, "<h3>");
  append_escaped (out, _("What people told us"));
  g_string_append (out, "</h3>\n");
  for (guint i = 0; i < quotes->len; i++)
    {
      CmSummaryQuote *quote = g_ptr_array_index (quotes, i);
      g_autofree char *text = g_strdup_printf (_("“%s”"), quote->text);
      g_autofree char *who = g_strdup_printf (_("— %s (%s)"), quote->attribution,
                                              cm_contribution_kind_to_label (quote->kind));

      g_string_append (out, "<blockquote><p>");
      append_lines (out, text);
      g_string_append (out, "</p><footer>");
      append_escaped (out, who);
      g_string_append (out, "</footer></blockquote>\n");
    }
}

static void
append_header_row (GString            *out,
                   const char * const *cells,
                   guint               first_number)
{
  g_string_append (out, "<thead><tr>");
  for (guint i = 0; cells[i] != NULL; i++)
    append_element (out, "th", i >= first_number ? "scope=\"col\" class=\"number\""
                                                 : "scope=\"col\"", cells[i]);
  g_string_append (out, "</tr></thead>\n");
}

static void
append_kpis (GString            *out,
             const CmSpecExport *export)
{
  g_string_append (out, "<section id=\"kpis\">\n");
  append_element (out, "h2", NULL, _("Key performance indicators"));
  g_string_append_c (out, '\n');

  if (export->kpis->len == 0)
    {
      append_element (out, "p", "class=\"note\"", _("No KPIs have been set yet."));
      g_string_append (out, "\n</section>\n");
      return;
    }

  g_string_append (out, "<table>\n");
  append_header_row (out, (const char * const[]) { _("Measure"), _("Target"), _("Frequency"),
                                                   _("Source"), NULL }, G_MAXUINT);
  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < export->kpis->len; i++)
    {
      CmSpecExportKpi *kpi = g_ptr_array_index (export->kpis, i);

      g_string_append (out, "<tr>");
      append_element (out, "td", NULL, kpi->measure);
      append_element (out, "td", NULL, kpi->target);
      append_element (out, "td", NULL, kpi->frequency);
      append_element (out, "td", NULL, kpi->source);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n</section>\n");
}

static void
append_number_cell (GString    *out,
                    const char *text)
{
  append_element (out, "td", "class=\"number\"", text);
}

static void
append_demand (GString            *out,
               const CmSpecExport *export)
{
  const CmDemandInputs *inputs = export->demand_inputs;
  const CmDemandResult *result = export->demand_result;
  g_autofree char *rate = NULL;
  g_autofree char *growth = NULL;
  g_autofree char *assumptions = NULL;

  if (inputs == NULL || result == NULL)
    return;

  g_string_append (out, "<section id=\"demand\">\n");
  append_element (out, "h2", NULL, _("Demand model"));
  g_string_append_c (out, '\n');

  rate = cm_summary_format_pounds (inputs->hourly_rate);
  growth = g_strdup_printf ("%.1f%%", inputs->growth_rate * 100.0);
  /* Translators: the assumptions of the demand model, e.g. "£32 an hour,
   * growing 2.0% a year, over 3 years" */
  assumptions = g_strdup_printf (ngettext ("%s an hour, growing %s a year, over %u year.",
                                           "%s an hour, growing %s a year, over %u years.",
                                           inputs->years),
                                 rate, growth, inputs->years);
  append_element (out, "p", NULL, assumptions);
  g_string_append_c (out, '\n');

  /* The inputs, process by process. */
  g_string_append (out, "<table>\n");
  append_header_row (out, (const char * const[]) { _("Process"), _("People a year"),
                                                   _("Substantial difficulty"),
                                                   _("No appropriate individual"),
                                                   _("Uptake"), _("Hours per case"), NULL }, 1);
  g_string_append (out, "<tbody>\n");
  for (guint p = 0; p < CM_N_DEMAND_PROCESSES; p++)
    {
      const CmDemandRow *row = &inputs->rows[p];
      g_autofree char *people = g_strdup_printf ("%.0f", row->people_per_year);
      g_autofree char *difficulty = g_strdup_printf ("%.1f%%",
                                                     row->p_substantial_difficulty * 100);
      g_autofree char *nobody = g_strdup_printf ("%.1f%%",
                                                 row->p_no_appropriate_individual * 100);
      g_autofree char *uptake = g_strdup_printf ("%.1f%%", row->uptake * 100);
      g_autofree char *hours = g_strdup_printf ("%.1f", row->hours_per_case);

      if (row->people_per_year <= 0 && row->exception_cases <= 0)
        continue;
      g_string_append (out, "<tr>");
      append_element (out, "td", NULL, cm_demand_inputs_get_row_label (inputs, p));
      append_number_cell (out, people);
      append_number_cell (out, difficulty);
      append_number_cell (out, nobody);
      append_number_cell (out, uptake);
      append_number_cell (out, hours);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");

  /* What it comes to, year by year. */
  g_string_append (out, "<table>\n");
  append_header_row (out, (const char * const[]) { _("Year"), _("Cases"), _("Hours"), _("Cost"),
                                                   _("Hours the budget buys"), NULL }, 1);
  g_string_append (out, "<tbody>\n");
  for (guint y = 0; y <= result->n_years; y++)
    {
      const CmDemandYear *year = y < result->n_years ? &result->years[y] : &result->period;
      g_autofree char *label = y < result->n_years ? g_strdup_printf (_("Year %u"), y + 1)
                                                   : g_strdup (_("Total"));
      g_autofree char *cases = g_strdup_printf ("%.0f", year->total_cases);
      g_autofree char *hours = g_strdup_printf ("%.0f", year->total_hours);
      g_autofree char *cost = cm_summary_format_pounds (year->total_cost);
      g_autofree char *budget = year->budget_hours > 0 ? g_strdup_printf ("%.0f",
                                                                          year->budget_hours)
                                                       : g_strdup ("—");

      g_string_append (out, y < result->n_years ? "<tr>" : "<tr class=\"total\">");
      append_element (out, "td", NULL, label);
      append_number_cell (out, cases);
      append_number_cell (out, hours);
      append_number_cell (out, cost);
      append_number_cell (out, budget);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
  append_element (out, "p", "class=\"note\"", cm_demand_reference_note ());
  g_string_append (out, "\n</section>\n");
}

char *
cm_spec_export_to_html (const CmSpecExport *export)
{
  GString *out = g_string_new (NULL);
  g_autofree char *footer = NULL;

  g_return_val_if_fail (export != NULL, NULL);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
                        "<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" "
                        "content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"" PACKAGE_NAME "\">\n");
  append_element (out, "title", NULL, export->title);
  g_string_append (out, "\n<style>\n");
  g_string_append (out, stylesheet);
  g_string_append (out, "</style>\n</head>\n<body>\n<header>\n");
  append_element (out, "p", "class=\"kicker\"", _("Service specification"));
  g_string_append_c (out, '\n');
  append_element (out, "h1", NULL, export->title);
  g_string_append (out, "\n<dl class=\"facts\">\n");
  for (guint i = 0; i < export->facts->len; i++)
    {
      CmSpecExportFact *fact = g_ptr_array_index (export->facts, i);

      append_element (out, "dt", NULL, fact->label);
      append_element (out, "dd", NULL, fact->value);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "</dl>\n</header>\n");

  if (export->sections->len > 0)
    {
      g_string_append (out, "<nav>\n");
      append_element (out, "h2", NULL, _("Contents"));
      g_string_append (out, "\n<ol>\n");
      for (guint i = 0; i < export->sections->len; i++)
        {
          CmSpecExportSection *section = g_ptr_array_index (export->sections, i);
          g_autofree char *href = g_strdup_printf ("href=\"#section-%u\"", i + 1);

          g_string_append (out, "<li>");
          append_element (out, "a", href, section->title);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ol>\n</nav>\n");
    }

  for (guint i = 0; i < export->sections->len; i++)
    {
      CmSpecExportSection *section = g_ptr_array_index (export->sections, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, section->title);

      g_string_append_printf (out, "<section id=\"section-%u\">\n", i + 1);
      append_element (out, "h2", NULL, heading);
      g_string_append_c (out, '\n');
      append_body (out, section->body);
      append_quotes (out, section->quotes);
      g_string_append (out, "</section>\n");
    }

  append_kpis (out, export);
  append_demand (out, export);

  /* Translators: at the foot of an exported specification; the first %s
   * is its status, the second a date */
  footer = g_strdup_printf (_("%s. Exported from Commissioning Cycle on %s."), export->status,
                            export->date);
  g_string_append (out, "<footer class=\"document\">");
  append_element (out, "p", NULL, footer);
  g_string_append (out, "</footer>\n</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

gboolean
cm_export_spec_html_to_path (CmStore        *store,
                             CmServiceSpec  *spec,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(CmSpecExport) export = NULL;
  g_autofree char *html = NULL;

  g_return_val_if_fail (CM_IS_STORE (store), FALSE);
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  export = cm_spec_export_gather (store, spec, error);
  if (export == NULL)
    return FALSE;

  html = cm_spec_export_to_html (export);
  return cm_export_write_file (path, html, strlen (html), error);
}
