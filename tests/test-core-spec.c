/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cm-action.h"
#include "cm-contribution.h"
#include "cm-enum-types.h"
#include "cm-kpi.h"
#include "cm-service-spec.h"
#include "cm-spec-section.h"
#include "cm-validate.h"

/* Property machinery, checked generically for every class -------------- */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A value of @pspec's type that differs from its default. Each call gives
 * a fresh copy, so "the same value" is never the same pointer. */
static void
make_other_value (GParamSpec *pspec,
                  GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, "Ünïcode text ✓ 🚌");
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, 42);
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, 7);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, TRUE);
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int other = klass->values[klass->n_values - 1].value;

      g_assert_cmpint (other, !=, G_PARAM_SPEC_ENUM (pspec)->default_value);
      g_value_set_enum (value, other);
    }
  else if (G_TYPE_IS_FLAGS (type))
    g_value_set_flags (value, G_PARAM_SPEC_FLAGS (pspec)->flags_class->mask);
  else if (type == G_TYPE_DATE)
    g_value_take_boxed (value, g_date_new_dmy (1, G_DATE_APRIL, 2025));
  else if (type == G_TYPE_DATE_TIME)
    g_value_take_boxed (value, g_date_time_new_utc (2025, 4, 1, 9, 30, 0));
  else if (type == G_TYPE_STRV)
    {
      const char *themes[] = { "transport", "café", NULL };

      g_value_set_boxed (value, themes);
    }
  else
    g_assert_not_reached ();
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_DATE)
    {
      const GDate *da = g_value_get_boxed (a);
      const GDate *db = g_value_get_boxed (b);

      return da != NULL && db != NULL && g_date_compare (da, db) == 0;
    }
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *da = g_value_get_boxed (a);
      GDateTime *db = g_value_get_boxed (b);

      return da != NULL && db != NULL && g_date_time_equal (da, db);
    }
  if (type == G_TYPE_STRV)
    return g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));

  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
check_default_value (GObject    *object,
                     GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_object_get_property (object, pspec->name, &value);

  if (type == G_TYPE_STRING)
    g_assert_cmpstr (g_value_get_string (&value), ==, "");
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (&value);

      g_assert_nonnull (strv);
      g_assert_null (strv[0]);
    }
  else if (type == G_TYPE_DATE || type == G_TYPE_DATE_TIME)
    g_assert_null (g_value_get_boxed (&value));
  else
    g_assert_true (g_param_value_defaults (pspec, &value));
}

static void
check_properties (GType type)
{
  g_autoptr(GObject) object = g_object_new (type, NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;
  gboolean has_id = FALSE;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 1);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_autofree char *signal = g_strconcat ("notify::", pspec->name, NULL);
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) same = G_VALUE_INIT;
      g_auto(GValue) read = G_VALUE_INIT;
      g_auto(GValue) reset = G_VALUE_INIT;
      guint count = 0;

      if (g_str_equal (pspec->name, "id"))
        has_id = TRUE;

      g_test_message ("%s:%s", g_type_name (type), pspec->name);
      g_assert_true (pspec->flags & G_PARAM_READWRITE);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      check_default_value (object, pspec);

      g_signal_connect (object, signal, G_CALLBACK (count_notify), &count);

      /* A real change notifies exactly once and reads back. */
      make_other_value (pspec, &value);
      g_object_set_property (object, pspec->name, &value);
      g_assert_cmpuint (count, ==, 1);

      g_value_init (&read, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &read);
      g_assert_true (values_equal (pspec, &value, &read));

      /* An equal value (a distinct copy) is no change. */
      make_other_value (pspec, &same);
      g_object_set_property (object, pspec->name, &same);
      g_assert_cmpuint (count, ==, 1);

      /* Back to the default is a change again. */
      g_value_init (&reset, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_param_value_set_default (pspec, &reset);
      g_object_set_property (object, pspec->name, &reset);
      g_assert_cmpuint (count, ==, 2);
      check_default_value (object, pspec);

      g_object_set_property (object, pspec->name, &reset);
      g_assert_cmpuint (count, ==, 2);

      g_signal_handlers_disconnect_by_func (object, count_notify, &count);
    }

  g_assert_true (has_id);
}

