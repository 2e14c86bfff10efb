/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-capture-dialogs"

#include "config.h"

#include "cm-capture-dialogs.h"

#include <glib/gi18n.h>

#include "cm-contribution-row.h"
#include "cm-gui-util.h"

/* Both dialogs are plain AdwMessageDialogs with an extra child built here.
 * Themes are edited as typed in the capture box ("… #access"), so one
 * syntax serves both places. */

#define MAX_QUOTES 3

struct _CmContributionValues
{
  gint64              participant_id;
  char               *text;
  char              **themes;
  CmContributionKind  kind;
  CmStage             stage;
  gboolean            pinned;
};

CmContributionValues *
cm_contribution_values_new (CmContribution *contribution)
{
  CmContributionValues *values = g_new0 (CmContributionValues, 1);

  values->participant_id = cm_contribution_get_participant_id (contribution);
  values->text = g_strdup (cm_contribution_get_text (contribution));
  values->themes = g_strdupv ((char **) cm_contribution_get_themes (contribution));
  values->kind = cm_contribution_get_kind (contribution);
  values->stage = cm_contribution_get_stage (contribution);
  values->pinned = cm_contribution_get_pinned (contribution);
  return values;
}

void
cm_contribution_values_apply (CmContributionValues *values,
                              CmContribution       *contribution)
{
  g_object_freeze_notify (G_OBJECT (contribution));
  cm_contribution_set_participant_id (contribution, values->participant_id);
  cm_contribution_set_text (contribution, values->text);
  cm_contribution_set_themes (contribution, (const char * const *) values->themes);
  cm_contribution_set_kind (contribution, values->kind);
  cm_contribution_set_stage (contribution, values->stage);
  cm_contribution_set_pinned (contribution, values->pinned);
  g_object_thaw_notify (G_OBJECT (contribution));
}

void
cm_contribution_values_free (CmContributionValues *values)
{
  if (values == NULL)
    return;

  g_free (values->text);
  g_strfreev (values->themes);
  g_free (values);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
text_box (GtkTextView **view_out,
          const char   *accessible_name,
          const char   *text)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");

  *view_out = GTK_TEXT_VIEW (view);
  return scroller;
}

static GtkWidget *
labelled (const char *label,
          GtkWidget  *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  return box;
}

static GtkWidget *
kind_dropdown (CmContributionKind kind)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  for (int i = CM_CONTRIBUTION_KIND_COMMENT; i <= CM_CONTRIBUTION_KIND_I_STATEMENT; i++)
    gtk_string_list_append (kinds, cm_contribution_kind_to_label (i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), (guint) kind);
  return dropdown;
}

static GtkWidget *
stage_dropdown (CmStage stage)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (stages, C_("stage", "No stage"));
  for (int i = CM_STAGE_ANALYSE; i <= CM_STAGE_REVIEW; i++)
    gtk_string_list_append (stages, cm_stage_to_label (i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&stages)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), (guint) (stage + 1));
  return dropdown;
}

/* Editing ----------------------------------------------------------------- */

typedef struct
{
  CmStore                  *store;
  CmContribution           *contribution;
  GtkTextView              *text_view;
  GtkDropDown              *speaker_dropdown;
  GtkDropDown              *kind_dropdown;
  GtkDropDown              *stage_dropdown;
  GArray                   *speaker_ids;
  CmContributionEditedFunc  done;
  gpointer                  user_data;
  GDestroyNotify            destroy;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *editor = data;

  if (editor->destroy != NULL)
    editor->destroy (editor->user_data);
  g_clear_object (&editor->store);
  g_clear_object (&editor->contribution);
  g_clear_pointer (&editor->speaker_ids, g_array_unref);
  g_free (editor);
}

