/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CM_MODEL_ERROR (cm_model_error_quark ())

typedef enum
{
  CM_MODEL_ERROR_EMPTY,          /* a required field is empty */
  CM_MODEL_ERROR_TOO_LONG,       /* a field is longer than it may be */
  CM_MODEL_ERROR_INVALID_TEXT,   /* not valid UTF-8 */
  CM_MODEL_ERROR_INVALID_DATE,   /* not a real calendar date */
  CM_MODEL_ERROR_DATE_ORDER,     /* an end before its start */
  CM_MODEL_ERROR_OUT_OF_RANGE,   /* a number or enum value outside its range */
} CmModelError;

/* Short fields (titles, names, owners) and long ones (descriptions,
 * evidence notes, specification sections) have different limits. A long
 * field holds a 50,000-word section with room to spare. */
#define CM_SHORT_TEXT_MAX_CHARS 1000
#define CM_LONG_TEXT_MAX_BYTES  (8 * 1024 * 1024)

GQuark   cm_model_error_quark    (void);

gboolean cm_validate_required    (const char  *field_label,
                                  const char  *value,
                                  GError     **error);
gboolean cm_validate_short_text  (const char  *field_label,
                                  const char  *value,
                                  GError     **error);
gboolean cm_validate_long_text   (const char  *field_label,
                                  const char  *value,
                                  GError     **error);
gboolean cm_validate_enum        (const char  *field_label,
                                  GType        enum_type,
                                  int          value,
                                  GError     **error);
gboolean cm_validate_date_order  (const GDate *start,
                                  const GDate *end,
                                  GError     **error);
gboolean cm_validate_probability (const char  *field_label,
                                  double       value,
                                  GError     **error);
gboolean cm_validate_non_negative (const char *field_label,
                                   double      value,
                                   GError    **error);

G_END_DECLS
