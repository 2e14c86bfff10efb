/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cm-activity-row.h"
#include "cm-window.h"

/* The main window driven through its actions, in process: what a person
 * does with the keyboard shortcuts, checked against the database. */

typedef struct
{
  char    *folder;
  char    *path;
  CmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("cm-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "test.db", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
remove_all (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_all (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static void
run_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static CmWindow *
open_window (Fixture *fixture)
{
  CmWindow *window = cm_window_new (NULL, fixture->store, NULL);

  gtk_window_present (GTK_WINDOW (window));
  run_pending ();
  return window;
}

static guint
count_cycles (CmStore *store)
{
  g_autoptr(GListModel) cycles = cm_store_list_cycles (store, NULL);

  return g_list_model_get_n_items (cycles);
}

static void
test_new_cycle_is_saved (Fixture       *fixture,
                         gconstpointer  data)
{
  CmWindow *window = open_window (fixture);
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GListModel) activities = NULL;

  g_assert_cmpuint (count_cycles (fixture->store), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cycle", NULL));
  run_pending ();

  cycles = cm_store_list_cycles (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);
  cycle = g_list_model_get_item (cycles, 0);
  activities = cm_store_list_activities (fixture->store, cm_cycle_get_id (cycle),
                                         CM_STAGE_NONE, -1, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (activities), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

static void
test_delete_cycle_goes_to_trash (Fixture       *fixture,
                                 gconstpointer  data)
{
  CmWindow *window = open_window (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  run_pending ();
  g_assert_cmpuint (count_cycles (fixture->store), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-cycle", NULL));
  run_pending ();
  g_assert_cmpuint (count_cycles (fixture->store), ==, 0);

  /* Until the trash is emptied (on quit) the cycle can come back. */
  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_assert_true (cm_store_empty_trash (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_cycles (fixture->store), ==, 0);
}

static void
test_sample_cycle_is_half_done (Fixture       *fixture,
                                gconstpointer  data)
{
  CmWindow *window = open_window (fixture);
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GListModel) activities = NULL;
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(CmServiceSpec) spec = NULL;
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GListModel) workshops = NULL;
  g_autoptr(CmWorkshop) workshop = NULL;
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) said = NULL;
  g_autoptr(GListModel) actions = NULL;
  guint done = 0, n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL));
  run_pending ();

  cycles = cm_store_list_cycles (fixture->store, NULL);
  cycle = g_list_model_get_item (cycles, 0);
  g_assert_cmpint (cm_cycle_get_current_stage (cycle), ==, CM_STAGE_PLAN);
  activities = cm_store_list_activities (fixture->store, cm_cycle_get_id (cycle),
                                         CM_STAGE_NONE, -1, NULL);
  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmActivity) activity = g_list_model_get_item (activities, i);
      done += cm_activity_get_status (activity) == CM_ACTIVITY_STATUS_DONE;
    }
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (done, <, n);

  /* Something on every page: a specification to write into, and a
   * workshop with who came, what they said, and what was done about it. */
  specs = cm_store_list_specs (fixture->store, cm_cycle_get_id (cycle), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 1);
  spec = g_list_model_get_item (specs, 0);
  sections = cm_store_list_sections (fixture->store, cm_service_spec_get_id (spec), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sections), >, 5);

  workshops = cm_store_list_workshops (fixture->store, cm_cycle_get_id (cycle), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 1);
  workshop = g_list_model_get_item (workshops, 0);
  attendees = cm_store_list_attendees (fixture->store, cm_workshop_get_id (workshop), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 4);
  said = cm_store_list_contributions (fixture->store, cm_workshop_get_id (workshop), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (said), ==, 6);
  actions = cm_store_list_actions (fixture->store, cm_cycle_get_id (cycle), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

static gboolean
find_mapped_status_page (GtkWidget  *widget,
                         const char *description)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_status_page_get_description (ADW_STATUS_PAGE (widget)), description) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_mapped_status_page (child, description))
      return TRUE;

  return FALSE;
}

