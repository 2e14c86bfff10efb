/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-action-row"

#include "config.h"

#include "cm-action-row.h"

#include <glib/gi18n.h>

#include "cm-date.h"
#include "cm-gui-util.h"
#include "cm-speaker-cache.h"

/* What was said is shown as it would be reported back to the people who
 * took part: names only with consent, and no words from those who did not
 * agree to be quoted. Every field saves as it changes; the response after
 * a pause in typing, flushed when the row goes away. */

#define RESPONSE_SAVE_DELAY_MS 400
#define N_STATES 3

struct _CmActionRow
{
  AdwExpanderRow   parent_instance;

  CmStore         *store;
  CmAction        *action;
  GListModel      *said;
  CmSpeakerCache  *speakers;
  GArray          *activity_ids;
  GArray          *section_ids;
  guint            response_save_id;
  gboolean         updating;
  gboolean         wants_not_possible;

  GtkLabel        *said_label;
  GtkTextView     *response_view;
  GtkToggleButton *state_buttons[N_STATES];
  AdwEntryRow     *reason_row;
  AdwEntryRow     *owner_row;
  AdwEntryRow     *due_row;
  AdwComboRow     *activity_row;
  AdwComboRow     *section_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (CmActionRow, cm_action_row, ADW_TYPE_EXPANDER_ROW)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
save (CmActionRow *self,
      GtkWidget   *field)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = cm_store_save_action (self->store, self->action, &error);

  cm_show_field_error (self->error_label, field, error);
  return saved;
}

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return 0;
}

static void
update_said (CmActionRow *self)
{
  g_autoptr(GString) said = g_string_new (NULL);
  guint n = self->said ? g_list_model_get_n_items (self->said) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmContribution) contribution = g_list_model_get_item (self->said, i);
      gint64 speaker = cm_contribution_get_participant_id (contribution);

      if (said->len > 0)
        g_string_append_c (said, '\n');

      if (cm_speaker_cache_may_quote (self->speakers, speaker))
        {
          g_autofree char *who = cm_speaker_cache_dup_label (self->speakers, speaker, TRUE);
          /* Translators: a quoted contribution: the words, then who said them */
          g_string_append_printf (said, _("“%s” — %s"), cm_contribution_get_text (contribution),
                                  who);
        }
      else
        g_string_append (said, _("A participant’s point (not quoted)"));
    }

  gtk_label_set_label (self->said_label,
                       said->len > 0 ? said->str : _("No contributions are linked."));
}

static void
update_subtitle (CmActionRow *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const GDate *due = cm_action_get_due_date (self->action);
  const char *response = cm_action_get_response (self->action);
  g_autofree char *title = NULL;

  g_string_append (subtitle, cm_action_state_to_label (cm_action_get_state (self->action)));
  if (*cm_action_get_owner (self->action) != '\0')
    g_string_append_printf (subtitle, " · %s", cm_action_get_owner (self->action));
  if (due != NULL)
    {
      char text[64];

      /* Translators: a due date, e.g. "5 Nov 2024"; see the strftime manual */
      g_date_strftime (text, sizeof text, _("%-d %b %Y"), due);
      g_string_append (subtitle, " · ");
      /* Translators: %s is a date, shown after an action's state */
      g_string_append_printf (subtitle, _("due %s"), g_strstrip (text));
    }

  title = g_strdup (*response != '\0' ? response : _("No response yet"));
  g_strdelimit (title, "\n", ' ');
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);
}

