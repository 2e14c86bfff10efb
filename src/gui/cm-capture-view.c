/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-capture-view"

#include "config.h"

#include "cm-capture-view.h"

#include <glib/gi18n.h>

#include "cm-capture-dialogs.h"
#include "cm-contribution-row.h"
#include "cm-person-chooser.h"
#include "cm-projector-window.h"
#include "cm-speaker-cache.h"
#include "cm-store-workshops.h"

/* What happens on Enter: the box is parsed ("@name", "#theme"), a draft
 * contribution is handed to the writer thread and the box is emptied, so
 * the next words can be typed at once. The row appears when the writer
 * reports the row committed. If the write fails, the words go back into
 * the box (ahead of anything typed since), the reason is shown, and the
 * next Enter tries again. Nothing is shown as captured before it is in
 * the database, so a row on screen is a row on disk.
 *
 * The feed is a list view over the store's list of the workshop's
 * contributions, through a filter that is only attached while a filter is
 * set. It sticks to the bottom while the newest row is in view. */

#define SAVING_NOTICE_DELAY_MS 400

typedef struct
{
  char               *input;
  gint64              participant_id;
  CmContributionKind  kind;
} Pending;

static void
pending_free (Pending *pending)
{
  g_free (pending->input);
  g_free (pending);
}

typedef enum
{
  UNDO_NONE,
  UNDO_DELETE,
  UNDO_EDIT,
} UndoKind;

struct _CmCaptureView
{
  GtkWidget             parent_instance;

  CmStore              *store;
  CmWorkshop           *workshop;
  CmContributionWriter *writer;
  CmSpeakerCache       *speakers;
  GListModel           *contributions;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  GtkMultiSelection    *selection;
  GMenuModel           *row_menu;
  CmParticipant        *speaker;
  GQueue                pending;
  guint                 saving_notice_id;
  int                   restore_offset;
  gboolean              stick_to_bottom;
  gboolean              scrolling;
  gboolean              dragging_scrollbar;
  gint64                last_user_scroll;
  guint                 stick_tick_id;
  int                   stick_frames;
  gboolean              updating;
  GtkWindow            *projector;

  /* Filters: -1 means any. */
  gint64                filter_speaker;
  int                   filter_kind;
  int                   filter_stage;     /* CM_STAGE_NONE - 1 for any */
  char                 *filter_theme;
  GArray               *speaker_choices;  /* gint64, parallel to speaker_filter */
  GPtrArray            *theme_choices;    /* char *, parallel to theme_filter */

  /* The last change in the feed, while its toast may still undo it. */
  UndoKind              undo_kind;
  GPtrArray            *undo_items;
  CmContributionValues *undo_values;
  AdwToast             *undo_toast;

  GtkLabel             *title_label;
  GtkLabel             *status_label;
  GtkToggleButton      *filter_button;
  GtkRevealer          *filter_revealer;
  GtkDropDown          *speaker_filter;
  GtkDropDown          *kind_filter;
  GtkDropDown          *stage_filter;
  GtkDropDown          *theme_filter;
  GtkToggleButton      *pinned_filter;
  GtkStack             *feed_stack;
  GtkScrolledWindow    *feed_scroller;
  GtkListView          *feed_view;
  AdwStatusPage        *empty_page;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkMenuButton        *speaker_button;
  GtkLabel             *speaker_label;
  GtkDropDown          *kind_dropdown;
  GtkDropDown          *stage_dropdown;
  GtkLabel             *saving_label;
  GtkTextView          *entry;
};

G_DEFINE_FINAL_TYPE (CmCaptureView, cm_capture_view, GTK_TYPE_WIDGET)

enum {
  BACK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ANY_STAGE (CM_STAGE_NONE - 1)

/* Toasts -------------------------------------------------------------- */

static void
toast (CmCaptureView *self,
       AdwToast      *toast_to_show)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast_to_show);
  else
    g_object_unref (g_object_ref_sink (toast_to_show));
}

static void
toast_message (CmCaptureView *self,
               const char    *message)
{
  toast (self, adw_toast_new (message));
}

/* The speaker, kind and stage ------------------------------------------- */

