/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-date"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cm-date.h"
#include "cm-validate.h"

GDate *
cm_date_new_from_iso (const char  *iso,
                      GError     **error)
{
  unsigned int year, month, day;
  char trailing;

  if (iso == NULL || *iso == '\0')
    return NULL;

  /* sscanf alone would accept "2025-2-30x"; insist on the exact shape. */
  if (strlen (iso) != 10 ||
      sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &trailing) != 3 ||
      iso[4] != '-' || iso[7] != '-' ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_DATE,
                   /* Translators: %s is what the user typed; keep YYYY-MM-DD as it is */
                   _("“%s” is not a real date. Write it as YYYY-MM-DD, for example 2025-04-01."),
                   iso);
      return NULL;
    }

  return g_date_new_dmy (day, month, year);
}

char *
cm_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

GDate *
cm_date_copy (const GDate *date)
{
  if (date == NULL)
    return NULL;

  return g_date_copy (date);
}

gboolean
cm_date_equal (const GDate *a,
               const GDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_compare (a, b) == 0;
}

GDateTime *
cm_date_time_new_from_iso (const char  *iso,
                           GError     **error)
{
  g_autoptr(GTimeZone) utc = NULL;
  GDateTime *date_time;

  if (iso == NULL || *iso == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();
  date_time = g_date_time_new_from_iso8601 (iso, utc);
  if (date_time == NULL)
    g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_DATE,
                 /* Translators: %s is a timestamp that could not be read */
                 _("“%s” is not a real date and time."), iso);

  return date_time;
}

char *
cm_date_time_to_iso (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return NULL;

  utc = g_date_time_to_utc (date_time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

gboolean
cm_date_time_equal (GDateTime *a,
                    GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}
