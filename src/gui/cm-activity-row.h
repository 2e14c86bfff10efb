/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_ACTIVITY_ROW (cm_activity_row_get_type ())
G_DECLARE_FINAL_TYPE (CmActivityRow, cm_activity_row, CM, ACTIVITY_ROW, AdwExpanderRow)

CmActivityRow *cm_activity_row_new          (CmStore       *store,
                                             CmActivity    *activity);
CmActivity    *cm_activity_row_get_activity (CmActivityRow *self);
/* Opens the row and puts the keyboard on its status buttons. */
void           cm_activity_row_open         (CmActivityRow *self);

G_END_DECLS
