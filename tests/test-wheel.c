/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-wheel"

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cm-activity.h"
#include "cm-cycle.h"
#include "cm-cycle-wheel.h"
#include "cm-wheel-geometry.h"
#include "cm-wheel-painter.h"

/* The wheel: its geometry (every segment is found where it is drawn), its
 * model, its painter (pixels and labels) and, given a display, its widget. */

static const char *commissioning_titles[CM_N_STAGES][4] = {
  { "Review legislation, guidance and local strategy",
    "Population needs assessment",
    "Map current provision and providers",
    "Identify resources and risks" },
  { "Gap analysis",
    "Design the service with people who use it",
    "Write the commissioning strategy",
    "Decision and approval of resources" },
  { "Develop the market",
    "Secure services",
    "Agree payment and contract terms",
    "Manage provider relationships" },
  { "Monitor delivery against outcomes",
    "Review strategy and plans",
    "Analyse variations and learning",
    "Report back to stakeholders" },
};

static const char *procurement_titles[CM_N_STAGES][2] = {
  { "Existing contracts, spend and expiry", "Market analysis" },
  { "Procurement route", "The service specification" },
  { "Tender", "Award, contract and mobilisation" },
  { "Contract management and monitoring", "Supplier performance and exit" },
};

static CmActivity *
make_activity (CmStage          stage,
               CmRing           ring,
               guint            position,
               const char      *title,
               CmActivityStatus status)
{
  CmActivity *activity = cm_activity_new ();

  cm_activity_set_stage (activity, stage);
  cm_activity_set_ring (activity, ring);
  cm_activity_set_position (activity, position);
  cm_activity_set_title (activity, title);
  cm_activity_set_status (activity, status);
  return activity;
}

/* The default template: four commissioning and two procurement activities
 * a stage, all not started. */
static GPtrArray *
make_template (void)
{
  GPtrArray *activities = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint s = 0; s < CM_N_STAGES; s++)
    {
      for (guint i = 0; i < 4; i++)
        g_ptr_array_add (activities,
                         make_activity (s, CM_RING_COMMISSIONING, i, commissioning_titles[s][i],
                                        CM_ACTIVITY_STATUS_NOT_STARTED));
      for (guint i = 0; i < 2; i++)
        g_ptr_array_add (activities,
                         make_activity (s, CM_RING_PROCUREMENT, i, procurement_titles[s][i],
                                        CM_ACTIVITY_STATUS_NOT_STARTED));
    }
  return activities;
}

static GPtrArray *
make_dense (guint per_ring)
{
  GPtrArray *activities = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      for (guint i = 0; i < per_ring; i++)
        {
          g_autofree char *title =
            g_strdup_printf ("Activity %u of a cycle with deliberately long and "
                             "wordy titles, Supercalifragilisticexpialidocious %u",
                             i, s * 100 + r * 10 + i);

          g_ptr_array_add (activities, make_activity (s, r, i, title, (i + s) % 4));
        }
  return activities;
}

static CmWheelModel *
model_from (GPtrArray  *activities,
            const char *title,
            CmStage     current)
{
  return cm_wheel_model_new_from_array (title, current, (CmActivity **) activities->pdata,
                                        activities->len);
}

/* Geometry */

static void
check_every_segment (const CmWheelCounts counts,
                     double              width,
                     double              height)
{
  static const double fractions[][2] = {
    { 0.5, 0.5 }, { 0.05, 0.05 }, { 0.95, 0.95 }, { 0.05, 0.95 }, { 0.95, 0.05 },
  };
  CmWheelGeometry geometry;

  cm_wheel_geometry_init (&geometry, width, height, counts);

  for (guint s = 0; s < CM_N_STAGES; s++)
    for (guint r = 0; r < CM_N_RINGS; r++)
      {
        guint count = counts[s][r];

        for (guint i = 0; i < MAX (count, 1); i++)
          {
            CmWheelHit expected = { count > 0 ? CM_WHEEL_HIT_SEGMENT : CM_WHEEL_HIT_PLACEHOLDER,
                                    s, r, count > 0 ? i : 0 };
            CmWheelSector sector;

            g_assert_true (cm_wheel_geometry_get_sector (&geometry, &expected, &sector));
            g_assert_cmpfloat (sector.end_angle, >, sector.start_angle);

            for (guint f = 0; f < G_N_ELEMENTS (fractions); f++)
              {
                CmWheelHit hit;
                double x, y;

                cm_wheel_geometry_sector_point (&geometry, &sector,
                                                fractions[f][0], fractions[f][1], &x, &y);
                g_assert_cmpint (cm_wheel_geometry_hit_test (&geometry, x, y, &hit), ==,
                                 expected.kind);
                g_assert_cmpint (hit.stage, ==, s);
                g_assert_cmpint (hit.ring, ==, r);
                if (count > 0)
                  g_assert_cmpuint (hit.index, ==, i);
                g_assert_true (cm_wheel_hit_equal (&hit, &expected));
              }
          }
      }
}

static void
test_geometry_every_segment (void)
{
  static const double sizes[][2] = {
    { 200, 200 }, { 500, 500 }, { 2000, 2000 }, { 800, 500 }, { 300, 900 },
  };
  const CmWheelCounts templates[] = {
    { { 4, 2 }, { 4, 2 }, { 4, 2 }, { 4, 2 } },
    { { 12, 12 }, { 12, 12 }, { 12, 12 }, { 12, 12 } },
    { { 1, 0 }, { 0, 3 }, { 7, 1 }, { 2, 0 } },
    { { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 } },
  };

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      check_every_segment (templates[t], sizes[i][0], sizes[i][1]);
}

static void
test_geometry_centre_and_outside (void)
{
  const CmWheelCounts counts = { { 4, 2 }, { 4, 2 }, { 4, 2 }, { 4, 2 } };
  CmWheelGeometry geometry;
  CmWheelHit hit;
  double y;

  cm_wheel_geometry_init (&geometry, 500, 400, counts);
  g_assert_cmpfloat (geometry.cx, ==, 250);
  g_assert_cmpfloat (geometry.cy, ==, 200);
  g_assert_cmpfloat (geometry.radius, ==, 200);

  g_assert_cmpint (cm_wheel_geometry_hit_test (&geometry, 250, 200, &hit), ==,
                   CM_WHEEL_HIT_CENTRE);
  g_assert_cmpint (cm_wheel_geometry_hit_test (&geometry, 250 + geometry.centre_radius - 1,
                                               200, &hit), ==, CM_WHEEL_HIT_CENTRE);
  g_assert_cmpint (cm_wheel_geometry_hit_test (&geometry, 0, 0, &hit), ==, CM_WHEEL_HIT_NONE);
  g_assert_cmpint (cm_wheel_geometry_hit_test (&geometry, 499, 399, &hit), ==,
                   CM_WHEEL_HIT_NONE);
  y = 200 - geometry.ring_outer[CM_RING_COMMISSIONING] - 1;
  g_assert_cmpint (cm_wheel_geometry_hit_test (&geometry, 250, y, &hit), ==, CM_WHEEL_HIT_NONE);
  g_assert_cmpint (cm_wheel_geometry_hit_test (&geometry, -50, 200, &hit), ==,
                   CM_WHEEL_HIT_NONE);

  /* Just clockwise of 12 o'clock is Analyse; just anticlockwise, Review. */
  cm_wheel_geometry_hit_test (&geometry, 252, 200 - geometry.radius * 0.7, &hit);
  g_assert_cmpint (hit.kind, ==, CM_WHEEL_HIT_SEGMENT);
  g_assert_cmpint (hit.stage, ==, CM_STAGE_ANALYSE);
  g_assert_cmpuint (hit.index, ==, 0);
  cm_wheel_geometry_hit_test (&geometry, 248, 200 - geometry.radius * 0.7, &hit);
  g_assert_cmpint (hit.stage, ==, CM_STAGE_REVIEW);
  g_assert_cmpuint (hit.index, ==, 3);

  /* Nothing at all is drawn in a zero-sized wheel. */
  cm_wheel_geometry_init (&geometry, 0, 0, counts);
  g_assert_cmpint (cm_wheel_geometry_hit_test (&geometry, 0, 0, &hit), ==, CM_WHEEL_HIT_NONE);
}

