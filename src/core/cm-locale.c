/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-locale"

#include "config.h"

#include "cm-locale.h"

#include <locale.h>
#include <string.h>

/* The locales tried, in order, where the environment gives C. Debian names
 * the generated locale "en_GB.utf8"; setlocale() accepts either spelling. */
static const char * const fallbacks[] = { "en_GB.UTF-8", "en_GB.utf8", "en_GB" };

/**
 * cm_locale_is_c:
 * @name: (nullable): a locale name as setlocale() returns it
 *
 * Returns: %TRUE for the C and POSIX locales, with or without a codeset
 *   ("C.UTF-8"), which write numbers without grouping and dates the American way
 */
gboolean
cm_locale_is_c (const char *name)
{
  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0 ||
         g_str_has_prefix (name, "C.") || g_str_has_prefix (name, "POSIX.");
}

static gboolean
set_by_user (const char *variable)
{
  const char *value = g_getenv (variable);

  return value != NULL && *value != '\0';
}

/**
 * cm_locale_init:
 *
 * Sets the locale from the environment, as setlocale (LC_ALL, "") does. Then,
 * for dates, numbers and money, when the C locale comes only from LANG (or
 * from nothing at all) rather than being asked for with LC_ALL or the
 * category's own variable, uses British English instead, if it is installed:
 * "£125,000.00" and "2 March 2026" rather than "£125000.00". Messages stay
 * as the environment says (the untranslated strings are British English).
 *
 * Call it first thing in main(), and stop GTK setting the locale again
 * (gtk_disable_setlocale()).
 */
void
cm_locale_init (void)
{
  const struct { int category; const char *variable; } categories[] = {
    { LC_NUMERIC, "LC_NUMERIC" },
    { LC_MONETARY, "LC_MONETARY" },
    { LC_TIME, "LC_TIME" },
  };

  setlocale (LC_ALL, "");

  if (set_by_user ("LC_ALL"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      if (set_by_user (categories[i].variable) ||
          !cm_locale_is_c (setlocale (categories[i].category, NULL)))
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (fallbacks); j++)
        {
          if (setlocale (categories[i].category, fallbacks[j]) != NULL)
            break;
        }
    }
}
