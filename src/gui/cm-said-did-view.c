/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-said-did-view"

#include "config.h"

#include "cm-said-did-view.h"

#include <glib/gi18n.h>

#include "cm-action-row.h"
#include "cm-speaker-cache.h"
#include "cm-store-workshops.h"
#include "cm-toast.h"

/* A cycle has a handful of actions, so each is a row of its own, editable
 * in place. What they may be linked to (the cycle's activities and its
 * specifications' sections) is read once per cycle and shared. */

struct _CmSaidDidView
{
  GtkWidget      parent_instance;

  CmStore       *store;
  CmCycle       *cycle;
  GListModel    *actions;
  GtkStringList *activity_names;
  GArray        *activity_ids;
  GtkStringList *section_names;
  GArray        *section_ids;

  GtkButton     *back_button;
  GtkStack      *stack;
  GtkListBox    *actions_list;
};

G_DEFINE_FINAL_TYPE (CmSaidDidView, cm_said_did_view, GTK_TYPE_WIDGET)

static void
on_delete_requested (CmSaidDidView *self,
                     CmActionRow   *row)
{
  CmAction *action = cm_action_row_get_action (row);
  g_autoptr(GError) error = NULL;

  cm_action_row_flush (row);
  if (!cm_toast_trash_with_undo (GTK_WIDGET (self), self->store, G_OBJECT (action),
                                 _("Action deleted"), NULL, &error))
    cm_toast_show_message (GTK_WIDGET (self), error->message);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CmSaidDidView *self = user_data;
  CmActionRow *row = cm_action_row_new (self->store, CM_ACTION (item),
                                        G_LIST_MODEL (self->activity_names), self->activity_ids,
                                        G_LIST_MODEL (self->section_names), self->section_ids);

  g_signal_connect_object (row, "delete-requested", G_CALLBACK (on_delete_requested), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (row);
}

static void
update_stack (CmSaidDidView *self)
{
  gboolean empty = self->actions == NULL || g_list_model_get_n_items (self->actions) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
load_link_choices (CmSaidDidView *self)
{
  g_autoptr(GListModel) activities = NULL;
  g_autoptr(GListModel) specs = NULL;
  gint64 none = 0;

  g_clear_object (&self->activity_names);
  g_clear_pointer (&self->activity_ids, g_array_unref);
  g_clear_object (&self->section_names);
  g_clear_pointer (&self->section_ids, g_array_unref);

  self->activity_names = gtk_string_list_new (NULL);
  self->activity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->section_names = gtk_string_list_new (NULL);
  self->section_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (self->activity_names, C_("linked activity", "None"));
  g_array_append_val (self->activity_ids, none);
  gtk_string_list_append (self->section_names, C_("linked section", "None"));
  g_array_append_val (self->section_ids, none);

  if (self->cycle == NULL)
    return;

  activities = cm_store_list_activities (self->store, cm_cycle_get_id (self->cycle),
                                         CM_STAGE_NONE, -1, NULL);
  for (guint i = 0; activities != NULL && i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CmActivity) activity = g_list_model_get_item (activities, i);
      gint64 id = cm_activity_get_id (activity);
      const char *stage = cm_stage_to_label (cm_activity_get_stage (activity));
      /* Translators: a stage and an activity's title, "Plan: Gap analysis" */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), stage,
                                                cm_activity_get_title (activity));

      gtk_string_list_append (self->activity_names, label);
      g_array_append_val (self->activity_ids, id);
    }

  specs = cm_store_list_specs (self->store, cm_cycle_get_id (self->cycle), NULL);
  for (guint i = 0; specs != NULL && i < g_list_model_get_n_items (specs); i++)
    {
      g_autoptr(CmServiceSpec) spec = g_list_model_get_item (specs, i);
      gint64 spec_id = cm_service_spec_get_id (spec);
      g_autoptr(GListModel) sections = cm_store_list_sections (self->store, spec_id, NULL);

      for (guint j = 0; sections != NULL && j < g_list_model_get_n_items (sections); j++)
        {
          g_autoptr(CmSpecSection) section = g_list_model_get_item (sections, j);
          gint64 id = cm_spec_section_get_id (section);
          /* Translators: a specification's title and one of its sections */
          g_autofree char *label = g_strdup_printf (_("%s: %s"), cm_service_spec_get_title (spec),
                                                    cm_spec_section_get_title (section));

          gtk_string_list_append (self->section_names, label);
          g_array_append_val (self->section_ids, id);
        }
    }
}

static void
on_copy_clicked (CmSaidDidView *self)
{
  g_autofree char *text = cm_said_did_view_dup_text (self);

  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  cm_toast_show_message (GTK_WIDGET (self), _("“You said, we did” copied"));
}

