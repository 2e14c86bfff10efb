/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-demand.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_DEMAND_EDITOR (cm_demand_editor_get_type ())

G_DECLARE_FINAL_TYPE (CmDemandEditor, cm_demand_editor, CM, DEMAND_EDITOR, GtkWidget)

CmDemandEditor       *cm_demand_editor_new        (void);
void                  cm_demand_editor_set_spec   (CmDemandEditor *self,
                                                   CmStore        *store,
                                                   CmServiceSpec  *spec);
void                  cm_demand_editor_flush      (CmDemandEditor *self);
const CmDemandInputs *cm_demand_editor_get_inputs (CmDemandEditor *self);

G_END_DECLS
