/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-activity-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cm-activity-row.h"
#include "cm-date.h"
#include "cm-enum-types.h"
#include "cm-gui-util.h"

/* One activity of a stage, edited in place. Every change is written as it
 * is made; a value that cannot be saved (an impossible date, an empty
 * title) is marked on its field with the reason, and the last good value
 * stays in the database.
 *
 * A closed row is only its title and subtitle. Its fields are built from
 * cm-activity-row.ui the first time it is opened: a cycle page holds dozens
 * of rows, GTK measures an expander's children even while it is closed,
 * and most rows are never opened. */

#define NOTES_SAVE_DELAY_MS 400

struct _CmActivityRow
{
  AdwExpanderRow   parent_instance;

  CmStore         *store;
  CmActivity      *activity;
  guint            notes_save_id;
  gboolean         updating;

  /* NULL until the row is first opened. */
  AdwEntryRow     *title_row;
  GtkToggleButton *status_buttons[CM_N_ACTIVITY_STATUSES];
  AdwEntryRow     *owner_row;
  AdwEntryRow     *due_row;
  AdwComboRow     *coproduction_row;
  GtkTextView     *notes_view;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (CmActivityRow, cm_activity_row, ADW_TYPE_EXPANDER_ROW)

enum {
  REMOVE_REQUESTED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The callbacks named in cm-activity-row.ui. */
static GtkBuilderScope *fields_scope;

static void
save (CmActivityRow *self,
      GtkWidget     *field)
{
  g_autoptr(GError) error = NULL;

  if (!cm_store_save_activity (self->store, self->activity, &error))
    cm_show_field_error (self->error_label, field, error);
  else
    cm_show_field_error (self->error_label, field, NULL);
}

static void
update_subtitle (CmActivityRow *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const GDate *due = cm_activity_get_due_date (self->activity);

  g_string_append (subtitle, cm_activity_status_to_label (cm_activity_get_status (self->activity)));

  if (due != NULL)
    {
      char text[64];

      /* Translators: a due date, e.g. "5 Nov 2024"; see the strftime manual */
      g_date_strftime (text, sizeof text, _("%-d %b %Y"), due);
      /* Translators: %s is a date, shown after an activity's status */
      g_string_append_printf (subtitle, " · ");
      g_string_append_printf (subtitle, _("due %s"), g_strstrip (text));
    }

  /* The owner last: on a narrow screen the one line is cut short at the
   * end, and the status and due date matter most when scanning a stage. */
  if (*cm_activity_get_owner (self->activity) != '\0')
    g_string_append_printf (subtitle, " · %s", cm_activity_get_owner (self->activity));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), cm_activity_get_title (self->activity));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);
}

/* Copies the model into the widgets, without writing anything back. */
static void
load_from_activity (CmActivityRow *self)
{
  g_autofree char *due = NULL;
  CmActivityStatus status = cm_activity_get_status (self->activity);
  GtkTextBuffer *buffer;
  g_autofree char *notes = NULL;
  GtkTextIter start, end;

  if (self->title_row == NULL)
    {
      update_subtitle (self);
      return;
    }

  due = cm_date_to_iso (cm_activity_get_due_date (self->activity));
  buffer = gtk_text_view_get_buffer (self->notes_view);
  self->updating = TRUE;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                 cm_activity_get_title (self->activity)) != 0 &&
      !gtk_widget_has_css_class (GTK_WIDGET (self->title_row), "error"))
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), cm_activity_get_title (self->activity));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->owner_row)),
                 cm_activity_get_owner (self->activity)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->owner_row), cm_activity_get_owner (self->activity));

  if (!gtk_widget_has_css_class (GTK_WIDGET (self->due_row), "error"))
    {
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->due_row)), due ? due : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->due_row), due ? due : "");
    }

  for (guint i = 0; i < CM_N_ACTIVITY_STATUSES; i++)
    gtk_toggle_button_set_active (self->status_buttons[i], i == (guint) status);

  adw_combo_row_set_selected (self->coproduction_row,
                              (guint) cm_activity_get_coproduction_level (self->activity));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (self->notes_save_id == 0 &&
      g_strcmp0 (notes, cm_activity_get_evidence_notes (self->activity)) != 0)
    gtk_text_buffer_set_text (buffer, cm_activity_get_evidence_notes (self->activity), -1);

  update_subtitle (self);
  self->updating = FALSE;
}

