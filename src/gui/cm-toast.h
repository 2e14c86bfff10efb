/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Called after Undo brought @object back, while @widget still exists. */
typedef void (*CmRestoredFunc) (GtkWidget *widget,
                                GObject   *object);

void      cm_toast_show            (GtkWidget      *widget,
                                    AdwToast       *toast);
void      cm_toast_show_message    (GtkWidget      *widget,
                                    const char     *message);
gboolean  cm_toast_trash_with_undo (GtkWidget      *widget,
                                    CmStore        *store,
                                    GObject        *object,
                                    const char     *message,
                                    CmRestoredFunc  restored,
                                    GError        **error);

G_END_DECLS