static void
test_properties (void)
{
  check_properties (CM_TYPE_SERVICE_SPEC);
  check_properties (CM_TYPE_SPEC_SECTION);
  check_properties (CM_TYPE_KPI);
  check_properties (CM_TYPE_CONTRIBUTION);
  check_properties (CM_TYPE_ACTION);
}

/* Strings never come back NULL, and NULL is stored as "". */
static void
test_null_strings (void)
{
  g_autoptr(CmServiceSpec) spec = cm_service_spec_new ();
  g_autoptr(CmKpi) kpi = cm_kpi_new ();
  guint count = 0;

  g_signal_connect (spec, "notify::title", G_CALLBACK (count_notify), &count);

  cm_service_spec_set_title (spec, NULL);
  g_assert_cmpstr (cm_service_spec_get_title (spec), ==, "");
  g_assert_cmpuint (count, ==, 0);

  cm_service_spec_set_title (spec, "Advocacy");
  cm_service_spec_set_title (spec, NULL);
  g_assert_cmpstr (cm_service_spec_get_title (spec), ==, "");
  g_assert_cmpuint (count, ==, 2);

  cm_kpi_set_source (kpi, NULL);
  g_assert_cmpstr (cm_kpi_get_source (kpi), ==, "");
}

/* CmServiceSpec ------------------------------------------------------- */

static void
test_service_spec_defaults (void)
{
  g_autoptr(CmServiceSpec) spec = cm_service_spec_new ();

  g_assert_cmpint (cm_service_spec_get_id (spec), ==, 0);
  g_assert_cmpint (cm_service_spec_get_cycle_id (spec), ==, 0);
  g_assert_cmpstr (cm_service_spec_get_title (spec), ==, "");
  g_assert_cmpint (cm_service_spec_get_advocacy_types (spec), ==, CM_ADVOCACY_NONE);
  g_assert_cmpint (cm_service_spec_get_status (spec), ==, CM_SPEC_STATUS_DRAFT);
  g_assert_cmpstr (cm_service_spec_get_lead (spec), ==, "");
  g_assert_cmpstr (cm_service_spec_get_contract_term (spec), ==, "");
  g_assert_cmpint (cm_service_spec_get_budget_pence (spec), ==, 0);
  g_assert_cmpint (cm_service_spec_get_procurement_route (spec), ==,
                   CM_PROCUREMENT_ROUTE_NOT_SET);
  g_assert_cmpuint (cm_service_spec_get_version (spec), ==, 0);
  g_assert_null (cm_service_spec_get_updated_at (spec));
}

static void
test_service_spec_round_trip (void)
{
  g_autoptr(CmServiceSpec) spec = cm_service_spec_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 6, 30, 17, 5, 1.5);

  cm_service_spec_set_id (spec, 12);
  cm_service_spec_set_cycle_id (spec, 3);
  cm_service_spec_set_title (spec, "Independent advocacy — 2025 specification");
  cm_service_spec_set_advocacy_types (spec, CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_IMHA);
  cm_service_spec_set_status (spec, CM_SPEC_STATUS_CONSULTATION);
  cm_service_spec_set_lead (spec, "Siân O’Connor");
  cm_service_spec_set_contract_term (spec, "2+1 years");
  cm_service_spec_set_budget_pence (spec, G_GINT64_CONSTANT (45000000));
  cm_service_spec_set_procurement_route (spec, CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION);
  cm_service_spec_set_version (spec, 4);
  cm_service_spec_set_updated_at (spec, when);

  g_assert_cmpint (cm_service_spec_get_id (spec), ==, 12);
  g_assert_cmpint (cm_service_spec_get_cycle_id (spec), ==, 3);
  g_assert_cmpstr (cm_service_spec_get_title (spec), ==,
                   "Independent advocacy — 2025 specification");
  g_assert_cmpint (cm_service_spec_get_advocacy_types (spec), ==,
                   CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_IMHA);
  g_assert_cmpint (cm_service_spec_get_status (spec), ==, CM_SPEC_STATUS_CONSULTATION);
  g_assert_cmpstr (cm_service_spec_get_lead (spec), ==, "Siân O’Connor");
  g_assert_cmpstr (cm_service_spec_get_contract_term (spec), ==, "2+1 years");
  g_assert_cmpint (cm_service_spec_get_budget_pence (spec), ==, 45000000);
  g_assert_cmpint (cm_service_spec_get_procurement_route (spec), ==,
                   CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION);
  g_assert_cmpuint (cm_service_spec_get_version (spec), ==, 4);
  g_assert_true (cm_service_spec_get_updated_at (spec) == when);

  cm_service_spec_set_updated_at (spec, NULL);
  g_assert_null (cm_service_spec_get_updated_at (spec));
}