static void
show_speaker (CmCaptureView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;

  label = self->speaker != NULL ? cm_participant_dup_attribution (self->speaker, FALSE)
                                : g_strdup (C_("speaker", "The room"));
  gtk_label_set_label (self->speaker_label, label);

  /* Translators: the accessible name of the speaker button; %s is a name */
  accessible = g_strdup_printf (_("Speaker: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->speaker_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
set_speaker (CmCaptureView *self,
             CmParticipant *speaker)
{
  if (self->speaker != NULL)
    g_signal_handlers_disconnect_by_func (self->speaker, show_speaker, self);
  g_set_object (&self->speaker, speaker);
  if (speaker != NULL)
    g_signal_connect_swapped (speaker, "notify", G_CALLBACK (show_speaker), self);
  show_speaker (self);
}

static gboolean
add_attendance (CmCaptureView  *self,
                CmParticipant  *person,
                GError        **error)
{
  return cm_store_set_attendance (self->store, self->workshop, person, TRUE, error);
}

static CmParticipant *
add_person (CmCaptureView  *self,
            const char     *typed,
            GError        **error)
{
  g_autoptr(CmParticipant) person = cm_participant_new ();
  g_autofree char *name = g_strdelimit (g_strdup (typed), "_", ' ');
  g_autofree char *lower = NULL;

  g_strstrip (name);
  /* "@sam" is typed in a hurry; "Sam" is what the list should say. */
  lower = g_utf8_strdown (name, -1);
  if (*name != '\0' && g_str_equal (lower, name))
    {
      const char *rest = g_utf8_next_char (name);
      g_autofree char *capital = g_utf8_strup (name, rest - name);
      char *joined = g_strconcat (capital, rest, NULL);

      g_free (name);
      name = joined;
    }

  cm_participant_set_name (person, name);
  if (!cm_store_begin (self->store, error))
    return NULL;
  if (!cm_store_add_participant (self->store, person, error) ||
      !add_attendance (self, person, error) ||
      !cm_store_commit (self->store, error))
    {
      cm_store_rollback (self->store);
      return NULL;
    }

  return g_steal_pointer (&person);
}

static void
announce_added (CmCaptureView *self,
                CmParticipant *person)
{
  /* Translators: %s is a person's name */
  g_autofree char *message = g_strdup_printf (_("%s added to this workshop"),
                                              cm_participant_get_name (person));
  toast_message (self, message);
}

static void
on_speaker_chosen (CmCaptureView *self,
                   CmParticipant *person)
{
  g_autoptr(GError) error = NULL;

  if (person != NULL)
    {
      gboolean attending = FALSE;
      g_autoptr(GListModel) attendees = cm_store_list_attendees (self->store,
                                                                 cm_workshop_get_id (self->workshop),
                                                                 NULL);

      for (guint i = 0; attendees && i < g_list_model_get_n_items (attendees); i++)
        {
          g_autoptr(CmParticipant) item = g_list_model_get_item (attendees, i);
          attending = attending || item == person;
        }

      if (!attending && !add_attendance (self, person, &error))
        toast_message (self, error->message);
    }

  set_speaker (self, person);
  cm_capture_view_focus_entry (self);
}

static void
on_speaker_create (CmCaptureView *self,
                   const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmParticipant) person = add_person (self, name, &error);

  if (person == NULL)
    {
      toast_message (self, error->message);
      return;
    }

  announce_added (self, person);
  set_speaker (self, person);
  cm_capture_view_focus_entry (self);
}

static void
on_kind_selected (CmCaptureView *self)
{
  /* Nothing to save: the kind goes with the next contribution. */
}

static void
on_stage_selected (CmCaptureView *self)
{
}

static CmContributionKind
current_kind (CmCaptureView *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return selected <= CM_CONTRIBUTION_KIND_I_STATEMENT ? (CmContributionKind) selected
                                                      : CM_CONTRIBUTION_KIND_COMMENT;
}

static CmStage
current_stage (CmCaptureView *self)
{
  guint selected = gtk_drop_down_get_selected (self->stage_dropdown);

  return selected >= 1 && selected <= CM_N_STAGES ? (CmStage) (selected - 1) : CM_STAGE_NONE;
}

/* Status --------------------------------------------------------------- */

static void
update_status (CmCaptureView *self)
{
  g_autoptr(GString) status = NULL;
  guint n, shown;
  gboolean filtering;

  /* Widgets going away at dispose still tell us they changed. */
  if (self->filtered == NULL)
    return;

  status = g_string_new (NULL);
  n = self->contributions ? g_list_model_get_n_items (self->contributions) : 0;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  filtering = gtk_filter_list_model_get_filter (self->filtered) != NULL;

  if (self->workshop != NULL)
    {
      g_string_append (status, cm_workshop_state_to_label (cm_workshop_get_state (self->workshop)));
      g_string_append (status, " · ");
    }

  /* Translators: how many contributions a workshop has */
  g_string_append_printf (status, ngettext ("%u contribution", "%u contributions", n), n);
  if (filtering)
    {
      g_string_append (status, " · ");
      /* Translators: how many contributions match the filter */
      g_string_append_printf (status, ngettext ("%u shown", "%u shown", shown), shown);
    }
  gtk_label_set_label (self->status_label, status->str);

  if (shown > 0)
    gtk_stack_set_visible_child_name (self->feed_stack, "feed");
  else
    {
      if (filtering && n > 0)
        {
          adw_status_page_set_title (self->empty_page, _("Nothing Matches the Filter"));
          adw_status_page_set_description (self->empty_page,
                                           _("Choose other filters, or close the filter bar "
                                             "with Ctrl+F to see everything."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("Nothing Captured Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Type what people say in the box below and press "
                                             "Enter. Start with @name to say who spoke, add "
                                             "#themes anywhere."));
        }
      gtk_stack_set_visible_child_name (self->feed_stack, "empty");
    }
}

static void
update_saving_notice (CmCaptureView *self)
{
  if (g_queue_is_empty (&self->pending))
    {
      g_clear_handle_id (&self->saving_notice_id, g_source_remove);
      gtk_widget_set_visible (GTK_WIDGET (self->saving_label), FALSE);
    }
}

static gboolean
show_saving_notice (gpointer user_data)
{
  CmCaptureView *self = user_data;

  self->saving_notice_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->saving_label), !g_queue_is_empty (&self->pending));
  return G_SOURCE_REMOVE;
}

static void
show_error (CmCaptureView *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Scrolling -------------------------------------------------------------- */

static GtkAdjustment *
feed_adjustment (CmCaptureView *self)
{
  return gtk_scrolled_window_get_vadjustment (self->feed_scroller);
}

/* Anchors the newest row to the bottom edge: as the list measures rows
 * and their heights change, the anchor keeps the newest one in view. */
static void
scroll_to_end (CmCaptureView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (n == 0)
    return;

  self->scrolling = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self->feed_view), "list.scroll-to-item", "u", n - 1);
  self->scrolling = FALSE;
}