static void
assert_segment (const CmWheelHit *hit,
                CmStage           stage,
                CmRing            ring,
                guint             index)
{
  g_assert_cmpint (hit->kind, ==, CM_WHEEL_HIT_SEGMENT);
  g_assert_cmpint (hit->stage, ==, stage);
  g_assert_cmpint (hit->ring, ==, ring);
  g_assert_cmpuint (hit->index, ==, index);
}

static void
test_geometry_navigation (void)
{
  /* Plan has no procurement activities, Do none at all. */
  const CmWheelCounts counts = { { 4, 2 }, { 2, 0 }, { 0, 0 }, { 3, 1 } };
  CmWheelGeometry geometry;
  CmWheelHit from = { CM_WHEEL_HIT_SEGMENT, CM_STAGE_REVIEW, CM_RING_COMMISSIONING, 2 };
  CmWheelHit to, none = CM_WHEEL_HIT_INIT;

  cm_wheel_geometry_init (&geometry, 600, 600, counts);

  /* Clockwise off the end of Review wraps to the start of Analyse. */
  g_assert_true (cm_wheel_geometry_step (&geometry, &from, 1, &to));
  assert_segment (&to, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 0);
  g_assert_true (cm_wheel_geometry_step (&geometry, &to, -1, &to));
  assert_segment (&to, CM_STAGE_REVIEW, CM_RING_COMMISSIONING, 2);

  /* Empty stages are skipped. */
  from = (CmWheelHit) { CM_WHEEL_HIT_SEGMENT, CM_STAGE_PLAN, CM_RING_COMMISSIONING, 1 };
  g_assert_true (cm_wheel_geometry_step (&geometry, &from, 1, &to));
  assert_segment (&to, CM_STAGE_REVIEW, CM_RING_COMMISSIONING, 0);
  from = (CmWheelHit) { CM_WHEEL_HIT_SEGMENT, CM_STAGE_ANALYSE, CM_RING_PROCUREMENT, 1 };
  g_assert_true (cm_wheel_geometry_step (&geometry, &from, 1, &to));
  assert_segment (&to, CM_STAGE_REVIEW, CM_RING_PROCUREMENT, 0);
  g_assert_true (cm_wheel_geometry_step (&geometry, &to, 1, &to));
  assert_segment (&to, CM_STAGE_ANALYSE, CM_RING_PROCUREMENT, 0);

  /* A whole turn comes back to the start. */
  from = (CmWheelHit) { CM_WHEEL_HIT_SEGMENT, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 1 };
  g_assert_true (cm_wheel_geometry_step (&geometry, &from, 9, &to));
  g_assert_true (cm_wheel_hit_equal (&from, &to));
  g_assert_true (cm_wheel_geometry_step (&geometry, &from, -9, &to));
  g_assert_true (cm_wheel_hit_equal (&from, &to));

  /* From a placeholder, on to the next segment either way. */
  from = (CmWheelHit) { CM_WHEEL_HIT_PLACEHOLDER, CM_STAGE_DO, CM_RING_COMMISSIONING, 0 };
  g_assert_true (cm_wheel_geometry_step (&geometry, &from, 1, &to));
  assert_segment (&to, CM_STAGE_REVIEW, CM_RING_COMMISSIONING, 0);
  g_assert_true (cm_wheel_geometry_step (&geometry, &from, -1, &to));
  assert_segment (&to, CM_STAGE_PLAN, CM_RING_COMMISSIONING, 1);

  /* From nowhere, to the first or last segment. */
  g_assert_true (cm_wheel_geometry_step (&geometry, &none, 1, &to));
  assert_segment (&to, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 0);
  g_assert_true (cm_wheel_geometry_step (&geometry, &none, -1, &to));
  assert_segment (&to, CM_STAGE_REVIEW, CM_RING_COMMISSIONING, 2);

  /* Switching ring keeps the angle: Analyse's second commissioning
   * activity sits over its first procurement one, the third over the
   * second, whose middle is over the fourth. */
  from = (CmWheelHit) { CM_WHEEL_HIT_SEGMENT, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 1 };
  g_assert_true (cm_wheel_geometry_switch_ring (&geometry, &from, CM_RING_PROCUREMENT, &to));
  assert_segment (&to, CM_STAGE_ANALYSE, CM_RING_PROCUREMENT, 0);
  from.index = 2;
  g_assert_true (cm_wheel_geometry_switch_ring (&geometry, &from, CM_RING_PROCUREMENT, &to));
  assert_segment (&to, CM_STAGE_ANALYSE, CM_RING_PROCUREMENT, 1);
  g_assert_true (cm_wheel_geometry_switch_ring (&geometry, &to, CM_RING_COMMISSIONING, &to));
  assert_segment (&to, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 3);
  g_assert_true (cm_wheel_geometry_nearest_in_ring (&geometry, CM_RING_COMMISSIONING,
                                                    -G_PI / 2.0 + 0.01, &to));
  assert_segment (&to, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 0);
  g_assert_true (cm_wheel_geometry_nearest_in_ring (&geometry, CM_RING_COMMISSIONING,
                                                    -G_PI / 2.0 - 0.01, &to));
  assert_segment (&to, CM_STAGE_REVIEW, CM_RING_COMMISSIONING, 2);

  /* Plan has no procurement: the nearest one is Analyse's last. */
  from = (CmWheelHit) { CM_WHEEL_HIT_SEGMENT, CM_STAGE_PLAN, CM_RING_COMMISSIONING, 0 };
  g_assert_true (cm_wheel_geometry_switch_ring (&geometry, &from, CM_RING_PROCUREMENT, &to));
  assert_segment (&to, CM_STAGE_ANALYSE, CM_RING_PROCUREMENT, 1);

  /* Home and End, and the first of a stage. */
  g_assert_true (cm_wheel_geometry_first (&geometry, CM_RING_PROCUREMENT, &to));
  assert_segment (&to, CM_STAGE_ANALYSE, CM_RING_PROCUREMENT, 0);
  g_assert_true (cm_wheel_geometry_last (&geometry, CM_RING_PROCUREMENT, &to));
  assert_segment (&to, CM_STAGE_REVIEW, CM_RING_PROCUREMENT, 0);
  g_assert_true (cm_wheel_geometry_first_in_stage (&geometry, CM_STAGE_REVIEW, &to));
  assert_segment (&to, CM_STAGE_REVIEW, CM_RING_COMMISSIONING, 0);
  g_assert_false (cm_wheel_geometry_first_in_stage (&geometry, CM_STAGE_DO, &to));
}

