/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-activity"

#include "config.h"

#include "cm-activity.h"

#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-enum-types.h"
#include "cm-validate.h"

struct _CmActivity
{
  GObject              parent_instance;

  gint64               id;
  gint64               cycle_id;
  CmStage              stage;
  CmRing               ring;
  guint                position;
  char                *title;
  char                *description;
  CmActivityStatus     status;
  char                *owner;
  GDate               *due_date;
  char                *evidence_notes;
  CmCoproductionLevel  coproduction_level;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CYCLE_ID,
  PROP_STAGE,
  PROP_RING,
  PROP_POSITION,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_OWNER,
  PROP_DUE_DATE,
  PROP_EVIDENCE_NOTES,
  PROP_COPRODUCTION_LEVEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CmActivity, cm_activity, G_TYPE_OBJECT)

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

static void
cm_activity_finalize (GObject *object)
{
  CmActivity *self = (CmActivity *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due_date, g_date_free);
  g_clear_pointer (&self->evidence_notes, g_free);

  G_OBJECT_CLASS (cm_activity_parent_class)->finalize (object);
}

static void
cm_activity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CmActivity *self = CM_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CYCLE_ID:
      g_value_set_int64 (value, self->cycle_id);
      break;

    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    case PROP_RING:
      g_value_set_enum (value, self->ring);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_TITLE:
      g_value_set_string (value, string_or_empty (self->title));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, string_or_empty (self->description));
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_OWNER:
      g_value_set_string (value, string_or_empty (self->owner));
      break;

    case PROP_DUE_DATE:
      g_value_set_boxed (value, self->due_date);
      break;

    case PROP_EVIDENCE_NOTES:
      g_value_set_string (value, string_or_empty (self->evidence_notes));
      break;

    case PROP_COPRODUCTION_LEVEL:
      g_value_set_enum (value, self->coproduction_level);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_activity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CmActivity *self = CM_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_activity_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CYCLE_ID:
      cm_activity_set_cycle_id (self, g_value_get_int64 (value));
      break;

    case PROP_STAGE:
      cm_activity_set_stage (self, g_value_get_enum (value));
      break;

    case PROP_RING:
      cm_activity_set_ring (self, g_value_get_enum (value));
      break;

    case PROP_POSITION:
      cm_activity_set_position (self, g_value_get_uint (value));
      break;

    case PROP_TITLE:
      cm_activity_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      cm_activity_set_description (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      cm_activity_set_status (self, g_value_get_enum (value));
      break;

    case PROP_OWNER:
      cm_activity_set_owner (self, g_value_get_string (value));
      break;

    case PROP_DUE_DATE:
      cm_activity_set_due_date (self, g_value_get_boxed (value));
      break;

    case PROP_EVIDENCE_NOTES:
      cm_activity_set_evidence_notes (self, g_value_get_string (value));
      break;

    case PROP_COPRODUCTION_LEVEL:
      cm_activity_set_coproduction_level (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_activity_class_init (CmActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cm_activity_finalize;
  object_class->get_property = cm_activity_get_property;
  object_class->set_property = cm_activity_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_CYCLE_ID] =
    g_param_spec_int64 ("cycle-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       CM_TYPE_STAGE, CM_STAGE_ANALYSE, flags);

  properties[PROP_RING] =
    g_param_spec_enum ("ring", NULL, NULL,
                       CM_TYPE_RING, CM_RING_COMMISSIONING, flags);

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "", flags);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CM_TYPE_ACTIVITY_STATUS, CM_ACTIVITY_STATUS_NOT_STARTED, flags);

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, "", flags);

  properties[PROP_DUE_DATE] =
    g_param_spec_boxed ("due-date", NULL, NULL, G_TYPE_DATE, flags);

  properties[PROP_EVIDENCE_NOTES] =
    g_param_spec_string ("evidence-notes", NULL, NULL, "", flags);

  properties[PROP_COPRODUCTION_LEVEL] =
    g_param_spec_enum ("coproduction-level", NULL, NULL,
                       CM_TYPE_COPRODUCTION_LEVEL, CM_COPRODUCTION_NOT_SET, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_activity_init (CmActivity *self)
{
  self->stage = CM_STAGE_ANALYSE;
  self->ring = CM_RING_COMMISSIONING;
  self->status = CM_ACTIVITY_STATUS_NOT_STARTED;
  self->coproduction_level = CM_COPRODUCTION_NOT_SET;
}

CmActivity *
cm_activity_new (void)
{
  return g_object_new (CM_TYPE_ACTIVITY, NULL);
}

gint64
cm_activity_get_id (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), 0);

  return self->id;
}

