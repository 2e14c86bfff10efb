/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-enums"

#include "config.h"

#include "cm-enums.h"

#include <glib/gi18n.h>

/* The label tables are marked with NC_() so that each word gets its own
 * context ("Done" is a status here and an action state there) and are
 * translated on lookup with g_dpgettext2(). A value outside a table, as
 * could come from a damaged database, gets a translated "Unknown" rather
 * than NULL so that callers can always show something. */

static const char * const stage_labels[CM_N_STAGES] = {
  /* Translators: the four stages of the commissioning cycle, drawn on the
   * wheel; keep them short */
  NC_("stage", "Analyse"),
  NC_("stage", "Plan"),
  NC_("stage", "Do"),
  NC_("stage", "Review"),
};

static const char * const stage_keys[CM_N_STAGES] = {
  "analyse",
  "plan",
  "do",
  "review",
};

static const char * const ring_labels[CM_N_RINGS] = {
  /* Translators: the outer ring of the cycle wheel */
  NC_("ring", "Commissioning"),
  /* Translators: the inner ring of the cycle wheel */
  NC_("ring", "Procurement"),
};

static const char * const ring_keys[CM_N_RINGS] = {
  "commissioning",
  "procurement",
};

static const char * const activity_status_labels[CM_N_ACTIVITY_STATUSES] = {
  NC_("activity status", "Not started"),
  NC_("activity status", "In progress"),
  NC_("activity status", "Done"),
  NC_("activity status", "Not applicable"),
};

static const char * const coproduction_level_labels[] = {
  /* Translators: the rungs of Think Local Act Personal's "ladder of
   * co-production", from doing things to people up to doing them with them */
  NC_("co-production level", "Not set"),
  NC_("co-production level", "Coercion"),
  NC_("co-production level", "Educating"),
  NC_("co-production level", "Informing"),
  NC_("co-production level", "Consulting"),
  NC_("co-production level", "Engaging"),
  NC_("co-production level", "Co-design"),
  NC_("co-production level", "Co-production"),
};

static const struct
{
  CmAdvocacyTypes  type;
  const char      *label;
} advocacy_type_labels[] = {
  { CM_ADVOCACY_CARE_ACT,       NC_("advocacy type", "Care Act advocacy") },
  /* Translators: Independent Mental Capacity Advocate */
  { CM_ADVOCACY_IMCA,           NC_("advocacy type", "IMCA") },
  /* Translators: Independent Mental Health Advocate */
  { CM_ADVOCACY_IMHA,           NC_("advocacy type", "IMHA") },
  /* Translators: paid Relevant Person's Representative (Deprivation of
   * Liberty Safeguards) */
  { CM_ADVOCACY_PAID_RPR,       NC_("advocacy type", "Paid RPR") },
  { CM_ADVOCACY_NHS_COMPLAINTS, NC_("advocacy type", "NHS complaints advocacy") },
  { CM_ADVOCACY_GENERAL,        NC_("advocacy type", "General (non-statutory)") },
};

static const char * const spec_status_labels[] = {
  NC_("spec status", "Draft"),
  NC_("spec status", "Consultation"),
  NC_("spec status", "Approved"),
  NC_("spec status", "Published"),
  NC_("spec status", "Retired"),
};

static const char * const procurement_route_labels[] = {
  NC_("procurement route", "Not chosen"),
  NC_("procurement route", "Light-touch open procedure"),
  NC_("procurement route", "Competitive flexible procedure"),
  /* Translators: the NHS Provider Selection Regime (2023), a proper name */
  NC_("procurement route", "Provider Selection Regime"),
  NC_("procurement route", "Grant"),
  NC_("procurement route", "Direct award"),
};

static const char * const workshop_state_labels[] = {
  NC_("workshop state", "Planned"),
  NC_("workshop state", "Live"),
  NC_("workshop state", "Closed"),
};

static const char * const participant_role_labels[CM_N_PARTICIPANT_ROLES] = {
  NC_("participant role", "Person who uses services"),
  NC_("participant role", "Carer"),
  NC_("participant role", "Provider"),
  NC_("participant role", "Officer"),
  NC_("participant role", "Other"),
};

static const char * const consent_labels[] = {
  NC_("consent", "Named"),
  NC_("consent", "Anonymised"),
  NC_("consent", "Not to be quoted"),
};

static const char * const contribution_kind_labels[] = {
  NC_("contribution kind", "Comment"),
  NC_("contribution kind", "Idea"),
  NC_("contribution kind", "Concern"),
  NC_("contribution kind", "Question"),
  /* Translators: a statement of what good care looks like, written from
   * the point of view of the person, e.g. "I am listened to" */
  NC_("contribution kind", "I statement"),
};

