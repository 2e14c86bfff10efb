/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-demand.h"
#include "cm-store.h"
#include "cm-wheel-model.h"

G_BEGIN_DECLS

/* What a cycle summary says, gathered from the store into plain data.
 *
 * Consent is applied here and nowhere else: every attribution in this model
 * is already fit to print (a participant is named only with named consent,
 * otherwise described by role), and a contribution from someone who did not
 * agree to be quoted is never copied in. The layout code downstream can
 * print anything it finds here.
 *
 * The model holds no reference to the store or its objects (the wheel model
 * is built from copies), so it can be handed to another thread. */

/* How many quotations to print at most for one workshop or action. */
#define CM_SUMMARY_MAX_QUOTES 3
/* How many themes to list for one workshop. */
#define CM_SUMMARY_MAX_THEMES 5

typedef struct
{
  char               *text;
  char               *attribution;  /* already consented: a name, a role or "The room" */
  CmContributionKind  kind;
} CmSummaryQuote;

typedef struct
{
  char             *title;
  CmStage           stage;
  CmRing            ring;
  CmActivityStatus  status;
  char             *owner;
  GDate            *due_date;        /* NULL when not set */
  gboolean          overdue;         /* due before "today" and not done or not applicable */
  char             *evidence_notes;
} CmSummaryActivity;

typedef struct
{
  char               *title;
  CmSpecStatus        status;
  guint               version;
  CmAdvocacyTypes     advocacy_types;
  char               *lead;
  char               *contract_term;
  gint64              budget_pence;
  CmProcurementRoute  procurement_route;
  GDateTime          *updated_at;      /* NULL when unknown */
  guint               n_sections;
  guint               n_kpis;
  CmDemandInputs     *demand_inputs;   /* NULL when the spec has no demand model */
  CmDemandResult     *demand_result;
} CmSummarySpec;

typedef struct
{
  char             *theme;
  guint             count;
} CmSummaryTheme;

typedef struct
{
  char             *title;
  GDateTime        *starts_at;
  char             *venue;
  char             *facilitator;
  CmWorkshopState   state;
  guint             role_counts[CM_N_PARTICIPANT_ROLES];  /* attendance, by role */
  guint             n_attendees;
  guint             n_contributions;
  GPtrArray        *themes;   /* of CmSummaryTheme, most frequent first */
  GPtrArray        *quotes;   /* of CmSummaryQuote: pinned, quotable contributions */
} CmSummaryWorkshop;

typedef struct
{
  GPtrArray        *quotes;        /* of CmSummaryQuote */
  guint             n_linked;      /* contributions linked, quoted or not */
  guint             n_not_quoted;  /* of those, left out for consent or for space */
  char             *response;
  CmActionState     state;
  char             *reason;
  char             *owner;
  GDate            *due_date;
} CmSummaryAction;

typedef struct
{
  char             *title;
  char             *service_area;
  char             *lead_officer;
  GDate            *period_start;
  GDate            *period_end;
  CmStage           current_stage;
  GDate            *today;

  CmWheelModel     *wheel;
  guint             counts[CM_N_STAGES][CM_N_RINGS][CM_N_ACTIVITY_STATUSES];
  guint             n_overdue;

  GPtrArray        *activities;   /* of CmSummaryActivity, by stage, ring and position */
  GPtrArray        *specs;        /* of CmSummarySpec */
  GPtrArray        *workshops;    /* of CmSummaryWorkshop, by start time */
  GPtrArray        *actions;      /* of CmSummaryAction */
  guint             n_contributions;
} CmSummaryModel;

CmSummaryModel *cm_summary_model_gather  (CmStore         *store,
                                          CmCycle         *cycle,
                                          const GDate     *today,
                                          GError         **error);
void            cm_summary_model_free    (CmSummaryModel  *model);

GHashTable     *cm_summary_participant_cache_new (void);
CmSummaryQuote *cm_summary_quote_new     (CmStore         *store,
                                          CmContribution  *contribution,
                                          GHashTable      *participants);
void            cm_summary_quote_free    (CmSummaryQuote  *quote);

/* The counts of one stage, or of every stage with CM_STAGE_NONE; ring -1
 * for both rings; status -1 for every status. */
guint           cm_summary_model_count   (const CmSummaryModel *model,
                                          CmStage               stage,
                                          int                   ring,
                                          int                   status);

/* Text helpers shared by the summary and the exports. */
char           *cm_summary_format_date       (const GDate     *date);
char           *cm_summary_format_date_time  (GDateTime       *date_time);
char           *cm_summary_format_count      (guint64          count);
char           *cm_summary_format_money      (gint64           pence);
char           *cm_summary_format_pounds     (double           pounds);
char           *cm_summary_format_advocacy   (CmAdvocacyTypes  types);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSummaryModel, cm_summary_model_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSummaryQuote, cm_summary_quote_free)

G_END_DECLS