static void
on_activity_notify (CmActivityRow *self)
{
  load_from_activity (self);
}

static void
on_title_changed (CmActivityRow *self)
{
  if (self->updating)
    return;

  cm_activity_set_title (self->activity, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  save (self, GTK_WIDGET (self->title_row));
}

static void
on_owner_changed (CmActivityRow *self)
{
  if (self->updating)
    return;

  cm_activity_set_owner (self->activity, gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
  save (self, GTK_WIDGET (self->owner_row));
}

static void
on_due_changed (CmActivityRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;
  const char *text;

  if (self->updating)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  date = cm_date_new_from_iso (text, &error);
  if (error != NULL)
    {
      /* Half-typed dates are normal; only say so, keep the saved date. */
      cm_show_field_error (self->error_label, GTK_WIDGET (self->due_row), error);
      return;
    }

  cm_activity_set_due_date (self->activity, date);
  save (self, GTK_WIDGET (self->due_row));
}

static void
on_status_toggled (GtkToggleButton *button,
                   CmActivityRow   *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < CM_N_ACTIVITY_STATUSES; i++)
    {
      if (self->status_buttons[i] == button)
        {
          cm_activity_set_status (self->activity, (CmActivityStatus) i);
          save (self, NULL);
          break;
        }
    }
}

static void
on_coproduction_selected (CmActivityRow *self)
{
  if (self->updating)
    return;

  cm_activity_set_coproduction_level (self->activity,
                                      adw_combo_row_get_selected (self->coproduction_row));
  save (self, GTK_WIDGET (self->coproduction_row));
}

static void
save_notes_now (CmActivityRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *notes = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->notes_save_id, g_source_remove);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cm_activity_set_evidence_notes (self->activity, notes);
  save (self, GTK_WIDGET (self->notes_view));
}

static gboolean
notes_save_timeout (gpointer user_data)
{
  CmActivityRow *self = user_data;

  self->notes_save_id = 0;
  save_notes_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed (CmActivityRow *self)
{
  if (self->updating)
    return;

  /* Typing is saved in short bursts rather than per key; the burst is
   * flushed when the row goes away, so nothing typed is lost. */
  g_clear_handle_id (&self->notes_save_id, g_source_remove);
  self->notes_save_id = g_timeout_add (NOTES_SAVE_DELAY_MS, notes_save_timeout, self);
}

static void
on_move_up_clicked (CmActivityRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, -1);
}

static void
on_move_down_clicked (CmActivityRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, 1);
}

static void
on_remove_clicked (CmActivityRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
build_fields (CmActivityRow *self)
{
  static const char * const row_ids[] = {
    "title_row", "status_box", "owner_row", "due_row", "coproduction_row", "notes_box",
  };
  static const char * const status_ids[CM_N_ACTIVITY_STATUSES] = {
    "status_not_started", "status_in_progress", "status_done", "status_not_applicable",
  };
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert (self->title_row == NULL);

  /* Nothing is written back while the fields are being filled in. */
  self->updating = TRUE;

  gtk_builder_set_scope (builder, fields_scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/cm-activity-row.ui", &error))
    g_error ("Could not build the fields of an activity: %s", error->message);

  self->title_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "title_row"));
  self->owner_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "owner_row"));
  self->due_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "due_row"));
  self->coproduction_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "coproduction_row"));
  self->notes_view = GTK_TEXT_VIEW (gtk_builder_get_object (builder, "notes_view"));
  self->error_label = GTK_LABEL (gtk_builder_get_object (builder, "error_label"));
  for (guint i = 0; i < CM_N_ACTIVITY_STATUSES; i++)
    self->status_buttons[i] = GTK_TOGGLE_BUTTON (gtk_builder_get_object (builder,
                                                                          status_ids[i]));

  for (int level = CM_COPRODUCTION_NOT_SET; level <= CM_COPRODUCTION_CO_PRODUCTION; level++)
    gtk_string_list_append (levels, cm_coproduction_level_to_label (level));
  adw_combo_row_set_model (self->coproduction_row, G_LIST_MODEL (levels));

  for (guint i = 0; i < CM_N_ACTIVITY_STATUSES; i++)
    {
      cm_set_button_text (GTK_BUTTON (self->status_buttons[i]),
                          cm_activity_status_to_label ((CmActivityStatus) i));
      g_signal_connect (self->status_buttons[i], "toggled",
                        G_CALLBACK (on_status_toggled), self);
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_notes_changed), self);

  /* The rows hold their widgets; the builder's references go with it. */
  for (guint i = 0; i < G_N_ELEMENTS (row_ids); i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self),
                              GTK_WIDGET (gtk_builder_get_object (builder, row_ids[i])));

  if (self->activity != NULL)
    load_from_activity (self);
}