static void
on_editor_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Editor           *editor)
{
  g_autoptr(CmContributionValues) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) themes = NULL;
  guint speaker;

  if (!g_str_equal (response, "save"))
    return;

  input = cm_text_view_dup_text (editor->text_view);
  cm_contribution_parse_input (input, &text, &themes, NULL);
  before = cm_contribution_values_new (editor->contribution);
  speaker = gtk_drop_down_get_selected (editor->speaker_dropdown);

  g_object_freeze_notify (G_OBJECT (editor->contribution));
  cm_contribution_set_text (editor->contribution, text);
  cm_contribution_set_themes (editor->contribution, (const char * const *) themes);
  if (speaker < editor->speaker_ids->len)
    cm_contribution_set_participant_id (editor->contribution,
                                        g_array_index (editor->speaker_ids, gint64, speaker));
  cm_contribution_set_kind (editor->contribution, (CmContributionKind)
                            gtk_drop_down_get_selected (editor->kind_dropdown));
  cm_contribution_set_stage (editor->contribution,
                             (CmStage) gtk_drop_down_get_selected (editor->stage_dropdown) - 1);
  g_object_thaw_notify (G_OBJECT (editor->contribution));

  if (!cm_store_save_contribution (editor->store, editor->contribution, &error))
    {
      /* What is saved stays as it was; the words typed are handed back. */
      cm_contribution_values_apply (before, editor->contribution);
      editor->done (editor->contribution, NULL, error, input, editor->user_data);
      return;
    }

  editor->done (editor->contribution, g_steal_pointer (&before), NULL, NULL, editor->user_data);
}

static GtkWidget *
speaker_dropdown (Editor         *editor,
                  CmWorkshop     *workshop,
                  CmSpeakerCache *speakers)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) attendees = NULL;
  gint64 current = cm_contribution_get_participant_id (editor->contribution);
  guint selected = 0;
  gint64 room = 0;
  GtkWidget *dropdown;

  editor->speaker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, C_("speaker", "The room"));
  g_array_append_val (editor->speaker_ids, room);

  attendees = cm_store_list_attendees (editor->store, cm_workshop_get_id (workshop), NULL);
  for (guint i = 0; attendees != NULL && i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(CmParticipant) person = g_list_model_get_item (attendees, i);
      gint64 id = cm_participant_get_id (person);

      if (id == current)
        selected = editor->speaker_ids->len;
      gtk_string_list_append (names, cm_participant_get_name (person));
      g_array_append_val (editor->speaker_ids, id);
    }

  /* Someone no longer on the list (or erased) can still be kept. */
  if (current != 0 && selected == 0)
    {
      g_autofree char *label = cm_speaker_cache_dup_label (speakers, current, FALSE);

      selected = editor->speaker_ids->len;
      gtk_string_list_append (names, label);
      g_array_append_val (editor->speaker_ids, current);
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  return dropdown;
}

void
cm_contribution_editor_present (GtkWidget                *parent,
                                CmStore                  *store,
                                CmWorkshop               *workshop,
                                CmContribution           *contribution,
                                CmSpeakerCache           *speakers,
                                const char               *draft,
                                CmContributionEditedFunc  done,
                                gpointer                  user_data,
                                GDestroyNotify            destroy)
{
  Editor *editor = g_new0 (Editor, 1);
  g_autoptr(GString) text = NULL;
  const char * const *themes;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *row;

  editor->store = g_object_ref (store);
  editor->contribution = g_object_ref (contribution);
  editor->done = done;
  editor->user_data = user_data;
  editor->destroy = destroy;

  if (draft != NULL)
    text = g_string_new (draft);
  else
    {
      text = g_string_new (cm_contribution_get_text (contribution));
      themes = cm_contribution_get_themes (contribution);
      for (guint i = 0; themes[i] != NULL; i++)
        g_string_append_printf (text, " #%s", themes[i]);
    }

  dialog = adw_message_dialog_new (window_of (parent), _("Edit Contribution"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), labelled (_("What was said (#themes too)"),
                                           text_box (&editor->text_view, _("Contribution text"),
                                                     text->str)));
  editor->speaker_dropdown = GTK_DROP_DOWN (speaker_dropdown (editor, workshop, speakers));
  gtk_box_append (GTK_BOX (box), labelled (_("Speaker"), GTK_WIDGET (editor->speaker_dropdown)));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  editor->kind_dropdown = GTK_DROP_DOWN (kind_dropdown (cm_contribution_get_kind (contribution)));
  editor->stage_dropdown =
    GTK_DROP_DOWN (stage_dropdown (cm_contribution_get_stage (contribution)));
  gtk_box_append (GTK_BOX (row), labelled (_("Kind"), GTK_WIDGET (editor->kind_dropdown)));
  gtk_box_append (GTK_BOX (row), labelled (_("Stage"), GTK_WIDGET (editor->stage_dropdown)));
  gtk_box_append (GTK_BOX (box), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_editor_response), editor,
                         (GClosureNotify) (void (*) (void)) editor_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (editor->text_view));
}

/* Responding --------------------------------------------------------------- */

