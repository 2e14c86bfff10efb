/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-spec-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-spec-editor-private.h"
#include "cm-store-specs.h"
#include "cm-gui-util.h"
#include "cm-toast.h"

/* The KPI table: measure, target, frequency and source, each cell an
 * editable label. Enter (or a click) edits a cell, Enter keeps the change
 * and Escape drops it; the change is saved when the cell is left. Tab
 * moves between cells, arrows between rows. */

typedef struct
{
  const char *property;
  const char *title;
} KpiColumn;

static const KpiColumn kpi_columns[] = {
  /* Translators: column headings of the KPI table */
  { "measure", N_("Measure") },
  { "target", N_("Target") },
  { "frequency", N_("Frequency") },
  { "source", N_("Source") },
};

static char *
get_text (CmKpi      *kpi,
          const char *property)
{
  char *text = NULL;

  g_object_get (kpi, property, &text, NULL);
  return text;
}

static void
on_cell_editing (GtkEditableLabel *label,
                 GParamSpec       *pspec,
                 CmSpecEditor     *self)
{
  CmKpi *kpi = g_object_get_data (G_OBJECT (label), "kpi");
  const KpiColumn *column = g_object_get_data (G_OBJECT (label), "column");
  g_autofree char *previous = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  if (gtk_editable_label_get_editing (label) || kpi == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (label));
  previous = get_text (kpi, column->property);
  if (g_strcmp0 (text, previous) == 0)
    return;

  g_object_set (kpi, column->property, text, NULL);
  if (!cm_store_save_kpi (self->store, kpi, &error))
    {
      /* Keep what is saved; say why the new text was not. */
      g_object_set (kpi, column->property, previous, NULL);
      gtk_editable_set_text (GTK_EDITABLE (label), previous);
    }

  cm_show_field_error (self->kpi_error_label, NULL, error);
  cm_spec_editor_mark_saved (self, error);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            const KpiColumn          *column)
{
  GtkWidget *label = gtk_editable_label_new ("");

  gtk_editable_set_width_chars (GTK_EDITABLE (label), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(column->title), -1);
  g_object_set_data (G_OBJECT (label), "column", (gpointer) column);
  gtk_list_item_set_child (item, label);
}

static void
update_cell (GtkEditableLabel *label)
{
  CmKpi *kpi = g_object_get_data (G_OBJECT (label), "kpi");
  const KpiColumn *column = g_object_get_data (G_OBJECT (label), "column");
  g_autofree char *text = NULL;

  if (kpi == NULL || gtk_editable_label_get_editing (label))
    return;

  text = get_text (kpi, column->property);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (label), text);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CmSpecEditor             *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  CmKpi *kpi = gtk_list_item_get_item (item);
  const KpiColumn *column = g_object_get_data (G_OBJECT (label), "column");
  g_autofree char *signal = g_strdup_printf ("notify::%s", column->property);

  g_object_set_data (G_OBJECT (label), "kpi", kpi);
  update_cell (GTK_EDITABLE_LABEL (label));
  g_signal_connect_object (kpi, signal, G_CALLBACK (update_cell), label, G_CONNECT_SWAPPED);
  g_signal_connect (label, "notify::editing", G_CALLBACK (on_cell_editing), self);

  if (column == &kpi_columns[0])
    g_hash_table_insert (self->kpi_first_cells, kpi, label);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CmSpecEditor             *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  CmKpi *kpi = g_object_get_data (G_OBJECT (label), "kpi");

  if (kpi == NULL)
    return;

  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)))
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
  g_signal_handlers_disconnect_by_func (kpi, update_cell, label);
  g_signal_handlers_disconnect_by_func (label, on_cell_editing, self);
  if (g_hash_table_lookup (self->kpi_first_cells, kpi) == label)
    g_hash_table_remove (self->kpi_first_cells, kpi);
  g_object_set_data (G_OBJECT (label), "kpi", NULL);
}

static void
start_editing (CmSpecEditor *self,
               CmKpi        *kpi)
{
  GtkWidget *label = g_hash_table_lookup (self->kpi_first_cells, kpi);

  if (label == NULL)
    return;

  gtk_widget_grab_focus (label);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
}

static void
on_kpi_activated (CmSpecEditor *self,
                  guint         position)
{
  g_autoptr(CmKpi) kpi = g_list_model_get_item (G_LIST_MODEL (self->kpi_selection), position);

  if (kpi != NULL)
    start_editing (self, kpi);
}

