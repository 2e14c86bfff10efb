/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-specs-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-gui-util.h"
#include "cm-spec-editor.h"
#include "cm-specs-page.h"
#include "cm-store-specs.h"
#include "cm-toast.h"

/* The Specifications page of a cycle: its specifications on the left,
 * filtered by status, and the editor of the chosen one on the right. On a
 * narrow screen the two fold into a leaflet: choosing a specification
 * moves on to the editor and the back button returns. */

struct _CmSpecsPage
{
  GtkWidget           parent_instance;

  CmStore            *store;
  CmCycle            *cycle;
  GListModel         *specs;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  CmServiceSpec      *watched;     /* the selected spec, whose status the filter follows */

  AdwLeaflet         *leaflet;
  GtkDropDown        *status_filter;
  GtkStack           *list_stack;
  GtkListView        *spec_list;
  AdwStatusPage      *empty_page;
  GtkStack           *editor_stack;
  CmSpecEditor       *editor;
};

G_DEFINE_FINAL_TYPE (CmSpecsPage, cm_specs_page, GTK_TYPE_WIDGET)

static void
update_actions (CmSpecsPage *self)
{
  gboolean has_cycle = self->cycle != NULL && self->store != NULL;
  gboolean has_spec = cm_specs_page_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "specs.new", has_cycle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "specs.duplicate", has_spec);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "specs.delete", has_spec);
}

/* Filtering by status ---------------------------------------------------- */

static gboolean
filter_spec (gpointer item,
             gpointer user_data)
{
  CmSpecsPage *self = user_data;
  guint chosen = gtk_drop_down_get_selected (self->status_filter);

  /* The first choice is "All"; the others follow CmSpecStatus. */
  return chosen == 0 || chosen == GTK_INVALID_LIST_POSITION ||
         (guint) cm_service_spec_get_status (CM_SERVICE_SPEC (item)) == chosen - 1;
}

static void
update_list_stack (CmSpecsPage *self)
{
  gboolean empty, filtering;

  if (self->filtered == NULL)
    return;

  empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;
  filtering = gtk_drop_down_get_selected (self->status_filter) > 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
  adw_status_page_set_title (self->empty_page,
                             filtering && self->specs != NULL &&
                             g_list_model_get_n_items (self->specs) > 0
                             ? _("No Specifications with This Status")
                             : _("No Specifications"));
}

static void
on_filter_changed (CmSpecsPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_stack (self);
}

static void
on_watched_status (CmSpecsPage *self)
{
  on_filter_changed (self);
}

/* The list ----------------------------------------------------------------- */

static void
setup_spec_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = cm_two_line_box_new ();

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
update_spec_row (GtkListItem *item)
{
  CmServiceSpec *spec = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *text = NULL;
  guint version;

  if (spec == NULL)
    return;

  version = cm_service_spec_get_version (spec);
  if (version > 0)
    /* Translators: under a specification's title: its status and latest version */
    text = g_strdup_printf (_("%s · version %u"),
                            cm_spec_status_to_label (cm_service_spec_get_status (spec)), version);
  else
    text = g_strdup (cm_spec_status_to_label (cm_service_spec_get_status (spec)));

  gtk_label_set_label (GTK_LABEL (title), cm_service_spec_get_title (spec));
  gtk_label_set_label (GTK_LABEL (subtitle), text);
}

static void
bind_spec_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  CmServiceSpec *spec = gtk_list_item_get_item (item);

  update_spec_row (item);
  g_signal_connect_object (spec, "notify", G_CALLBACK (update_spec_row), item,
                           G_CONNECT_SWAPPED);
}

static void
unbind_spec_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  CmServiceSpec *spec = gtk_list_item_get_item (item);

  if (spec != NULL)
    g_signal_handlers_disconnect_by_func (spec, update_spec_row, item);
}

static void
on_selection_changed (CmSpecsPage *self)
{
  CmServiceSpec *spec = cm_specs_page_get_selected (self);

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);
  g_set_object (&self->watched, spec);
  if (spec != NULL)
    g_signal_connect_swapped (spec, "notify::status", G_CALLBACK (on_watched_status), self);

  cm_spec_editor_set_spec (self->editor, self->store, self->cycle, spec);
  gtk_stack_set_visible_child_name (self->editor_stack, spec != NULL ? "editor" : "none");
  update_actions (self);
}

