/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-cycle-page.h"
#include "cm-cycle-row-factory.h"
#include "cm-gui-util.h"
#include "cm-sample.h"
#include "cm-specs-page.h"
#include "cm-summary-page.h"
#include "cm-window.h"
#include "cm-workshops-page.h"

/* The main window: the cycles in a sidebar, and the selected cycle's pages
 * in a view stack. Below 720 px the sidebar folds away (a leaflet) and
 * comes back with the back button. */

struct _CmWindow
{
  AdwApplicationWindow  parent_instance;

  CmStore              *store;
  GListModel           *cycles;
  GtkFilterListModel   *filtered_cycles;
  GtkSliceListModel    *listed_cycles;   /* the first few until the first frame */
  GtkSingleSelection   *selection;
  GSettings            *settings;
  gboolean              failed;
  gboolean              first_frame_reported;

  AdwLeaflet           *leaflet;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkListView          *cycle_list;
  GtkStack             *content_stack;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *content_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *cycle_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *cycle_menu;
  CmCyclePage          *cycle_page;
  AdwBin               *specs_bin;
  AdwBin               *workshops_bin;
  AdwBin               *summary_bin;
  /* Built the first time their tab is shown; NULL until then. */
  CmSpecsPage          *specs_page;
  CmWorkshopsPage      *workshops_page;
  CmSummaryPage        *summary_page;
  AdwToastOverlay      *toast_overlay;
  /* Built the first time it is asked for; NULL until then. */
  GtkWindow            *shortcuts_window;
};

G_DEFINE_FINAL_TYPE (CmWindow, cm_window, ADW_TYPE_APPLICATION_WINDOW)