static void
test_database_error_is_shown (void)
{
  g_autoptr(GError) error = g_error_new_literal (CM_STORE_ERROR, CM_STORE_ERROR_CORRUPT,
                                                 "The database is damaged.");
  CmWindow *window = cm_window_new (NULL, NULL, error);

  gtk_window_present (GTK_WINDOW (window));
  run_pending ();

  /* The person sees why, on a page of its own, and nothing offers to write. */
  g_assert_true (find_mapped_status_page (GTK_WIDGET (window), "The database is damaged."));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cycle", NULL);
  run_pending ();
  g_assert_true (find_mapped_status_page (GTK_WIDGET (window), "The database is damaged."));

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

static void
collect_activity_rows (GtkWidget  *widget,
                       GPtrArray  *rows)
{
  if (CM_IS_ACTIVITY_ROW (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_activity_rows (child, rows);
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static CmActivity *
reload_activity (Fixture    *fixture,
                 CmActivity *activity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) other = cm_store_open (fixture->path, &error);
  g_autoptr(GListModel) activities = NULL;
  guint n;

  /* A second connection sees only what was written to the file. */
  g_assert_no_error (error);
  activities = cm_store_list_activities (other, cm_activity_get_cycle_id (activity),
                                         CM_STAGE_NONE, -1, NULL);
  n = g_list_model_get_n_items (activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmActivity) item = g_list_model_get_item (activities, i);

      if (cm_activity_get_id (item) == cm_activity_get_id (activity))
        return g_steal_pointer (&item);
    }

  g_assert_not_reached ();
}

/* A closed activity row is only its title: its fields are built when it
 * is first opened, and then edit in place as before. */
static void
test_activity_fields_built_when_opened (Fixture       *fixture,
                                        gconstpointer  data)
{
  CmWindow *window = open_window (fixture);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(CmActivity) saved = NULL;
  g_autoptr(CmActivity) activity = NULL;
  CmActivityRow *row;
  GtkWidget *owner, *notes, *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cycle", NULL));
  run_pending ();

  collect_activity_rows (GTK_WIDGET (window), rows);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    g_assert_null (find_entry_row (rows->pdata[i], "Owner"));

  row = rows->pdata[0];
  activity = g_object_ref (cm_activity_row_get_activity (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   cm_activity_get_title (activity));

  /* Opened, the keyboard is on the current status. */
  cm_activity_row_open (row);
  run_pending ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (focus), ==, "Not started");

  /* The fields show the activity, and save as they are changed. */
  owner = find_entry_row (GTK_WIDGET (row), "Owner");
  g_assert_nonnull (owner);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==,
                   cm_activity_get_owner (activity));
  gtk_editable_set_text (GTK_EDITABLE (owner), "Commissioning manager");
  saved = reload_activity (fixture, activity);
  g_assert_cmpstr (cm_activity_get_owner (saved), ==, "Commissioning manager");
  g_clear_object (&saved);

  /* An impossible date is marked on its field and not saved. */
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (row),
                                                       "Due date (YYYY-MM-DD)")),
                         "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (find_entry_row (GTK_WIDGET (row),
                                                           "Due date (YYYY-MM-DD)"), "error"));
  saved = reload_activity (fixture, activity);
  g_assert_null (cm_activity_get_due_date (saved));
  g_clear_object (&saved);

  /* Notes typed just before the window goes are not lost. */
  notes = find_text_view (GTK_WIDGET (row));
  g_assert_nonnull (notes);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)),
                            "Met the advocacy forum.", -1);
  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  saved = reload_activity (fixture, activity);
  g_assert_cmpstr (cm_activity_get_evidence_notes (saved), ==, "Met the advocacy forum.");
}

static guint
count_shortcuts_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);
  guint found = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      found += GTK_IS_SHORTCUTS_WINDOW (toplevel);
    }

  return found;
}

