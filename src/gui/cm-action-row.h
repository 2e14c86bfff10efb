/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* One "You said, we did" point, edited in place: what was said (as it may
 * be reported back), what will be or was done, by whom and when, and
 * what it is linked to. Emits "delete-requested". */

#define CM_TYPE_ACTION_ROW (cm_action_row_get_type ())
G_DECLARE_FINAL_TYPE (CmActionRow, cm_action_row, CM, ACTION_ROW, AdwExpanderRow)

/* The names offered for linking, each with the ids (gint64) they stand
 * for at the same positions; the first is "None" with id 0. */
CmActionRow *cm_action_row_new        (CmStore     *store,
                                       CmAction    *action,
                                       GListModel  *activity_names,
                                       GArray      *activity_ids,
                                       GListModel  *section_names,
                                       GArray      *section_ids);
CmAction    *cm_action_row_get_action (CmActionRow *self);
void         cm_action_row_flush      (CmActionRow *self);

G_END_DECLS
