/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-application.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_WINDOW (cm_window_get_type ())
G_DECLARE_FINAL_TYPE (CmWindow, cm_window, CM, WINDOW, AdwApplicationWindow)

/* With neither a store nor an error the window says it is opening the
 * database until cm_window_set_store() is called. */
CmWindow *cm_window_new       (CmApplication *application,
                               CmStore       *store,
                               const GError  *open_error);
void      cm_window_set_store (CmWindow      *self,
                               CmStore       *store,
                               const GError  *open_error);

G_END_DECLS
