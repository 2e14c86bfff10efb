/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cm-enums.h"

G_BEGIN_DECLS

#define CM_TYPE_SERVICE_SPEC (cm_service_spec_get_type ())

G_DECLARE_FINAL_TYPE (CmServiceSpec, cm_service_spec, CM, SERVICE_SPEC, GObject)

CmServiceSpec      *cm_service_spec_new                   (void);

gint64              cm_service_spec_get_id                (CmServiceSpec       *self);
void                cm_service_spec_set_id                (CmServiceSpec       *self,
                                                           gint64               id);
gint64              cm_service_spec_get_cycle_id          (CmServiceSpec       *self);
void                cm_service_spec_set_cycle_id          (CmServiceSpec       *self,
                                                           gint64               cycle_id);
const char         *cm_service_spec_get_title             (CmServiceSpec       *self);
void                cm_service_spec_set_title             (CmServiceSpec       *self,
                                                           const char          *title);
CmAdvocacyTypes     cm_service_spec_get_advocacy_types    (CmServiceSpec       *self);
void                cm_service_spec_set_advocacy_types    (CmServiceSpec       *self,
                                                           CmAdvocacyTypes      types);
CmSpecStatus        cm_service_spec_get_status            (CmServiceSpec       *self);
void                cm_service_spec_set_status            (CmServiceSpec       *self,
                                                           CmSpecStatus         status);
const char         *cm_service_spec_get_lead              (CmServiceSpec       *self);
void                cm_service_spec_set_lead              (CmServiceSpec       *self,
                                                           const char          *lead);
const char         *cm_service_spec_get_contract_term     (CmServiceSpec       *self);
void                cm_service_spec_set_contract_term     (CmServiceSpec       *self,
                                                           const char          *contract_term);
gint64              cm_service_spec_get_budget_pence      (CmServiceSpec       *self);
void                cm_service_spec_set_budget_pence      (CmServiceSpec       *self,
                                                           gint64               budget_pence);
CmProcurementRoute  cm_service_spec_get_procurement_route (CmServiceSpec       *self);
void                cm_service_spec_set_procurement_route (CmServiceSpec       *self,
                                                           CmProcurementRoute   route);
guint               cm_service_spec_get_version           (CmServiceSpec       *self);
void                cm_service_spec_set_version           (CmServiceSpec       *self,
                                                           guint                version);
GDateTime          *cm_service_spec_get_updated_at        (CmServiceSpec       *self);
void                cm_service_spec_set_updated_at        (CmServiceSpec       *self,
                                                           GDateTime           *updated_at);

gboolean            cm_service_spec_validate              (CmServiceSpec       *self,
                                                           GError             **error);

G_END_DECLS
