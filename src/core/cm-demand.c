/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-demand"

#include "config.h"

#include "cm-demand.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cm-validate.h"

/* The defaults spread the Department of Health's 7% (people assessed who
 * qualify for and accept advocacy) over the three proportions as
 * 0.25 × 0.4 × 0.7 = 0.07: a quarter with substantial difficulty, of
 * whom 40% have no appropriate individual, of whom 70% accept. The split
 * is illustrative only; nothing published breaks the 7% down. People,
 * exception cases and hours per case start at 0 because only local data
 * can fill them. Three years matches a common "2+1" contract term. */
#define DEFAULT_P_SUBSTANTIAL_DIFFICULTY    0.25
#define DEFAULT_P_NO_APPROPRIATE_INDIVIDUAL 0.4
#define DEFAULT_UPTAKE                      0.7
#define DEFAULT_YEARS                       3

/* The text format written by cm_demand_inputs_to_string(). */
#define FORMAT_VERSION 1
#define MAIN_GROUP     "demand"

G_DEFINE_BOXED_TYPE (CmDemandInputs, cm_demand_inputs,
                     cm_demand_inputs_copy, cm_demand_inputs_free)
G_DEFINE_BOXED_TYPE (CmDemandResult, cm_demand_result,
                     cm_demand_result_copy, cm_demand_result_free)

static const char * const process_keys[CM_N_DEMAND_PROCESSES] = {
  "needs-assessments",
  "carer-assessments",
  "care-and-support-plans",
  "reviews",
  "safeguarding-enquiries",
  "other",
};

static const char * const process_labels[CM_N_DEMAND_PROCESSES] = {
  N_("Needs assessments"),
  N_("Carers’ assessments"),
  N_("Care and support plans"),
  N_("Reviews"),
  N_("Safeguarding enquiries"),
  /* Translators: a process the user adds and names themselves */
  N_("Other process"),
};

static gboolean
is_row_field (CmDemandField field)
{
  return field >= CM_DEMAND_FIELD_PEOPLE_PER_YEAR && field <= CM_DEMAND_FIELD_HOURS_PER_CASE;
}

