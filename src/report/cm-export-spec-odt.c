/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-export-spec-odt"

#include "config.h"

#include "cm-export-spec-odt.h"

#include <glib/gi18n.h>

#include "cm-export-file.h"

static const char document_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document"
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
  " office:version=\"1.3\""
  " office:mimetype=\"application/vnd.oasis.opendocument.text\">\n";

static const char document_styles[] =
  "<office:font-face-decls>\n"
  " <style:font-face style:name=\"Sans\" svg:font-family=\"'Noto Sans', 'DejaVu Sans', Arial\""
  " style:font-family-generic=\"swiss\"/>\n"
  "</office:font-face-decls>\n"
  "<office:styles>\n"
  " <style:default-style style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:orphans=\"2\" fo:widows=\"2\"/>\n"
  "  <style:text-properties style:font-name=\"Sans\" fo:font-size=\"10.5pt\""
  " fo:language=\"en\" fo:country=\"GB\" fo:color=\"#1d1d1f\"/>\n"
  " </style:default-style>\n"
  " <style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>\n"
  " <style:style style:name=\"Text_20_body\" style:display-name=\"Text body\""
  " style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"text\">\n"
  "  <style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.2cm\""
  " fo:line-height=\"125%\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Heading\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:next-style-name=\"Text_20_body\""
  " style:class=\"text\">\n"
  "  <style:paragraph-properties fo:margin-top=\"0.5cm\" fo:margin-bottom=\"0.2cm\""
  " fo:keep-with-next=\"always\"/>\n"
  "  <style:text-properties fo:color=\"#1b4f8a\" fo:font-weight=\"bold\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Title\" style:family=\"paragraph\""
  " style:parent-style-name=\"Heading\" style:class=\"chapter\">\n"
  "  <style:text-properties fo:font-size=\"22pt\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Subtitle\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:class=\"chapter\">\n"
  "  <style:paragraph-properties fo:margin-bottom=\"0.1cm\"/>\n"
  "  <style:text-properties fo:color=\"#1b4f8a\" fo:font-size=\"8.5pt\" fo:font-weight=\"bold\""
  " fo:text-transform=\"uppercase\" fo:letter-spacing=\"0.04cm\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\""
  " style:family=\"paragraph\" style:parent-style-name=\"Heading\""
  " style:default-outline-level=\"1\" style:class=\"text\">\n"
  "  <style:text-properties fo:font-size=\"15pt\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\""
  " style:family=\"paragraph\" style:parent-style-name=\"Heading\""
  " style:default-outline-level=\"2\" style:class=\"text\">\n"
  "  <style:text-properties fo:font-size=\"12pt\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Quotations\" style:family=\"paragraph\""
  " style:parent-style-name=\"Text_20_body\" style:class=\"html\">\n"
  "  <style:paragraph-properties fo:margin-left=\"0.6cm\" fo:margin-bottom=\"0.05cm\""
  " fo:keep-with-next=\"always\" fo:border-left=\"0.06cm solid #1b4f8a\""
  " fo:padding-left=\"0.25cm\"/>\n"
  "  <style:text-properties fo:font-style=\"italic\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Attribution\" style:family=\"paragraph\""
  " style:parent-style-name=\"Text_20_body\">\n"
  "  <style:paragraph-properties fo:margin-left=\"0.6cm\"/>\n"
  "  <style:text-properties fo:font-size=\"9pt\" fo:color=\"#55575c\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Note\" style:family=\"paragraph\""
  " style:parent-style-name=\"Text_20_body\">\n"
  "  <style:text-properties fo:font-size=\"9pt\" fo:color=\"#55575c\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\""
  " style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">\n"
  "  <style:text-properties fo:font-size=\"9.5pt\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Table_20_Number\" style:display-name=\"Table Number\""
  " style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\">\n"
  "  <style:paragraph-properties fo:text-align=\"end\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\""
  " style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\""
  " style:class=\"extra\">\n"
  "  <style:text-properties fo:font-weight=\"bold\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"List_20_Item\" style:display-name=\"List Item\""
  " style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\""
  " style:list-style-name=\"Bullets\">\n"
  "  <style:paragraph-properties fo:margin-bottom=\"0.1cm\"/>\n"
  " </style:style>\n"
  " <text:list-style style:name=\"Bullets\">\n"
  "  <text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\">\n"
  "   <style:list-level-properties text:list-level-position-and-space-mode="
  "\"label-alignment\">\n"
  "    <style:list-level-label-alignment text:label-followed-by=\"listtab\""
  " fo:text-indent=\"-0.4cm\" fo:margin-left=\"0.8cm\"/>\n"
  "   </style:list-level-properties>\n"
  "  </text:list-level-style-bullet>\n"
  " </text:list-style>\n"
  "</office:styles>\n"
  "<office:automatic-styles>\n"
  " <style:page-layout style:name=\"Page\">\n"
  "  <style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\""
  " style:print-orientation=\"portrait\" fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\""
  " fo:margin-left=\"1.8cm\" fo:margin-right=\"1.8cm\"/>\n"
  " </style:page-layout>\n"
  " <style:style style:name=\"Grid\" style:family=\"table\">\n"
  "  <style:table-properties style:width=\"17.4cm\" table:align=\"left\""
  " fo:margin-bottom=\"0.3cm\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Grid.Row\" style:family=\"table-row\">\n"
  "  <style:table-row-properties fo:keep-together=\"always\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Grid.Cell\" style:family=\"table-cell\">\n"
  "  <style:table-cell-properties fo:padding=\"0.1cm\""
  " fo:border-bottom=\"0.5pt solid #b8bcc4\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Grid.HeadCell\" style:family=\"table-cell\">\n"
  "  <style:table-cell-properties fo:padding=\"0.1cm\" fo:background-color=\"#e9eef5\""
  " fo:border-bottom=\"1pt solid #1b4f8a\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Grid.TotalCell\" style:family=\"table-cell\">\n"
  "  <style:table-cell-properties fo:padding=\"0.1cm\" fo:border-top=\"1pt solid #1d1d1f\""
  " fo:border-bottom=\"0.5pt solid #b8bcc4\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Facts.Cell\" style:family=\"table-cell\">\n"
  "  <style:table-cell-properties fo:padding=\"0.05cm\" fo:border=\"none\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Bold\" style:family=\"text\">\n"
  "  <style:text-properties fo:font-weight=\"bold\"/>\n"
  " </style:style>\n";