static void
update_empty (CmSpecEditor *self)
{
  gboolean empty = self->kpis == NULL || g_list_model_get_n_items (self->kpis) == 0;

  /* The table's scrolled window. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->kpi_view)), !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->kpi_empty_label), empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-kpi", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-kpi-up", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-kpi-down", !empty);
}

void
cm_spec_editor_kpis_load (CmSpecEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->kpis != NULL)
    g_signal_handlers_disconnect_by_data (self->kpis, self);
  g_clear_object (&self->kpis);
  gtk_single_selection_set_model (self->kpi_selection, NULL);
  cm_show_field_error (self->kpi_error_label, NULL, NULL);

  if (self->spec != NULL)
    self->kpis = cm_store_list_kpis (self->store, cm_service_spec_get_id (self->spec), &error);
  if (error != NULL)
    cm_show_field_error (self->kpi_error_label, NULL, error);

  if (self->kpis != NULL)
    {
      gtk_single_selection_set_model (self->kpi_selection, self->kpis);
      g_signal_connect_object (self->kpis, "items-changed", G_CALLBACK (update_empty), self,
                               G_CONNECT_SWAPPED);
    }

  update_empty (self);
}

void
cm_spec_editor_kpis_init (CmSpecEditor *self)
{
  self->kpi_first_cells = g_hash_table_new (NULL, NULL);
  self->kpi_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->kpi_selection, TRUE);
  gtk_column_view_set_model (self->kpi_view, GTK_SELECTION_MODEL (self->kpi_selection));

  for (guint i = 0; i < G_N_ELEMENTS (kpi_columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) &kpi_columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);

      column = gtk_column_view_column_new (_(kpi_columns[i].title), factory);
      gtk_column_view_column_set_expand (column, i == 0);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->kpi_view, column);
      g_object_unref (column);
    }

  g_signal_connect_swapped (self->kpi_view, "activate", G_CALLBACK (on_kpi_activated), self);
  update_empty (self);
}

static CmKpi *
selected_kpi (CmSpecEditor *self)
{
  return gtk_single_selection_get_selected_item (self->kpi_selection);
}

static gboolean
start_editing_selected (gpointer user_data)
{
  CmSpecEditor *self = user_data;
  CmKpi *kpi = selected_kpi (self);

  if (kpi != NULL)
    start_editing (self, kpi);
  return G_SOURCE_REMOVE;
}

void
cm_spec_editor_add_kpi (CmSpecEditor *self)
{
  g_autoptr(CmKpi) kpi = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->spec == NULL)
    return;

  kpi = cm_kpi_new ();
  cm_kpi_set_spec_id (kpi, cm_service_spec_get_id (self->spec));
  cm_kpi_set_measure (kpi, _("New measure"));

  if (!cm_store_add_kpi (self->store, kpi, &error))
    {
      cm_show_field_error (self->kpi_error_label, NULL, error);
      return;
    }

  cm_spec_editor_mark_saved (self, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->kpi_selection));
  gtk_single_selection_set_selected (self->kpi_selection, n - 1);

  /* The row gets its cells when the view is next laid out. */
  g_timeout_add_full (G_PRIORITY_LOW, 50, start_editing_selected, g_object_ref (self),
                      g_object_unref);
}

void
cm_spec_editor_remove_kpi (CmSpecEditor *self)
{
  CmKpi *kpi = selected_kpi (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (kpi == NULL)
    return;

  /* Translators: %s is the measure of an indicator that was just removed */
  message = g_strdup_printf (_("“%s” removed"), cm_kpi_get_measure (kpi));
  if (!cm_toast_trash_with_undo (GTK_WIDGET (self), self->store, G_OBJECT (kpi), message, NULL,
                                 &error))
    {
      cm_show_field_error (self->kpi_error_label, NULL, error);
      return;
    }

  cm_spec_editor_mark_saved (self, NULL);
}

void
cm_spec_editor_move_kpi (CmSpecEditor *self,
                         int           direction)
{
  g_autoptr(CmKpi) kpi = NULL;
  g_autoptr(GError) error = NULL;
  guint position = gtk_single_selection_get_selected (self->kpi_selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->kpi_selection));

  if (position == GTK_INVALID_LIST_POSITION || (direction < 0 && position == 0) ||
      (direction > 0 && position + 1 >= n))
    return;

  kpi = g_object_ref (selected_kpi (self));
  if (!cm_store_move_kpi (self->store, kpi, position + direction, &error))
    {
      cm_show_field_error (self->kpi_error_label, NULL, error);
      return;
    }

  cm_spec_editor_mark_saved (self, NULL);
  gtk_single_selection_set_selected (self->kpi_selection, position + direction);
}
