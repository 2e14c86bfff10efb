/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-capture-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-capture-view-private.h"
#include "cm-store-workshops.h"

/* The capture view's box: who is speaking, and what Enter does with the
 * words. They are parsed ("@name", "#theme") and handed to the writer
 * thread as a draft contribution; typing goes on at once, after the words
 * sent. When the writer reports the row committed (a millisecond or two),
 * the words leave the box and the row appears in the feed, in the same
 * frame. If the write fails, the words simply stay in the box, the reason
 * is shown, and the next Enter sends them again. Nothing is shown as
 * captured before it is in the database, so a row on screen is a row on
 * disk. */

#define SAVING_NOTICE_DELAY_MS 400

/* Words sent to the writer stay in the box, between two marks, until the
 * writer says they are in the database: then they leave the box in the
 * same frame as their row appears in the feed. */
struct _CmCapturePending
{
  GtkTextMark        *start;
  GtkTextMark        *end;
  CmContributionKind  kind;
};

typedef CmCapturePending Pending;

static void
forget_mark (GtkTextMark *mark)
{
  if (!gtk_text_mark_get_deleted (mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (mark), mark);
  g_object_unref (mark);
}

void
cm_capture_pending_free (Pending *pending)
{
  forget_mark (pending->start);
  forget_mark (pending->end);
  g_free (pending);
}

/* The speaker, kind and stage ------------------------------------------- */

void
cm_capture_view_show_speaker (CmCaptureView *self)
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

void
cm_capture_view_set_speaker (CmCaptureView *self,
                             CmParticipant *speaker)
{
  if (self->speaker != NULL)
    g_signal_handlers_disconnect_by_func (self->speaker, cm_capture_view_show_speaker, self);
  g_set_object (&self->speaker, speaker);
  if (speaker != NULL)
    g_signal_connect_swapped (speaker, "notify", G_CALLBACK (cm_capture_view_show_speaker), self);
  cm_capture_view_show_speaker (self);
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
  cm_toast_show_message (GTK_WIDGET (self), message);
}

void
cm_capture_view_speaker_chosen (CmCaptureView *self,
                                CmParticipant *person)
{
  g_autoptr(GError) error = NULL;

  if (person != NULL)
    {
      gboolean attending = FALSE;
      gint64 workshop_id = cm_workshop_get_id (self->workshop);
      g_autoptr(GListModel) attendees = cm_store_list_attendees (self->store, workshop_id, NULL);

      for (guint i = 0; attendees && i < g_list_model_get_n_items (attendees); i++)
        {
          g_autoptr(CmParticipant) item = g_list_model_get_item (attendees, i);
          attending = attending || item == person;
        }

      if (!attending && !add_attendance (self, person, &error))
        cm_toast_show_message (GTK_WIDGET (self), error->message);
    }

  cm_capture_view_set_speaker (self, person);
  cm_capture_view_focus_entry (self);
}

void
cm_capture_view_speaker_create (CmCaptureView *self,
                                const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmParticipant) person = add_person (self, name, &error);

  if (person == NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  announce_added (self, person);
  cm_capture_view_set_speaker (self, person);
  cm_capture_view_focus_entry (self);
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

static void
update_saving_notice (CmCaptureView *self)
{
  if (g_queue_is_empty (&self->pending))
    {
      g_clear_handle_id (&self->saving_notice_id, g_source_remove);
      gtk_widget_set_visible (GTK_WIDGET (self->saving_label), FALSE);
    }
}

/* Saving normally takes a millisecond or two and shows nothing; when it
 * takes longer (the disk is slow, another program holds the database), the
 * words waiting in the box are set in italics and "Saving…" shows. */
static gboolean
show_saving_notice (gpointer user_data)
{
  CmCaptureView *self = user_data;

  self->saving_notice_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->saving_label), !g_queue_is_empty (&self->pending));

  for (GList *l = self->pending.head; l != NULL; l = l->next)
    {
      Pending *pending = l->data;
      GtkTextBuffer *buffer;
      GtkTextIter start, end;

      if (gtk_text_mark_get_deleted (pending->start))
        continue;
      buffer = gtk_text_mark_get_buffer (pending->start);
      gtk_text_buffer_get_iter_at_mark (buffer, &start, pending->start);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, pending->end);
      gtk_text_buffer_apply_tag (buffer, self->pending_tag, &start, &end);
    }

  return G_SOURCE_REMOVE;
}

void
cm_capture_view_show_error (CmCaptureView *self,
                            const char    *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Committing ------------------------------------------------------------- */

/* Where new words start: after whatever is still on its way to the disk. */
static void
get_unsent_bounds (CmCaptureView *self,
                   GtkTextIter   *start,
                   GtkTextIter   *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entry);
  Pending *last = g_queue_peek_tail (&self->pending);

  gtk_text_buffer_get_bounds (buffer, start, end);
  if (last != NULL && !gtk_text_mark_get_deleted (last->end))
    gtk_text_buffer_get_iter_at_mark (buffer, start, last->end);
}