static const char * const action_state_labels[] = {
  NC_("action state", "Open"),
  NC_("action state", "Done"),
  NC_("action state", "Not possible"),
};

static const char *
unknown_label (void)
{
  /* Translators: shown for a value the app does not recognise, e.g. one
   * written by a newer version */
  return C_("enum value", "Unknown");
}

static const char *
lookup_label (const char         *context,
              const char * const *labels,
              gsize               n_labels,
              int                 value)
{
  if (value < 0 || (gsize) value >= n_labels)
    return unknown_label ();

  return g_dpgettext2 (GETTEXT_PACKAGE, context, labels[value]);
}

#define LOOKUP_LABEL(context, table, value) \
  lookup_label ((context), (table), G_N_ELEMENTS (table), (int) (value))

const char *
cm_stage_to_label (CmStage stage)
{
  /* Translators: a contribution that is not tagged with any stage */
  if (stage == CM_STAGE_NONE)
    return C_("stage", "No stage");

  return LOOKUP_LABEL ("stage", stage_labels, stage);
}

const char *
cm_ring_to_label (CmRing ring)
{
  return LOOKUP_LABEL ("ring", ring_labels, ring);
}

const char *
cm_activity_status_to_label (CmActivityStatus status)
{
  return LOOKUP_LABEL ("activity status", activity_status_labels, status);
}

const char *
cm_coproduction_level_to_label (CmCoproductionLevel level)
{
  return LOOKUP_LABEL ("co-production level", coproduction_level_labels, level);
}

const char *
cm_advocacy_type_to_label (CmAdvocacyTypes type)
{
  if (type == CM_ADVOCACY_NONE)
    return C_("advocacy type", "None");

  for (gsize i = 0; i < G_N_ELEMENTS (advocacy_type_labels); i++)
    {
      if (advocacy_type_labels[i].type == type)
        return g_dpgettext2 (GETTEXT_PACKAGE, "advocacy type", advocacy_type_labels[i].label);
    }

  /* A combination of several types, or an unknown bit. */
  return unknown_label ();
}

const char *
cm_spec_status_to_label (CmSpecStatus status)
{
  return LOOKUP_LABEL ("spec status", spec_status_labels, status);
}

const char *
cm_procurement_route_to_label (CmProcurementRoute route)
{
  return LOOKUP_LABEL ("procurement route", procurement_route_labels, route);
}

const char *
cm_workshop_state_to_label (CmWorkshopState state)
{
  return LOOKUP_LABEL ("workshop state", workshop_state_labels, state);
}

const char *
cm_participant_role_to_label (CmParticipantRole role)
{
  return LOOKUP_LABEL ("participant role", participant_role_labels, role);
}

const char *
cm_consent_to_label (CmConsent consent)
{
  return LOOKUP_LABEL ("consent", consent_labels, consent);
}

const char *
cm_contribution_kind_to_label (CmContributionKind kind)
{
  return LOOKUP_LABEL ("contribution kind", contribution_kind_labels, kind);
}

const char *
cm_action_state_to_label (CmActionState state)
{
  return LOOKUP_LABEL ("action state", action_state_labels, state);
}

/* Keys exist only for the four real stages and the two rings: a key is
 * something a template or an export can name, and "no stage" is not. */
const char *
cm_stage_to_key (CmStage stage)
{
  if ((int) stage < 0 || (int) stage >= CM_N_STAGES)
    return NULL;

  return stage_keys[stage];
}

gboolean
cm_stage_from_key (const char *key,
                   CmStage    *stage)
{
  if (key == NULL)
    return FALSE;

  for (int i = 0; i < CM_N_STAGES; i++)
    {
      if (g_str_equal (key, stage_keys[i]))
        {
          if (stage != NULL)
            *stage = (CmStage) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cm_ring_to_key (CmRing ring)
{
  if ((int) ring < 0 || (int) ring >= CM_N_RINGS)
    return NULL;

  return ring_keys[ring];
}

gboolean
cm_ring_from_key (const char *key,
                  CmRing     *ring)
{
  if (key == NULL)
    return FALSE;

  for (int i = 0; i < CM_N_RINGS; i++)
    {
      if (g_str_equal (key, ring_keys[i]))
        {
          if (ring != NULL)
            *ring = (CmRing) i;
          return TRUE;
        }
    }

  return FALSE;
}