static gboolean
is_valid_process (CmDemandProcess process)
{
  return (int) process >= 0 && (int) process < CM_N_DEMAND_PROCESSES;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

const char *
cm_demand_process_to_label (CmDemandProcess process)
{
  g_return_val_if_fail (is_valid_process (process), "");

  return _(process_labels[process]);
}

/**
 * cm_demand_process_to_key:
 *
 * Returns: a stable, untranslated name for @process, used in saved text
 */
const char *
cm_demand_process_to_key (CmDemandProcess process)
{
  g_return_val_if_fail (is_valid_process (process), "");

  return process_keys[process];
}

const char *
cm_demand_field_to_label (CmDemandField field)
{
  switch (field)
    {
    case CM_DEMAND_FIELD_NONE:
      return "";

    case CM_DEMAND_FIELD_PEOPLE_PER_YEAR:
      /* Translators: how many people go through a process (e.g. reviews) a year */
      return _("People a year");

    case CM_DEMAND_FIELD_P_SUBSTANTIAL_DIFFICULTY:
      /* Translators: "substantial difficulty" in being involved, as in the Care Act */
      return _("Proportion with substantial difficulty");

    case CM_DEMAND_FIELD_P_NO_APPROPRIATE_INDIVIDUAL:
      /* Translators: "appropriate individual" as in the Care Act: a friend or
       * relative who can support the person to be involved */
      return _("Proportion with no appropriate individual");

    case CM_DEMAND_FIELD_UPTAKE:
      /* Translators: the proportion of people entitled to advocacy who accept it */
      return _("Uptake");

    case CM_DEMAND_FIELD_EXCEPTION_CASES:
      /* Translators: cases a year that qualify outside the usual route */
      return _("Exception cases a year");

    case CM_DEMAND_FIELD_HOURS_PER_CASE:
      return _("Hours per case");

    case CM_DEMAND_FIELD_OTHER_LABEL:
      return _("Name of the other process");

    case CM_DEMAND_FIELD_HOURLY_RATE:
      return _("Hourly rate");

    case CM_DEMAND_FIELD_GROWTH_RATE:
      /* Translators: how fast the number of people grows each year */
      return _("Yearly growth");

    case CM_DEMAND_FIELD_YEARS:
      /* Translators: how many years the demand model looks ahead */
      return _("Years");

    case CM_DEMAND_FIELD_BUDGET:
      return _("Commissioned budget");

    default:
      g_return_val_if_reached ("");
    }
}

/**
 * cm_demand_reference_note:
 *
 * Returns: a translated sentence on where the reference points come from
 *   and that they are not advice, for showing next to the model
 */
const char *
cm_demand_reference_note (void)
{
  /* xgettext:no-c-format */
  return _("These figures are published reference points, not advice: the Department of "
           "Health’s impact assessment for the Care Act expected about 7% of people assessed "
           "to qualify for and accept independent advocacy, councils saw about 2.1% in 2015, "
           "and one council budgeted about £32 an hour. Replace them with local figures.");
}

/**
 * cm_demand_inputs_new_default:
 *
 * Returns: (transfer full): inputs holding the reference points (7% combined
 *   proportion for every process, £32 an hour), no growth, three years and
 *   no people yet
 */
CmDemandInputs *
cm_demand_inputs_new_default (void)
{
  CmDemandInputs *inputs = g_new0 (CmDemandInputs, 1);

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      inputs->rows[i].p_substantial_difficulty = DEFAULT_P_SUBSTANTIAL_DIFFICULTY;
      inputs->rows[i].p_no_appropriate_individual = DEFAULT_P_NO_APPROPRIATE_INDIVIDUAL;
      inputs->rows[i].uptake = DEFAULT_UPTAKE;
    }

  inputs->other_label = g_strdup ("");
  inputs->hourly_rate = CM_DEMAND_REFERENCE_HOURLY_RATE;
  inputs->growth_rate = 0.0;
  inputs->years = DEFAULT_YEARS;
  inputs->budget_pence = 0;

  return inputs;
}

CmDemandInputs *
cm_demand_inputs_copy (const CmDemandInputs *inputs)
{
  CmDemandInputs *copy;

  g_return_val_if_fail (inputs != NULL, NULL);

  copy = g_memdup2 (inputs, sizeof *inputs);
  copy->other_label = g_strdup (inputs->other_label != NULL ? inputs->other_label : "");

  return copy;
}

void
cm_demand_inputs_free (CmDemandInputs *inputs)
{
  if (inputs == NULL)
    return;

  g_free (inputs->other_label);
  g_free (inputs);
}

/* Exact comparison: a saved model read back must equal the one written.
 * A missing label and an empty one are the same. */
gboolean
cm_demand_inputs_equal (const CmDemandInputs *a,
                        const CmDemandInputs *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      const CmDemandRow *ra = &a->rows[i];
      const CmDemandRow *rb = &b->rows[i];

      if (ra->people_per_year != rb->people_per_year ||
          ra->p_substantial_difficulty != rb->p_substantial_difficulty ||
          ra->p_no_appropriate_individual != rb->p_no_appropriate_individual ||
          ra->uptake != rb->uptake ||
          ra->exception_cases != rb->exception_cases ||
          ra->hours_per_case != rb->hours_per_case)
        return FALSE;
    }

  return g_strcmp0 (a->other_label != NULL ? a->other_label : "",
                    b->other_label != NULL ? b->other_label : "") == 0 &&
         a->hourly_rate == b->hourly_rate &&
         a->growth_rate == b->growth_rate &&
         a->years == b->years &&
         a->budget_pence == b->budget_pence;
}

void
cm_demand_inputs_set_other_label (CmDemandInputs *inputs,
                                  const char     *label)
{
  g_return_if_fail (inputs != NULL);

  if (inputs->other_label == label)
    return;

  g_free (inputs->other_label);
  inputs->other_label = g_strdup (label != NULL ? label : "");
}

