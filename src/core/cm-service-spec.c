/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-service-spec"

#include "config.h"

#include "cm-service-spec.h"

#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-enum-types.h"
#include "cm-validate.h"

struct _CmServiceSpec
{
  GObject parent_instance;

  gint64 id;
  gint64 cycle_id;
  char *title;
  CmAdvocacyTypes advocacy_types;
  CmSpecStatus status;
  char *lead;
  char *contract_term;
  gint64 budget_pence;
  CmProcurementRoute procurement_route;
  guint version;
  GDateTime *updated_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CYCLE_ID,
  PROP_TITLE,
  PROP_ADVOCACY_TYPES,
  PROP_STATUS,
  PROP_LEAD,
  PROP_CONTRACT_TERM,
  PROP_BUDGET_PENCE,
  PROP_PROCUREMENT_ROUTE,
  PROP_VERSION,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CmServiceSpec, cm_service_spec, G_TYPE_OBJECT)

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
cm_service_spec_finalize (GObject *object)
{
  CmServiceSpec *self = (CmServiceSpec *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->contract_term, g_free);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (cm_service_spec_parent_class)->finalize (object);
}

static void
cm_service_spec_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CmServiceSpec *self = CM_SERVICE_SPEC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CYCLE_ID:
      g_value_set_int64 (value, self->cycle_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ADVOCACY_TYPES:
      g_value_set_flags (value, self->advocacy_types);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;

    case PROP_CONTRACT_TERM:
      g_value_set_string (value, self->contract_term);
      break;

    case PROP_BUDGET_PENCE:
      g_value_set_int64 (value, self->budget_pence);
      break;

    case PROP_PROCUREMENT_ROUTE:
      g_value_set_enum (value, self->procurement_route);
      break;

    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_service_spec_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CmServiceSpec *self = CM_SERVICE_SPEC (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_service_spec_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CYCLE_ID:
      cm_service_spec_set_cycle_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      cm_service_spec_set_title (self, g_value_get_string (value));
      break;

    case PROP_ADVOCACY_TYPES:
      cm_service_spec_set_advocacy_types (self, g_value_get_flags (value));
      break;

    case PROP_STATUS:
      cm_service_spec_set_status (self, g_value_get_enum (value));
      break;

    case PROP_LEAD:
      cm_service_spec_set_lead (self, g_value_get_string (value));
      break;

    case PROP_CONTRACT_TERM:
      cm_service_spec_set_contract_term (self, g_value_get_string (value));
      break;

    case PROP_BUDGET_PENCE:
      cm_service_spec_set_budget_pence (self, g_value_get_int64 (value));
      break;

    case PROP_PROCUREMENT_ROUTE:
      cm_service_spec_set_procurement_route (self, g_value_get_enum (value));
      break;

    case PROP_VERSION:
      cm_service_spec_set_version (self, g_value_get_uint (value));
      break;

    case PROP_UPDATED_AT:
      cm_service_spec_set_updated_at (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_service_spec_class_init (CmServiceSpecClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cm_service_spec_finalize;
  object_class->get_property = cm_service_spec_get_property;
  object_class->set_property = cm_service_spec_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_CYCLE_ID] =
    g_param_spec_int64 ("cycle-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);

  properties[PROP_ADVOCACY_TYPES] =
    g_param_spec_flags ("advocacy-types", NULL, NULL,
                        CM_TYPE_ADVOCACY_TYPES, CM_ADVOCACY_NONE, flags);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CM_TYPE_SPEC_STATUS, CM_SPEC_STATUS_DRAFT, flags);

  properties[PROP_LEAD] =
    g_param_spec_string ("lead", NULL, NULL, "", flags);

  properties[PROP_CONTRACT_TERM] =
    g_param_spec_string ("contract-term", NULL, NULL, "", flags);

  /* The full range is accepted so that a negative figure read from
   * somewhere reaches cm_service_spec_validate() and gets a message. */
  properties[PROP_BUDGET_PENCE] =
    g_param_spec_int64 ("budget-pence", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  properties[PROP_PROCUREMENT_ROUTE] =
    g_param_spec_enum ("procurement-route", NULL, NULL,
                       CM_TYPE_PROCUREMENT_ROUTE, CM_PROCUREMENT_ROUTE_NOT_SET, flags);

  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 0, flags);

  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_service_spec_init (CmServiceSpec *self)
{
  self->title = g_strdup ("");
  self->lead = g_strdup ("");
  self->contract_term = g_strdup ("");
  self->advocacy_types = CM_ADVOCACY_NONE;
  self->status = CM_SPEC_STATUS_DRAFT;
  self->procurement_route = CM_PROCUREMENT_ROUTE_NOT_SET;
}

CmServiceSpec *
cm_service_spec_new (void)
{
  return g_object_new (CM_TYPE_SERVICE_SPEC, NULL);
}

gint64
cm_service_spec_get_id (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), 0);

  return self->id;
}

void
cm_service_spec_set_id (CmServiceSpec *self,
                        gint64         id)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cm_service_spec_get_cycle_id (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), 0);

  return self->cycle_id;
}