static gboolean
stick_on_next_frames (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);

  /* The list measures the rows it has just made on the frame after they
   * arrive, which moves the end again. */
  if (self->stick_to_bottom)
    scroll_to_end (self);

  if (--self->stick_frames > 0)
    return G_SOURCE_CONTINUE;

  self->stick_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
stick_to_end (CmCaptureView *self)
{
  scroll_to_end (self);
  if (g_getenv ("TMP_NO_TICK"))
    return;
  self->stick_frames = 3;
  if (self->stick_tick_id == 0)
    self->stick_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), stick_on_next_frames,
                                                        NULL, NULL);
}

static gboolean
moved_by_person (CmCaptureView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return self->dragging_scrollbar ||
         g_get_monotonic_time () - self->last_user_scroll < 600 * G_TIME_SPAN_MILLISECOND ||
         (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->feed_view)));
}

static void
on_adjustment_value_changed (CmCaptureView *self)
{
  GtkAdjustment *adjustment = feed_adjustment (self);

  /* The list moves itself as it measures rows; only a person scrolling
   * decides whether the feed follows the newest row. Scrolled up to read,
   * it stays put; back at the end, it follows again. */
  if (self->scrolling || !moved_by_person (self))
    return;

  self->stick_to_bottom = gtk_adjustment_get_value (adjustment) +
                          gtk_adjustment_get_page_size (adjustment) >=
                          gtk_adjustment_get_upper (adjustment) - 8;
}

static gboolean
on_feed_scroll (CmCaptureView *self)
{
  self->last_user_scroll = g_get_monotonic_time ();
  return FALSE;
}

static void
on_scrollbar_drag_begin (CmCaptureView *self)
{
  self->dragging_scrollbar = TRUE;
}

static void
on_scrollbar_drag_end (CmCaptureView *self)
{
  self->dragging_scrollbar = FALSE;
  on_adjustment_value_changed (self);
}

static void
on_filtered_items_changed (CmCaptureView *self,
                           guint          position,
                           guint          removed,
                           guint          added)
{
  if (!g_getenv ("TMP_NO_STATUS"))
    update_status (self);

  if (self->stick_to_bottom)
    stick_to_end (self);
}

/* Committing ------------------------------------------------------------- */

static char *
entry_text (CmCaptureView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entry);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
restore_input (CmCaptureView *self,
               Pending       *pending)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entry);
  int length = gtk_text_buffer_get_char_count (buffer);
  g_autofree char *text = NULL;
  GtkTextIter at;

  /* Failed words go back in the order they were typed, ahead of anything
   * typed since, one to a line. */
  self->restore_offset = CLAMP (self->restore_offset, 0, length);
  text = g_strconcat (pending->input, length > self->restore_offset ? "\n" : "", NULL);
  gtk_text_buffer_get_iter_at_offset (buffer, &at, self->restore_offset);
  gtk_text_buffer_insert (buffer, &at, text, -1);
  self->restore_offset += (int) g_utf8_strlen (text, -1);

  if (length == 0)
    {
      gtk_drop_down_set_selected (self->kind_dropdown, (guint) pending->kind);
      if (pending->participant_id != 0)
        set_speaker (self, cm_speaker_cache_lookup (self->speakers, pending->participant_id));
      else
        set_speaker (self, NULL);
    }
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CmCaptureView) self = user_data;
  g_autoptr(GError) error = NULL;
  Pending *pending;
  gint64 id;

  id = cm_contribution_writer_add_finish (CM_CONTRIBUTION_WRITER (source), result, &error);
  pending = g_queue_pop_head (&self->pending);
  g_assert (pending != NULL);

  if (self->store == NULL)
    {
      pending_free (pending);
      return;
    }

  if (id > 0)
    {
      g_autoptr(CmContribution) adopted = NULL;
      g_autoptr(GError) adopt_error = NULL;

      /* The row is in the database whatever happens here. */
      self->stick_to_bottom = TRUE;
      self->last_user_scroll = 0;
      adopted = cm_store_adopt_contribution (self->store, id, &adopt_error);
      if (adopted == NULL)
        show_error (self, adopt_error->message);
      else if (g_queue_is_empty (&self->pending))
        show_error (self, NULL);
    }
  else
    {
      /* Translators: shown when a contribution could not be saved; %s is the reason */
      g_autofree char *message = g_strdup_printf (_("Not saved: %s Your words are back in the "
                                                    "box; press Enter to try again."),
                                                  error->message);
      restore_input (self, pending);
      show_error (self, message);
    }

  pending_free (pending);
  update_saving_notice (self);
}

