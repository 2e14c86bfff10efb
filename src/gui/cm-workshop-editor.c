/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-workshop-editor"

#include "config.h"

#include "cm-workshop-editor.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cm-gui-util.h"
#include "cm-person-chooser.h"

/* Every field is written as it changes; the two long texts are written
 * after a short pause in typing, and at once when the editor moves to
 * another workshop or goes away. A field that cannot be saved (an
 * impossible date, an empty title) is marked and says why, and the last
 * good value stays in the database.
 *
 * The common access arrangements are switches over the same free text:
 * turning one on adds its words as a line, turning it off takes them out,
 * so the text stays the single record of what was arranged. Colleagues may
 * work in English and in Welsh on the same workshop, so a switch knows its
 * words in English as well as in the language on screen. */

#define TEXT_SAVE_DELAY_MS 400

static const char * const access_phrases[] = {
  N_("BSL interpreter"),
  N_("Hearing loop"),
  N_("Easy Read materials"),
  N_("Regular breaks"),
  N_("Step-free access"),
  N_("Large print"),
  N_("Quiet room"),
  N_("Personal assistants welcome"),
};

struct _CmWorkshopEditor
{
  GtkWidget        parent_instance;

  CmStore         *store;
  CmWorkshop      *workshop;
  GListModel      *attendees;
  guint            purpose_save_id;
  guint            access_save_id;
  gboolean         updating;

  GtkButton       *back_button;
  AdwEntryRow     *title_row;
  AdwEntryRow     *starts_row;
  AdwEntryRow     *venue_row;
  AdwEntryRow     *facilitator_row;
  AdwComboRow     *state_row;
  GtkLabel        *error_label;
  GtkTextView     *purpose_view;
  GtkFlowBox      *access_flow;
  GtkTextView     *access_view;
  GtkMenuButton   *add_person_button;
  GtkListBox      *people_list;
  GtkCheckButton  *access_checks[G_N_ELEMENTS (access_phrases)];
};

G_DEFINE_FINAL_TYPE (CmWorkshopEditor, cm_workshop_editor, GTK_TYPE_WIDGET)

enum {
  CAPTURE_REQUESTED,
  DELETE_REQUESTED,
  PARTICIPANT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GDateTime *
cm_workshop_parse_start (const char  *text,
                         GError     **error)
{
  int year, month, day, hour = 0, minute = 0;
  char rest = '\0';
  int n;
  GDateTime *parsed = NULL;

  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return NULL;

  n = sscanf (text, "%4d-%2d-%2d %2d:%2d %c", &year, &month, &day, &hour, &minute, &rest);
  if ((n == 3 || n == 5) && year >= 1900 && year <= 9999 &&
      g_date_valid_dmy (day, month, year) && hour >= 0 && hour < 24 &&
      minute >= 0 && minute < 60)
    parsed = g_date_time_new_local (year, month, day, hour, minute, 0);

  if (parsed == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("Give the date and time as year-month-day and hours:minutes, "
                           "for example 2026-05-14 10:30."));
  return parsed;
}

char *
cm_workshop_format_start (GDateTime *starts_at)
{
  g_autoptr(GDateTime) local = NULL;

  if (starts_at == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (starts_at);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Saving --------------------------------------------------------------- */

static void
save (CmWorkshopEditor *self,
      GtkWidget        *field)
{
  g_autoptr(GError) error = NULL;

  cm_store_save_workshop (self->store, self->workshop, &error);
  cm_show_field_error (self->error_label, field, error);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  g_autofree char *current = cm_text_view_dup_text (view);

  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static gboolean
contains_phrase (const char *text,
                 const char *phrase)
{
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_phrase = g_utf8_casefold (phrase, -1);

  return strstr (folded_text, folded_phrase) != NULL;
}

static gboolean
names_arrangement (const char *text,
                   guint       i)
{
  return contains_phrase (text, _(access_phrases[i])) ||
         contains_phrase (text, access_phrases[i]);
}

static void
sync_access_checks (CmWorkshopEditor *self)
{
  const char *text = self->workshop ? cm_workshop_get_access_arrangements (self->workshop) : "";

  for (guint i = 0; i < G_N_ELEMENTS (access_phrases); i++)
    gtk_check_button_set_active (self->access_checks[i], names_arrangement (text, i));
}

static void
load (CmWorkshopEditor *self)
{
  g_autofree char *starts = NULL;

  if (self->workshop == NULL)
    return;

  starts = cm_workshop_format_start (cm_workshop_get_starts_at (self->workshop));

  self->updating = TRUE;
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->title_row), "error"))
    cm_set_entry_text (self->title_row, cm_workshop_get_title (self->workshop));
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->starts_row), "error"))
    cm_set_entry_text (self->starts_row, starts);
  cm_set_entry_text (self->venue_row, cm_workshop_get_venue (self->workshop));
  cm_set_entry_text (self->facilitator_row, cm_workshop_get_facilitator (self->workshop));
  adw_combo_row_set_selected (self->state_row, (guint) cm_workshop_get_state (self->workshop));
  if (self->purpose_save_id == 0)
    set_view_text (self->purpose_view, cm_workshop_get_purpose (self->workshop));
  if (self->access_save_id == 0)
    set_view_text (self->access_view, cm_workshop_get_access_arrangements (self->workshop));
  sync_access_checks (self);
  self->updating = FALSE;
}