void
cm_service_spec_set_cycle_id (CmServiceSpec *self,
                              gint64         cycle_id)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));
  g_return_if_fail (cycle_id >= 0);

  if (self->cycle_id == cycle_id)
    return;

  self->cycle_id = cycle_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE_ID]);
}

const char *
cm_service_spec_get_title (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), "");

  return self->title;
}

void
cm_service_spec_set_title (CmServiceSpec *self,
                           const char    *title)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));

  if (replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

CmAdvocacyTypes
cm_service_spec_get_advocacy_types (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), CM_ADVOCACY_NONE);

  return self->advocacy_types;
}

void
cm_service_spec_set_advocacy_types (CmServiceSpec   *self,
                                    CmAdvocacyTypes  types)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));

  if (self->advocacy_types == types)
    return;

  self->advocacy_types = types;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADVOCACY_TYPES]);
}

CmSpecStatus
cm_service_spec_get_status (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), CM_SPEC_STATUS_DRAFT);

  return self->status;
}

void
cm_service_spec_set_status (CmServiceSpec *self,
                            CmSpecStatus   status)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
cm_service_spec_get_lead (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), "");

  return self->lead;
}

void
cm_service_spec_set_lead (CmServiceSpec *self,
                          const char    *lead)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));

  if (replace_string (&self->lead, lead))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD]);
}

const char *
cm_service_spec_get_contract_term (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), "");

  return self->contract_term;
}

void
cm_service_spec_set_contract_term (CmServiceSpec *self,
                                   const char    *contract_term)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));

  if (replace_string (&self->contract_term, contract_term))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTRACT_TERM]);
}

gint64
cm_service_spec_get_budget_pence (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), 0);

  return self->budget_pence;
}

void
cm_service_spec_set_budget_pence (CmServiceSpec *self,
                                  gint64         budget_pence)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));

  if (self->budget_pence == budget_pence)
    return;

  self->budget_pence = budget_pence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET_PENCE]);
}

CmProcurementRoute
cm_service_spec_get_procurement_route (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), CM_PROCUREMENT_ROUTE_NOT_SET);

  return self->procurement_route;
}

void
cm_service_spec_set_procurement_route (CmServiceSpec      *self,
                                       CmProcurementRoute  route)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));

  if (self->procurement_route == route)
    return;

  self->procurement_route = route;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROCUREMENT_ROUTE]);
}

guint
cm_service_spec_get_version (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), 0);

  return self->version;
}

void
cm_service_spec_set_version (CmServiceSpec *self,
                             guint          version)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * cm_service_spec_get_updated_at:
 *
 * Returns: (transfer none) (nullable): when the specification last changed
 */
GDateTime *
cm_service_spec_get_updated_at (CmServiceSpec *self)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), NULL);

  return self->updated_at;
}

void
cm_service_spec_set_updated_at (CmServiceSpec *self,
                                GDateTime     *updated_at)
{
  g_return_if_fail (CM_IS_SERVICE_SPEC (self));

  if (cm_date_time_equal (self->updated_at, updated_at))
    return;

  if (updated_at != NULL)
    g_date_time_ref (updated_at);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

gboolean
cm_service_spec_validate (CmServiceSpec  *self,
                          GError        **error)
{
  g_return_val_if_fail (CM_IS_SERVICE_SPEC (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return cm_validate_required (_("Title"), self->title, error) &&
         cm_validate_enum (_("Advocacy types"), CM_TYPE_ADVOCACY_TYPES,
                           self->advocacy_types, error) &&
         cm_validate_enum (_("Status"), CM_TYPE_SPEC_STATUS, self->status, error) &&
         cm_validate_short_text (_("Lead"), self->lead, error) &&
         cm_validate_short_text (_("Contract term"), self->contract_term, error) &&
         cm_validate_non_negative (_("Budget"), (double) self->budget_pence, error) &&
         cm_validate_enum (_("Procurement route"), CM_TYPE_PROCUREMENT_ROUTE,
                           self->procurement_route, error);
}