static void
on_spec_activated (CmSpecsPage *self,
                   guint        position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Actions -------------------------------------------------------------------- */

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CmSpecsPage *self = CM_SPECS_PAGE (widget);
  g_autoptr(CmServiceSpec) spec = NULL;
  g_autoptr(GError) error = NULL;

  if (self->cycle == NULL || self->store == NULL)
    return;

  spec = cm_service_spec_new ();
  cm_service_spec_set_cycle_id (spec, cm_cycle_get_id (self->cycle));
  cm_service_spec_set_title (spec, _("New specification"));

  if (!cm_store_add_spec_with_default_sections (self->store, spec, &error))
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  cm_specs_page_select_spec (self, spec);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  cm_spec_editor_focus_title (self->editor);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CmSpecsPage *self = CM_SPECS_PAGE (widget);
  CmServiceSpec *spec = cm_specs_page_get_selected (self);
  g_autoptr(CmServiceSpec) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (spec == NULL)
    return;

  cm_spec_editor_flush (self->editor);
  copy = cm_store_duplicate_spec (self->store, spec, &error);
  if (copy == NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  cm_specs_page_select_spec (self, copy);
  /* Translators: %s is the title of the new copy of a specification */
  message = g_strdup_printf (_("Duplicated as “%s”"), cm_service_spec_get_title (copy));
  cm_toast_show_message (GTK_WIDGET (self), message);
}

static void
on_spec_restored (GtkWidget *page,
                  GObject   *spec)
{
  cm_specs_page_select_spec (CM_SPECS_PAGE (page), CM_SERVICE_SPEC (spec));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CmSpecsPage *self = CM_SPECS_PAGE (widget);
  CmServiceSpec *spec = cm_specs_page_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (spec == NULL)
    return;

  cm_spec_editor_flush (self->editor);
  /* Translators: %s is the title of the specification that was just deleted */
  message = g_strdup_printf (_("“%s” deleted"), cm_service_spec_get_title (spec));
  if (!cm_toast_trash_with_undo (widget, self->store, G_OBJECT (spec), message,
                                 on_spec_restored, &error))
    cm_toast_show_message (widget, error->message);
}

static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CmSpecsPage *self = CM_SPECS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "editor") == 0)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      gtk_widget_grab_focus (GTK_WIDGET (self->spec_list));
      return;
    }

  /* Nothing to go back to here: the window goes back to its cycles. */
  gtk_widget_activate_action (widget, "win.back", NULL);
}

static gboolean
on_list_key_pressed (CmSpecsPage     *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  if (keyval == GDK_KEY_Delete && (state & GDK_MODIFIER_MASK) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "specs.delete", NULL);
      return TRUE;
    }

  return FALSE;
}

/* GObject ------------------------------------------------------------------ */

static void
cm_specs_page_dispose (GObject *object)
{
  CmSpecsPage *self = CM_SPECS_PAGE (object);

  if (self->editor != NULL)
    cm_spec_editor_flush (self->editor);
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_SPECS_PAGE);

  g_clear_object (&self->watched);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->specs);
  g_clear_object (&self->cycle);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_specs_page_parent_class)->dispose (object);
}

static void
cm_specs_page_class_init (CmSpecsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_specs_page_dispose;

  g_type_ensure (CM_TYPE_SPEC_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cm-specs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmSpecsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CmSpecsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CmSpecsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CmSpecsPage, spec_list);
  gtk_widget_class_bind_template_child (widget_class, CmSpecsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CmSpecsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, CmSpecsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_spec_activated);

  gtk_widget_class_install_action (widget_class, "specs.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "specs.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "specs.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "specs.show-list", NULL, show_list_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "specs.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "specs.duplicate",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "specs.show-list", NULL);
}

static void
cm_specs_page_init (CmSpecsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the first choice of the status filter */
  gtk_string_list_append (statuses, _("All statuses"));
  for (int status = CM_SPEC_STATUS_DRAFT; status <= CM_SPEC_STATUS_RETIRED; status++)
    gtk_string_list_append (statuses, cm_spec_status_to_label (status));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));

  self->filter = gtk_custom_filter_new (filter_spec, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_list_stack),
                            self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_spec_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_spec_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_spec_row), NULL);
  gtk_list_view_set_factory (self->spec_list, factory);
  gtk_list_view_set_model (self->spec_list, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->spec_list), keys);

  update_list_stack (self);
  update_actions (self);
}

/* Public API ---------------------------------------------------------------- */

CmSpecsPage *
cm_specs_page_new (void)
{
  return g_object_new (CM_TYPE_SPECS_PAGE, NULL);
}

void
cm_specs_page_set_cycle (CmSpecsPage *self,
                         CmStore     *store,
                         CmCycle     *cycle)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CM_IS_SPECS_PAGE (self));
  g_return_if_fail (store == NULL || CM_IS_STORE (store));
  g_return_if_fail (cycle == NULL || CM_IS_CYCLE (cycle));

  if (self->cycle == cycle && self->store == store)
    return;

  cm_spec_editor_flush (self->editor);
  cm_spec_editor_set_spec (self->editor, NULL, NULL, NULL);

  g_set_object (&self->store, store);
  g_set_object (&self->cycle, cycle);
  g_clear_object (&self->specs);

  if (store != NULL && cycle != NULL)
    self->specs = cm_store_list_specs (store, cm_cycle_get_id (cycle), &error);

  gtk_filter_list_model_set_model (self->filtered, self->specs);
  on_selection_changed (self);
  update_list_stack (self);

  if (error != NULL)
    cm_toast_show_message (GTK_WIDGET (self), error->message);
}

void
cm_specs_page_select_spec (CmSpecsPage   *self,
                           CmServiceSpec *spec)
{
  GListModel *model;
  guint n;

  g_return_if_fail (CM_IS_SPECS_PAGE (self));
  g_return_if_fail (CM_IS_SERVICE_SPEC (spec));

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      model = G_LIST_MODEL (self->filtered);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CmServiceSpec) item = g_list_model_get_item (model, i);

          if (item == spec)
            {
              gtk_single_selection_set_selected (self->selection, i);
              return;
            }
        }

      /* Filtered out: show every status and look again. */
      gtk_drop_down_set_selected (self->status_filter, 0);
    }
}

CmServiceSpec *
cm_specs_page_get_selected (CmSpecsPage *self)
{
  g_return_val_if_fail (CM_IS_SPECS_PAGE (self), NULL);

  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection)
                                 : NULL;
}

void
cm_specs_page_flush (CmSpecsPage *self)
{
  g_return_if_fail (CM_IS_SPECS_PAGE (self));

  cm_spec_editor_flush (self->editor);
}
