/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-model"

#include "config.h"

#include "cm-wheel-model.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cm-wheel-private.h"

G_DEFINE_BOXED_TYPE (CmWheelModel, cm_wheel_model, cm_wheel_model_ref, cm_wheel_model_unref)

static void
item_free (gpointer data)
{
  CmWheelItem *item = data;

  g_clear_object (&item->activity);
  g_free (item->title);
  g_free (item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const CmWheelItem *ia = *(const CmWheelItem * const *) a;
  const CmWheelItem *ib = *(const CmWheelItem * const *) b;

  if (ia->position != ib->position)
    return ia->position < ib->position ? -1 : 1;
  if (ia->order != ib->order)
    return ia->order < ib->order ? -1 : 1;
  return 0;
}

static CmWheelModel *
model_new (const char *title,
           CmStage     current_stage)
{
  CmWheelModel *model = g_new0 (CmWheelModel, 1);

  g_atomic_ref_count_init (&model->ref_count);
  model->title = g_strdup (title != NULL ? title : "");
  model->current_stage = current_stage;
  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      model->items[s][r] = g_ptr_array_new_with_free_func (item_free);
  return model;
}

static void
model_add (CmWheelModel *model,
           CmActivity   *activity,
           guint         order)
{
  CmStage stage;
  CmRing ring;
  CmWheelItem *item;

  if (!CM_IS_ACTIVITY (activity))
    return;

  stage = cm_activity_get_stage (activity);
  ring = cm_activity_get_ring (activity);
  if (stage < CM_STAGE_ANALYSE || stage > CM_STAGE_REVIEW ||
      (ring != CM_RING_COMMISSIONING && ring != CM_RING_PROCUREMENT))
    return;

  item = g_new0 (CmWheelItem, 1);
  item->activity = g_object_ref (activity);
  item->title = g_strdup (cm_activity_get_title (activity));
  item->status = cm_activity_get_status (activity);
  if ((guint) item->status >= CM_N_ACTIVITY_STATUSES)
    item->status = CM_ACTIVITY_STATUS_NOT_STARTED;
  item->position = cm_activity_get_position (activity);
  item->order = order;
  g_ptr_array_add (model->items[stage][ring], item);

  if (item->status == CM_ACTIVITY_STATUS_DONE)
    model->n_done++;
  if (item->status != CM_ACTIVITY_STATUS_NOT_APPLICABLE)
    model->n_counted++;
}

static void
model_finish (CmWheelModel *model)
{
  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      g_ptr_array_sort (model->items[s][r], compare_items);
}

CmWheelModel *
cm_wheel_model_new (const char *title,
                    CmStage     current_stage,
                    GListModel *activities)
{
  CmWheelModel *model;
  guint n;

  g_return_val_if_fail (activities == NULL || G_IS_LIST_MODEL (activities), NULL);

  model = model_new (title, current_stage);
  n = activities != NULL ? g_list_model_get_n_items (activities) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (activities, i);

      model_add (model, CM_IS_ACTIVITY (object) ? CM_ACTIVITY (object) : NULL, i);
    }
  model_finish (model);
  return model;
}

CmWheelModel *
cm_wheel_model_new_from_array (const char         *title,
                               CmStage             current_stage,
                               CmActivity * const *activities,
                               guint               n_activities)
{
  CmWheelModel *model;

  g_return_val_if_fail (activities != NULL || n_activities == 0, NULL);

  model = model_new (title, current_stage);
  for (guint i = 0; i < n_activities; i++)
    model_add (model, activities[i], i);
  model_finish (model);
  return model;
}

CmWheelModel *
cm_wheel_model_ref (CmWheelModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);

  g_atomic_ref_count_inc (&model->ref_count);
  return model;
}

void
cm_wheel_model_unref (CmWheelModel *model)
{
  g_return_if_fail (model != NULL);

  if (!g_atomic_ref_count_dec (&model->ref_count))
    return;

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      g_ptr_array_unref (model->items[s][r]);
  cm_wheel_label_cache_free (model->cache);
  g_free (model->title);
  g_free (model);
}

const char *
cm_wheel_model_get_title (CmWheelModel *model)
{
  g_return_val_if_fail (model != NULL, "");

  return model->title;
}

CmStage
cm_wheel_model_get_current_stage (CmWheelModel *model)
{
  g_return_val_if_fail (model != NULL, CM_STAGE_NONE);

  return model->current_stage;
}

guint
cm_wheel_model_get_n_activities (CmWheelModel *model,
                                 CmStage       stage,
                                 CmRing        ring)
{
  g_return_val_if_fail (model != NULL, 0);

  if (stage < CM_STAGE_ANALYSE || stage > CM_STAGE_REVIEW || (guint) ring >= CM_N_RINGS)
    return 0;
  return model->items[stage][ring]->len;
}

void
cm_wheel_model_get_geometry (CmWheelModel    *model,
                             double           width,
                             double           height,
                             CmWheelGeometry *geometry)
{
  CmWheelCounts counts;

  g_return_if_fail (model != NULL && geometry != NULL);

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      counts[s][r] = model->items[s][r]->len;
  cm_wheel_geometry_init (geometry, width, height, (const guint (*)[CM_N_RINGS]) counts);
}

CmWheelItem *
cm_wheel_model_lookup (CmWheelModel     *model,
                       const CmWheelHit *hit)
{
  GPtrArray *items;

  if (hit == NULL || hit->kind != CM_WHEEL_HIT_SEGMENT ||
      hit->stage < CM_STAGE_ANALYSE || hit->stage > CM_STAGE_REVIEW ||
      (guint) hit->ring >= CM_N_RINGS)
    return NULL;

  items = model->items[hit->stage][hit->ring];
  if (hit->index >= items->len)
    return NULL;
  return g_ptr_array_index (items, hit->index);
}

