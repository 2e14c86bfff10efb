/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_SPECS_PAGE (cm_specs_page_get_type ())

G_DECLARE_FINAL_TYPE (CmSpecsPage, cm_specs_page, CM, SPECS_PAGE, GtkWidget)

CmSpecsPage   *cm_specs_page_new           (void);
/* @cycle may be NULL: the page then shows nothing. */
void           cm_specs_page_set_cycle     (CmSpecsPage   *self,
                                            CmStore       *store,
                                            CmCycle       *cycle);
/* Shows @spec in the editor (it must belong to the page's cycle). */
void           cm_specs_page_select_spec   (CmSpecsPage   *self,
                                            CmServiceSpec *spec);
CmServiceSpec *cm_specs_page_get_selected  (CmSpecsPage   *self);
/* Writes every edit still waiting to be saved. */
void           cm_specs_page_flush         (CmSpecsPage   *self);

G_END_DECLS
