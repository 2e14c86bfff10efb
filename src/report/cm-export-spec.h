/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-demand.h"
#include "cm-store.h"
#include "cm-summary-model.h"

G_BEGIN_DECLS

/* A specification gathered for export as a document (HTML, OpenDocument):
 * plain data, with consent applied to the contributions sections cite. */

typedef struct
{
  char *label;
  char *value;
} CmSpecExportFact;

typedef struct
{
  char      *title;
  char      *body;
  GPtrArray *quotes;   /* of CmSummaryQuote: the citations that may be quoted */
} CmSpecExportSection;

typedef struct
{
  char *measure;
  char *target;
  char *frequency;
  char *source;
} CmSpecExportKpi;

typedef struct
{
  char           *title;
  char           *cycle_title;    /* "" when the cycle cannot be read */
  char           *status;
  char           *date;           /* when the document was made */
  GPtrArray      *facts;          /* of CmSpecExportFact */
  GPtrArray      *sections;       /* of CmSpecExportSection */
  GPtrArray      *kpis;           /* of CmSpecExportKpi */
  CmDemandInputs *demand_inputs;  /* NULL with no demand model */
  CmDemandResult *demand_result;
} CmSpecExport;

CmSpecExport *cm_spec_export_gather (CmStore        *store,
                                     CmServiceSpec  *spec,
                                     GError        **error);
void          cm_spec_export_free   (CmSpecExport   *export);

/* Splits a section's text into paragraphs at blank lines; each paragraph
 * keeps its single line breaks. */
GStrv         cm_spec_export_split_paragraphs (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSpecExport, cm_spec_export_free)

G_END_DECLS
