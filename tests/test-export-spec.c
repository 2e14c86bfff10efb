/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export-spec"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cm-export-spec-html.h"
#include "cm-export-spec-odt.h"
#include "cm-store-specs.h"

/* A specification exported as HTML for a tender pack: everything the
 * officer typed is escaped, the structure is there, and a contribution a
 * section cites is quoted only with its speaker's consent. */

#define NASTY_TITLE "Lot <1> & \"Care Act\" <script>alert('x')</script>"

typedef struct
{
  char          *folder;
  char          *path;
  CmStore       *store;
  CmServiceSpec *spec;
} Fixture;

static CmContribution *
add_said (Fixture           *fixture,
          CmWorkshop        *workshop,
          const char        *name,
          CmConsent          consent,
          const char        *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmParticipant) person = cm_participant_new ();
  CmContribution *contribution = cm_contribution_new ();

  cm_participant_set_name (person, name);
  cm_participant_set_role (person, CM_PARTICIPANT_ROLE_CARER);
  cm_participant_set_consent (person, consent);
  g_assert_true (cm_store_add_participant (fixture->store, person, &error));
  g_assert_no_error (error);

  cm_contribution_set_workshop_id (contribution, cm_workshop_get_id (workshop));
  cm_contribution_set_participant_id (contribution, cm_participant_get_id (person));
  cm_contribution_set_text (contribution, text);
  cm_contribution_set_kind (contribution, CM_CONTRIBUTION_KIND_I_STATEMENT);
  g_assert_true (cm_store_add_contribution (fixture->store, contribution, &error));
  g_assert_no_error (error);
  return contribution;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  g_autoptr(CmSpecSection) outcomes = cm_spec_section_new ();
  g_autoptr(CmSpecSection) scope = cm_spec_section_new ();
  g_autoptr(CmKpi) kpi = cm_kpi_new ();
  g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();
  g_autoptr(CmContribution) named = NULL;
  g_autoptr(CmContribution) refused = NULL;

  fixture->folder = g_dir_make_tmp ("test-export-spec-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "test.db", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);

  cm_cycle_set_title (cycle, "Advocacy & more 2026");
  g_assert_true (cm_store_add_cycle (fixture->store, cycle, NULL, &error));
  g_assert_no_error (error);

  fixture->spec = cm_service_spec_new ();
  cm_service_spec_set_cycle_id (fixture->spec, cm_cycle_get_id (cycle));
  cm_service_spec_set_title (fixture->spec, NASTY_TITLE);
  cm_service_spec_set_advocacy_types (fixture->spec, CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_IMHA);
  cm_service_spec_set_budget_pence (fixture->spec, 12345678);
  cm_service_spec_set_contract_term (fixture->spec, "2+1 years");
  g_assert_true (cm_store_add_spec (fixture->store, fixture->spec, &error));
  g_assert_no_error (error);

  cm_spec_section_set_spec_id (scope, cm_service_spec_get_id (fixture->spec));
  cm_spec_section_set_title (scope, "Scope <and> advocacy types");
  cm_spec_section_set_body (scope, "The service covers <b>everyone</b> & their carers.\n"
                                   "A second line.\n\n- Care Act advocacy\n- IMHA\n\n"
                                   "Emoji stay: 👩🏽‍🦱.");
  g_assert_true (cm_store_add_section (fixture->store, scope, &error));
  g_assert_no_error (error);

  cm_spec_section_set_spec_id (outcomes, cm_service_spec_get_id (fixture->spec));
  cm_spec_section_set_title (outcomes, "Outcomes");
  cm_spec_section_set_body (outcomes, "People are heard.");
  g_assert_true (cm_store_add_section (fixture->store, outcomes, &error));
  g_assert_no_error (error);

  cm_kpi_set_spec_id (kpi, cm_service_spec_get_id (fixture->spec));
  cm_kpi_set_measure (kpi, "Referrals seen < 5 days");
  cm_kpi_set_target (kpi, "95%");
  cm_kpi_set_frequency (kpi, "Quarterly");
  g_assert_true (cm_store_add_kpi (fixture->store, kpi, &error));
  g_assert_no_error (error);

  inputs->rows[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS].people_per_year = 3000;
  inputs->rows[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS].hours_per_case = 10;
  g_assert_true (cm_store_save_demand_model (fixture->store, fixture->spec, inputs, &error));
  g_assert_no_error (error);

  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (cycle));
  cm_workshop_set_title (workshop, "Carers' forum");
  g_assert_true (cm_store_add_workshop (fixture->store, workshop, &error));
  g_assert_no_error (error);
  named = add_said (fixture, workshop, "Nadia Named", CM_CONSENT_NAMED, "I am listened to.");
  refused = add_said (fixture, workshop, "Rita Refusing", CM_CONSENT_NONE, "Ritasecret words.");
  g_assert_true (cm_store_set_section_citation (fixture->store, outcomes,
                                                cm_contribution_get_id (named), TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_set_section_citation (fixture->store, outcomes,
                                                cm_contribution_get_id (refused), TRUE, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->spec);
  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *html_path = g_build_filename (fixture->folder, "spec.html", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  static const char * const elements[] = { "section", "table", "ul", "blockquote", "dl", "p" };

  g_assert_true (cm_export_spec_html_to_path (fixture->store, fixture->spec, html_path,
                                              &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (html, -1, NULL));

  /* Escaped everywhere: nothing the officer typed becomes markup. */
  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "<b>everyone"));
  g_assert_null (strstr (html, "<and>"));
  g_assert_nonnull (strstr (html, "<title>Lot &lt;1&gt; &amp; &quot;Care Act&quot; "
                                  "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;</title>"));
  g_assert_nonnull (strstr (html, "&lt;b&gt;everyone&lt;/b&gt; &amp; their carers.<br>"));
  g_assert_nonnull (strstr (html, "Referrals seen &lt; 5 days"));
  g_assert_nonnull (strstr (html, "Advocacy &amp; more 2026"));
  g_assert_nonnull (strstr (html, "👩🏽‍🦱"));

  /* The structure of a document. */
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\">"));
  g_assert_nonnull (strstr (html, "@media print"));
  g_assert_nonnull (strstr (html, "<li>Care Act advocacy</li>"));
  g_assert_nonnull (strstr (html, "href=\"#section-2\""));
  g_assert_nonnull (strstr (html, "id=\"section-2\""));
  g_assert_nonnull (strstr (html, "Demand model"));
  g_assert_nonnull (strstr (html, "£123,456.78"));
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      g_autofree char *open = g_strdup_printf ("<%s", elements[i]);
      g_autofree char *open_tag = g_strdup_printf ("<%s>", elements[i]);
      g_autofree char *open_attr = g_strdup_printf ("<%s ", elements[i]);
      g_autofree char *close = g_strdup_printf ("</%s>", elements[i]);

      g_assert_cmpuint (count (html, open_tag) + count (html, open_attr), ==,
                        count (html, close));
      g_assert_cmpuint (count (html, open), >, 0);
    }

  /* Citations, with consent. */
  g_assert_nonnull (strstr (html, "I am listened to."));
  g_assert_nonnull (strstr (html, "Nadia Named"));
  g_assert_null (strstr (html, "Ritasecret"));
  g_assert_null (strstr (html, "Rita Refusing"));
}

