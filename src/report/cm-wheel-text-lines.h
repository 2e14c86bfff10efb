/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Where a text measured on one line may wrap (cm-wheel-text-lines.c). */
typedef struct
{
  GArray   *starts;      /* of double: where each character starts, and the text ends */
  GArray   *breaks;      /* of guint: each character a line may start at, and the end */
  GArray   *ends;        /* of double: where the line before each break ends */
  double    line_height;
  gboolean  valid;       /* FALSE for text whose wrapping is not forecast */
} CmWheelTextLines;

void     cm_wheel_text_lines_measure (CmWheelTextLines       *lines,
                                      PangoLayout            *layout,
                                      double                  scale);
gboolean cm_wheel_text_lines_fit     (const CmWheelTextLines *lines,
                                      double                  factor,
                                      double                  width,
                                      double                  height);
void     cm_wheel_text_lines_clear   (CmWheelTextLines       *lines);

G_END_DECLS
