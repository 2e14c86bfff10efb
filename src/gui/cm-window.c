/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-window.h"

struct _CmWindow
{
  AdwApplicationWindow  parent_instance;

  CmStore              *store;
  GListModel           *cycles;

  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkListView          *cycle_list;
  GtkSingleSelection   *cycle_selection;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (CmWindow, cm_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_main_page (CmWindow *self)
{
  const char *page;

  if (self->store == NULL)
    page = "error";
  else if (g_list_model_get_n_items (self->cycles) == 0)
    page = "empty";
  else
    page = "cycles";

  gtk_stack_set_visible_child_name (self->main_stack, page);
}

static void
on_cycles_changed (CmWindow   *self,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListModel *model)
{
  update_main_page (self);
}

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
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
cm_window_dispose (GObject *object)
{
  CmWindow *self = CM_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_WINDOW);
  g_clear_object (&self->cycles);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_window_parent_class)->dispose (object);
}

static void
cm_window_class_init (CmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, cycle_list);
  gtk_widget_class_bind_template_child (widget_class, CmWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.new-cycle", NULL, new_cycle_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-cycle", NULL);
}

static void
cm_window_init (CmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
setup_cycle_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_item_set_child (item, label);
}

static void
bind_cycle_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  CmCycle *cycle = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), cm_cycle_get_title (cycle));
}

CmWindow *
cm_window_new (CmApplication *application,
               CmStore       *store,
               const GError  *open_error)
{
  CmWindow *self = g_object_new (CM_TYPE_WINDOW, "application", application, NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GError) error = NULL;

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->cycles = cm_store_list_cycles (store, &error);
    }

  if (self->cycles == NULL)
    {
      g_clear_object (&self->store);
      adw_status_page_set_description (self->error_page,
                                       open_error ? open_error->message
                                                  : error ? error->message : NULL);
      update_main_page (self);
      return self;
    }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cycle_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cycle_row), NULL);
  gtk_list_view_set_factory (self->cycle_list, factory);
  gtk_list_view_set_model (self->cycle_list,
                           GTK_SELECTION_MODEL (gtk_single_selection_new (
                             g_object_ref (self->cycles))));

  g_signal_connect_object (self->cycles, "items-changed", G_CALLBACK (on_cycles_changed),
                           self, G_CONNECT_SWAPPED);
  update_main_page (self);

  return self;
}