static CmCycle *
get_selected_cycle (CmWindow *self)
{
  if (self->selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (CmWindow *self)
{
  gboolean has_cycle = get_selected_cycle (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-cycle", has_cycle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-cycle", has_cycle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-cycle", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-sample", self->store != NULL);
}

static void
update_content (CmWindow *self)
{
  CmCycle *cycle = get_selected_cycle (self);
  const char *page;

  if (self->store == NULL && !self->failed)
    page = "loading";
  else if (self->store == NULL)
    page = "error";
  else if (self->cycles == NULL || g_list_model_get_n_items (self->cycles) == 0)
    page = "empty";
  else if (cycle == NULL)
    page = "no-selection";
  else
    page = "cycle";

  gtk_stack_set_visible_child_name (self->content_stack, page);
  cm_cycle_page_set_cycle (self->cycle_page, self->store, cycle);
  if (self->specs_page != NULL)
    cm_specs_page_set_cycle (self->specs_page, self->store, cycle);
  if (self->workshops_page != NULL)
    cm_workshops_page_set_cycle (self->workshops_page, self->store, cycle);
  if (self->summary_page != NULL)
    cm_summary_page_set_cycle (self->summary_page, self->store, cycle);
  adw_view_switcher_title_set_title (self->content_title, cycle ? cm_cycle_get_title (cycle) : "");
  adw_view_switcher_title_set_subtitle (self->content_title,
                                        cycle ? cm_cycle_get_service_area (cycle) : "");
  update_actions (self);

  if (cycle != NULL && self->settings != NULL)
    g_settings_set_int64 (self->settings, "last-cycle-id", cm_cycle_get_id (cycle));
}

/* Only the cycle page is in the template: the other pages are built when
 * their tab is first shown, so starting up does not build, measure and
 * load pages nobody has looked at yet. */
static void
ensure_visible_page (CmWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  CmCycle *cycle = get_selected_cycle (self);

  if (g_strcmp0 (name, "specifications") == 0 && self->specs_page == NULL)
    {
      self->specs_page = g_object_new (CM_TYPE_SPECS_PAGE, NULL);
      adw_bin_set_child (self->specs_bin, GTK_WIDGET (self->specs_page));
      cm_specs_page_set_cycle (self->specs_page, self->store, cycle);
    }
  else if (g_strcmp0 (name, "workshops") == 0 && self->workshops_page == NULL)
    {
      self->workshops_page = g_object_new (CM_TYPE_WORKSHOPS_PAGE, NULL);
      adw_bin_set_child (self->workshops_bin, GTK_WIDGET (self->workshops_page));
      cm_workshops_page_set_cycle (self->workshops_page, self->store, cycle);
    }
  else if (g_strcmp0 (name, "summary") == 0 && self->summary_page == NULL)
    {
      self->summary_page = g_object_new (CM_TYPE_SUMMARY_PAGE, NULL);
      adw_bin_set_child (self->summary_bin, GTK_WIDGET (self->summary_page));
      cm_summary_page_set_cycle (self->summary_page, self->store, cycle);
    }
}

static void
on_selected_cycle_changed (CmWindow *self)
{
  CmCycle *cycle = get_selected_cycle (self);
  static CmCycle *previous;

  update_content (self);

  /* On a phone, picking a cycle moves on to it. */
  if (cycle != NULL && cycle != previous)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  previous = cycle;
}

static void
select_cycle (CmWindow *self,
              CmCycle  *cycle)
{
  GListModel *model = G_LIST_MODEL (self->filtered_cycles);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmCycle) item = g_list_model_get_item (model, i);

      if (item == cycle)
        {
          if (i >= gtk_slice_list_model_get_size (self->listed_cycles))
            gtk_slice_list_model_set_size (self->listed_cycles, G_MAXUINT);
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
select_cycle_by_id (CmWindow *self,
                    gint64    id)
{
  guint n = g_list_model_get_n_items (self->cycles);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmCycle) item = g_list_model_get_item (self->cycles, i);

      if (cm_cycle_get_id (item) == id)
        {
          select_cycle (self, item);
          return;
        }
    }
}

static void
on_cycles_changed (CmWindow *self)
{
  update_content (self);
}

static void
show_error_toast (CmWindow     *self,
                  const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Actions -------------------------------------------------------------- */

static void
new_cycle_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CmWindow *self = CM_WINDOW (widget);
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  cycle = cm_cycle_new ();
  cm_cycle_set_title (cycle, _("New commissioning cycle"));
  cm_cycle_set_service_area (cycle, _("Independent advocacy"));

  if (!cm_store_add_cycle_from_default_template (self->store, cycle, &error))
    {
      show_error_toast (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  select_cycle (self, cycle);
  cm_cycle_page_focus_title (self->cycle_page);
}

static void
open_sample_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CmWindow *self = CM_WINDOW (widget);
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  cycle = cm_sample_create_cycle (self->store, &error);
  if (cycle == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  select_cycle (self, cycle);
}

static void
rename_cycle_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CmWindow *self = CM_WINDOW (widget);

  if (get_selected_cycle (self) != NULL)
    cm_cycle_page_focus_title (self->cycle_page);
}

typedef struct
{
  CmStore *store;
  CmCycle *cycle;
  CmWindow *window;
} DeletedCycle;

static void
deleted_cycle_free (gpointer data)
{
  DeletedCycle *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_object (&deleted->cycle);
  g_clear_weak_pointer (&deleted->window);
  g_free (deleted);
}

static void
on_undo_delete_cycle (AdwToast     *toast,
                      DeletedCycle *deleted)
{
  g_autoptr(GError) error = NULL;

  if (!cm_store_restore (deleted->store, G_OBJECT (deleted->cycle), &error))
    {
      if (deleted->window != NULL)
        show_error_toast (deleted->window, error);
      return;
    }

  if (deleted->window != NULL)
    select_cycle (deleted->window, deleted->cycle);
}

static void
delete_cycle_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CmWindow *self = CM_WINDOW (widget);
  CmCycle *cycle = get_selected_cycle (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DeletedCycle *deleted;
  AdwToast *toast;

  if (cycle == NULL)
    return;

  deleted = g_new0 (DeletedCycle, 1);
  deleted->store = g_object_ref (self->store);
  deleted->cycle = g_object_ref (cycle);
  g_set_weak_pointer (&deleted->window, self);

  if (!cm_store_trash (self->store, G_OBJECT (cycle), &error))
    {
      deleted_cycle_free (deleted);
      show_error_toast (self, error);
      return;
    }

  /* Translators: %s is the title of the cycle that was just deleted */
  message = g_strdup_printf (_("“%s” deleted"), cm_cycle_get_title (deleted->cycle));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_cycle),
                         deleted, (GClosureNotify) (void (*) (void)) deleted_cycle_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CmWindow *self = CM_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
focus_wheel_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CmWindow *self = CM_WINDOW (widget);

  if (get_selected_cycle (self) != NULL)
    cm_cycle_page_focus_wheel (self->cycle_page);
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CmWindow *self = CM_WINDOW (widget);

  if (get_selected_cycle (self) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* GTK would build the shortcuts window from gtk/help-overlay.ui with every
 * application window, before anyone asks for it; it lives under another
 * name so that it is built on first use instead, once per window. */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CmWindow *self = CM_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;
      GObject *shortcuts;

      builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/cm-shortcuts-window.ui");
      shortcuts = gtk_builder_get_object (builder, "help_overlay");
      self->shortcuts_window = GTK_WINDOW (g_object_ref (shortcuts));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_modal (self->shortcuts_window, TRUE);
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (CM_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_content_title_notify (CmWindow *self)
{
  CmCycle *cycle = get_selected_cycle (self);

  if (cycle != NULL)
    {
      adw_view_switcher_title_set_title (self->content_title, cm_cycle_get_title (cycle));
      adw_view_switcher_title_set_subtitle (self->content_title,
                                            cm_cycle_get_service_area (cycle));
    }
}

/* Window state --------------------------------------------------------- */

static gboolean
cm_window_close_request (GtkWindow *window)
{
  CmWindow *self = CM_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (cm_window_parent_class)->close_request (window);
}

static void
cm_window_dispose (GObject *object)
{
  CmWindow *self = CM_WINDOW (object);

  /* Taking the view stack apart changes its visible page: that must not
   * build pages now. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, ensure_visible_page, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_WINDOW);
  self->specs_page = NULL;
  self->workshops_page = NULL;
  self->summary_page = NULL;
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  g_clear_object (&self->selection);
  g_clear_object (&self->listed_cycles);
  g_clear_object (&self->filtered_cycles);
  g_clear_object (&self->cycles);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_window_parent_class)->dispose (object);
}

static void
cm_window_class_init (CmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cm_window_dispose;
  window_class->close_request = cm_window_close_request;

  g_type_ensure (CM_TYPE_CYCLE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, cycle_list);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, cycle_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, cycle_menu);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, cycle_page);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, specs_bin);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, workshops_bin);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, summary_bin);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.new-cycle", NULL, new_cycle_activated);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.rename-cycle", NULL,
                                   rename_cycle_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-cycle", NULL,
                                   delete_cycle_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.focus-wheel", NULL, focus_wheel_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  /* Its shortcut is the application's, as GTK's own would be. */
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-cycle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-cycle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "win.delete-cycle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.focus-wheel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "cycle");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "specifications");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "workshops");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "summary");
}

/* The bottom switcher makes a button for each page as soon as it has the
 * stack, so it gets it only when the window is narrow enough to show it. */
static void
give_switcher_bar_its_stack (CmWindow *self)
{
  if (adw_view_switcher_bar_get_reveal (self->switcher_bar) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

static void
cm_window_init (CmWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkExpression *expression;
  GtkStringFilter *filter;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = cm_cycle_row_factory_new ();
  gtk_list_view_set_factory (self->cycle_list, factory);

  /* Search as you type over the titles of cycles. */
  expression = gtk_property_expression_new (CM_TYPE_CYCLE, NULL, "title");
  filter = gtk_string_filter_new (expression);
  g_object_bind_property (self->search_entry, "text", filter, "search", G_BINDING_DEFAULT);
  self->filtered_cycles = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  self->listed_cycles = cm_slice_until_first_frame (G_LIST_MODEL (self->filtered_cycles),
                                                    GTK_WIDGET (self), G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->listed_cycles)));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->cycle_list, GTK_SELECTION_MODEL (self->selection));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->cycle_list));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_cycle_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (ensure_visible_page), self, G_CONNECT_SWAPPED);

  /* Not needed for the first frame, so made when first wanted. */
  cm_menu_button_set_menu_model_lazily (self->primary_menu_button, self->primary_menu);
  cm_menu_button_set_menu_model_lazily (self->cycle_menu_button, self->cycle_menu);
  g_signal_connect_object (self->switcher_bar, "notify::reveal",
                           G_CALLBACK (give_switcher_bar_its_stack), self, G_CONNECT_SWAPPED);
  give_switcher_bar_its_stack (self);
}