static void
test_geometry_empty_ring (void)
{
  const CmWheelCounts counts = { { 2, 0 }, { 1, 0 }, { 0, 0 }, { 0, 0 } };
  CmWheelGeometry geometry;
  CmWheelHit from = { CM_WHEEL_HIT_SEGMENT, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 0 };
  CmWheelHit to = CM_WHEEL_HIT_INIT;

  cm_wheel_geometry_init (&geometry, 300, 300, counts);
  g_assert_false (cm_wheel_geometry_switch_ring (&geometry, &from, CM_RING_PROCUREMENT, &to));
  g_assert_cmpint (to.kind, ==, CM_WHEEL_HIT_NONE);
  g_assert_false (cm_wheel_geometry_first (&geometry, CM_RING_PROCUREMENT, &to));
  from.ring = CM_RING_PROCUREMENT;
  from.kind = CM_WHEEL_HIT_PLACEHOLDER;
  g_assert_false (cm_wheel_geometry_step (&geometry, &from, 1, &to));
}

/* Model */

static void
test_model (void)
{
  g_autoptr(GPtrArray) activities = make_template ();
  g_autoptr(GListStore) store = g_list_store_new (CM_TYPE_ACTIVITY);
  g_autoptr(CmWheelModel) model = NULL;
  g_autoptr(CmActivity) untagged = make_activity (CM_STAGE_NONE, CM_RING_COMMISSIONING, 0,
                                                  "Nowhere", CM_ACTIVITY_STATUS_DONE);
  CmActivity *needs = g_ptr_array_index (activities, 1);
  g_autofree char *text = NULL;
  CmWheelHit hit, none = CM_WHEEL_HIT_INIT;
  guint done, counted;

  cm_activity_set_status (needs, CM_ACTIVITY_STATUS_IN_PROGRESS);
  cm_activity_set_status (g_ptr_array_index (activities, 0), CM_ACTIVITY_STATUS_DONE);
  cm_activity_set_status (g_ptr_array_index (activities, 2), CM_ACTIVITY_STATUS_NOT_APPLICABLE);

  /* Listed out of order, and with an activity that belongs to no stage. */
  for (guint i = activities->len; i > 0; i--)
    g_list_store_append (store, g_ptr_array_index (activities, i - 1));
  g_list_store_append (store, untagged);

  model = cm_wheel_model_new ("Advocacy 2025", CM_STAGE_PLAN, G_LIST_MODEL (store));
  g_assert_cmpstr (cm_wheel_model_get_title (model), ==, "Advocacy 2025");
  g_assert_cmpint (cm_wheel_model_get_current_stage (model), ==, CM_STAGE_PLAN);
  g_assert_cmpuint (cm_wheel_model_get_n_activities (model, CM_STAGE_ANALYSE,
                                                     CM_RING_COMMISSIONING), ==, 4);
  g_assert_cmpuint (cm_wheel_model_get_n_activities (model, CM_STAGE_REVIEW,
                                                     CM_RING_PROCUREMENT), ==, 2);
  g_assert_cmpuint (cm_wheel_model_get_n_activities (model, CM_STAGE_NONE,
                                                     CM_RING_PROCUREMENT), ==, 0);

  /* Sorted by position, whatever the order of the list. */
  g_assert_true (cm_wheel_model_find_activity (model, needs, &hit));
  assert_segment (&hit, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 1);
  g_assert_true (cm_wheel_model_get_activity (model, &hit) == needs);
  g_assert_false (cm_wheel_model_find_activity (model, untagged, &hit));
  g_assert_null (cm_wheel_model_get_activity (model, &none));

  /* Not applicable does not count. */
  cm_wheel_model_get_progress (model, &done, &counted);
  g_assert_cmpuint (done, ==, 1);
  g_assert_cmpuint (counted, ==, 23);

  g_assert_true (cm_wheel_model_find_activity (model, needs, &hit));
  text = cm_wheel_model_describe (model, &hit);
  g_assert_cmpstr (text, ==,
                   "Analyse, commissioning: Population needs assessment — in progress");
  g_clear_pointer (&text, g_free);

  hit = (CmWheelHit) { CM_WHEEL_HIT_SEGMENT, CM_STAGE_DO, CM_RING_PROCUREMENT, 0 };
  text = cm_wheel_model_describe (model, &hit);
  g_assert_cmpstr (text, ==, "Do, procurement: Tender — not started");
  g_clear_pointer (&text, g_free);

  hit.kind = CM_WHEEL_HIT_CENTRE;
  text = cm_wheel_model_describe (model, &hit);
  g_assert_cmpstr (text, ==, "Advocacy 2025: 1 of 23 done");
  g_clear_pointer (&text, g_free);

  g_assert_null (cm_wheel_model_describe (model, &none));
}

/* Painter */