static GtkWindow *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

/* The shortcuts window is built when it is first asked for, not with the
 * window, and only once. */
static void
test_shortcuts_window_built_on_first_use (Fixture       *fixture,
                                          gconstpointer  data)
{
  CmWindow *window = open_window (fixture);
  GtkWindow *shortcuts;

  g_assert_cmpuint (count_shortcuts_windows (), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  run_pending ();
  g_assert_cmpuint (count_shortcuts_windows (), ==, 1);
  shortcuts = find_shortcuts_window ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (shortcuts), ==, "Keyboard Shortcuts");

  /* Closed, it is kept for next time. */
  gtk_window_close (shortcuts);
  run_pending ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  run_pending ();
  g_assert_cmpuint (count_shortcuts_windows (), ==, 1);
  g_assert_true (find_shortcuts_window () == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  /* It goes with its window. */
  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_assert_cmpuint (count_shortcuts_windows (), ==, 0);
}

static AdwViewSwitcherBar *
find_switcher_bar (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwViewSwitcherBar *found;

      if (ADW_IS_VIEW_SWITCHER_BAR (child))
        return ADW_VIEW_SWITCHER_BAR (child);
      if ((found = find_switcher_bar (child)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
bar_revealed_at_width (Fixture *fixture,
                       int      width)
{
  CmWindow *window = cm_window_new (NULL, fixture->store, NULL);
  AdwViewSwitcherBar *bar;
  gboolean revealed;
  gint64 until;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_window_present (GTK_WINDOW (window));
  until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (gtk_widget_get_width (GTK_WIDGET (window)) != width && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  run_pending ();

  bar = find_switcher_bar (GTK_WIDGET (window));
  g_assert_nonnull (bar);
  /* A revealed bar slides in. */
  until = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
  while (adw_view_switcher_bar_get_reveal (bar) && gtk_widget_get_height (GTK_WIDGET (bar)) == 0 &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  /* Shown, with a button for each page. */
  revealed = adw_view_switcher_bar_get_reveal (bar) && gtk_widget_get_mapped (GTK_WIDGET (bar)) &&
             adw_view_switcher_bar_get_stack (bar) != NULL &&
             gtk_widget_get_height (GTK_WIDGET (bar)) > 0;
  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  return revealed;
}

/* At 360 pixels the header has no room for the page switcher: it moves to
 * a bar at the bottom, so every page can still be reached with a tap. */
static void
test_pages_reachable_when_narrow (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();

  cm_cycle_set_title (cycle, "Advocacy");
  g_assert_true (cm_store_add_cycle_from_default_template (fixture->store, cycle, &error));

  g_assert_true (bar_revealed_at_width (fixture, 360));
  g_assert_false (bar_revealed_at_width (fixture, 1280));
}

/* The list of cycles: the list view whose items are cycles. */
static GListModel *
find_cycle_list (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GListModel *found;

      if (GTK_IS_LIST_VIEW (child))
        {
          found = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (child)));
          if (found != NULL && g_list_model_get_n_items (found) > 0)
            {
              g_autoptr(GObject) first = g_list_model_get_item (found, 0);

              if (CM_IS_CYCLE (first))
                return found;
            }
        }
      if ((found = find_cycle_list (child)) != NULL)
        return found;
    }
  return NULL;
}

/* With more cycles than the window has room for, the list starts with the
 * first few and has them all from just after the first frame; the cycle
 * last worked on is selected wherever it is. */
static void
test_long_list_of_cycles (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.commissioning.Commissioning");
  g_autoptr(GError) error = NULL;
  CmWindow *window;
  GListModel *listed;
  CmCycle *selected;
  gint64 last_id = 0;
  gint64 until;

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(CmCycle) cycle = cm_cycle_new ();
      g_autofree char *title = g_strdup_printf ("Cycle %02u", i);

      cm_cycle_set_title (cycle, title);
      g_assert_true (cm_store_add_cycle (fixture->store, cycle, NULL, &error));
      g_assert_no_error (error);
      if (i == 55)
        last_id = cm_cycle_get_id (cycle);
    }
  g_settings_set_int (settings, "window-height", 600);

  /* The first frame lists a screenful; the rest follow. */
  window = cm_window_new (NULL, fixture->store, NULL);
  listed = find_cycle_list (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (listed), <, 60);
  g_assert_cmpuint (g_list_model_get_n_items (listed), >=, 600 / 40);
  gtk_window_present (GTK_WINDOW (window));
  until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (g_list_model_get_n_items (listed) < 60 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 60);
  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();

  /* A cycle far down the list is selected at once. */
  g_settings_set_int64 (settings, "last-cycle-id", last_id);
  window = cm_window_new (NULL, fixture->store, NULL);
  listed = find_cycle_list (GTK_WIDGET (window));
  selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (listed));
  g_assert_nonnull (selected);
  g_assert_cmpint (cm_cycle_get_id (selected), ==, last_id);
  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_settings_reset (settings, "last-cycle-id");
  g_settings_reset (settings, "window-height");
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child))
        g_ptr_array_add (buttons, child);
      collect_menu_buttons (child, buttons);
    }
}