static gboolean
resolve_speaker (CmCaptureView  *self,
                 const char     *typed,
                 GError        **error)
{
  g_autoptr(CmParticipant) person = NULL;
  gboolean attending = FALSE;

  person = cm_store_find_speaker (self->store, cm_workshop_get_id (self->workshop), typed,
                                  &attending, error);
  if (person == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;

      /* Someone new: they are added, and the toast says so. */
      person = add_person (self, typed, error);
      if (person == NULL)
        return FALSE;
      announce_added (self, person);
    }
  else if (!attending && !add_attendance (self, person, error))
    return FALSE;

  set_speaker (self, person);
  return TRUE;
}

static gboolean
has_words (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

gboolean
cm_capture_view_commit (CmCaptureView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *input = NULL;
  g_autofree char *text = NULL;
  g_autofree char *speaker_prefix = NULL;
  g_auto(GStrv) themes = NULL;
  CmContribution *draft;
  Pending *pending;

  g_return_val_if_fail (CM_IS_CAPTURE_VIEW (self), FALSE);

  if (self->store == NULL || self->workshop == NULL || self->writer == NULL)
    return FALSE;

  input = entry_text (self);
  if (!has_words (input))
    return FALSE;

  cm_contribution_parse_input (input, &text, &themes, &speaker_prefix);

  if (speaker_prefix != NULL && !resolve_speaker (self, speaker_prefix, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (*text == '\0')
    {
      /* "@gwen" alone only changes who is speaking. */
      if (speaker_prefix != NULL)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->entry), "", 0);
      else
        show_error (self, _("Type what was said before pressing Enter; themes alone are not "
                            "saved."));
      return FALSE;
    }

  now = g_date_time_new_now_utc ();
  draft = cm_contribution_new ();
  cm_contribution_set_workshop_id (draft, cm_workshop_get_id (self->workshop));
  cm_contribution_set_participant_id (draft, self->speaker ? cm_participant_get_id (self->speaker)
                                                           : 0);
  cm_contribution_set_text (draft, text);
  cm_contribution_set_themes (draft, (const char * const *) themes);
  cm_contribution_set_kind (draft, current_kind (self));
  cm_contribution_set_stage (draft, current_stage (self));
  cm_contribution_set_captured_at (draft, now);

  /* Refused before it is sent (too long, say): the words stay in the box. */
  if (!cm_contribution_validate (draft, &error))
    {
      g_object_unref (draft);
      show_error (self, error->message);
      return FALSE;
    }

  pending = g_new0 (Pending, 1);
  pending->input = g_steal_pointer (&input);
  pending->participant_id = cm_contribution_get_participant_id (draft);
  pending->kind = cm_contribution_get_kind (draft);
  g_queue_push_tail (&self->pending, pending);

  self->restore_offset = 0;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->entry), "", 0);
  /* The kind is said of one contribution; the speaker and stage carry on. */
  gtk_drop_down_set_selected (self->kind_dropdown, CM_CONTRIBUTION_KIND_COMMENT);

  if (self->saving_notice_id == 0)
    self->saving_notice_id = g_timeout_add (SAVING_NOTICE_DELAY_MS, show_saving_notice, self);

  cm_contribution_writer_add_async (self->writer, draft, NULL, on_written, g_object_ref (self));
  return TRUE;
}

static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      CmCaptureView         *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;

  /* Shift+Enter is a line break, as in any text box. */
  if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  cm_capture_view_commit (self);
  return TRUE;
}

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

