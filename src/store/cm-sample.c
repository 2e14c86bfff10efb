/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-sample"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-sample.h"

#include "cm-store-specs.h"

static void
fill_activity (CmActivity *activity,
               guint       index)
{
  static const char * const owners[] = {
    N_("Commissioning officer"),
    N_("Procurement lead"),
    N_("Strategic commissioning manager"),
    N_("Contracts officer"),
  };
  CmStage stage = cm_activity_get_stage (activity);
  guint position = cm_activity_get_position (activity);
  g_autoptr(GDate) due = g_date_new_dmy (1, G_DATE_APRIL, 2026);

  cm_activity_set_owner (activity, _(owners[index % G_N_ELEMENTS (owners)]));
  g_date_add_months (due, (guint) stage * 6 + position);
  cm_activity_set_due_date (activity, due);

  switch (stage)
    {
    case CM_STAGE_ANALYSE:
      cm_activity_set_status (activity, position == 3 ? CM_ACTIVITY_STATUS_NOT_APPLICABLE
                                                      : CM_ACTIVITY_STATUS_DONE);
      cm_activity_set_evidence_notes (activity,
                                      _("Summarised in the needs assessment report to the "
                                        "commissioning board."));
      cm_activity_set_coproduction_level (activity, CM_COPRODUCTION_CONSULTING);
      break;
    case CM_STAGE_PLAN:
      cm_activity_set_status (activity, position < 2 ? CM_ACTIVITY_STATUS_DONE
                                                     : CM_ACTIVITY_STATUS_IN_PROGRESS);
      cm_activity_set_coproduction_level (activity, CM_COPRODUCTION_CO_DESIGN);
      break;
    case CM_STAGE_DO:
    case CM_STAGE_REVIEW:
    case CM_STAGE_NONE:
    default:
      break;
    }
}

/* A draft specification with the default sections, to write into. */
static gboolean
add_spec (CmStore  *store,
          CmCycle  *cycle,
          GError  **error)
{
  g_autoptr(CmServiceSpec) spec = cm_service_spec_new ();

  cm_service_spec_set_cycle_id (spec, cm_cycle_get_id (cycle));
  cm_service_spec_set_title (spec, _("Lot 1: Care Act, IMCA and IMHA advocacy"));
  cm_service_spec_set_advocacy_types (spec, CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_IMCA |
                                            CM_ADVOCACY_IMHA);
  cm_service_spec_set_lead (spec, cm_cycle_get_lead_officer (cycle));
  /* Translators: a contract term: three years, with an option of two more */
  cm_service_spec_set_contract_term (spec, _("3+2 years"));
  cm_service_spec_set_budget_pence (spec, 42000000);
  return cm_store_add_spec_with_default_sections (store, spec, error);
}

typedef struct
{
  int                 speaker;   /* index into the people, or -1 for the room */
  CmContributionKind  kind;
  CmStage             stage;
  const char         *themes;    /* space-separated */
  const char         *text;
  gboolean            pinned;
} SampleSaid;

static const SampleSaid sample_said[] = {
  { 0, CM_CONTRIBUTION_KIND_I_STATEMENT, CM_STAGE_ANALYSE, "access letters",
    N_("I was never told I could have an advocate until my review was over."), TRUE },
  { 1, CM_CONTRIBUTION_KIND_CONCERN, CM_STAGE_NONE, "waiting",
    N_("We waited six weeks for an advocate, and the meeting went ahead without one."), FALSE },
  { 2, CM_CONTRIBUTION_KIND_IDEA, CM_STAGE_PLAN, "referrals",
    N_("One phone number and one form for every kind of advocacy."), FALSE },
  { 3, CM_CONTRIBUTION_KIND_QUESTION, CM_STAGE_DO, "easy-read",
    N_("Will the new contract pay for letters in Easy Read?"), FALSE },
  { -1, CM_CONTRIBUTION_KIND_COMMENT, CM_STAGE_PLAN, "continuity",
    N_("Several people want the same advocate from start to finish."), FALSE },
  { 0, CM_CONTRIBUTION_KIND_IDEA, CM_STAGE_REVIEW, "outcomes",
    N_("Ask us after a year whether advocacy made a difference, not only how many cases "
       "there were."), FALSE },
};

static CmParticipant *
add_person (CmStore            *store,
            CmWorkshop         *workshop,
            const char         *name,
            CmParticipantRole   role,
            const char         *organisation,
            CmConsent           consent,
            GError            **error)
{
  g_autoptr(CmParticipant) person = cm_participant_new ();

  cm_participant_set_name (person, name);
  cm_participant_set_role (person, role);
  cm_participant_set_organisation (person, organisation);
  cm_participant_set_consent (person, consent);
  if (!cm_store_add_participant (store, person, error) ||
      !cm_store_set_attendance (store, workshop, person, TRUE, error))
    return NULL;
  return g_steal_pointer (&person);
}

static gboolean
add_action (CmStore         *store,
            CmCycle         *cycle,
            CmContribution  *said,
            const char      *response,
            CmActionState    state,
            const GDate     *due,
            GError         **error)
{
  g_autoptr(CmAction) action = cm_action_new ();

  cm_action_set_cycle_id (action, cm_cycle_get_id (cycle));
  cm_action_set_response (action, response);
  cm_action_set_state (action, state);
  cm_action_set_owner (action, cm_cycle_get_lead_officer (cycle));
  cm_action_set_due_date (action, due);
  return cm_store_add_action (store, action, error) &&
         cm_store_link_action_contribution (store, action, said, TRUE, error);
}

