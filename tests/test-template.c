/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-template"

#include "config.h"

#include <string.h>

#include "cm-enums.h"
#include "cm-template.h"

/* The default template is the resource linked into this executable; the
 * rest feeds cm_template_parse() small documents, good and bad. */

static void
test_default_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  guint counts[CM_N_STAGES][CM_N_RINGS] = { { 0 } };

  activities = cm_template_load_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (activities);
  g_assert_cmpuint (activities->len, >=, CM_N_STAGES * CM_N_RINGS);

  for (guint i = 0; i < activities->len; i++)
    {
      CmTemplateActivity *activity = g_ptr_array_index (activities, i);

      g_assert_cmpint (activity->stage, >=, CM_STAGE_ANALYSE);
      g_assert_cmpint (activity->stage, <=, CM_STAGE_REVIEW);
      g_assert_cmpint (activity->ring, >=, CM_RING_COMMISSIONING);
      g_assert_cmpint (activity->ring, <=, CM_RING_PROCUREMENT);

      g_assert_nonnull (activity->title);
      g_assert_cmpstr (activity->title, !=, "");
      g_assert_true (g_utf8_validate (activity->title, -1, NULL));
      g_assert_nonnull (activity->description);
      g_assert_true (g_utf8_validate (activity->description, -1, NULL));

      /* Positions count 0, 1, 2… in file order within each group. */
      g_assert_cmpuint (activity->position, ==, counts[activity->stage][activity->ring]);
      counts[activity->stage][activity->ring]++;
    }

  for (guint stage = 0; stage < CM_N_STAGES; stage++)
    for (guint ring = 0; ring < CM_N_RINGS; ring++)
      g_assert_cmpuint (counts[stage][ring], >, 0);
}

static void
test_default_template_content (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = cm_template_load_default (&error);
  gboolean found = FALSE;

  g_assert_no_error (error);

  /* The tests run in the C locale, so the source strings come back. */
  for (guint i = 0; i < activities->len; i++)
    {
      CmTemplateActivity *activity = g_ptr_array_index (activities, i);

      if (g_str_equal (activity->title, "Population needs assessment"))
        {
          g_assert_cmpint (activity->stage, ==, CM_STAGE_ANALYSE);
          g_assert_cmpint (activity->ring, ==, CM_RING_COMMISSIONING);
          g_assert_cmpstr (activity->description, !=, "");
          found = TRUE;
        }
    }

  g_assert_true (found);
}