/**
 * cm_demand_inputs_get_row_label:
 *
 * Returns: what to call the row for @process: the user's name for the free
 *   row when they gave one, otherwise the process's translated label
 */
const char *
cm_demand_inputs_get_row_label (const CmDemandInputs *inputs,
                                CmDemandProcess       process)
{
  g_return_val_if_fail (inputs != NULL, "");
  g_return_val_if_fail (is_valid_process (process), "");

  if (process == CM_DEMAND_PROCESS_OTHER && !is_blank (inputs->other_label))
    return inputs->other_label;

  return cm_demand_process_to_label (process);
}

static gboolean
validate_finite (const char  *label,
                 double       value,
                 GError     **error)
{
  if (!isfinite (value))
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is the name of a field */
                   _("%s must be an ordinary number, such as 120 or 2.5."), label);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_row_field (const CmDemandInputs  *inputs,
                    CmDemandProcess        process,
                    CmDemandField          field,
                    double                 value,
                    GError               **error)
{
  g_autofree char *label = NULL;

  g_assert (is_row_field (field));

  /* Translators: names one input of the demand model, e.g.
   * "Reviews: Uptake"; the first %s is the process, the second the field */
  label = g_strdup_printf (_("%s: %s"),
                           cm_demand_inputs_get_row_label (inputs, process),
                           cm_demand_field_to_label (field));

  switch (field)
    {
    case CM_DEMAND_FIELD_P_SUBSTANTIAL_DIFFICULTY:
    case CM_DEMAND_FIELD_P_NO_APPROPRIATE_INDIVIDUAL:
    case CM_DEMAND_FIELD_UPTAKE:
      return cm_validate_probability (label, value, error);

    case CM_DEMAND_FIELD_PEOPLE_PER_YEAR:
    case CM_DEMAND_FIELD_EXCEPTION_CASES:
    case CM_DEMAND_FIELD_HOURS_PER_CASE:
      return validate_finite (label, value, error) &&
             cm_validate_non_negative (label, value, error);

    case CM_DEMAND_FIELD_NONE:
    case CM_DEMAND_FIELD_OTHER_LABEL:
    case CM_DEMAND_FIELD_HOURLY_RATE:
    case CM_DEMAND_FIELD_GROWTH_RATE:
    case CM_DEMAND_FIELD_YEARS:
    case CM_DEMAND_FIELD_BUDGET:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
validate_inputs (const CmDemandInputs  *inputs,
                 CmDemandProcess       *bad_process,
                 CmDemandField         *bad_field,
                 GError               **error)
{
  const char *label;

  *bad_process = CM_DEMAND_PROCESS_NONE;

  *bad_field = CM_DEMAND_FIELD_HOURLY_RATE;
  label = cm_demand_field_to_label (*bad_field);
  if (!validate_finite (label, inputs->hourly_rate, error))
    return FALSE;
  if (!(inputs->hourly_rate > 0.0))
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is the name of a field, e.g. "Hourly rate" */
                   _("%s must be more than zero."), label);
      return FALSE;
    }

  *bad_field = CM_DEMAND_FIELD_GROWTH_RATE;
  label = cm_demand_field_to_label (*bad_field);
  if (!validate_finite (label, inputs->growth_rate, error))
    return FALSE;
  if (!(inputs->growth_rate > -1.0 && inputs->growth_rate <= 1.0))
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is the name of a field; %% is a percent sign */
                   _("%s must be more than −100%% and no more than 100%% a year."), label);
      return FALSE;
    }

  *bad_field = CM_DEMAND_FIELD_YEARS;
  if (inputs->years < CM_DEMAND_MIN_YEARS || inputs->years > CM_DEMAND_MAX_YEARS)
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is the name of a field, then two whole numbers */
                   _("%s must be between %d and %d."),
                   cm_demand_field_to_label (*bad_field),
                   CM_DEMAND_MIN_YEARS, CM_DEMAND_MAX_YEARS);
      return FALSE;
    }

  *bad_field = CM_DEMAND_FIELD_BUDGET;
  if (!cm_validate_non_negative (cm_demand_field_to_label (*bad_field),
                                 (double) inputs->budget_pence, error))
    return FALSE;

  *bad_process = CM_DEMAND_PROCESS_OTHER;
  *bad_field = CM_DEMAND_FIELD_OTHER_LABEL;
  if (!cm_validate_short_text (cm_demand_field_to_label (*bad_field),
                               inputs->other_label, error))
    return FALSE;

  for (int i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      const CmDemandRow *row = &inputs->rows[i];
      const struct {
        CmDemandField field;
        double value;
      } fields[] = {
        { CM_DEMAND_FIELD_PEOPLE_PER_YEAR, row->people_per_year },
        { CM_DEMAND_FIELD_P_SUBSTANTIAL_DIFFICULTY, row->p_substantial_difficulty },
        { CM_DEMAND_FIELD_P_NO_APPROPRIATE_INDIVIDUAL, row->p_no_appropriate_individual },
        { CM_DEMAND_FIELD_UPTAKE, row->uptake },
        { CM_DEMAND_FIELD_EXCEPTION_CASES, row->exception_cases },
        { CM_DEMAND_FIELD_HOURS_PER_CASE, row->hours_per_case },
      };

      *bad_process = i;

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          *bad_field = fields[j].field;
          if (!validate_row_field (inputs, i, fields[j].field, fields[j].value, error))
            return FALSE;
        }
    }

  *bad_process = CM_DEMAND_PROCESS_NONE;
  *bad_field = CM_DEMAND_FIELD_NONE;
  return TRUE;
}

