/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-model"

#include "config.h"

#include "cm-summary-model.h"

#include <glib/gi18n.h>

#include "cm-store-specs.h"

/* Gathers a cycle into a CmSummaryModel. Every quotation a printed summary
 * or an export makes goes through cm_summary_quote_new() below, which is
 * where consent is applied. */

typedef struct
{
  CmStore    *store;
  GHashTable *participants;   /* id → CmParticipant (owned) */
} Gatherer;

static void
activity_free (gpointer data)
{
  CmSummaryActivity *activity = data;

  g_free (activity->title);
  g_free (activity->owner);
  g_clear_pointer (&activity->due_date, g_date_free);
  g_free (activity->evidence_notes);
  g_free (activity);
}

static void
spec_free (gpointer data)
{
  CmSummarySpec *spec = data;

  g_free (spec->title);
  g_free (spec->lead);
  g_free (spec->contract_term);
  g_clear_pointer (&spec->updated_at, g_date_time_unref);
  g_clear_pointer (&spec->demand_inputs, cm_demand_inputs_free);
  g_clear_pointer (&spec->demand_result, cm_demand_result_free);
  g_free (spec);
}

static void
theme_free (gpointer data)
{
  CmSummaryTheme *theme = data;

  g_free (theme->theme);
  g_free (theme);
}

static void
workshop_free (gpointer data)
{
  CmSummaryWorkshop *workshop = data;

  g_free (workshop->title);
  g_clear_pointer (&workshop->starts_at, g_date_time_unref);
  g_free (workshop->venue);
  g_free (workshop->facilitator);
  g_clear_pointer (&workshop->themes, g_ptr_array_unref);
  g_clear_pointer (&workshop->quotes, g_ptr_array_unref);
  g_free (workshop);
}

static void
action_free (gpointer data)
{
  CmSummaryAction *action = data;

  g_clear_pointer (&action->quotes, g_ptr_array_unref);
  g_free (action->response);
  g_free (action->reason);
  g_free (action->owner);
  g_clear_pointer (&action->due_date, g_date_free);
  g_free (action);
}

static void
clear_participant (gpointer participant)
{
  if (participant != NULL)
    g_object_unref (participant);
}

/**
 * cm_summary_participant_cache_new:
 *
 * Returns: (transfer full): a cache of participants for
 *   cm_summary_quote_new(), so that a person is read once per summary
 */
GHashTable *
cm_summary_participant_cache_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, clear_participant);
}

static CmParticipant *
lookup_participant (CmStore    *store,
                    GHashTable *cache,
                    gint64      id)
{
  gpointer participant;
  gint64 *key;

  if (cache == NULL)
    return cm_store_get_participant (store, id, NULL);

  if (!g_hash_table_lookup_extended (cache, &id, NULL, &participant))
    {
      key = g_new (gint64, 1);
      /* A participant that cannot be read is treated as unknown, and an
       * unknown speaker is never quoted. */
      participant = cm_store_get_participant (store, id, NULL);
      *key = id;
      g_hash_table_insert (cache, key, participant);
    }

  return participant != NULL ? g_object_ref (participant) : NULL;
}

/**
 * cm_summary_quote_new:
 * @store: the store
 * @contribution: what was said
 * @participants: (nullable): a cache from cm_summary_participant_cache_new()
 *
 * The one place where consent decides what is printed or exported as a
 * quotation.
 *
 * Returns: (transfer full) (nullable): the quotation, or %NULL when the
 *   contribution may not be quoted: its speaker asked not to be, was
 *   erased, or cannot be found. The attribution is the one the speaker
 *   agreed to: their name only with named consent, otherwise their role.
 */
CmSummaryQuote *
cm_summary_quote_new (CmStore        *store,
                      CmContribution *contribution,
                      GHashTable     *participants)
{
  gint64 participant_id = cm_contribution_get_participant_id (contribution);
  CmSummaryQuote *quote;
  char *attribution;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);
  g_return_val_if_fail (CM_IS_CONTRIBUTION (contribution), NULL);

  if (participant_id == 0)
    {
      /* Translators: the speaker of something said by the whole room
       * rather than by one person */
      attribution = g_strdup (_("The room"));
    }
  else
    {
      g_autoptr(CmParticipant) participant = lookup_participant (store, participants,
                                                                 participant_id);

      if (participant == NULL || !cm_participant_may_be_quoted (participant))
        return NULL;
      attribution = cm_participant_dup_attribution (participant, TRUE);
    }

  quote = g_new0 (CmSummaryQuote, 1);
  quote->text = g_strdup (cm_contribution_get_text (contribution));
  quote->attribution = attribution;
  quote->kind = cm_contribution_get_kind (contribution);
  return quote;
}

