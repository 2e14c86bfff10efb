/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_CYCLE_PAGE (cm_cycle_page_get_type ())
G_DECLARE_FINAL_TYPE (CmCyclePage, cm_cycle_page, CM, CYCLE_PAGE, GtkWidget)

CmCyclePage *cm_cycle_page_new            (void);
void         cm_cycle_page_set_cycle      (CmCyclePage *self,
                                           CmStore     *store,
                                           CmCycle     *cycle);
CmCycle     *cm_cycle_page_get_cycle      (CmCyclePage *self);
void         cm_cycle_page_focus_title    (CmCyclePage *self);
void         cm_cycle_page_focus_wheel    (CmCyclePage *self);

G_END_DECLS
