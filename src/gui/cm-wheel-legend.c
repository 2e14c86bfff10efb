/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-legend"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cm-wheel-legend.h"
#include "cm-wheel-painter.h"

/* The key to the wheel's statuses, drawn by the same painter as the
 * printed summary's key. It flows into as many rows as its width needs,
 * so it asks for its height for a given width. */

struct _CmWheelLegend
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CmWheelLegend, cm_wheel_legend, GTK_TYPE_WIDGET)

static const CmWheelPalette *
current_palette (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);

  if (adw_style_manager_get_high_contrast (style))
    return dark ? cm_wheel_palette_high_contrast_dark () : cm_wheel_palette_high_contrast ();

  return dark ? cm_wheel_palette_dark () : cm_wheel_palette_light ();
}

static GtkSizeRequestMode
cm_wheel_legend_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cm_wheel_legend_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
      return;
    }

  *minimum = *natural =
    (int) ceil (cm_wheel_painter_draw_legend (NULL, for_size > 0 ? for_size : 480,
                                              current_palette (), NULL));
}

static void
cm_wheel_legend_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cm_wheel_painter_draw_legend (cr, width, current_palette (), NULL);
  cairo_destroy (cr);
}

static void
cm_wheel_legend_class_init (CmWheelLegendClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = cm_wheel_legend_get_request_mode;
  widget_class->measure = cm_wheel_legend_measure;
  widget_class->snapshot = cm_wheel_legend_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cm_wheel_legend_init (CmWheelLegend *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Key to the wheel"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Grey: not started. Blue with a half disc: in progress. "
                                    "Green with a tick: done. Hatched: not applicable. "
                                    "A blue band marks the current stage."),
                                  -1);

  g_signal_connect_object (style, "notify::dark", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
cm_wheel_legend_new (void)
{
  return g_object_new (CM_TYPE_WHEEL_LEGEND, NULL);
}
