/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-gui-util"

#include "config.h"

#include "cm-gui-util.h"

/* Gives a button a label that may shorten, so that a row of buttons still
 * fits a 360-pixel-wide phone; the button keeps the whole text as its
 * accessible name. */
void
cm_set_button_text (GtkButton  *button,
                    const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_button_set_child (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* Marks @field (when there is one) and says why under it, or clears both
 * when @error is NULL: a field that cannot be saved shows it at once, and
 * the last good value stays in the database. */
void
cm_show_field_error (GtkLabel     *error_label,
                     GtkWidget    *field,
                     const GError *error)
{
  if (field != NULL)
    {
      if (error != NULL)
        gtk_widget_add_css_class (field, "error");
      else
        gtk_widget_remove_css_class (field, "error");
    }

  gtk_label_set_label (error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), error != NULL);
}

/* Shows @text in @row unless it is there already, so that reloading an
 * object someone is typing into keeps their cursor where it is. */
void
cm_set_entry_text (AdwEntryRow *row,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* All of a text view's text, newly allocated. */
char *
cm_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A title over a dimmed caption, both shortened at the end: the rows of
 * the lists of cycles, specifications and workshops. The labels are the
 * box's first and second children. */
GtkWidget *
cm_two_line_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  return box;
}

static void
shorten_row_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) &&
      (gtk_widget_has_css_class (widget, "title") || gtk_widget_has_css_class (widget, "subtitle")))
    {
      gtk_label_set_wrap (GTK_LABEL (widget), FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    shorten_row_labels (child);
}

/* Keeps a row's title and subtitle to one line each, shortened with an
 * ellipsis, for rows whose text is short or shown whole elsewhere (an
 * activity row's in its fields once open). Libadwaita 1.2 has no
 * title-lines for expander rows, so this finds the labels styled as title
 * and subtitle; call it before adding the row's own content. It is worth
 * it: GTK 4.8 sizes a wrapping label by laying it out at a dozen widths,
 * which for a stage's activity rows cost some 20 ms at start-up. */
void
cm_row_use_single_lines (AdwPreferencesRow *row)
{
  shorten_row_labels (GTK_WIDGET (row));
}

static void
build_menu_on_first_use (GtkMenuButton *button,
                         gpointer       user_data)
{
  g_autoptr(GMenuModel) model = g_object_steal_data (G_OBJECT (button), "cm-lazy-menu-model");

  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
  gtk_menu_button_set_menu_model (button, model);
}

/* Gives @button its menu the first time it is opened: a menu button makes
 * the popover for its model as soon as it has one, which at start-up cost
 * the first frame a couple of milliseconds for menus not yet wanted. */
void
cm_menu_button_set_menu_model_lazily (GtkMenuButton *button,
                                      GMenuModel    *model)
{
  g_object_set_data_full (G_OBJECT (button), "cm-lazy-menu-model", g_object_ref (model),
                          g_object_unref);
  gtk_menu_button_set_create_popup_func (button, build_menu_on_first_use, NULL, NULL);
}

static void
show_all_items (GdkFrameClock     *clock,
                GtkSliceListModel *slice)
{
  g_signal_handlers_disconnect_by_func (clock, show_all_items, slice);
  gtk_slice_list_model_set_size (slice, G_MAXUINT);
}

static void
show_all_after_first_frame (GtkWidget         *widget,
                            GtkSliceListModel *slice)
{
  g_signal_handlers_disconnect_by_func (widget, show_all_after_first_frame, slice);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (show_all_items), slice, 0);
}

/* @model, for a list view in @widget, at first with only its first
 * @n_first items and whole from just after @widget's first frame. Before it
 * knows its height, a list view makes a row for every item (up to 200),
 * though most are out of sight: fifty rows cost the first frame some 5 ms.
 * Set the size again to show more sooner. */
GtkSliceListModel *
cm_slice_until_first_frame (GListModel *model,
                            GtkWidget  *widget,
                            guint       n_first)
{
  GtkSliceListModel *slice = gtk_slice_list_model_new (g_object_ref (model), 0, n_first);

  g_signal_connect_object (widget, "map", G_CALLBACK (show_all_after_first_frame), slice, 0);
  return slice;
}
