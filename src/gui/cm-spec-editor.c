/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-spec-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-demand-editor.h"
#include "cm-enum-types.h"
#include "cm-gui-util.h"
#include "cm-money.h"
#include "cm-spec-editor-private.h"
#include "cm-store-specs.h"
#include "cm-toast.h"

/* The editor of one service specification, in four pages: its details
 * (header fields and KPIs), its sections, its demand model and its
 * versions. Nothing has a Save button: every field is written as it
 * changes, long text a moment after typing stops, and everything still
 * waiting is written when the editor is hidden, destroyed or the
 * application quits. The line under the title says whether it is saved. */

static const CmAdvocacyTypes advocacy_types[] = {
  CM_ADVOCACY_CARE_ACT, CM_ADVOCACY_IMCA, CM_ADVOCACY_IMHA, CM_ADVOCACY_PAID_RPR,
  CM_ADVOCACY_NHS_COMPLAINTS, CM_ADVOCACY_GENERAL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (advocacy_types) == 6);

G_DEFINE_FINAL_TYPE (CmSpecEditor, cm_spec_editor, GTK_TYPE_WIDGET)

/* Shared helpers --------------------------------------------------------- */

void
cm_spec_editor_update_saved_label (CmSpecEditor *self)
{
  GDateTime *updated = self->spec != NULL ? cm_service_spec_get_updated_at (self->spec) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->saved_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->saved_label), "dim-label");

  if (self->spec == NULL)
    text = g_strdup ("");
  else if (self->save_failed)
    {
      text = g_strdup (_("Not saved: see the message beside the field"));
      gtk_widget_add_css_class (GTK_WIDGET (self->saved_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->saved_label), "dim-label");
    }
  else if (self->body_save_id != 0)
    text = g_strdup (_("Saving…"));
  else if (updated != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (updated);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *when = NULL;

      if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
        /* Translators: a time of day, see the strftime manual */
        when = g_date_time_format (local, _("%H:%M"));
      else
        /* Translators: a date and time, see the strftime manual */
        when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));

      /* Translators: under a specification's title; %s is when it was last saved */
      text = g_strdup_printf (_("All changes saved · last saved %s"), when);
    }
  else
    text = g_strdup (_("All changes saved"));

  gtk_label_set_label (self->saved_label, text);
}

/* Records the outcome of a save: on success the specification is marked
 * as changed now, which the "last saved" line shows. */
void
cm_spec_editor_mark_saved (CmSpecEditor *self,
                           const GError *error)
{
  g_autoptr(GError) touch_error = NULL;

  if (error == NULL && self->spec != NULL &&
      !cm_store_touch_spec (self->store, self->spec, &touch_error))
    error = touch_error;

  self->save_failed = error != NULL;
  cm_spec_editor_update_saved_label (self);
}

/* Header fields ------------------------------------------------------------ */

static void
load_header (CmSpecEditor *self)
{
  CmAdvocacyTypes types;

  if (self->spec == NULL)
    return;

  self->updating = TRUE;

  gtk_label_set_label (self->heading_label, cm_service_spec_get_title (self->spec));
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->title_row), "error"))
    cm_set_entry_text (self->title_row, cm_service_spec_get_title (self->spec));
  cm_set_entry_text (self->lead_row, cm_service_spec_get_lead (self->spec));
  cm_set_entry_text (self->term_row, cm_service_spec_get_contract_term (self->spec));
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->budget_row), "error") &&
      !gtk_widget_has_focus (GTK_WIDGET (self->budget_row)) &&
      gtk_widget_get_focus_child (GTK_WIDGET (self->budget_row)) == NULL)
    {
      g_autofree char *budget = cm_money_format (cm_service_spec_get_budget_pence (self->spec));

      cm_set_entry_text (self->budget_row, budget);
    }
  adw_combo_row_set_selected (self->status_row, (guint) cm_service_spec_get_status (self->spec));
  adw_combo_row_set_selected (self->route_row,
                              (guint) cm_service_spec_get_procurement_route (self->spec));

  types = cm_service_spec_get_advocacy_types (self->spec);
  for (guint i = 0; i < G_N_ELEMENTS (advocacy_types); i++)
    gtk_check_button_set_active (self->type_checks[i], (types & advocacy_types[i]) != 0);

  self->updating = FALSE;
  cm_spec_editor_update_saved_label (self);
}

