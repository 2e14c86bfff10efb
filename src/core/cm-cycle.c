/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-cycle"

#include "config.h"

#include "cm-cycle.h"

#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-enum-types.h"
#include "cm-validate.h"

struct _CmCycle
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *service_area;
  GDate   *period_start;
  GDate   *period_end;
  char    *lead_officer;
  CmStage  current_stage;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SERVICE_AREA,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_LEAD_OFFICER,
  PROP_CURRENT_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CmCycle, cm_cycle, G_TYPE_OBJECT)

/* Stores "" as NULL so that every unset string looks the same. */
static gboolean
set_string (char       **dest,
            const char  *value)
{
  char *copy;

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*dest);
  *dest = copy;
  return TRUE;
}

static inline const char *
string_or_empty (const char *value)
{
  return value != NULL ? value : "";
}

static gboolean
set_date (GDate       **dest,
          const GDate  *value)
{
  if (cm_date_equal (*dest, value))
    return FALSE;

  g_clear_pointer (dest, g_date_free);
  *dest = cm_date_copy (value);
  return TRUE;
}

static void
cm_cycle_finalize (GObject *object)
{
  CmCycle *self = (CmCycle *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->service_area, g_free);
  g_clear_pointer (&self->period_start, g_date_free);
  g_clear_pointer (&self->period_end, g_date_free);
  g_clear_pointer (&self->lead_officer, g_free);

  G_OBJECT_CLASS (cm_cycle_parent_class)->finalize (object);
}