static void
on_title_changed (CmWorkshopEditor *self)
{
  if (self->updating || self->workshop == NULL)
    return;

  cm_workshop_set_title (self->workshop, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  save (self, GTK_WIDGET (self->title_row));
}

static void
on_starts_changed (CmWorkshopEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) starts = NULL;

  if (self->updating || self->workshop == NULL)
    return;

  starts = cm_workshop_parse_start (gtk_editable_get_text (GTK_EDITABLE (self->starts_row)),
                                    &error);
  if (error != NULL)
    {
      /* A date half typed is normal: say what is expected, keep the saved one. */
      cm_show_field_error (self->error_label, GTK_WIDGET (self->starts_row), error);
      return;
    }

  cm_workshop_set_starts_at (self->workshop, starts);
  save (self, GTK_WIDGET (self->starts_row));
}

static void
on_venue_changed (CmWorkshopEditor *self)
{
  if (self->updating || self->workshop == NULL)
    return;

  cm_workshop_set_venue (self->workshop, gtk_editable_get_text (GTK_EDITABLE (self->venue_row)));
  save (self, GTK_WIDGET (self->venue_row));
}

static void
on_facilitator_changed (CmWorkshopEditor *self)
{
  if (self->updating || self->workshop == NULL)
    return;

  cm_workshop_set_facilitator (self->workshop,
                               gtk_editable_get_text (GTK_EDITABLE (self->facilitator_row)));
  save (self, GTK_WIDGET (self->facilitator_row));
}

static void
on_state_selected (CmWorkshopEditor *self)
{
  if (self->updating || self->workshop == NULL)
    return;

  cm_workshop_set_state (self->workshop,
                         (CmWorkshopState) adw_combo_row_get_selected (self->state_row));
  save (self, GTK_WIDGET (self->state_row));
}

static void
save_purpose_now (CmWorkshopEditor *self)
{
  g_autofree char *text = cm_text_view_dup_text (self->purpose_view);

  g_clear_handle_id (&self->purpose_save_id, g_source_remove);
  cm_workshop_set_purpose (self->workshop, text);
  save (self, GTK_WIDGET (self->purpose_view));
}

static gboolean
purpose_timeout (gpointer user_data)
{
  CmWorkshopEditor *self = user_data;

  self->purpose_save_id = 0;
  save_purpose_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_purpose_changed (CmWorkshopEditor *self)
{
  if (self->updating || self->workshop == NULL)
    return;

  g_clear_handle_id (&self->purpose_save_id, g_source_remove);
  self->purpose_save_id = g_timeout_add (TEXT_SAVE_DELAY_MS, purpose_timeout, self);
}

static void
save_access_now (CmWorkshopEditor *self)
{
  g_autofree char *text = cm_text_view_dup_text (self->access_view);

  g_clear_handle_id (&self->access_save_id, g_source_remove);
  cm_workshop_set_access_arrangements (self->workshop, text);
  save (self, GTK_WIDGET (self->access_view));

  self->updating = TRUE;
  sync_access_checks (self);
  self->updating = FALSE;
}

static gboolean
access_timeout (gpointer user_data)
{
  CmWorkshopEditor *self = user_data;

  self->access_save_id = 0;
  save_access_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_access_changed (CmWorkshopEditor *self)
{
  if (self->updating || self->workshop == NULL)
    return;

  g_clear_handle_id (&self->access_save_id, g_source_remove);
  self->access_save_id = g_timeout_add (TEXT_SAVE_DELAY_MS, access_timeout, self);
}

static gboolean
same_phrase (const char *a,
             const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_str_equal (folded_a, folded_b);
}

/* Takes @phrase out of @text wherever it stands, with the separator that
 * joined it to its neighbours. */
static char *
remove_phrase (const char *text,
               const char *phrase)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], ";", -1);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_autofree char *part = g_strstrip (g_strdup (parts[j]));
          g_autofree char *bare = g_strdup (part);

          /* "Hearing loop." at the end of a list still names it. */
          g_strdelimit (bare, ".", ' ');
          g_strstrip (bare);
          if (*part == '\0' || same_phrase (bare, phrase))
            continue;

          if (line->len > 0)
            g_string_append (line, "; ");
          g_string_append (line, part);
        }

      if (line->len > 0)
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append (out, line->str);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
on_access_toggled (GtkCheckButton   *check,
                   CmWorkshopEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  guint i = 0;

  if (self->updating || self->workshop == NULL)
    return;

  while (i < G_N_ELEMENTS (access_phrases) && self->access_checks[i] != check)
    i++;
  g_assert (i < G_N_ELEMENTS (access_phrases));

  /* The text as typed so far is the starting point. */
  text = cm_text_view_dup_text (self->access_view);
  if (gtk_check_button_get_active (check))
    {
      if (names_arrangement (text, i))
        return;
      g_strchomp (text);
      changed = *text != '\0' ? g_strconcat (text, "\n", _(access_phrases[i]), NULL)
                              : g_strdup (_(access_phrases[i]));
    }
  else
    {
      g_autofree char *without = remove_phrase (text, _(access_phrases[i]));

      changed = remove_phrase (without, access_phrases[i]);
    }

  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->access_view), changed, -1);
  self->updating = FALSE;
  save_access_now (self);
}

