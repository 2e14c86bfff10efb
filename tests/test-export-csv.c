/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export-csv"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cm-export-csv.h"

/* CSV goes out and comes back through a strict RFC 4180 parser of the
 * test's own, so that quoting is checked by reading, not by comparing
 * strings with what the writer happens to produce. */

static const char * const awkward[] = {
  "plain",
  "",
  "a, comma",
  "a \"quoted\" word",
  "\"",
  "\"\"",
  "two\nlines",
  "windows\r\nline end",
  "trailing newline\n",
  "emoji 👩🏽‍🦱 and accents: café, naïve, Zoë, 日本語",
  "   spaces kept   ",
  ",\",\r\n,",
  /* Would run as formulas in a spreadsheet; written with a ' before them. */
  "=HYPERLINK(\"http://example.com\",\"click\")",
  "+44 1234 567890",
  "-1",
  "@SUM(A1:A2)",
  "\tTab first",
  "\rCarriage return first",
};

/* A strict RFC 4180 reader ---------------------------------------------- */

/* Returns the records, each a GPtrArray of fields, or NULL with a message
 * when the text is not well-formed CSV. */
static GPtrArray *
parse_csv (const char  *text,
           gsize        length,
           char       **problem)
{
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *record = NULL;
  GString *field = g_string_new (NULL);
  const char *p = text, *end = text + length;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  *problem = NULL;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (record == NULL)
        {
          record = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (records, record);
        }

      g_string_truncate (field, 0);
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  *problem = g_strdup ("unterminated quoted field");
                  goto out;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\r' && *p != '\n')
            {
              if (*p == '"')
                {
                  *problem = g_strdup ("a quote inside an unquoted field");
                  goto out;
                }
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (record, g_strdup (field->str));

      if (p < end && *p == ',')
        {
          p++;
          if (p == end)
            {
              *problem = g_strdup ("the last record has no CRLF");
              goto out;
            }
          continue;
        }
      if (p >= end)
        {
          *problem = g_strdup ("the last record has no CRLF");
          goto out;
        }
      if (p + 1 < end && p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          record = NULL;
          continue;
        }
      *problem = g_strdup_printf ("a record ended without CRLF at offset %td", p - text);
      goto out;
    }

out:
  g_string_free (field, TRUE);
  return *problem == NULL ? g_steal_pointer (&records) : NULL;
}

static const char *
cell (GPtrArray *records,
      guint      row,
      guint      column)
{
  GPtrArray *record = g_ptr_array_index (records, row);

  g_assert_cmpuint (column, <, record->len);
  return g_ptr_array_index (record, column);
}

static char *
expected_after_export (const char *value)
{
  if (value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
    return g_strconcat ("'", value, NULL);
  return g_strdup (value);
}

/* Fields ---------------------------------------------------------------- */

static void
test_fields_round_trip (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *problem = NULL;
  guint n = G_N_ELEMENTS (awkward);

  /* Each value alone on a record, then all of them on one record. */
  for (guint i = 0; i < n; i++)
    {
      cm_csv_append_field (csv, awkward[i], TRUE);
      cm_csv_append_field (csv, "after", FALSE);
      g_string_append (csv, "\r\n");
    }
  for (guint i = 0; i < n; i++)
    cm_csv_append_field (csv, awkward[i], i == 0);
  g_string_append (csv, "\r\n");

  records = parse_csv (csv->str, csv->len, &problem);
  g_assert_cmpstr (problem, ==, NULL);
  g_assert_cmpuint (records->len, ==, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = expected_after_export (awkward[i]);
      GPtrArray *last = g_ptr_array_index (records, n);

      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, i))->len, ==, 2);
      g_assert_cmpstr (cell (records, i, 0), ==, expected);
      g_assert_cmpstr (cell (records, i, 1), ==, "after");
      g_assert_cmpuint (last->len, ==, n);
      g_assert_cmpstr (cell (records, n, i), ==, expected);
    }

  g_assert_true (g_utf8_validate (csv->str, (gssize) csv->len, NULL));
}

