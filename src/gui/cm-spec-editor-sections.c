/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-spec-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-spec-editor-private.h"
#include "cm-store-specs.h"
#include "cm-gui-util.h"
#include "cm-toast.h"

/* Sections: an outline of titles beside the text of the one being edited.
 * Only that one section is in a text view, so a specification of twenty
 * sections of 5,000 words opens as fast as one of a single section, and
 * the text view only lays out what is on screen. Typing is saved when it
 * pauses (SAVE_DELAY_MS) and at the latest MAX_SAVE_DELAY_MS after the
 * first unsaved change, so a long burst of typing is never all at risk;
 * switching section, page or specification writes it at once. */

#define SAVE_DELAY_MS     400
#define MAX_SAVE_DELAY_MS 2000

static void select_section (CmSpecEditor  *self,
                            CmSpecSection *section);

/* The outline ---------------------------------------------------------------- */

/* Counts words quickly, for a 50,000-word section on every save: runs of
 * bytes that are not ASCII white space. */
static guint
count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint words = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      gboolean space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';

      if (!space && !in_word)
        words++;
      in_word = !space;
    }

  return words;
}

static void
update_section_row (GtkListBoxRow *row)
{
  CmSpecSection *section = g_object_get_data (G_OBJECT (row), "section");
  GtkWidget *box = gtk_list_box_row_get_child (row);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *caption = gtk_widget_get_next_sibling (title);
  guint words = count_words (cm_spec_section_get_body (section));
  g_autofree char *count = NULL;
  const char *text = cm_spec_section_get_title (section);

  gtk_label_set_label (GTK_LABEL (title), *text != '\0' ? text : _("Untitled section"));
  /* Translators: under a section's title in the outline */
  count = g_strdup_printf (ngettext ("%u word", "%u words", words), words);
  gtk_label_set_label (GTK_LABEL (caption), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (GTK_LABEL (title)), -1);
}

static GtkWidget *
create_section_row (gpointer item,
                    gpointer user_data)
{
  CmSpecSection *section = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "section", g_object_ref (section), g_object_unref);
  update_section_row (GTK_LIST_BOX_ROW (row));
  g_signal_connect_object (section, "notify::title", G_CALLBACK (update_section_row), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (section, "notify::body", G_CALLBACK (update_section_row), row,
                           G_CONNECT_SWAPPED);

  return row;
}

static GtkListBoxRow *
find_row (CmSpecEditor  *self,
          CmSpecSection *section)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->section_list, i)) != NULL; i++)
    {
      if (g_object_get_data (G_OBJECT (row), "section") == section)
        return row;
    }

  return NULL;
}

static guint
section_index (CmSpecEditor  *self,
               CmSpecSection *section)
{
  guint n = self->sections != NULL ? g_list_model_get_n_items (self->sections) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmSpecSection) item = g_list_model_get_item (self->sections, i);

      if (item == section)
        return i;
    }

  return G_MAXUINT;
}

/* Saving the text ---------------------------------------------------------- */

static void
save_body_now (CmSpecEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->body_save_id, g_source_remove);
  self->first_unsaved_change = 0;

  if (self->section == NULL || self->store == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, cm_spec_section_get_body (self->section)) == 0)
    {
      cm_spec_editor_update_saved_label (self);
      return;
    }

  cm_spec_section_set_body (self->section, text);
  cm_store_save_section (self->store, self->section, &error);

  /* What was typed stays in the view either way; a failure says why. */
  cm_show_field_error (self->section_error_label, NULL, error);
  cm_spec_editor_mark_saved (self, error);
}