void
cm_summary_quote_free (CmSummaryQuote *quote)
{
  if (quote == NULL)
    return;

  g_free (quote->text);
  g_free (quote->attribution);
  g_free (quote);
}

static GDate *
date_dup (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? g_date_copy (date) : NULL;
}

static void
copy_wheel_activity (CmActivity  *from,
                     CmActivity **to)
{
  *to = cm_activity_new ();
  cm_activity_set_id (*to, cm_activity_get_id (from));
  cm_activity_set_stage (*to, cm_activity_get_stage (from));
  cm_activity_set_ring (*to, cm_activity_get_ring (from));
  cm_activity_set_position (*to, cm_activity_get_position (from));
  cm_activity_set_title (*to, cm_activity_get_title (from));
  cm_activity_set_status (*to, cm_activity_get_status (from));
}

static gboolean
gather_activities (Gatherer        *gatherer,
                   CmSummaryModel  *model,
                   CmCycle         *cycle,
                   GError         **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  list = cm_store_list_activities (gatherer->store, cm_cycle_get_id (cycle), CM_STAGE_NONE, -1,
                                   error);
  if (list == NULL)
    return FALSE;

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmActivity) activity = g_list_model_get_item (list, i);
      CmSummaryActivity *item;
      CmActivity *copy;
      CmStage stage = cm_activity_get_stage (activity);
      CmRing ring = cm_activity_get_ring (activity);
      CmActivityStatus status = cm_activity_get_status (activity);

      if (stage < 0 || stage >= CM_N_STAGES || ring < 0 || ring >= CM_N_RINGS ||
          status < 0 || status >= CM_N_ACTIVITY_STATUSES)
        continue;

      item = g_new0 (CmSummaryActivity, 1);
      item->title = g_strdup (cm_activity_get_title (activity));
      item->stage = stage;
      item->ring = ring;
      item->status = status;
      item->owner = g_strdup (cm_activity_get_owner (activity));
      item->due_date = date_dup (cm_activity_get_due_date (activity));
      item->evidence_notes = g_strdup (cm_activity_get_evidence_notes (activity));
      item->overdue = item->due_date != NULL && model->today != NULL &&
                      g_date_compare (item->due_date, model->today) < 0 &&
                      status != CM_ACTIVITY_STATUS_DONE &&
                      status != CM_ACTIVITY_STATUS_NOT_APPLICABLE;
      if (item->overdue)
        model->n_overdue++;
      model->counts[stage][ring][status]++;
      g_ptr_array_add (model->activities, item);

      copy_wheel_activity (activity, &copy);
      g_ptr_array_add (copies, copy);
    }

  model->wheel = cm_wheel_model_new_from_array (model->title, model->current_stage,
                                                (CmActivity * const *) copies->pdata,
                                                copies->len);
  return TRUE;
}

/* The demand figures, when the specification's demand model has any
 * people in it and is valid; a model still at its defaults says nothing. */
static void
gather_spec_demand (Gatherer      *gatherer,
                    CmServiceSpec *spec,
                    CmSummarySpec *item)
{
  g_autoptr(CmDemandInputs) inputs = NULL;
  gboolean any = FALSE;

  inputs = cm_store_load_demand_model (gatherer->store, spec, NULL);
  if (inputs == NULL || !cm_demand_inputs_validate (inputs, NULL, NULL, NULL))
    return;

  for (guint i = 0; i < CM_N_DEMAND_PROCESSES; i++)
    any |= inputs->rows[i].people_per_year > 0 || inputs->rows[i].exception_cases > 0;
  if (!any)
    return;

  item->demand_result = cm_demand_compute (inputs);
  item->demand_inputs = g_steal_pointer (&inputs);
}