/* People ------------------------------------------------------------------ */

static void
update_person_row (GtkWidget *row)
{
  CmParticipant *person = g_object_get_data (G_OBJECT (row), "participant");
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_string_append (subtitle, cm_participant_role_to_label (cm_participant_get_role (person)));
  if (*cm_participant_get_organisation (person) != '\0')
    g_string_append_printf (subtitle, " · %s", cm_participant_get_organisation (person));
  g_string_append_printf (subtitle, " · %s",
                          cm_consent_to_label (cm_participant_get_consent (person)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cm_participant_get_name (person));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  CmParticipant *person = item;
  GtkWidget *row = adw_action_row_new ();

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "participant", g_object_ref (person), g_object_unref);
  update_person_row (row);
  g_signal_connect_object (person, "notify", G_CALLBACK (update_person_row), row,
                           G_CONNECT_SWAPPED);

  return row;
}

static void
on_person_activated (CmWorkshopEditor *self,
                     GtkListBoxRow    *row)
{
  CmParticipant *person = g_object_get_data (G_OBJECT (row), "participant");

  if (person != NULL)
    g_signal_emit (self, signals[PARTICIPANT_ACTIVATED], 0, person);
}

static void
on_person_chosen (CmWorkshopEditor *self,
                  CmParticipant    *person)
{
  g_autoptr(GError) error = NULL;

  if (person != NULL && self->workshop != NULL &&
      !cm_store_set_attendance (self->store, self->workshop, person, TRUE, &error))
    cm_show_field_error (self->error_label, NULL, error);
}

static void
on_person_create (CmWorkshopEditor *self,
                  const char       *name)
{
  g_autoptr(CmParticipant) person = cm_participant_new ();
  g_autoptr(GError) error = NULL;

  if (self->workshop == NULL)
    return;

  cm_participant_set_name (person, name);
  if (!cm_store_begin (self->store, &error) ||
      !cm_store_add_participant (self->store, person, &error) ||
      !cm_store_set_attendance (self->store, self->workshop, person, TRUE, &error) ||
      !cm_store_commit (self->store, &error))
    {
      cm_store_rollback (self->store);
      cm_show_field_error (self->error_label, NULL, error);
      return;
    }

  /* Straight on to their details: role, consent, access needs. */
  g_signal_emit (self, signals[PARTICIPANT_ACTIVATED], 0, person);
}

static void
on_capture_clicked (CmWorkshopEditor *self)
{
  g_signal_emit (self, signals[CAPTURE_REQUESTED], 0);
}

static void
on_delete_clicked (CmWorkshopEditor *self)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0);
}

/* GObject ---------------------------------------------------------------- */

void
cm_workshop_editor_flush (CmWorkshopEditor *self)
{
  g_return_if_fail (CM_IS_WORKSHOP_EDITOR (self));

  if (self->workshop == NULL)
    return;

  if (self->purpose_save_id != 0)
    save_purpose_now (self);
  if (self->access_save_id != 0)
    save_access_now (self);
}

static void
cm_workshop_editor_unmap (GtkWidget *widget)
{
  cm_workshop_editor_flush (CM_WORKSHOP_EDITOR (widget));

  GTK_WIDGET_CLASS (cm_workshop_editor_parent_class)->unmap (widget);
}