static void
test_service_spec_validate (void)
{
  g_autoptr(CmServiceSpec) spec = cm_service_spec_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_title = g_strnfill (CM_SHORT_TEXT_MAX_CHARS + 1, 'x');

  g_assert_false (cm_service_spec_validate (spec, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  cm_service_spec_set_title (spec, " \t\n ");
  g_assert_false (cm_service_spec_validate (spec, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  cm_service_spec_set_title (spec, long_title);
  g_assert_false (cm_service_spec_validate (spec, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_TOO_LONG);
  g_clear_error (&error);

  cm_service_spec_set_title (spec, "bad \xff text");
  g_assert_false (cm_service_spec_validate (spec, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  cm_service_spec_set_title (spec, "Advocacy 🗣 für alle");
  g_assert_true (cm_service_spec_validate (spec, &error));
  g_assert_no_error (error);

  cm_service_spec_set_lead (spec, long_title);
  g_assert_false (cm_service_spec_validate (spec, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_TOO_LONG);
  g_clear_error (&error);
  cm_service_spec_set_lead (spec, "");

  cm_service_spec_set_contract_term (spec, long_title);
  g_assert_false (cm_service_spec_validate (spec, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_TOO_LONG);
  g_clear_error (&error);
  cm_service_spec_set_contract_term (spec, "3 years");

  cm_service_spec_set_budget_pence (spec, -1);
  g_assert_false (cm_service_spec_validate (spec, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  cm_service_spec_set_budget_pence (spec, 0);
  g_assert_true (cm_service_spec_validate (spec, NULL));

  cm_service_spec_set_status (spec, (CmSpecStatus) 99);
  g_assert_false (cm_service_spec_validate (spec, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  cm_service_spec_set_status (spec, CM_SPEC_STATUS_RETIRED);

  cm_service_spec_set_advocacy_types (spec, (CmAdvocacyTypes) (1 << 10));
  g_assert_false (cm_service_spec_validate (spec, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  cm_service_spec_set_advocacy_types (spec, CM_ADVOCACY_ALL);
  g_assert_true (cm_service_spec_validate (spec, NULL));

  cm_service_spec_set_procurement_route (spec, (CmProcurementRoute) 42);
  g_assert_false (cm_service_spec_validate (spec, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  cm_service_spec_set_procurement_route (spec, CM_PROCUREMENT_ROUTE_GRANT);

  g_assert_true (cm_service_spec_validate (spec, &error));
  g_assert_no_error (error);
}

/* CmSpecSection and CmKpi --------------------------------------------- */

static void
test_spec_section (void)
{
  g_autoptr(CmSpecSection) section = cm_spec_section_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_body = g_strnfill (50000, 'w');
  g_autofree char *huge_body = g_strnfill (CM_LONG_TEXT_MAX_BYTES + 1, 'w');

  g_assert_cmpint (cm_spec_section_get_id (section), ==, 0);
  g_assert_cmpint (cm_spec_section_get_spec_id (section), ==, 0);
  g_assert_cmpuint (cm_spec_section_get_position (section), ==, 0);
  g_assert_cmpstr (cm_spec_section_get_title (section), ==, "");
  g_assert_cmpstr (cm_spec_section_get_body (section), ==, "");

  cm_spec_section_set_id (section, 9);
  cm_spec_section_set_spec_id (section, 2);
  cm_spec_section_set_position (section, 11);
  cm_spec_section_set_title (section, "Quality standards");
  cm_spec_section_set_body (section, "The provider holds the Advocacy QPM.\n\nAnd more.");
  g_assert_cmpint (cm_spec_section_get_id (section), ==, 9);
  g_assert_cmpint (cm_spec_section_get_spec_id (section), ==, 2);
  g_assert_cmpuint (cm_spec_section_get_position (section), ==, 11);
  g_assert_cmpstr (cm_spec_section_get_title (section), ==, "Quality standards");
  g_assert_cmpstr (cm_spec_section_get_body (section), ==,
                   "The provider holds the Advocacy QPM.\n\nAnd more.");
  g_assert_true (cm_spec_section_validate (section, &error));
  g_assert_no_error (error);

  /* A body is long text: far past the short-text limit is fine. */
  cm_spec_section_set_body (section, long_body);
  g_assert_true (cm_spec_section_validate (section, &error));
  g_assert_no_error (error);

  cm_spec_section_set_body (section, huge_body);
  g_assert_false (cm_spec_section_validate (section, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_TOO_LONG);
  g_clear_error (&error);

  cm_spec_section_set_body (section, "\xc3\x28");
  g_assert_false (cm_spec_section_validate (section, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  cm_spec_section_set_body (section, "");
  cm_spec_section_set_title (section, "");
  g_assert_false (cm_spec_section_validate (section, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY);
}

static void
test_kpi (void)
{
  g_autoptr(CmKpi) kpi = cm_kpi_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (CM_SHORT_TEXT_MAX_CHARS + 1, 'k');

  g_assert_cmpint (cm_kpi_get_id (kpi), ==, 0);
  g_assert_cmpint (cm_kpi_get_spec_id (kpi), ==, 0);
  g_assert_cmpuint (cm_kpi_get_position (kpi), ==, 0);
  g_assert_cmpstr (cm_kpi_get_measure (kpi), ==, "");
  g_assert_cmpstr (cm_kpi_get_target (kpi), ==, "");
  g_assert_cmpstr (cm_kpi_get_frequency (kpi), ==, "");
  g_assert_cmpstr (cm_kpi_get_source (kpi), ==, "");

  g_assert_false (cm_kpi_validate (kpi, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  cm_kpi_set_id (kpi, 5);
  cm_kpi_set_spec_id (kpi, 6);
  cm_kpi_set_position (kpi, 1);
  cm_kpi_set_measure (kpi, "Referrals allocated within 5 working days");
  cm_kpi_set_target (kpi, "95%");
  cm_kpi_set_frequency (kpi, "Quarterly");
  cm_kpi_set_source (kpi, "Provider return");
  g_assert_cmpint (cm_kpi_get_id (kpi), ==, 5);
  g_assert_cmpint (cm_kpi_get_spec_id (kpi), ==, 6);
  g_assert_cmpuint (cm_kpi_get_position (kpi), ==, 1);
  g_assert_cmpstr (cm_kpi_get_measure (kpi), ==, "Referrals allocated within 5 working days");
  g_assert_cmpstr (cm_kpi_get_target (kpi), ==, "95%");
  g_assert_cmpstr (cm_kpi_get_frequency (kpi), ==, "Quarterly");
  g_assert_cmpstr (cm_kpi_get_source (kpi), ==, "Provider return");
  g_assert_true (cm_kpi_validate (kpi, &error));
  g_assert_no_error (error);

  cm_kpi_set_target (kpi, too_long);
  g_assert_false (cm_kpi_validate (kpi, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_TOO_LONG);
  g_clear_error (&error);
  cm_kpi_set_target (kpi, "");

  cm_kpi_set_measure (kpi, too_long);
  g_assert_false (cm_kpi_validate (kpi, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_TOO_LONG);
}

/* CmContribution ------------------------------------------------------ */

static void
test_contribution_defaults (void)
{
  g_autoptr(CmContribution) contribution = cm_contribution_new ();
  const char * const *themes;

  g_assert_cmpint (cm_contribution_get_id (contribution), ==, 0);
  g_assert_cmpint (cm_contribution_get_workshop_id (contribution), ==, 0);
  g_assert_cmpint (cm_contribution_get_participant_id (contribution), ==, 0);
  g_assert_cmpstr (cm_contribution_get_text (contribution), ==, "");
  g_assert_cmpint (cm_contribution_get_kind (contribution), ==, CM_CONTRIBUTION_KIND_COMMENT);
  g_assert_cmpint (cm_contribution_get_stage (contribution), ==, CM_STAGE_NONE);
  g_assert_null (cm_contribution_get_captured_at (contribution));
  g_assert_false (cm_contribution_get_pinned (contribution));

  themes = cm_contribution_get_themes (contribution);
  g_assert_nonnull (themes);
  g_assert_null (themes[0]);
}

static void
test_contribution_round_trip (void)
{
  g_autoptr(CmContribution) contribution = cm_contribution_new ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (2025, 3, 4, 10, 15, 0);
  const char *themes[] = { "transport", "🚌", "accès", NULL };
  g_auto(GStrv) copy = g_strdupv ((char **) themes);
  guint count = 0;

  cm_contribution_set_id (contribution, 100);
  cm_contribution_set_workshop_id (contribution, 7);
  cm_contribution_set_participant_id (contribution, 3);
  cm_contribution_set_text (contribution, "The bus never comes on time");
  cm_contribution_set_kind (contribution, CM_CONTRIBUTION_KIND_I_STATEMENT);
  cm_contribution_set_stage (contribution, CM_STAGE_REVIEW);
  cm_contribution_set_captured_at (contribution, when);
  cm_contribution_set_pinned (contribution, TRUE);

  g_signal_connect (contribution, "notify::themes", G_CALLBACK (count_notify), &count);
  cm_contribution_set_themes (contribution, themes);
  g_assert_cmpuint (count, ==, 1);
  cm_contribution_set_themes (contribution, (const char * const *) copy);
  g_assert_cmpuint (count, ==, 1);

  g_assert_cmpint (cm_contribution_get_id (contribution), ==, 100);
  g_assert_cmpint (cm_contribution_get_workshop_id (contribution), ==, 7);
  g_assert_cmpint (cm_contribution_get_participant_id (contribution), ==, 3);
  g_assert_cmpstr (cm_contribution_get_text (contribution), ==, "The bus never comes on time");
  g_assert_cmpint (cm_contribution_get_kind (contribution), ==,
                   CM_CONTRIBUTION_KIND_I_STATEMENT);
  g_assert_cmpint (cm_contribution_get_stage (contribution), ==, CM_STAGE_REVIEW);
  g_assert_true (cm_contribution_get_captured_at (contribution) == when);
  g_assert_true (cm_contribution_get_pinned (contribution));
  g_assert_true (g_strv_equal (cm_contribution_get_themes (contribution), themes));
  /* The setter copied: the caller's array is not kept. */
  g_assert_true (cm_contribution_get_themes (contribution) != (const char * const *) copy);

  /* Any non-zero gboolean is TRUE: no notification for the same truth. */
  g_signal_connect (contribution, "notify::pinned", G_CALLBACK (count_notify), &count);
  cm_contribution_set_pinned (contribution, 2);
  g_assert_cmpuint (count, ==, 1);

  cm_contribution_set_themes (contribution, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_nonnull (cm_contribution_get_themes (contribution));
  g_assert_null (cm_contribution_get_themes (contribution)[0]);
  cm_contribution_set_themes (contribution, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_contribution_validate (void)
{
  g_autoptr(CmContribution) contribution = cm_contribution_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (CM_SHORT_TEXT_MAX_CHARS * 5, 'a');
  const char *bad_themes[] = { "transport", "", NULL };
  const char *good_themes[] = { "transport", "交通", NULL };

  g_assert_false (cm_contribution_validate (contribution, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  cm_contribution_set_text (contribution, " \n\t\u3000");
  g_assert_false (cm_contribution_validate (contribution, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  /* A contribution is long text: five times the short limit is fine. */
  cm_contribution_set_text (contribution, long_text);
  g_assert_true (cm_contribution_validate (contribution, &error));
  g_assert_no_error (error);

  cm_contribution_set_text (contribution, "Ça va 👍");
  g_assert_true (cm_contribution_validate (contribution, &error));

  cm_contribution_set_text (contribution, "half \xe2\x82");
  g_assert_false (cm_contribution_validate (contribution, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  cm_contribution_set_text (contribution, "Fine");

  /* No stage tag is allowed; a made-up stage is not. */
  cm_contribution_set_stage (contribution, CM_STAGE_NONE);
  g_assert_true (cm_contribution_validate (contribution, NULL));
  cm_contribution_set_stage (contribution, (CmStage) 9);
  g_assert_false (cm_contribution_validate (contribution, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  cm_contribution_set_stage (contribution, CM_STAGE_PLAN);

  cm_contribution_set_kind (contribution, (CmContributionKind) 9);
  g_assert_false (cm_contribution_validate (contribution, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  cm_contribution_set_kind (contribution, CM_CONTRIBUTION_KIND_QUESTION);

  cm_contribution_set_themes (contribution, bad_themes);
  g_assert_false (cm_contribution_validate (contribution, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  cm_contribution_set_themes (contribution, good_themes);
  g_assert_true (cm_contribution_validate (contribution, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *input;
  const char *text;
  const char *themes;   /* joined with '|', "" for none */
  const char *speaker;  /* NULL for none */
} ParseCase;

static const ParseCase parse_cases[] = {
  { "", "", "", NULL },
  { "Plain text, nothing else.", "Plain text, nothing else.", "", NULL },
  { "  spaced \t  out   words  ", "spaced out words", "", NULL },

  /* Speaker: "@" and one word. */
  { "@mary I need help with forms", "I need help with forms", "", "mary" },
  { "@Mary Smith said the bus was late", "Smith said the bus was late", "", "Mary" },
  { "  @mary: the forms are long", "the forms are long", "", "mary" },
  { "@mary, yes", "yes", "", "mary" },
  { "@mary", "", "", "mary" },
  { "@Zoë ça va", "ça va", "", "Zoë" },
  { "@ hello", "@ hello", "", NULL },
  { "@", "@", "", NULL },
  { "@: hello", "@: hello", "", NULL },
  { "email bob@example.com please", "email bob@example.com please", "", NULL },
  { "ask @mary later", "ask @mary later", "", NULL },

  /* Themes. */
  { "Buses are late #transport", "Buses are late", "transport", NULL },
  { "#Transport buses are late", "buses are late", "transport", NULL },
  { "Buses #transport are late", "Buses are late", "transport", NULL },
  { "late #buses. Again", "late. Again", "buses", NULL },
  { "(see #access)", "(see)", "access", NULL },
  { "#transport. Buses", "Buses", "transport", NULL },
  { "#Transport and #transport and #TRANSPORT", "and and", "transport", NULL },
  { "#transport#access", "", "transport|access", NULL },
  { "#a,#b. end", "end", "a|b", NULL },
  { "#money #access #money", "", "money|access", NULL },
  { "#easy_read #face-to-face", "", "easy_read|face-to-face", NULL },
  { "#123 numbers", "numbers", "123", NULL },

  /* Not themes. */
  { "C# is a language", "C# is a language", "", NULL },
  { "meet in room#4", "meet in room#4", "", NULL },
  { "## heading", "## heading", "", NULL },
  { "# loose hash", "# loose hash", "", NULL },
  { "#! and #? and #.", "#! and #? and #.", "", NULL },
  { "(#transport)", "(#transport)", "", NULL },
  { "#transport#", "#transport#", "", NULL },

  /* Unicode and emoji. */
  { "#café #CAFÉ", "", "café", NULL },
  { "#cafe\xcc\x81 and #caf\xc3\xa9", "and", "caf\xc3\xa9", NULL },
  { "#ÉCOLE", "", "école", NULL },
  { "#交通 の問題", "の問題", "交通", NULL },
  { "#🚌 buses #♿ access", "buses access", "🚌|♿", NULL },
  { "family #👩‍👩‍👧 support", "family support", "👩‍👩‍👧", NULL },
  { "#Straße", "", "straße", NULL },
  { "#ΟΔΟΣ", "", "οδος", NULL },
  { "@Zoë #Ärger ok", "ok", "ärger", "Zoë" },
  { "a\u00a0#x\u00a0b", "a b", "x", NULL },

  /* Line breaks are kept, one blank line at most. */
  { "first line #x\nsecond line", "first line\nsecond line", "x", NULL },
  { "para one\n\n\n#x para two", "para one\n\npara two", "x", NULL },
  { "one\r\ntwo", "one\ntwo", "", NULL },
  { "\n\n  leading and trailing\n\n", "leading and trailing", "", NULL },

  /* Everything at once. */
  { "@mary #transport", "", "transport", "mary" },
  { "@sam:  The #Bus was late  #transport #bus again! ",
    "The was late again!", "bus|transport", "sam" },
};

static void
check_parse (const char *input,
             const char *expected_text,
             const char *expected_themes,
             const char *expected_speaker)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) themes = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *joined = NULL;

  g_test_message ("input: “%s”", input != NULL ? input : "(null)");

  cm_contribution_parse_input (input, &text, &themes, &speaker);

  g_assert_nonnull (text);
  g_assert_nonnull (themes);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  joined = g_strjoinv ("|", themes);

  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpstr (joined, ==, expected_themes);
  g_assert_cmpstr (speaker, ==, expected_speaker);
}

static void
test_contribution_parse_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    check_parse (parse_cases[i].input, parse_cases[i].text,
                 parse_cases[i].themes, parse_cases[i].speaker);

  check_parse (NULL, "", "", NULL);

  /* Invalid UTF-8 is repaired, not passed on. */
  check_parse ("bad \xff text #ok", "bad \xef\xbf\xbd text", "ok", NULL);
}

static void
test_contribution_parse_input_optional (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) themes = NULL;
  g_autofree char *speaker = NULL;

  /* Every output may be left out. */
  cm_contribution_parse_input ("@jo #a text", NULL, NULL, NULL);

  cm_contribution_parse_input ("@jo #a text", &text, NULL, NULL);
  g_assert_cmpstr (text, ==, "text");

  cm_contribution_parse_input ("@jo #a text", NULL, &themes, NULL);
  g_assert_cmpstr (themes[0], ==, "a");
  g_assert_null (themes[1]);

  cm_contribution_parse_input ("@jo #a text", NULL, NULL, &speaker);
  g_assert_cmpstr (speaker, ==, "jo");
}

/* CmAction ------------------------------------------------------------ */

static void
test_action_defaults (void)
{
  g_autoptr(CmAction) action = cm_action_new ();

  g_assert_cmpint (cm_action_get_id (action), ==, 0);
  g_assert_cmpint (cm_action_get_cycle_id (action), ==, 0);
  g_assert_cmpstr (cm_action_get_response (action), ==, "");
  g_assert_cmpint (cm_action_get_state (action), ==, CM_ACTION_STATE_OPEN);
  g_assert_cmpstr (cm_action_get_reason (action), ==, "");
  g_assert_cmpstr (cm_action_get_owner (action), ==, "");
  g_assert_null (cm_action_get_due_date (action));
  g_assert_cmpint (cm_action_get_activity_id (action), ==, 0);
  g_assert_cmpint (cm_action_get_section_id (action), ==, 0);

  /* An open action with nothing written yet is acceptable. */
  g_assert_true (cm_action_validate (action, NULL));
}

static void
test_action_round_trip (void)
{
  g_autoptr(CmAction) action = cm_action_new ();
  g_autoptr(GDate) due = g_date_new_dmy (31, G_DATE_MARCH, 2026);
  g_autoptr(GDate) same = g_date_new_dmy (31, G_DATE_MARCH, 2026);
  guint count = 0;

  cm_action_set_id (action, 1);
  cm_action_set_cycle_id (action, 2);
  cm_action_set_response (action, "We added Saturday drop-in sessions.");
  cm_action_set_state (action, CM_ACTION_STATE_DONE);
  cm_action_set_reason (action, "");
  cm_action_set_owner (action, "Commissioning team");
  cm_action_set_activity_id (action, 40);
  cm_action_set_section_id (action, 41);

  g_signal_connect (action, "notify::due-date", G_CALLBACK (count_notify), &count);
  cm_action_set_due_date (action, due);
  g_assert_cmpuint (count, ==, 1);
  cm_action_set_due_date (action, same);
  g_assert_cmpuint (count, ==, 1);

  g_assert_cmpint (cm_action_get_id (action), ==, 1);
  g_assert_cmpint (cm_action_get_cycle_id (action), ==, 2);
  g_assert_cmpstr (cm_action_get_response (action), ==, "We added Saturday drop-in sessions.");
  g_assert_cmpint (cm_action_get_state (action), ==, CM_ACTION_STATE_DONE);
  g_assert_cmpstr (cm_action_get_owner (action), ==, "Commissioning team");
  g_assert_cmpint (cm_action_get_activity_id (action), ==, 40);
  g_assert_cmpint (cm_action_get_section_id (action), ==, 41);
  /* The setter copied the date. */
  g_assert_true (cm_action_get_due_date (action) != due);
  g_assert_cmpint (g_date_compare (cm_action_get_due_date (action), due), ==, 0);

  cm_action_set_due_date (action, NULL);
  g_assert_null (cm_action_get_due_date (action));
  g_assert_cmpuint (count, ==, 2);
}

static void
test_action_validate (void)
{
  g_autoptr(CmAction) action = cm_action_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = g_strnfill (CM_SHORT_TEXT_MAX_CHARS + 1, 'o');
  g_autofree char *long_reason = g_strnfill (CM_SHORT_TEXT_MAX_CHARS * 3, 'r');

  cm_action_set_response (action, "We looked into a second provider.");

  cm_action_set_state (action, CM_ACTION_STATE_DONE);
  g_assert_true (cm_action_validate (action, &error));
  g_assert_no_error (error);

  /* "Not possible" must say why. */
  cm_action_set_state (action, CM_ACTION_STATE_NOT_POSSIBLE);
  g_assert_false (cm_action_validate (action, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  cm_action_set_reason (action, "  \n ");
  g_assert_false (cm_action_validate (action, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  cm_action_set_reason (action, "No provider bid for the lot.");
  g_assert_true (cm_action_validate (action, &error));
  g_assert_no_error (error);

  /* A reason is long text. */
  cm_action_set_reason (action, long_reason);
  g_assert_true (cm_action_validate (action, &error));
  g_assert_no_error (error);

  cm_action_set_reason (action, "bad \xff");
  g_assert_false (cm_action_validate (action, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  /* Open again: the old reason may stay but is no longer needed. */
  cm_action_set_reason (action, "");
  cm_action_set_state (action, CM_ACTION_STATE_OPEN);
  g_assert_true (cm_action_validate (action, NULL));

  cm_action_set_state (action, (CmActionState) 7);
  g_assert_false (cm_action_validate (action, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  cm_action_set_state (action, CM_ACTION_STATE_OPEN);

  cm_action_set_owner (action, too_long);
  g_assert_false (cm_action_validate (action, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_TOO_LONG);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core-spec/properties", test_properties);
  g_test_add_func ("/core-spec/null-strings", test_null_strings);
  g_test_add_func ("/core-spec/service-spec/defaults", test_service_spec_defaults);
  g_test_add_func ("/core-spec/service-spec/round-trip", test_service_spec_round_trip);
  g_test_add_func ("/core-spec/service-spec/validate", test_service_spec_validate);
  g_test_add_func ("/core-spec/spec-section", test_spec_section);
  g_test_add_func ("/core-spec/kpi", test_kpi);
  g_test_add_func ("/core-spec/contribution/defaults", test_contribution_defaults);
  g_test_add_func ("/core-spec/contribution/round-trip", test_contribution_round_trip);
  g_test_add_func ("/core-spec/contribution/validate", test_contribution_validate);
  g_test_add_func ("/core-spec/contribution/parse-input", test_contribution_parse_input);
  g_test_add_func ("/core-spec/contribution/parse-input-optional",
                   test_contribution_parse_input_optional);
  g_test_add_func ("/core-spec/action/defaults", test_action_defaults);
  g_test_add_func ("/core-spec/action/round-trip", test_action_round_trip);
  g_test_add_func ("/core-spec/action/validate", test_action_validate);

  return g_test_run ();
}