static void
cm_said_did_view_dispose (GObject *object)
{
  CmSaidDidView *self = CM_SAID_DID_VIEW (object);
  GtkWidget *child;

  if (self->actions != NULL)
    g_signal_handlers_disconnect_by_data (self->actions, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_SAID_DID_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->actions);
  g_clear_object (&self->cycle);
  g_clear_object (&self->store);
  g_clear_object (&self->activity_names);
  g_clear_object (&self->section_names);
  g_clear_pointer (&self->activity_ids, g_array_unref);
  g_clear_pointer (&self->section_ids, g_array_unref);

  G_OBJECT_CLASS (cm_said_did_view_parent_class)->dispose (object);
}

static void
cm_said_did_view_class_init (CmSaidDidViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_said_did_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-said-did-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CmSaidDidView, back_button);
  gtk_widget_class_bind_template_child (widget_class, CmSaidDidView, stack);
  gtk_widget_class_bind_template_child (widget_class, CmSaidDidView, actions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
}

static void
cm_said_did_view_init (CmSaidDidView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_stack (self);
}

CmSaidDidView *
cm_said_did_view_new (void)
{
  return g_object_new (CM_TYPE_SAID_DID_VIEW, NULL);
}

void
cm_said_did_view_set_cycle (CmSaidDidView *self,
                            CmStore       *store,
                            CmCycle       *cycle)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CM_IS_SAID_DID_VIEW (self));

  if (self->actions != NULL)
    g_signal_handlers_disconnect_by_data (self->actions, self);
  gtk_list_box_bind_model (self->actions_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->actions);

  g_set_object (&self->store, store);
  g_set_object (&self->cycle, cycle);

  if (store != NULL && cycle != NULL)
    {
      load_link_choices (self);
      self->actions = cm_store_list_actions (store, cm_cycle_get_id (cycle), &error);
    }

  if (self->actions != NULL)
    {
      gtk_list_box_bind_model (self->actions_list, self->actions, create_row, self, NULL);
      g_signal_connect_swapped (self->actions, "items-changed", G_CALLBACK (update_stack), self);
    }
  update_stack (self);

  if (error != NULL)
    cm_toast_show_message (GTK_WIDGET (self), error->message);
}

char *
cm_said_did_view_dup_text (CmSaidDidView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CmSpeakerCache) speakers = NULL;
  g_autoptr(GError) error = NULL;
  GString *text;

  g_return_val_if_fail (CM_IS_SAID_DID_VIEW (self), NULL);

  if (self->store == NULL || self->cycle == NULL)
    return NULL;

  rows = cm_store_list_said_did (self->store, cm_cycle_get_id (self->cycle), &error);
  if (rows == NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return NULL;
    }

  speakers = cm_speaker_cache_new (self->store);
  text = g_string_new (NULL);
  /* Translators: the heading of the copied list; %s is a cycle's title */
  g_string_append_printf (text, _("You said, we did: %s"), cm_cycle_get_title (self->cycle));
  g_string_append (text, "\n");

  for (guint i = 0; i < rows->len; i++)
    {
      CmSaidDid *row = g_ptr_array_index (rows, i);
      CmAction *action = row->action;
      CmActionState state = cm_action_get_state (action);
      const GDate *due = cm_action_get_due_date (action);

      g_string_append_printf (text, "\n%s\n", _("You said:"));
      for (guint j = 0; j < row->contributions->len; j++)
        {
          CmContribution *said = g_ptr_array_index (row->contributions, j);
          gint64 speaker = cm_contribution_get_participant_id (said);

          if (cm_speaker_cache_may_quote (speakers, speaker))
            {
              g_autofree char *who = cm_speaker_cache_dup_label (speakers, speaker, TRUE);
              g_string_append (text, "  ");
              g_string_append_printf (text, _("“%s” — %s"), cm_contribution_get_text (said), who);
              g_string_append_c (text, '\n');
            }
          else
            g_string_append_printf (text, "  %s\n", _("A participant’s point (not quoted)"));
        }

      g_string_append_printf (text, "%s %s\n", _("We did:"), cm_action_get_response (action));
      g_string_append_printf (text, "  %s", cm_action_state_to_label (state));
      if (state == CM_ACTION_STATE_NOT_POSSIBLE)
        g_string_append_printf (text, ": %s", cm_action_get_reason (action));
      if (*cm_action_get_owner (action) != '\0')
        g_string_append_printf (text, " · %s", cm_action_get_owner (action));
      if (due != NULL)
        {
          char date[64];

          /* Translators: a due date, e.g. "5 November 2024"; see the strftime manual */
          g_date_strftime (date, sizeof date, _("%-d %B %Y"), due);
          g_string_append (text, " · ");
          g_string_append_printf (text, _("due %s"), g_strstrip (date));
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

void
cm_said_did_view_set_back_visible (CmSaidDidView *self,
                                   gboolean       visible)
{
  g_return_if_fail (CM_IS_SAID_DID_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), visible);
}