static void
read_pixel (cairo_surface_t *surface,
            double           x,
            double           y,
            guint8           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;

  cairo_surface_flush (surface);
  g_assert_cmpint ((int) x, >=, 0);
  g_assert_cmpint ((int) y, >=, 0);
  g_assert_cmpint ((int) x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint ((int) y, <, cairo_image_surface_get_height (surface));

  pixel = *(const guint32 *) (data + (int) y * stride + (int) x * 4);
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

static gboolean
pixel_is (const guint8        rgb[3],
          const CmWheelColor *colour)
{
  return abs (rgb[0] - (int) round (colour->red * 255)) <= 3 &&
         abs (rgb[1] - (int) round (colour->green * 255)) <= 3 &&
         abs (rgb[2] - (int) round (colour->blue * 255)) <= 3;
}

static cairo_surface_t *
render (CmWheelModel         *model,
        int                   size,
        const CmWheelPalette *palette)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  cm_wheel_painter_draw (cr, model, size, size, palette, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
check_done_pixels (const CmWheelPalette *palette,
                   int                   size)
{
  g_autoptr(GPtrArray) activities = make_template ();
  g_autoptr(CmWheelModel) model = NULL;
  g_autoptr(GArray) labels = NULL;
  CmActivity *done = g_ptr_array_index (activities, 6 + 2);  /* Plan, third commissioning */
  CmActivity *waiting = g_ptr_array_index (activities, 0);
  cairo_surface_t *surface;
  CmWheelHit done_hit, waiting_hit;
  gboolean found_tick = FALSE;
  guint8 rgb[3];
  double x, y;

  cm_activity_set_status (done, CM_ACTIVITY_STATUS_DONE);
  model = model_from (activities, "Advocacy 2025", CM_STAGE_ANALYSE);
  g_assert_true (cm_wheel_model_find_activity (model, done, &done_hit));
  assert_segment (&done_hit, CM_STAGE_PLAN, CM_RING_COMMISSIONING, 2);
  g_assert_true (cm_wheel_model_find_activity (model, waiting, &waiting_hit));

  surface = render (model, size, palette);

  g_assert_true (cm_wheel_painter_get_fill_point (model, size, size, NULL, &done_hit, &x, &y));
  read_pixel (surface, x, y, rgb);
  g_assert_true (pixel_is (rgb, &palette->status_fill[CM_ACTIVITY_STATUS_DONE]));
  g_assert_false (pixel_is (rgb, &palette->status_fill[CM_ACTIVITY_STATUS_NOT_STARTED]));

  g_assert_true (cm_wheel_painter_get_fill_point (model, size, size, NULL, &waiting_hit,
                                                  &x, &y));
  read_pixel (surface, x, y, rgb);
  g_assert_true (pixel_is (rgb, &palette->status_fill[CM_ACTIVITY_STATUS_NOT_STARTED]));
  g_assert_false (pixel_is (rgb, &palette->status_fill[CM_ACTIVITY_STATUS_DONE]));

  /* The done segment carries its tick, so colour is not the only cue. */
  labels = cm_wheel_painter_layout_labels (model, size, size, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      CmWheelLabel *label = &g_array_index (labels, CmWheelLabel, i);

      if (label->kind != CM_WHEEL_LABEL_MARK || !cm_wheel_hit_equal (&label->hit, &done_hit))
        continue;
      for (double py = label->y; py < label->y + label->height && !found_tick; py += 1.0)
        for (double px = label->x; px < label->x + label->width && !found_tick; px += 1.0)
          {
            read_pixel (surface, px, py, rgb);
            found_tick = pixel_is (rgb, &palette->status_mark[CM_ACTIVITY_STATUS_DONE]);
          }
    }
  g_assert_true (found_tick);

  cairo_surface_destroy (surface);
}

static void
test_painter_done_pixels (void)
{
  check_done_pixels (cm_wheel_palette_light (), 500);
  check_done_pixels (cm_wheel_palette_dark (), 500);
  check_done_pixels (cm_wheel_palette_high_contrast (), 800);
  check_done_pixels (cm_wheel_palette_high_contrast_dark (), 300);
}

/* Separating axis test for two rectangles, each possibly turned. */
static gboolean
labels_overlap (const CmWheelLabel *a,
                const CmWheelLabel *b)
{
  double xs[2][4], ys[2][4];

  cm_wheel_label_get_corners (a, xs[0], ys[0]);
  cm_wheel_label_get_corners (b, xs[1], ys[1]);

  for (guint q = 0; q < 2; q++)
    for (guint e = 0; e < 4; e++)
      {
        double ax = -(ys[q][(e + 1) % 4] - ys[q][e]);
        double ay = xs[q][(e + 1) % 4] - xs[q][e];
        double min[2] = { G_MAXDOUBLE, G_MAXDOUBLE }, max[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };

        for (guint p = 0; p < 2; p++)
          for (guint k = 0; k < 4; k++)
            {
              double d = xs[p][k] * ax + ys[p][k] * ay;

              min[p] = MIN (min[p], d);
              max[p] = MAX (max[p], d);
            }

        if (max[0] <= min[1] + 1e-6 || max[1] <= min[0] + 1e-6)
          return FALSE;
      }
  return TRUE;
}

static guint
check_labels (CmWheelModel *model,
              double        width,
              double        height)
{
  g_autoptr(GArray) labels = cm_wheel_painter_layout_labels (model, width, height, NULL);
  guint n_activity = 0, n_stage = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      const CmWheelLabel *label = &g_array_index (labels, CmWheelLabel, i);
      double xs[4], ys[4];

      g_assert_cmpfloat (label->width, >, 0.0);
      g_assert_cmpfloat (label->height, >, 0.0);

      cm_wheel_label_get_corners (label, xs, ys);
      for (guint k = 0; k < 4; k++)
        {
          g_assert_cmpfloat (xs[k], >=, 0.0);
          g_assert_cmpfloat (xs[k], <=, width);
          g_assert_cmpfloat (ys[k], >=, 0.0);
          g_assert_cmpfloat (ys[k], <=, height);
        }

      for (guint j = i + 1; j < labels->len; j++)
        if (labels_overlap (label, &g_array_index (labels, CmWheelLabel, j)))
          g_error ("labels %u (kind %d) and %u (kind %d) overlap at %gx%g",
                   i, label->kind, j, g_array_index (labels, CmWheelLabel, j).kind,
                   width, height);

      n_activity += label->kind == CM_WHEEL_LABEL_ACTIVITY;
      n_stage += label->kind == CM_WHEEL_LABEL_STAGE;
    }

  g_assert_cmpuint (n_stage, <=, CM_N_STAGES);
  return n_activity;
}

static void
test_painter_labels_dense (void)
{
  g_autoptr(GPtrArray) activities = make_dense (12);
  g_autoptr(CmWheelModel) model = NULL;
  static const int sizes[] = { 200, 500, 2000 };

  model = model_from (activities, "A cycle whose title is far too long to fit in the middle "
                      "of the wheel in one piece, Supercalifragilisticexpialidocious",
                      CM_STAGE_DO);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = render (model, sizes[i], NULL);
      guint n = check_labels (model, sizes[i], sizes[i]);

      /* At full size every activity gets a label, shortened or not. */
      if (sizes[i] >= 2000)
        g_assert_cmpuint (n, ==, activities->len);
      cairo_surface_destroy (surface);
    }

  check_labels (model, 900, 400);
  check_labels (model, 400, 900);
}

static void
test_painter_labels_template (void)
{
  g_autoptr(GPtrArray) activities = make_template ();
  g_autoptr(CmWheelModel) model = model_from (activities, "Independent advocacy 2025–2028",
                                              CM_STAGE_PLAN);
  g_autoptr(GArray) labels = NULL;
  guint n_stage = 0, n_title = 0;

  g_assert_cmpuint (check_labels (model, 1000, 1000), ==, activities->len);
  check_labels (model, 500, 500);
  check_labels (model, 200, 200);

  labels = cm_wheel_painter_layout_labels (model, 1000, 1000, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      CmWheelLabel *label = &g_array_index (labels, CmWheelLabel, i);

      n_stage += label->kind == CM_WHEEL_LABEL_STAGE;
      n_title += label->kind == CM_WHEEL_LABEL_TITLE;
    }
  g_assert_cmpuint (n_stage, ==, CM_N_STAGES);
  g_assert_cmpuint (n_title, ==, 1);
}

/* A status change keeps the labels where they were, but not the centre. */
static void
test_painter_reuse_layout (void)
{
  g_autoptr(GPtrArray) activities = make_template ();
  g_autoptr(CmWheelModel) before = model_from (activities, "Advocacy", CM_STAGE_ANALYSE);
  g_autoptr(CmWheelModel) after = NULL;
  g_autoptr(CmWheelModel) renamed = NULL;
  g_autoptr(GArray) first = cm_wheel_painter_layout_labels (before, 600, 600, NULL);
  g_autoptr(GArray) second = NULL;
  cairo_surface_t *surface;
  CmWheelHit hit;
  guint8 rgb[3];
  double x, y;

  cm_activity_set_status (g_ptr_array_index (activities, 3), CM_ACTIVITY_STATUS_DONE);
  after = model_from (activities, "Advocacy", CM_STAGE_ANALYSE);
  cm_wheel_model_reuse_layout (after, before);
  second = cm_wheel_painter_layout_labels (after, 600, 600, NULL);

  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    {
      CmWheelLabel *a = &g_array_index (first, CmWheelLabel, i);
      CmWheelLabel *b = &g_array_index (second, CmWheelLabel, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      if (a->kind != CM_WHEEL_LABEL_TITLE && a->kind != CM_WHEEL_LABEL_PROGRESS)
        g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
    }

  /* And what is drawn follows the new status. */
  surface = render (after, 600, NULL);
  g_assert_true (cm_wheel_model_find_activity (after, g_ptr_array_index (activities, 3), &hit));
  g_assert_true (cm_wheel_painter_get_fill_point (after, 600, 600, NULL, &hit, &x, &y));
  read_pixel (surface, x, y, rgb);
  g_assert_true (pixel_is (rgb, &cm_wheel_palette_light ()->status_fill[CM_ACTIVITY_STATUS_DONE]));
  cairo_surface_destroy (surface);

  /* A new title elsewhere means a new layout. */
  cm_activity_set_title (g_ptr_array_index (activities, 5), "Something else entirely");
  renamed = model_from (activities, "Advocacy", CM_STAGE_ANALYSE);
  cm_wheel_model_reuse_layout (renamed, after);
  check_labels (renamed, 600, 600);
}

/* The wheel alone, painted onto a clear surface, as a widget keeps it. */
static cairo_surface_t *
render_clear (CmWheelModel         *model,
              int                   size,
              int                   scale,
              const CmWheelPalette *palette)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         size * scale, size * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cm_wheel_painter_draw (cr, model, size, size, palette, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) stride * height) == 0;
}

