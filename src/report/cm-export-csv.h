/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* Contributions as CSV for people who work in a spreadsheet: RFC 4180
 * (fields quoted when they hold a comma, a quote or a line break, quotes
 * doubled, CRLF between records), UTF-8 with a byte order mark, one header
 * row. A speaker is named only with named consent (otherwise their role),
 * and a column says whether each contribution may be quoted. */

/* Appends @value as one field, quoted as needed, preceded by a comma unless
 * it is the first of its record. A value that a spreadsheet would read as a
 * formula (it starts with =, +, -, @, a tab or a carriage return) is
 * prefixed with an apostrophe. */
void      cm_csv_append_field            (GString        *record,
                                          const char     *value,
                                          gboolean        first);

/* @workshop_id 0 for every workshop of the cycle @cycle_id. */
gboolean  cm_export_contributions_csv    (CmStore        *store,
                                          gint64          cycle_id,
                                          gint64          workshop_id,
                                          GOutputStream  *stream,
                                          GError        **error);
/* Writes to @path, replacing the file only once everything is written. */
gboolean  cm_export_contributions_csv_to_path
                                         (CmStore        *store,
                                          gint64          cycle_id,
                                          gint64          workshop_id,
                                          const char     *path,
                                          GError        **error);

G_END_DECLS