static void
load (CmActionRow *self)
{
  g_autofree char *due = cm_date_to_iso (cm_action_get_due_date (self->action));
  CmActionState state = self->wants_not_possible ? CM_ACTION_STATE_NOT_POSSIBLE
                                                 : cm_action_get_state (self->action);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->response_view);
  g_autofree char *response = NULL;
  GtkTextIter start, end;

  self->updating = TRUE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  response = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (self->response_save_id == 0 &&
      g_strcmp0 (response, cm_action_get_response (self->action)) != 0)
    gtk_text_buffer_set_text (buffer, cm_action_get_response (self->action), -1);

  for (guint i = 0; i < N_STATES; i++)
    gtk_toggle_button_set_active (self->state_buttons[i], i == (guint) state);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), state == CM_ACTION_STATE_NOT_POSSIBLE);

  if (!gtk_widget_has_css_class (GTK_WIDGET (self->reason_row), "error") &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                 cm_action_get_reason (self->action)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->reason_row), cm_action_get_reason (self->action));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->owner_row)),
                 cm_action_get_owner (self->action)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->owner_row), cm_action_get_owner (self->action));
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->due_row), "error") &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->due_row)), due ? due : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->due_row), due ? due : "");

  adw_combo_row_set_selected (self->activity_row,
                              position_of (self->activity_ids,
                                           cm_action_get_activity_id (self->action)));
  adw_combo_row_set_selected (self->section_row,
                              position_of (self->section_ids,
                                           cm_action_get_section_id (self->action)));

  update_subtitle (self);
  self->updating = FALSE;
}

static void
save_response_now (CmActionRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->response_view);
  g_autofree char *response = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->response_save_id, g_source_remove);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  response = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cm_action_set_response (self->action, response);
  save (self, GTK_WIDGET (self->response_view));
}

static gboolean
response_timeout (gpointer user_data)
{
  CmActionRow *self = user_data;

  self->response_save_id = 0;
  save_response_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_response_changed (CmActionRow *self)
{
  if (self->updating)
    return;

  g_clear_handle_id (&self->response_save_id, g_source_remove);
  self->response_save_id = g_timeout_add (RESPONSE_SAVE_DELAY_MS, response_timeout, self);
}

static void
on_state_toggled (GtkToggleButton *button,
                  CmActionRow     *self)
{
  CmActionState previous;
  CmActionState state = CM_ACTION_STATE_OPEN;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < N_STATES; i++)
    if (self->state_buttons[i] == button)
      state = (CmActionState) i;

  previous = cm_action_get_state (self->action);
  self->wants_not_possible = FALSE;
  cm_action_set_state (self->action, state);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), state == CM_ACTION_STATE_NOT_POSSIBLE);

  /* "Not possible" needs its reason before it can be saved: the reason
   * field says so and takes the keyboard, the button stays chosen, and the
   * state is saved as soon as a reason is typed. */
  if (!save (self, GTK_WIDGET (self->reason_row)))
    {
      self->wants_not_possible = state == CM_ACTION_STATE_NOT_POSSIBLE;
      cm_action_set_state (self->action, previous);
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
    }
}

static void
on_reason_changed (CmActionRow *self)
{
  if (self->updating)
    return;

  cm_action_set_reason (self->action, gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
  if (self->wants_not_possible && *cm_action_get_reason (self->action) != '\0')
    {
      cm_action_set_state (self->action, CM_ACTION_STATE_NOT_POSSIBLE);
      self->wants_not_possible = FALSE;
    }

  save (self, GTK_WIDGET (self->reason_row));
}

static void
on_owner_changed (CmActionRow *self)
{
  if (self->updating)
    return;

  cm_action_set_owner (self->action, gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
  save (self, GTK_WIDGET (self->owner_row));
}

static void
on_due_changed (CmActionRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;

  if (self->updating)
    return;

  date = cm_date_new_from_iso (gtk_editable_get_text (GTK_EDITABLE (self->due_row)), &error);
  if (error != NULL)
    {
      cm_show_field_error (self->error_label, GTK_WIDGET (self->due_row), error);
      return;
    }

  cm_action_set_due_date (self->action, date);
  save (self, GTK_WIDGET (self->due_row));
}

static void
on_activity_selected (CmActionRow *self)
{
  guint selected = adw_combo_row_get_selected (self->activity_row);

  if (self->updating || self->activity_ids == NULL || selected >= self->activity_ids->len)
    return;

  cm_action_set_activity_id (self->action, g_array_index (self->activity_ids, gint64, selected));
  save (self, GTK_WIDGET (self->activity_row));
}

static void
on_section_selected (CmActionRow *self)
{
  guint selected = adw_combo_row_get_selected (self->section_row);

  if (self->updating || self->section_ids == NULL || selected >= self->section_ids->len)
    return;

  cm_action_set_section_id (self->action, g_array_index (self->section_ids, gint64, selected));
  save (self, GTK_WIDGET (self->section_row));
}

static void
on_delete_clicked (CmActionRow *self)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0);
}

