/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-cycle-row-factory"

#include "config.h"

#include "cm-cycle-row-factory.h"

#include "cm-cycle.h"
#include "cm-gui-util.h"

/* The rows of the window's list of cycles: a title and the service area,
 * kept up to date as the cycle changes. */

static void
setup_cycle_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = cm_two_line_box_new ();

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
update_cycle_row (GtkListItem *item)
{
  CmCycle *cycle = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);

  if (cycle == NULL)
    return;

  gtk_label_set_label (GTK_LABEL (title), cm_cycle_get_title (cycle));
  gtk_label_set_label (GTK_LABEL (subtitle), cm_cycle_get_service_area (cycle));
  gtk_widget_set_visible (subtitle, *cm_cycle_get_service_area (cycle) != '\0');
}

static void
bind_cycle_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  CmCycle *cycle = gtk_list_item_get_item (item);

  update_cycle_row (item);
  g_signal_connect_object (cycle, "notify", G_CALLBACK (update_cycle_row), item,
                           G_CONNECT_SWAPPED);
}

static void
unbind_cycle_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  CmCycle *cycle = gtk_list_item_get_item (item);

  if (cycle != NULL)
    g_signal_handlers_disconnect_by_func (cycle, update_cycle_row, item);
}

GtkListItemFactory *
cm_cycle_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cycle_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cycle_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cycle_row), NULL);
  return factory;
}