static void
setup_feed_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                CmCaptureView            *self)
{
  CmContributionRow *row;

  if (g_getenv ("TMP_SIMPLE_ROW"))
    {
      GtkWidget *v = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *l1 = gtk_label_new (NULL), *l2 = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (l1), TRUE); gtk_label_set_wrap (GTK_LABEL (l2), TRUE);
      gtk_label_set_xalign (GTK_LABEL (l1), 0); gtk_label_set_xalign (GTK_LABEL (l2), 0);
      gtk_box_append (GTK_BOX (v), l1); gtk_box_append (GTK_BOX (v), l2);
      gtk_list_item_set_child (list_item, v);
      return;
    }
  row = cm_contribution_row_new (self->row_menu);

  g_signal_connect (row, "menu-opened", G_CALLBACK (on_row_menu_opened), list_item);
  gtk_list_item_set_child (list_item, GTK_WIDGET (row));
}

static void
bind_feed_row (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CmCaptureView            *self)
{
  if (g_getenv ("TMP_SIMPLE_ROW"))
    {
      GtkWidget *v = gtk_list_item_get_child (list_item);
      gtk_label_set_markup (GTK_LABEL (gtk_widget_get_first_child (v)), "14:32  <b>Gwen Jones</b>  Idea");
      gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (v)), cm_contribution_get_text (gtk_list_item_get_item (list_item)));
      return;
    }
  cm_contribution_row_bind (CM_CONTRIBUTION_ROW (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item), self->speakers);
}

static void
unbind_feed_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 CmCaptureView            *self)
{
  if (g_getenv ("TMP_SIMPLE_ROW"))
    return;
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

static void
on_feed_activate (CmCaptureView *self,
                  guint          position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "capture.edit", NULL);
}

/* Undo ----------------------------------------------------------------- */

static void
forget_undo (CmCaptureView *self)
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

  forget_undo (self);
  if (shown != NULL)
    {
      adw_toast_dismiss (shown);
      g_object_unref (shown);
    }

  if (error != NULL)
    toast_message (self, error->message);
}

static void
on_undo_toast_dismissed (AdwToast      *dismissed,
                         CmCaptureView *self)
{
  if (self->undo_toast == dismissed)
    forget_undo (self);
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
  toast (self, undo_toast);
}

/* Commands ----------------------------------------------------------------- */

static void
delete_activated (GtkWidget  *widget,
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

  forget_undo (self);
  self->undo_kind = UNDO_DELETE;
  self->undo_items = g_ptr_array_ref (items);
  /* Translators: shown after deleting contributions from the feed */
  message = g_strdup_printf (ngettext ("Contribution deleted", "%u contributions deleted",
                                       items->len), items->len);
  offer_undo (self, message);
  return;

failed:
  cm_store_rollback (self->store);
  toast_message (self, error->message);
}

static void
pin_activated (GtkWidget  *widget,
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
          toast_message (self, error->message);
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
      toast_message (self, error->message);
      edit (self, contribution, draft);
      return;
    }

  forget_undo (self);
  self->undo_kind = UNDO_EDIT;
  self->undo_items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->undo_items, g_object_ref (contribution));
  self->undo_values = before;
  offer_undo (self, _("Contribution changed"));

  if (gtk_filter_list_model_get_filter (self->filtered) != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
edit_activated (GtkWidget  *widget,
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
      toast_message (self, error->message);
      respond (self, responding->items, draft);
    }
  else if (action != NULL)
    {
      toast_message (self, _("Action added to “You said, we did”"));
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
  cm_action_creator_present (GTK_WIDGET (self), self->store, cm_workshop_get_cycle_id (self->workshop),
                             items, self->speakers, draft, on_action_created, responding,
                             responding_free);
}

static void
respond_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);
  g_autoptr(GPtrArray) items = targets (self);

  if (items->len > 0)
    respond (self, items, NULL);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);

  if (self->undo_kind != UNDO_NONE)
    undo (self);
}

static void
commit_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cm_capture_view_commit (CM_CAPTURE_VIEW (widget));
}

static void
choose_speaker_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gtk_menu_button_popup (CM_CAPTURE_VIEW (widget)->speaker_button);
}

static void
set_kind_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);
  int kind = g_variant_get_int32 (parameter);

  if (kind >= CM_CONTRIBUTION_KIND_COMMENT && kind <= CM_CONTRIBUTION_KIND_I_STATEMENT)
    gtk_drop_down_set_selected (self->kind_dropdown, (guint) kind);
}

static void
set_stage_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);
  int stage = g_variant_get_int32 (parameter);

  if (stage >= CM_STAGE_NONE && stage <= CM_STAGE_REVIEW)
    gtk_drop_down_set_selected (self->stage_dropdown, (guint) (stage + 1));
}

static GtkWidget *
find_row_widget (GtkWidget      *widget,
                 CmContribution *contribution)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (CM_IS_CONTRIBUTION_ROW (child) &&
          cm_contribution_row_get_contribution (CM_CONTRIBUTION_ROW (child)) == contribution)
        return child;

      found = find_row_widget (child, contribution);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
