/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-capture-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-capture-view-private.h"
#include "cm-store-workshops.h"

/* The capture view's feed: its recycled rows, the commands that act on
 * the selected contributions (edit, pin, delete, respond) with Undo, and
 * the filters by speaker, kind, stage, theme and pin. */

/* The feed ----------------------------------------------------------------- */

static void
on_row_menu_opened (CmContributionRow *row,
                    GtkListItem       *list_item)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (row), CM_TYPE_CAPTURE_VIEW);
  guint position = gtk_list_item_get_position (list_item);

  /* The menu acts on the selection, so its row becomes the selection. */
  if (view != NULL && position != GTK_INVALID_LIST_POSITION &&
      !gtk_list_item_get_selected (list_item))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (CM_CAPTURE_VIEW (view)->selection),
                                     position, TRUE);
}

void
cm_capture_feed_setup_row (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           CmCaptureView            *self)
{
  CmContributionRow *row = cm_contribution_row_new (self->row_menu);

  g_signal_connect (row, "menu-opened", G_CALLBACK (on_row_menu_opened), list_item);
  gtk_list_item_set_child (list_item, GTK_WIDGET (row));
}

void
cm_capture_feed_bind_row (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          CmCaptureView            *self)
{
  cm_contribution_row_bind (CM_CONTRIBUTION_ROW (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item), self->speakers);
}

void
cm_capture_feed_unbind_row (GtkSignalListItemFactory *factory,
                            GtkListItem              *list_item,
                            CmCaptureView            *self)
{
  cm_contribution_row_unbind (CM_CONTRIBUTION_ROW (gtk_list_item_get_child (list_item)));
}

/* The contributions the feed's commands act on: those selected, or else
 * the newest one shown. */
static GPtrArray *
targets (CmCaptureView *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok; ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->filtered), position));

  if (items->len == 0 && n > 0)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->filtered), n - 1));

  return items;
}

void
cm_capture_feed_activate (CmCaptureView *self,
                          guint          position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "capture.edit", NULL);
}

/* Undo ----------------------------------------------------------------- */

void
cm_capture_feed_forget_undo (CmCaptureView *self)
{
  self->undo_kind = UNDO_NONE;
  g_clear_pointer (&self->undo_items, g_ptr_array_unref);
  g_clear_pointer (&self->undo_values, cm_contribution_values_free);
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      g_clear_object (&self->undo_toast);
    }
}

static void
undo (CmCaptureView *self)
{
  g_autoptr(GError) error = NULL;
  AdwToast *shown = self->undo_toast ? g_object_ref (self->undo_toast) : NULL;

  switch (self->undo_kind)
    {
    case UNDO_DELETE:
      for (guint i = 0; i < self->undo_items->len; i++)
        if (!cm_store_restore (self->store, g_ptr_array_index (self->undo_items, i), &error))
          break;
      break;

    case UNDO_EDIT:
      {
        CmContribution *contribution = g_ptr_array_index (self->undo_items, 0);
        g_autoptr(CmContributionValues) after = cm_contribution_values_new (contribution);

        cm_contribution_values_apply (self->undo_values, contribution);
        if (!cm_store_save_contribution (self->store, contribution, &error))
          cm_contribution_values_apply (after, contribution);
      }
      break;

    case UNDO_NONE:
    default:
      break;
    }

  cm_capture_feed_forget_undo (self);
  if (shown != NULL)
    {
      adw_toast_dismiss (shown);
      g_object_unref (shown);
    }

  if (error != NULL)
    cm_toast_show_message (GTK_WIDGET (self), error->message);
}

static void
on_undo_toast_dismissed (AdwToast      *dismissed,
                         CmCaptureView *self)
{
  if (self->undo_toast == dismissed)
    cm_capture_feed_forget_undo (self);
}

static void
offer_undo (CmCaptureView *self,
            const char    *message)
{
  AdwToast *undo_toast = adw_toast_new (message);

  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_swapped (undo_toast, "button-clicked", G_CALLBACK (undo), self);
  g_signal_connect (undo_toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self);
  self->undo_toast = g_object_ref (undo_toast);
  cm_toast_show (GTK_WIDGET (self), undo_toast);
}

/* Commands ----------------------------------------------------------------- */

void
cm_capture_feed_delete (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);
  g_autoptr(GPtrArray) items = targets (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (items->len == 0)
    return;

  if (!cm_store_begin (self->store, &error))
    goto failed;
  for (guint i = 0; i < items->len; i++)
    if (!cm_store_trash (self->store, g_ptr_array_index (items, i), &error))
      goto failed;
  if (!cm_store_commit (self->store, &error))
    goto failed;

  cm_capture_feed_forget_undo (self);
  self->undo_kind = UNDO_DELETE;
  self->undo_items = g_ptr_array_ref (items);
  /* Translators: shown after deleting contributions from the feed */
  message = g_strdup_printf (ngettext ("Contribution deleted", "%u contributions deleted",
                                       items->len), items->len);
  offer_undo (self, message);
  return;

failed:
  cm_store_rollback (self->store);
  cm_toast_show_message (GTK_WIDGET (self), error->message);
}