static gboolean
gather_specs (Gatherer        *gatherer,
              CmSummaryModel  *model,
              CmCycle         *cycle,
              GError         **error)
{
  g_autoptr(GListModel) list = NULL;
  guint n;

  list = cm_store_list_specs (gatherer->store, cm_cycle_get_id (cycle), error);
  if (list == NULL)
    return FALSE;

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmServiceSpec) spec = g_list_model_get_item (list, i);
      g_autoptr(GListModel) sections = NULL;
      g_autoptr(GListModel) kpis = NULL;
      CmSummarySpec *item = g_new0 (CmSummarySpec, 1);
      GDateTime *updated_at = cm_service_spec_get_updated_at (spec);

      item->title = g_strdup (cm_service_spec_get_title (spec));
      item->status = cm_service_spec_get_status (spec);
      item->version = cm_service_spec_get_version (spec);
      item->advocacy_types = cm_service_spec_get_advocacy_types (spec);
      item->lead = g_strdup (cm_service_spec_get_lead (spec));
      item->contract_term = g_strdup (cm_service_spec_get_contract_term (spec));
      item->budget_pence = cm_service_spec_get_budget_pence (spec);
      item->procurement_route = cm_service_spec_get_procurement_route (spec);
      item->updated_at = updated_at ? g_date_time_ref (updated_at) : NULL;
      g_ptr_array_add (model->specs, item);

      sections = cm_store_list_sections (gatherer->store, cm_service_spec_get_id (spec), error);
      if (sections == NULL)
        return FALSE;
      item->n_sections = g_list_model_get_n_items (sections);

      kpis = cm_store_list_kpis (gatherer->store, cm_service_spec_get_id (spec), error);
      if (kpis == NULL)
        return FALSE;
      item->n_kpis = g_list_model_get_n_items (kpis);

      gather_spec_demand (gatherer, spec, item);
    }

  return TRUE;
}

static int
compare_themes (gconstpointer a,
                gconstpointer b)
{
  const CmSummaryTheme *x = *(const CmSummaryTheme * const *) a;
  const CmSummaryTheme *y = *(const CmSummaryTheme * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_strcmp0 (x->theme, y->theme);
}

static int
compare_workshops (gconstpointer a,
                   gconstpointer b)
{
  const CmSummaryWorkshop *x = *(const CmSummaryWorkshop * const *) a;
  const CmSummaryWorkshop *y = *(const CmSummaryWorkshop * const *) b;

  /* Undated workshops go last. */
  if (x->starts_at == NULL || y->starts_at == NULL)
    return (x->starts_at == NULL) - (y->starts_at == NULL);
  return g_date_time_compare (x->starts_at, y->starts_at);
}

static gboolean
gather_workshop (Gatherer           *gatherer,
                 CmSummaryModel     *model,
                 CmWorkshop         *workshop,
                 GError            **error)
{
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) contributions = NULL;
  g_autoptr(GHashTable) themes = g_hash_table_new (g_str_hash, g_str_equal);
  CmSummaryWorkshop *item = g_new0 (CmSummaryWorkshop, 1);
  GDateTime *starts_at = cm_workshop_get_starts_at (workshop);
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  item->title = g_strdup (cm_workshop_get_title (workshop));
  item->starts_at = starts_at ? g_date_time_ref (starts_at) : NULL;
  item->venue = g_strdup (cm_workshop_get_venue (workshop));
  item->facilitator = g_strdup (cm_workshop_get_facilitator (workshop));
  item->state = cm_workshop_get_state (workshop);
  item->themes = g_ptr_array_new_with_free_func (theme_free);
  item->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) cm_summary_quote_free);
  g_ptr_array_add (model->workshops, item);

  attendees = cm_store_list_attendees (gatherer->store, cm_workshop_get_id (workshop), error);
  if (attendees == NULL)
    return FALSE;
  n = g_list_model_get_n_items (attendees);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmParticipant) participant = g_list_model_get_item (attendees, i);
      CmParticipantRole role = cm_participant_get_role (participant);

      if (role < 0 || role >= CM_N_PARTICIPANT_ROLES)
        role = CM_PARTICIPANT_ROLE_OTHER;
      item->role_counts[role]++;
      item->n_attendees++;
    }

  contributions = cm_store_list_contributions (gatherer->store, cm_workshop_get_id (workshop),
                                               error);
  if (contributions == NULL)
    return FALSE;
  n = g_list_model_get_n_items (contributions);
  item->n_contributions = n;
  model->n_contributions += n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmContribution) contribution = g_list_model_get_item (contributions, i);
      const char * const *tags = cm_contribution_get_themes (contribution);

      for (guint t = 0; tags[t] != NULL; t++)
        {
          /* The strings belong to the contribution, which the list keeps. */
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (themes, tags[t]));
          g_hash_table_insert (themes, (gpointer) tags[t], GUINT_TO_POINTER (count + 1));
        }

      if (cm_contribution_get_pinned (contribution) && item->quotes->len < CM_SUMMARY_MAX_QUOTES)
        {
          CmSummaryQuote *quote = cm_summary_quote_new (gatherer->store, contribution,
                                                        gatherer->participants);

          if (quote != NULL)
            g_ptr_array_add (item->quotes, quote);
        }
    }

  g_hash_table_iter_init (&iter, themes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CmSummaryTheme *theme = g_new0 (CmSummaryTheme, 1);

      theme->theme = g_strdup (key);
      theme->count = GPOINTER_TO_UINT (value);
      g_ptr_array_add (item->themes, theme);
    }
  g_ptr_array_sort (item->themes, compare_themes);
  if (item->themes->len > CM_SUMMARY_MAX_THEMES)
    g_ptr_array_set_size (item->themes, CM_SUMMARY_MAX_THEMES);

  return TRUE;
}