static void
cm_workshop_editor_dispose (GObject *object)
{
  CmWorkshopEditor *self = CM_WORKSHOP_EDITOR (object);
  GtkWidget *child;

  cm_workshop_editor_flush (self);
  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_WORKSHOP_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->attendees);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_workshop_editor_parent_class)->dispose (object);
}

static void
cm_workshop_editor_class_init (CmWorkshopEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_workshop_editor_dispose;
  widget_class->unmap = cm_workshop_editor_unmap;

  signals[CAPTURE_REQUESTED] =
    g_signal_new ("capture-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PARTICIPANT_ACTIVATED] =
    g_signal_new ("participant-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CM_TYPE_PARTICIPANT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-workshop-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, venue_row);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, state_row);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, purpose_view);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, access_flow);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, access_view);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, add_person_button);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopEditor, people_list);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_starts_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_venue_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_facilitator_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_state_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_capture_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
}

static void
cm_workshop_editor_init (CmWorkshopEditor *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  CmPersonChooser *chooser;
  GtkWidget *placeholder;

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int state = CM_WORKSHOP_STATE_PLANNED; state <= CM_WORKSHOP_STATE_CLOSED; state++)
    gtk_string_list_append (states, cm_workshop_state_to_label (state));
  adw_combo_row_set_model (self->state_row, G_LIST_MODEL (states));

  for (guint i = 0; i < G_N_ELEMENTS (access_phrases); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(access_phrases[i]));

      self->access_checks[i] = GTK_CHECK_BUTTON (check);
      g_signal_connect (self->access_checks[i], "toggled", G_CALLBACK (on_access_toggled), self);
      gtk_flow_box_append (self->access_flow, GTK_WIDGET (self->access_checks[i]));
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->purpose_view), "changed",
                            G_CALLBACK (on_purpose_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->access_view), "changed",
                            G_CALLBACK (on_access_changed), self);

  chooser = cm_person_chooser_new ();
  cm_person_chooser_set_offer_room (chooser, FALSE);
  g_signal_connect_swapped (chooser, "chosen", G_CALLBACK (on_person_chosen), self);
  g_signal_connect_swapped (chooser, "create", G_CALLBACK (on_person_create), self);
  gtk_menu_button_set_popover (self->add_person_button, GTK_WIDGET (chooser));

  placeholder = gtk_label_new (_("Nobody yet. Add the people coming, with what they need "
                                 "and what they agreed to."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->people_list, placeholder);

  self->updating = FALSE;
}

CmWorkshopEditor *
cm_workshop_editor_new (void)
{
  return g_object_new (CM_TYPE_WORKSHOP_EDITOR, NULL);
}

void
cm_workshop_editor_set_workshop (CmWorkshopEditor *self,
                                 CmStore          *store,
                                 CmWorkshop       *workshop)
{
  g_autoptr(GError) error = NULL;
  GtkPopover *chooser;

  g_return_if_fail (CM_IS_WORKSHOP_EDITOR (self));

  if (self->workshop == workshop && self->store == store)
    return;

  cm_workshop_editor_flush (self);
  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);

  g_set_object (&self->store, store);
  g_set_object (&self->workshop, workshop);
  g_clear_object (&self->attendees);

  cm_show_field_error (self->error_label, GTK_WIDGET (self->title_row), NULL);
  cm_show_field_error (self->error_label, GTK_WIDGET (self->starts_row), NULL);

  if (workshop != NULL)
    {
      self->attendees = cm_store_list_attendees (store, cm_workshop_get_id (workshop), &error);
      g_signal_connect_swapped (workshop, "notify", G_CALLBACK (load), self);
    }

  gtk_list_box_bind_model (self->people_list, self->attendees, create_person_row, self, NULL);
  chooser = gtk_menu_button_get_popover (self->add_person_button);
  cm_person_chooser_set_workshop (CM_PERSON_CHOOSER (chooser), store,
                                  workshop ? cm_workshop_get_id (workshop) : 0);
  load (self);

  if (error != NULL)
    cm_show_field_error (self->error_label, NULL, error);
}

CmWorkshop *
cm_workshop_editor_get_workshop (CmWorkshopEditor *self)
{
  g_return_val_if_fail (CM_IS_WORKSHOP_EDITOR (self), NULL);

  return self->workshop;
}

void
cm_workshop_editor_focus_title (CmWorkshopEditor *self)
{
  g_return_if_fail (CM_IS_WORKSHOP_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
cm_workshop_editor_set_back_visible (CmWorkshopEditor *self,
                                     gboolean          visible)
{
  g_return_if_fail (CM_IS_WORKSHOP_EDITOR (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), visible);
}
