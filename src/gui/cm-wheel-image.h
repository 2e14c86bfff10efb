/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cm-wheel-painter.h"

G_BEGIN_DECLS

/* The painted wheel a widget keeps between frames (all but the hover, the
 * selection and focus), with what it takes to hand it to GTK cheaply. */
typedef struct _CmWheelImage CmWheelImage;

CmWheelImage *cm_wheel_image_new    (GtkWidget                  *owner);
void          cm_wheel_image_free   (CmWheelImage               *self);
void          cm_wheel_image_clear  (CmWheelImage               *self);
void          cm_wheel_image_update (CmWheelImage               *self,
                                     CmWheelModel               *model,
                                     const PangoFontDescription *font,
                                     int                         width,
                                     int                         height,
                                     int                         scale,
                                     const CmWheelPalette       *palette);
void          cm_wheel_image_append (CmWheelImage               *self,
                                     GtkSnapshot                *snapshot,
                                     int                         width,
                                     int                         height);

gboolean      cm_wheel_image_is_stretched (CmWheelImage       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmWheelImage, cm_wheel_image_free)

G_END_DECLS