/* A closed co-production workshop: who came, what they said, and what the
 * council did about two of their points. */
static gboolean
add_workshop (CmStore  *store,
              CmCycle  *cycle,
              GError  **error)
{
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) starts = g_date_time_new (zone, 2026, 6, 10, 10, 0, 0);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) due = g_date_new_dmy (30, G_DATE_SEPTEMBER, 2026);
  g_autofree char *access = g_strconcat (_("BSL interpreter"), "\n", _("Regular breaks"), NULL);
  CmParticipant *person;

  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (cycle));
  cm_workshop_set_title (workshop, _("What good advocacy looks like"));
  cm_workshop_set_starts_at (workshop, starts);
  cm_workshop_set_venue (workshop, _("Town Hall, Committee Room 2"));
  cm_workshop_set_facilitator (workshop, "Sam Patel");
  cm_workshop_set_purpose (workshop, _("To hear from people who have used advocacy, and from "
                                       "their carers, what should change in the new service."));
  cm_workshop_set_access_arrangements (workshop, access);
  cm_workshop_set_state (workshop, CM_WORKSHOP_STATE_CLOSED);
  if (!cm_store_add_workshop (store, workshop, error))
    return FALSE;

  if (!(person = add_person (store, workshop, "Gwen Davies",
                             CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES, "", CM_CONSENT_NAMED,
                             error)))
    return FALSE;
  g_ptr_array_add (people, person);
  if (!(person = add_person (store, workshop, "Tom Hughes", CM_PARTICIPANT_ROLE_CARER, "",
                             CM_CONSENT_ANONYMISED, error)))
    return FALSE;
  g_ptr_array_add (people, person);
  if (!(person = add_person (store, workshop, "Priya Shah", CM_PARTICIPANT_ROLE_PROVIDER,
                             "Voices Advocacy CIC", CM_CONSENT_NAMED, error)))
    return FALSE;
  g_ptr_array_add (people, person);
  if (!(person = add_person (store, workshop, "Dan Evans",
                             CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES, "", CM_CONSENT_NONE,
                             error)))
    return FALSE;
  g_ptr_array_add (people, person);

  for (guint i = 0; i < G_N_ELEMENTS (sample_said); i++)
    {
      const SampleSaid *sample = &sample_said[i];
      g_autoptr(CmContribution) contribution = cm_contribution_new ();
      g_autoptr(GDateTime) at = g_date_time_add_minutes (starts, 5 + 7 * (int) i);
      g_auto(GStrv) themes = g_strsplit (sample->themes, " ", -1);

      cm_contribution_set_workshop_id (contribution, cm_workshop_get_id (workshop));
      if (sample->speaker >= 0)
        cm_contribution_set_participant_id (contribution,
                                            cm_participant_get_id (people->pdata[sample->speaker]));
      cm_contribution_set_text (contribution, _(sample->text));
      cm_contribution_set_kind (contribution, sample->kind);
      cm_contribution_set_stage (contribution, sample->stage);
      cm_contribution_set_themes (contribution, (const char * const *) themes);
      cm_contribution_set_captured_at (contribution, at);
      cm_contribution_set_pinned (contribution, sample->pinned);
      if (!cm_store_add_contribution (store, contribution, error))
        return FALSE;
      g_ptr_array_add (said, g_steal_pointer (&contribution));
    }

  return add_action (store, cycle, said->pdata[2],
                     _("The specification asks for one point of referral for every kind of "
                       "advocacy."), CM_ACTION_STATE_DONE, NULL, error) &&
         add_action (store, cycle, said->pdata[1],
                     _("Waiting times become a key performance indicator, reported every "
                       "quarter."), CM_ACTION_STATE_OPEN, due, error);
}

CmCycle *
cm_sample_create_cycle (CmStore  *store,
                        GError  **error)
{
  g_autoptr(CmCycle) cycle = cm_cycle_new ();
  g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_APRIL, 2026);
  g_autoptr(GDate) end = g_date_new_dmy (31, G_DATE_MARCH, 2029);
  g_autoptr(GListModel) activities = NULL;
  guint n;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);

  cm_cycle_set_title (cycle, _("Sample: Independent advocacy 2026–2029"));
  cm_cycle_set_service_area (cycle, _("Independent advocacy"));
  cm_cycle_set_lead_officer (cycle, _("Alex Morgan"));
  cm_cycle_set_period_start (cycle, start);
  cm_cycle_set_period_end (cycle, end);
  cm_cycle_set_current_stage (cycle, CM_STAGE_PLAN);

  if (!cm_store_begin (store, error))
    return NULL;

  if (!cm_store_add_cycle_from_default_template (store, cycle, error))
    goto failed;

  activities = cm_store_list_activities (store, cm_cycle_get_id (cycle), CM_STAGE_NONE, -1,
                                         error);
  if (activities == NULL)
    goto failed;

  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmActivity) activity = g_list_model_get_item (activities, i);

      fill_activity (activity, i);
      if (!cm_store_save_activity (store, activity, error))
        goto failed;
    }

  if (!add_spec (store, cycle, error) || !add_workshop (store, cycle, error))
    goto failed;

  if (!cm_store_commit (store, error))
    goto failed;

  return g_steal_pointer (&cycle);

failed:
  cm_store_rollback (store);
  return NULL;
}
