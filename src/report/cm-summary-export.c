/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-export"

#include "config.h"

#include "cm-summary-export.h"

#include <glib/gi18n.h>

#include "cm-summary-document.h"

static void
print_error (const char *message)
{
  const char *name = g_get_prgname ();

  g_printerr ("%s: %s\n", name != NULL ? name : "commissioning", message);
}

int
cm_summary_run_export (const char *database_path,
                       const char *cycle_title_or_id,
                       const char *output_path)
{
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  CmSummaryOptions options;

  if (cycle_title_or_id == NULL || *cycle_title_or_id == '\0')
    {
      print_error (_("Say which cycle to summarise: --export-summary \"CYCLE TITLE OR NUMBER\"."));
      return CM_SUMMARY_EXIT_USAGE;
    }
  if (output_path == NULL || *output_path == '\0')
    {
      print_error (_("Say where to write the summary: --output FILE.pdf."));
      return CM_SUMMARY_EXIT_USAGE;
    }

  if (database_path == NULL)
    database_path = default_path = cm_store_default_path ();

  /* Opening a path that does not exist would create an empty database. */
  if (!g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("There is no database at “%s”. Check the path given with "
                                   "--database."), database_path);
      print_error (message);
      return CM_SUMMARY_EXIT_NO_DATABASE;
    }

  /* The application may have the file open, with things in the trash it
   * can still bring back. */
  store = cm_store_open_keeping_trash (database_path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return CM_SUMMARY_EXIT_NO_DATABASE;
    }

  cycle = cm_store_find_cycle (store, cycle_title_or_id, &error);
  if (cycle == NULL)
    {
      print_error (error->message);
      return g_error_matches (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND)
             ? CM_SUMMARY_EXIT_NO_CYCLE : CM_SUMMARY_EXIT_FAILED;
    }

  cm_summary_options_init (&options);
  cm_summary_locale_paper_size (&options.page_width, &options.page_height);

  if (!cm_summary_export_pdf (store, cycle, &options, output_path, &error))
    {
      print_error (error->message);
      return error->domain == G_IO_ERROR ? CM_SUMMARY_EXIT_CANNOT_WRITE : CM_SUMMARY_EXIT_FAILED;
    }

  return CM_SUMMARY_EXIT_OK;
}
