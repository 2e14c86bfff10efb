/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-bench-wheel"

#include "config.h"

#include <adwaita.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>

#include "cm-cycle-wheel.h"
#include "cm-template.h"
#include "cm-wheel-painter.h"

/* How long the wheel takes to paint at 1000×1000 px: the painter drawing
 * everything (what a resize or the printed summary costs), and frames of the
 * on-screen widget. A cairo circle of the same size is the painter's
 * baseline from the same run.
 *
 * A widget frame is the widget's own work (handling the change, then its
 * snapshot) plus what the window's renderer spends on the widget's render
 * nodes. Rendering nodes to a texture also costs the renderer a fixed amount
 * for the texture itself (on GL, reading the pixels back), which a frame on
 * screen does not pay; so each sample also renders a plain colour node of the
 * same size with the same renderer, and the frame counts only what rendering
 * the widget costs beyond that. Both renderings are reported, and so is, for
 * reference, the same for a ready-made 1000×1000 texture of the wheel: what
 * showing any picture that size costs the renderer. Run under a display for
 * the widget, with either renderer:
 *
 *   xvfb-run -a build/bench/cm-bench-wheel
 *   GSK_RENDERER=cairo xvfb-run -a build/bench/cm-bench-wheel */

#define SIZE 1000
#define SAMPLES 200
#define TARGET_MS 2.0

typedef struct
{
  const char *name;
  GArray     *work;    /* the widget's own: the change, then the snapshot */
  GArray     *render;  /* the widget's nodes, rendered */
  GArray     *plain;   /* a colour node of the same size, rendered */
  GArray     *frame;   /* work + render - plain */
} Frames;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, MIN (samples->len - 1, (guint) (samples->len * p)));
}

