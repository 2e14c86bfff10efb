/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-application.h"
#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_WINDOW (cm_window_get_type ())
G_DECLARE_FINAL_TYPE (CmWindow, cm_window, CM, WINDOW, AdwApplicationWindow)

/* store may be NULL when it could not be opened; open_error then says why. */
CmWindow *cm_window_new (CmApplication *application,
                         CmStore       *store,
                         const GError  *open_error);

G_END_DECLS