void
cm_capture_feed_pin (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);
  g_autoptr(GPtrArray) items = targets (self);
  g_autoptr(GError) error = NULL;
  gboolean pin = FALSE;

  /* Pins them all, unless all are pinned already. */
  for (guint i = 0; i < items->len; i++)
    pin = pin || !cm_contribution_get_pinned (g_ptr_array_index (items, i));

  for (guint i = 0; i < items->len; i++)
    {
      CmContribution *contribution = g_ptr_array_index (items, i);

      cm_contribution_set_pinned (contribution, pin);
      if (!cm_store_save_contribution (self->store, contribution, &error))
        {
          cm_contribution_set_pinned (contribution, !pin);
          cm_toast_show_message (GTK_WIDGET (self), error->message);
          break;
        }
    }

  if (gtk_filter_list_model_get_filter (self->filtered) != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void on_edited (CmContribution       *contribution,
                       CmContributionValues *before,
                       const GError         *error,
                       const char           *draft,
                       gpointer              user_data);

static void
edit (CmCaptureView  *self,
      CmContribution *contribution,
      const char     *draft)
{
  cm_contribution_editor_present (GTK_WIDGET (self), self->store, self->workshop, contribution,
                                  self->speakers, draft, on_edited, g_object_ref (self),
                                  g_object_unref);
}

static void
on_edited (CmContribution       *contribution,
           CmContributionValues *before,
           const GError         *error,
           const char           *draft,
           gpointer              user_data)
{
  CmCaptureView *self = user_data;

  if (self->store == NULL)
    {
      cm_contribution_values_free (before);
      return;
    }

  if (error != NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      edit (self, contribution, draft);
      return;
    }

  cm_capture_feed_forget_undo (self);
  self->undo_kind = UNDO_EDIT;
  self->undo_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->undo_items, g_object_ref (contribution));
  self->undo_values = before;
  offer_undo (self, _("Contribution changed"));

  if (gtk_filter_list_model_get_filter (self->filtered) != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
cm_capture_feed_edit (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);
  g_autoptr(GPtrArray) items = targets (self);

  if (items->len > 0)
    edit (self, g_ptr_array_index (items, 0), NULL);
}

static void respond (CmCaptureView *self,
                     GPtrArray     *items,
                     const char    *draft);

typedef struct
{
  CmCaptureView *view;
  GPtrArray     *items;
} Responding;

static void
responding_free (gpointer data)
{
  Responding *responding = data;

  g_object_unref (responding->view);
  g_ptr_array_unref (responding->items);
  g_free (responding);
}

static void
on_action_created (CmAction     *action,
                   const GError *error,
                   const char   *draft,
                   gpointer      user_data)
{
  Responding *responding = user_data;
  CmCaptureView *self = responding->view;

  if (self->store == NULL)
    return;

  if (error != NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      respond (self, responding->items, draft);
    }
  else if (action != NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self), _("Action added to “You said, we did”"));
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
    }

  cm_capture_view_focus_entry (self);
}

static void
respond (CmCaptureView *self,
         GPtrArray     *items,
         const char    *draft)
{
  Responding *responding = g_new0 (Responding, 1);

  responding->view = g_object_ref (self);
  responding->items = g_ptr_array_ref (items);
  cm_action_creator_present (GTK_WIDGET (self), self->store,
                             cm_workshop_get_cycle_id (self->workshop), items, self->speakers,
                             draft, on_action_created, responding, responding_free);
}

void
cm_capture_feed_respond (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);
  g_autoptr(GPtrArray) items = targets (self);

  if (items->len > 0)
    respond (self, items, NULL);
}

void
cm_capture_feed_undo (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);

  if (self->undo_kind != UNDO_NONE)
    undo (self);
}

/* Filters ----------------------------------------------------------------- */

gboolean
cm_capture_feed_filter_match (gpointer item,
                              gpointer user_data)
{
  CmCaptureView *self = user_data;
  CmContribution *contribution = item;

  if (self->filter_speaker >= 0 &&
      cm_contribution_get_participant_id (contribution) != self->filter_speaker)
    return FALSE;

  if (self->filter_kind >= 0 && (int) cm_contribution_get_kind (contribution) != self->filter_kind)
    return FALSE;

  if (self->filter_stage != ANY_STAGE &&
      (int) cm_contribution_get_stage (contribution) != self->filter_stage)
    return FALSE;

  if (self->filter_theme != NULL &&
      !g_strv_contains (cm_contribution_get_themes (contribution), self->filter_theme))
    return FALSE;

  if (gtk_toggle_button_get_active (self->pinned_filter) &&
      !cm_contribution_get_pinned (contribution))
    return FALSE;

  return TRUE;
}

