/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-cycle-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-activity-row.h"
#include "cm-cycle-page.h"
#include "cm-cycle-wheel.h"
#include "cm-date.h"
#include "cm-gui-util.h"
#include "cm-toast.h"
#include "cm-wheel-legend.h"

/* The Cycle page: the wheel, and beside it the details of the cycle and
 * the activities of one stage in both rings. Choosing a segment of the
 * wheel shows its stage; activating it opens the activity. On a narrow
 * screen the two halves fold into a leaflet and activating navigates. */

struct _CmCyclePage
{
  GtkWidget        parent_instance;

  CmStore         *store;
  CmCycle         *cycle;
  GListModel      *all_activities;
  GListModel      *ring_activities[CM_N_RINGS];
  CmStage          shown_stage;
  gboolean         updating;

  AdwLeaflet      *leaflet;
  CmCycleWheel    *wheel;
  AdwEntryRow     *title_row;
  AdwEntryRow     *service_area_row;
  AdwEntryRow     *lead_row;
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  AdwComboRow     *current_stage_row;
  GtkLabel        *cycle_error_label;
  GtkToggleButton *stage_buttons[CM_N_STAGES];
  AdwPreferencesGroup *ring_groups[CM_N_RINGS];
  GtkListBox      *ring_lists[CM_N_RINGS];
};

G_DEFINE_FINAL_TYPE (CmCyclePage, cm_cycle_page, GTK_TYPE_WIDGET)

static void show_stage (CmCyclePage *self,
                        CmStage      stage);

/* The cycle's own fields --------------------------------------------- */

static void
save_cycle (CmCyclePage *self,
            GtkWidget   *field)
{
  g_autoptr(GError) error = NULL;

  cm_store_save_cycle (self->store, self->cycle, &error);
  cm_show_field_error (self->cycle_error_label, field, error);
}

static void
load_cycle_fields (CmCyclePage *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (self->cycle == NULL)
    return;

  start = cm_date_to_iso (cm_cycle_get_period_start (self->cycle));
  end = cm_date_to_iso (cm_cycle_get_period_end (self->cycle));

  self->updating = TRUE;
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->title_row), "error"))
    cm_set_entry_text (self->title_row, cm_cycle_get_title (self->cycle));
  cm_set_entry_text (self->service_area_row, cm_cycle_get_service_area (self->cycle));
  cm_set_entry_text (self->lead_row, cm_cycle_get_lead_officer (self->cycle));
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->start_row), "error"))
    cm_set_entry_text (self->start_row, start ? start : "");
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->end_row), "error"))
    cm_set_entry_text (self->end_row, end ? end : "");
  adw_combo_row_set_selected (self->current_stage_row,
                              (guint) cm_cycle_get_current_stage (self->cycle));
  self->updating = FALSE;
}