static void
test_parser_rejects_bad_csv (void)
{
  static const char * const bad[] = {
    "\"open\r\n",
    "a\"b\r\n",
    "a\nb\r\n",
    "no end",
  };

  /* The parser must be able to fail, or the round trips prove nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *problem = NULL;
      g_autoptr(GPtrArray) records = parse_csv (bad[i], strlen (bad[i]), &problem);

      g_assert_null (records);
      g_assert_nonnull (problem);
    }
}

/* From the store -------------------------------------------------------- */

typedef struct
{
  char     *folder;
  char     *path;
  CmStore  *store;
  CmCycle  *cycle;
  gint64    workshop_id;
  gint64    other_workshop_id;
} Fixture;

static CmParticipant *
add_person (Fixture           *fixture,
            const char        *name,
            CmParticipantRole  role,
            CmConsent          consent)
{
  g_autoptr(GError) error = NULL;
  CmParticipant *person = cm_participant_new ();

  cm_participant_set_name (person, name);
  cm_participant_set_role (person, role);
  cm_participant_set_consent (person, consent);
  g_assert_true (cm_store_add_participant (fixture->store, person, &error));
  g_assert_no_error (error);
  return person;
}

static void
add_said (Fixture       *fixture,
          gint64         workshop_id,
          CmParticipant *person,
          const char    *text)
{
  static const char * const themes[] = { "access", "easy-read", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CmContribution) contribution = cm_contribution_new ();

  cm_contribution_set_workshop_id (contribution, workshop_id);
  cm_contribution_set_participant_id (contribution, person ? cm_participant_get_id (person) : 0);
  cm_contribution_set_text (contribution, text);
  cm_contribution_set_kind (contribution, CM_CONTRIBUTION_KIND_IDEA);
  cm_contribution_set_stage (contribution, CM_STAGE_PLAN);
  cm_contribution_set_themes (contribution, themes);
  g_assert_true (cm_store_add_contribution (fixture->store, contribution, &error));
  g_assert_no_error (error);
}

static gint64
add_workshop (Fixture    *fixture,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  g_autoptr(GDateTime) starts = g_date_time_new_local (2026, 2, 3, 10, 30, 0);

  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (fixture->cycle));
  cm_workshop_set_title (workshop, title);
  cm_workshop_set_starts_at (workshop, starts);
  g_assert_true (cm_store_add_workshop (fixture->store, workshop, &error));
  g_assert_no_error (error);
  return cm_workshop_get_id (workshop);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmParticipant) named = NULL;
  g_autoptr(CmParticipant) anonymous = NULL;
  g_autoptr(CmParticipant) refusing = NULL;
  g_autoptr(CmParticipant) erased = NULL;

  fixture->folder = g_dir_make_tmp ("test-export-csv-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "test.db", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->cycle = cm_cycle_new ();
  cm_cycle_set_title (fixture->cycle, "Advocacy, \"2026\"");
  g_assert_true (cm_store_add_cycle (fixture->store, fixture->cycle, NULL, &error));
  g_assert_no_error (error);

  fixture->workshop_id = add_workshop (fixture, "Carers' forum, \"Leeds\"\nsecond line");
  fixture->other_workshop_id = add_workshop (fixture, "=Providers");

  named = add_person (fixture, "Nadia Named", CM_PARTICIPANT_ROLE_CARER, CM_CONSENT_NAMED);
  anonymous = add_person (fixture, "Anton Anonymous", CM_PARTICIPANT_ROLE_PROVIDER,
                          CM_CONSENT_ANONYMISED);
  refusing = add_person (fixture, "Rita Refusing", CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES,
                         CM_CONSENT_NONE);
  erased = add_person (fixture, "Erin Erased", CM_PARTICIPANT_ROLE_OFFICER, CM_CONSENT_NAMED);

  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      CmParticipant *speakers[] = { named, anonymous, refusing, erased, NULL };
      g_autofree char *stripped = g_strstrip (g_strdup (awkward[i]));

      /* Contributions may not be empty. */
      if (*stripped == '\0')
        continue;
      add_said (fixture, fixture->workshop_id, speakers[i % G_N_ELEMENTS (speakers)], awkward[i]);
    }
  add_said (fixture, fixture->other_workshop_id, named, "In the other workshop");

  g_assert_true (cm_store_erase_participant (fixture->store, erased, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->cycle);
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

static GPtrArray *
export_and_parse (Fixture *fixture,
                  gint64   workshop_id,
                  char   **raw)
{
  g_autofree char *csv = g_build_filename (fixture->folder, "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  GPtrArray *records;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (cm_export_contributions_csv_to_path (fixture->store,
                                                      cm_cycle_get_id (fixture->cycle),
                                                      workshop_id, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, &length, &error));
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (contents, (gssize) length, NULL));
  records = parse_csv (contents, length, &problem);
  g_assert_cmpstr (problem, ==, NULL);

  if (raw != NULL)
    *raw = contents;
  else
    g_free (contents);
  return records;
}

