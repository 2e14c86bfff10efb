/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-document"

#include "config.h"

#include "cm-summary-document.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include "cm-export-file.h"
#include "cm-summary-private.h"

/* A page: the running header (title and what the document is) in the top
 * margin band, the body, and the footer (date, "Page N of M"). The body is
 * the same height on every page, the cover included, which leaves out the
 * header. */

#define DEFAULT_MARGIN_TOP    42.5   /* 15 mm */
#define DEFAULT_MARGIN_BOTTOM 42.5
#define DEFAULT_MARGIN_SIDE   56.7   /* 20 mm */
#define HEADER_BAND           26.0   /* from the top margin to the body */
#define FOOTER_BAND           26.0   /* from the body to the bottom margin */
#define MIN_BODY              120.0

struct _CmSummaryDocument
{
  gatomicrefcount   ref_count;
  CmSummaryModel   *model;
  CmSummaryOptions  options;
  CmSummaryFlow    *flow;
  char             *date_text;
  double            body_x;
  double            body_y;
  double            body_width;
  double            body_height;
};

G_DEFINE_BOXED_TYPE (CmSummaryDocument, cm_summary_document,
                     cm_summary_document_ref, cm_summary_document_unref)

void
cm_summary_options_init (CmSummaryOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->sections = CM_SUMMARY_SECTION_ALL;
  options->page_width = CM_SUMMARY_A4_WIDTH;
  options->page_height = CM_SUMMARY_A4_HEIGHT;
  options->margin_top = DEFAULT_MARGIN_TOP;
  options->margin_bottom = DEFAULT_MARGIN_BOTTOM;
  options->margin_left = DEFAULT_MARGIN_SIDE;
  options->margin_right = DEFAULT_MARGIN_SIDE;
  g_date_clear (&options->today, 1);
}

void
cm_summary_options_set_today (CmSummaryOptions *options,
                              GDateDay          day,
                              GDateMonth        month,
                              GDateYear         year)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (g_date_valid_dmy (day, month, year));

  g_date_clear (&options->today, 1);
  g_date_set_dmy (&options->today, day, month, year);
}

void
cm_summary_locale_paper_size (double *width,
                              double *height)
{
  gboolean letter = FALSE;

#ifdef __GLIBC__
  {
    /* glibc hands out LC_PAPER's sizes, in millimetres, as the "string". */
    union { unsigned int word; char *string; } w, h;

    w.string = nl_langinfo (_NL_PAPER_WIDTH);
    h.string = nl_langinfo (_NL_PAPER_HEIGHT);
    letter = w.word == 216 && h.word == 279;
  }
#endif

  if (width != NULL)
    *width = letter ? CM_SUMMARY_LETTER_WIDTH : CM_SUMMARY_A4_WIDTH;
  if (height != NULL)
    *height = letter ? CM_SUMMARY_LETTER_HEIGHT : CM_SUMMARY_A4_HEIGHT;
}

static void
sanitise_options (CmSummaryOptions *options)
{
  double min_side = 2 * MIN_BODY;

  if (!(options->page_width >= min_side) || !(options->page_height >= min_side))
    {
      options->page_width = CM_SUMMARY_A4_WIDTH;
      options->page_height = CM_SUMMARY_A4_HEIGHT;
    }

  /* Margins so wide they leave no body are shrunk to leave some. */
  options->margin_left = CLAMP (options->margin_left, 0, options->page_width / 4);
  options->margin_right = CLAMP (options->margin_right, 0, options->page_width / 4);
  options->margin_top = CLAMP (options->margin_top, 0, options->page_height / 6);
  options->margin_bottom = CLAMP (options->margin_bottom, 0, options->page_height / 6);
}