static const char document_master[] =
  "</office:automatic-styles>\n"
  "<office:master-styles>\n"
  " <style:master-page style:name=\"Standard\" style:page-layout-name=\"Page\"/>\n"
  "</office:master-styles>\n";

/* The width of the text on the page, between the margins above. */
#define TEXT_WIDTH_CM 17.4

typedef struct
{
  const char   *style;
  guint         n_columns;
  const double *weights;
} TableShape;

static const TableShape facts_shape = { "Facts", 2, (const double[]) { 1, 3 } };
static const TableShape kpi_shape = { "Kpis", 4, (const double[]) { 3, 1.3, 1.3, 1.6 } };
static const TableShape demand_shape = { "Demand", 5, (const double[]) { 1, 1, 1, 1.2, 1.4 } };

static void
append_column_styles (GString          *out,
                      const TableShape *shape)
{
  double total = 0;

  for (guint i = 0; i < shape->n_columns; i++)
    total += shape->weights[i];
  for (guint i = 0; i < shape->n_columns; i++)
    {
      char width[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (width, sizeof width, "%.2f", TEXT_WIDTH_CM * shape->weights[i] / total);
      g_string_append_printf (out, " <style:style style:name=\"%s.%c\" "
                                   "style:family=\"table-column\">"
                                   "<style:table-column-properties style:column-width=\"%scm\"/>"
                                   "</style:style>\n", shape->style, 'A' + i, width);
    }
}

static void
append_columns (GString          *out,
                const TableShape *shape)
{
  for (guint i = 0; i < shape->n_columns; i++)
    g_string_append_printf (out, "<table:table-column table:style-name=\"%s.%c\"/>\n",
                            shape->style, 'A' + i);
}

/* Escaped, with line breaks and tabs as ODF elements. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "<text:line-break/>");
      else if (*p == '\t')
        g_string_append (out, "<text:tab/>");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
}

static void
append_paragraph (GString    *out,
                  const char *style,
                  const char *text)
{
  g_string_append_printf (out, "<text:p text:style-name=\"%s\">", style);
  append_text (out, text);
  g_string_append (out, "</text:p>\n");
}

static void
append_heading (GString    *out,
                guint       level,
                const char *text)
{
  g_string_append_printf (out, "<text:h text:style-name=\"Heading_20_%u\" "
                               "text:outline-level=\"%u\">", level, level);
  append_text (out, text);
  g_string_append (out, "</text:h>\n");
}

static void
begin_table (GString            *out,
             const char         *name,
             const TableShape   *shape,
             const char * const *header)
{
  g_string_append (out, "<table:table table:name=\"");
  append_text (out, name);
  g_string_append (out, "\" table:style-name=\"Grid\">\n");
  append_columns (out, shape);
  if (header != NULL)
    {
      g_string_append (out, "<table:table-header-rows><table:table-row>");
      for (guint i = 0; i < shape->n_columns; i++)
        {
          g_string_append (out, "<table:table-cell table:style-name=\"Grid.HeadCell\" "
                                "office:value-type=\"string\">");
          append_paragraph (out, "Table_20_Heading", header[i]);
          g_string_append (out, "</table:table-cell>");
        }
      g_string_append (out, "</table:table-row></table:table-header-rows>\n");
    }
}

static void
append_row (GString            *out,
            const char * const *cells,
            guint               n_cells,
            guint               first_number,
            gboolean            total)
{
  g_string_append (out, "<table:table-row table:style-name=\"Grid.Row\">");
  for (guint i = 0; i < n_cells; i++)
    {
      g_string_append_printf (out, "<table:table-cell table:style-name=\"%s\" "
                                   "office:value-type=\"string\">",
                              total ? "Grid.TotalCell" : "Grid.Cell");
      append_paragraph (out, i >= first_number ? "Table_20_Number" : "Table_20_Contents",
                        cells[i]);
      g_string_append (out, "</table:table-cell>");
    }
  g_string_append (out, "</table:table-row>\n");
}

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

      if (!list)
        {
          append_paragraph (out, "Text_20_body", paragraphs[i]);
          continue;
        }

      g_string_append (out, "<text:list text:style-name=\"Bullets\">\n");
      for (guint l = 0; lines[l] != NULL; l++)
        {
          const char *item = g_str_has_prefix (lines[l], "- ") ? lines[l] + 2
                                                                : lines[l] + strlen ("• ");
          g_string_append (out, "<text:list-item>");
          append_paragraph (out, "List_20_Item", item);
          g_string_append (out, "</text:list-item>\n");
        }
      g_string_append (out, "</text:list>\n");
    }
}

static void
append_demand (GString            *out,
               const CmSpecExport *export)
{
  const CmDemandResult *result = export->demand_result;
  const char *header[] = { _("Year"), _("Cases"), _("Hours"), _("Cost"),
                           _("Hours the budget buys") };

  if (export->demand_inputs == NULL || result == NULL)
    return;

  append_heading (out, 1, _("Demand model"));
  begin_table (out, _("Demand model"), &demand_shape, header);
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

      append_row (out, (const char * const[]) { label, cases, hours, cost, budget }, 5, 1,
                  y == result->n_years);
    }
  g_string_append (out, "</table:table>\n");
  append_paragraph (out, "Note", cm_demand_reference_note ());
}

char *
cm_spec_export_to_fodt (const CmSpecExport *export)
{
  GString *out = g_string_new (document_head);
  g_autofree char *footer = NULL;

  g_return_val_if_fail (export != NULL, NULL);

  g_string_append (out, "<office:meta><dc:title>");
  append_text (out, export->title);
  g_string_append (out, "</dc:title><meta:generator>" PACKAGE_NAME "/" PACKAGE_VERSION
                        "</meta:generator></office:meta>\n");
  g_string_append (out, document_styles);
  append_column_styles (out, &facts_shape);
  append_column_styles (out, &kpi_shape);
  append_column_styles (out, &demand_shape);
  g_string_append (out, document_master);
  g_string_append (out, "<office:body>\n<office:text>\n");

  append_paragraph (out, "Subtitle", _("Service specification"));
  append_paragraph (out, "Title", export->title);

  g_string_append (out, "<table:table table:name=\"Facts\" table:style-name=\"Grid\">\n");
  append_columns (out, &facts_shape);
  for (guint i = 0; i < export->facts->len; i++)
    {
      CmSpecExportFact *fact = g_ptr_array_index (export->facts, i);

      g_string_append (out, "<table:table-row><table:table-cell table:style-name=\"Facts.Cell\" "
                            "office:value-type=\"string\"><text:p "
                            "text:style-name=\"Table_20_Contents\"><text:span "
                            "text:style-name=\"Bold\">");
      append_text (out, fact->label);
      g_string_append (out, "</text:span></text:p></table:table-cell><table:table-cell "
                            "table:style-name=\"Facts.Cell\" office:value-type=\"string\">");
      append_paragraph (out, "Table_20_Contents", fact->value);
      g_string_append (out, "</table:table-cell></table:table-row>\n");
    }
  g_string_append (out, "</table:table>\n");

  for (guint i = 0; i < export->sections->len; i++)
    {
      CmSpecExportSection *section = g_ptr_array_index (export->sections, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, section->title);

      append_heading (out, 1, heading);
      append_body (out, section->body);
      if (section->quotes->len > 0)
        append_heading (out, 2, _("What people told us"));
      for (guint q = 0; q < section->quotes->len; q++)
        {
          CmSummaryQuote *quote = g_ptr_array_index (section->quotes, q);
          g_autofree char *text = g_strdup_printf (_("“%s”"), quote->text);
          g_autofree char *who = g_strdup_printf (_("— %s (%s)"), quote->attribution,
                                                  cm_contribution_kind_to_label (quote->kind));

          append_paragraph (out, "Quotations", text);
          append_paragraph (out, "Attribution", who);
        }
    }

  append_heading (out, 1, _("Key performance indicators"));
  if (export->kpis->len == 0)
    append_paragraph (out, "Note", _("No KPIs have been set yet."));
  else
    {
      const char *header[] = { _("Measure"), _("Target"), _("Frequency"), _("Source") };

      begin_table (out, _("Key performance indicators"), &kpi_shape, header);
      for (guint i = 0; i < export->kpis->len; i++)
        {
          CmSpecExportKpi *kpi = g_ptr_array_index (export->kpis, i);

          append_row (out, (const char * const[]) { kpi->measure, kpi->target, kpi->frequency,
                                                    kpi->source }, 4, G_MAXUINT, FALSE);
        }
      g_string_append (out, "</table:table>\n");
    }

  append_demand (out, export);

  footer = g_strdup_printf (_("%s. Exported from Commissioning Cycle on %s."), export->status,
                            export->date);
  append_paragraph (out, "Note", footer);
  g_string_append (out, "</office:text>\n</office:body>\n</office:document>\n");

  return g_string_free (out, FALSE);
}

gboolean
cm_export_spec_fodt_to_path (CmStore        *store,
                             CmServiceSpec  *spec,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(CmSpecExport) export = NULL;
  g_autofree char *fodt = NULL;

  g_return_val_if_fail (CM_IS_STORE (store), FALSE);
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  export = cm_spec_export_gather (store, spec, error);
  if (export == NULL)
    return FALSE;

  fodt = cm_spec_export_to_fodt (export);
  return cm_export_write_file (path, fodt, strlen (fodt), error);
}
