/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The advocacy demand model: for each process that can trigger a duty to
 * provide independent advocacy,
 *
 *   cases = N × p(substantial difficulty) × p(no appropriate individual)
 *           × uptake + exception cases
 *   hours = cases × hours per case
 *   cost  = hours × hourly rate
 *
 * with N and the exception cases growing by the same yearly rate, year
 * y (counted from 0) using N × (1 + growth)^y. Figures are not rounded:
 * 12.6 cases is what the model says, and rounding is for display. */

typedef enum
{
  CM_DEMAND_PROCESS_NONE                   = -1,  /* a field not tied to a process */
  CM_DEMAND_PROCESS_NEEDS_ASSESSMENTS      = 0,
  CM_DEMAND_PROCESS_CARER_ASSESSMENTS      = 1,
  CM_DEMAND_PROCESS_CARE_AND_SUPPORT_PLANS = 2,
  CM_DEMAND_PROCESS_REVIEWS                = 3,
  CM_DEMAND_PROCESS_SAFEGUARDING_ENQUIRIES = 4,
  CM_DEMAND_PROCESS_OTHER                  = 5,   /* a free row the user names */
} CmDemandProcess;

#define CM_N_DEMAND_PROCESSES 6

#define CM_DEMAND_MIN_YEARS 1
#define CM_DEMAND_MAX_YEARS 10

/* Reference points published around the Care Act 2014, shown to help a
 * commissioner sanity-check local figures. They are not advice and not
 * defaults anyone should rely on; see cm_demand_reference_note().
 *
 * QUALIFYING_PROPORTION: the Department of Health's impact assessment
 *   expected about 7% of people assessed to qualify for and accept advocacy.
 * COUNCILS_2015_PROPORTION: councils reported about 2.1% in 2015.
 * HOURLY_RATE: one council budgeted about £32 an hour. */
#define CM_DEMAND_REFERENCE_QUALIFYING_PROPORTION   0.07
#define CM_DEMAND_REFERENCE_COUNCILS_2015_PROPORTION 0.021
#define CM_DEMAND_REFERENCE_HOURLY_RATE             32.0

/* Which input a validation error is about, so the UI can show the reason
 * next to it. */
typedef enum
{
  CM_DEMAND_FIELD_NONE = 0,
  CM_DEMAND_FIELD_PEOPLE_PER_YEAR,
  CM_DEMAND_FIELD_P_SUBSTANTIAL_DIFFICULTY,
  CM_DEMAND_FIELD_P_NO_APPROPRIATE_INDIVIDUAL,
  CM_DEMAND_FIELD_UPTAKE,
  CM_DEMAND_FIELD_EXCEPTION_CASES,
  CM_DEMAND_FIELD_HOURS_PER_CASE,
  CM_DEMAND_FIELD_OTHER_LABEL,
  CM_DEMAND_FIELD_HOURLY_RATE,
  CM_DEMAND_FIELD_GROWTH_RATE,
  CM_DEMAND_FIELD_YEARS,
  CM_DEMAND_FIELD_BUDGET,
} CmDemandField;

typedef struct
{
  double people_per_year;             /* N: people going through the process a year */
  double p_substantial_difficulty;    /* 0–1 */
  double p_no_appropriate_individual; /* 0–1 */
  double uptake;                      /* 0–1: of those who qualify, how many accept */
  double exception_cases;             /* a year, added after the proportions */
  double hours_per_case;
} CmDemandRow;

typedef struct
{
  CmDemandRow rows[CM_N_DEMAND_PROCESSES];
  char       *other_label;    /* owned; the user's name for the free row, NULL or "" if none */
  double      hourly_rate;    /* pounds */
  double      growth_rate;    /* a year, e.g. 0.02 for 2%; more than -1 */
  guint       years;          /* CM_DEMAND_MIN_YEARS to CM_DEMAND_MAX_YEARS */
  gint64      budget_pence;   /* commissioned budget a year, for comparison; 0 if none */
} CmDemandInputs;

typedef struct
{
  double people[CM_N_DEMAND_PROCESSES];
  double cases[CM_N_DEMAND_PROCESSES];
  double hours[CM_N_DEMAND_PROCESSES];
  double cost[CM_N_DEMAND_PROCESSES];   /* pounds */
  double total_cases;
  double total_hours;
  double total_cost;                    /* pounds */
  double budget_hours;                  /* hours the commissioned budget buys */
} CmDemandYear;

typedef struct
{
  guint        n_years;
  CmDemandYear years[CM_DEMAND_MAX_YEARS];  /* years[0] is the first year */
  CmDemandYear period;                      /* every figure summed over the n_years */
} CmDemandResult;

#define CM_TYPE_DEMAND_INPUTS (cm_demand_inputs_get_type ())
#define CM_TYPE_DEMAND_RESULT (cm_demand_result_get_type ())

const char     *cm_demand_process_to_label       (CmDemandProcess        process);
const char     *cm_demand_process_to_key         (CmDemandProcess        process);
const char     *cm_demand_field_to_label         (CmDemandField          field);
const char     *cm_demand_reference_note         (void);

GType           cm_demand_inputs_get_type        (void) G_GNUC_CONST;
CmDemandInputs *cm_demand_inputs_new_default     (void);
CmDemandInputs *cm_demand_inputs_copy            (const CmDemandInputs  *inputs);
void            cm_demand_inputs_free            (CmDemandInputs        *inputs);
gboolean        cm_demand_inputs_equal           (const CmDemandInputs  *a,
                                                  const CmDemandInputs  *b);
void            cm_demand_inputs_set_other_label (CmDemandInputs        *inputs,
                                                  const char            *label);
const char     *cm_demand_inputs_get_row_label   (const CmDemandInputs  *inputs,
                                                  CmDemandProcess        process);
gboolean        cm_demand_inputs_validate        (const CmDemandInputs  *inputs,
                                                  CmDemandProcess       *bad_process,
                                                  CmDemandField         *bad_field,
                                                  GError               **error);
char           *cm_demand_inputs_to_string       (const CmDemandInputs  *inputs);
CmDemandInputs *cm_demand_inputs_from_string     (const char            *text,
                                                  GError               **error);

GType           cm_demand_result_get_type        (void) G_GNUC_CONST;
CmDemandResult *cm_demand_compute                (const CmDemandInputs  *inputs);
CmDemandResult *cm_demand_result_copy            (const CmDemandResult  *result);
void            cm_demand_result_free            (CmDemandResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmDemandInputs, cm_demand_inputs_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmDemandResult, cm_demand_result_free)

G_END_DECLS