/* Pixels outside @damage (in units of @scale pixels) that differ. */
static guint
count_changed_outside (cairo_surface_t      *a,
                       cairo_surface_t      *b,
                       const cairo_region_t *damage,
                       int                   scale)
{
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      if (memcmp (da + y * stride + x * 4, db + y * stride + x * 4, 4) != 0 &&
          !cairo_region_contains_point (damage, x / scale, y / scale))
        n++;
  return n;
}

/* Changes @activity's status and paints only what changed over @image:
 * the same pixels as painting the whole wheel again, nothing changed
 * outside the damage, which holds the segment and, if @centre, the centre. */
static void
check_change (GPtrArray             *activities,
              CmWheelModel         **model,
              cairo_surface_t       *image,
              int                    size,
              int                    scale,
              const CmWheelPalette  *palette,
              CmActivity            *activity,
              CmActivityStatus       status,
              gboolean               centre)
{
  g_autoptr(CmWheelModel) next = NULL;
  g_autoptr(CmWheelModel) fresh = NULL;
  cairo_surface_t *old = render_clear (*model, size, scale, palette);
  cairo_surface_t *whole;
  cairo_region_t *damage = cairo_region_create ();
  CmWheelGeometry geometry;
  CmWheelHit hit;
  cairo_t *cr;
  double x, y;

  cm_activity_set_status (activity, status);
  next = model_from (activities, "Advocacy 2025", CM_STAGE_PLAN);
  cm_wheel_model_reuse_layout (next, *model);

  cr = cairo_create (image);
  g_assert_true (cm_wheel_painter_draw_changes (cr, next, *model, size, size, palette, NULL,
                                                damage));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  /* Laid out afresh, for good measure. */
  fresh = model_from (activities, "Advocacy 2025", CM_STAGE_PLAN);
  whole = render_clear (fresh, size, scale, palette);
  g_assert_true (surfaces_equal (image, whole));
  g_assert_cmpuint (count_changed_outside (image, old, damage, scale), ==, 0);

  g_assert_true (cm_wheel_model_find_activity (next, activity, &hit));
  g_assert_true (cm_wheel_painter_get_fill_point (next, size, size, NULL, &hit, &x, &y));
  g_assert_true (cairo_region_contains_point (damage, x, y));
  cm_wheel_model_get_geometry (next, size, size, &geometry);
  g_assert_cmpint (cairo_region_contains_point (damage, geometry.cx, geometry.cy), ==, centre);

  /* The first commissioning segment of Analyse changed in none of the
   * checks: it is left alone. */
  hit = (CmWheelHit) { CM_WHEEL_HIT_SEGMENT, CM_STAGE_ANALYSE, CM_RING_COMMISSIONING, 0 };
  g_assert_true (cm_wheel_painter_get_fill_point (next, size, size, NULL, &hit, &x, &y));
  g_assert_false (cairo_region_contains_point (damage, x, y));

  cairo_region_destroy (damage);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (old);
  cm_wheel_model_unref (*model);
  *model = g_steal_pointer (&next);
}

static void
check_changes (const CmWheelPalette *palette,
               int                   size,
               int                   scale)
{
  g_autoptr(GPtrArray) activities = make_template ();
  g_autoptr(CmWheelModel) model = model_from (activities, "Advocacy 2025", CM_STAGE_PLAN);
  cairo_surface_t *image = render_clear (model, size, scale, palette);

  /* Done counts towards progress and not applicable drops out of it: the
   * centre changes too; in progress changes only the segment. */
  check_change (activities, &model, image, size, scale, palette,
                g_ptr_array_index (activities, 8), CM_ACTIVITY_STATUS_DONE, TRUE);
  check_change (activities, &model, image, size, scale, palette,
                g_ptr_array_index (activities, 13), CM_ACTIVITY_STATUS_IN_PROGRESS, FALSE);
  check_change (activities, &model, image, size, scale, palette,
                g_ptr_array_index (activities, 21), CM_ACTIVITY_STATUS_NOT_APPLICABLE, TRUE);
  check_change (activities, &model, image, size, scale, palette,
                g_ptr_array_index (activities, 8), CM_ACTIVITY_STATUS_IN_PROGRESS, TRUE);

  cairo_surface_destroy (image);
}

