/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-export-spec.h"

G_BEGIN_DECLS

/* A specification as a flat OpenDocument Text file (.fodt: the whole
 * document in one XML file), which LibreOffice and Word open and edit, for
 * tender packs that need an editable document. Headings use the standard
 * "Heading 1/2" styles (so they make an outline and a table of contents),
 * tables repeat their header rows, and paragraphs keep orphans and widows
 * of two lines. */

char     *cm_spec_export_to_fodt      (const CmSpecExport  *export);
gboolean  cm_export_spec_fodt_to_path (CmStore             *store,
                                       CmServiceSpec       *spec,
                                       const char          *path,
                                       GError             **error);

G_END_DECLS