static void
on_title_changed (CmCyclePage *self)
{
  if (self->updating || self->cycle == NULL)
    return;

  cm_cycle_set_title (self->cycle, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  save_cycle (self, GTK_WIDGET (self->title_row));
}

static void
on_service_area_changed (CmCyclePage *self)
{
  if (self->updating || self->cycle == NULL)
    return;

  cm_cycle_set_service_area (self->cycle,
                             gtk_editable_get_text (GTK_EDITABLE (self->service_area_row)));
  save_cycle (self, GTK_WIDGET (self->service_area_row));
}

static void
on_lead_changed (CmCyclePage *self)
{
  if (self->updating || self->cycle == NULL)
    return;

  cm_cycle_set_lead_officer (self->cycle, gtk_editable_get_text (GTK_EDITABLE (self->lead_row)));
  save_cycle (self, GTK_WIDGET (self->lead_row));
}

static void
on_period_changed (CmCyclePage *self,
                   GtkWidget   *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDate) previous = NULL;
  gboolean is_start = row == GTK_WIDGET (self->start_row);

  if (self->updating || self->cycle == NULL)
    return;

  date = cm_date_new_from_iso (gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (error != NULL)
    {
      cm_show_field_error (self->cycle_error_label, row, error);
      return;
    }

  previous = cm_date_copy (is_start ? cm_cycle_get_period_start (self->cycle)
                                    : cm_cycle_get_period_end (self->cycle));
  if (is_start)
    cm_cycle_set_period_start (self->cycle, date);
  else
    cm_cycle_set_period_end (self->cycle, date);

  if (!cm_store_save_cycle (self->store, self->cycle, &error))
    {
      /* Keep what was saved; the field shows what is wrong with the new one. */
      self->updating = TRUE;
      if (is_start)
        cm_cycle_set_period_start (self->cycle, previous);
      else
        cm_cycle_set_period_end (self->cycle, previous);
      self->updating = FALSE;
    }
  cm_show_field_error (self->cycle_error_label, row, error);
}

static void
on_start_changed (CmCyclePage *self)
{
  on_period_changed (self, GTK_WIDGET (self->start_row));
}

static void
on_end_changed (CmCyclePage *self)
{
  on_period_changed (self, GTK_WIDGET (self->end_row));
}

static void
on_current_stage_selected (CmCyclePage *self)
{
  if (self->updating || self->cycle == NULL)
    return;

  cm_cycle_set_current_stage (self->cycle,
                              (CmStage) adw_combo_row_get_selected (self->current_stage_row));
  save_cycle (self, GTK_WIDGET (self->current_stage_row));
}

/* Activities ----------------------------------------------------------- */

static void
on_activity_remove_requested (CmCyclePage   *self,
                              CmActivityRow *row)
{
  CmActivity *activity = cm_activity_row_get_activity (row);
  /* Translators: %s is the title of an activity that was just removed */
  g_autofree char *message = g_strdup_printf (_("“%s” removed"),
                                              cm_activity_get_title (activity));
  g_autoptr(GError) error = NULL;

  if (!cm_toast_trash_with_undo (GTK_WIDGET (self), self->store, G_OBJECT (activity), message,
                                 NULL, &error))
    cm_toast_show_message (GTK_WIDGET (self), error->message);
}

static void
on_activity_move_requested (CmCyclePage   *self,
                            int            direction,
                            CmActivityRow *row)
{
  CmActivity *activity = cm_activity_row_get_activity (row);
  CmRing ring = cm_activity_get_ring (activity);
  GListModel *model = self->ring_activities[ring];
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GError) error = NULL;
  guint position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmActivity) item = g_list_model_get_item (model, i);
      if (item == activity)
        position = i;
    }

  if ((direction < 0 && position == 0) || (direction > 0 && position + 1 >= n))
    return;

  if (!cm_store_move_activity (self->store, activity, cm_activity_get_stage (activity), ring,
                               position + direction, &error))
    cm_toast_show_message (GTK_WIDGET (self), error->message);
  else
    {
      /* The list was rebuilt; keep the keyboard on the moved activity. */
      GtkListBoxRow *moved = gtk_list_box_get_row_at_index (self->ring_lists[ring],
                                                            (int) (position + direction));
      if (moved != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (moved));
    }
}