static void
test_painter_changes (void)
{
  g_autoptr(GPtrArray) activities = make_template ();
  g_autoptr(CmWheelModel) before = model_from (activities, "Advocacy", CM_STAGE_PLAN);
  g_autoptr(CmWheelModel) after = NULL;
  g_autoptr(CmWheelModel) tiny = NULL;
  cairo_surface_t *image, *copy;
  cairo_t *cr;

  check_changes (cm_wheel_palette_light (), 600, 1);
  check_changes (cm_wheel_palette_dark (), 777, 1);
  check_changes (cm_wheel_palette_high_contrast (), 400, 2);
  check_changes (cm_wheel_palette_high_contrast_dark (), 1000, 1);

  /* Not when the activities are laid out anew: all must be painted. */
  image = render_clear (before, 500, 1, NULL);
  copy = render_clear (before, 500, 1, NULL);
  cm_activity_set_title (g_ptr_array_index (activities, 2), "Something else entirely");
  after = model_from (activities, "Advocacy", CM_STAGE_PLAN);
  cm_wheel_model_reuse_layout (after, before);
  cr = cairo_create (image);
  g_assert_false (cm_wheel_painter_draw_changes (cr, after, before, 500, 500, NULL, NULL, NULL));
  cairo_destroy (cr);
  g_assert_true (surfaces_equal (image, copy));
  cairo_surface_destroy (image);
  cairo_surface_destroy (copy);

  /* Nor when the gaps between segments are too thin to tell them apart. */
  g_clear_pointer (&before, cm_wheel_model_unref);
  before = model_from (activities, "Advocacy", CM_STAGE_PLAN);
  image = render_clear (before, 150, 1, NULL);
  cm_activity_set_status (g_ptr_array_index (activities, 2), CM_ACTIVITY_STATUS_DONE);
  tiny = model_from (activities, "Advocacy", CM_STAGE_PLAN);
  cm_wheel_model_reuse_layout (tiny, before);
  cr = cairo_create (image);
  g_assert_false (cm_wheel_painter_draw_changes (cr, tiny, before, 150, 150, NULL, NULL, NULL));
  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

static void
test_painter_legend (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 200);
  cairo_t *cr = cairo_create (surface);
  double wide = cm_wheel_painter_draw_legend (NULL, 600, NULL, NULL);
  double narrow = cm_wheel_painter_draw_legend (NULL, 120, NULL, NULL);

  g_assert_cmpfloat (wide, >, 0.0);
  g_assert_cmpfloat (narrow, >, wide);
  g_assert_cmpfloat (cm_wheel_painter_draw_legend (cr, 600, cm_wheel_palette_dark (), NULL),
                     ==, wide);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_painter_pdf (void)
{
  g_autoptr(GPtrArray) activities = make_template ();
  g_autoptr(CmWheelModel) model = model_from (activities, "Advocacy", CM_STAGE_REVIEW);
  cairo_surface_t *surface;
  GByteArray *pdf;
  cairo_t *cr;

  cm_activity_set_status (g_ptr_array_index (activities, 1),
                          CM_ACTIVITY_STATUS_NOT_APPLICABLE);
  g_clear_pointer (&model, cm_wheel_model_unref);
  model = model_from (activities, "Advocacy", CM_STAGE_REVIEW);

  /* Vector output takes the other hatching path. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  cm_wheel_painter_draw (cr, model, 400, 400, NULL, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* On paper it stays vector: no image anywhere in the PDF. */
  pdf = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, pdf, 400, 400);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00");
  cr = cairo_create (surface);
  cm_wheel_painter_draw (cr, model, 400, 400, NULL, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (pdf->len, >, 1000);
  g_assert_null (memmem (pdf->data, pdf->len, "/Image", strlen ("/Image")));
  g_byte_array_unref (pdf);
}

/* Widget: needs a display. */

static gboolean have_display;

static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0,
                               &handled);
    }
  g_assert_true (handled);
}

static void
on_activated (CmCycleWheel  *wheel,
              CmActivity    *activity,
              CmActivity   **out)
{
  *out = activity;
}

static void
test_widget_keyboard (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  GtkWidget *wheel;
  CmActivity *activated = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  activities = make_template ();
  store = g_list_store_new (CM_TYPE_ACTIVITY);
  for (guint i = 0; i < activities->len; i++)
    g_list_store_append (store, g_ptr_array_index (activities, i));
  cycle = cm_cycle_new ();
  cm_cycle_set_title (cycle, "Advocacy");
  cm_cycle_set_current_stage (cycle, CM_STAGE_PLAN);

  wheel = g_object_ref_sink (cm_cycle_wheel_new ());
  cm_cycle_wheel_set_cycle (CM_CYCLE_WHEEL (wheel), cycle);
  cm_cycle_wheel_set_activities (CM_CYCLE_WHEEL (wheel), G_LIST_MODEL (store));
  g_signal_connect (wheel, "activity-activated", G_CALLBACK (on_activated), &activated);
  g_assert_true (gtk_widget_get_focusable (wheel));
  g_assert_null (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)));

  /* The first arrow starts at the current stage. */
  press_key (wheel, GDK_KEY_Right);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 6));
  press_key (wheel, GDK_KEY_Right);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 7));
  press_key (wheel, GDK_KEY_Down);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 10));
  press_key (wheel, GDK_KEY_Page_Up);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 7));

  /* Down and back Up return to the same activity, though the procurement
   * segment's middle lies over the next one. */
  press_key (wheel, GDK_KEY_Right);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 8));
  press_key (wheel, GDK_KEY_Down);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 11));
  press_key (wheel, GDK_KEY_Up);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 8));
  press_key (wheel, GDK_KEY_End);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 21));
  press_key (wheel, GDK_KEY_Right);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 0));
  press_key (wheel, GDK_KEY_Left);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 21));
  press_key (wheel, GDK_KEY_Home);
  g_assert_true (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)) ==
                 g_ptr_array_index (activities, 0));

  press_key (wheel, GDK_KEY_Return);
  g_assert_true (activated == g_ptr_array_index (activities, 0));

  /* Removing the selected activity clears the selection. */
  g_list_store_remove (store, 0);
  g_assert_null (cm_cycle_wheel_get_selected (CM_CYCLE_WHEEL (wheel)));

  g_object_unref (wheel);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* What the widget drew in its last frame. */
static GdkTexture *
render_widget (GtkWidget *window,
               GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
}

static gboolean
texture_pixel_is (GdkTexture         *texture,
                  double              x,
                  double              y,
                  const CmWheelColor *colour)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc ((gsize) width * height * 4);
  guint32 pixel;
  guint8 rgb[3];

  gdk_texture_download (texture, data, width * 4);
  pixel = ((guint32 *) data)[(int) y * width + (int) x];
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
  return pixel_is (rgb, colour);
}

static void
test_widget_redraws (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  const CmWheelPalette *palette;
  GtkWidget *window, *wheel;
  CmActivity *activity;
  graphene_point_t point;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  palette = cm_wheel_palette_light ();

  activities = make_template ();
  store = g_list_store_new (CM_TYPE_ACTIVITY);
  for (guint i = 0; i < activities->len; i++)
    g_list_store_append (store, g_ptr_array_index (activities, i));
  activity = g_ptr_array_index (activities, 13);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 480);
  wheel = cm_cycle_wheel_new ();
  cm_cycle_wheel_set_activities (CM_CYCLE_WHEEL (wheel), G_LIST_MODEL (store));
  gtk_window_set_child (GTK_WINDOW (window), wheel);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (wheel) <= 0 || !gtk_widget_get_mapped (wheel))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (window);

  g_assert_true (cm_cycle_wheel_get_activity_point (CM_CYCLE_WHEEL (wheel), activity, &point));
  before = render_widget (window, wheel);
  g_assert_true (texture_pixel_is (before, point.x, point.y,
                                   &palette->status_fill[CM_ACTIVITY_STATUS_NOT_STARTED]));

  /* Changing the activity is enough: the wheel listens. */
  cm_activity_set_status (activity, CM_ACTIVITY_STATUS_DONE);
  wait_for_frame (window);
  g_assert_true (cm_cycle_wheel_get_activity_point (CM_CYCLE_WHEEL (wheel), activity, &point));
  after = render_widget (window, wheel);
  g_assert_true (texture_pixel_is (after, point.x, point.y,
                                   &palette->status_fill[CM_ACTIVITY_STATUS_DONE]));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint32 *