CmSummaryDocument *
cm_summary_document_new (CmSummaryModel         *model,
                         const CmSummaryOptions *options)
{
  CmSummaryDocument *self;
  CmSummaryOptions defaults;

  g_return_val_if_fail (model != NULL, NULL);

  if (options == NULL)
    {
      cm_summary_options_init (&defaults);
      options = &defaults;
    }

  self = g_new0 (CmSummaryDocument, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->model = model;
  self->options = *options;
  sanitise_options (&self->options);
  self->date_text = cm_summary_format_date (model->today);

  self->body_x = self->options.margin_left;
  self->body_y = self->options.margin_top + HEADER_BAND;
  self->body_width = self->options.page_width - self->options.margin_left -
                     self->options.margin_right;
  self->body_height = self->options.page_height - self->body_y -
                      self->options.margin_bottom - FOOTER_BAND;

  self->flow = cm_summary_flow_new (self->body_width);
  cm_summary_build_flow (self->flow, model, self->options.sections, self->body_height);
  cm_summary_flow_paginate (self->flow, self->body_height);

  return self;
}

/**
 * cm_summary_document_new_for_cycle:
 *
 * Gathers @cycle from @store (on the calling thread, which must own the
 * store) and lays out its summary.
 */
CmSummaryDocument *
cm_summary_document_new_for_cycle (CmStore                 *store,
                                   CmCycle                 *cycle,
                                   const CmSummaryOptions  *options,
                                   GError                 **error)
{
  CmSummaryModel *model;
  const GDate *today = NULL;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);
  g_return_val_if_fail (CM_IS_CYCLE (cycle), NULL);

  if (options != NULL && g_date_valid (&options->today))
    today = &options->today;

  model = cm_summary_model_gather (store, cycle, today, error);
  if (model == NULL)
    return NULL;

  return cm_summary_document_new (model, options);
}

CmSummaryDocument *
cm_summary_document_ref (CmSummaryDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  g_atomic_ref_count_inc (&document->ref_count);
  return document;
}

void
cm_summary_document_unref (CmSummaryDocument *document)
{
  if (document == NULL || !g_atomic_ref_count_dec (&document->ref_count))
    return;

  cm_summary_flow_free (document->flow);
  cm_summary_model_free (document->model);
  g_free (document->date_text);
  g_free (document);
}

const CmSummaryModel *
cm_summary_document_get_model (CmSummaryDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->model;
}

guint
cm_summary_document_get_n_pages (CmSummaryDocument *document)
{
  g_return_val_if_fail (document != NULL, 0);

  return cm_summary_flow_get_n_pages (document->flow);
}

void
cm_summary_document_get_page_size (CmSummaryDocument *document,
                                   double            *width,
                                   double            *height)
{
  g_return_if_fail (document != NULL);

  if (width != NULL)
    *width = document->options.page_width;
  if (height != NULL)
    *height = document->options.page_height;
}

