/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cm-store.h"
#include "cm-summary-model.h"

G_BEGIN_DECLS

/* The cycle summary a manager takes to a board: laid out with cairo and
 * Pango only, so the same pages go to the screen's preview, to a printer
 * through GTK's print operation, and to a PDF written with no display.
 *
 * Build a CmSummaryDocument from a CmSummaryModel (gathered on the thread
 * that owns the store) and options; building may run on another thread.
 * Afterwards use it from one thread at a time. */

typedef enum /*< flags >*/
{
  CM_SUMMARY_SECTION_NONE       = 0,
  CM_SUMMARY_SECTION_WHEEL      = 1 << 0,  /* the wheel and its key on the cover */
  CM_SUMMARY_SECTION_PROGRESS   = 1 << 1,  /* counts by stage and ring */
  CM_SUMMARY_SECTION_ACTIVITIES = 1 << 2,  /* the table of every activity */
  CM_SUMMARY_SECTION_SPECS      = 1 << 3,
  CM_SUMMARY_SECTION_WORKSHOPS  = 1 << 4,
  CM_SUMMARY_SECTION_YOU_SAID   = 1 << 5,  /* "You said, we did" */
  CM_SUMMARY_SECTION_EVIDENCE   = 1 << 6,  /* the appendix of evidence notes */
} CmSummarySections;

#define CM_SUMMARY_SECTION_ALL ((CmSummarySections) 0x7f)

/* Paper sizes in points. */
#define CM_SUMMARY_A4_WIDTH      595.2756
#define CM_SUMMARY_A4_HEIGHT     841.8898
#define CM_SUMMARY_LETTER_WIDTH  612.0
#define CM_SUMMARY_LETTER_HEIGHT 792.0

typedef struct
{
  CmSummarySections sections;
  double            page_width;     /* points */
  double            page_height;
  double            margin_top;     /* from the paper's edge to the running header */
  double            margin_bottom;  /* from the paper's edge to the footer */
  double            margin_left;
  double            margin_right;
  GDate             today;          /* the date printed, and what "overdue" is relative
                                     * to; cleared (g_date_clear) for today's date */
} CmSummaryOptions;

void        cm_summary_options_init          (CmSummaryOptions        *options);
void        cm_summary_options_set_today     (CmSummaryOptions        *options,
                                              GDateDay                 day,
                                              GDateMonth               month,
                                              GDateYear                year);
/* The paper the current locale's LC_PAPER asks for: US Letter or A4. */
void        cm_summary_locale_paper_size     (double                  *width,
                                              double                  *height);

typedef struct _CmSummaryDocument CmSummaryDocument;

#define CM_TYPE_SUMMARY_DOCUMENT (cm_summary_document_get_type ())

GType              cm_summary_document_get_type      (void) G_GNUC_CONST;
/* Takes @model. */
CmSummaryDocument *cm_summary_document_new           (CmSummaryModel          *model,
                                                      const CmSummaryOptions  *options);
CmSummaryDocument *cm_summary_document_new_for_cycle (CmStore                 *store,
                                                      CmCycle                 *cycle,
                                                      const CmSummaryOptions  *options,
                                                      GError                 **error);
CmSummaryDocument *cm_summary_document_ref           (CmSummaryDocument       *document);
void               cm_summary_document_unref         (CmSummaryDocument       *document);

const CmSummaryModel *cm_summary_document_get_model  (CmSummaryDocument       *document);
guint              cm_summary_document_get_n_pages   (CmSummaryDocument       *document);
void               cm_summary_document_get_page_size (CmSummaryDocument       *document,
                                                      double                  *width,
                                                      double                  *height);
/* Draws page @page (from 0) into @cr with the paper's top-left corner at
 * (0, 0), one unit to the point; paints the paper white first when
 * @paint_paper. */
void               cm_summary_document_render_page   (CmSummaryDocument       *document,
                                                      guint                    page,
                                                      cairo_t                 *cr,
                                                      gboolean                 paint_paper);
gboolean           cm_summary_document_write_pdf     (CmSummaryDocument       *document,
                                                      GOutputStream           *stream,
                                                      GError                 **error);

/* Writes the summary of @cycle as a PDF at @path, replacing the file only
 * once the whole document is written. Needs no display. Errors writing
 * the file are in G_IO_ERROR; errors reading the store in CM_STORE_ERROR. */
gboolean           cm_summary_export_pdf             (CmStore                 *store,
                                                      CmCycle                 *cycle,
                                                      const CmSummaryOptions  *options,
                                                      const char              *path,
                                                      GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSummaryDocument, cm_summary_document_unref)

G_END_DECLS