void
cm_activity_set_id (CmActivity *self,
                    gint64      id)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cm_activity_get_cycle_id (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), 0);

  return self->cycle_id;
}

void
cm_activity_set_cycle_id (CmActivity *self,
                          gint64      cycle_id)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));
  g_return_if_fail (cycle_id >= 0);

  if (self->cycle_id == cycle_id)
    return;

  self->cycle_id = cycle_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE_ID]);
}

CmStage
cm_activity_get_stage (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), CM_STAGE_ANALYSE);

  return self->stage;
}

/* The enum setters store any value, so that a damaged row can still be
 * loaded and shown; cm_activity_validate() is what refuses it. */
void
cm_activity_set_stage (CmActivity *self,
                       CmStage     stage)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));

  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

CmRing
cm_activity_get_ring (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), CM_RING_COMMISSIONING);

  return self->ring;
}

void
cm_activity_set_ring (CmActivity *self,
                      CmRing      ring)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));

  if (self->ring == ring)
    return;

  self->ring = ring;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RING]);
}

guint
cm_activity_get_position (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), 0);

  return self->position;
}

void
cm_activity_set_position (CmActivity *self,
                          guint       position)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
cm_activity_get_title (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), "");

  return string_or_empty (self->title);
}

void
cm_activity_set_title (CmActivity *self,
                       const char *title)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
cm_activity_get_description (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), "");

  return string_or_empty (self->description);
}

void
cm_activity_set_description (CmActivity *self,
                             const char *description)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));

  if (set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

CmActivityStatus
cm_activity_get_status (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), CM_ACTIVITY_STATUS_NOT_STARTED);

  return self->status;
}

void
cm_activity_set_status (CmActivity       *self,
                        CmActivityStatus  status)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
cm_activity_get_owner (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), "");

  return string_or_empty (self->owner);
}

void
cm_activity_set_owner (CmActivity *self,
                       const char *owner)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));

  if (set_string (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const GDate *
cm_activity_get_due_date (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), NULL);

  return self->due_date;
}

void
cm_activity_set_due_date (CmActivity  *self,
                          const GDate *due_date)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));
  g_return_if_fail (due_date == NULL || g_date_valid (due_date));

  if (cm_date_equal (self->due_date, due_date))
    return;

  g_clear_pointer (&self->due_date, g_date_free);
  self->due_date = cm_date_copy (due_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

const char *
cm_activity_get_evidence_notes (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), "");

  return string_or_empty (self->evidence_notes);
}

void
cm_activity_set_evidence_notes (CmActivity *self,
                                const char *evidence_notes)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));

  if (set_string (&self->evidence_notes, evidence_notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE_NOTES]);
}

CmCoproductionLevel
cm_activity_get_coproduction_level (CmActivity *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), CM_COPRODUCTION_NOT_SET);

  return self->coproduction_level;
}

void
cm_activity_set_coproduction_level (CmActivity          *self,
                                    CmCoproductionLevel  level)
{
  g_return_if_fail (CM_IS_ACTIVITY (self));

  if (self->coproduction_level == level)
    return;

  self->coproduction_level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COPRODUCTION_LEVEL]);
}

gboolean
cm_activity_validate (CmActivity  *self,
                      GError     **error)
{
  g_return_val_if_fail (CM_IS_ACTIVITY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cm_validate_required (_("Title"), self->title, error) ||
      !cm_validate_long_text (_("Description"), self->description, error) ||
      !cm_validate_short_text (_("Owner"), self->owner, error) ||
      !cm_validate_long_text (_("Evidence notes"), self->evidence_notes, error))
    return FALSE;

  /* CM_STAGE_NONE is a value of the enum, but every activity belongs to
   * one of the four stages. */
  if ((int) self->stage < 0 || (int) self->stage >= CM_N_STAGES)
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is the name of a field, e.g. "Stage" */
                   _("%s must be one of Analyse, Plan, Do or Review."),
                   _("Stage"));
      return FALSE;
    }

  return cm_validate_enum (_("Ring"), CM_TYPE_RING, self->ring, error) &&
         cm_validate_enum (_("Status"), CM_TYPE_ACTIVITY_STATUS, self->status, error) &&
         cm_validate_enum (_("Co-production level"), CM_TYPE_COPRODUCTION_LEVEL,
                           self->coproduction_level, error);
}