static void
save_spec (CmSpecEditor *self,
           GtkWidget    *field)
{
  g_autoptr(GError) error = NULL;

  if (cm_store_save_spec (self->store, self->spec, &error))
    cm_spec_editor_mark_saved (self, NULL);
  else
    cm_spec_editor_mark_saved (self, error);

  cm_show_field_error (self->details_error_label, field, error);
}

static void
on_title_changed (CmSpecEditor *self)
{
  if (self->updating || self->spec == NULL)
    return;

  cm_service_spec_set_title (self->spec, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  save_spec (self, GTK_WIDGET (self->title_row));
}

static void
on_lead_changed (CmSpecEditor *self)
{
  if (self->updating || self->spec == NULL)
    return;

  cm_service_spec_set_lead (self->spec, gtk_editable_get_text (GTK_EDITABLE (self->lead_row)));
  save_spec (self, GTK_WIDGET (self->lead_row));
}

static void
on_term_changed (CmSpecEditor *self)
{
  if (self->updating || self->spec == NULL)
    return;

  cm_service_spec_set_contract_term (self->spec,
                                     gtk_editable_get_text (GTK_EDITABLE (self->term_row)));
  save_spec (self, GTK_WIDGET (self->term_row));
}

static void
on_budget_changed (CmSpecEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 pence;

  if (self->updating || self->spec == NULL)
    return;

  if (!cm_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->budget_row)), &pence, &error))
    {
      /* Half-typed amounts are normal: say what is wrong, keep the saved one. */
      cm_show_field_error (self->details_error_label,
                                 GTK_WIDGET (self->budget_row), error);
      return;
    }

  cm_service_spec_set_budget_pence (self->spec, pence);
  save_spec (self, GTK_WIDGET (self->budget_row));
}

/* Leaving the budget shows it as money again: "125000" becomes "£125,000.00". */
static void
on_budget_focus_leave (CmSpecEditor *self)
{
  g_autofree char *budget = NULL;

  if (self->spec == NULL || gtk_widget_has_css_class (GTK_WIDGET (self->budget_row), "error"))
    return;

  budget = cm_money_format (cm_service_spec_get_budget_pence (self->spec));
  self->updating = TRUE;
  cm_set_entry_text (self->budget_row, budget);
  self->updating = FALSE;
}

static void
on_route_selected (CmSpecEditor *self)
{
  if (self->updating || self->spec == NULL)
    return;

  cm_service_spec_set_procurement_route (self->spec,
                                         (CmProcurementRoute)
                                         adw_combo_row_get_selected (self->route_row));
  save_spec (self, GTK_WIDGET (self->route_row));
}

static void
on_type_toggled (GtkCheckButton *check,
                 CmSpecEditor   *self)
{
  CmAdvocacyTypes types = CM_ADVOCACY_NONE;

  if (self->updating || self->spec == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (advocacy_types); i++)
    {
      if (gtk_check_button_get_active (self->type_checks[i]))
        types |= advocacy_types[i];
    }

  cm_service_spec_set_advocacy_types (self->spec, types);
  save_spec (self, NULL);
}

/* Moving to consultation, approved or published records a version, which
 * must hold the latest text: everything waiting is written first. */
static void
on_status_selected (CmSpecEditor *self)
{
  g_autoptr(GError) error = NULL;
  CmSpecStatus status;
  guint version;

  if (self->updating || self->spec == NULL)
    return;

  status = (CmSpecStatus) adw_combo_row_get_selected (self->status_row);
  if (status == cm_service_spec_get_status (self->spec))
    return;

  cm_spec_editor_flush (self);
  version = cm_service_spec_get_version (self->spec);

  if (!cm_store_set_spec_status (self->store, self->spec, status, &error))
    {
      self->updating = TRUE;
      adw_combo_row_set_selected (self->status_row,
                                  (guint) cm_service_spec_get_status (self->spec));
      self->updating = FALSE;
      cm_show_field_error (self->details_error_label,
                                 GTK_WIDGET (self->status_row), error);
      return;
    }

  cm_show_field_error (self->details_error_label, GTK_WIDGET (self->status_row),
                             NULL);
  cm_spec_editor_mark_saved (self, NULL);

  if (cm_service_spec_get_version (self->spec) != version)
    {
      g_autofree char *message = NULL;

      /* Translators: %u is a version number, %s a status such as "Published" */
      message = g_strdup_printf (_("Version %u recorded: %s"),
                                 cm_service_spec_get_version (self->spec),
                                 cm_spec_status_to_label (status));
      cm_toast_show_message (GTK_WIDGET (self), message);
    }
}

static gboolean
reload_versions (gpointer user_data)
{
  CmSpecEditor *self = user_data;

  self->versions_reload_id = 0;
  cm_spec_editor_versions_load (self);
  return G_SOURCE_REMOVE;
}