static int
column (GPtrArray  *records,
        const char *name)
{
  GPtrArray *header = g_ptr_array_index (records, 0);

  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (g_ptr_array_index (header, i), name))
      return (int) i;
  g_assert_not_reached ();
  return -1;
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *raw = NULL;
  guint n_expected = 0, n_found = 0;
  int text, speaker, workshop, quotable, themes, role;

  records = export_and_parse (fixture, fixture->workshop_id, &raw);
  text = column (records, "Text");
  speaker = column (records, "Speaker");
  workshop = column (records, "Workshop");
  quotable = column (records, "May be quoted");
  themes = column (records, "Themes");
  role = column (records, "Role");

  /* Every record has every column. */
  for (guint r = 0; r < records->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, r))->len, ==,
                      ((GPtrArray *) g_ptr_array_index (records, 0))->len);

  /* Each contribution comes back exactly, in the order captured. */
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (awkward[i]));
      g_autofree char *expected = expected_after_export (awkward[i]);
      gboolean found = FALSE;

      if (*stripped == '\0')
        continue;
      n_expected++;
      g_assert_cmpuint (n_expected, <, records->len);
      found = g_str_equal (cell (records, n_expected, (guint) text), expected);
      if (!found)
        {
          g_test_message ("“%s” came back as “%s”", expected,
                          cell (records, n_expected, (guint) text));
          g_test_fail ();
        }
      n_found += found;
    }
  g_assert_cmpuint (records->len - 1, ==, n_expected);
  g_assert_cmpuint (n_found, ==, n_expected);

  /* Consent: names only where agreed; the role otherwise. */
  g_assert_null (strstr (raw, "Anton"));
  g_assert_null (strstr (raw, "Rita"));
  g_assert_null (strstr (raw, "Erin"));
  for (guint r = 1; r < records->len; r++)
    {
      const char *who = cell (records, r, (guint) speaker);

      g_assert_true (g_str_equal (who, "Nadia Named") || g_str_equal (who, "A provider") ||
                     g_str_equal (who, "A person who uses services") ||
                     g_str_equal (who, "A participant") || g_str_equal (who, "The room"));
      g_assert_cmpstr (cell (records, r, (guint) workshop), ==,
                       "Carers' forum, \"Leeds\"\nsecond line");
      g_assert_cmpstr (cell (records, r, (guint) themes), ==, "access easy-read");
      if (g_str_equal (who, "A person who uses services") || g_str_equal (who, "A participant"))
        g_assert_cmpstr (cell (records, r, (guint) quotable), ==, "No");
      else
        g_assert_cmpstr (cell (records, r, (guint) quotable), ==, "Yes");
      if (g_str_equal (who, "Nadia Named"))
        g_assert_cmpstr (cell (records, r, (guint) role), ==, "Carer");
    }
}

static void
test_export_cycle (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) one = export_and_parse (fixture, fixture->workshop_id, NULL);
  g_autoptr(GPtrArray) all = export_and_parse (fixture, 0, NULL);
  int workshop = column (all, "Workshop");
  gboolean other = FALSE;

  g_assert_cmpuint (all->len, ==, one->len + 1);
  for (guint r = 1; r < all->len; r++)
    if (g_str_equal (cell (all, r, (guint) workshop), "'=Providers"))
      other = TRUE;
  g_assert_true (other);
}

static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "missing", "out.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cm_export_contributions_csv_to_path (fixture->store,
                                                       cm_cycle_get_id (fixture->cycle), 0,
                                                       path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-csv/fields-round-trip", test_fields_round_trip);
  g_test_add_func ("/export-csv/parser-rejects-bad-csv", test_parser_rejects_bad_csv);
  g_test_add ("/export-csv/round-trip", Fixture, NULL, fixture_set_up, test_export_round_trip,
              fixture_tear_down);
  g_test_add ("/export-csv/whole-cycle", Fixture, NULL, fixture_set_up, test_export_cycle,
              fixture_tear_down);
  g_test_add ("/export-csv/unwritable", Fixture, NULL, fixture_set_up, test_export_unwritable,
              fixture_tear_down);

  return g_test_run ();
}