static char *
unsent_text (CmCaptureView *self)
{
  GtkTextIter start, end;

  get_unsent_bounds (self, &start, &end);
  return gtk_text_iter_get_text (&start, &end);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CmCaptureView) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  Pending *pending;
  gint64 id;

  id = cm_contribution_writer_add_finish (CM_CONTRIBUTION_WRITER (source), result, &error);
  pending = g_queue_pop_head (&self->pending);
  g_assert (pending != NULL);

  if (self->store == NULL || gtk_text_mark_get_deleted (pending->start))
    {
      cm_capture_pending_free (pending);
      return;
    }

  buffer = gtk_text_mark_get_buffer (pending->start);
  gtk_text_buffer_get_iter_at_mark (buffer, &start, pending->start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, pending->end);

  if (id > 0)
    {
      g_autoptr(CmContribution) adopted = NULL;
      g_autoptr(GError) adopt_error = NULL;

      /* Saved: the words leave the box as their row arrives. */
      gtk_text_buffer_delete (buffer, &start, &end);
      if (current_kind (self) == pending->kind)
        gtk_drop_down_set_selected (self->kind_dropdown, CM_CONTRIBUTION_KIND_COMMENT);

      self->stick_to_bottom = TRUE;
      self->last_user_scroll = 0;
      adopted = cm_store_adopt_contribution (self->store, id, &adopt_error);
      if (adopted == NULL)
        cm_capture_view_show_error (self, adopt_error->message);
      else if (g_queue_is_empty (&self->pending))
        cm_capture_view_show_error (self, NULL);
    }
  else
    {
      /* Translators: shown when a contribution could not be saved; %s is the reason */
      g_autofree char *message = g_strdup_printf (_("Not saved: %s Your words are still in "
                                                    "the box; press Enter to try again."),
                                                  error->message);

      /* The words stay where they are; anything typed since goes on a line
       * of its own after them, and the next Enter sends it all. */
      gtk_text_buffer_remove_tag (buffer, self->pending_tag, &start, &end);
      if (!gtk_text_iter_is_end (&end) && gtk_text_iter_get_char (&end) != '\n')
        gtk_text_buffer_insert (buffer, &end, "\n", 1);
      cm_capture_view_show_error (self, message);
    }

  cm_capture_pending_free (pending);
  update_saving_notice (self);
}

/* "@room" (or "@ystafell" in Welsh) is the room as a whole, not a person. */
static gboolean
names_the_room (const char *typed)
{
  /* Translators: typed after "@" in the capture box to say that the room as
   * a whole spoke, not one person; one word, lower case */
  const char *room = C_("speaker prefix", "room");
  g_autofree char *folded = g_utf8_casefold (typed, -1);
  g_autofree char *folded_room = g_utf8_casefold (room, -1);

  return g_str_equal (folded, folded_room) || g_str_equal (folded, "room");
}

static gboolean
resolve_speaker (CmCaptureView  *self,
                 const char     *typed,
                 GError        **error)
{
  g_autoptr(CmParticipant) person = NULL;
  gboolean attending = FALSE;

  if (names_the_room (typed))
    {
      cm_capture_view_set_speaker (self, NULL);
      return TRUE;
    }

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

  cm_capture_view_set_speaker (self, person);
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

  input = unsent_text (self);
  if (!has_words (input))
    return FALSE;

  cm_contribution_parse_input (input, &text, &themes, &speaker_prefix);

  if (speaker_prefix != NULL && !resolve_speaker (self, speaker_prefix, &error))
    {
      cm_capture_view_show_error (self, error->message);
      return FALSE;
    }

  if (*text == '\0')
    {
      /* "@gwen" alone only changes who is speaking. */
      if (speaker_prefix != NULL)
        {
          GtkTextIter start, end;

          get_unsent_bounds (self, &start, &end);
          gtk_text_buffer_delete (gtk_text_view_get_buffer (self->entry), &start, &end);
        }
      else
        cm_capture_view_show_error (self, _("Type what was said before pressing Enter; "
                                            "themes alone are not saved."));
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
      cm_capture_view_show_error (self, error->message);
      return FALSE;
    }

  /* The words stay in the box, marked, until they are saved; the cursor
   * stays where it is, and new typing goes after them. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entry);
    GtkTextIter start, end;

    get_unsent_bounds (self, &start, &end);
    pending = g_new0 (Pending, 1);
    pending->start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE));
    pending->end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &end, TRUE));
    pending->kind = cm_contribution_get_kind (draft);
    g_queue_push_tail (&self->pending, pending);
  }

  if (self->saving_notice_id == 0)
    self->saving_notice_id = g_timeout_add (SAVING_NOTICE_DELAY_MS, show_saving_notice, self);

  cm_contribution_writer_add_async (self->writer, draft, NULL, on_written, g_object_ref (self));
  return TRUE;
}

gboolean
cm_capture_view_entry_key_pressed (GtkEventControllerKey *controller,
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