/* Returns: (transfer none) (nullable) */
CmActivity *
cm_wheel_model_get_activity (CmWheelModel     *model,
                             const CmWheelHit *hit)
{
  CmWheelItem *item;

  g_return_val_if_fail (model != NULL, NULL);

  item = cm_wheel_model_lookup (model, hit);
  return item != NULL ? item->activity : NULL;
}

gboolean
cm_wheel_model_find_activity (CmWheelModel *model,
                              CmActivity   *activity,
                              CmWheelHit   *hit)
{
  g_return_val_if_fail (model != NULL, FALSE);

  if (activity == NULL)
    return FALSE;

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      {
        GPtrArray *items = model->items[s][r];

        for (guint i = 0; i < items->len; i++)
          {
            CmWheelItem *item = g_ptr_array_index (items, i);

            if (item->activity == activity)
              {
                if (hit != NULL)
                  {
                    hit->kind = CM_WHEEL_HIT_SEGMENT;
                    hit->stage = (CmStage) s;
                    hit->ring = (CmRing) r;
                    hit->index = i;
                  }
                return TRUE;
              }
          }
      }
  return FALSE;
}

/* Activities marked not applicable do not count towards progress. */
void
cm_wheel_model_get_progress (CmWheelModel *model,
                             guint        *n_done,
                             guint        *n_counted)
{
  g_return_if_fail (model != NULL);

  if (n_done != NULL)
    *n_done = model->n_done;
  if (n_counted != NULL)
    *n_counted = model->n_counted;
}

static const char *
ring_phrase (CmRing ring)
{
  switch (ring)
    {
    case CM_RING_PROCUREMENT:
      /* Translators: the inner ring of the wheel, inside a sentence */
      return C_("wheel ring", "procurement");
    case CM_RING_COMMISSIONING:
    default:
      /* Translators: the outer ring of the wheel, inside a sentence */
      return C_("wheel ring", "commissioning");
    }
}

static const char *
status_phrase (CmActivityStatus status)
{
  switch (status)
    {
    case CM_ACTIVITY_STATUS_IN_PROGRESS:
      /* Translators: an activity's status, inside a sentence */
      return C_("activity status", "in progress");
    case CM_ACTIVITY_STATUS_DONE:
      /* Translators: an activity's status, inside a sentence */
      return C_("activity status", "done");
    case CM_ACTIVITY_STATUS_NOT_APPLICABLE:
      /* Translators: an activity's status, inside a sentence */
      return C_("activity status", "not applicable");
    case CM_ACTIVITY_STATUS_NOT_STARTED:
    default:
      /* Translators: an activity's status, inside a sentence */
      return C_("activity status", "not started");
    }
}

char *
cm_wheel_model_format_progress (CmWheelModel *model)
{
  if (model->n_counted == 0)
    return g_strdup (_("No activities yet"));

  /* Translators: the cycle's progress in the middle of the wheel, e.g.
   * "3 of 24 done"; activities marked not applicable are not counted */
  return g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", model->n_counted),
                          model->n_done, model->n_counted);
}

char *
cm_wheel_model_format_percent (CmWheelModel *model)
{
  guint percent;

  if (model->n_counted == 0)
    return NULL;

  percent = (guint) floor (100.0 * model->n_done / model->n_counted);
  /* Translators: the share of the cycle's activities that are done, e.g.
   * "42%"; use your language's way of writing a percentage */
  return g_strdup_printf (_("%u%%"), percent);
}

/**
 * cm_wheel_model_describe:
 *
 * A sentence naming a part of the wheel, for tooltips and screen readers,
 * e.g. "Analyse, commissioning: Population needs assessment — in progress".
 *
 * Returns: (transfer full) (nullable): %NULL for %CM_WHEEL_HIT_NONE
 */
char *
cm_wheel_model_describe (CmWheelModel     *model,
                         const CmWheelHit *hit)
{
  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  switch (hit->kind)
    {
    case CM_WHEEL_HIT_SEGMENT:
      {
        CmWheelItem *item = cm_wheel_model_lookup (model, hit);

        if (item == NULL)
          return NULL;
        /* Translators: names a segment of the wheel, e.g. "Analyse,
         * commissioning: Population needs assessment — in progress".
         * %1$s is the stage, %2$s the ring, %3$s the activity's title and
         * %4$s its status */
        return g_strdup_printf (_("%1$s, %2$s: %3$s — %4$s"),
                                cm_stage_to_label (hit->stage), ring_phrase (hit->ring),
                                item->title, status_phrase (item->status));
      }

    case CM_WHEEL_HIT_PLACEHOLDER:
      /* Translators: an empty ring of a stage, e.g. "Plan, procurement: no
       * activities". %1$s is the stage and %2$s the ring */
      return g_strdup_printf (_("%1$s, %2$s: no activities"),
                              cm_stage_to_label (hit->stage), ring_phrase (hit->ring));

    case CM_WHEEL_HIT_CENTRE:
      {
        g_autofree char *progress = cm_wheel_model_format_progress (model);

        /* Translators: the centre of the wheel: the cycle's title, then its
         * progress, e.g. "Advocacy 2025: 3 of 24 done" */
        return g_strdup_printf (_("%1$s: %2$s"), model->title, progress);
      }

    case CM_WHEEL_HIT_NONE:
    default:
      return NULL;
    }
}
