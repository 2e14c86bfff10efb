/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "commissioning"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-application.h"
#include "cm-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CmApplication) app = NULL;

  /* The user's locale, with en_GB for dates and numbers in place of C;
   * GTK must not set it again from the environment. */
  cm_locale_init ();
  gtk_disable_setlocale ();
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cm_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