static void
test_parse_good (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<cycle-template version=\"1\">\n"
    "  <stage key=\"review\">\n"
    "    <ring key=\"procurement\">\n"
    "      <activity><title>  First  </title><description>One</description></activity>\n"
    "      <activity><title>Second</title></activity>\n"
    "    </ring>\n"
    "  </stage>\n"
    "  <stage key=\"analyse\">\n"
    "    <ring key=\"commissioning\">\n"
    "      <activity><title>Dadansoddi ŵŷ</title><description>   </description></activity>\n"
    "    </ring>\n"
    "  </stage>\n"
    "  <stage key=\"review\">\n"
    "    <ring key=\"procurement\">\n"
    "      <activity><title>Third</title><description><![CDATA[a < b]]></description>"
    "</activity>\n"
    "    </ring>\n"
    "  </stage>\n"
    "</cycle-template>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  CmTemplateActivity *activity;

  activities = cm_template_parse (xml, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (activities);
  g_assert_cmpuint (activities->len, ==, 4);

  activity = g_ptr_array_index (activities, 0);
  g_assert_cmpint (activity->stage, ==, CM_STAGE_REVIEW);
  g_assert_cmpint (activity->ring, ==, CM_RING_PROCUREMENT);
  g_assert_cmpuint (activity->position, ==, 0);
  g_assert_cmpstr (activity->title, ==, "First");
  g_assert_cmpstr (activity->description, ==, "One");

  activity = g_ptr_array_index (activities, 1);
  g_assert_cmpuint (activity->position, ==, 1);
  g_assert_cmpstr (activity->title, ==, "Second");
  g_assert_cmpstr (activity->description, ==, "");

  activity = g_ptr_array_index (activities, 2);
  g_assert_cmpint (activity->stage, ==, CM_STAGE_ANALYSE);
  g_assert_cmpint (activity->ring, ==, CM_RING_COMMISSIONING);
  g_assert_cmpuint (activity->position, ==, 0);
  g_assert_cmpstr (activity->title, ==, "Dadansoddi ŵŷ");
  g_assert_cmpstr (activity->description, ==, "");

  /* A group that appears twice keeps counting where it left off. */
  activity = g_ptr_array_index (activities, 3);
  g_assert_cmpint (activity->stage, ==, CM_STAGE_REVIEW);
  g_assert_cmpuint (activity->position, ==, 2);
  g_assert_cmpstr (activity->description, ==, "a < b");
}

static void
test_parse_with_length (void)
{
  static const char xml[] =
    "<cycle-template><stage key=\"do\"><ring key=\"commissioning\">"
    "<activity><title>Only</title></activity></ring></stage></cycle-template>"
    "this trailing junk is outside the given length";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  gsize length = strstr (xml, "this trailing") - xml;

  activities = cm_template_parse (xml, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);
  g_assert_cmpint (((CmTemplateActivity *) g_ptr_array_index (activities, 0))->stage,
                   ==, CM_STAGE_DO);
}

typedef struct
{
  const char *name;
  const char *xml;
  GQuark      domain;   /* 0: any domain, as long as there is an error */
} BadTemplate;

static void
test_parse_rejects (void)
{
  const BadTemplate bad[] = {
    { "empty string", "", G_MARKUP_ERROR },
    { "only whitespace", "   \n  ", G_MARKUP_ERROR },
    { "not XML", "Analyse, Plan, Do, Review", G_MARKUP_ERROR },
    { "unclosed element",
      "<cycle-template><stage key=\"analyse\"><ring key=\"commissioning\">"
      "<activity><title>T</title></activity></ring></stage>", G_MARKUP_ERROR },
    { "mismatched end tag",
      "<cycle-template><stage key=\"analyse\"><ring key=\"commissioning\">"
      "<activity><title>T</activity></title></ring></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "bad entity",
      "<cycle-template><stage key=\"analyse\"><ring key=\"commissioning\">"
      "<activity><title>T &nonsense; T</title></activity></ring></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "invalid UTF-8",
      "<cycle-template><stage key=\"analyse\"><ring key=\"commissioning\">"
      "<activity><title>T \xff\xfe</title></activity></ring></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "unknown stage key",
      "<cycle-template><stage key=\"someday\"><ring key=\"commissioning\">"
      "<activity><title>T</title></activity></ring></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "stage key for no stage",
      "<cycle-template><stage key=\"none\"><ring key=\"commissioning\">"
      "<activity><title>T</title></activity></ring></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "stage without key",
      "<cycle-template><stage><ring key=\"commissioning\">"
      "<activity><title>T</title></activity></ring></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "stage key in the wrong case",
      "<cycle-template><stage key=\"Analyse\"><ring key=\"commissioning\">"
      "<activity><title>T</title></activity></ring></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "unknown ring key",
      "<cycle-template><stage key=\"plan\"><ring key=\"middle\">"
      "<activity><title>T</title></activity></ring></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "ring without key",
      "<cycle-template><stage key=\"plan\"><ring>"
      "<activity><title>T</title></activity></ring></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "ring outside a stage",
      "<cycle-template><ring key=\"procurement\">"
      "<activity><title>T</title></activity></ring></cycle-template>",
      G_MARKUP_ERROR },
    { "activity outside a ring",
      "<cycle-template><stage key=\"plan\">"
      "<activity><title>T</title></activity></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "activity with no title",
      "<cycle-template><stage key=\"plan\"><ring key=\"procurement\">"
      "<activity><description>No title here</description></activity>"
      "</ring></stage></cycle-template>", G_MARKUP_ERROR },
    { "activity with an empty title",
      "<cycle-template><stage key=\"plan\"><ring key=\"procurement\">"
      "<activity><title></title></activity></ring></stage></cycle-template>",
      G_MARKUP_ERROR },
    { "activity with a blank title",
      "<cycle-template><stage key=\"plan\"><ring key=\"procurement\">"
      "<activity><title> \t\n </title><description>D</description></activity>"
      "</ring></stage></cycle-template>", G_MARKUP_ERROR },
    { "a good activity, then one with no title",
      "<cycle-template><stage key=\"plan\"><ring key=\"procurement\">"
      "<activity><title>Fine</title></activity><activity></activity>"
      "</ring></stage></cycle-template>", G_MARKUP_ERROR },
    { "title outside an activity",
      "<cycle-template><stage key=\"plan\"><ring key=\"procurement\">"
      "<title>Loose</title></ring></stage></cycle-template>", G_MARKUP_ERROR },
    { "unknown element",
      "<cycle-template><stage key=\"plan\"><ring key=\"procurement\">"
      "<activity><title>T</title><colour>red</colour></activity>"
      "</ring></stage></cycle-template>", G_MARKUP_ERROR },
    { "empty template", "<cycle-template version=\"1\"/>", G_MARKUP_ERROR },
    { "empty template with stages",
      "<cycle-template version=\"1\"><stage key=\"analyse\">"
      "<ring key=\"commissioning\"></ring></stage><stage key=\"do\"/></cycle-template>",
      G_MARKUP_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) activities = NULL;

      g_test_message ("template: %s", bad[i].name);
      activities = cm_template_parse (bad[i].xml, -1, &error);
      g_assert_null (activities);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      if (bad[i].domain != 0)
        g_assert_true (error->domain == bad[i].domain);
    }
}

static void
test_parse_reports_reason (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;

  activities = cm_template_parse ("<cycle-template><stage key=\"someday\"/></cycle-template>",
                                  -1, &error);
  g_assert_null (activities);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT);
  g_assert_nonnull (strstr (error->message, "someday"));
  g_clear_error (&error);

  activities = cm_template_parse ("<cycle-template><stage key=\"do\"><ring key=\"outer\"/>"
                                  "</stage></cycle-template>", -1, &error);
  g_assert_null (activities);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT);
  g_assert_nonnull (strstr (error->message, "outer"));
  g_clear_error (&error);

  activities = cm_template_parse ("<cycle-template><stage key=\"do\"><ring key=\"procurement\">"
                                  "<activity/></ring></stage></cycle-template>", -1, &error);
  g_assert_null (activities);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT);
  g_clear_error (&error);

  activities = cm_template_parse ("<cycle-template/>", -1, &error);
  g_assert_null (activities);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/default", test_default_template);
  g_test_add_func ("/template/default-content", test_default_template_content);
  g_test_add_func ("/template/parse/good", test_parse_good);
  g_test_add_func ("/template/parse/length", test_parse_with_length);
  g_test_add_func ("/template/parse/rejects", test_parse_rejects);
  g_test_add_func ("/template/parse/reasons", test_parse_reports_reason);

  return g_test_run ();
}