static gboolean
gather_workshops (Gatherer        *gatherer,
                  CmSummaryModel  *model,
                  CmCycle         *cycle,
                  GError         **error)
{
  g_autoptr(GListModel) list = NULL;
  guint n;

  list = cm_store_list_workshops (gatherer->store, cm_cycle_get_id (cycle), error);
  if (list == NULL)
    return FALSE;

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmWorkshop) workshop = g_list_model_get_item (list, i);

      if (!gather_workshop (gatherer, model, workshop, error))
        return FALSE;
    }

  g_ptr_array_sort (model->workshops, compare_workshops);
  return TRUE;
}

static gboolean
gather_actions (Gatherer        *gatherer,
                CmSummaryModel  *model,
                CmCycle         *cycle,
                GError         **error)
{
  g_autoptr(GListModel) list = NULL;
  guint n;

  list = cm_store_list_actions (gatherer->store, cm_cycle_get_id (cycle), error);
  if (list == NULL)
    return FALSE;

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmAction) action = g_list_model_get_item (list, i);
      g_autoptr(GListModel) linked = NULL;
      CmSummaryAction *item = g_new0 (CmSummaryAction, 1);
      guint n_linked;

      item->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) cm_summary_quote_free);
      item->response = g_strdup (cm_action_get_response (action));
      item->state = cm_action_get_state (action);
      item->reason = g_strdup (cm_action_get_reason (action));
      item->owner = g_strdup (cm_action_get_owner (action));
      item->due_date = date_dup (cm_action_get_due_date (action));
      g_ptr_array_add (model->actions, item);

      linked = cm_store_list_action_contributions (gatherer->store, cm_action_get_id (action),
                                                   error);
      if (linked == NULL)
        return FALSE;

      n_linked = g_list_model_get_n_items (linked);
      item->n_linked = n_linked;
      for (guint j = 0; j < n_linked; j++)
        {
          g_autoptr(CmContribution) contribution = g_list_model_get_item (linked, j);
          CmSummaryQuote *quote = NULL;

          if (item->quotes->len < CM_SUMMARY_MAX_QUOTES)
            quote = cm_summary_quote_new (gatherer->store, contribution, gatherer->participants);
          if (quote != NULL)
            g_ptr_array_add (item->quotes, quote);
          else
            item->n_not_quoted++;
        }
    }

  return TRUE;
}

