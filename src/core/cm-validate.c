/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-object.h>
#include <string.h>

#include "cm-validate.h"

G_DEFINE_QUARK (cm-model-error-quark, cm_model_error)

gboolean
cm_validate_required (const char  *field_label,
                      const char  *value,
                      GError     **error)
{
  const char *p;

  g_return_val_if_fail (field_label != NULL, FALSE);

  for (p = value; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return cm_validate_short_text (field_label, value, error);
    }

  g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_EMPTY,
               /* Translators: %s is the name of a field, e.g. "Title" */
               _("%s cannot be empty. Type a few words to describe it."),
               field_label);
  return FALSE;
}

gboolean
cm_validate_short_text (const char  *field_label,
                        const char  *value,
                        GError     **error)
{
  g_return_val_if_fail (field_label != NULL, FALSE);

  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT,
                   /* Translators: %s is the name of a field */
                   _("%s contains characters that are not valid text."), field_label);
      return FALSE;
    }

  if (g_utf8_strlen (value, -1) > CM_SHORT_TEXT_MAX_CHARS)
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_TOO_LONG,
                   /* Translators: %s is the name of a field, %d a number of characters */
                   _("%s is too long. Keep it under %d characters and put the detail "
                     "in the description."),
                   field_label, CM_SHORT_TEXT_MAX_CHARS);
      return FALSE;
    }

  return TRUE;
}

gboolean
cm_validate_long_text (const char  *field_label,
                       const char  *value,
                       GError     **error)
{
  g_return_val_if_fail (field_label != NULL, FALSE);

  if (value == NULL)
    return TRUE;

  if (strlen (value) > CM_LONG_TEXT_MAX_BYTES)
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_TOO_LONG,
                   /* Translators: %s is the name of a field, %d a number of megabytes */
                   _("%s is too long. Split it into parts smaller than %d MB."),
                   field_label, CM_LONG_TEXT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT,
                   _("%s contains characters that are not valid text."), field_label);
      return FALSE;
    }

  return TRUE;
}

gboolean
cm_validate_enum (const char  *field_label,
                  GType        enum_type,
                  int          value,
                  GError     **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  gboolean valid;

  g_return_val_if_fail (field_label != NULL, FALSE);

  klass = g_type_class_ref (enum_type);

  if (G_IS_FLAGS_CLASS (klass))
    valid = ((guint) value & ~G_FLAGS_CLASS (klass)->mask) == 0;
  else
    valid = g_enum_get_value (G_ENUM_CLASS (klass), value) != NULL;

  if (!valid)
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is the name of a field, %d the unknown value */
                   _("%s has an unknown value (%d). Choose one of the listed options."),
                   field_label, value);
      return FALSE;
    }

  return TRUE;
}

gboolean
cm_validate_date_order (const GDate  *start,
                        const GDate  *end,
                        GError      **error)
{
  if (start == NULL || end == NULL)
    return TRUE;

  if (g_date_compare (start, end) > 0)
    {
      g_set_error_literal (error, CM_MODEL_ERROR, CM_MODEL_ERROR_DATE_ORDER,
                           _("The end date is before the start date. "
                             "Change one of them so the period runs forwards."));
      return FALSE;
    }

  return TRUE;
}

gboolean
cm_validate_probability (const char  *field_label,
                         double       value,
                         GError     **error)
{
  if (!(value >= 0.0 && value <= 1.0))
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is the name of a field */
                   _("%s must be a proportion between 0 and 1 (0%% to 100%%)."),
                   field_label);
      return FALSE;
    }

  return TRUE;
}

gboolean
cm_validate_non_negative (const char  *field_label,
                          double       value,
                          GError     **error)
{
  if (!(value >= 0.0))
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is the name of a field */
                   _("%s cannot be negative."), field_label);
      return FALSE;
    }

  return TRUE;
}
