/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-sample"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-sample.h"

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

  if (!cm_store_commit (store, error))
    goto failed;

  return g_steal_pointer (&cycle);

failed:
  cm_store_rollback (store);
  return NULL;
}