/**
 * cm_summary_model_gather:
 * @store: the store
 * @cycle: the cycle to summarise
 * @today: (nullable): the date the summary is made, which decides what is
 *   overdue; %NULL for today's local date
 * @error: return location for an error
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
CmSummaryModel *
cm_summary_model_gather (CmStore      *store,
                         CmCycle      *cycle,
                         const GDate  *today,
                         GError      **error)
{
  g_autoptr(CmSummaryModel) model = NULL;
  Gatherer gatherer = { 0 };
  gboolean ok;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);
  g_return_val_if_fail (CM_IS_CYCLE (cycle), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  model = g_new0 (CmSummaryModel, 1);
  model->title = g_strdup (cm_cycle_get_title (cycle));
  model->service_area = g_strdup (cm_cycle_get_service_area (cycle));
  model->lead_officer = g_strdup (cm_cycle_get_lead_officer (cycle));
  model->period_start = date_dup (cm_cycle_get_period_start (cycle));
  model->period_end = date_dup (cm_cycle_get_period_end (cycle));
  model->current_stage = cm_cycle_get_current_stage (cycle);
  if (today != NULL && g_date_valid (today))
    model->today = g_date_copy (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      model->today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                     (GDateMonth) g_date_time_get_month (now),
                                     (GDateYear) g_date_time_get_year (now));
    }
  model->activities = g_ptr_array_new_with_free_func (activity_free);
  model->specs = g_ptr_array_new_with_free_func (spec_free);
  model->workshops = g_ptr_array_new_with_free_func (workshop_free);
  model->actions = g_ptr_array_new_with_free_func (action_free);

  gatherer.store = store;
  gatherer.participants = cm_summary_participant_cache_new ();

  ok = gather_activities (&gatherer, model, cycle, error) &&
       gather_specs (&gatherer, model, cycle, error) &&
       gather_workshops (&gatherer, model, cycle, error) &&
       gather_actions (&gatherer, model, cycle, error);

  g_hash_table_unref (gatherer.participants);

  return ok ? g_steal_pointer (&model) : NULL;
}

void
cm_summary_model_free (CmSummaryModel *model)
{
  if (model == NULL)
    return;

  g_free (model->title);
  g_free (model->service_area);
  g_free (model->lead_officer);
  g_clear_pointer (&model->period_start, g_date_free);
  g_clear_pointer (&model->period_end, g_date_free);
  g_clear_pointer (&model->today, g_date_free);
  g_clear_pointer (&model->wheel, cm_wheel_model_unref);
  g_clear_pointer (&model->activities, g_ptr_array_unref);
  g_clear_pointer (&model->specs, g_ptr_array_unref);
  g_clear_pointer (&model->workshops, g_ptr_array_unref);
  g_clear_pointer (&model->actions, g_ptr_array_unref);
  g_free (model);
}

guint
cm_summary_model_count (const CmSummaryModel *model,
                        CmStage               stage,
                        int                   ring,
                        int                   status)
{
  guint total = 0;

  g_return_val_if_fail (model != NULL, 0);

  for (int s = 0; s < CM_N_STAGES; s++)
    for (int r = 0; r < CM_N_RINGS; r++)
      for (int k = 0; k < CM_N_ACTIVITY_STATUSES; k++)
        {
          if ((stage == CM_STAGE_NONE || (int) stage == s) &&
              (ring < 0 || ring == r) && (status < 0 || status == k))
            total += model->counts[s][r][k];
        }

  return total;
}

/* Text helpers ---------------------------------------------------------- */

char *
cm_summary_format_date (const GDate *date)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  date_time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                   g_date_get_day (date), 12, 0, 0);
  /* Translators: how a date is printed in summaries and exports, e.g.
   * "2 March 2026"; see the strftime() formats of g_date_time_format() */
  return g_date_time_format (date_time, C_("summary date", "%-d %B %Y"));
}

char *
cm_summary_format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  if (date_time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (date_time);
  /* Translators: a date and time in summaries, e.g. "2 March 2026, 14:30";
   * see the strftime() formats of g_date_time_format() */
  return g_date_time_format (local, C_("summary date and time", "%-d %B %Y, %H:%M"));
}

static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[32];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < len; i++)
    {
      /* Translators: the separator between groups of thousands in money
       * and counts, as in "£12,345" */
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, C_("thousands separator", ","));
      g_string_append_c (out, digits[i]);
    }
}

char *
cm_summary_format_count (guint64 count)
{
  GString *out = g_string_new (NULL);

  append_grouped (out, count);
  return g_string_free (out, FALSE);
}

char *
cm_summary_format_money (gint64 pence)
{
  GString *out = g_string_new (NULL);
  guint64 magnitude = pence < 0 ? (guint64) -(pence + 1) + 1 : (guint64) pence;

  if (pence < 0)
    g_string_append (out, "−");
  g_string_append (out, "£");
  append_grouped (out, magnitude / 100);
  if (magnitude % 100 != 0)
    g_string_append_printf (out, ".%02u", (guint) (magnitude % 100));

  return g_string_free (out, FALSE);
}

char *
cm_summary_format_pounds (double pounds)
{
  double rounded = pounds < 0 ? -pounds : pounds;
  GString *out = g_string_new (NULL);

  if (pounds <= -0.5)
    g_string_append (out, "−");
  g_string_append (out, "£");
  append_grouped (out, (guint64) (rounded + 0.5));
  return g_string_free (out, FALSE);
}

char *
cm_summary_format_advocacy (CmAdvocacyTypes types)
{
  GString *out = g_string_new (NULL);

  for (guint bit = 0; bit < 6; bit++)
    {
      CmAdvocacyTypes type = (CmAdvocacyTypes) (1u << bit);

      if ((types & type) == 0)
        continue;
      if (out->len > 0)
        /* Translators: between the items of a list such as "IMCA, IMHA" */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, cm_advocacy_type_to_label (type));
    }

  return g_string_free (out, FALSE);
}