static gboolean
body_save_timeout (gpointer user_data)
{
  CmSpecEditor *self = user_data;

  self->body_save_id = 0;
  save_body_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_body_changed (CmSpecEditor *self)
{
  gint64 now = g_get_monotonic_time ();
  guint delay = SAVE_DELAY_MS;

  if (self->updating || self->section == NULL)
    return;

  if (self->body_save_id == 0)
    self->first_unsaved_change = now;
  else
    {
      gint64 waited_ms = (now - self->first_unsaved_change) / 1000;

      delay = (guint) CLAMP (MAX_SAVE_DELAY_MS - waited_ms, 0, SAVE_DELAY_MS);
    }

  g_clear_handle_id (&self->body_save_id, g_source_remove);
  self->body_save_id = g_timeout_add (delay, body_save_timeout, self);

  if (!self->save_failed)
    cm_spec_editor_update_saved_label (self);
}

void
cm_spec_editor_sections_flush (CmSpecEditor *self)
{
  if (self->body_save_id != 0)
    save_body_now (self);
}

/* The section being edited ------------------------------------------------- */

static void
on_section_title_notify (CmSpecEditor *self)
{
  const char *title = cm_spec_section_get_title (self->section);

  if (gtk_widget_has_css_class (GTK_WIDGET (self->section_title_entry), "error") ||
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->section_title_entry)), title) == 0)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->section_title_entry), title);
  self->updating = FALSE;
}

static void
on_section_title_changed (CmSpecEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->section == NULL)
    return;

  cm_spec_section_set_title (self->section,
                             gtk_editable_get_text (GTK_EDITABLE (self->section_title_entry)));
  cm_store_save_section (self->store, self->section, &error);
  cm_show_field_error (self->section_error_label,
                             GTK_WIDGET (self->section_title_entry), error);
  cm_spec_editor_mark_saved (self, error);
}

static void
select_section (CmSpecEditor  *self,
                CmSpecSection *section)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start;

  if (self->section == section)
    return;

  cm_spec_editor_sections_flush (self);
  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  g_set_object (&self->section, section);

  self->updating = TRUE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->section_title_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->section_error_label), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->section_title_entry),
                         section != NULL ? cm_spec_section_get_title (section) : "");

  /* Undo must not reach back into another section's text. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, section != NULL ? cm_spec_section_get_body (section) : "",
                            -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->updating = FALSE;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->body_scroller), 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->body_view), section != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->section_title_entry), section != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->citations_expander), section != NULL);

  if (section != NULL)
    {
      GtkListBoxRow *row = find_row (self, section);

      g_signal_connect_swapped (section, "notify::title", G_CALLBACK (on_section_title_notify),
                                self);
      if (row != NULL && gtk_list_box_get_selected_row (self->section_list) != row)
        gtk_list_box_select_row (self->section_list, row);
    }

  cm_spec_editor_citations_load (self);
}

static void
on_section_row_selected (CmSpecEditor  *self,
                         GtkListBoxRow *row)
{
  if (row == NULL)
    return;

  select_section (self, g_object_get_data (G_OBJECT (row), "section"));
}

static void
on_section_row_activated (CmSpecEditor  *self,
                          GtkListBoxRow *row)
{
  select_section (self, g_object_get_data (G_OBJECT (row), "section"));
  adw_leaflet_navigate (self->sections_leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* The list was rebuilt (a move, an addition, a removal): keep the section
 * being edited selected, or pick its neighbour if it went away. */
static void
on_sections_changed (CmSpecEditor *self,
                     guint         position,
                     guint         removed,
                     guint         added)
{
  guint n = g_list_model_get_n_items (self->sections);
  GtkListBoxRow *row;

  if (self->section != NULL && section_index (self, self->section) != G_MAXUINT)
    {
      row = find_row (self, self->section);
      if (row != NULL)
        gtk_list_box_select_row (self->section_list, row);
      return;
    }

  if (n == 0)
    {
      select_section (self, NULL);
      return;
    }

  {
    g_autoptr(CmSpecSection) neighbour = g_list_model_get_item (self->sections,
                                                                MIN (position, n - 1));
    select_section (self, neighbour);
  }
}

void
cm_spec_editor_sections_clear (CmSpecEditor *self)
{
  cm_spec_editor_sections_flush (self);

  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  g_clear_object (&self->section);

  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);
  if (self->section_list != NULL)
    gtk_list_box_bind_model (self->section_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sections);
}

