/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-export-spec.h"

G_BEGIN_DECLS

/* A specification as one self-contained HTML file for a tender pack:
 * styled for the screen and for print (A4, headings kept with their text,
 * table headers repeated), every piece of text escaped. */

char     *cm_spec_export_to_html      (const CmSpecExport  *export);
gboolean  cm_export_spec_html_to_path (CmStore             *store,
                                       CmServiceSpec       *spec,
                                       const char          *path,
                                       GError             **error);

G_END_DECLS