void
cm_action_row_flush (CmActionRow *self)
{
  g_return_if_fail (CM_IS_ACTION_ROW (self));

  if (self->response_save_id != 0 && self->action != NULL)
    save_response_now (self);
}

static void
cm_action_row_dispose (GObject *object)
{
  CmActionRow *self = CM_ACTION_ROW (object);

  cm_action_row_flush (self);
  if (self->action != NULL)
    g_signal_handlers_disconnect_by_data (self->action, self);
  if (self->said != NULL)
    g_signal_handlers_disconnect_by_data (self->said, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_ACTION_ROW);
  g_clear_object (&self->said);
  g_clear_object (&self->action);
  g_clear_object (&self->store);
  g_clear_pointer (&self->speakers, cm_speaker_cache_unref);
  g_clear_pointer (&self->activity_ids, g_array_unref);
  g_clear_pointer (&self->section_ids, g_array_unref);

  G_OBJECT_CLASS (cm_action_row_parent_class)->dispose (object);
}

static void
cm_action_row_class_init (CmActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_action_row_dispose;

  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cm-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CmActionRow, said_label);
  gtk_widget_class_bind_template_child (widget_class, CmActionRow, response_view);
  gtk_widget_class_bind_template_child_full (widget_class, "state_open", FALSE,
                                             G_STRUCT_OFFSET (CmActionRow, state_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "state_done", FALSE,
                                             G_STRUCT_OFFSET (CmActionRow, state_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "state_not_possible", FALSE,
                                             G_STRUCT_OFFSET (CmActionRow, state_buttons[2]));
  gtk_widget_class_bind_template_child (widget_class, CmActionRow, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CmActionRow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CmActionRow, due_row);
  gtk_widget_class_bind_template_child (widget_class, CmActionRow, activity_row);
  gtk_widget_class_bind_template_child (widget_class, CmActionRow, section_row);
  gtk_widget_class_bind_template_child (widget_class, CmActionRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_due_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activity_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_section_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
}

static void
cm_action_row_init (CmActionRow *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_STATES; i++)
    {
      cm_set_button_text (GTK_BUTTON (self->state_buttons[i]),
                          cm_action_state_to_label ((CmActionState) i));
      g_signal_connect (self->state_buttons[i], "toggled", G_CALLBACK (on_state_toggled), self);
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->response_view), "changed",
                            G_CALLBACK (on_response_changed), self);
}

CmActionRow *
cm_action_row_new (CmStore    *store,
                   CmAction   *action,
                   GListModel *activity_names,
                   GArray     *activity_ids,
                   GListModel *section_names,
                   GArray     *section_ids)
{
  g_autoptr(GError) error = NULL;
  CmActionRow *self;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);
  g_return_val_if_fail (CM_IS_ACTION (action), NULL);

  self = g_object_new (CM_TYPE_ACTION_ROW, NULL);
  self->store = g_object_ref (store);
  self->action = g_object_ref (action);
  self->speakers = cm_speaker_cache_new (store);
  self->activity_ids = activity_ids ? g_array_ref (activity_ids) : NULL;
  self->section_ids = section_ids ? g_array_ref (section_ids) : NULL;

  self->updating = TRUE;
  adw_combo_row_set_model (self->activity_row, activity_names);
  adw_combo_row_set_model (self->section_row, section_names);
  gtk_widget_set_visible (GTK_WIDGET (self->section_row),
                          section_ids != NULL && section_ids->len > 1);

  self->said = cm_store_list_action_contributions (store, cm_action_get_id (action), &error);
  if (self->said != NULL)
    g_signal_connect_swapped (self->said, "items-changed", G_CALLBACK (update_said), self);
  update_said (self);

  load (self);
  g_signal_connect_swapped (action, "notify", G_CALLBACK (load), self);

  if (error != NULL)
    cm_show_field_error (self->error_label, NULL, error);

  return self;
}

CmAction *
cm_action_row_get_action (CmActionRow *self)
{
  g_return_val_if_fail (CM_IS_ACTION_ROW (self), NULL);

  return self->action;
}