static GtkWidget *
create_activity_row (gpointer item,
                     gpointer user_data)
{
  CmCyclePage *self = user_data;
  CmActivityRow *row = cm_activity_row_new (self->store, CM_ACTIVITY (item));

  g_signal_connect_object (row, "remove-requested",
                           G_CALLBACK (on_activity_remove_requested), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move-requested",
                           G_CALLBACK (on_activity_move_requested), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (row);
}

static void
add_activity (CmCyclePage *self,
              CmRing       ring)
{
  g_autoptr(CmActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  if (self->cycle == NULL)
    return;

  activity = cm_activity_new ();
  cm_activity_set_cycle_id (activity, cm_cycle_get_id (self->cycle));
  cm_activity_set_stage (activity, self->shown_stage);
  cm_activity_set_ring (activity, ring);
  cm_activity_set_title (activity, _("New activity"));

  if (!cm_store_add_activity (self->store, activity, &error))
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  row = gtk_list_box_get_row_at_index (self->ring_lists[ring],
                                       (int) g_list_model_get_n_items (self->ring_activities[ring]) - 1);
  if (row != NULL)
    {
      cm_activity_row_open (CM_ACTIVITY_ROW (row));
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
add_commissioning_activity (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  add_activity (CM_CYCLE_PAGE (widget), CM_RING_COMMISSIONING);
}

static void
add_procurement_activity (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  add_activity (CM_CYCLE_PAGE (widget), CM_RING_PROCUREMENT);
}

static void
show_wheel_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cm_cycle_page_focus_wheel (CM_CYCLE_PAGE (widget));
}

static void
show_stage (CmCyclePage *self,
            CmStage      stage)
{
  g_return_if_fail (stage >= CM_STAGE_ANALYSE && stage <= CM_STAGE_REVIEW);

  self->shown_stage = stage;

  self->updating = TRUE;
  for (guint i = 0; i < CM_N_STAGES; i++)
    gtk_toggle_button_set_active (self->stage_buttons[i], i == (guint) stage);
  self->updating = FALSE;

  for (guint ring = 0; ring < CM_N_RINGS; ring++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *title = NULL;

      g_clear_object (&self->ring_activities[ring]);
      if (self->cycle != NULL)
        self->ring_activities[ring] = cm_store_list_activities (self->store,
                                                                cm_cycle_get_id (self->cycle),
                                                                stage, (int) ring, &error);
      if (self->ring_activities[ring] == NULL)
        {
          gtk_list_box_bind_model (self->ring_lists[ring], NULL, NULL, NULL, NULL);
          if (error != NULL)
            cm_toast_show_message (GTK_WIDGET (self), error->message);
          continue;
        }

      gtk_list_box_bind_model (self->ring_lists[ring], self->ring_activities[ring],
                               create_activity_row, self, NULL);

      /* Translators: the first %s is a stage ("Analyse"), the second a ring ("Commissioning") */
      title = g_strdup_printf (_("%s: %s activities"), cm_stage_to_label (stage),
                               cm_ring_to_label ((CmRing) ring));
      adw_preferences_group_set_title (self->ring_groups[ring], title);
    }
}

static void
on_stage_toggled (GtkToggleButton *button,
                  CmCyclePage     *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < CM_N_STAGES; i++)
    if (self->stage_buttons[i] == button)
      show_stage (self, (CmStage) i);
}

static CmActivityRow *
find_row (CmCyclePage *self,
          CmActivity  *activity)
{
  CmRing ring = cm_activity_get_ring (activity);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->ring_lists[ring], i)) != NULL; i++)
    {
      if (cm_activity_row_get_activity (CM_ACTIVITY_ROW (row)) == activity)
        return CM_ACTIVITY_ROW (row);
    }

  return NULL;
}

static void
on_wheel_selected (CmCyclePage *self)
{
  CmActivity *activity = cm_cycle_wheel_get_selected (self->wheel);

  if (activity != NULL && cm_activity_get_stage (activity) != self->shown_stage)
    show_stage (self, cm_activity_get_stage (activity));
}

static void
on_wheel_activity_activated (CmCyclePage  *self,
                             CmActivity   *activity)
{
  CmActivityRow *row;

  if (cm_activity_get_stage (activity) != self->shown_stage)
    show_stage (self, cm_activity_get_stage (activity));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  row = find_row (self, activity);
  if (row != NULL)
    cm_activity_row_open (row);
}

static void
cm_cycle_page_dispose (GObject *object)
{
  CmCyclePage *self = CM_CYCLE_PAGE (object);

  if (self->cycle != NULL)
    g_signal_handlers_disconnect_by_data (self->cycle, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_CYCLE_PAGE);

  for (guint i = 0; i < CM_N_RINGS; i++)
    g_clear_object (&self->ring_activities[i]);
  g_clear_object (&self->all_activities);
  g_clear_object (&self->cycle);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_cycle_page_parent_class)->dispose (object);
}