void
cm_spec_editor_sections_load (CmSpecEditor *self)
{
  g_autoptr(GError) error = NULL;

  cm_spec_editor_sections_clear (self);

  if (self->spec != NULL)
    self->sections = cm_store_list_sections (self->store, cm_service_spec_get_id (self->spec),
                                             &error);

  if (self->sections == NULL)
    {
      select_section (self, NULL);
      if (error != NULL)
        cm_show_field_error (self->section_error_label, NULL, error);
      return;
    }

  gtk_list_box_bind_model (self->section_list, self->sections, create_section_row, self, NULL);
  g_signal_connect_object (self->sections, "items-changed", G_CALLBACK (on_sections_changed),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  if (g_list_model_get_n_items (self->sections) > 0)
    {
      g_autoptr(CmSpecSection) first = g_list_model_get_item (self->sections, 0);

      select_section (self, first);
    }
  else
    select_section (self, NULL);
}

void
cm_spec_editor_sections_init (CmSpecEditor *self)
{
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (on_body_changed), self);
  g_signal_connect_swapped (self->section_list, "row-selected",
                            G_CALLBACK (on_section_row_selected), self);
  g_signal_connect_swapped (self->section_list, "row-activated",
                            G_CALLBACK (on_section_row_activated), self);
  g_signal_connect_swapped (self->section_title_entry, "changed",
                            G_CALLBACK (on_section_title_changed), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->body_view), FALSE);
}

/* Adding, removing, moving ---------------------------------------------------- */

void
cm_spec_editor_add_section (CmSpecEditor *self)
{
  g_autoptr(CmSpecSection) section = NULL;
  g_autoptr(GError) error = NULL;

  if (self->spec == NULL)
    return;

  cm_spec_editor_sections_flush (self);

  section = cm_spec_section_new ();
  cm_spec_section_set_spec_id (section, cm_service_spec_get_id (self->spec));
  cm_spec_section_set_title (section, _("New section"));

  if (!cm_store_add_section (self->store, section, &error))
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  cm_spec_editor_mark_saved (self, NULL);
  select_section (self, section);
  cm_spec_editor_rename_section (self);
}

void
cm_spec_editor_remove_section (CmSpecEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->section == NULL)
    return;

  cm_spec_editor_sections_flush (self);

  /* Translators: %s is the title of a section that was just removed */
  message = g_strdup_printf (_("“%s” removed"), cm_spec_section_get_title (self->section));
  if (!cm_toast_trash_with_undo (GTK_WIDGET (self), self->store, G_OBJECT (self->section),
                                 message, NULL, &error))
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  cm_spec_editor_mark_saved (self, NULL);
}

void
cm_spec_editor_move_section (CmSpecEditor *self,
                             int           direction)
{
  g_autoptr(GError) error = NULL;
  gboolean list_had_focus;
  guint index, n;

  if (self->section == NULL || self->sections == NULL)
    return;

  index = section_index (self, self->section);
  n = g_list_model_get_n_items (self->sections);
  if (index == G_MAXUINT || (direction < 0 && index == 0) ||
      (direction > 0 && index + 1 >= n))
    return;

  list_had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->section_list)) != NULL;
  cm_spec_editor_sections_flush (self);

  if (!cm_store_move_section (self->store, self->section, index + direction, &error))
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  cm_spec_editor_mark_saved (self, NULL);

  /* The rows were made again; keep the keyboard on the moved one. */
  if (list_had_focus)
    {
      GtkListBoxRow *row = find_row (self, self->section);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

void
cm_spec_editor_step_section (CmSpecEditor *self,
                             int           direction)
{
  guint index, n;

  if (self->sections == NULL || (n = g_list_model_get_n_items (self->sections)) == 0)
    return;

  index = self->section != NULL ? section_index (self, self->section) : 0;
  if (index == G_MAXUINT)
    index = 0;
  else if (direction < 0 && index > 0)
    index--;
  else if (direction > 0 && index + 1 < n)
    index++;

  {
    g_autoptr(CmSpecSection) section = g_list_model_get_item (self->sections, index);

    select_section (self, section);
  }
}

void
cm_spec_editor_rename_section (CmSpecEditor *self)
{
  if (self->section == NULL)
    return;

  adw_leaflet_navigate (self->sections_leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->section_title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->section_title_entry), 0, -1);
}

void
cm_spec_editor_show_outline (CmSpecEditor *self)
{
  GtkListBoxRow *row;

  adw_leaflet_navigate (self->sections_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  row = self->section != NULL ? find_row (self, self->section) : NULL;
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}