download (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  guint32 *pixels = g_new (guint32, (gsize) width * gdk_texture_get_height (texture));

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels;
}

static GtkWidget *
show_wheel_sized (GListModel  *activities,
                  int          size,
                  GtkWidget  **wheel)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), size, size);
  *wheel = cm_cycle_wheel_new ();
  cm_cycle_wheel_set_activities (CM_CYCLE_WHEEL (*wheel), activities);
  gtk_window_set_child (GTK_WINDOW (window), *wheel);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (*wheel) <= 0 || !gtk_widget_get_mapped (*wheel))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (window);
  return window;
}

static GtkWidget *
show_wheel (GListModel  *activities,
            GtkWidget  **wheel)
{
  return show_wheel_sized (activities, 480, wheel);
}

/* The frame after a status change shows the new status in that segment,
 * and every pixel outside the segment and the centre as it was; all of it
 * as a wheel painted whole would show it. */
static void
test_widget_status_frame (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autoptr(GdkTexture) whole = NULL;
  g_autoptr(CmWheelModel) shape = NULL;
  g_autofree guint32 *before_pixels = NULL;
  g_autofree guint32 *after_pixels = NULL;
  g_autofree guint32 *whole_pixels = NULL;
  const CmWheelPalette *palette;
  GtkWidget *window, *other_window, *wheel, *other_wheel;
  CmActivity *activity;
  CmWheelGeometry geometry;
  CmWheelHit changed;
  graphene_point_t point;
  guint n_kept = 0, n_segment = 0;
  int width, height;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  palette = cm_wheel_palette_light ();

  activities = make_template ();
  store = g_list_store_new (CM_TYPE_ACTIVITY);
  for (guint i = 0; i < activities->len; i++)
    g_list_store_append (store, g_ptr_array_index (activities, i));
  activity = g_ptr_array_index (activities, 9);

  window = show_wheel (G_LIST_MODEL (store), &wheel);
  width = gtk_widget_get_width (wheel);
  height = gtk_widget_get_height (wheel);
  before = render_widget (window, wheel);

  cm_activity_set_status (activity, CM_ACTIVITY_STATUS_DONE);
  wait_for_frame (window);
  after = render_widget (window, wheel);
  g_assert_cmpint (gdk_texture_get_width (after), ==, width);

  /* The new status, in that segment. */
  g_assert_true (cm_cycle_wheel_get_activity_point (CM_CYCLE_WHEEL (wheel), activity, &point));
  g_assert_true (texture_pixel_is (before, point.x, point.y,
                                   &palette->status_fill[CM_ACTIVITY_STATUS_NOT_STARTED]));
  g_assert_true (texture_pixel_is (after, point.x, point.y,
                                   &palette->status_fill[CM_ACTIVITY_STATUS_DONE]));

  /* Everything else as it was. */
  shape = model_from (activities, "", CM_STAGE_NONE);
  cm_wheel_model_get_geometry (shape, width, height, &geometry);
  g_assert_true (cm_wheel_model_find_activity (shape, activity, &changed));
  before_pixels = download (before);
  after_pixels = download (after);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        CmWheelHit hit;

        cm_wheel_geometry_hit_test (&geometry, x + 0.5, y + 0.5, &hit);
        if (cm_wheel_hit_equal (&hit, &changed))
          {
            n_segment += before_pixels[y * width + x] != after_pixels[y * width + x];
            continue;
          }
        if (hit.kind == CM_WHEEL_HIT_CENTRE)
          continue;
        g_assert_cmphex (before_pixels[y * width + x], ==, after_pixels[y * width + x]);
        n_kept++;
      }
  g_assert_cmpuint (n_kept, >, (guint) (width * height / 2));
  g_assert_cmpuint (n_segment, >, 100);

  /* A wheel that paints it all at once shows the very same. */
  other_window = show_wheel (G_LIST_MODEL (store), &other_wheel);
  g_assert_cmpint (gtk_widget_get_width (other_wheel), ==, width);
  g_assert_cmpint (gtk_widget_get_height (other_wheel), ==, height);
  whole = render_widget (other_window, other_wheel);
  whole_pixels = download (whole);
  g_assert_cmpmem (after_pixels, (gsize) width * height * 4, whole_pixels,
                   (gsize) width * height * 4);

  gtk_window_destroy (GTK_WINDOW (other_window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* While the size keeps changing, the widget draws its last image scaled;
 * once the size holds still it paints the wheel afresh, exactly as a new
 * wheel of that size. */
static void
test_widget_resize (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GdkTexture) resizing = NULL;
  g_autoptr(GdkTexture) settled = NULL;
  g_autoptr(GdkTexture) fresh = NULL;
  g_autofree guint32 *resizing_pixels = NULL;
  g_autofree guint32 *settled_pixels = NULL;
  g_autofree guint32 *fresh_pixels = NULL;
  const CmWheelPalette *palette;
  GtkWidget *window, *fresh_window, *wheel, *fresh_wheel;
  CmActivity *activity;
  graphene_point_t point;
  gsize size = 400 * 400 * 4;
  gint64 until;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  palette = cm_wheel_palette_light ();

  activities = make_template ();
  store = g_list_store_new (CM_TYPE_ACTIVITY);
  for (guint i = 0; i < activities->len; i++)
    g_list_store_append (store, g_ptr_array_index (activities, i));
  activity = g_ptr_array_index (activities, 5);
  cm_activity_set_status (activity, CM_ACTIVITY_STATUS_DONE);

  window = show_wheel (G_LIST_MODEL (store), &wheel);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 400);
  until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while ((gtk_widget_get_width (wheel) != 400 || gtk_widget_get_height (wheel) != 400) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (wheel), ==, 400);
  wait_for_frame (window);

  /* Mid-resize: a wheel of the new size, its segments where they belong. */
  resizing = render_widget (window, wheel);
  g_assert_cmpint (gdk_texture_get_width (resizing), ==, 400);
  g_assert_true (cm_cycle_wheel_get_activity_point (CM_CYCLE_WHEEL (wheel), activity, &point));
  g_assert_true (texture_pixel_is (resizing, point.x, point.y,
                                   &palette->status_fill[CM_ACTIVITY_STATUS_DONE]));

  /* Held still: painted afresh. */
  until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  wait_for_frame (window);
  settled = render_widget (window, wheel);

  fresh_window = show_wheel_sized (G_LIST_MODEL (store), 400, &fresh_wheel);
  g_assert_cmpint (gtk_widget_get_width (fresh_wheel), ==, 400);
  fresh = render_widget (fresh_window, fresh_wheel);

  settled_pixels = download (settled);
  fresh_pixels = download (fresh);
  g_assert_cmpmem (settled_pixels, size, fresh_pixels, size);

  /* A slow machine may take long enough over the resize for its first
   * frame to paint afresh already; then there was nothing to stretch. */
  resizing_pixels = download (resizing);
  if (memcmp (resizing_pixels, fresh_pixels, size) == 0)
    g_test_message ("the resize was slow enough to paint afresh at once");

  gtk_window_destroy (GTK_WINDOW (fresh_window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* @plain with the painter's highlights for @state drawn over it, all of
 * the wheel's size, against what the widget showed. */
static void
check_highlights (GdkTexture         *plain,
                  GdkTexture         *shown,
                  CmWheelModel       *model,
                  const CmWheelState *state)
{
  int width = gdk_texture_get_width (plain), height = gdk_texture_get_height (plain);
  g_autofree guint32 *plain_pixels = download (plain);
  g_autofree guint32 *expected = download (plain);
  g_autofree guint32 *shown_pixels = download (shown);
  cairo_surface_t *surface;
  guint n_highlighted = 0, n_edge = 0;
  cairo_t *cr;

  surface = cairo_image_surface_create_for_data ((guchar *) expected, CAIRO_FORMAT_ARGB32,
                                                 width, height, width * 4);
  cr = cairo_create (surface);
  cm_wheel_painter_draw_highlights (cr, model, width, height, cm_wheel_palette_light (), state);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  /* Within rounding: a renderer may lay them over as a layer of their own.
   * The focus ring round the whole wheel is drawn apart from the painter
   * (by the renderer, or through a mask of its own): its anti-aliased edge
   * may differ a little more, on a few pixels. */
  for (int i = 0; i < width * height; i++)
    {
      int worst = 0;

      for (guint c = 0; c < 32; c += 8)
        worst = MAX (worst, abs ((int) ((expected[i] >> c) & 0xff) -
                                 (int) ((shown_pixels[i] >> c) & 0xff)));
      if (worst > 2)
        {
          g_assert_true (state->focus_visible && state->selected.kind == CM_WHEEL_HIT_NONE);
          g_assert_cmpint (worst, <=, 24);
          n_edge++;
        }
      n_highlighted += plain_pixels[i] != shown_pixels[i];
    }
  g_assert_cmpuint (n_highlighted, >, 100);
  g_assert_cmpuint (n_edge, <, n_highlighted / 20);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* Hover, selection and focus are drawn over the kept wheel, whole. */
static void
test_widget_highlights (void)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GdkTexture) plain = NULL;
  g_autoptr(CmWheelModel) shape = NULL;
  CmWheelState state = CM_WHEEL_STATE_INIT;
  GtkEventController *motion;
  GtkWidget *window, *wheel;
  CmWheelGeometry geometry;
  CmWheelSector sector;
  int width, height;
  double x, y;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  activities = make_template ();
  store = g_list_store_new (CM_TYPE_ACTIVITY);
  for (guint i = 0; i < activities->len; i++)
    g_list_store_append (store, g_ptr_array_index (activities, i));
  shape = model_from (activities, "", CM_STAGE_NONE);

  window = show_wheel (G_LIST_MODEL (store), &wheel);
  width = gtk_widget_get_width (wheel);
  height = gtk_widget_get_height (wheel);
  cm_wheel_model_get_geometry (shape, width, height, &geometry);
  plain = render_widget (window, wheel);

  /* The pointer over a segment. */
  state.hover = (CmWheelHit) { CM_WHEEL_HIT_SEGMENT, CM_STAGE_DO, CM_RING_PROCUREMENT, 1 };
  g_assert_true (cm_wheel_geometry_get_sector (&geometry, &state.hover, &sector));
  cm_wheel_geometry_sector_point (&geometry, &sector, 0.5, 0.5, &x, &y);
  motion = find_controller (wheel, GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_signal_emit_by_name (motion, "motion", x, y);
  wait_for_frame (window);
  {
    g_autoptr(GdkTexture) shown = render_widget (window, wheel);

    check_highlights (plain, shown, shape, &state);
  }
  g_signal_emit_by_name (motion, "leave");
  state.hover = (CmWheelHit) CM_WHEEL_HIT_INIT;

  /* The selection, with the focus ring round it when focus is shown. */
  gtk_widget_grab_focus (wheel);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  cm_cycle_wheel_set_selected (CM_CYCLE_WHEEL (wheel), g_ptr_array_index (activities, 4));
  wait_for_frame (window);
  g_assert_true (cm_wheel_model_find_activity (shape, g_ptr_array_index (activities, 4),
                                               &state.selected));
  state.focus_visible = gtk_widget_has_visible_focus (wheel);
  {
    g_autoptr(GdkTexture) shown = render_widget (window, wheel);

    check_highlights (plain, shown, shape, &state);
  }

  /* Nothing selected: the focus ring goes round the whole wheel. */
  cm_cycle_wheel_set_selected (CM_CYCLE_WHEEL (wheel), NULL);
  wait_for_frame (window);
  state.selected = (CmWheelHit) CM_WHEEL_HIT_INIT;
  state.focus_visible = gtk_widget_has_visible_focus (wheel);
  if (state.focus_visible)
    {
      g_autoptr(GdkTexture) shown = render_widget (window, wheel);

      check_highlights (plain, shown, shape, &state);
    }
  else
    {
      g_test_message ("the window has no focus to show: focus ring not checked");
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Without a display the widget tests are skipped; the rest needs none. */
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/wheel/geometry/every-segment", test_geometry_every_segment);
  g_test_add_func ("/wheel/geometry/centre-and-outside", test_geometry_centre_and_outside);
  g_test_add_func ("/wheel/geometry/navigation", test_geometry_navigation);
  g_test_add_func ("/wheel/geometry/empty-ring", test_geometry_empty_ring);
  g_test_add_func ("/wheel/model", test_model);
  g_test_add_func ("/wheel/painter/done-pixels", test_painter_done_pixels);
  g_test_add_func ("/wheel/painter/labels-dense", test_painter_labels_dense);
  g_test_add_func ("/wheel/painter/labels-template", test_painter_labels_template);
  g_test_add_func ("/wheel/painter/reuse-layout", test_painter_reuse_layout);
  g_test_add_func ("/wheel/painter/changes", test_painter_changes);
  g_test_add_func ("/wheel/painter/legend", test_painter_legend);
  g_test_add_func ("/wheel/widget/resize", test_widget_resize);
  g_test_add_func ("/wheel/painter/vector", test_painter_pdf);
  g_test_add_func ("/wheel/widget/keyboard", test_widget_keyboard);
  g_test_add_func ("/wheel/widget/redraws", test_widget_redraws);
  g_test_add_func ("/wheel/widget/status-frame", test_widget_status_frame);
  g_test_add_func ("/wheel/widget/highlights", test_widget_highlights);

  return g_test_run ();
}