static void
cm_cycle_page_class_init (CmCyclePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_cycle_page_dispose;

  g_type_ensure (CM_TYPE_CYCLE_WHEEL);
  g_type_ensure (CM_TYPE_WHEEL_LEGEND);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cm-cycle-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmCyclePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CmCyclePage, wheel);
  gtk_widget_class_bind_template_child (widget_class, CmCyclePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, CmCyclePage, service_area_row);
  gtk_widget_class_bind_template_child (widget_class, CmCyclePage, lead_row);
  gtk_widget_class_bind_template_child (widget_class, CmCyclePage, start_row);
  gtk_widget_class_bind_template_child (widget_class, CmCyclePage, end_row);
  gtk_widget_class_bind_template_child (widget_class, CmCyclePage, current_stage_row);
  gtk_widget_class_bind_template_child (widget_class, CmCyclePage, cycle_error_label);
  gtk_widget_class_bind_template_child_full (widget_class, "stage_analyse", FALSE,
                                             G_STRUCT_OFFSET (CmCyclePage, stage_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "stage_plan", FALSE,
                                             G_STRUCT_OFFSET (CmCyclePage, stage_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "stage_do", FALSE,
                                             G_STRUCT_OFFSET (CmCyclePage, stage_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "stage_review", FALSE,
                                             G_STRUCT_OFFSET (CmCyclePage, stage_buttons[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "commissioning_group", FALSE,
                                             G_STRUCT_OFFSET (CmCyclePage, ring_groups[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "procurement_group", FALSE,
                                             G_STRUCT_OFFSET (CmCyclePage, ring_groups[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "commissioning_list", FALSE,
                                             G_STRUCT_OFFSET (CmCyclePage, ring_lists[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "procurement_list", FALSE,
                                             G_STRUCT_OFFSET (CmCyclePage, ring_lists[1]));
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_service_area_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_lead_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_start_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_end_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_current_stage_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_wheel_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_wheel_activity_activated);

  gtk_widget_class_install_action (widget_class, "cycle.add-commissioning-activity", NULL,
                                   add_commissioning_activity);
  gtk_widget_class_install_action (widget_class, "cycle.add-procurement-activity", NULL,
                                   add_procurement_activity);
  gtk_widget_class_install_action (widget_class, "cycle.show-wheel", NULL, show_wheel_activated);
}

static void
cm_cycle_page_init (CmCyclePage *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  cm_row_use_single_lines (ADW_PREFERENCES_ROW (self->current_stage_row));

  for (int stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_REVIEW; stage++)
    {
      gtk_string_list_append (stages, cm_stage_to_label (stage));
      cm_set_button_text (GTK_BUTTON (self->stage_buttons[stage]), cm_stage_to_label (stage));
      g_signal_connect (self->stage_buttons[stage], "toggled", G_CALLBACK (on_stage_toggled),
                        self);
    }
  adw_combo_row_set_model (self->current_stage_row, G_LIST_MODEL (stages));

}

CmCyclePage *
cm_cycle_page_new (void)
{
  return g_object_new (CM_TYPE_CYCLE_PAGE, NULL);
}

void
cm_cycle_page_set_cycle (CmCyclePage *self,
                         CmStore     *store,
                         CmCycle     *cycle)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CM_IS_CYCLE_PAGE (self));

  if (self->cycle == cycle)
    return;

  if (self->cycle != NULL)
    g_signal_handlers_disconnect_by_data (self->cycle, self);

  g_set_object (&self->store, store);
  g_set_object (&self->cycle, cycle);
  g_clear_object (&self->all_activities);

  if (cycle != NULL)
    {
      self->all_activities = cm_store_list_activities (store, cm_cycle_get_id (cycle),
                                                       CM_STAGE_NONE, -1, &error);
      g_signal_connect_swapped (cycle, "notify", G_CALLBACK (load_cycle_fields), self);
    }

  cm_cycle_wheel_set_cycle (self->wheel, cycle);
  cm_cycle_wheel_set_activities (self->wheel, self->all_activities);

  /* Errors shown for the previous cycle's fields do not apply to this one. */
  cm_show_field_error (self->cycle_error_label, GTK_WIDGET (self->title_row), NULL);
  cm_show_field_error (self->cycle_error_label, GTK_WIDGET (self->start_row), NULL);
  cm_show_field_error (self->cycle_error_label, GTK_WIDGET (self->end_row), NULL);
  load_cycle_fields (self);
  show_stage (self, cycle ? cm_cycle_get_current_stage (cycle) : CM_STAGE_ANALYSE);

  if (error != NULL)
    cm_toast_show_message (GTK_WIDGET (self), error->message);
}

CmCycle *
cm_cycle_page_get_cycle (CmCyclePage *self)
{
  g_return_val_if_fail (CM_IS_CYCLE_PAGE (self), NULL);

  return self->cycle;
}

void
cm_cycle_page_focus_title (CmCyclePage *self)
{
  g_return_if_fail (CM_IS_CYCLE_PAGE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
cm_cycle_page_focus_wheel (CmCyclePage *self)
{
  g_return_if_fail (CM_IS_CYCLE_PAGE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->wheel));
}