void
cm_capture_feed_filter_changed (CmCaptureView *self)
{
  guint speaker = gtk_drop_down_get_selected (self->speaker_filter);
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint stage = gtk_drop_down_get_selected (self->stage_filter);
  guint theme = gtk_drop_down_get_selected (self->theme_filter);
  gboolean active;

  if (self->updating || self->filtered == NULL)
    return;

  self->filter_speaker = self->speaker_choices != NULL && speaker < self->speaker_choices->len
                         ? g_array_index (self->speaker_choices, gint64, speaker) : -1;
  self->filter_kind = kind >= 1 && kind <= CM_CONTRIBUTION_KIND_I_STATEMENT + 1 ? (int) kind - 1
                                                                                : -1;
  /* 0 any, 1 no stage, then the four stages. */
  self->filter_stage = stage >= 1 && stage <= CM_N_STAGES + 1 ? (int) stage - 2 : ANY_STAGE;
  g_clear_pointer (&self->filter_theme, g_free);
  if (self->theme_choices != NULL && theme < self->theme_choices->len &&
      g_ptr_array_index (self->theme_choices, theme) != NULL)
    self->filter_theme = g_strdup (g_ptr_array_index (self->theme_choices, theme));

  active = gtk_toggle_button_get_active (self->filter_button) &&
           (self->filter_speaker >= 0 || self->filter_kind >= 0 ||
            self->filter_stage != ANY_STAGE || self->filter_theme != NULL ||
            gtk_toggle_button_get_active (self->pinned_filter));

  self->stick_to_bottom = TRUE;
  if (!active)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  cm_capture_view_update_status (self);
}

/* The speakers and themes offered as filters are read when the filter bar
 * opens; the current choice is kept if it is still there. */
static void
load_filter_choices (CmCaptureView *self)
{
  g_autoptr(GtkStringList) speakers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) themes = gtk_string_list_new (NULL);
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  guint speaker_selected = 0, theme_selected = 0;
  gint64 any = -1, room = 0;

  if (self->store == NULL || self->workshop == NULL)
    return;

  g_clear_pointer (&self->speaker_choices, g_array_unref);
  self->speaker_choices = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (speakers, _("Anyone"));
  g_array_append_val (self->speaker_choices, any);
  gtk_string_list_append (speakers, C_("speaker", "The room"));
  g_array_append_val (self->speaker_choices, room);

  attendees = cm_store_list_attendees (self->store, cm_workshop_get_id (self->workshop), NULL);
  for (guint i = 0; attendees != NULL && i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(CmParticipant) person = g_list_model_get_item (attendees, i);
      gint64 id = cm_participant_get_id (person);

      if (id == self->filter_speaker)
        speaker_selected = self->speaker_choices->len;
      gtk_string_list_append (speakers, cm_participant_get_name (person));
      g_array_append_val (self->speaker_choices, id);
    }
  if (self->filter_speaker == 0)
    speaker_selected = 1;

  g_clear_pointer (&self->theme_choices, g_ptr_array_unref);
  self->theme_choices = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (themes, _("Any theme"));
  g_ptr_array_add (self->theme_choices, NULL);

  counts = cm_store_count_themes (self->store, cm_workshop_get_cycle_id (self->workshop),
                                  cm_workshop_get_id (self->workshop), NULL);
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      CmThemeCount *count = g_ptr_array_index (counts, i);
      /* Translators: a theme and how many contributions have it, "#access (12)" */
      g_autofree char *label = g_strdup_printf (_("#%s (%u)"), count->theme, count->count);

      if (g_strcmp0 (count->theme, self->filter_theme) == 0)
        theme_selected = self->theme_choices->len;
      gtk_string_list_append (themes, label);
      g_ptr_array_add (self->theme_choices, g_strdup (count->theme));
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->speaker_filter, G_LIST_MODEL (speakers));
  gtk_drop_down_set_selected (self->speaker_filter, speaker_selected);
  gtk_drop_down_set_model (self->theme_filter, G_LIST_MODEL (themes));
  gtk_drop_down_set_selected (self->theme_filter, theme_selected);
  self->updating = FALSE;
}

void
cm_capture_feed_filter_toggled (CmCaptureView *self)
{
  gboolean open = gtk_toggle_button_get_active (self->filter_button);

  if (self->filtered == NULL)
    return;

  if (open)
    load_filter_choices (self);
  gtk_revealer_set_reveal_child (self->filter_revealer, open);
  cm_capture_feed_filter_changed (self);
}