/**
 * cm_demand_inputs_validate:
 * @bad_process: (out) (optional): the row of the first bad input, or
 *   %CM_DEMAND_PROCESS_NONE for a field that belongs to no row
 * @bad_field: (out) (optional): the first bad input, or
 *   %CM_DEMAND_FIELD_NONE when all are fine
 *
 * Checks that every input is usable: proportions between 0 and 1, counts
 * and hours not negative, a positive hourly rate, growth above -100% and no
 * more than 100% a year, 1 to 10 years and a budget that is not negative.
 *
 * Returns: %TRUE if the inputs are valid
 */
gboolean
cm_demand_inputs_validate (const CmDemandInputs  *inputs,
                           CmDemandProcess       *bad_process,
                           CmDemandField         *bad_field,
                           GError               **error)
{
  CmDemandProcess process;
  CmDemandField field;
  gboolean valid;

  g_return_val_if_fail (inputs != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  valid = validate_inputs (inputs, &process, &field, error);

  if (bad_process != NULL)
    *bad_process = process;
  if (bad_field != NULL)
    *bad_field = field;

  return valid;
}

/**
 * cm_demand_inputs_to_string:
 *
 * Returns: (transfer full): @inputs as GKeyFile text, which
 *   cm_demand_inputs_from_string() reads back exactly
 */
char *
cm_demand_inputs_to_string (const CmDemandInputs *inputs)
{
  g_autoptr(GKeyFile) key_file = NULL;

  g_return_val_if_fail (inputs != NULL, NULL);

  key_file = g_key_file_new ();

  g_key_file_set_integer (key_file, MAIN_GROUP, "version", FORMAT_VERSION);
  g_key_file_set_double (key_file, MAIN_GROUP, "hourly-rate", inputs->hourly_rate);
  g_key_file_set_double (key_file, MAIN_GROUP, "growth-rate", inputs->growth_rate);
  g_key_file_set_uint64 (key_file, MAIN_GROUP, "years", inputs->years);
  g_key_file_set_int64 (key_file, MAIN_GROUP, "budget-pence", inputs->budget_pence);
  g_key_file_set_string (key_file, MAIN_GROUP, "other-label",
                         inputs->other_label != NULL ? inputs->other_label : "");

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      const CmDemandRow *row = &inputs->rows[i];
      const char *group = process_keys[i];

      g_key_file_set_double (key_file, group, "people-per-year", row->people_per_year);
      g_key_file_set_double (key_file, group, "p-substantial-difficulty",
                             row->p_substantial_difficulty);
      g_key_file_set_double (key_file, group, "p-no-appropriate-individual",
                             row->p_no_appropriate_individual);
      g_key_file_set_double (key_file, group, "uptake", row->uptake);
      g_key_file_set_double (key_file, group, "exception-cases", row->exception_cases);
      g_key_file_set_double (key_file, group, "hours-per-case", row->hours_per_case);
    }

  return g_key_file_to_data (key_file, NULL, NULL);
}