static void
cm_cycle_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CmCycle *self = CM_CYCLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, string_or_empty (self->title));
      break;

    case PROP_SERVICE_AREA:
      g_value_set_string (value, string_or_empty (self->service_area));
      break;

    case PROP_PERIOD_START:
      g_value_set_boxed (value, self->period_start);
      break;

    case PROP_PERIOD_END:
      g_value_set_boxed (value, self->period_end);
      break;

    case PROP_LEAD_OFFICER:
      g_value_set_string (value, string_or_empty (self->lead_officer));
      break;

    case PROP_CURRENT_STAGE:
      g_value_set_enum (value, self->current_stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_cycle_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CmCycle *self = CM_CYCLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_cycle_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      cm_cycle_set_title (self, g_value_get_string (value));
      break;

    case PROP_SERVICE_AREA:
      cm_cycle_set_service_area (self, g_value_get_string (value));
      break;

    case PROP_PERIOD_START:
      cm_cycle_set_period_start (self, g_value_get_boxed (value));
      break;

    case PROP_PERIOD_END:
      cm_cycle_set_period_end (self, g_value_get_boxed (value));
      break;

    case PROP_LEAD_OFFICER:
      cm_cycle_set_lead_officer (self, g_value_get_string (value));
      break;

    case PROP_CURRENT_STAGE:
      cm_cycle_set_current_stage (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_cycle_class_init (CmCycleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cm_cycle_finalize;
  object_class->get_property = cm_cycle_get_property;
  object_class->set_property = cm_cycle_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);

  properties[PROP_SERVICE_AREA] =
    g_param_spec_string ("service-area", NULL, NULL, "", flags);

  properties[PROP_PERIOD_START] =
    g_param_spec_boxed ("period-start", NULL, NULL, G_TYPE_DATE, flags);

  properties[PROP_PERIOD_END] =
    g_param_spec_boxed ("period-end", NULL, NULL, G_TYPE_DATE, flags);

  properties[PROP_LEAD_OFFICER] =
    g_param_spec_string ("lead-officer", NULL, NULL, "", flags);

  properties[PROP_CURRENT_STAGE] =
    g_param_spec_enum ("current-stage", NULL, NULL,
                       CM_TYPE_STAGE, CM_STAGE_ANALYSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_cycle_init (CmCycle *self)
{
  self->current_stage = CM_STAGE_ANALYSE;
}

CmCycle *
cm_cycle_new (void)
{
  return g_object_new (CM_TYPE_CYCLE, NULL);
}

gint64
cm_cycle_get_id (CmCycle *self)
{
  g_return_val_if_fail (CM_IS_CYCLE (self), 0);

  return self->id;
}

void
cm_cycle_set_id (CmCycle *self,
                 gint64   id)
{
  g_return_if_fail (CM_IS_CYCLE (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cm_cycle_get_title (CmCycle *self)
{
  g_return_val_if_fail (CM_IS_CYCLE (self), "");

  return string_or_empty (self->title);
}

void
cm_cycle_set_title (CmCycle    *self,
                    const char *title)
{
  g_return_if_fail (CM_IS_CYCLE (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
cm_cycle_get_service_area (CmCycle *self)
{
  g_return_val_if_fail (CM_IS_CYCLE (self), "");

  return string_or_empty (self->service_area);
}

void
cm_cycle_set_service_area (CmCycle    *self,
                           const char *service_area)
{
  g_return_if_fail (CM_IS_CYCLE (self));

  if (set_string (&self->service_area, service_area))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_AREA]);
}

const GDate *
cm_cycle_get_period_start (CmCycle *self)
{
  g_return_val_if_fail (CM_IS_CYCLE (self), NULL);

  return self->period_start;
}

void
cm_cycle_set_period_start (CmCycle     *self,
                           const GDate *period_start)
{
  g_return_if_fail (CM_IS_CYCLE (self));
  g_return_if_fail (period_start == NULL || g_date_valid (period_start));

  if (set_date (&self->period_start, period_start))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_START]);
}

const GDate *
cm_cycle_get_period_end (CmCycle *self)
{
  g_return_val_if_fail (CM_IS_CYCLE (self), NULL);

  return self->period_end;
}

void
cm_cycle_set_period_end (CmCycle     *self,
                         const GDate *period_end)
{
  g_return_if_fail (CM_IS_CYCLE (self));
  g_return_if_fail (period_end == NULL || g_date_valid (period_end));

  if (set_date (&self->period_end, period_end))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_END]);
}

const char *
cm_cycle_get_lead_officer (CmCycle *self)
{
  g_return_val_if_fail (CM_IS_CYCLE (self), "");

  return string_or_empty (self->lead_officer);
}

void
cm_cycle_set_lead_officer (CmCycle    *self,
                           const char *lead_officer)
{
  g_return_if_fail (CM_IS_CYCLE (self));

  if (set_string (&self->lead_officer, lead_officer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_OFFICER]);
}

CmStage
cm_cycle_get_current_stage (CmCycle *self)
{
  g_return_val_if_fail (CM_IS_CYCLE (self), CM_STAGE_ANALYSE);

  return self->current_stage;
}

/* Any value is stored, so that a damaged row can still be loaded and
 * shown; cm_cycle_validate() is what refuses it. */
void
cm_cycle_set_current_stage (CmCycle *self,
                            CmStage  current_stage)
{
  g_return_if_fail (CM_IS_CYCLE (self));

  if (self->current_stage == current_stage)
    return;

  self->current_stage = current_stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STAGE]);
}

gboolean
cm_cycle_validate (CmCycle  *self,
                   GError  **error)
{
  g_return_val_if_fail (CM_IS_CYCLE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cm_validate_required (_("Title"), self->title, error) ||
      !cm_validate_short_text (_("Service area"), self->service_area, error) ||
      !cm_validate_short_text (_("Lead officer"), self->lead_officer, error) ||
      !cm_validate_date_order (self->period_start, self->period_end, error))
    return FALSE;

  /* CM_STAGE_NONE is a value of the enum, but a cycle is always in one
   * of the four stages. */
  if ((int) self->current_stage < 0 || (int) self->current_stage >= CM_N_STAGES)
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is the name of a field, e.g. "Current stage" */
                   _("%s must be one of Analyse, Plan, Do or Review."),
                   _("Current stage"));
      return FALSE;
    }

  return TRUE;
}
