/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-kpi"

#include "config.h"

#include "cm-kpi.h"

#include <glib/gi18n.h>

#include "cm-validate.h"

struct _CmKpi
{
  GObject parent_instance;

  gint64 id;
  gint64 spec_id;
  guint position;
  char *measure;
  char *target;
  char *frequency;
  char *source;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_SPEC_ID,
  PROP_POSITION,
  PROP_MEASURE,
  PROP_TARGET,
  PROP_FREQUENCY,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CmKpi, cm_kpi, G_TYPE_OBJECT)

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

static void
cm_kpi_finalize (GObject *object)
{
  CmKpi *self = (CmKpi *)object;

  g_clear_pointer (&self->measure, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->frequency, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (cm_kpi_parent_class)->finalize (object);
}

static void
cm_kpi_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  CmKpi *self = CM_KPI (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SPEC_ID:
      g_value_set_int64 (value, self->spec_id);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_MEASURE:
      g_value_set_string (value, self->measure);
      break;

    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;

    case PROP_FREQUENCY:
      g_value_set_string (value, self->frequency);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_kpi_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  CmKpi *self = CM_KPI (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_kpi_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SPEC_ID:
      cm_kpi_set_spec_id (self, g_value_get_int64 (value));
      break;

    case PROP_POSITION:
      cm_kpi_set_position (self, g_value_get_uint (value));
      break;

    case PROP_MEASURE:
      cm_kpi_set_measure (self, g_value_get_string (value));
      break;

    case PROP_TARGET:
      cm_kpi_set_target (self, g_value_get_string (value));
      break;

    case PROP_FREQUENCY:
      cm_kpi_set_frequency (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      cm_kpi_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_kpi_class_init (CmKpiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cm_kpi_finalize;
  object_class->get_property = cm_kpi_get_property;
  object_class->set_property = cm_kpi_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_SPEC_ID] =
    g_param_spec_int64 ("spec-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);

  properties[PROP_MEASURE] =
    g_param_spec_string ("measure", NULL, NULL, "", flags);

  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, "", flags);

  properties[PROP_FREQUENCY] =
    g_param_spec_string ("frequency", NULL, NULL, "", flags);

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_kpi_init (CmKpi *self)
{
  self->measure = g_strdup ("");
  self->target = g_strdup ("");
  self->frequency = g_strdup ("");
  self->source = g_strdup ("");
}

CmKpi *
cm_kpi_new (void)
{
  return g_object_new (CM_TYPE_KPI, NULL);
}

gint64
cm_kpi_get_id (CmKpi *self)
{
  g_return_val_if_fail (CM_IS_KPI (self), 0);

  return self->id;
}

void
cm_kpi_set_id (CmKpi  *self,
               gint64  id)
{
  g_return_if_fail (CM_IS_KPI (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cm_kpi_get_spec_id (CmKpi *self)
{
  g_return_val_if_fail (CM_IS_KPI (self), 0);

  return self->spec_id;
}

void
cm_kpi_set_spec_id (CmKpi  *self,
                    gint64  spec_id)
{
  g_return_if_fail (CM_IS_KPI (self));
  g_return_if_fail (spec_id >= 0);

  if (self->spec_id == spec_id)
    return;

  self->spec_id = spec_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEC_ID]);
}

guint
cm_kpi_get_position (CmKpi *self)
{
  g_return_val_if_fail (CM_IS_KPI (self), 0);

  return self->position;
}

void
cm_kpi_set_position (CmKpi *self,
                     guint  position)
{
  g_return_if_fail (CM_IS_KPI (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
cm_kpi_get_measure (CmKpi *self)
{
  g_return_val_if_fail (CM_IS_KPI (self), "");

  return self->measure;
}

void
cm_kpi_set_measure (CmKpi      *self,
                    const char *measure)
{
  g_return_if_fail (CM_IS_KPI (self));

  if (replace_string (&self->measure, measure))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

const char *
cm_kpi_get_target (CmKpi *self)
{
  g_return_val_if_fail (CM_IS_KPI (self), "");

  return self->target;
}

void
cm_kpi_set_target (CmKpi      *self,
                   const char *target)
{
  g_return_if_fail (CM_IS_KPI (self));

  if (replace_string (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

const char *
cm_kpi_get_frequency (CmKpi *self)
{
  g_return_val_if_fail (CM_IS_KPI (self), "");

  return self->frequency;
}

void
cm_kpi_set_frequency (CmKpi      *self,
                      const char *frequency)
{
  g_return_if_fail (CM_IS_KPI (self));

  if (replace_string (&self->frequency, frequency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FREQUENCY]);
}

const char *
cm_kpi_get_source (CmKpi *self)
{
  g_return_val_if_fail (CM_IS_KPI (self), "");

  return self->source;
}

void
cm_kpi_set_source (CmKpi      *self,
                   const char *source)
{
  g_return_if_fail (CM_IS_KPI (self));

  if (replace_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

gboolean
cm_kpi_validate (CmKpi   *self,
                 GError **error)
{
  g_return_val_if_fail (CM_IS_KPI (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return cm_validate_required (_("Measure"), self->measure, error) &&
         /* Translators: the level a key performance indicator should reach */
         cm_validate_short_text (_("Target"), self->target, error) &&
         /* Translators: how often a key performance indicator is reported */
         cm_validate_short_text (_("Frequency"), self->frequency, error) &&
         /* Translators: where the figures for a key performance indicator come from */
         cm_validate_short_text (_("Source"), self->source, error);
}
