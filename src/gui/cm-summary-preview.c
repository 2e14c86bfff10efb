/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-preview"

#include "config.h"

#include "cm-summary-preview.h"

#include <glib/gi18n.h>
#include <math.h>

/* A sheet of paper at most MAX_WIDTH pixels wide, centred in the width
 * the list gives it, with a thin outline and a shadow so that white pages
 * stand out on a light background. */

#define MAX_WIDTH  760.0
#define MARGIN     12.0

struct _CmSummaryPreview
{
  GtkWidget          parent_instance;

  CmSummaryDocument *document;
  guint              page;
};

G_DEFINE_FINAL_TYPE (CmSummaryPreview, cm_summary_preview, GTK_TYPE_WIDGET)

static void
page_size (CmSummaryPreview *self,
           double           *width,
           double           *height)
{
  *width = CM_SUMMARY_A4_WIDTH;
  *height = CM_SUMMARY_A4_HEIGHT;
  if (self->document != NULL)
    cm_summary_document_get_page_size (self->document, width, height);
}

static void
update_label (CmSummaryPreview *self)
{
  g_autofree char *label = NULL;
  guint n_pages = self->document ? cm_summary_document_get_n_pages (self->document) : 0;

  /* A widget the list keeps for later shows no page and says none. */
  if (self->page < n_pages)
    /* Translators: the accessible name of a page in the summary preview */
    label = g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label ? label : "", -1);
}

static GtkSizeRequestMode
cm_summary_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cm_summary_preview_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CmSummaryPreview *self = CM_SUMMARY_PREVIEW (widget);
  double width, height, shown;

  page_size (self, &width, &height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = (int) MAX_WIDTH + 2 * MARGIN;
      return;
    }

  shown = MIN (for_size > 0 ? for_size - 2 * MARGIN : MAX_WIDTH, MAX_WIDTH);
  *minimum = *natural = (int) ceil (MAX (shown, 40.0) * height / width + 2 * MARGIN);
}

static void
cm_summary_preview_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CmSummaryPreview *self = CM_SUMMARY_PREVIEW (widget);
  double width, height, shown, scale, x;
  int widget_width = gtk_widget_get_width (widget);
  GskRoundedRect outline;
  graphene_rect_t bounds;
  cairo_t *cr;

  page_size (self, &width, &height);
  shown = MIN (widget_width - 2 * MARGIN, MAX_WIDTH);
  if (shown <= 1)
    return;
  scale = shown / width;
  x = floor ((widget_width - shown) / 2);
  bounds = GRAPHENE_RECT_INIT (x, MARGIN, shown, height * scale);

  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.25 },
                                     0, 1, 0, 4);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &bounds);

  if (self->document == NULL || self->page >= cm_summary_document_get_n_pages (self->document))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, x, MARGIN);
  cairo_scale (cr, scale, scale);
  cm_summary_document_render_page (self->document, self->page, cr, FALSE);
  cairo_destroy (cr);
}

static void
cm_summary_preview_finalize (GObject *object)
{
  CmSummaryPreview *self = CM_SUMMARY_PREVIEW (object);

  g_clear_pointer (&self->document, cm_summary_document_unref);

  G_OBJECT_CLASS (cm_summary_preview_parent_class)->finalize (object);
}

static void
cm_summary_preview_class_init (CmSummaryPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cm_summary_preview_finalize;
  widget_class->get_request_mode = cm_summary_preview_get_request_mode;
  widget_class->measure = cm_summary_preview_measure;
  widget_class->snapshot = cm_summary_preview_snapshot;

  gtk_widget_class_set_css_name (widget_class, "summary-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cm_summary_preview_init (CmSummaryPreview *self)
{
  update_label (self);
}

GtkWidget *
cm_summary_preview_new (void)
{
  return g_object_new (CM_TYPE_SUMMARY_PREVIEW, NULL);
}

void
cm_summary_preview_set_page (CmSummaryPreview  *self,
                             CmSummaryDocument *document,
                             guint              page)
{
  double old_width = 0, old_height = 0, width = 0, height = 0;

  g_return_if_fail (CM_IS_SUMMARY_PREVIEW (self));

  page_size (self, &old_width, &old_height);
  if (document != self->document)
    {
      g_clear_pointer (&self->document, cm_summary_document_unref);
      self->document = document ? cm_summary_document_ref (document) : NULL;
    }
  self->page = page;
  page_size (self, &width, &height);

  update_label (self);
  if (old_width != width || old_height != height)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cm_summary_preview_get_page (CmSummaryPreview *self)
{
  g_return_val_if_fail (CM_IS_SUMMARY_PREVIEW (self), 0);

  return self->page;
}
