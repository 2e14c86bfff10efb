/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cm-enums.h"

G_BEGIN_DECLS

/* One recorded version of a service specification: its number, the
 * status it moved to when it was recorded, and when. The content itself
 * is a CmSpecSnapshot, loaded on demand. */

#define CM_TYPE_SPEC_VERSION (cm_spec_version_get_type ())

G_DECLARE_FINAL_TYPE (CmSpecVersion, cm_spec_version, CM, SPEC_VERSION, GObject)

CmSpecVersion *cm_spec_version_new             (void);

gint64         cm_spec_version_get_id          (CmSpecVersion  *self);
void           cm_spec_version_set_id          (CmSpecVersion  *self,
                                                gint64          id);
gint64         cm_spec_version_get_spec_id     (CmSpecVersion  *self);
void           cm_spec_version_set_spec_id     (CmSpecVersion  *self,
                                                gint64          spec_id);
guint          cm_spec_version_get_version     (CmSpecVersion  *self);
void           cm_spec_version_set_version     (CmSpecVersion  *self,
                                                guint           version);
CmSpecStatus   cm_spec_version_get_status      (CmSpecVersion  *self);
void           cm_spec_version_set_status      (CmSpecVersion  *self,
                                                CmSpecStatus    status);
GDateTime     *cm_spec_version_get_recorded_at (CmSpecVersion  *self);
void           cm_spec_version_set_recorded_at (CmSpecVersion  *self,
                                                GDateTime      *recorded_at);

/* Whether moving a specification into @status records a version:
 * consultation, approved and published do. */
gboolean       cm_spec_status_records_version  (CmSpecStatus    status);

G_END_DECLS