static void
draw_running_text (CmSummaryDocument *self,
                   cairo_t           *cr,
                   const char        *text,
                   double             x,
                   double             y,
                   double             width,
                   PangoAlignment     alignment,
                   gboolean           bottom_aligned)
{
  g_autoptr(PangoLayout) layout = cm_summary_flow_create_layout (self->flow,
                                                                 CM_SUMMARY_TEXT_RUNNING);
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_get_extents (layout, NULL, &logical);

  cm_summary_flow_set_text_colour (cr, CM_SUMMARY_TEXT_RUNNING);
  cairo_move_to (cr, x, bottom_aligned ? y - pango_units_to_double (logical.height) : y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_chrome (CmSummaryDocument *self,
             cairo_t           *cr,
             guint              page,
             guint              n_pages)
{
  const CmSummaryOptions *o = &self->options;
  double left = self->body_x, width = self->body_width;
  double header_base = o->margin_top + HEADER_BAND * 0.55;
  double footer_top = o->page_height - o->margin_bottom - FOOTER_BAND * 0.55;
  g_autofree char *page_text = NULL;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);

  if (page > 0)
    {
      draw_running_text (self, cr, self->model->title, left, header_base, width * 0.62,
                         PANGO_ALIGN_LEFT, TRUE);
      draw_running_text (self, cr, _("Commissioning cycle summary"), left + width * 0.64,
                         header_base, width * 0.36, PANGO_ALIGN_RIGHT, TRUE);
      cairo_set_source_rgb (cr, 0.72, 0.74, 0.77);
      cairo_move_to (cr, left, header_base + 3.5);
      cairo_line_to (cr, left + width, header_base + 3.5);
      cairo_stroke (cr);
    }

  cairo_set_source_rgb (cr, 0.72, 0.74, 0.77);
  cairo_move_to (cr, left, footer_top - 3.5);
  cairo_line_to (cr, left + width, footer_top - 3.5);
  cairo_stroke (cr);

  draw_running_text (self, cr, self->date_text, left, footer_top, width * 0.5,
                     PANGO_ALIGN_LEFT, FALSE);
  /* Translators: in the footer of every page of a summary */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  draw_running_text (self, cr, page_text, left + width * 0.5, footer_top, width * 0.5,
                     PANGO_ALIGN_RIGHT, FALSE);

  cairo_restore (cr);
}

void
cm_summary_document_render_page (CmSummaryDocument *document,
                                 guint              page,
                                 cairo_t           *cr,
                                 gboolean           paint_paper)
{
  guint n_pages;

  g_return_if_fail (document != NULL);
  g_return_if_fail (cr != NULL);

  n_pages = cm_summary_flow_get_n_pages (document->flow);
  if (page >= n_pages)
    return;

  cairo_save (cr);
  if (paint_paper)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, document->options.page_width, document->options.page_height);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, document->body_x, document->body_y);
  cm_summary_flow_render_page (document->flow, page, cr);
  cairo_restore (cr);

  draw_chrome (document, cr, page, n_pages);
  cairo_restore (cr);
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  WriteClosure *write = closure;

  if (write->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (write->stream, data, length, NULL, NULL, &write->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline (CmSummaryDocument *self,
             cairo_surface_t   *surface)
{
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                     CAIRO_PDF_OUTLINE_ROOT };
  guint n = cm_summary_flow_get_n_outline (self->flow);

  for (guint i = 0; i < n; i++)
    {
      const char *text;
      guint level, page;
      double y;
      char x_text[G_ASCII_DTOSTR_BUF_SIZE], y_text[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *link = NULL;

      cm_summary_flow_get_outline (self->flow, i, &level, &text, &page, &y);
      level = CLAMP (level, 1, 3);
      g_ascii_formatd (x_text, sizeof x_text, "%.1f", self->body_x);
      g_ascii_formatd (y_text, sizeof y_text, "%.1f", self->body_y + y);
      link = g_strdup_printf ("page=%u pos=[%s %s]", page + 1, x_text, y_text);
      parents[level] = cairo_pdf_surface_add_outline (surface, parents[level - 1], text, link,
                                                      level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                                 : 0);
      for (guint deeper = level + 1; deeper < G_N_ELEMENTS (parents); deeper++)
        parents[deeper] = parents[level];
    }
}

gboolean
cm_summary_document_write_pdf (CmSummaryDocument  *document,
                               GOutputStream      *stream,
                               GError            **error)
{
  WriteClosure closure = { stream, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &closure,
                                                 document->options.page_width,
                                                 document->options.page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, document->model->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);

  cr = cairo_create (surface);
  n_pages = cm_summary_flow_get_n_pages (document->flow);
  for (guint i = 0; i < n_pages; i++)
    {
      cm_summary_document_render_page (document, i, cr, FALSE);
      cairo_show_page (cr);
    }
  add_outline (document, surface);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a technical reason from the drawing library */
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
cm_summary_export_pdf (CmStore                 *store,
                       CmCycle                 *cycle,
                       const CmSummaryOptions  *options,
                       const char              *path,
                       GError                 **error)
{
  g_autoptr(CmSummaryDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  CmExportFile export = { 0 };

  g_return_val_if_fail (CM_IS_STORE (store), FALSE);
  g_return_val_if_fail (CM_IS_CYCLE (cycle), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Open the file first: a path that cannot be written is reported before
   * any work is done. */
  if (!cm_export_file_open (&export, path, error))
    return FALSE;

  document = cm_summary_document_new_for_cycle (store, cycle, options, error);
  if (document == NULL)
    {
      cm_export_file_close (&export, FALSE, NULL);
      return FALSE;
    }

  if (!cm_summary_document_write_pdf (document, G_OUTPUT_STREAM (export.stream), &local_error))
    {
      g_set_error (error, G_IO_ERROR,
                   local_error->domain == G_IO_ERROR ? local_error->code : G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, local_error->message);
      cm_export_file_close (&export, FALSE, NULL);
      return FALSE;
    }

  return cm_export_file_close (&export, TRUE, error);
}
