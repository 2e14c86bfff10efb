/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-locale"

#include "config.h"

#include <locale.h>

#include "cm-locale.h"
#include "cm-money.h"

/* Dates, numbers and money follow the locale, with en_GB where the
 * environment leaves them to C. Each case runs in a child process of its
 * own: the locale and the environment belong to the whole process. */

static const char * const variables[] = {
  "LC_ALL", "LC_NUMERIC", "LC_MONETARY", "LC_TIME", "LC_MESSAGES", "LANG", "LANGUAGE",
};

static gboolean
have_locale (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    return FALSE;

  freelocale (locale);
  return TRUE;
}

/* In the child: a clean environment with only these variables set (NULL-ended
 * pairs), then the app's locale set-up. */
static void
init_with (const char *first_variable,
           ...)
{
  va_list args;

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    g_unsetenv (variables[i]);

  va_start (args, first_variable);
  for (const char *variable = first_variable; variable != NULL;
       variable = va_arg (args, const char *))
    g_setenv (variable, va_arg (args, const char *), TRUE);
  va_end (args);

  cm_locale_init ();
}

/* 2 March 2026 written with the locale's own date format (%x) */
static char *
format_date (const char *format)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (2026, 3, 2, 9, 30, 0);

  return g_date_time_format (date_time, format);
}

static void
run_in_child (void)
{
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
assert_british (void)
{
  g_autofree char *money = cm_money_format (12500050);
  g_autofree char *number = g_strdup_printf ("%'d", 17438);
  g_autofree char *date = format_date ("%x");
  g_autofree char *month = format_date ("%-d %B %Y");

  g_assert_cmpstr (money, ==, "£125,000.50");
  g_assert_cmpstr (number, ==, "17,438");
  /* Day first: the C locale would say 03/02/26. */
  g_assert_cmpstr (date, ==, "02/03/26");
  g_assert_cmpstr (month, ==, "2 March 2026");
}

static void
test_c_gives_en_gb (void)
{
  if (!have_locale ("en_GB.UTF-8"))
    {
      g_test_skip ("the en_GB.UTF-8 locale is not installed (build-aux/dev.sh deps makes it)");
      return;
    }

  if (g_test_subprocess ())
    {
      init_with ("LANG", "C.UTF-8", NULL);
      assert_british ();
      g_assert_true (g_str_has_prefix (setlocale (LC_NUMERIC, NULL), "en_GB"));
      g_assert_true (g_str_has_prefix (setlocale (LC_MONETARY, NULL), "en_GB"));
      g_assert_true (g_str_has_prefix (setlocale (LC_TIME, NULL), "en_GB"));
      /* Messages and character handling stay as the environment says. */
      g_assert_true (cm_locale_is_c (setlocale (LC_MESSAGES, NULL)));
      g_assert_true (cm_locale_is_c (setlocale (LC_CTYPE, NULL)));
      return;
    }
  run_in_child ();
}

static void
test_unset_gives_en_gb (void)
{
  if (!have_locale ("en_GB.UTF-8"))
    {
      g_test_skip ("the en_GB.UTF-8 locale is not installed (build-aux/dev.sh deps makes it)");
      return;
    }

  if (g_test_subprocess ())
    {
      init_with (NULL);
      assert_british ();
      return;
    }
  run_in_child ();
}

static void
test_asked_for_c (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *money = NULL;
      g_autofree char *date = NULL;

      /* Someone who asks for C with LC_ALL gets it. */
      init_with ("LC_ALL", "C.UTF-8", "LANG", "en_GB.UTF-8", NULL);
      money = cm_money_format (12500050);
      date = format_date ("%x");
      g_assert_cmpstr (money, ==, "£125000.50");
      g_assert_cmpstr (date, ==, "03/02/26");
      return;
    }
  run_in_child ();
}

static void
test_welsh (void)
{
  if (!have_locale ("cy_GB.UTF-8"))
    {
      g_test_skip ("the cy_GB.UTF-8 locale is not installed (build-aux/dev.sh deps makes it)");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autofree char *money = NULL;
      g_autofree char *month = NULL;

      init_with ("LANG", "cy_GB.UTF-8", "LANGUAGE", "cy", NULL);
      money = cm_money_format (12500050);
      month = format_date ("%-d %B %Y");
      g_assert_cmpstr (setlocale (LC_TIME, NULL), ==, "cy_GB.UTF-8");
      g_assert_cmpstr (money, ==, "£125,000.50");
      g_assert_cmpstr (month, ==, "2 Mawrth 2026");
      return;
    }
  run_in_child ();
}

static void
test_welsh_numbers_with_c_time (void)
{
  if (!have_locale ("cy_GB.UTF-8"))
    {
      g_test_skip ("the cy_GB.UTF-8 locale is not installed (build-aux/dev.sh deps makes it)");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autofree char *month = NULL;

      /* A category the user set on purpose is kept, even to C. */
      init_with ("LANG", "cy_GB.UTF-8", "LC_TIME", "C.UTF-8", NULL);
      month = format_date ("%B");
      g_assert_cmpstr (month, ==, "March");
      g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, "cy_GB.UTF-8");
      return;
    }
  run_in_child ();
}

static void
test_is_c (void)
{
  g_assert_true (cm_locale_is_c ("C"));
  g_assert_true (cm_locale_is_c ("POSIX"));
  g_assert_true (cm_locale_is_c ("C.UTF-8"));
  g_assert_true (cm_locale_is_c ("C.utf8"));
  g_assert_true (cm_locale_is_c (NULL));
  g_assert_false (cm_locale_is_c ("en_GB.UTF-8"));
  g_assert_false (cm_locale_is_c ("cy_GB.utf8"));
  g_assert_false (cm_locale_is_c ("ca_ES.UTF-8"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/locale/is-c", test_is_c);
  g_test_add_func ("/locale/c-gives-en-gb", test_c_gives_en_gb);
  g_test_add_func ("/locale/unset-gives-en-gb", test_unset_gives_en_gb);
  g_test_add_func ("/locale/asked-for-c", test_asked_for_c);
  g_test_add_func ("/locale/welsh", test_welsh);
  g_test_add_func ("/locale/welsh-numbers-with-c-time", test_welsh_numbers_with_c_time);

  return g_test_run ();
}
