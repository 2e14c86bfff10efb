/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-workshop"

#include "config.h"

#include "cm-workshop.h"

#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-enum-types.h"
#include "cm-validate.h"

struct _CmWorkshop
{
  GObject          parent_instance;

  gint64           id;
  gint64           cycle_id;
  char            *title;
  GDateTime       *starts_at;
  char            *venue;
  char            *facilitator;
  char            *purpose;
  char            *access_arrangements;
  CmWorkshopState  state;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CYCLE_ID,
  PROP_TITLE,
  PROP_STARTS_AT,
  PROP_VENUE,
  PROP_FACILITATOR,
  PROP_PURPOSE,
  PROP_ACCESS_ARRANGEMENTS,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CmWorkshop, cm_workshop, G_TYPE_OBJECT)

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
cm_workshop_finalize (GObject *object)
{
  CmWorkshop *self = (CmWorkshop *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->facilitator, g_free);
  g_clear_pointer (&self->purpose, g_free);
  g_clear_pointer (&self->access_arrangements, g_free);

  G_OBJECT_CLASS (cm_workshop_parent_class)->finalize (object);
}

static void
cm_workshop_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CmWorkshop *self = CM_WORKSHOP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CYCLE_ID:
      g_value_set_int64 (value, self->cycle_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, string_or_empty (self->title));
      break;

    case PROP_STARTS_AT:
      g_value_set_boxed (value, self->starts_at);
      break;

    case PROP_VENUE:
      g_value_set_string (value, string_or_empty (self->venue));
      break;

    case PROP_FACILITATOR:
      g_value_set_string (value, string_or_empty (self->facilitator));
      break;

    case PROP_PURPOSE:
      g_value_set_string (value, string_or_empty (self->purpose));
      break;

    case PROP_ACCESS_ARRANGEMENTS:
      g_value_set_string (value, string_or_empty (self->access_arrangements));
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_workshop_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CmWorkshop *self = CM_WORKSHOP (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_workshop_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CYCLE_ID:
      cm_workshop_set_cycle_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      cm_workshop_set_title (self, g_value_get_string (value));
      break;

    case PROP_STARTS_AT:
      cm_workshop_set_starts_at (self, g_value_get_boxed (value));
      break;

    case PROP_VENUE:
      cm_workshop_set_venue (self, g_value_get_string (value));
      break;

    case PROP_FACILITATOR:
      cm_workshop_set_facilitator (self, g_value_get_string (value));
      break;

    case PROP_PURPOSE:
      cm_workshop_set_purpose (self, g_value_get_string (value));
      break;

    case PROP_ACCESS_ARRANGEMENTS:
      cm_workshop_set_access_arrangements (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      cm_workshop_set_state (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_workshop_class_init (CmWorkshopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cm_workshop_finalize;
  object_class->get_property = cm_workshop_get_property;
  object_class->set_property = cm_workshop_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_CYCLE_ID] =
    g_param_spec_int64 ("cycle-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);

  properties[PROP_STARTS_AT] =
    g_param_spec_boxed ("starts-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  properties[PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL, "", flags);

  properties[PROP_FACILITATOR] =
    g_param_spec_string ("facilitator", NULL, NULL, "", flags);

  properties[PROP_PURPOSE] =
    g_param_spec_string ("purpose", NULL, NULL, "", flags);

  properties[PROP_ACCESS_ARRANGEMENTS] =
    g_param_spec_string ("access-arrangements", NULL, NULL, "", flags);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CM_TYPE_WORKSHOP_STATE, CM_WORKSHOP_STATE_PLANNED, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_workshop_init (CmWorkshop *self)
{
  self->state = CM_WORKSHOP_STATE_PLANNED;
}

CmWorkshop *
cm_workshop_new (void)
{
  return g_object_new (CM_TYPE_WORKSHOP, NULL);
}

gint64
cm_workshop_get_id (CmWorkshop *self)
{
  g_return_val_if_fail (CM_IS_WORKSHOP (self), 0);

  return self->id;
}

void
cm_workshop_set_id (CmWorkshop *self,
                    gint64      id)
{
  g_return_if_fail (CM_IS_WORKSHOP (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cm_workshop_get_cycle_id (CmWorkshop *self)
{
  g_return_val_if_fail (CM_IS_WORKSHOP (self), 0);

  return self->cycle_id;
}

void
cm_workshop_set_cycle_id (CmWorkshop *self,
                          gint64      cycle_id)
{
  g_return_if_fail (CM_IS_WORKSHOP (self));
  g_return_if_fail (cycle_id >= 0);

  if (self->cycle_id == cycle_id)
    return;

  self->cycle_id = cycle_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE_ID]);
}

const char *
cm_workshop_get_title (CmWorkshop *self)
{
  g_return_val_if_fail (CM_IS_WORKSHOP (self), "");

  return string_or_empty (self->title);
}

void
cm_workshop_set_title (CmWorkshop *self,
                       const char *title)
{
  g_return_if_fail (CM_IS_WORKSHOP (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GDateTime *
cm_workshop_get_starts_at (CmWorkshop *self)
{
  g_return_val_if_fail (CM_IS_WORKSHOP (self), NULL);

  return self->starts_at;
}

/* The same instant in another time zone is not a change. */
void
cm_workshop_set_starts_at (CmWorkshop *self,
                           GDateTime  *starts_at)
{
  g_return_if_fail (CM_IS_WORKSHOP (self));

  if (cm_date_time_equal (self->starts_at, starts_at))
    return;

  g_clear_pointer (&self->starts_at, g_date_time_unref);
  self->starts_at = starts_at != NULL ? g_date_time_ref (starts_at) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_AT]);
}

const char *
cm_workshop_get_venue (CmWorkshop *self)
{
  g_return_val_if_fail (CM_IS_WORKSHOP (self), "");

  return string_or_empty (self->venue);
}

void
cm_workshop_set_venue (CmWorkshop *self,
                       const char *venue)
{
  g_return_if_fail (CM_IS_WORKSHOP (self));

  if (set_string (&self->venue, venue))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENUE]);
}

const char *
cm_workshop_get_facilitator (CmWorkshop *self)
{
  g_return_val_if_fail (CM_IS_WORKSHOP (self), "");

  return string_or_empty (self->facilitator);
}

void
cm_workshop_set_facilitator (CmWorkshop *self,
                             const char *facilitator)
{
  g_return_if_fail (CM_IS_WORKSHOP (self));

  if (set_string (&self->facilitator, facilitator))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACILITATOR]);
}

const char *
cm_workshop_get_purpose (CmWorkshop *self)
{
  g_return_val_if_fail (CM_IS_WORKSHOP (self), "");

  return string_or_empty (self->purpose);
}

void
cm_workshop_set_purpose (CmWorkshop *self,
                         const char *purpose)
{
  g_return_if_fail (CM_IS_WORKSHOP (self));

  if (set_string (&self->purpose, purpose))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PURPOSE]);
}

const char *
cm_workshop_get_access_arrangements (CmWorkshop *self)
{
  g_return_val_if_fail (CM_IS_WORKSHOP (self), "");

  return string_or_empty (self->access_arrangements);
}

void
cm_workshop_set_access_arrangements (CmWorkshop *self,
                                     const char *access_arrangements)
{
  g_return_if_fail (CM_IS_WORKSHOP (self));

  if (set_string (&self->access_arrangements, access_arrangements))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESS_ARRANGEMENTS]);
}

CmWorkshopState
cm_workshop_get_state (CmWorkshop *self)
{
  g_return_val_if_fail (CM_IS_WORKSHOP (self), CM_WORKSHOP_STATE_PLANNED);

  return self->state;
}

/* Any value is stored, so that a damaged row can still be loaded and
 * shown; cm_workshop_validate() is what refuses it. */
void
cm_workshop_set_state (CmWorkshop      *self,
                       CmWorkshopState  state)
{
  g_return_if_fail (CM_IS_WORKSHOP (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gboolean
cm_workshop_validate (CmWorkshop  *self,
                      GError     **error)
{
  g_return_val_if_fail (CM_IS_WORKSHOP (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return cm_validate_required (_("Title"), self->title, error) &&
         cm_validate_short_text (_("Venue"), self->venue, error) &&
         cm_validate_short_text (_("Facilitator"), self->facilitator, error) &&
         cm_validate_long_text (_("Purpose"), self->purpose, error) &&
         cm_validate_long_text (_("Access arrangements"), self->access_arrangements, error) &&
         cm_validate_enum (_("State"), CM_TYPE_WORKSHOP_STATE, self->state, error);
}
