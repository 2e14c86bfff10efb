/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The values of every enum here are written to the database as integers:
 * append new values, never renumber existing ones. */

typedef enum
{
  CM_STAGE_NONE    = -1,   /* only for a contribution with no stage tag */
  CM_STAGE_ANALYSE = 0,
  CM_STAGE_PLAN    = 1,
  CM_STAGE_DO      = 2,
  CM_STAGE_REVIEW  = 3,
} CmStage;

#define CM_N_STAGES 4

typedef enum
{
  CM_RING_COMMISSIONING = 0,
  CM_RING_PROCUREMENT   = 1,
} CmRing;

#define CM_N_RINGS 2

typedef enum
{
  CM_ACTIVITY_STATUS_NOT_STARTED    = 0,
  CM_ACTIVITY_STATUS_IN_PROGRESS    = 1,
  CM_ACTIVITY_STATUS_DONE           = 2,
  CM_ACTIVITY_STATUS_NOT_APPLICABLE = 3,
} CmActivityStatus;

#define CM_N_ACTIVITY_STATUSES 4

/* The rungs of Think Local Act Personal's ladder of co-production,
 * from doing "to" people, through doing "for", to doing "with". */
typedef enum
{
  CM_COPRODUCTION_NOT_SET      = 0,
  CM_COPRODUCTION_COERCION     = 1,
  CM_COPRODUCTION_EDUCATING    = 2,
  CM_COPRODUCTION_INFORMING    = 3,
  CM_COPRODUCTION_CONSULTING   = 4,
  CM_COPRODUCTION_ENGAGING     = 5,
  CM_COPRODUCTION_CO_DESIGN    = 6,
  CM_COPRODUCTION_CO_PRODUCTION = 7,
} CmCoproductionLevel;

typedef enum /*< flags >*/
{
  CM_ADVOCACY_NONE           = 0,
  CM_ADVOCACY_CARE_ACT       = 1 << 0,
  CM_ADVOCACY_IMCA           = 1 << 1,
  CM_ADVOCACY_IMHA           = 1 << 2,
  CM_ADVOCACY_PAID_RPR       = 1 << 3,
  CM_ADVOCACY_NHS_COMPLAINTS = 1 << 4,
  CM_ADVOCACY_GENERAL        = 1 << 5,
} CmAdvocacyTypes;

#define CM_ADVOCACY_ALL ((CmAdvocacyTypes) 0x3f)

typedef enum
{
  CM_SPEC_STATUS_DRAFT        = 0,
  CM_SPEC_STATUS_CONSULTATION = 1,
  CM_SPEC_STATUS_APPROVED     = 2,
  CM_SPEC_STATUS_PUBLISHED    = 3,
  CM_SPEC_STATUS_RETIRED      = 4,
} CmSpecStatus;

typedef enum
{
  CM_PROCUREMENT_ROUTE_NOT_SET              = 0,
  CM_PROCUREMENT_ROUTE_LIGHT_TOUCH_OPEN     = 1,
  CM_PROCUREMENT_ROUTE_COMPETITIVE_FLEXIBLE = 2,
  CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION   = 3,
  CM_PROCUREMENT_ROUTE_GRANT                = 4,
  CM_PROCUREMENT_ROUTE_DIRECT_AWARD         = 5,
} CmProcurementRoute;

typedef enum
{
  CM_WORKSHOP_STATE_PLANNED = 0,
  CM_WORKSHOP_STATE_LIVE    = 1,
  CM_WORKSHOP_STATE_CLOSED  = 2,
} CmWorkshopState;

typedef enum
{
  CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES = 0,
  CM_PARTICIPANT_ROLE_CARER                 = 1,
  CM_PARTICIPANT_ROLE_PROVIDER              = 2,
  CM_PARTICIPANT_ROLE_OFFICER               = 3,
  CM_PARTICIPANT_ROLE_OTHER                 = 4,
} CmParticipantRole;

#define CM_N_PARTICIPANT_ROLES 5

/* What a participant agreed to: to be quoted with their name, quoted
 * without it, or not quoted at all. */
typedef enum
{
  CM_CONSENT_NAMED      = 0,
  CM_CONSENT_ANONYMISED = 1,
  CM_CONSENT_NONE       = 2,
} CmConsent;

typedef enum
{
  CM_CONTRIBUTION_KIND_COMMENT     = 0,
  CM_CONTRIBUTION_KIND_IDEA        = 1,
  CM_CONTRIBUTION_KIND_CONCERN     = 2,
  CM_CONTRIBUTION_KIND_QUESTION    = 3,
  CM_CONTRIBUTION_KIND_I_STATEMENT = 4,
} CmContributionKind;

typedef enum
{
  CM_ACTION_STATE_OPEN         = 0,
  CM_ACTION_STATE_DONE         = 1,
  CM_ACTION_STATE_NOT_POSSIBLE = 2,
} CmActionState;

/* Translated, human-readable names for each value, for the UI and reports. */
const char *cm_stage_to_label               (CmStage             stage);
const char *cm_ring_to_label                (CmRing              ring);
const char *cm_activity_status_to_label     (CmActivityStatus    status);
const char *cm_coproduction_level_to_label  (CmCoproductionLevel level);
const char *cm_advocacy_type_to_label       (CmAdvocacyTypes     type);
const char *cm_spec_status_to_label         (CmSpecStatus        status);
const char *cm_procurement_route_to_label   (CmProcurementRoute  route);
const char *cm_workshop_state_to_label      (CmWorkshopState     state);
const char *cm_participant_role_to_label    (CmParticipantRole   role);
const char *cm_consent_to_label             (CmConsent           consent);
const char *cm_contribution_kind_to_label   (CmContributionKind  kind);
const char *cm_action_state_to_label        (CmActionState       state);

/* Stable, untranslated keys ("analyse", "commissioning", …) used by the
 * cycle template and by exports. */
const char *cm_stage_to_key                 (CmStage             stage);
gboolean    cm_stage_from_key               (const char         *key,
                                             CmStage            *stage);
const char *cm_ring_to_key                  (CmRing              ring);
gboolean    cm_ring_from_key                (const char         *key,
                                             CmRing             *ring);

G_END_DECLS