static void
on_spec_notify (CmSpecEditor *self,
                GParamSpec   *pspec)
{
  /* The count goes up before the version is written, in the same
   * transaction: read the list once that is done. */
  if (g_str_equal (pspec->name, "version"))
    {
      if (self->versions_reload_id == 0)
        self->versions_reload_id = g_idle_add (reload_versions, self);
    }
  else
    load_header (self);
}

static void
build_type_rows (CmSpecEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (advocacy_types); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     cm_advocacy_type_to_label (advocacy_types[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cm_advocacy_type_to_label (advocacy_types[i]), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (on_type_toggled), self);
      adw_preferences_group_add (self->types_group, row);
      self->type_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
on_page_changed (CmSpecEditor *self)
{
  /* Leaving a page writes what it was waiting to write. */
  cm_spec_editor_flush (self);
}

/* Actions -------------------------------------------------------------------- */

static gboolean
focus_within (GtkWidget *ancestor)
{
  GtkRoot *root = gtk_widget_get_root (ancestor);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

static void
action_add_section (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CmSpecEditor *self = CM_SPEC_EDITOR (widget);

  cm_spec_editor_show_page (self, "sections");
  cm_spec_editor_add_section (self);
}

static void
action_remove_section (GtkWidget *widget, const char *name, GVariant *parameter)
{
  cm_spec_editor_remove_section (CM_SPEC_EDITOR (widget));
}

static void
action_move_section_up (GtkWidget *widget, const char *name, GVariant *parameter)
{
  cm_spec_editor_move_section (CM_SPEC_EDITOR (widget), -1);
}

static void
action_move_section_down (GtkWidget *widget, const char *name, GVariant *parameter)
{
  cm_spec_editor_move_section (CM_SPEC_EDITOR (widget), 1);
}

/* Alt+Up and Alt+Down move what the keyboard is on: an indicator in the
 * KPI table, or else the section being edited. */
static void
action_move (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CmSpecEditor *self = CM_SPEC_EDITOR (widget);
  int direction = g_variant_get_int32 (parameter);

  if (focus_within (GTK_WIDGET (self->kpi_view)))
    cm_spec_editor_move_kpi (self, direction);
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "sections") == 0)
    cm_spec_editor_move_section (self, direction);
}

static void
action_step_section (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CmSpecEditor *self = CM_SPEC_EDITOR (widget);

  cm_spec_editor_show_page (self, "sections");
  cm_spec_editor_step_section (self, g_variant_get_int32 (parameter));
}

static void
action_rename_section (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CmSpecEditor *self = CM_SPEC_EDITOR (widget);

  cm_spec_editor_show_page (self, "sections");
  cm_spec_editor_rename_section (self);
}

static void
action_show_outline (GtkWidget *widget, const char *name, GVariant *parameter)
{
  cm_spec_editor_show_outline (CM_SPEC_EDITOR (widget));
}

static void
action_add_kpi (GtkWidget *widget, const char *name, GVariant *parameter)
{
  CmSpecEditor *self = CM_SPEC_EDITOR (widget);

  cm_spec_editor_show_page (self, "details");
  cm_spec_editor_add_kpi (self);
}

static void
action_remove_kpi (GtkWidget *widget, const char *name, GVariant *parameter)
{
  cm_spec_editor_remove_kpi (CM_SPEC_EDITOR (widget));
}

static void
action_move_kpi_up (GtkWidget *widget, const char *name, GVariant *parameter)
{
  cm_spec_editor_move_kpi (CM_SPEC_EDITOR (widget), -1);
}

static void
action_move_kpi_down (GtkWidget *widget, const char *name, GVariant *parameter)
{
  cm_spec_editor_move_kpi (CM_SPEC_EDITOR (widget), 1);
}

static void focus_page (CmSpecEditor *self,
                        const char   *name);

static void
action_show_page (GtkWidget *widget, const char *name, GVariant *parameter)
{
  const char *page = g_variant_get_string (parameter, NULL);

  cm_spec_editor_show_page (CM_SPEC_EDITOR (widget), page);
  focus_page (CM_SPEC_EDITOR (widget), page);
}

static void
action_show_versions (GtkWidget *widget, const char *name, GVariant *parameter)
{
  cm_spec_editor_show_versions (CM_SPEC_EDITOR (widget));
}

/* GObject ---------------------------------------------------------------- */

static void
on_shutdown (CmSpecEditor *self)
{
  cm_spec_editor_flush (self);
}

static void
cm_spec_editor_unmap (GtkWidget *widget)
{
  cm_spec_editor_flush (CM_SPEC_EDITOR (widget));

  GTK_WIDGET_CLASS (cm_spec_editor_parent_class)->unmap (widget);
}

static void
cm_spec_editor_dispose (GObject *object)
{
  CmSpecEditor *self = CM_SPEC_EDITOR (object);
  GtkWidget *child;

  cm_spec_editor_flush (self);
  g_clear_handle_id (&self->versions_reload_id, g_source_remove);
  if (self->spec != NULL)
    g_signal_handlers_disconnect_by_data (self->spec, self);
  cm_spec_editor_sections_clear (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_SPEC_EDITOR);
  /* The template's outer box has no name to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->kpi_first_cells, g_hash_table_unref);
  g_clear_object (&self->kpi_selection);
  g_clear_object (&self->cite_filtered);
  g_clear_object (&self->kpis);
  g_clear_object (&self->citations);
  g_clear_object (&self->cycle_contributions);
  g_clear_object (&self->spec);
  g_clear_object (&self->cycle);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_spec_editor_parent_class)->dispose (object);
}

static void
cm_spec_editor_class_init (CmSpecEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const pages[] = { "details", "sections", "demand", "versions" };

  object_class->dispose = cm_spec_editor_dispose;
  widget_class->unmap = cm_spec_editor_unmap;

  g_type_ensure (CM_TYPE_DEMAND_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-spec-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, saved_label);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, term_row);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, budget_row);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, route_row);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, details_error_label);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, types_group);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, kpi_group);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, kpi_view);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, kpi_empty_label);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, kpi_error_label);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, sections_leaflet);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, section_list);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, section_title_entry);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, section_error_label);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, body_scroller);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, citations_expander);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, citation_list);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, cite_button);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, cite_popover);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, cite_search);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, cite_stack);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, cite_list);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, demand_editor);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, versions_stack);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, version_list);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, view_title);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, view_legend);
  gtk_widget_class_bind_template_child (widget_class, CmSpecEditor, compare_view);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_lead_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_term_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_budget_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_route_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_cite_popover_show",
                                                G_CALLBACK (cm_spec_editor_cite_popover_show));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_cite_activated",
                                                G_CALLBACK (cm_spec_editor_cite_activated));

  gtk_widget_class_install_action (widget_class, "editor.add-section", NULL, action_add_section);
  gtk_widget_class_install_action (widget_class, "editor.remove-section", NULL,
                                   action_remove_section);
  gtk_widget_class_install_action (widget_class, "editor.move-section-up", NULL,
                                   action_move_section_up);
  gtk_widget_class_install_action (widget_class, "editor.move-section-down", NULL,
                                   action_move_section_down);
  gtk_widget_class_install_action (widget_class, "editor.move", "i", action_move);
  gtk_widget_class_install_action (widget_class, "editor.step-section", "i",
                                   action_step_section);
  gtk_widget_class_install_action (widget_class, "editor.rename-section", NULL,
                                   action_rename_section);
  gtk_widget_class_install_action (widget_class, "editor.show-outline", NULL,
                                   action_show_outline);
  gtk_widget_class_install_action (widget_class, "editor.add-kpi", NULL, action_add_kpi);
  gtk_widget_class_install_action (widget_class, "editor.remove-kpi", NULL, action_remove_kpi);
  gtk_widget_class_install_action (widget_class, "editor.move-kpi-up", NULL,
                                   action_move_kpi_up);
  gtk_widget_class_install_action (widget_class, "editor.move-kpi-down", NULL,
                                   action_move_kpi_down);
  gtk_widget_class_install_action (widget_class, "editor.show-page", "s", action_show_page);
  gtk_widget_class_install_action (widget_class, "editor.show-versions", NULL,
                                   action_show_versions);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "editor.add-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "editor.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "editor.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK,
                                       "editor.step-section", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "editor.step-section", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0,
                                       "editor.rename-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.add-kpi", NULL);

  /* Alt+1 to Alt+4 are the window's pages; Ctrl+1 to Ctrl+4 the editor's. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "editor.show-page", "s", pages[i]);
}

static void
cm_spec_editor_init (CmSpecEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) routes = gtk_string_list_new (NULL);
  GApplication *application = g_application_get_default ();
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int status = CM_SPEC_STATUS_DRAFT; status <= CM_SPEC_STATUS_RETIRED; status++)
    gtk_string_list_append (statuses, cm_spec_status_to_label (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  for (int route = CM_PROCUREMENT_ROUTE_NOT_SET; route <= CM_PROCUREMENT_ROUTE_DIRECT_AWARD;
       route++)
    gtk_string_list_append (routes, cm_procurement_route_to_label (route));
  adw_combo_row_set_model (self->route_row, G_LIST_MODEL (routes));

  build_type_rows (self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_budget_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->budget_row), focus);

  cm_spec_editor_sections_init (self);
  cm_spec_editor_citations_init (self);
  cm_spec_editor_kpis_init (self);

  gtk_label_set_label (self->view_legend,
                       _("Added text is underlined and shaded green; removed text is struck "
                         "through and shaded red."));

  adw_view_stack_set_visible_child_name (self->view_stack, "sections");

  if (application != NULL)
    g_signal_connect_object (application, "shutdown", G_CALLBACK (on_shutdown), self,
                             G_CONNECT_SWAPPED);
}

/* Public API ------------------------------------------------------------- */

CmSpecEditor *
cm_spec_editor_new (void)
{
  return g_object_new (CM_TYPE_SPEC_EDITOR, NULL);
}

void
cm_spec_editor_set_spec (CmSpecEditor  *self,
                         CmStore       *store,
                         CmCycle       *cycle,
                         CmServiceSpec *spec)
{
  g_return_if_fail (CM_IS_SPEC_EDITOR (self));
  g_return_if_fail (store == NULL || CM_IS_STORE (store));
  g_return_if_fail (spec == NULL || CM_IS_SERVICE_SPEC (spec));

  if (self->spec == spec && self->store == store)
    return;

  cm_spec_editor_flush (self);
  if (self->spec != NULL)
    g_signal_handlers_disconnect_by_data (self->spec, self);

  g_set_object (&self->store, store);
  g_set_object (&self->cycle, cycle);
  g_set_object (&self->spec, spec);
  g_clear_object (&self->cycle_contributions);
  self->save_failed = FALSE;

  /* Messages about the last specification's fields do not apply. */
  cm_show_field_error (self->details_error_label, GTK_WIDGET (self->title_row), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->budget_row), "error");

  if (spec != NULL)
    g_signal_connect_swapped (spec, "notify", G_CALLBACK (on_spec_notify), self);

  load_header (self);
  cm_spec_editor_sections_load (self);
  cm_spec_editor_kpis_load (self);
  cm_demand_editor_set_spec (self->demand_editor, spec != NULL ? store : NULL, spec);
  cm_spec_editor_versions_load (self);
  gtk_stack_set_visible_child_name (self->versions_stack, "list");
  cm_spec_editor_update_saved_label (self);
}

CmServiceSpec *
cm_spec_editor_get_spec (CmSpecEditor *self)
{
  g_return_val_if_fail (CM_IS_SPEC_EDITOR (self), NULL);

  return self->spec;
}

void
cm_spec_editor_flush (CmSpecEditor *self)
{
  g_return_if_fail (CM_IS_SPEC_EDITOR (self));

  cm_spec_editor_sections_flush (self);
  if (self->demand_editor != NULL)
    cm_demand_editor_flush (self->demand_editor);
}

void
cm_spec_editor_show_page (CmSpecEditor *self,
                          const char   *name)
{
  g_return_if_fail (CM_IS_SPEC_EDITOR (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Ctrl+1 to Ctrl+4 show a page and put the keyboard where work starts on it:
 * the title, the text of the section, the first input, the versions. */
static void
focus_page (CmSpecEditor *self,
            const char   *name)
{
  GtkWidget *target = NULL;

  if (g_str_equal (name, "details"))
    target = GTK_WIDGET (self->title_row);
  else if (g_str_equal (name, "sections"))
    target = self->section != NULL ? GTK_WIDGET (self->body_view) : NULL;
  else if (g_str_equal (name, "demand"))
    target = GTK_WIDGET (self->demand_editor);
  else if (g_str_equal (name, "versions"))
    target = GTK_WIDGET (self->version_list);

  if (target == GTK_WIDGET (self->body_view))
    adw_leaflet_navigate (self->sections_leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (target != NULL && !gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (target);
}

void
cm_spec_editor_focus_title (CmSpecEditor *self)
{
  g_return_if_fail (CM_IS_SPEC_EDITOR (self));

  cm_spec_editor_show_page (self, "details");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

GtkTextView *
cm_spec_editor_get_text_view (CmSpecEditor *self)
{
  g_return_val_if_fail (CM_IS_SPEC_EDITOR (self), NULL);

  return self->body_view;
}
