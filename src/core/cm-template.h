/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cm-enums.h"

G_BEGIN_DECLS

/* One activity of a cycle template; a new cycle copies each into a row. */
typedef struct
{
  CmStage  stage;
  CmRing   ring;
  guint    position;      /* order within its stage and ring */
  char    *title;         /* already translated */
  char    *description;   /* already translated */
} CmTemplateActivity;

void       cm_template_activity_free (CmTemplateActivity *activity);

GPtrArray *cm_template_parse         (const char  *xml,
                                      gssize       length,
                                      GError     **error);
GPtrArray *cm_template_load_default  (GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmTemplateActivity, cm_template_activity_free)

G_END_DECLS
