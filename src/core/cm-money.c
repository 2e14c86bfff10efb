/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-money"

#include "config.h"

#include "cm-money.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cm-validate.h"

/* The pound sign, and what the locale puts between thousands and before
 * the pence. Pence are whole numbers throughout: no floating point. */

#define POUND_SIGN "£"

static const char *
decimal_point (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && *point != '\0' ? point : ".";
}

static const char *
thousands_separator (void)
{
  const char *separator = localeconv ()->thousands_sep;

  return separator != NULL ? separator : "";
}

/**
 * cm_money_format:
 * @pence: an amount in pence (may be negative)
 *
 * Returns: (transfer full): the amount in pounds with two decimal places,
 *   e.g. "£1,250.00"
 */
char *
cm_money_format (gint64 pence)
{
  g_autofree char *pounds = NULL;
  guint64 magnitude = pence < 0 ? (guint64) -(pence + 1) + 1 : (guint64) pence;

  /* The ' flag groups thousands as the locale says. */
  pounds = g_strdup_printf ("%'" G_GUINT64_FORMAT, magnitude / 100);

  return g_strdup_printf ("%s" POUND_SIGN "%s%s%02u", pence < 0 ? "−" : "", pounds,
                          decimal_point (), (guint) (magnitude % 100));
}

static void
set_not_an_amount (GError **error)
{
  g_set_error_literal (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                       _("Type an amount in pounds, such as 125000 or £125,000.50."));
}

/**
 * cm_money_parse:
 * @text: what a person typed: "1250", "£1,250.5", " 1 250,50 " in a locale
 *   with a comma for the decimal point
 * @pence: (out): the amount in pence
 *
 * An empty text is zero. Negative amounts and more than two decimal places
 * are refused with a message saying why.
 *
 * Returns: %TRUE if @text is an amount
 */
gboolean
cm_money_parse (const char  *text,
                gint64      *pence,
                GError     **error)
{
  const char *point = decimal_point ();
  const char *separator = thousands_separator ();
  g_autofree char *trimmed = NULL;
  const char *p;
  guint64 pounds = 0;
  guint64 fraction = 0;
  guint n_fraction = 0;
  gboolean seen_digit = FALSE;
  gboolean in_fraction = FALSE;

  g_return_val_if_fail (pence != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  p = trimmed;

  if (g_str_has_prefix (p, "-") || g_str_has_prefix (p, "−"))
    {
      g_set_error_literal (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                           _("An amount of money cannot be negative."));
      return FALSE;
    }

  if (g_str_has_prefix (p, POUND_SIGN))
    p += strlen (POUND_SIGN);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          seen_digit = TRUE;
          if (in_fraction)
            {
              if (++n_fraction > 2)
                {
                  g_set_error_literal (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                                       _("Give at most two decimal places (pence)."));
                  return FALSE;
                }
              fraction = fraction * 10 + (c - '0');
            }
          else
            {
              if (pounds > (G_MAXINT64 / 100 - 9) / 10)
                {
                  g_set_error_literal (error, CM_MODEL_ERROR, CM_MODEL_ERROR_OUT_OF_RANGE,
                                       _("That amount is too large."));
                  return FALSE;
                }
              pounds = pounds * 10 + (c - '0');
            }
          p++;
        }
      else if (!in_fraction && (g_str_has_prefix (p, point) ||
                                (c == '.' && g_strcmp0 (separator, ".") != 0)))
        {
          in_fraction = TRUE;
          p += g_str_has_prefix (p, point) ? strlen (point) : 1;
        }
      else if (!in_fraction && ((*separator != '\0' && g_str_has_prefix (p, separator)) ||
                                c == ',' || g_unichar_isspace (c) || c == 0x202f))
        {
          /* Grouping is optional and not checked: "1,25,000" is read as 125000. */
          p = g_utf8_next_char (p);
        }
      else
        {
          set_not_an_amount (error);
          return FALSE;
        }
    }

  if (!seen_digit && *trimmed != '\0')
    {
      set_not_an_amount (error);
      return FALSE;
    }

  if (n_fraction == 1)
    fraction *= 10;

  *pence = (gint64) (pounds * 100 + fraction);
  return TRUE;
}