typedef struct
{
  guint     depth;
  guint     headings;
  guint     header_rows;
  gboolean  root_ok;
  GString  *text;
} OdtReader;

static void
odt_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  OdtReader *reader = user_data;

  if (reader->depth++ == 0)
    reader->root_ok = g_str_equal (element, "office:document");
  if (g_str_equal (element, "text:h"))
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "text:outline-level"))
          reader->headings++;
    }
  if (g_str_equal (element, "table:table-header-rows"))
    reader->header_rows++;
}

static void
odt_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  OdtReader *reader = user_data;

  reader->depth--;
  if (g_str_equal (element, "text:p") || g_str_equal (element, "text:h"))
    g_string_append_c (reader->text, '\n');
}

static void
odt_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  OdtReader *reader = user_data;

  g_string_append_len (reader->text, text, (gssize) length);
}

static void
test_fodt (Fixture       *fixture,
           gconstpointer  data)
{
  static const GMarkupParser parser = { odt_start, odt_end, odt_text, NULL, NULL };
  g_autofree char *path = g_build_filename (fixture->folder, "spec.fodt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *fodt = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  OdtReader reader = { 0, 0, 0, FALSE, g_string_new (NULL) };
  gsize length;

  g_assert_true (cm_export_spec_fodt_to_path (fixture->store, fixture->spec, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &fodt, &length, &error));
  g_assert_no_error (error);

  /* Well-formed XML, read back to its text. */
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &reader, NULL);
  g_assert_true (g_markup_parse_context_parse (context, fodt, (gssize) length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_true (reader.root_ok);
  g_assert_cmpuint (reader.depth, ==, 0);

  g_assert_nonnull (strstr (fodt, "office:mimetype=\"application/vnd.oasis.opendocument.text\""));
  g_assert_cmpuint (reader.headings, >=, 4);      /* two sections, KPIs, demand */
  g_assert_cmpuint (reader.header_rows, ==, 2);   /* KPIs and demand repeat their headers */

  /* What was typed comes back as text, not markup. */
  g_assert_nonnull (strstr (reader.text->str, NASTY_TITLE));
  g_assert_nonnull (strstr (reader.text->str,
                            "The service covers <b>everyone</b> & their carers."));
  g_assert_nonnull (strstr (reader.text->str, "Referrals seen < 5 days"));
  g_assert_nonnull (strstr (fodt, "<text:line-break/>A second line."));
  g_assert_nonnull (strstr (fodt, "<text:list "));
  g_assert_nonnull (strstr (reader.text->str, "I am listened to."));
  g_assert_nonnull (strstr (reader.text->str, "Nadia Named"));
  g_assert_null (strstr (fodt, "Ritasecret"));
  g_assert_null (strstr (fodt, "Rita Refusing"));

  g_string_free (reader.text, TRUE);
}

static void
test_html_unwritable (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "missing", "spec.html", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cm_export_spec_html_to_path (fixture->store, fixture->spec, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export-spec/html", Fixture, NULL, fixture_set_up, test_html, fixture_tear_down);
  g_test_add ("/export-spec/fodt", Fixture, NULL, fixture_set_up, test_fodt, fixture_tear_down);
  g_test_add ("/export-spec/html-unwritable", Fixture, NULL, fixture_set_up,
              test_html_unwritable, fixture_tear_down);

  return g_test_run ();
}
