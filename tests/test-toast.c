/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cm-store.h"
#include "cm-toast.h"

/* Deleting anything goes through cm_toast_trash_with_undo(): the object
 * leaves its lists at once, and the toast's Undo button, pressed as a
 * person would, brings it back — even when the widget that asked is gone. */

typedef struct
{
  char      *folder;
  CmStore   *store;
  GtkWidget *window;
  GtkWidget *overlay;
  GtkWidget *page;       /* stands for a page or an editor in the overlay */
  guint      restored;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->folder = g_dir_make_tmp ("cm-toast-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->folder, "toast.db", NULL);
  fixture->store = cm_store_open (path, &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  fixture->overlay = adw_toast_overlay_new ();
  fixture->page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), fixture->page);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "toast.db", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cm_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_unlink (path);
  g_rmdir (fixture->folder);
  g_free (fixture->folder);
}

static CmCycle *
add_cycle (Fixture    *fixture,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  CmCycle *cycle = cm_cycle_new ();

  cm_cycle_set_title (cycle, title);
  g_assert_true (cm_store_add_cycle (fixture->store, cycle, NULL, &error));
  g_assert_no_error (error);
  return cycle;
}

static gboolean
lists (Fixture *fixture,
       CmCycle *cycle)
{
  g_autoptr(GListModel) cycles = cm_store_list_cycles (fixture->store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cycles); i++)
    {
      g_autoptr(CmCycle) item = g_list_model_get_item (cycles, i);

      if (item == cycle)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Undo button of the toast on show, once the overlay has shown it. */
static GtkWidget *
wait_for_undo_button (Fixture *fixture)
{
  gint64 until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  GtkWidget *button;

  while ((button = find_button (fixture->overlay, "_Undo")) == NULL &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  return button;
}

static void
on_restored (GtkWidget *widget,
             GObject   *object)
{
  Fixture *fixture = g_object_get_data (G_OBJECT (widget), "fixture");

  g_assert_true (CM_IS_CYCLE (object));
  fixture->restored++;
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CmCycle) cycle = add_cycle (fixture, "Advocacy 2027");
  g_autoptr(GError) error = NULL;
  GtkWidget *undo;

  g_object_set_data (G_OBJECT (fixture->page), "fixture", fixture);
  g_assert_true (cm_toast_trash_with_undo (fixture->page, fixture->store, G_OBJECT (cycle),
                                           "“Advocacy 2027” deleted", on_restored, &error));
  g_assert_no_error (error);
  g_assert_false (lists (fixture, cycle));

  undo = wait_for_undo_button (fixture);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (lists (fixture, cycle));
  g_assert_cmpuint (fixture->restored, ==, 1);
}

/* An activity row asks for its own removal and is gone with it: Undo must
 * still work, without calling back into the row. */
static void
test_undo_after_widget_gone (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CmCycle) cycle = add_cycle (fixture, "Advocacy 2028");
  g_autoptr(GError) error = NULL;
  GtkWidget *row = gtk_label_new ("row");
  GtkWidget *undo;

  g_object_set_data (G_OBJECT (row), "fixture", fixture);
  gtk_box_append (GTK_BOX (fixture->page), row);
  g_assert_true (cm_toast_trash_with_undo (row, fixture->store, G_OBJECT (cycle),
                                           "“Advocacy 2028” deleted", on_restored, &error));
  gtk_box_remove (GTK_BOX (fixture->page), row);

  undo = wait_for_undo_button (fixture);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (lists (fixture, cycle));
  g_assert_cmpuint (fixture->restored, ==, 0);
}

/* When the store refuses, nothing moves, no toast offers an Undo, and the
 * caller has the reason to show. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CmCycle) cycle = add_cycle (fixture, "Advocacy 2029");
  g_autoptr(GError) error = NULL;

  cm_store_close (fixture->store);
  g_assert_false (cm_toast_trash_with_undo (fixture->page, fixture->store, G_OBJECT (cycle),
                                            "deleted", on_restored, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_button (fixture->overlay, "_Undo"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/toast/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/toast/undo-after-widget-gone", Fixture, NULL, fixture_set_up,
              test_undo_after_widget_gone, fixture_tear_down);
  g_test_add ("/toast/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);

  return g_test_run ();
}
