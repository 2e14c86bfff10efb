/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-print"

#include "config.h"

#include "cm-summary-print.h"

#include <errno.h>
#include <glib/gi18n.h>

/* The print operation lays the summary out for the page setup the dialog
 * hands it (paper, orientation, the printer's margins) and draws each page
 * with the same function as the preview and the PDF export, on the full
 * sheet, in points. */

#define SETTINGS_FILE      "print-settings.ini"
#define SETTINGS_GROUP     "Print Settings"
#define PAGE_SETUP_GROUP   "Page Setup"

static GtkPrintSettings *remembered_settings;
static GtkPageSetup     *remembered_page_setup;
static gboolean          loaded;

typedef struct
{
  CmStore            *store;
  CmCycle            *cycle;
  CmSummarySections   sections;
  CmSummaryDocument  *document;
  CmSummaryPrintDone  done;
  gpointer            user_data;
  GtkPageSetup       *used_page_setup;
  GError             *error;   /* gathering the summary failed */
  gboolean            remember; /* the person chose these settings */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->cycle);
  g_clear_pointer (&job->document, cm_summary_document_unref);
  g_clear_object (&job->used_page_setup);
  g_clear_error (&job->error);
  g_free (job);
}

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "commissioning", SETTINGS_FILE, NULL);
}

static void
load_settings (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = settings_path ();

  if (loaded)
    return;
  loaded = TRUE;

  /* A missing or damaged file just means the defaults. */
  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return;

  if (g_key_file_has_group (key_file, SETTINGS_GROUP))
    remembered_settings = gtk_print_settings_new_from_key_file (key_file, SETTINGS_GROUP, NULL);
  if (g_key_file_has_group (key_file, PAGE_SETUP_GROUP))
    remembered_page_setup = gtk_page_setup_new_from_key_file (key_file, PAGE_SETUP_GROUP, NULL);
}

static void
save_settings (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = settings_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  if (remembered_settings != NULL)
    gtk_print_settings_to_key_file (remembered_settings, key_file, SETTINGS_GROUP);
  if (remembered_page_setup != NULL)
    gtk_page_setup_to_key_file (remembered_page_setup, key_file, PAGE_SETUP_GROUP);

  /* Remembering is a convenience: failing to is not worth interrupting. */
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_key_file_save_to_file (key_file, path, &error))
    g_debug ("Could not remember the print settings: %s",
             error ? error->message : g_strerror (errno));
}

GtkPageSetup *
cm_summary_print_get_page_setup (void)
{
  GtkPageSetup *setup;
  GtkPaperSize *paper;

  load_settings ();
  if (remembered_page_setup != NULL)
    return gtk_page_setup_copy (remembered_page_setup);

  /* GTK picks the locale's paper: Letter where LC_PAPER says so. */
  setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (gtk_paper_size_get_default ());
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_paper_size_free (paper);
  return setup;
}

void
cm_summary_print_apply_page_setup (GtkPageSetup     *setup,
                                   CmSummaryOptions *options)
{
  CmSummaryOptions defaults;

  g_return_if_fail (GTK_IS_PAGE_SETUP (setup));
  g_return_if_fail (options != NULL);

  cm_summary_options_init (&defaults);
  options->page_width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  options->page_height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  options->margin_top = MAX (defaults.margin_top,
                             gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS));
  options->margin_bottom = MAX (defaults.margin_bottom,
                                gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS));
  options->margin_left = MAX (defaults.margin_left,
                              gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS));
  options->margin_right = MAX (defaults.margin_right,
                               gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  CmSummaryOptions options;

  cm_summary_options_init (&options);
  options.sections = job->sections;
  cm_summary_print_apply_page_setup (setup, &options);
  g_set_object (&job->used_page_setup, setup);

  job->document = cm_summary_document_new_for_cycle (job->store, job->cycle, &options,
                                                     &job->error);
  if (job->document == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation,
                                   (int) cm_summary_document_get_n_pages (job->document));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (job->document != NULL && page >= 0)
    cm_summary_document_render_page (job->document, (guint) page, cr, FALSE);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->remember)
    {
      g_set_object (&remembered_settings, gtk_print_operation_get_print_settings (operation));
      if (job->used_page_setup != NULL)
        {
          g_clear_object (&remembered_page_setup);
          remembered_page_setup = gtk_page_setup_copy (job->used_page_setup);
        }
      save_settings ();
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  if (error == NULL && job->error != NULL)
    error = g_steal_pointer (&job->error);

  if (job->done != NULL && error != NULL)
    job->done (error, job->user_data);

  print_job_free (job);
  g_object_unref (operation);
}

static GtkPrintOperation *
new_operation (CmStore            *store,
               CmCycle            *cycle,
               CmSummarySections   sections,
               CmSummaryPrintDone  done,
               gpointer            user_data)
{
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPrintOperation *operation;
  PrintJob *job;

  load_settings ();
  setup = cm_summary_print_get_page_setup ();

  job = g_new0 (PrintJob, 1);
  job->store = g_object_ref (store);
  job->cycle = g_object_ref (cycle);
  job->sections = sections;
  job->done = done;
  job->user_data = user_data;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, cm_cycle_get_title (cycle));
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (remembered_settings != NULL)
    gtk_print_operation_set_print_settings (operation, remembered_settings);
  /* Paper and orientation are chosen in the print dialog itself. */
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The summary keeps its own margins, at least as wide as the printer's. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);

  g_object_set_data (G_OBJECT (operation), "cm-print-job", job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  /* "done" is emitted however the operation ends; it reports errors and
   * frees the job and the operation. */
  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);

  return operation;
}

void
cm_summary_print (GtkWidget          *widget,
                  CmStore            *store,
                  CmCycle            *cycle,
                  CmSummarySections   sections,
                  CmSummaryPrintDone  done,
                  gpointer            user_data)
{
  GtkPrintOperation *operation;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (CM_IS_STORE (store));
  g_return_if_fail (CM_IS_CYCLE (cycle));

  operation = new_operation (store, cycle, sections, done, user_data);
  ((PrintJob *) g_object_get_data (G_OBJECT (operation), "cm-print-job"))->remember = TRUE;
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  root = gtk_widget_get_root (widget);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);
}

gboolean
cm_summary_print_to_file (CmStore            *store,
                          CmCycle            *cycle,
                          CmSummarySections   sections,
                          const char         *path,
                          GError            **error)
{
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;

  g_return_val_if_fail (CM_IS_STORE (store), FALSE);
  g_return_val_if_fail (CM_IS_CYCLE (cycle), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = new_operation (store, cycle, sections, NULL, NULL);
  gtk_print_operation_set_export_filename (operation, path);
  /* The operation is freed by "done", emitted before run returns; keep it
   * alive to read the error. */
  g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  g_object_unref (operation);

  return result == GTK_PRINT_OPERATION_RESULT_APPLY;
}
