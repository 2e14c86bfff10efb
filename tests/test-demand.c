/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "cm-demand.h"
#include "cm-validate.h"

/* Every expected figure below is worked out by hand in the comment next
 * to it; the code under test must agree to within rounding error. */
#define assert_near(a, b) \
  g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9 * MAX (1.0, fabs ((double) (b))))

static CmDemandInputs *
new_zero_inputs (void)
{
  CmDemandInputs *inputs = cm_demand_inputs_new_default ();

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      CmDemandRow *row = &inputs->rows[i];

      row->people_per_year = 0.0;
      row->p_substantial_difficulty = 0.0;
      row->p_no_appropriate_individual = 0.0;
      row->uptake = 0.0;
      row->exception_cases = 0.0;
      row->hours_per_case = 0.0;
    }

  return inputs;
}

static void
set_row (CmDemandInputs  *inputs,
         CmDemandProcess  process,
         double           people,
         double           p_substantial,
         double           p_no_individual,
         double           uptake,
         double           exceptions,
         double           hours_per_case)
{
  CmDemandRow *row = &inputs->rows[process];

  row->people_per_year = people;
  row->p_substantial_difficulty = p_substantial;
  row->p_no_appropriate_individual = p_no_individual;
  row->uptake = uptake;
  row->exception_cases = exceptions;
  row->hours_per_case = hours_per_case;
}

