/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-spec-version"

#include "config.h"

#include "cm-spec-version.h"

#include "cm-date.h"
#include "cm-enum-types.h"

struct _CmSpecVersion
{
  GObject       parent_instance;

  gint64        id;
  gint64        spec_id;
  guint         version;
  CmSpecStatus  status;
  GDateTime    *recorded_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_SPEC_ID,
  PROP_VERSION,
  PROP_STATUS,
  PROP_RECORDED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CmSpecVersion, cm_spec_version, G_TYPE_OBJECT)

static void
cm_spec_version_finalize (GObject *object)
{
  CmSpecVersion *self = CM_SPEC_VERSION (object);

  g_clear_pointer (&self->recorded_at, g_date_time_unref);

  G_OBJECT_CLASS (cm_spec_version_parent_class)->finalize (object);
}

static void
cm_spec_version_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CmSpecVersion *self = CM_SPEC_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SPEC_ID:
      g_value_set_int64 (value, self->spec_id);
      break;
    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_RECORDED_AT:
      g_value_set_boxed (value, self->recorded_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_spec_version_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CmSpecVersion *self = CM_SPEC_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_spec_version_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SPEC_ID:
      cm_spec_version_set_spec_id (self, g_value_get_int64 (value));
      break;
    case PROP_VERSION:
      cm_spec_version_set_version (self, g_value_get_uint (value));
      break;
    case PROP_STATUS:
      cm_spec_version_set_status (self, g_value_get_enum (value));
      break;
    case PROP_RECORDED_AT:
      cm_spec_version_set_recorded_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_spec_version_class_init (CmSpecVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cm_spec_version_finalize;
  object_class->get_property = cm_spec_version_get_property;
  object_class->set_property = cm_spec_version_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SPEC_ID] =
    g_param_spec_int64 ("spec-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CM_TYPE_SPEC_STATUS, CM_SPEC_STATUS_DRAFT, flags);
  properties[PROP_RECORDED_AT] =
    g_param_spec_boxed ("recorded-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_spec_version_init (CmSpecVersion *self)
{
}

CmSpecVersion *
cm_spec_version_new (void)
{
  return g_object_new (CM_TYPE_SPEC_VERSION, NULL);
}

gint64
cm_spec_version_get_id (CmSpecVersion *self)
{
  g_return_val_if_fail (CM_IS_SPEC_VERSION (self), 0);

  return self->id;
}

void
cm_spec_version_set_id (CmSpecVersion *self,
                        gint64         id)
{
  g_return_if_fail (CM_IS_SPEC_VERSION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cm_spec_version_get_spec_id (CmSpecVersion *self)
{
  g_return_val_if_fail (CM_IS_SPEC_VERSION (self), 0);

  return self->spec_id;
}

void
cm_spec_version_set_spec_id (CmSpecVersion *self,
                             gint64         spec_id)
{
  g_return_if_fail (CM_IS_SPEC_VERSION (self));

  if (self->spec_id == spec_id)
    return;

  self->spec_id = spec_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEC_ID]);
}

guint
cm_spec_version_get_version (CmSpecVersion *self)
{
  g_return_val_if_fail (CM_IS_SPEC_VERSION (self), 0);

  return self->version;
}

void
cm_spec_version_set_version (CmSpecVersion *self,
                             guint          version)
{
  g_return_if_fail (CM_IS_SPEC_VERSION (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

CmSpecStatus
cm_spec_version_get_status (CmSpecVersion *self)
{
  g_return_val_if_fail (CM_IS_SPEC_VERSION (self), CM_SPEC_STATUS_DRAFT);

  return self->status;
}

void
cm_spec_version_set_status (CmSpecVersion *self,
                            CmSpecStatus   status)
{
  g_return_if_fail (CM_IS_SPEC_VERSION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

GDateTime *
cm_spec_version_get_recorded_at (CmSpecVersion *self)
{
  g_return_val_if_fail (CM_IS_SPEC_VERSION (self), NULL);

  return self->recorded_at;
}

void
cm_spec_version_set_recorded_at (CmSpecVersion *self,
                                 GDateTime     *recorded_at)
{
  g_return_if_fail (CM_IS_SPEC_VERSION (self));

  if (cm_date_time_equal (self->recorded_at, recorded_at))
    return;

  g_clear_pointer (&self->recorded_at, g_date_time_unref);
  if (recorded_at != NULL)
    self->recorded_at = g_date_time_ref (recorded_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED_AT]);
}

gboolean
cm_spec_status_records_version (CmSpecStatus status)
{
  return status == CM_SPEC_STATUS_CONSULTATION ||
         status == CM_SPEC_STATUS_APPROVED ||
         status == CM_SPEC_STATUS_PUBLISHED;
}
