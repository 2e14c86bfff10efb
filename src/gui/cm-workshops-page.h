/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* A cycle's Workshops page: its workshops (new, edit, delete with Undo),
 * who takes part, live capture of what they say, and the cycle's "You
 * said, we did". */

#define CM_TYPE_WORKSHOPS_PAGE (cm_workshops_page_get_type ())
G_DECLARE_FINAL_TYPE (CmWorkshopsPage, cm_workshops_page, CM, WORKSHOPS_PAGE, GtkWidget)

CmWorkshopsPage *cm_workshops_page_new           (void);
void             cm_workshops_page_set_cycle     (CmWorkshopsPage *self,
                                                  CmStore         *store,
                                                  CmCycle         *cycle);
/* Opens a workshop's details, or its live capture. */
void             cm_workshops_page_show_workshop (CmWorkshopsPage *self,
                                                  CmWorkshop      *workshop);
void             cm_workshops_page_start_capture (CmWorkshopsPage *self,
                                                  CmWorkshop      *workshop);

G_END_DECLS
