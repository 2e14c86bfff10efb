/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-participant-editor"

#include "config.h"

#include "cm-participant-editor.h"

#include <glib/gi18n.h>

#include "cm-gui-util.h"
#include "cm-store-workshops.h"
#include "cm-toast.h"
#include "cm-workshop-editor.h"

/* Taking someone off a workshop's list is an everyday change and comes
 * with Undo. Erasing them is what a person asks for when they withdraw:
 * it is confirmed first and then done at once and for good, including the
 * copy SQLite keeps in its log, so there is deliberately no Undo (which
 * would have to keep their details somewhere to bring them back). */

struct _CmParticipantEditor
{
  GtkWidget      parent_instance;

  CmStore       *store;
  CmWorkshop    *workshop;
  CmParticipant *participant;
  gboolean       updating;

  AdwButtonContent *back_content;
  AdwEntryRow   *name_row;
  AdwComboRow   *role_row;
  AdwEntryRow   *organisation_row;
  AdwEntryRow   *access_row;
  AdwEntryRow   *payment_row;
  AdwComboRow   *consent_row;
  GtkLabel      *error_label;
  GtkListBox    *attended_list;
  GtkButton     *remove_button;
  GtkButton     *erase_button;
};

G_DEFINE_FINAL_TYPE (CmParticipantEditor, cm_participant_editor, GTK_TYPE_WIDGET)

enum {
  BACK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
save (CmParticipantEditor *self,
      GtkWidget           *field)
{
  g_autoptr(GError) error = NULL;

  cm_store_save_participant (self->store, self->participant, &error);
  cm_show_field_error (self->error_label, field, error);
}

static const char *
consent_explanation (CmConsent consent)
{
  switch (consent)
    {
    case CM_CONSENT_NAMED:
      return _("Quoted with their name");
    case CM_CONSENT_ANONYMISED:
      return _("Quoted as their role, for example “A carer”");
    case CM_CONSENT_NONE:
      return _("Never quoted; their points are counted but not shown");
    default:
      return "";
    }
}

static void
load (CmParticipantEditor *self)
{
  CmConsent consent;

  if (self->participant == NULL)
    return;

  self->updating = TRUE;
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->name_row), "error"))
    cm_set_entry_text (self->name_row, cm_participant_get_name (self->participant));
  adw_combo_row_set_selected (self->role_row, (guint) cm_participant_get_role (self->participant));
  cm_set_entry_text (self->organisation_row, cm_participant_get_organisation (self->participant));
  cm_set_entry_text (self->access_row, cm_participant_get_access_needs (self->participant));
  cm_set_entry_text (self->payment_row, cm_participant_get_payment_notes (self->participant));
  adw_combo_row_set_selected (self->consent_row,
                              (guint) cm_participant_get_consent (self->participant));
  consent = cm_participant_get_consent (self->participant);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->consent_row), consent_explanation (consent));
  self->updating = FALSE;
}

static void
load_attended (CmParticipantEditor *self)
{
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->attended_list, 0))) != NULL)
    gtk_list_box_remove (self->attended_list, row);

  if (self->participant == NULL)
    return;

  workshops = cm_store_list_attended_workshops (self->store,
                                                cm_participant_get_id (self->participant),
                                                &error);
  if (workshops == NULL)
    {
      cm_show_field_error (self->error_label, NULL, error);
      return;
    }

  for (guint i = 0; i < workshops->len; i++)
    {
      CmWorkshop *workshop = g_ptr_array_index (workshops, i);
      g_autofree char *when = cm_workshop_format_start (cm_workshop_get_starts_at (workshop));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cm_workshop_get_title (workshop));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      gtk_list_box_append (self->attended_list, row);
    }
}

static void
on_name_changed (CmParticipantEditor *self)
{
  if (self->updating || self->participant == NULL)
    return;

  cm_participant_set_name (self->participant,
                           gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  save (self, GTK_WIDGET (self->name_row));
}

static void
on_role_selected (CmParticipantEditor *self)
{
  if (self->updating || self->participant == NULL)
    return;

  cm_participant_set_role (self->participant,
                           (CmParticipantRole) adw_combo_row_get_selected (self->role_row));
  save (self, GTK_WIDGET (self->role_row));
}

static void
on_organisation_changed (CmParticipantEditor *self)
{
  if (self->updating || self->participant == NULL)
    return;

  cm_participant_set_organisation (self->participant,
                                   gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)));
  save (self, GTK_WIDGET (self->organisation_row));
}

static void
on_access_changed (CmParticipantEditor *self)
{
  if (self->updating || self->participant == NULL)
    return;

  cm_participant_set_access_needs (self->participant,
                                   gtk_editable_get_text (GTK_EDITABLE (self->access_row)));
  save (self, GTK_WIDGET (self->access_row));
}

static void
on_payment_changed (CmParticipantEditor *self)
{
  if (self->updating || self->participant == NULL)
    return;

  cm_participant_set_payment_notes (self->participant,
                                    gtk_editable_get_text (GTK_EDITABLE (self->payment_row)));
  save (self, GTK_WIDGET (self->payment_row));
}

static void
on_consent_selected (CmParticipantEditor *self)
{
  if (self->updating || self->participant == NULL)
    return;

  cm_participant_set_consent (self->participant,
                              (CmConsent) adw_combo_row_get_selected (self->consent_row));
  save (self, GTK_WIDGET (self->consent_row));
}

static void
on_back_clicked (CmParticipantEditor *self)
{
  g_signal_emit (self, signals[BACK_REQUESTED], 0);
}

