/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-action"

#include "config.h"

#include "cm-action.h"

#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-enum-types.h"
#include "cm-validate.h"

/* One "You said, we did" response. Which contributions it answers is a
 * many-to-many link kept by the store, not a property here. */
struct _CmAction
{
  GObject parent_instance;

  gint64 id;
  gint64 cycle_id;
  char *response;
  CmActionState state;
  char *reason;
  char *owner;
  GDate *due_date;
  gint64 activity_id;
  gint64 section_id;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CYCLE_ID,
  PROP_RESPONSE,
  PROP_STATE,
  PROP_REASON,
  PROP_OWNER,
  PROP_DUE_DATE,
  PROP_ACTIVITY_ID,
  PROP_SECTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CmAction, cm_action, G_TYPE_OBJECT)

/* Stores a copy of @value (NULL becomes "") and says whether it changed. */
static gboolean
replace_string (char       **dest,
                const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static void
cm_action_finalize (GObject *object)
{
  CmAction *self = (CmAction *)object;

  g_clear_pointer (&self->response, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due_date, g_date_free);

  G_OBJECT_CLASS (cm_action_parent_class)->finalize (object);
}

static void
cm_action_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CmAction *self = CM_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CYCLE_ID:
      g_value_set_int64 (value, self->cycle_id);
      break;

    case PROP_RESPONSE:
      g_value_set_string (value, self->response);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_DUE_DATE:
      g_value_set_boxed (value, self->due_date);
      break;

    case PROP_ACTIVITY_ID:
      g_value_set_int64 (value, self->activity_id);
      break;

    case PROP_SECTION_ID:
      g_value_set_int64 (value, self->section_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_action_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CmAction *self = CM_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_action_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CYCLE_ID:
      cm_action_set_cycle_id (self, g_value_get_int64 (value));
      break;

    case PROP_RESPONSE:
      cm_action_set_response (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      cm_action_set_state (self, g_value_get_enum (value));
      break;

    case PROP_REASON:
      cm_action_set_reason (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      cm_action_set_owner (self, g_value_get_string (value));
      break;

    case PROP_DUE_DATE:
      cm_action_set_due_date (self, g_value_get_boxed (value));
      break;

    case PROP_ACTIVITY_ID:
      cm_action_set_activity_id (self, g_value_get_int64 (value));
      break;

    case PROP_SECTION_ID:
      cm_action_set_section_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_action_class_init (CmActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cm_action_finalize;
  object_class->get_property = cm_action_get_property;
  object_class->set_property = cm_action_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_CYCLE_ID] =
    g_param_spec_int64 ("cycle-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_RESPONSE] =
    g_param_spec_string ("response", NULL, NULL, "", flags);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CM_TYPE_ACTION_STATE, CM_ACTION_STATE_OPEN, flags);

  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, "", flags);

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, "", flags);

  properties[PROP_DUE_DATE] =
    g_param_spec_boxed ("due-date", NULL, NULL, G_TYPE_DATE, flags);

  /* 0 means the action is not linked to an activity. */
  properties[PROP_ACTIVITY_ID] =
    g_param_spec_int64 ("activity-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  /* 0 means the action is not linked to a specification section. */
  properties[PROP_SECTION_ID] =
    g_param_spec_int64 ("section-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_action_init (CmAction *self)
{
  self->response = g_strdup ("");
  self->reason = g_strdup ("");
  self->owner = g_strdup ("");
  self->state = CM_ACTION_STATE_OPEN;
}

CmAction *
cm_action_new (void)
{
  return g_object_new (CM_TYPE_ACTION, NULL);
}

gint64
cm_action_get_id (CmAction *self)
{
  g_return_val_if_fail (CM_IS_ACTION (self), 0);

  return self->id;
}

void
cm_action_set_id (CmAction *self,
                  gint64    id)
{
  g_return_if_fail (CM_IS_ACTION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cm_action_get_cycle_id (CmAction *self)
{
  g_return_val_if_fail (CM_IS_ACTION (self), 0);

  return self->cycle_id;
}

void
cm_action_set_cycle_id (CmAction *self,
                        gint64    cycle_id)
{
  g_return_if_fail (CM_IS_ACTION (self));
  g_return_if_fail (cycle_id >= 0);

  if (self->cycle_id == cycle_id)
    return;

  self->cycle_id = cycle_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE_ID]);
}

const char *
cm_action_get_response (CmAction *self)
{
  g_return_val_if_fail (CM_IS_ACTION (self), "");

  return self->response;
}

void
cm_action_set_response (CmAction   *self,
                        const char *response)
{
  g_return_if_fail (CM_IS_ACTION (self));

  if (replace_string (&self->response, response))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSE]);
}

CmActionState
cm_action_get_state (CmAction *self)
{
  g_return_val_if_fail (CM_IS_ACTION (self), CM_ACTION_STATE_OPEN);

  return self->state;
}

void
cm_action_set_state (CmAction      *self,
                     CmActionState  state)
{
  g_return_if_fail (CM_IS_ACTION (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
cm_action_get_reason (CmAction *self)
{
  g_return_val_if_fail (CM_IS_ACTION (self), "");

  return self->reason;
}

void
cm_action_set_reason (CmAction   *self,
                      const char *reason)
{
  g_return_if_fail (CM_IS_ACTION (self));

  if (replace_string (&self->reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

const char *
cm_action_get_owner (CmAction *self)
{
  g_return_val_if_fail (CM_IS_ACTION (self), "");

  return self->owner;
}

void
cm_action_set_owner (CmAction   *self,
                     const char *owner)
{
  g_return_if_fail (CM_IS_ACTION (self));

  if (replace_string (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

/**
 * cm_action_get_due_date:
 *
 * Returns: (transfer none) (nullable): the due date, NULL when not set
 */
const GDate *
cm_action_get_due_date (CmAction *self)
{
  g_return_val_if_fail (CM_IS_ACTION (self), NULL);

  return self->due_date;
}

void
cm_action_set_due_date (CmAction    *self,
                        const GDate *due_date)
{
  g_return_if_fail (CM_IS_ACTION (self));
  g_return_if_fail (due_date == NULL || g_date_valid (due_date));

  if (cm_date_equal (self->due_date, due_date))
    return;

  g_clear_pointer (&self->due_date, g_date_free);
  self->due_date = cm_date_copy (due_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

gint64
cm_action_get_activity_id (CmAction *self)
{
  g_return_val_if_fail (CM_IS_ACTION (self), 0);

  return self->activity_id;
}

void
cm_action_set_activity_id (CmAction *self,
                           gint64    activity_id)
{
  g_return_if_fail (CM_IS_ACTION (self));
  g_return_if_fail (activity_id >= 0);

  if (self->activity_id == activity_id)
    return;

  self->activity_id = activity_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY_ID]);
}

gint64
cm_action_get_section_id (CmAction *self)
{
  g_return_val_if_fail (CM_IS_ACTION (self), 0);

  return self->section_id;
}

void
cm_action_set_section_id (CmAction *self,
                          gint64    section_id)
{
  g_return_if_fail (CM_IS_ACTION (self));
  g_return_if_fail (section_id >= 0);

  if (self->section_id == section_id)
    return;

  self->section_id = section_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION_ID]);
}

gboolean
cm_action_validate (CmAction  *self,
                    GError   **error)
{
  g_return_val_if_fail (CM_IS_ACTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Translators: "we did" — what the council did in answer to what people said */
  if (!cm_validate_long_text (_("Response"), self->response, error) ||
      !cm_validate_enum (_("State"), CM_TYPE_ACTION_STATE, self->state, error) ||
      /* Translators: why an action was not possible */
      !cm_validate_long_text (_("Reason"), self->reason, error) ||
      !cm_validate_short_text (_("Owner"), self->owner, error))
    return FALSE;

  /* People were told something would not happen; they are owed the why. */
  if (self->state == CM_ACTION_STATE_NOT_POSSIBLE && is_blank (self->reason))
    {
      g_set_error_literal (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY,
                           _("Say why this was not possible. People who took part "
                             "will read the reason."));
      return FALSE;
    }

  return TRUE;
}