static void
test_defaults (void)
{
  g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();
  g_autoptr(GError) error = NULL;

  /* The reference points: £32 an hour and 7% of people assessed
   * qualifying and accepting, for every process. */
  g_assert_cmpfloat (inputs->hourly_rate, ==, CM_DEMAND_REFERENCE_HOURLY_RATE);
  g_assert_cmpfloat (inputs->hourly_rate, ==, 32.0);
  g_assert_cmpfloat (CM_DEMAND_REFERENCE_COUNCILS_2015_PROPORTION, ==, 0.021);

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      const CmDemandRow *row = &inputs->rows[i];

      assert_near (row->p_substantial_difficulty * row->p_no_appropriate_individual *
                   row->uptake, CM_DEMAND_REFERENCE_QUALIFYING_PROPORTION);
      g_assert_cmpfloat (row->people_per_year, ==, 0.0);
      g_assert_cmpfloat (row->exception_cases, ==, 0.0);
      g_assert_cmpfloat (row->hours_per_case, ==, 0.0);
    }

  g_assert_cmpfloat (inputs->growth_rate, ==, 0.0);
  g_assert_cmpuint (inputs->years, >=, CM_DEMAND_MIN_YEARS);
  g_assert_cmpuint (inputs->years, <=, CM_DEMAND_MAX_YEARS);
  g_assert_cmpint (inputs->budget_pence, ==, 0);
  g_assert_cmpstr (inputs->other_label, ==, "");

  g_assert_true (cm_demand_inputs_validate (inputs, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_nonnull (strstr (cm_demand_reference_note (), "7%"));
  g_assert_nonnull (strstr (cm_demand_reference_note (), "2.1%"));
  g_assert_nonnull (strstr (cm_demand_reference_note (), "£32"));
  g_assert_nonnull (strstr (cm_demand_reference_note (), "not advice"));
}

static void
test_labels (void)
{
  g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (int i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    {
      const char *key = cm_demand_process_to_key (i);

      g_assert_cmpstr (cm_demand_process_to_label (i), !=, "");
      g_assert_cmpstr (key, !=, "");
      g_assert_false (g_hash_table_contains (keys, key));
      g_hash_table_add (keys, (gpointer) key);
    }

  g_assert_cmpstr (cm_demand_process_to_label (CM_DEMAND_PROCESS_REVIEWS), ==, "Reviews");
  for (int f = CM_DEMAND_FIELD_PEOPLE_PER_YEAR; f <= CM_DEMAND_FIELD_BUDGET; f++)
    g_assert_cmpstr (cm_demand_field_to_label (f), !=, "");

  /* The free row takes the user's name once there is one. */
  g_assert_cmpstr (cm_demand_inputs_get_row_label (inputs, CM_DEMAND_PROCESS_OTHER), ==,
                   cm_demand_process_to_label (CM_DEMAND_PROCESS_OTHER));
  cm_demand_inputs_set_other_label (inputs, "  ");
  g_assert_cmpstr (cm_demand_inputs_get_row_label (inputs, CM_DEMAND_PROCESS_OTHER), ==,
                   cm_demand_process_to_label (CM_DEMAND_PROCESS_OTHER));
  cm_demand_inputs_set_other_label (inputs, "Hospital discharges");
  g_assert_cmpstr (cm_demand_inputs_get_row_label (inputs, CM_DEMAND_PROCESS_OTHER), ==,
                   "Hospital discharges");
  g_assert_cmpstr (cm_demand_inputs_get_row_label (inputs, CM_DEMAND_PROCESS_REVIEWS), ==,
                   "Reviews");
}

static void
test_zero (void)
{
  g_autoptr(CmDemandInputs) inputs = new_zero_inputs ();
  g_autoptr(CmDemandResult) result = NULL;

  /* Nothing in, nothing out: every figure 0 for each of the 3 years,
   * and no budget buys 0 hours. */
  inputs->years = 3;
  result = cm_demand_compute (inputs);

  g_assert_cmpuint (result->n_years, ==, 3);
  for (guint y = 0; y < result->n_years; y++)
    {
      const CmDemandYear *year = &result->years[y];

      for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
        {
          g_assert_cmpfloat (year->people[i], ==, 0.0);
          g_assert_cmpfloat (year->cases[i], ==, 0.0);
          g_assert_cmpfloat (year->hours[i], ==, 0.0);
          g_assert_cmpfloat (year->cost[i], ==, 0.0);
        }
      g_assert_cmpfloat (year->total_cases, ==, 0.0);
      g_assert_cmpfloat (year->total_hours, ==, 0.0);
      g_assert_cmpfloat (year->total_cost, ==, 0.0);
      g_assert_cmpfloat (year->budget_hours, ==, 0.0);
    }
  g_assert_cmpfloat (result->period.total_cost, ==, 0.0);
  g_assert_cmpfloat (result->period.budget_hours, ==, 0.0);
}

static void
test_one_year (void)
{
  g_autoptr(CmDemandInputs) inputs = new_zero_inputs ();
  g_autoptr(CmDemandResult) result = NULL;
  const CmDemandYear *year;

  inputs->years = 1;
  inputs->hourly_rate = 32.0;
  inputs->budget_pence = 5000000;   /* £50,000 */

  /* Needs assessments: 1000 people × 0.25 × 0.4 × 0.7 = 1000 × 0.07 = 70 cases;
   * 70 × 10 h = 700 h; 700 h × £32 = £22,400. */
  set_row (inputs, CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS, 1000, 0.25, 0.4, 0.7, 0, 10);
  /* Reviews: 2000 × 0.5 × 0.2 × 0.5 = 2000 × 0.05 = 100, plus 5 exception
   * cases = 105 cases; 105 × 6 h = 630 h; 630 × £32 = £20,160. */
  set_row (inputs, CM_DEMAND_PROCESS_REVIEWS, 2000, 0.5, 0.2, 0.5, 5, 6);

  result = cm_demand_compute (inputs);
  g_assert_cmpuint (result->n_years, ==, 1);
  year = &result->years[0];

  assert_near (year->people[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS], 1000);
  assert_near (year->cases[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS], 70);
  assert_near (year->hours[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS], 700);
  assert_near (year->cost[CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS], 22400);

  assert_near (year->people[CM_DEMAND_PROCESS_REVIEWS], 2000);
  assert_near (year->cases[CM_DEMAND_PROCESS_REVIEWS], 105);
  assert_near (year->hours[CM_DEMAND_PROCESS_REVIEWS], 630);
  assert_near (year->cost[CM_DEMAND_PROCESS_REVIEWS], 20160);

  g_assert_cmpfloat (year->cases[CM_DEMAND_PROCESS_CARER_ASSESSMENTS], ==, 0.0);

  /* Totals: 70 + 105 = 175 cases; 700 + 630 = 1330 h; £22,400 + £20,160 = £42,560. */
  assert_near (year->total_cases, 175);
  assert_near (year->total_hours, 1330);
  assert_near (year->total_cost, 42560);

  /* £50,000 ÷ £32 = 1562.5 hours. */
  assert_near (year->budget_hours, 1562.5);

  /* One year: the period is that year. */
  assert_near (result->period.total_cases, 175);
  assert_near (result->period.total_hours, 1330);
  assert_near (result->period.total_cost, 42560);
  assert_near (result->period.budget_hours, 1562.5);
  assert_near (result->period.cases[CM_DEMAND_PROCESS_REVIEWS], 105);
}

static void
test_ten_years_no_growth (void)
{
  g_autoptr(CmDemandInputs) inputs = new_zero_inputs ();
  g_autoptr(CmDemandResult) result = NULL;

  inputs->years = 10;
  inputs->growth_rate = 0.0;
  inputs->hourly_rate = 40.0;
  inputs->budget_pence = 2000000;   /* £20,000 */

  /* Safeguarding: 300 × 1 × 0.5 × 0.2 = 30 cases + 2 = 32; × 5 h = 160 h;
   * × £40 = £6,400, the same every year with 0% growth. */
  set_row (inputs, CM_DEMAND_PROCESS_SAFEGUARDING_ENQUIRIES, 300, 1.0, 0.5, 0.2, 2, 5);

  result = cm_demand_compute (inputs);
  g_assert_cmpuint (result->n_years, ==, 10);

  for (guint y = 0; y < 10; y++)
    {
      assert_near (result->years[y].people[CM_DEMAND_PROCESS_SAFEGUARDING_ENQUIRIES], 300);
      assert_near (result->years[y].total_cases, 32);
      assert_near (result->years[y].total_hours, 160);
      assert_near (result->years[y].total_cost, 6400);
      /* £20,000 ÷ £40 = 500 hours a year. */
      assert_near (result->years[y].budget_hours, 500);
    }

  /* Ten years: 320 cases, 1600 h, £64,000; the budget buys 5000 h. */
  assert_near (result->period.total_cases, 320);
  assert_near (result->period.total_hours, 1600);
  assert_near (result->period.total_cost, 64000);
  assert_near (result->period.budget_hours, 5000);
  assert_near (result->period.people[CM_DEMAND_PROCESS_SAFEGUARDING_ENQUIRIES], 3000);
}

static void
test_ten_years_doubling (void)
{
  g_autoptr(CmDemandInputs) inputs = new_zero_inputs ();
  g_autoptr(CmDemandResult) result = NULL;

  /* Growth 100% (the largest allowed): N_y = 2^y. With every proportion 1,
   * 1 hour per case and £1 an hour, cases = hours = pounds = 2^y:
   * 1, 2, 4, …, 512; over ten years 2^10 − 1 = 1023. */
  inputs->years = 10;
  inputs->growth_rate = 1.0;
  inputs->hourly_rate = 1.0;
  set_row (inputs, CM_DEMAND_PROCESS_CARE_AND_SUPPORT_PLANS, 1, 1, 1, 1, 0, 1);
  g_assert_true (cm_demand_inputs_validate (inputs, NULL, NULL, NULL));

  result = cm_demand_compute (inputs);
  g_assert_cmpuint (result->n_years, ==, 10);

  for (guint y = 0; y < 10; y++)
    {
      double expected = (double) (1u << y);

      assert_near (result->years[y].people[CM_DEMAND_PROCESS_CARE_AND_SUPPORT_PLANS], expected);
      assert_near (result->years[y].total_cases, expected);
      assert_near (result->years[y].total_hours, expected);
      assert_near (result->years[y].total_cost, expected);
    }

  assert_near (result->years[9].total_cost, 512);
  assert_near (result->period.total_cases, 1023);
  assert_near (result->period.total_cost, 1023);
}

static void
test_ten_years_two_percent (void)
{
  g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();
  g_autoptr(CmDemandResult) result = NULL;

  /* The defaults (7%, £32) with 1000 people, 10 hours a case and 2% growth.
   * 1.02^2 = 1.0404; ^4 = 1.0404² = 1.08243216; ^8 = 1.08243216² =
   * 1.1716593810; ^9 = × 1.02 = 1.1950925686.
   * Year 10 (y = 9): N = 1195.0925686; cases = × 0.07 = 83.656479802;
   * hours = × 10 = 836.56479802; cost = × £32 = £26,770.073537. */
  inputs->years = 10;
  inputs->growth_rate = 0.02;
  set_row (inputs, CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS, 1000, 0.25, 0.4, 0.7, 0, 10);

  result = cm_demand_compute (inputs);
  g_assert_cmpuint (result->n_years, ==, 10);
  g_assert_cmpfloat_with_epsilon (result->years[9].people[0], 1195.0925686, 1e-6);
  g_assert_cmpfloat_with_epsilon (result->years[9].total_cases, 83.656479802, 1e-6);
  g_assert_cmpfloat_with_epsilon (result->years[9].total_hours, 836.56479802, 1e-6);
  g_assert_cmpfloat_with_epsilon (result->years[9].total_cost, 26770.073537, 1e-5);

  /* Year 1 is not grown: 1000 × 0.07 = 70 cases, 700 h, £22,400. */
  assert_near (result->years[0].total_cost, 22400);
}

static void
test_positive_growth (void)
{
  g_autoptr(CmDemandInputs) inputs = new_zero_inputs ();
  g_autoptr(CmDemandResult) result = NULL;

  /* 10% growth, 3 years; carers' assessments: N = 1000, proportions
   * 0.5 × 0.5 × 0.4 = 0.1, 10 exception cases, 2 h a case, £30 an hour.
   * y0: N 1000, exceptions 10:   100 + 10   = 110   cases, 220   h, £6,600
   * y1: N 1100, exceptions 11:   110 + 11   = 121   cases, 242   h, £7,260
   * y2: N 1210, exceptions 12.1: 121 + 12.1 = 133.1 cases, 266.2 h, £7,986
   * period: 364.1 cases, 728.2 h, £21,846. */
  inputs->years = 3;
  inputs->growth_rate = 0.1;
  inputs->hourly_rate = 30.0;
  set_row (inputs, CM_DEMAND_PROCESS_CARER_ASSESSMENTS, 1000, 0.5, 0.5, 0.4, 10, 2);

  result = cm_demand_compute (inputs);
  g_assert_cmpuint (result->n_years, ==, 3);

  assert_near (result->years[0].people[CM_DEMAND_PROCESS_CARER_ASSESSMENTS], 1000);
  assert_near (result->years[1].people[CM_DEMAND_PROCESS_CARER_ASSESSMENTS], 1100);
  assert_near (result->years[2].people[CM_DEMAND_PROCESS_CARER_ASSESSMENTS], 1210);

  assert_near (result->years[0].cases[CM_DEMAND_PROCESS_CARER_ASSESSMENTS], 110);
  assert_near (result->years[1].cases[CM_DEMAND_PROCESS_CARER_ASSESSMENTS], 121);
  assert_near (result->years[2].cases[CM_DEMAND_PROCESS_CARER_ASSESSMENTS], 133.1);

  assert_near (result->years[0].hours[CM_DEMAND_PROCESS_CARER_ASSESSMENTS], 220);
  assert_near (result->years[1].hours[CM_DEMAND_PROCESS_CARER_ASSESSMENTS], 242);
  assert_near (result->years[2].hours[CM_DEMAND_PROCESS_CARER_ASSESSMENTS], 266.2);

  assert_near (result->years[0].total_cost, 6600);
  assert_near (result->years[1].total_cost, 7260);
  assert_near (result->years[2].total_cost, 7986);

  assert_near (result->period.total_cases, 364.1);
  assert_near (result->period.total_hours, 728.2);
  assert_near (result->period.total_cost, 21846);
}

static void
test_negative_growth (void)
{
  g_autoptr(CmDemandInputs) inputs = new_zero_inputs ();
  g_autoptr(CmDemandResult) result = NULL;

  /* −50% growth, 3 years; reviews: N = 800, proportions 1 × 0.5 × 0.5 =
   * 0.25, 4 exception cases, 1 h a case, £20 an hour.
   * y0: N 800, exceptions 4: 200 + 4 = 204 cases, 204 h, £4,080
   * y1: N 400, exceptions 2: 100 + 2 = 102 cases, 102 h, £2,040
   * y2: N 200, exceptions 1:  50 + 1 =  51 cases,  51 h, £1,020
   * period: 357 cases, 357 h, £7,140. */
  inputs->years = 3;
  inputs->growth_rate = -0.5;
  inputs->hourly_rate = 20.0;
  set_row (inputs, CM_DEMAND_PROCESS_REVIEWS, 800, 1, 0.5, 0.5, 4, 1);
  g_assert_true (cm_demand_inputs_validate (inputs, NULL, NULL, NULL));

  result = cm_demand_compute (inputs);

  assert_near (result->years[0].people[CM_DEMAND_PROCESS_REVIEWS], 800);
  assert_near (result->years[1].people[CM_DEMAND_PROCESS_REVIEWS], 400);
  assert_near (result->years[2].people[CM_DEMAND_PROCESS_REVIEWS], 200);
  assert_near (result->years[0].total_cases, 204);
  assert_near (result->years[1].total_cases, 102);
  assert_near (result->years[2].total_cases, 51);
  assert_near (result->years[0].total_cost, 4080);
  assert_near (result->years[1].total_cost, 2040);
  assert_near (result->years[2].total_cost, 1020);
  assert_near (result->period.total_cases, 357);
  assert_near (result->period.total_hours, 357);
  assert_near (result->period.total_cost, 7140);
}

static void
test_exceptions (void)
{
  g_autoptr(CmDemandInputs) inputs = new_zero_inputs ();
  g_autoptr(CmDemandResult) result = NULL;

  /* Exception cases count even when no one qualifies the usual way:
   * N = 500 but uptake 0, 12 exception cases, 3 h a case, £25 an hour,
   * 50% growth over 2 years.
   * y0: 0 + 12 = 12 cases, 36 h, £900
   * y1: 0 + 18 = 18 cases, 54 h, £1,350
   * period: 30 cases, 90 h, £2,250. */
  inputs->years = 2;
  inputs->growth_rate = 0.5;
  inputs->hourly_rate = 25.0;
  set_row (inputs, CM_DEMAND_PROCESS_OTHER, 500, 0.3, 0.3, 0.0, 12, 3);
  cm_demand_inputs_set_other_label (inputs, "Hospital discharges");

  result = cm_demand_compute (inputs);

  assert_near (result->years[0].cases[CM_DEMAND_PROCESS_OTHER], 12);
  assert_near (result->years[0].hours[CM_DEMAND_PROCESS_OTHER], 36);
  assert_near (result->years[0].cost[CM_DEMAND_PROCESS_OTHER], 900);
  assert_near (result->years[1].people[CM_DEMAND_PROCESS_OTHER], 750);
  assert_near (result->years[1].cases[CM_DEMAND_PROCESS_OTHER], 18);
  assert_near (result->years[1].hours[CM_DEMAND_PROCESS_OTHER], 54);
  assert_near (result->years[1].cost[CM_DEMAND_PROCESS_OTHER], 1350);
  assert_near (result->period.cases[CM_DEMAND_PROCESS_OTHER], 30);
  assert_near (result->period.total_hours, 90);
  assert_near (result->period.total_cost, 2250);
}

static void
test_budget_hours (void)
{
  g_autoptr(CmDemandInputs) inputs = new_zero_inputs ();
  g_autoptr(CmDemandResult) result = NULL;
  g_autoptr(CmDemandResult) copy = NULL;

  /* 3,200,000 pence = £32,000; ÷ £32 = 1000 hours a year, 3000 over 3 years. */
  inputs->years = 3;
  inputs->hourly_rate = 32.0;
  inputs->budget_pence = 3200000;
  result = cm_demand_compute (inputs);
  for (guint y = 0; y < 3; y++)
    assert_near (result->years[y].budget_hours, 1000);
  assert_near (result->period.budget_hours, 3000);

  /* The boxed copy is a real copy. */
  copy = g_boxed_copy (CM_TYPE_DEMAND_RESULT, result);
  g_assert_true (copy != result);
  assert_near (copy->period.budget_hours, 3000);
  g_clear_pointer (&result, cm_demand_result_free);

  /* 1 penny = £0.01; ÷ £32 = 0.0003125 hours. */
  inputs->years = 1;
  inputs->budget_pence = 1;
  result = cm_demand_compute (inputs);
  assert_near (result->years[0].budget_hours, 0.0003125);
  g_clear_pointer (&result, cm_demand_result_free);

  /* £1,234.56 at £30.50 an hour: 1234.56 ÷ 30.5 = 40.477377… hours. */
  inputs->budget_pence = 123456;
  inputs->hourly_rate = 30.5;
  result = cm_demand_compute (inputs);
  g_assert_cmpfloat_with_epsilon (result->years[0].budget_hours, 40.4773770, 1e-6);
  g_clear_pointer (&result, cm_demand_result_free);

  /* Invalid inputs never crash compute: no rate buys no hours, and the
   * years stay within 1 to 10. */
  inputs->hourly_rate = 0.0;
  inputs->years = 0;
  result = cm_demand_compute (inputs);
  g_assert_cmpuint (result->n_years, ==, CM_DEMAND_MIN_YEARS);
  g_assert_cmpfloat (result->years[0].budget_hours, ==, 0.0);
  g_clear_pointer (&result, cm_demand_result_free);

  inputs->years = 500;
  result = cm_demand_compute (inputs);
  g_assert_cmpuint (result->n_years, ==, CM_DEMAND_MAX_YEARS);
}

static void
check_invalid (const CmDemandInputs *inputs,
               CmDemandProcess       expected_process,
               CmDemandField         expected_field,
               const char           *expected_in_message)
{
  g_autoptr(GError) error = NULL;
  CmDemandProcess process = 99;
  CmDemandField field = 99;

  g_assert_false (cm_demand_inputs_validate (inputs, &process, &field, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_cmpint (process, ==, expected_process);
  g_assert_cmpint (field, ==, expected_field);
  if (expected_in_message != NULL)
    g_assert_nonnull (strstr (error->message, expected_in_message));

  /* The out parameters are optional. */
  g_assert_false (cm_demand_inputs_validate (inputs, NULL, NULL, NULL));
}

static void
check_valid (const CmDemandInputs *inputs)
{
  g_autoptr(GError) error = NULL;
  CmDemandProcess process = 99;
  CmDemandField field = 99;

  g_assert_true (cm_demand_inputs_validate (inputs, &process, &field, &error));
  g_assert_no_error (error);
  g_assert_cmpint (process, ==, CM_DEMAND_PROCESS_NONE);
  g_assert_cmpint (field, ==, CM_DEMAND_FIELD_NONE);
}

static void
test_validate_proportions (void)
{
  g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();
  CmDemandRow *reviews = &inputs->rows[CM_DEMAND_PROCESS_REVIEWS];
  CmDemandRow *other = &inputs->rows[CM_DEMAND_PROCESS_OTHER];

  reviews->p_substantial_difficulty = 1.5;
  check_invalid (inputs, CM_DEMAND_PROCESS_REVIEWS,
                 CM_DEMAND_FIELD_P_SUBSTANTIAL_DIFFICULTY, "Reviews");
  reviews->p_substantial_difficulty = 1.0;
  check_valid (inputs);

  reviews->p_no_appropriate_individual = -0.01;
  check_invalid (inputs, CM_DEMAND_PROCESS_REVIEWS,
                 CM_DEMAND_FIELD_P_NO_APPROPRIATE_INDIVIDUAL, "Reviews");
  reviews->p_no_appropriate_individual = 0.0;
  check_valid (inputs);

  reviews->uptake = NAN;
  check_invalid (inputs, CM_DEMAND_PROCESS_REVIEWS, CM_DEMAND_FIELD_UPTAKE, "Uptake");
  reviews->uptake = 1.0000001;
  check_invalid (inputs, CM_DEMAND_PROCESS_REVIEWS, CM_DEMAND_FIELD_UPTAKE, NULL);
  reviews->uptake = 1.0;
  check_valid (inputs);

  /* The message names the free row by the user's name for it. */
  cm_demand_inputs_set_other_label (inputs, "Hospital discharges");
  other->uptake = 2;
  check_invalid (inputs, CM_DEMAND_PROCESS_OTHER, CM_DEMAND_FIELD_UPTAKE,
                 "Hospital discharges");
  other->uptake = 0.5;
  check_valid (inputs);
}

static void
test_validate_counts (void)
{
  g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();
  CmDemandRow *row = &inputs->rows[CM_DEMAND_PROCESS_CARER_ASSESSMENTS];

  row->people_per_year = -1;
  check_invalid (inputs, CM_DEMAND_PROCESS_CARER_ASSESSMENTS,
                 CM_DEMAND_FIELD_PEOPLE_PER_YEAR, "negative");
  row->people_per_year = INFINITY;
  check_invalid (inputs, CM_DEMAND_PROCESS_CARER_ASSESSMENTS,
                 CM_DEMAND_FIELD_PEOPLE_PER_YEAR, NULL);
  row->people_per_year = 1e6;
  check_valid (inputs);

  row->exception_cases = -3;
  check_invalid (inputs, CM_DEMAND_PROCESS_CARER_ASSESSMENTS,
                 CM_DEMAND_FIELD_EXCEPTION_CASES, NULL);
  row->exception_cases = 3;

  row->hours_per_case = -0.5;
  check_invalid (inputs, CM_DEMAND_PROCESS_CARER_ASSESSMENTS,
                 CM_DEMAND_FIELD_HOURS_PER_CASE, NULL);
  row->hours_per_case = NAN;
  check_invalid (inputs, CM_DEMAND_PROCESS_CARER_ASSESSMENTS,
                 CM_DEMAND_FIELD_HOURS_PER_CASE, NULL);
  row->hours_per_case = 0;
  check_valid (inputs);

  inputs->budget_pence = -1;
  check_invalid (inputs, CM_DEMAND_PROCESS_NONE, CM_DEMAND_FIELD_BUDGET, NULL);
  inputs->budget_pence = 0;
  check_valid (inputs);
}

static void
test_validate_globals (void)
{
  g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();
  g_autofree char *long_label = g_strnfill (CM_SHORT_TEXT_MAX_CHARS + 1, 'x');
  g_autoptr(GError) error = NULL;

  inputs->years = 0;
  check_invalid (inputs, CM_DEMAND_PROCESS_NONE, CM_DEMAND_FIELD_YEARS, "10");
  inputs->years = 11;
  check_invalid (inputs, CM_DEMAND_PROCESS_NONE, CM_DEMAND_FIELD_YEARS, "10");
  inputs->years = 1;
  check_valid (inputs);
  inputs->years = 10;
  check_valid (inputs);

  inputs->hourly_rate = 0;
  check_invalid (inputs, CM_DEMAND_PROCESS_NONE, CM_DEMAND_FIELD_HOURLY_RATE, "Hourly rate");
  inputs->hourly_rate = -32;
  check_invalid (inputs, CM_DEMAND_PROCESS_NONE, CM_DEMAND_FIELD_HOURLY_RATE, NULL);
  inputs->hourly_rate = NAN;
  check_invalid (inputs, CM_DEMAND_PROCESS_NONE, CM_DEMAND_FIELD_HOURLY_RATE, NULL);
  inputs->hourly_rate = 0.01;
  check_valid (inputs);

  inputs->growth_rate = -1.0;
  check_invalid (inputs, CM_DEMAND_PROCESS_NONE, CM_DEMAND_FIELD_GROWTH_RATE, "100%");
  inputs->growth_rate = -1.5;
  check_invalid (inputs, CM_DEMAND_PROCESS_NONE, CM_DEMAND_FIELD_GROWTH_RATE, NULL);
  inputs->growth_rate = 1.01;
  check_invalid (inputs, CM_DEMAND_PROCESS_NONE, CM_DEMAND_FIELD_GROWTH_RATE, NULL);
  inputs->growth_rate = -INFINITY;
  check_invalid (inputs, CM_DEMAND_PROCESS_NONE, CM_DEMAND_FIELD_GROWTH_RATE, NULL);
  inputs->growth_rate = -0.99;
  check_valid (inputs);
  inputs->growth_rate = 0.021;
  check_valid (inputs);

  cm_demand_inputs_set_other_label (inputs, long_label);
  g_assert_false (cm_demand_inputs_validate (inputs, NULL, NULL, &error));
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_TOO_LONG);
  cm_demand_inputs_set_other_label (inputs, NULL);
  check_valid (inputs);
  g_assert_cmpstr (inputs->other_label, ==, "");
}

static void
test_string_round_trip (void)
{
  g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();
  g_autoptr(CmDemandInputs) read = NULL;
  g_autoptr(CmDemandInputs) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  /* Values that only survive if every digit is written. */
  set_row (inputs, CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS, 1.0 / 3.0, 0.1, 0.2, 0.7, 1e-300, 7.25);
  set_row (inputs, CM_DEMAND_PROCESS_REVIEWS, 123456789.123456789, 1, 0,
           nextafter (0.5, 1.0), 0, 0.1 + 0.2);
  inputs->rows[CM_DEMAND_PROCESS_SAFEGUARDING_ENQUIRIES].people_per_year = 4.9e-324;
  cm_demand_inputs_set_other_label (inputs, "  Hospital = discharges [Zoë] 🚑\n#not a comment\\ ");
  inputs->hourly_rate = 31.99;
  inputs->growth_rate = -0.0125;
  inputs->years = 7;
  inputs->budget_pence = G_MAXINT64;

  text = cm_demand_inputs_to_string (inputs);
  g_assert_nonnull (text);
  g_test_message ("%s", text);

  read = cm_demand_inputs_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_true (cm_demand_inputs_equal (inputs, read));
  g_assert_cmpstr (read->other_label, ==,
                   "  Hospital = discharges [Zoë] 🚑\n#not a comment\\ ");
  g_assert_cmpint (read->budget_pence, ==, G_MAXINT64);
  g_assert_cmpfloat (read->rows[CM_DEMAND_PROCESS_REVIEWS].hours_per_case, ==, 0.1 + 0.2);

  again = cm_demand_inputs_to_string (read);
  g_assert_cmpstr (again, ==, text);

  /* equal() does notice a difference, and copies are equal. */
  copy = g_boxed_copy (CM_TYPE_DEMAND_INPUTS, read);
  g_assert_true (copy->other_label != read->other_label);
  g_assert_true (cm_demand_inputs_equal (copy, read));
  copy->rows[CM_DEMAND_PROCESS_REVIEWS].uptake =
    nextafter (copy->rows[CM_DEMAND_PROCESS_REVIEWS].uptake, 1.0);
  g_assert_false (cm_demand_inputs_equal (copy, read));
}

static void
test_string_keeps_invalid_values (void)
{
  g_autoptr(CmDemandInputs) inputs = cm_demand_inputs_new_default ();
  g_autoptr(CmDemandInputs) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* What someone typed is kept even when it is not yet valid. */
  inputs->years = 11;
  inputs->rows[0].uptake = 1.5;
  inputs->budget_pence = -5;
  text = cm_demand_inputs_to_string (inputs);

  read = cm_demand_inputs_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (cm_demand_inputs_equal (inputs, read));
  g_assert_false (cm_demand_inputs_validate (read, NULL, NULL, NULL));
}

static void
test_string_missing_keys (void)
{
  g_autoptr(CmDemandInputs) defaults = cm_demand_inputs_new_default ();
  g_autoptr(CmDemandInputs) read = NULL;
  g_autoptr(GError) error = NULL;

  /* Settings left out keep their defaults. */
  read = cm_demand_inputs_from_string ("[demand]\nversion=1\n", &error);
  g_assert_no_error (error);
  g_assert_true (cm_demand_inputs_equal (read, defaults));
  g_clear_pointer (&read, cm_demand_inputs_free);

  read = cm_demand_inputs_from_string ("# a comment\n[demand]\nversion=1\nyears=4\n"
                                       "[reviews]\npeople-per-year=250\n"
                                       "[unknown-group]\nfoo=bar\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->years, ==, 4);
  g_assert_cmpfloat (read->rows[CM_DEMAND_PROCESS_REVIEWS].people_per_year, ==, 250);
  g_assert_cmpfloat (read->hourly_rate, ==, 32.0);
}

static void
check_garbage (const char *text,
               const char *expected_in_message)
{
  g_autoptr(CmDemandInputs) read = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("text: %s", text != NULL ? text : "(null)");
  read = cm_demand_inputs_from_string (text, &error);
  g_assert_null (read);
  g_assert_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT);
  g_assert_nonnull (strstr (error->message, "demand model"));
  if (expected_in_message != NULL)
    g_assert_nonnull (strstr (error->message, expected_in_message));
}

static void
test_string_garbage (void)
{
  check_garbage (NULL, NULL);
  check_garbage ("", "not a demand model");
  check_garbage ("not a key file at all", NULL);
  check_garbage ("\x01\x02[\xff\xfe", NULL);
  check_garbage ("[reviews]\nuptake=0.5\n", "not a demand model");
  check_garbage ("[demand]\nhourly-rate=32\n", "not a demand model");
  check_garbage ("[demand]\nversion=2\n", "newer version");
  check_garbage ("[demand]\nversion=0\n", "demand/version");
  check_garbage ("[demand]\nversion=one\n", "demand/version");
  check_garbage ("[demand]\nversion=1\nyears=abc\n", "demand/years");
  check_garbage ("[demand]\nversion=1\nyears=-3\n", "demand/years");
  check_garbage ("[demand]\nversion=1\nyears=99999999999\n", "demand/years");
  check_garbage ("[demand]\nversion=1\nhourly-rate=£32\n", "demand/hourly-rate");
  check_garbage ("[demand]\nversion=1\nbudget-pence=12.5\n", "demand/budget-pence");
  check_garbage ("[demand]\nversion=1\n[reviews]\nuptake=lots\n", "reviews/uptake");
  check_garbage ("[demand]\nversion=1\n[reviews]\nhours-per-case=\n", "reviews/hours-per-case");
  check_garbage ("[demand]\nversion=1\nother-label=\xff\n", NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demand/defaults", test_defaults);
  g_test_add_func ("/demand/labels", test_labels);
  g_test_add_func ("/demand/compute/zero", test_zero);
  g_test_add_func ("/demand/compute/one-year", test_one_year);
  g_test_add_func ("/demand/compute/ten-years-no-growth", test_ten_years_no_growth);
  g_test_add_func ("/demand/compute/ten-years-doubling", test_ten_years_doubling);
  g_test_add_func ("/demand/compute/ten-years-two-percent", test_ten_years_two_percent);
  g_test_add_func ("/demand/compute/positive-growth", test_positive_growth);
  g_test_add_func ("/demand/compute/negative-growth", test_negative_growth);
  g_test_add_func ("/demand/compute/exceptions", test_exceptions);
  g_test_add_func ("/demand/compute/budget-hours", test_budget_hours);
  g_test_add_func ("/demand/validate/proportions", test_validate_proportions);
  g_test_add_func ("/demand/validate/counts", test_validate_counts);
  g_test_add_func ("/demand/validate/globals", test_validate_globals);
  g_test_add_func ("/demand/string/round-trip", test_string_round_trip);
  g_test_add_func ("/demand/string/keeps-invalid-values", test_string_keeps_invalid_values);
  g_test_add_func ("/demand/string/missing-keys", test_string_missing_keys);
  g_test_add_func ("/demand/string/garbage", test_string_garbage);

  return g_test_run ();
}