static void
set_bad_value_error (GError     **error,
                     const char  *group,
                     const char  *key,
                     const char  *reason)
{
  g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT,
               /* Translators: the first two %s name a saved setting, e.g.
                * "reviews" and "uptake"; the last says what is wrong with it */
               _("The saved demand model could not be read: the value of “%s/%s” is "
                 "not usable (%s)."),
               group, key, reason);
}

/* A missing key keeps the value already in *value, so text written by an
 * older version with fewer settings still loads. */
static gboolean
read_double (GKeyFile    *key_file,
             const char  *group,
             const char  *key,
             double      *value,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  double read;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    return TRUE;

  read = g_key_file_get_double (key_file, group, key, &local_error);
  if (local_error != NULL)
    {
      set_bad_value_error (error, group, key, local_error->message);
      return FALSE;
    }

  *value = read;
  return TRUE;
}

static gboolean
read_int64 (GKeyFile    *key_file,
            const char  *group,
            const char  *key,
            gint64      *value,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 read;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    return TRUE;

  read = g_key_file_get_int64 (key_file, group, key, &local_error);
  if (local_error != NULL)
    {
      set_bad_value_error (error, group, key, local_error->message);
      return FALSE;
    }

  *value = read;
  return TRUE;
}

/**
 * cm_demand_inputs_from_string:
 * @text: text from cm_demand_inputs_to_string()
 *
 * Reads saved inputs back. Settings missing from @text keep their default;
 * values that are numbers but out of range are read as they are, so that
 * nothing typed is lost: check them with cm_demand_inputs_validate().
 *
 * Returns: (transfer full) (nullable): the inputs, or %NULL with @error set
 *   (%CM_MODEL_ERROR_INVALID_TEXT) when @text is not a demand model or was
 *   saved by a newer version
 */
CmDemandInputs *
cm_demand_inputs_from_string (const char  *text,
                              GError     **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(CmDemandInputs) inputs = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  gint64 version = 0;
  gint64 years;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key_file = g_key_file_new ();
  if (text == NULL ||
      !g_key_file_load_from_data (key_file, text, -1, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT,
                   /* Translators: %s says what is wrong with the saved text */
                   _("The saved demand model could not be read: %s"),
                   local_error != NULL ? local_error->message : _("there is no text"));
      return NULL;
    }

  if (!g_key_file_has_group (key_file, MAIN_GROUP) ||
      !g_key_file_has_key (key_file, MAIN_GROUP, "version", NULL))
    {
      g_set_error_literal (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT,
                           _("The saved demand model could not be read: "
                             "the text is not a demand model."));
      return NULL;
    }

  if (!read_int64 (key_file, MAIN_GROUP, "version", &version, error))
    return NULL;

  if (version > FORMAT_VERSION)
    {
      g_set_error_literal (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT,
                           _("This demand model was saved by a newer version of "
                             "Commissioning Cycle. Update the application to open it."));
      return NULL;
    }

  if (version < 1)
    {
      set_bad_value_error (error, MAIN_GROUP, "version", _("not a known format"));
      return NULL;
    }

  inputs = cm_demand_inputs_new_default ();
  years = inputs->years;

  if (!read_double (key_file, MAIN_GROUP, "hourly-rate", &inputs->hourly_rate, error) ||
      !read_double (key_file, MAIN_GROUP, "growth-rate", &inputs->growth_rate, error) ||
      !read_int64 (key_file, MAIN_GROUP, "years", &years, error) ||
      !read_int64 (key_file, MAIN_GROUP, "budget-pence", &inputs->budget_pence, error))
    return NULL;

  if (years < 0 || years > G_MAXUINT)
    {
      set_bad_value_error (error, MAIN_GROUP, "years", _("not a number of years"));
      return NULL;
    }
  inputs->years = (guint) years;

  if (g_key_file_has_key (key_file, MAIN_GROUP, "other-label", NULL))
    {
      label = g_key_file_get_string (key_file, MAIN_GROUP, "other-label", &local_error);
      if (label == NULL)
        {
          set_bad_value_error (error, MAIN_GROUP, "other-label", local_error->message);
          return NULL;
        }
      cm_demand_inputs_set_other_label (inputs, label);
    }

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      CmDemandRow *row = &inputs->rows[i];
      const char *group = process_keys[i];

      if (!read_double (key_file, group, "people-per-year", &row->people_per_year, error) ||
          !read_double (key_file, group, "p-substantial-difficulty",
                        &row->p_substantial_difficulty, error) ||
          !read_double (key_file, group, "p-no-appropriate-individual",
                        &row->p_no_appropriate_individual, error) ||
          !read_double (key_file, group, "uptake", &row->uptake, error) ||
          !read_double (key_file, group, "exception-cases", &row->exception_cases, error) ||
          !read_double (key_file, group, "hours-per-case", &row->hours_per_case, error))
        return NULL;
    }

  return g_steal_pointer (&inputs);
}

