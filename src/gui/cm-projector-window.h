/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* A second window for the projector: the latest contributions of a live
 * workshop in large, high-contrast text, following the capture as it
 * happens. Everyone in the room sees it, so it names only those who
 * agreed to be named, and does not quote those who did not agree to be
 * quoted. */

#define CM_TYPE_PROJECTOR_WINDOW (cm_projector_window_get_type ())
G_DECLARE_FINAL_TYPE (CmProjectorWindow, cm_projector_window, CM, PROJECTOR_WINDOW, AdwWindow)

CmProjectorWindow *cm_projector_window_new         (CmStore           *store,
                                                    CmWorkshop        *workshop,
                                                    GListModel        *contributions);
/* The texts shown, newest last, as a person in the room reads them. */
char              *cm_projector_window_dup_shown   (CmProjectorWindow *self);

G_END_DECLS
