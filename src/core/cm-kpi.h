/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CM_TYPE_KPI (cm_kpi_get_type ())

G_DECLARE_FINAL_TYPE (CmKpi, cm_kpi, CM, KPI, GObject)

CmKpi      *cm_kpi_new           (void);

gint64      cm_kpi_get_id        (CmKpi       *self);
void        cm_kpi_set_id        (CmKpi       *self,
                                  gint64       id);
gint64      cm_kpi_get_spec_id   (CmKpi       *self);
void        cm_kpi_set_spec_id   (CmKpi       *self,
                                  gint64       spec_id);
guint       cm_kpi_get_position  (CmKpi       *self);
void        cm_kpi_set_position  (CmKpi       *self,
                                  guint        position);
const char *cm_kpi_get_measure   (CmKpi       *self);
void        cm_kpi_set_measure   (CmKpi       *self,
                                  const char  *measure);
const char *cm_kpi_get_target    (CmKpi       *self);
void        cm_kpi_set_target    (CmKpi       *self,
                                  const char  *target);
const char *cm_kpi_get_frequency (CmKpi       *self);
void        cm_kpi_set_frequency (CmKpi       *self,
                                  const char  *frequency);
const char *cm_kpi_get_source    (CmKpi       *self);
void        cm_kpi_set_source    (CmKpi       *self,
                                  const char  *source);

gboolean    cm_kpi_validate      (CmKpi       *self,
                                  GError     **error);

G_END_DECLS
