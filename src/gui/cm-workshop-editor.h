/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* The details of one workshop, edited in place and saved as they are
 * typed, and who is coming. Emits "capture-requested", "delete-requested"
 * and "participant-activated" (CmParticipant) for the page to act on. */

#define CM_TYPE_WORKSHOP_EDITOR (cm_workshop_editor_get_type ())
G_DECLARE_FINAL_TYPE (CmWorkshopEditor, cm_workshop_editor, CM, WORKSHOP_EDITOR, GtkWidget)

CmWorkshopEditor *cm_workshop_editor_new          (void);
void              cm_workshop_editor_set_workshop (CmWorkshopEditor *self,
                                                   CmStore          *store,
                                                   CmWorkshop       *workshop);
CmWorkshop       *cm_workshop_editor_get_workshop (CmWorkshopEditor *self);
void              cm_workshop_editor_focus_title  (CmWorkshopEditor *self);
void              cm_workshop_editor_set_back_visible (CmWorkshopEditor *self,
                                                   gboolean          visible);
/* Writes any text still waiting for its pause in typing. */
void              cm_workshop_editor_flush        (CmWorkshopEditor *self);

/* "YYYY-MM-DD HH:MM" in local time, and back; NULL for an empty or
 * impossible text (then @error says why, unless the text was empty). */
GDateTime        *cm_workshop_parse_start         (const char       *text,
                                                   GError          **error);
char             *cm_workshop_format_start        (GDateTime        *starts_at);

G_END_DECLS