static void
report (const char *name,
        GArray     *samples)
{
  g_print ("%-52s %5u %8.3f %8.3f %8.3f\n", name, samples->len,
           percentile (samples, 0.5), percentile (samples, 0.99),
           percentile (samples, 1.0));
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

/* A status change painted over the image of the wheel before it, as the
 * widget does. */
static double
change_once (CmWheelModel    **model,
             GListStore       *activities,
             guint             i,
             cairo_surface_t  *surface)
{
  g_autoptr(CmActivity) activity = g_list_model_get_item (G_LIST_MODEL (activities), i % 24);
  CmWheelModel *next;
  cairo_t *cr;
  gint64 start;

  cm_activity_set_status (activity, (cm_activity_get_status (activity) + 1) %
                                    CM_N_ACTIVITY_STATUSES);

  start = g_get_monotonic_time ();
  next = cm_wheel_model_new (cm_wheel_model_get_title (*model), CM_STAGE_PLAN,
                             G_LIST_MODEL (activities));
  cm_wheel_model_reuse_layout (next, *model);
  cr = cairo_create (surface);
  if (!cm_wheel_painter_draw_changes (cr, next, *model, SIZE, SIZE, cm_wheel_palette_light (),
                                      NULL, NULL))
    cm_wheel_painter_draw (cr, next, SIZE, SIZE, cm_wheel_palette_light (), NULL);
  cairo_surface_flush (surface);
  cairo_destroy (cr);
  start = g_get_monotonic_time () - start;

  cm_wheel_model_unref (*model);
  *model = next;
  return start / 1000.0;
}

static void
frames_init (Frames     *frames,
             const char *name)
{
  frames->name = name;
  frames->work = g_array_new (FALSE, FALSE, sizeof (double));
  frames->render = g_array_new (FALSE, FALSE, sizeof (double));
  frames->plain = g_array_new (FALSE, FALSE, sizeof (double));
  frames->frame = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
frames_clear (Frames *frames)
{
  g_array_unref (frames->work);
  g_array_unref (frames->render);
  g_array_unref (frames->plain);
  g_array_unref (frames->frame);
}

static double
render_once (GskRenderer   *renderer,
             GskRenderNode *node)
{
  GdkTexture *texture;
  gint64 start = g_get_monotonic_time ();

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, SIZE, SIZE));
  g_object_unref (texture);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The rest of a frame whose change (if any) took @change_ms: the widget's
 * snapshot (or a ready-made @texture's), then its nodes rendered by the
 * window's renderer, beside a plain colour node of the same size (the two in
 * turns, so that neither always goes first). */
static void
finish_frame (Frames     *frames,
              GtkWidget  *wheel,
              GdkTexture *texture,
              double      change_ms)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (wheel));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node, *plain;
  double work, render, plain_ms, frame;
  gint64 start = g_get_monotonic_time ();

  if (texture != NULL)
    gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, SIZE, SIZE));
  else
    GTK_WIDGET_GET_CLASS (wheel)->snapshot (wheel, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  work = change_ms + (g_get_monotonic_time () - start) / 1000.0;

  plain = gsk_color_node_new (&(GdkRGBA) { 0.5, 0.5, 0.5, 1.0 },
                              &GRAPHENE_RECT_INIT (0, 0, SIZE, SIZE));
  if (frames->work->len % 2 == 0)
    {
      plain_ms = render_once (renderer, plain);
      render = node != NULL ? render_once (renderer, node) : 0.0;
    }
  else
    {
      render = node != NULL ? render_once (renderer, node) : 0.0;
      plain_ms = render_once (renderer, plain);
    }
  frame = work + MAX (0.0, render - plain_ms);

  g_array_append_val (frames->work, work);
  g_array_append_val (frames->render, render);
  g_array_append_val (frames->plain, plain_ms);
  g_array_append_val (frames->frame, frame);

  g_clear_pointer (&node, gsk_render_node_unref);
  gsk_render_node_unref (plain);

  /* Let GTK draw its own frame now, outside what is measured. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
report_frames (Frames *frames)
{
  g_print ("%-44s %4u %7.3f %7.3f  %7.3f %7.3f  %7.3f %7.3f  %7.3f %7.3f\n",
           frames->name, frames->frame->len,
           percentile (frames->work, 0.5), percentile (frames->work, 0.99),
           percentile (frames->render, 0.5), percentile (frames->render, 0.99),
           percentile (frames->plain, 0.5), percentile (frames->plain, 0.99),
           percentile (frames->frame, 0.5), percentile (frames->frame, 0.99));
}

/* A 1000×1000 texture of the wheel, as a widget showing a picture of it
 * would have. */
static GdkTexture *
make_wheel_texture (CmWheelModel *model)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  g_autoptr(GBytes) bytes = NULL;

  paint_once (model, surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * SIZE,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (SIZE, SIZE, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static GtkEventController *
find_motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }
  return NULL;
}

/* The middle of the @n-th segment, counting through both rings. */
static void
segment_point (CmWheelModel *model,
               guint         n,
               double       *x,
               double       *y)
{
  CmWheelGeometry geometry;
  CmWheelSector sector;
  CmWheelHit hit = { CM_WHEEL_HIT_SEGMENT, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 0 };
  guint total[CM_N_RINGS] = { 0, 0 };

  cm_wheel_model_get_geometry (model, SIZE, SIZE, &geometry);
  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      total[r] += geometry.counts[s][r];

  hit.ring = n % 2 == 0 ? CM_RING_COMMISSIONING : CM_RING_PROCUREMENT;
  n = (n / 2) % MAX (1, total[hit.ring]);
  for (guint s = 0; s < CM_N_STAGES; s++)
    {
      if (n < geometry.counts[s][hit.ring])
        {
          hit.stage = (CmStage) s;
          hit.index = n;
          break;
        }
      n -= geometry.counts[s][hit.ring];
    }

  cm_wheel_geometry_get_sector (&geometry, &hit, &sector);
  cm_wheel_geometry_sector_point (&geometry, &sector, 0.5, 0.5, x, y);
}

/* Runs the main loop for @ms milliseconds. */
static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
measure_widget (GListStore   *activities,
                CmCycle      *cycle,
                CmWheelModel *shape)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *wheel = cm_cycle_wheel_new ();
  g_autoptr(GdkTexture) picture = make_wheel_texture (shape);
  GtkEventController *motion;
  GskRenderer *renderer;
  Frames frames[7];
  double worst_p50 = 0.0, worst_p99 = 0.0;
  gboolean focus_shown;
  guint n_frames = 0;
  int width, height;

  cm_cycle_wheel_set_cycle (CM_CYCLE_WHEEL (wheel), cycle);
  cm_cycle_wheel_set_activities (CM_CYCLE_WHEEL (wheel), G_LIST_MODEL (activities));
  gtk_window_set_child (GTK_WINDOW (window), wheel);
  gtk_window_set_default_size (GTK_WINDOW (window), SIZE, SIZE);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (wheel) < SIZE / 2)
    g_main_context_iteration (NULL, TRUE);
  /* Past the window's first sizes, so that no frame measured below is one
   * the widget draws stretched while it waits for the size to hold still. */
  settle (400);
  width = gtk_widget_get_width (wheel);
  height = gtk_widget_get_height (wheel);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (wheel));
  motion = find_motion_controller (wheel);
  g_assert (motion != NULL);

  /* For reference: a ready-made texture, uploaded once. */
  frames_init (&frames[n_frames], "reference: a 1000×1000 texture");
  finish_frame (&frames[n_frames], wheel, picture, 0.0);
  g_array_set_size (frames[n_frames].work, 0);
  g_array_set_size (frames[n_frames].render, 0);
  g_array_set_size (frames[n_frames].plain, 0);
  g_array_set_size (frames[n_frames].frame, 0);
  for (guint i = 0; i < SAMPLES; i++)
    finish_frame (&frames[n_frames], wheel, picture, 0.0);
  n_frames++;

  /* Nothing changed: GTK would not even ask for a snapshot. */
  frames_init (&frames[n_frames], "wheel unchanged");
  for (guint i = 0; i < SAMPLES; i++)
    finish_frame (&frames[n_frames], wheel, NULL, 0.0);
  n_frames++;

  /* The pointer moving from segment to segment. */
  frames_init (&frames[n_frames], "hover moving to another segment");
  for (guint i = 0; i < SAMPLES; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double x, y;

      segment_point (shape, i, &x, &y);
      g_signal_emit_by_name (motion, "motion", x, y);
      finish_frame (&frames[n_frames], wheel, NULL, (g_get_monotonic_time () - start) / 1000.0);
    }
  n_frames++;

  /* The keyboard cursor moving, with its focus ring. */
  gtk_widget_grab_focus (wheel);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  focus_shown = gtk_widget_has_visible_focus (wheel);
  frames_init (&frames[n_frames], "selection moving, focus ring");
  for (guint i = 0; i < SAMPLES; i++)
    {
      g_autoptr(CmActivity) activity =
        g_list_model_get_item (G_LIST_MODEL (activities), (i * 5) % 24);
      gint64 start = g_get_monotonic_time ();

      cm_cycle_wheel_set_selected (CM_CYCLE_WHEEL (wheel), activity);
      finish_frame (&frames[n_frames], wheel, NULL, (g_get_monotonic_time () - start) / 1000.0);
    }
  n_frames++;

  /* With nothing selected, the focus ring goes round the whole wheel. */
  cm_cycle_wheel_set_selected (CM_CYCLE_WHEEL (wheel), NULL);
  frames_init (&frames[n_frames], "hover moving, focus ring round the wheel");
  for (guint i = 0; i < SAMPLES; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double x, y;

      segment_point (shape, i + 1, &x, &y);
      g_signal_emit_by_name (motion, "motion", x, y);
      finish_frame (&frames[n_frames], wheel, NULL, (g_get_monotonic_time () - start) / 1000.0);
    }
  n_frames++;

  /* A status change, from the change itself (the widget hears of it at
   * once) to the frame that shows it; the pointer stays over a segment and
   * the focus ring round the wheel, as they were left. */
  frames_init (&frames[n_frames], "right after a status change");
  for (guint i = 0; i < SAMPLES; i++)
    {
      g_autoptr(CmActivity) activity =
        g_list_model_get_item (G_LIST_MODEL (activities), (i * 7) % 24);
      gint64 start = g_get_monotonic_time ();

      cm_activity_set_status (activity, (cm_activity_get_status (activity) + 1) %
                                        CM_N_ACTIVITY_STATUSES);
      finish_frame (&frames[n_frames], wheel, NULL, (g_get_monotonic_time () - start) / 1000.0);
    }
  n_frames++;

  /* A window being resized: a new size every frame. The widget draws its
   * last image scaled until the size holds still, then paints afresh. */
  frames_init (&frames[n_frames], "resizing, a new size every frame");
  for (guint i = 0; i < SAMPLES; i++)
    {
      int side = SIZE - 1 - (int) (i % 50) * 4;
      gint64 start = g_get_monotonic_time ();

      gtk_widget_size_allocate (wheel, &(GtkAllocation) { 0, 0, side, side }, -1);
      finish_frame (&frames[n_frames], wheel, NULL, (g_get_monotonic_time () - start) / 1000.0);
    }
  n_frames++;

  g_print ("\nwidget frames at %d×%d px, %s (focus ring %s), in ms\n",
           width, height,
           G_OBJECT_TYPE_NAME (renderer), focus_shown ? "shown" : "NOT shown");
  g_print ("%-44s %4s %15s  %15s  %15s  %15s\n", "", "", "widget's work",
           "render nodes", "render colour", "frame");
  g_print ("%-44s %4s %7s %7s  %7s %7s  %7s %7s  %7s %7s\n", "", "n",
           "p50", "p99", "p50", "p99", "p50", "p99", "p50", "p99");
  for (guint i = 0; i < n_frames; i++)
    {
      report_frames (&frames[i]);
      if (i > 0)
        {
          worst_p50 = MAX (worst_p50, percentile (frames[i].frame, 0.5));
          worst_p99 = MAX (worst_p99, percentile (frames[i].frame, 0.99));
        }
      frames_clear (&frames[i]);
    }
  g_print ("(frame = widget's work + rendering its nodes − rendering the colour node)\n");
  g_print ("(once a resize has held still, one frame paints the wheel afresh, as in\n"
           " \"labels laid out again\" above)\n");

  g_print ("\ntarget: under %g ms per widget frame: median %s (worst %.3f), "
           "p99 %s (worst %.3f)\n", TARGET_MS,
           worst_p50 < TARGET_MS ? "met" : "MISSED", worst_p50,
           worst_p99 < TARGET_MS ? "met" : "MISSED", worst_p99);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListStore) activities = NULL;
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) circle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(CmWheelModel) model = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();
  cairo_surface_t *surface;
  gboolean have_display;

  /* Each sample renders into a new 1000×1000 texture; left to itself,
   * malloc maps fresh pages for each and the kernel's page faults become
   * the tail of every figure. On screen the renderer draws into the
   * window's own surface, so the bench keeps such memory for reuse. */
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, 64 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  activities = make_activities ();
  cm_cycle_set_title (cycle, "Independent advocacy 2026–2029");
  cm_cycle_set_current_stage (cycle, CM_STAGE_PLAN);
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

  /* Over a clear image of the wheel, as the widget keeps it. */
  cairo_surface_destroy (surface);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  paint_once (model, surface);
  for (guint i = 0; i < SAMPLES; i++)
    {
      double ms = change_once (&model, activities, i * 7, surface);
      g_array_append_val (changes, ms);
    }

  g_print ("wheel at %d×%d px (ms)                                  "
           "n      p50      p99      max\n", SIZE, SIZE);
  report ("baseline: one cairo circle", circle);
  report ("painter, labels laid out again (resize, print)", cold);
  report ("painter, same layout (repaint)", warm);
  report ("painter, a status change over the last image", changes);

  if (have_display)
    measure_widget (activities, cycle, model);
  else
    {
      g_print ("(no display: widget frames not measured; run under xvfb-run)\n");
    }

  cairo_surface_destroy (surface);
  return 0;
}