focus_feed_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autoptr(CmContribution) last = NULL;
  GtkWidget *row;

  if (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (widget)),
                              GTK_WIDGET (self->feed_view)) || n == 0)
    {
      cm_capture_view_focus_entry (self);
      return;
    }

  /* The newest contribution takes the keyboard, so the arrows go back in time. */
  last = g_list_model_get_item (G_LIST_MODEL (self->filtered), n - 1);
  self->stick_to_bottom = TRUE;
  stick_to_end (self);
  /* Selecting it too makes it where Shift+Up extends a selection from. */
  gtk_widget_activate_action (GTK_WIDGET (self->feed_view), "list.select-item", "(ubb)",
                              n - 1, FALSE, FALSE);
  row = find_row_widget (GTK_WIDGET (self->feed_view), last);
  if (row != NULL && gtk_widget_get_parent (row) != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->feed_view));
}

static void
filter_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);

  gtk_toggle_button_set_active (self->filter_button,
                                !gtk_toggle_button_get_active (self->filter_button));
  if (gtk_toggle_button_get_active (self->filter_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->speaker_filter));
  else
    cm_capture_view_focus_entry (self);
}

static void
projector_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cm_capture_view_open_projector (CM_CAPTURE_VIEW (widget));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK_REQUESTED], 0);
}

/* Filters ----------------------------------------------------------------- */

static gboolean
filter_match (gpointer item,
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

static void
on_filter_changed (CmCaptureView *self)
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

  update_status (self);
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

static void
on_filter_toggled (CmCaptureView *self)
{
  gboolean open = gtk_toggle_button_get_active (self->filter_button);

  if (self->filtered == NULL)
    return;

  if (open)
    load_filter_choices (self);
  gtk_revealer_set_reveal_child (self->filter_revealer, open);
  on_filter_changed (self);
}

/* GObject -------------------------------------------------------------------- */

static void
close_projector (CmCaptureView *self)
{
  if (self->projector != NULL)
    {
      GtkWindow *projector = self->projector;

      g_clear_weak_pointer (&self->projector);
      gtk_window_destroy (projector);
    }
}

static void
release_workshop (CmCaptureView *self)
{
  close_projector (self);

  /* Whatever is on its way to the disk gets there before we let go. */
  if (self->writer != NULL)
    cm_contribution_writer_flush (self->writer);

  forget_undo (self);
  if (self->contributions != NULL)
    gtk_filter_list_model_set_model (self->filtered, NULL);
  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);

  g_clear_object (&self->contributions);
  g_clear_object (&self->writer);
  g_clear_pointer (&self->speakers, cm_speaker_cache_unref);
  set_speaker (self, NULL);
  g_clear_object (&self->workshop);
}

static void
cm_capture_view_dispose (GObject *object)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (object);
  GtkWidget *child;

  release_workshop (self);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->saving_notice_id, g_source_remove);
  if (self->stick_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->stick_tick_id);
      self->stick_tick_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_CAPTURE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->row_menu);

  G_OBJECT_CLASS (cm_capture_view_parent_class)->dispose (object);
}

static void
cm_capture_view_finalize (GObject *object)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (object);

  g_queue_clear_full (&self->pending, (GDestroyNotify) pending_free);
  g_clear_pointer (&self->speaker_choices, g_array_unref);
  g_clear_pointer (&self->theme_choices, g_ptr_array_unref);
  g_free (self->filter_theme);

  G_OBJECT_CLASS (cm_capture_view_parent_class)->finalize (object);
}

static void
add_int_binding (GtkWidgetClass  *widget_class,
                 guint            keyval,
                 GdkModifierType  modifiers,
                 const char      *action,
                 int              value)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, "i", value);
}

