/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_SPEC_EDITOR (cm_spec_editor_get_type ())

G_DECLARE_FINAL_TYPE (CmSpecEditor, cm_spec_editor, CM, SPEC_EDITOR, GtkWidget)

CmSpecEditor  *cm_spec_editor_new          (void);
void           cm_spec_editor_set_spec     (CmSpecEditor  *self,
                                            CmStore       *store,
                                            CmCycle       *cycle,
                                            CmServiceSpec *spec);
CmServiceSpec *cm_spec_editor_get_spec     (CmSpecEditor  *self);
/* Writes every edit still waiting to be saved. */
void           cm_spec_editor_flush        (CmSpecEditor  *self);
/* "details", "sections", "demand" or "versions" */
void           cm_spec_editor_show_page    (CmSpecEditor  *self,
                                            const char    *name);
void           cm_spec_editor_focus_title  (CmSpecEditor  *self);
GtkTextView   *cm_spec_editor_get_text_view (CmSpecEditor *self);

G_END_DECLS
