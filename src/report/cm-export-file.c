/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-export-file"

#include "config.h"

#include "cm-export-file.h"

#include <glib/gi18n.h>

static void
set_write_error (GError     **error,
                 GFile       *file,
                 const GError *cause)
{
  g_autofree char *path = g_file_get_parse_name (file);

  g_set_error (error, cause->domain == G_IO_ERROR ? G_IO_ERROR : cause->domain, cause->code,
               /* Translators: the first %s is a file name, the second the reason */
               _("Could not write “%s”: %s"), path, cause->message);
}

gboolean
cm_export_file_open (CmExportFile  *export,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (export != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  export->file = g_file_new_for_path (path);
  export->existed = g_file_query_exists (export->file, NULL);
  /* An existing file is written beside and renamed over at the end. */
  export->stream = g_file_replace (export->file, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                   &local_error);
  if (export->stream == NULL)
    {
      set_write_error (error, export->file, local_error);
      g_clear_object (&export->file);
      return FALSE;
    }

  return TRUE;
}

gboolean
cm_export_file_close (CmExportFile  *export,
                      gboolean       keep,
                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (export != NULL, FALSE);

  if (export->stream == NULL)
    return FALSE;

  if (keep)
    {
      ok = g_output_stream_close (G_OUTPUT_STREAM (export->stream), NULL, &local_error);
      if (!ok)
        set_write_error (error, export->file, local_error);
    }
  else
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* A cancelled close leaves a file that existed as it was... */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (export->stream), cancel, NULL);
      ok = FALSE;
    }

  /* ...but a new file is written in place, so take away what was begun. */
  if (!ok && !export->existed)
    g_file_delete (export->file, NULL, NULL);

  g_clear_object (&export->stream);
  g_clear_object (&export->file);
  return ok;
}

gboolean
cm_export_write_file (const char  *path,
                      const char  *contents,
                      gsize        length,
                      GError     **error)
{
  CmExportFile export = { 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean written;

  if (!cm_export_file_open (&export, path, error))
    return FALSE;

  written = g_output_stream_write_all (G_OUTPUT_STREAM (export.stream), contents, length, NULL,
                                       NULL, &local_error);
  if (!written)
    set_write_error (error, export.file, local_error);

  return cm_export_file_close (&export, written, written ? error : NULL) && written;
}