static void
cm_capture_view_class_init (CmCaptureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint digits[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };
  /* With Shift held, US and UK keyboards send these for the digits. */
  static const guint shifted_us[] = { GDK_KEY_exclam, GDK_KEY_at, GDK_KEY_numbersign,
                                      GDK_KEY_dollar, GDK_KEY_percent };
  static const guint shifted_uk[] = { GDK_KEY_exclam, GDK_KEY_quotedbl, GDK_KEY_sterling,
                                      GDK_KEY_dollar, GDK_KEY_percent };

  object_class->dispose = cm_capture_view_dispose;
  object_class->finalize = cm_capture_view_finalize;

  signals[BACK_REQUESTED] =
    g_signal_new ("back-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/cm-capture-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, status_label);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, speaker_filter);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, theme_filter);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, pinned_filter);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, feed_stack);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, feed_scroller);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, feed_view);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, error_label);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, speaker_button);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, saving_label);
  gtk_widget_class_bind_template_child (widget_class, CmCaptureView, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_feed_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_selected);

  gtk_widget_class_install_action (widget_class, "capture.commit", NULL, commit_activated);
  gtk_widget_class_install_action (widget_class, "capture.choose-speaker", NULL,
                                   choose_speaker_activated);
  gtk_widget_class_install_action (widget_class, "capture.set-kind", "i", set_kind_activated);
  gtk_widget_class_install_action (widget_class, "capture.set-stage", "i", set_stage_activated);
  gtk_widget_class_install_action (widget_class, "capture.focus-feed", NULL,
                                   focus_feed_activated);
  gtk_widget_class_install_action (widget_class, "capture.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "capture.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "capture.pin", NULL, pin_activated);
  gtk_widget_class_install_action (widget_class, "capture.respond", NULL, respond_activated);
  gtk_widget_class_install_action (widget_class, "capture.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "capture.filter", NULL, filter_activated);
  gtk_widget_class_install_action (widget_class, "capture.projector", NULL,
                                   projector_activated);
  gtk_widget_class_install_action (widget_class, "capture.back", NULL, back_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "capture.choose-speaker", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      GdkModifierType both = GDK_CONTROL_MASK | GDK_SHIFT_MASK;

      add_int_binding (widget_class, digits[i], both, "capture.set-kind", (int) i);
      add_int_binding (widget_class, shifted_us[i], both, "capture.set-kind", (int) i);
      if (shifted_uk[i] != shifted_us[i])
        add_int_binding (widget_class, shifted_uk[i], both, "capture.set-kind", (int) i);
      add_int_binding (widget_class, GDK_KEY_KP_1 + i, both, "capture.set-kind", (int) i);
      if (i < CM_N_STAGES)
        add_int_binding (widget_class, digits[i], GDK_CONTROL_MASK, "capture.set-stage", (int) i);
    }
  add_int_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "capture.set-stage", CM_STAGE_NONE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "capture.focus-feed", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "capture.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "capture.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "capture.pin", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "capture.respond", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "capture.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "capture.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "capture.projector", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "capture.back", NULL);
}

static GListModel *
string_list (const char *first,
             ...)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *item = first; item != NULL; item = va_arg (args, const char *))
    gtk_string_list_append (list, item);
  va_end (args);

  return G_LIST_MODEL (list);
}

static void
cm_capture_view_init (CmCaptureView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(GListModel) kind_filters = NULL;
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(GListModel) stage_filters = NULL;
  GtkEventController *keys;
  GtkEventController *controller;
  CmPersonChooser *chooser;
  GMenu *row_menu;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_queue_init (&self->pending);
  self->stick_to_bottom = TRUE;
  self->filter_speaker = -1;
  self->filter_kind = -1;
  self->filter_stage = ANY_STAGE;

  kinds = string_list (cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_COMMENT),
                       cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_IDEA),
                       cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_CONCERN),
                       cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_QUESTION),
                       cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_I_STATEMENT),
                       NULL);
  gtk_drop_down_set_model (self->kind_dropdown, kinds);
  stages = string_list (C_("stage", "No stage"),
                        cm_stage_to_label (CM_STAGE_ANALYSE), cm_stage_to_label (CM_STAGE_PLAN),
                        cm_stage_to_label (CM_STAGE_DO), cm_stage_to_label (CM_STAGE_REVIEW),
                        NULL);
  gtk_drop_down_set_model (self->stage_dropdown, stages);

  kind_filters = string_list (_("Any kind"),
                              cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_COMMENT),
                              cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_IDEA),
                              cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_CONCERN),
                              cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_QUESTION),
                              cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_I_STATEMENT),
                              NULL);
  gtk_drop_down_set_model (self->kind_filter, kind_filters);
  stage_filters = string_list (_("Any stage"), C_("stage", "No stage"),
                               cm_stage_to_label (CM_STAGE_ANALYSE),
                               cm_stage_to_label (CM_STAGE_PLAN),
                               cm_stage_to_label (CM_STAGE_DO),
                               cm_stage_to_label (CM_STAGE_REVIEW),
                               NULL);
  gtk_drop_down_set_model (self->stage_filter, stage_filters);

  chooser = cm_person_chooser_new ();
  g_signal_connect_swapped (chooser, "chosen", G_CALLBACK (on_speaker_chosen), self);
  g_signal_connect_swapped (chooser, "create", G_CALLBACK (on_speaker_create), self);
  gtk_menu_button_set_popover (self->speaker_button, GTK_WIDGET (chooser));
  show_speaker (self);

  /* The feed. */
  row_menu = g_menu_new ();
  g_menu_append (row_menu, _("_Edit"), "capture.edit");
  g_menu_append (row_menu, _("_Pin or Unpin"), "capture.pin");
  g_menu_append (row_menu, _("_Respond with an Action…"), "capture.respond");
  g_menu_append (row_menu, _("_Delete"), "capture.delete");
  self->row_menu = G_MENU_MODEL (row_menu);

  self->filter = gtk_custom_filter_new (filter_match, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (on_filtered_items_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_feed_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_feed_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_feed_row), self);
  gtk_list_view_set_factory (self->feed_view, factory);
  if (g_getenv ("TMP_NO_CSS"))
    gtk_widget_remove_css_class (GTK_WIDGET (self->feed_view), "capture-feed");
  gtk_list_view_set_model (self->feed_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (feed_adjustment (self), "value-changed",
                            G_CALLBACK (on_adjustment_value_changed), self);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (on_feed_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self->feed_scroller), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_drag_new ());
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "drag-begin", G_CALLBACK (on_scrollbar_drag_begin), self);
  g_signal_connect_swapped (controller, "drag-end", G_CALLBACK (on_scrollbar_drag_end), self);
  gtk_widget_add_controller (gtk_scrolled_window_get_vscrollbar (self->feed_scroller), controller);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  update_status (self);
  if (g_getenv ("TMP_HIDE_ENTRY"))
    gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->entry)), FALSE);
  if (g_getenv ("TMP_HIDE_FILTER"))
    gtk_widget_set_visible (GTK_WIDGET (self->filter_revealer), FALSE);
  if (g_getenv ("TMP_HIDE_BAR"))
    gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->speaker_button)), FALSE);
  if (g_getenv ("TMP_HIDE_EMPTY"))
    gtk_widget_set_visible (GTK_WIDGET (self->empty_page), FALSE);
}