/* Parting ------------------------------------------------------------------ */

typedef struct
{
  CmStore       *store;
  CmWorkshop    *workshop;
  CmParticipant *participant;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_clear_object (&removal->store);
  g_clear_object (&removal->workshop);
  g_clear_object (&removal->participant);
  g_free (removal);
}

static void
on_undo_remove (AdwToast *shown,
                Removal  *removal)
{
  g_autoptr(GError) error = NULL;

  if (!cm_store_set_attendance (removal->store, removal->workshop, removal->participant, TRUE,
                                &error))
    g_warning ("Could not put someone back on a workshop's list: %s", error->message);
}

static void
on_remove_clicked (CmParticipantEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  Removal *removal;
  AdwToast *undo_toast;

  if (self->participant == NULL || self->workshop == NULL)
    return;

  if (!cm_store_set_attendance (self->store, self->workshop, self->participant, FALSE, &error))
    {
      cm_show_field_error (self->error_label, NULL, error);
      return;
    }

  removal = g_new0 (Removal, 1);
  removal->store = g_object_ref (self->store);
  removal->workshop = g_object_ref (self->workshop);
  removal->participant = g_object_ref (self->participant);

  /* Translators: %s is a person's name */
  message = g_strdup_printf (_("%s taken off this workshop’s list"),
                             cm_participant_get_name (self->participant));
  undo_toast = adw_toast_new (message);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (undo_toast, "button-clicked", G_CALLBACK (on_undo_remove), removal,
                         (GClosureNotify) (void (*) (void)) removal_free, 0);
  cm_toast_show (GTK_WIDGET (self), undo_toast);

  g_signal_emit (self, signals[BACK_REQUESTED], 0);
}

static void
on_erase_response (AdwMessageDialog    *dialog,
                   const char          *response,
                   CmParticipantEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) flush_error = NULL;

  if (!g_str_equal (response, "erase") || self->participant == NULL)
    return;

  if (!cm_store_erase_participant (self->store, self->participant, &error))
    {
      cm_show_field_error (self->error_label, NULL, error);
      return;
    }

  /* The erasure itself stands; a reader elsewhere only delays the log. */
  if (!cm_store_flush_erased (self->store, &flush_error))
    cm_toast_show_message (GTK_WIDGET (self), flush_error->message);
  else
    cm_toast_show_message (GTK_WIDGET (self),
                           _("Their details are erased; what they said stays, anonymised"));

  g_signal_emit (self, signals[BACK_REQUESTED], 0);
}

static void
on_erase_clicked (CmParticipantEditor *self)
{
  g_autofree char *heading = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->participant == NULL)
    return;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Erase %s?"), cm_participant_get_name (self->participant));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Their name, organisation, access needs and payment notes "
                                     "are removed for good, and they are taken off every "
                                     "workshop’s list. What they said stays, as “A "
                                     "participant”, and is no longer quoted. This cannot be "
                                     "undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject ---------------------------------------------------------------- */

static void
cm_participant_editor_dispose (GObject *object)
{
  CmParticipantEditor *self = CM_PARTICIPANT_EDITOR (object);
  GtkWidget *child;

  if (self->participant != NULL)
    g_signal_handlers_disconnect_by_data (self->participant, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_PARTICIPANT_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->participant);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_participant_editor_parent_class)->dispose (object);
}

static void
cm_participant_editor_class_init (CmParticipantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_participant_editor_dispose;

  signals[BACK_REQUESTED] =
    g_signal_new ("back-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-participant-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, back_content);
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, access_row);
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, payment_row);
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, consent_row);
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, attended_list);
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CmParticipantEditor, erase_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_access_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_payment_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_consent_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_erase_clicked);
}

static void
cm_participant_editor_init (CmParticipantEditor *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) consents = gtk_string_list_new (NULL);

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int role = 0; role < CM_N_PARTICIPANT_ROLES; role++)
    gtk_string_list_append (roles, cm_participant_role_to_label (role));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));

  for (int consent = CM_CONSENT_NAMED; consent <= CM_CONSENT_NONE; consent++)
    gtk_string_list_append (consents, cm_consent_to_label (consent));
  adw_combo_row_set_model (self->consent_row, G_LIST_MODEL (consents));

  self->updating = FALSE;
}

CmParticipantEditor *
cm_participant_editor_new (void)
{
  return g_object_new (CM_TYPE_PARTICIPANT_EDITOR, NULL);
}

void
cm_participant_editor_set_participant (CmParticipantEditor *self,
                                       CmStore             *store,
                                       CmWorkshop          *workshop,
                                       CmParticipant       *participant)
{
  g_return_if_fail (CM_IS_PARTICIPANT_EDITOR (self));

  if (self->participant != NULL)
    g_signal_handlers_disconnect_by_data (self->participant, self);

  g_set_object (&self->store, store);
  g_set_object (&self->workshop, workshop);
  g_set_object (&self->participant, participant);

  cm_show_field_error (self->error_label, GTK_WIDGET (self->name_row), NULL);
  if (participant != NULL)
    g_signal_connect_swapped (participant, "notify", G_CALLBACK (load), self);

  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), workshop != NULL);
  load (self);
  load_attended (self);
}

CmParticipant *
cm_participant_editor_get_participant (CmParticipantEditor *self)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT_EDITOR (self), NULL);

  return self->participant;
}

void
cm_participant_editor_focus_name (CmParticipantEditor *self)
{
  g_return_if_fail (CM_IS_PARTICIPANT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