/* The main and cycle menus are made when first opened, and then work as
 * any menu: open with their items. */
static void
test_menus_built_when_opened (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  CmWindow *window = open_window (fixture);
  guint n_menus = 0;

  collect_menu_buttons (GTK_WIDGET (window), buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);
      const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));
      GMenuModel *model;

      if (g_strcmp0 (tooltip, "Main Menu") != 0 && g_strcmp0 (tooltip, "Cycle Menu") != 0)
        continue;

      n_menus++;
      g_assert_null (gtk_menu_button_get_popover (button));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

      gtk_menu_button_popup (button);
      run_pending ();
      model = gtk_menu_button_get_menu_model (button);
      g_assert_nonnull (model);
      g_assert_cmpint (g_menu_model_get_n_items (model), >, 0);
      g_assert_nonnull (gtk_menu_button_get_popover (button));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
      gtk_menu_button_popdown (button);
      run_pending ();

      /* Opened again, it keeps the same menu. */
      gtk_menu_button_popup (button);
      run_pending ();
      g_assert_true (gtk_menu_button_get_menu_model (button) == model);
      gtk_menu_button_popdown (button);
      run_pending ();
    }
  g_assert_cmpuint (n_menus, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/new-cycle-is-saved", Fixture, NULL,
              fixture_set_up, test_new_cycle_is_saved, fixture_tear_down);
  g_test_add ("/window/long-list-of-cycles", Fixture, NULL,
              fixture_set_up, test_long_list_of_cycles, fixture_tear_down);
  g_test_add ("/window/menus-built-when-opened", Fixture, NULL,
              fixture_set_up, test_menus_built_when_opened, fixture_tear_down);
  g_test_add ("/window/pages-reachable-when-narrow", Fixture, NULL,
              fixture_set_up, test_pages_reachable_when_narrow, fixture_tear_down);
  g_test_add ("/window/delete-cycle-goes-to-trash", Fixture, NULL,
              fixture_set_up, test_delete_cycle_goes_to_trash, fixture_tear_down);
  g_test_add ("/window/sample-cycle-is-half-done", Fixture, NULL,
              fixture_set_up, test_sample_cycle_is_half_done, fixture_tear_down);
  g_test_add_func ("/window/database-error-is-shown", test_database_error_is_shown);
  g_test_add ("/window/activity-fields-built-when-opened", Fixture, NULL,
              fixture_set_up, test_activity_fields_built_when_opened, fixture_tear_down);
  g_test_add ("/window/shortcuts-window-built-on-first-use", Fixture, NULL,
              fixture_set_up, test_shortcuts_window_built_on_first_use, fixture_tear_down);

  return g_test_run ();
}