typedef struct
{
  CmStore             *store;
  gint64               cycle_id;
  GPtrArray           *contributions;
  GtkTextView         *response_view;
  GtkEntry            *owner_entry;
  CmActionCreatedFunc  done;
  gpointer             user_data;
  GDestroyNotify       destroy;
} Creator;

static void
creator_free (gpointer data)
{
  Creator *creator = data;

  if (creator->destroy != NULL)
    creator->destroy (creator->user_data);
  g_clear_object (&creator->store);
  g_clear_pointer (&creator->contributions, g_ptr_array_unref);
  g_free (creator);
}

static CmAction *
create_action (Creator     *creator,
               const char  *response,
               GError     **error)
{
  g_autoptr(CmAction) action = cm_action_new ();

  cm_action_set_cycle_id (action, creator->cycle_id);
  cm_action_set_response (action, response);
  cm_action_set_owner (action, gtk_editable_get_text (GTK_EDITABLE (creator->owner_entry)));

  /* The action and its links land together or not at all. */
  if (!cm_store_begin (creator->store, error))
    return NULL;

  if (!cm_store_add_action (creator->store, action, error))
    goto failed;

  for (guint i = 0; i < creator->contributions->len; i++)
    if (!cm_store_link_action_contribution (creator->store, action,
                                            g_ptr_array_index (creator->contributions, i),
                                            TRUE, error))
      goto failed;

  if (!cm_store_commit (creator->store, error))
    goto failed;

  return g_steal_pointer (&action);

failed:
  cm_store_rollback (creator->store);
  cm_action_set_id (action, 0);
  return NULL;
}

static void
on_creator_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Creator          *creator)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CmAction) action = NULL;

  if (!g_str_equal (response, "create"))
    {
      creator->done (NULL, NULL, NULL, creator->user_data);
      return;
    }

  text = cm_text_view_dup_text (creator->response_view);
  action = create_action (creator, g_strstrip (text), &error);
  creator->done (action, error, action == NULL ? text : NULL, creator->user_data);
}

void
cm_action_creator_present (GtkWidget           *parent,
                           CmStore             *store,
                           gint64               cycle_id,
                           GPtrArray           *contributions,
                           CmSpeakerCache      *speakers,
                           const char          *draft,
                           CmActionCreatedFunc  done,
                           gpointer             user_data,
                           GDestroyNotify       destroy)
{
  Creator *creator = g_new0 (Creator, 1);
  g_autoptr(GString) quotes = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *quoted;

  creator->store = g_object_ref (store);
  creator->cycle_id = cycle_id;
  creator->contributions = g_ptr_array_ref (contributions);
  creator->done = done;
  creator->user_data = user_data;
  creator->destroy = destroy;

  for (guint i = 0; i < contributions->len && i < MAX_QUOTES; i++)
    {
      CmContribution *said = g_ptr_array_index (contributions, i);
      gint64 speaker_id = cm_contribution_get_participant_id (said);
      g_autofree char *speaker = cm_speaker_cache_dup_label (speakers, speaker_id, FALSE);
      /* Translators: a quoted contribution: the speaker, then their words */
      g_string_append_printf (quotes, _("%s: “%s”"), speaker, cm_contribution_get_text (said));
      g_string_append_c (quotes, '\n');
    }
  if (contributions->len > MAX_QUOTES)
    {
      guint more = contributions->len - MAX_QUOTES;
      /* Translators: after a few quoted contributions, how many more there are */
      g_string_append_printf (quotes, ngettext ("…and %u more", "…and %u more", more), more);
    }
  g_strchomp (quotes->str);

  dialog = adw_message_dialog_new (window_of (parent), _("Respond to What Was Said"),
                                   _("Say what will be done. The action goes on the cycle’s "
                                     "“You said, we did” list, to report back to the people "
                                     "who took part."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("_Add Action"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  quoted = gtk_label_new (quotes->str);
  gtk_label_set_wrap (GTK_LABEL (quoted), TRUE);
  gtk_label_set_xalign (GTK_LABEL (quoted), 0);
  gtk_label_set_lines (GTK_LABEL (quoted), 8);
  gtk_label_set_ellipsize (GTK_LABEL (quoted), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), labelled (_("You said"), quoted));
  gtk_box_append (GTK_BOX (box), labelled (_("We will"),
                                           text_box (&creator->response_view, _("Response"),
                                                     draft)));
  creator->owner_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_box_append (GTK_BOX (box), labelled (_("Owner"), GTK_WIDGET (creator->owner_entry)));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_creator_response), creator,
                         (GClosureNotify) (void (*) (void)) creator_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (creator->response_view));
}
