/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-export-csv.h"
#include "cm-export-file.h"
#include "cm-summary-page-private.h"
#include "cm-summary-print.h"
#include "cm-toast.h"

/* The Summary page's actions: Print, the PDF and CSV exports (written on a
 * worker thread into a file chosen by the person), and moving between the
 * options and the preview on a narrow screen. */

/* The cycle's title made fit for a file name. */
static char *
file_name_title (CmSummaryPage *self)
{
  g_autofree char *title = g_strdup (self->cycle ? cm_cycle_get_title (self->cycle) : "");

  g_strdelimit (title, "/\\:*?\"<>|", '-');
  g_strstrip (title);
  return *title != '\0' ? g_steal_pointer (&title) : g_strdup (_("Cycle"));
}

static void
on_print_done (GError   *error,
               gpointer  user_data)
{
  g_autoptr(CmSummaryPage) self = user_data;
  g_autofree char *message = NULL;

  if (error == NULL)
    return;

  /* Translators: %s is the reason printing failed */
  message = g_strdup_printf (_("Could not print: %s"), error->message);
  cm_toast_show_message (GTK_WIDGET (self), message);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (widget);

  if (self->cycle == NULL)
    return;

  cm_summary_print (widget, self->store, self->cycle, self->sections, on_print_done,
                    g_object_ref (self));
}

typedef struct
{
  char              *path;
  CmSummaryModel    *model;
  CmSummaryOptions   options;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_free (job->path);
  cm_summary_model_free (job->model);
  g_free (job);
}

static void
export_pdf_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PdfJob *job = task_data;
  g_autoptr(CmSummaryDocument) document = NULL;
  g_autoptr(GError) write_error = NULL;
  CmExportFile export = { 0 };
  GError *error = NULL;
  gboolean written;

  if (!cm_export_file_open (&export, job->path, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  document = cm_summary_document_new (g_steal_pointer (&job->model), &job->options);
  written = cm_summary_document_write_pdf (document, G_OUTPUT_STREAM (export.stream),
                                           &write_error);
  if (!written)
    {
      cm_export_file_close (&export, FALSE, NULL);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               /* Translators: the first %s is a file name, the second the
                                * reason */
                               _("Could not write “%s”: %s"), job->path, write_error->message);
      return;
    }

  if (!cm_export_file_close (&export, TRUE, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_pdf_exported (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (object);
  PdfJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup (error->message);
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Summary saved as “%s”"), name);
  cm_toast_show_message (GTK_WIDGET (self), message);
}

static void
on_pdf_chosen (GtkNativeDialog *dialog,
               int              response,
               CmSummaryPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  PdfJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL || self->cycle == NULL)
    return;
  if (g_file_get_path (file) == NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self),
                             _("Choose a folder on this computer to save the summary in."));
      return;
    }

  job = g_new0 (PdfJob, 1);
  job->path = g_file_get_path (file);
  cm_summary_page_layout_options (self, &job->options);
  job->model = cm_summary_model_gather (self->store, self->cycle, NULL, &error);
  if (job->model == NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      pdf_job_free (job);
      return;
    }

  task = g_task_new (self, NULL, on_pdf_exported, NULL);
  g_task_set_source_tag (task, on_pdf_chosen);
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);
  g_task_run_in_thread (task, export_pdf_thread);
}

static GtkFileChooserNative *
new_save_dialog (CmSummaryPage *self,
                 const char    *title,
                 const char    *file_name,
                 const char    *filter_name,
                 const char    *mime_type)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  return dialog;
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GtkFileChooserNative *dialog;

  if (self->cycle == NULL)
    return;

  title = file_name_title (self);
  /* Translators: the suggested file name of a summary; %s is the cycle's title */
  name = g_strdup_printf (_("%s — summary.pdf"), title);
  dialog = new_save_dialog (self, _("Export Summary as PDF"), name, _("PDF documents"),
                            "application/pdf");
  g_signal_connect (dialog, "response", G_CALLBACK (on_pdf_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_csv_chosen (GtkNativeDialog *dialog,
               int              response,
               CmSummaryPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL || self->cycle == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self),
                             _("Choose a folder on this computer to save the file in."));
      return;
    }

  name = g_path_get_basename (path);
  if (!cm_export_contributions_csv_to_path (self->store, cm_cycle_get_id (self->cycle), 0, path,
                                            &error))
    cm_toast_show_message (GTK_WIDGET (self), error->message);
  else
    {
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Contributions saved as “%s”"), name);
      cm_toast_show_message (GTK_WIDGET (self), message);
    }
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GtkFileChooserNative *dialog;

  if (self->cycle == NULL)
    return;

  title = file_name_title (self);
  /* Translators: the suggested file name of the contributions export; %s
   * is the cycle's title */
  name = g_strdup_printf (_("%s — contributions.csv"), title);
  dialog = new_save_dialog (self, _("Export Contributions as CSV"), name,
                            _("CSV spreadsheets"), "text/csv");
  g_signal_connect (dialog, "response", G_CALLBACK (on_csv_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
show_preview_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_list));
}

static void
show_options_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
cm_summary_page_update_actions (CmSummaryPage *self)
{
  gboolean have_cycle = self->cycle != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.print", have_cycle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.export-pdf", have_cycle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.export-csv", have_cycle);
}

void
cm_summary_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "summary.export-pdf", NULL,
                                   export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "summary.export-csv", NULL,
                                   export_csv_activated);
  gtk_widget_class_install_action (widget_class, "summary.show-preview", NULL,
                                   show_preview_activated);
  gtk_widget_class_install_action (widget_class, "summary.show-options", NULL,
                                   show_options_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "summary.print", NULL);
}