CmCaptureView *
cm_capture_view_new (void)
{
  return g_object_new (CM_TYPE_CAPTURE_VIEW, NULL);
}

static void
update_title (CmCaptureView *self)
{
  gtk_label_set_label (self->title_label, self->workshop ? cm_workshop_get_title (self->workshop)
                                                         : "");
  update_status (self);
}

void
cm_capture_view_set_workshop (CmCaptureView *self,
                              CmStore       *store,
                              CmWorkshop    *workshop)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CM_IS_CAPTURE_VIEW (self));
  g_return_if_fail (store == NULL || CM_IS_STORE (store));
  g_return_if_fail (workshop == NULL || CM_IS_WORKSHOP (workshop));

  if (self->workshop == workshop && self->store == store)
    return;

  release_workshop (self);
  g_set_object (&self->store, store);
  show_error (self, NULL);

  if (store != NULL && workshop != NULL)
    {
      self->workshop = g_object_ref (workshop);
      self->speakers = cm_speaker_cache_new (store);
      self->contributions = cm_store_list_contributions (store, cm_workshop_get_id (workshop),
                                                         &error);
      if (self->contributions != NULL)
        self->writer = cm_contribution_writer_new (store, &error);
      g_signal_connect_swapped (workshop, "notify", G_CALLBACK (update_title), self);
    }

  cm_person_chooser_set_workshop (CM_PERSON_CHOOSER (gtk_menu_button_get_popover (self->speaker_button)),
                                  store, workshop ? cm_workshop_get_id (workshop) : 0);

  self->stick_to_bottom = TRUE;
  gtk_filter_list_model_set_model (self->filtered, self->contributions);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), self->writer != NULL);
  update_title (self);

  if (error != NULL)
    show_error (self, error->message);
}

CmWorkshop *
cm_capture_view_get_workshop (CmCaptureView *self)
{
  g_return_val_if_fail (CM_IS_CAPTURE_VIEW (self), NULL);

  return self->workshop;
}

void
cm_capture_view_focus_entry (CmCaptureView *self)
{
  g_return_if_fail (CM_IS_CAPTURE_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

GtkWindow *
cm_capture_view_open_projector (CmCaptureView *self)
{
  GtkRoot *root;

  g_return_val_if_fail (CM_IS_CAPTURE_VIEW (self), NULL);

  if (self->workshop == NULL)
    return NULL;

  if (self->projector == NULL)
    {
      GtkWindow *projector = GTK_WINDOW (cm_projector_window_new (self->store, self->workshop,
                                                                  self->contributions));

      root = gtk_widget_get_root (GTK_WIDGET (self));
      if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
        gtk_window_set_application (projector, gtk_window_get_application (GTK_WINDOW (root)));
      g_set_weak_pointer (&self->projector, projector);
    }

  gtk_window_present (self->projector);
  return self->projector;
}

GtkTextView *
cm_capture_view_get_entry (CmCaptureView *self)
{
  g_return_val_if_fail (CM_IS_CAPTURE_VIEW (self), NULL);

  return self->entry;
}

GtkListView *
cm_capture_view_get_feed (CmCaptureView *self)
{
  g_return_val_if_fail (CM_IS_CAPTURE_VIEW (self), NULL);

  return self->feed_view;
}

CmContributionWriter *
cm_capture_view_get_writer (CmCaptureView *self)
{
  g_return_val_if_fail (CM_IS_CAPTURE_VIEW (self), NULL);

  return self->writer;
}

guint
cm_capture_view_get_n_pending (CmCaptureView *self)
{
  g_return_val_if_fail (CM_IS_CAPTURE_VIEW (self), 0);

  return g_queue_get_length (&self->pending);
}