static void
add_year (CmDemandYear       *sum,
          const CmDemandYear *year)
{
  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      sum->people[i] += year->people[i];
      sum->cases[i] += year->cases[i];
      sum->hours[i] += year->hours[i];
      sum->cost[i] += year->cost[i];
    }

  sum->total_cases += year->total_cases;
  sum->total_hours += year->total_hours;
  sum->total_cost += year->total_cost;
  sum->budget_hours += year->budget_hours;
}

/**
 * cm_demand_compute:
 * @inputs: inputs that passed cm_demand_inputs_validate()
 *
 * Works out demand year by year. Invalid inputs give meaningless figures
 * but never a crash: the number of years is kept within 1 to 10, and with
 * no positive hourly rate the budget buys no hours.
 *
 * Returns: (transfer full): the figures for each year and the whole period
 */
CmDemandResult *
cm_demand_compute (const CmDemandInputs *inputs)
{
  CmDemandResult *result;
  double budget_hours = 0.0;
  double growth = 1.0;

  g_return_val_if_fail (inputs != NULL, NULL);

  result = g_new0 (CmDemandResult, 1);
  result->n_years = CLAMP (inputs->years, CM_DEMAND_MIN_YEARS, CM_DEMAND_MAX_YEARS);

  if (inputs->hourly_rate > 0.0)
    budget_hours = (double) inputs->budget_pence / 100.0 / inputs->hourly_rate;

  for (guint y = 0; y < result->n_years; y++)
    {
      CmDemandYear *year = &result->years[y];

      for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
        {
          const CmDemandRow *row = &inputs->rows[i];
          double exceptions = row->exception_cases * growth;

          year->people[i] = row->people_per_year * growth;
          year->cases[i] = year->people[i] * row->p_substantial_difficulty *
                           row->p_no_appropriate_individual * row->uptake + exceptions;
          year->hours[i] = year->cases[i] * row->hours_per_case;
          year->cost[i] = year->hours[i] * inputs->hourly_rate;

          year->total_cases += year->cases[i];
          year->total_hours += year->hours[i];
          year->total_cost += year->cost[i];
        }

      year->budget_hours = budget_hours;
      add_year (&result->period, year);

      /* (1 + g)^y, one year at a time */
      growth *= 1.0 + inputs->growth_rate;
    }

  return result;
}

CmDemandResult *
cm_demand_result_copy (const CmDemandResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return g_memdup2 (result, sizeof *result);
}

void
cm_demand_result_free (CmDemandResult *result)
{
  g_free (result);
}