static void
restore_window_state (CmWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without an installed schema (a test run from elsewhere) the window
   * still works, it just forgets its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Until the first frame, the list of cycles has only as many as the window
 * has room for: rows are at least MIN_ROW_HEIGHT high. */
#define MIN_ROW_HEIGHT 40

static void
list_first_cycles (CmWindow *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (height <= 0 || gtk_window_is_maximized (GTK_WINDOW (self)))
    height = 2160;
  gtk_slice_list_model_set_size (self->listed_cycles, (guint) height / MIN_ROW_HEIGHT + 1);
}

/* For the start-up benchmark: with CM_DEBUG_FIRST_FRAME set, print the
 * monotonic time of the first frame that shows the database's content,
 * then quit. What the frame showed follows, so the benchmark can check it:
 * the content page, the number of cycles listed, and the id of the cycle
 * whose wheel is on screen (0 for none). */
static void
on_first_content_frame (GdkFrameClock *clock,
                        CmWindow      *self)
{
  CmCycle *shown;

  if (self->first_frame_reported)
    return;

  self->first_frame_reported = TRUE;
  shown = gtk_widget_get_mapped (GTK_WIDGET (self->cycle_page))
          ? cm_cycle_page_get_cycle (self->cycle_page) : NULL;
  g_print ("first-frame %" G_GINT64_FORMAT " %s %u %" G_GINT64_FORMAT "\n",
           g_get_monotonic_time (), gtk_stack_get_visible_child_name (self->content_stack),
           self->cycles != NULL ? g_list_model_get_n_items (self->cycles) : 0,
           shown != NULL ? cm_cycle_get_id (shown) : 0);
  g_signal_handlers_disconnect_by_func (clock, on_first_content_frame, self);
  g_application_quit (g_application_get_default ());
}

static void
report_first_frame_when_drawn (CmWindow *self)
{
  GdkFrameClock *clock;

  if (g_getenv ("CM_DEBUG_FIRST_FRAME") == NULL)
    return;

  /* The application shows the window once it has its content, so the
   * window may not be realized yet: then its first frame is the one. */
  g_signal_handlers_disconnect_by_func (self, report_first_frame_when_drawn, NULL);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      g_signal_connect (self, "realize", G_CALLBACK (report_first_frame_when_drawn), NULL);
      return;
    }

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_content_frame), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cm_window_set_store (CmWindow     *self,
                     CmStore      *store,
                     const GError *open_error)
{
  g_autoptr(GError) error = NULL;
  gint64 last_id = 0;

  g_return_if_fail (CM_IS_WINDOW (self));

  g_clear_object (&self->store);
  g_clear_object (&self->cycles);
  gtk_filter_list_model_set_model (self->filtered_cycles, NULL);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->cycles = cm_store_list_cycles (store, &error);
    }

  if (self->cycles == NULL)
    {
      g_clear_object (&self->store);
      self->failed = TRUE;
      /* Set only now: drawing this icon loads the SVG renderer, which would
       * slow every start-up for a page that is rarely seen. */
      adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
      adw_status_page_set_description (self->error_page,
                                       open_error ? open_error->message
                                                  : error ? error->message : NULL);
      update_content (self);
      report_first_frame_when_drawn (self);
      return;
    }

  self->failed = FALSE;

  /* Open where the person left off, or else on their first cycle. The
   * list would select its first cycle as it fills, which would be saved as
   * the last one and built for nothing: it waits for this choice. */
  if (self->settings != NULL)
    last_id = g_settings_get_int64 (self->settings, "last-cycle-id");
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_filter_list_model_set_model (self->filtered_cycles, self->cycles);
  g_signal_connect_object (self->cycles, "items-changed", G_CALLBACK (on_cycles_changed),
                           self, G_CONNECT_SWAPPED);

  select_cycle_by_id (self, last_id);
  if (get_selected_cycle (self) == NULL && g_list_model_get_n_items (self->cycles) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  update_content (self);
  report_first_frame_when_drawn (self);
}

CmWindow *
cm_window_new (CmApplication *application,
               CmStore       *store,
               const GError  *open_error)
{
  CmWindow *self = g_object_new (CM_TYPE_WINDOW, "application", application, NULL);

  restore_window_state (self);
  list_first_cycles (self);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_content_title_notify), self, G_CONNECT_SWAPPED);

  if (store != NULL || open_error != NULL)
    cm_window_set_store (self, store, open_error);
  else
    update_content (self);

  return self;
}
