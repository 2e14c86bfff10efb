/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CM_TYPE_SPEC_SECTION (cm_spec_section_get_type ())

G_DECLARE_FINAL_TYPE (CmSpecSection, cm_spec_section, CM, SPEC_SECTION, GObject)

CmSpecSection *cm_spec_section_new          (void);

gint64         cm_spec_section_get_id       (CmSpecSection  *self);
void           cm_spec_section_set_id       (CmSpecSection  *self,
                                             gint64          id);
gint64         cm_spec_section_get_spec_id  (CmSpecSection  *self);
void           cm_spec_section_set_spec_id  (CmSpecSection  *self,
                                             gint64          spec_id);
guint          cm_spec_section_get_position (CmSpecSection  *self);
void           cm_spec_section_set_position (CmSpecSection  *self,
                                             guint           position);
const char    *cm_spec_section_get_title    (CmSpecSection  *self);
void           cm_spec_section_set_title    (CmSpecSection  *self,
                                             const char     *title);
const char    *cm_spec_section_get_body     (CmSpecSection  *self);
void           cm_spec_section_set_body     (CmSpecSection  *self,
                                             const char     *body);

gboolean       cm_spec_section_validate     (CmSpecSection  *self,
                                             GError        **error);

G_END_DECLS
