/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

#define CM_TYPE_APPLICATION (cm_application_get_type ())
G_DECLARE_FINAL_TYPE (CmApplication, cm_application, CM, APPLICATION, AdwApplication)

CmApplication *cm_application_new       (void);
CmStore       *cm_application_get_store (CmApplication *self);

G_END_DECLS