static void
on_expanded_changed (CmActivityRow *self)
{
  if (self->title_row == NULL &&
      adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    build_fields (self);
}

static void
cm_activity_row_dispose (GObject *object)
{
  CmActivityRow *self = CM_ACTIVITY_ROW (object);

  if (self->notes_save_id != 0)
    save_notes_now (self);

  if (self->activity != NULL)
    g_signal_handlers_disconnect_by_data (self->activity, self);

  g_clear_object (&self->activity);
  g_clear_object (&self->store);

  /* The fields belong to the expander's list and go with it. */
  self->title_row = NULL;
  self->owner_row = NULL;
  self->due_row = NULL;
  self->coproduction_row = NULL;
  self->notes_view = NULL;
  self->error_label = NULL;
  memset (self->status_buttons, 0, sizeof self->status_buttons);

  G_OBJECT_CLASS (cm_activity_row_parent_class)->dispose (object);
}

static void
cm_activity_row_class_init (CmActivityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cm_activity_row_dispose;

  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  fields_scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (fields_scope),
                                           "on_title_changed", G_CALLBACK (on_title_changed),
                                           "on_owner_changed", G_CALLBACK (on_owner_changed),
                                           "on_due_changed", G_CALLBACK (on_due_changed),
                                           "on_coproduction_selected",
                                           G_CALLBACK (on_coproduction_selected),
                                           "on_move_up_clicked", G_CALLBACK (on_move_up_clicked),
                                           "on_move_down_clicked",
                                           G_CALLBACK (on_move_down_clicked),
                                           "on_remove_clicked", G_CALLBACK (on_remove_clicked),
                                           NULL);
}

static void
cm_activity_row_init (CmActivityRow *self)
{
  cm_row_use_single_lines (ADW_PREFERENCES_ROW (self));
  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded_changed), NULL);
}

CmActivityRow *
cm_activity_row_new (CmStore    *store,
                     CmActivity *activity)
{
  CmActivityRow *self;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);
  g_return_val_if_fail (CM_IS_ACTIVITY (activity), NULL);

  self = g_object_new (CM_TYPE_ACTIVITY_ROW, NULL);
  self->store = g_object_ref (store);
  self->activity = g_object_ref (activity);

  load_from_activity (self);
  g_signal_connect_swapped (activity, "notify", G_CALLBACK (on_activity_notify), self);

  return self;
}

CmActivity *
cm_activity_row_get_activity (CmActivityRow *self)
{
  g_return_val_if_fail (CM_IS_ACTIVITY_ROW (self), NULL);

  return self->activity;
}

void
cm_activity_row_open (CmActivityRow *self)
{
  CmActivityStatus status;

  g_return_if_fail (CM_IS_ACTIVITY_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  status = cm_activity_get_status (self->activity);
  if ((guint) status < CM_N_ACTIVITY_STATUSES)
    gtk_widget_grab_focus (GTK_WIDGET (self->status_buttons[status]));
}
