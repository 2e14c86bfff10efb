/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writing an export so that a failure leaves nothing half-written: an
 * existing file is replaced only when the new one is complete, and a new
 * file that could not be finished is removed again. Errors name the file. */

typedef struct
{
  GFile             *file;
  GFileOutputStream *stream;
  gboolean           existed;
} CmExportFile;

gboolean cm_export_file_open  (CmExportFile  *export,
                               const char    *path,
                               GError       **error);
/* With @keep FALSE (the writing failed) the file is left as it was before. */
gboolean cm_export_file_close (CmExportFile  *export,
                               gboolean       keep,
                               GError       **error);

/* Writes @contents to @path in one go, in the same way. */
gboolean cm_export_write_file (const char    *path,
                               const char    *contents,
                               gsize          length,
                               GError       **error);

G_END_DECLS
