/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* A cycle's "You said, we did": each action with the contributions it
 * answers, to edit and to report back to the people who took part. */

#define CM_TYPE_SAID_DID_VIEW (cm_said_did_view_get_type ())
G_DECLARE_FINAL_TYPE (CmSaidDidView, cm_said_did_view, CM, SAID_DID_VIEW, GtkWidget)

CmSaidDidView *cm_said_did_view_new       (void);
void           cm_said_did_view_set_cycle (CmSaidDidView *self,
                                           CmStore       *store,
                                           CmCycle       *cycle);
void           cm_said_did_view_set_back_visible (CmSaidDidView *self,
                                                  gboolean       visible);
/* The whole list as plain text, respecting consent, as copied. */
char          *cm_said_did_view_dup_text  (CmSaidDidView *self);

G_END_DECLS
