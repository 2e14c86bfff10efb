/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-bench-wheel"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "cm-cycle-wheel.h"
#include "cm-template.h"
#include "cm-wheel-painter.h"

/* How long the wheel takes to paint at 1000×1000 px: the painter drawing
 * everything (what a resize or the printed summary costs), and a frame of
 * the on-screen widget (which keeps the painted wheel and redraws only the
 * hover, selection and focus on top). A cairo circle of the same size is
 * the baseline from the same run. Run under a display for the widget:
 *
 *   xvfb-run -a build/bench/cm-bench-wheel */

#define SIZE 1000
#define SAMPLES 200

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *name,
        GArray     *samples)
{
  g_array_sort (samples, compare_doubles);
  g_print ("%-52s %5u %8.3f %8.3f %8.3f\n", name, samples->len,
           g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, (guint) (samples->len * 0.99)),
           g_array_index (samples, double, samples->len - 1));
}

static GListStore *
make_activities (void)
{
  g_autoptr(GPtrArray) template = cm_template_load_default (NULL);
  GListStore *activities = g_list_store_new (CM_TYPE_ACTIVITY);

  for (guint i = 0; i < template->len; i++)
    {
      CmTemplateActivity *item = g_ptr_array_index (template, i);
      g_autoptr(CmActivity) activity = cm_activity_new ();

      cm_activity_set_id (activity, i + 1);
      cm_activity_set_stage (activity, item->stage);
      cm_activity_set_ring (activity, item->ring);
      cm_activity_set_position (activity, item->position);
      cm_activity_set_title (activity, item->title);
      cm_activity_set_status (activity, (CmActivityStatus) (i % CM_N_ACTIVITY_STATUSES));
      g_list_store_append (activities, activity);
    }

  return activities;
}

static double
paint_once (CmWheelModel    *model,
            cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);
  gint64 start = g_get_monotonic_time ();

  cm_wheel_painter_draw (cr, model, SIZE, SIZE, cm_wheel_palette_light (), NULL);
  cairo_surface_flush (surface);
  cairo_destroy (cr);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
circle_once (cairo_surface_t *surface)
{
  cairo_t *cr = cairo_create (surface);
  gint64 start = g_get_monotonic_time ();

  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_arc (cr, SIZE / 2.0, SIZE / 2.0, SIZE / 2.0 - 10, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_surface_flush (surface);
  cairo_destroy (cr);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* A frame: the widget's snapshot, rendered to pixels by the window's
 * renderer, as GTK does for each frame on screen. */
static double
widget_frame_once (GtkWidget *wheel)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (wheel));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkTexture *texture;
  GskRenderNode *node;
  gint64 start = g_get_monotonic_time ();

  GTK_WIDGET_GET_CLASS (wheel)->snapshot (wheel, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, SIZE, SIZE));
  g_clear_pointer (&node, gsk_render_node_unref);
  g_clear_object (&texture);

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListStore) activities = NULL;
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) circle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(CmWheelModel) model = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();
  cairo_surface_t *surface;
  gboolean have_display;

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  activities = make_activities ();
  cm_cycle_set_title (cycle, "Independent advocacy 2026–2029");
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);

  for (guint i = 0; i < SAMPLES; i++)
    {
      double ms;

      /* A fresh model lays its labels out again, as after a resize. */
      g_autoptr(CmWheelModel) fresh = cm_wheel_model_new (cm_cycle_get_title (cycle),
                                                          CM_STAGE_PLAN,
                                                          G_LIST_MODEL (activities));
      ms = paint_once (fresh, surface);
      g_array_append_val (cold, ms);
      ms = circle_once (surface);
      g_array_append_val (circle, ms);
    }

  model = cm_wheel_model_new (cm_cycle_get_title (cycle), CM_STAGE_PLAN,
                              G_LIST_MODEL (activities));
  paint_once (model, surface);
  for (guint i = 0; i < SAMPLES; i++)
    {
      double ms = paint_once (model, surface);
      g_array_append_val (warm, ms);
    }

  if (have_display)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *wheel = cm_cycle_wheel_new ();

      cm_cycle_wheel_set_cycle (CM_CYCLE_WHEEL (wheel), cycle);
      cm_cycle_wheel_set_activities (CM_CYCLE_WHEEL (wheel), G_LIST_MODEL (activities));
      gtk_window_set_child (GTK_WINDOW (window), wheel);
      gtk_window_set_default_size (GTK_WINDOW (window), SIZE, SIZE);
      gtk_window_present (GTK_WINDOW (window));
      while (gtk_widget_get_width (wheel) < SIZE / 2)
        g_main_context_iteration (NULL, TRUE);
      for (guint i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);

      widget_frame_once (wheel);
      for (guint i = 0; i < SAMPLES; i++)
        {
          double ms = widget_frame_once (wheel);
          g_array_append_val (frames, ms);
        }

      /* A status change: the next frame paints the wheel again. */
      for (guint i = 0; i < SAMPLES; i++)
        {
          g_autoptr(CmActivity) activity =
            g_list_model_get_item (G_LIST_MODEL (activities), i % 24);
          double ms;

          cm_activity_set_status (activity, (cm_activity_get_status (activity) + 1) %
                                            CM_N_ACTIVITY_STATUSES);
          while (g_main_context_iteration (NULL, FALSE))
            ;
          ms = widget_frame_once (wheel);
          g_array_append_val (changed, ms);
        }

      g_print ("widget size: %d×%d px\n", gtk_widget_get_width (wheel),
               gtk_widget_get_height (wheel));
      gtk_window_destroy (GTK_WINDOW (window));
    }

  g_print ("\nwheel at %d×%d px (ms)                                  n      p50      p99      max\n",
           SIZE, SIZE);
  report ("baseline: one cairo circle", circle);
  report ("painter, labels laid out again (resize, print)", cold);
  report ("painter, same layout (repaint)", warm);
  if (have_display)
    {
      report ("widget frame, wheel unchanged (hover, selection)", frames);
      report ("widget frame right after a status change", changed);
      g_print ("\ntarget: under 2 ms per frame: %s\n",
               g_array_index (frames, double, (guint) (frames->len * 0.99)) < 2.0 ? "met"
                                                                                : "MISSED");
    }
  else
    g_print ("(no display: widget frames not measured; run under xvfb-run)\n");

  cairo_surface_destroy (surface);
  return 0;
}
