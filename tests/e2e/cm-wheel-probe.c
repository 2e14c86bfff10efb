/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-probe"

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "cm-cycle-wheel.h"
#include "cm-store.h"
#include "cm-wheel-painter.h"

/* For end-to-end tests that look at the screen: lays out a cycle's wheel
 * exactly as the application does (the same widget, on the same display,
 * with the same fonts) at a given size, and prints where an activity's
 * status fill shows and which colour each status is painted in.
 *
 *   cm-wheel-probe DATABASE CYCLE-ID ACTIVITY-TITLE WIDTH HEIGHT
 *
 * prints "point X Y" and "fill STATUS R G B" lines (0-255). */

static void
print_fill (int                   status,
            const CmWheelPalette *palette)
{
  const CmWheelColor *color = &palette->status_fill[status];

  g_print ("fill %d %d %d %d\n", status, (int) (color->red * 255 + 0.5),
           (int) (color->green * 255 + 0.5), (int) (color->blue * 255 + 0.5));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GListModel) activities = NULL;
  CmActivity *target = NULL;
  GtkWidget *window, *wheel;
  graphene_point_t point;
  int width, height;

  if (argc != 6)
    {
      g_printerr ("usage: %s DATABASE CYCLE-ID ACTIVITY-TITLE WIDTH HEIGHT\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();

  store = cm_store_open (argv[1], &error);
  if (store == NULL || (cycle = cm_store_get_cycle (store, g_ascii_strtoll (argv[2], NULL, 10),
                                                    &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  activities = cm_store_list_activities (store, cm_cycle_get_id (cycle), CM_STAGE_NONE, -1,
                                         &error);
  for (guint i = 0; activities != NULL && i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CmActivity) activity = g_list_model_get_item (activities, i);

      if (g_str_equal (cm_activity_get_title (activity), argv[3]))
        target = activity;
    }
  if (target == NULL)
    {
      g_printerr ("no activity titled %s\n", argv[3]);
      return 1;
    }

  width = atoi (argv[4]);
  height = atoi (argv[5]);
  wheel = cm_cycle_wheel_new ();
  cm_cycle_wheel_set_cycle (CM_CYCLE_WHEEL (wheel), cycle);
  cm_cycle_wheel_set_activities (CM_CYCLE_WHEEL (wheel), activities);

  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), wheel);
  gtk_widget_realize (window);
  gtk_widget_measure (wheel, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (wheel, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (wheel, &(GtkAllocation) { 0, 0, width, height }, -1);

  if (!cm_cycle_wheel_get_activity_point (CM_CYCLE_WHEEL (wheel), target, &point))
    {
      g_printerr ("the activity is not on the wheel\n");
      return 1;
    }

  g_print ("point %.1f %.1f\n", point.x, point.y);
  for (int status = 0; status < CM_N_ACTIVITY_STATUSES; status++)
    print_fill (status, cm_wheel_palette_light ());

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
