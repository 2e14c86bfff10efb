/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-spec-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-spec-editor-private.h"
#include "cm-toast.h"
#include "cm-gui-util.h"
#include "cm-store-specs.h"

/* Citations: the workshop contributions behind a section, such as the
 * "I statements" behind an outcome. Each shows the words and who said
 * them as a printed summary would name them, which respects the person's
 * consent: a name only for those who agreed to be named, otherwise their
 * role, and a warning when they did not agree to be quoted at all. */

static char *
describe_speaker (CmStore        *store,
                  CmContribution *contribution)
{
  g_autoptr(CmParticipant) participant = NULL;
  g_autoptr(CmWorkshop) workshop = NULL;
  g_autofree char *who = NULL;
  gint64 participant_id = cm_contribution_get_participant_id (contribution);
  GString *text = g_string_new (NULL);

  if (participant_id != 0)
    participant = cm_store_get_participant (store, participant_id, NULL);

  if (participant != NULL)
    who = cm_participant_dup_attribution (participant, TRUE);
  else if (participant_id == 0)
    /* Translators: a contribution made by the whole group, not one person */
    who = g_strdup (_("The room"));
  else
    who = g_strdup (_("A participant"));

  g_string_append (text, who);

  workshop = cm_store_get_workshop (store, cm_contribution_get_workshop_id (contribution), NULL);
  if (workshop != NULL)
    /* Translators: follows who said something, e.g. "A carer · Listening event" */
    g_string_append_printf (text, _(" · %s"), cm_workshop_get_title (workshop));

  if (participant != NULL && !cm_participant_may_be_quoted (participant))
    {
      g_string_append (text, " · ");
      g_string_append (text, _("not to be quoted in anything published"));
    }

  return g_string_free (text, FALSE);
}

static char *
quote (CmContribution *contribution)
{
  /* Translators: a contribution's words in quotation marks */
  return g_strdup_printf (_("“%s”"), cm_contribution_get_text (contribution));
}

/* The list of citations ------------------------------------------------------ */

static void
on_remove_citation_clicked (GtkButton    *button,
                            CmSpecEditor *self)
{
  CmContribution *contribution = g_object_get_data (G_OBJECT (button), "contribution");
  g_autoptr(GError) error = NULL;

  if (self->section == NULL)
    return;

  if (!cm_store_set_section_citation (self->store, self->section,
                                      cm_contribution_get_id (contribution), FALSE, &error))
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  cm_spec_editor_citations_load (self);
}

static GtkWidget *
create_citation_row (gpointer item,
                     gpointer user_data)
{
  CmSpecEditor *self = user_data;
  CmContribution *contribution = item;
  g_autofree char *words = quote (contribution);
  g_autofree char *speaker = describe_speaker (self->store, contribution);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), words);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), speaker);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Citation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Citation"), -1);
  g_object_set_data_full (G_OBJECT (button), "contribution", g_object_ref (contribution),
                          g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_citation_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

void
cm_spec_editor_citations_load (CmSpecEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  guint n = 0;

  gtk_list_box_bind_model (self->citation_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->citations);

  if (self->section != NULL && self->store != NULL)
    self->citations = cm_store_list_section_citations (self->store,
                                                       cm_spec_section_get_id (self->section),
                                                       &error);
  if (self->citations != NULL)
    {
      gtk_list_box_bind_model (self->citation_list, self->citations, create_citation_row, self,
                               NULL);
      n = g_list_model_get_n_items (self->citations);
    }
  else if (error != NULL)
    cm_show_field_error (self->section_error_label, NULL, error);

  gtk_widget_set_visible (GTK_WIDGET (self->citation_list), n > 0);
  /* Translators: the expander under a section; %u is how many contributions it cites */
  label = n > 0 ? g_strdup_printf (ngettext ("Cites %u workshop contribution",
                                             "Cites %u workshop contributions", n), n)
                : g_strdup (_("Citations from workshops"));
  gtk_expander_set_label (self->citations_expander, label);
}

/* Choosing a contribution to cite --------------------------------------------- */

static void
setup_cite_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *words = gtk_label_new (NULL);
  GtkWidget *speaker = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (words), 0);
  gtk_label_set_wrap (GTK_LABEL (words), TRUE);
  gtk_label_set_lines (GTK_LABEL (words), 3);
  gtk_label_set_ellipsize (GTK_LABEL (words), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (words), 40);
  gtk_label_set_xalign (GTK_LABEL (speaker), 0);
  gtk_label_set_ellipsize (GTK_LABEL (speaker), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (speaker, "caption");
  gtk_widget_add_css_class (speaker, "dim-label");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), words);
  gtk_box_append (GTK_BOX (box), speaker);
  gtk_list_item_set_child (item, box);
}

static void
bind_cite_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CmSpecEditor             *self)
{
  CmContribution *contribution = gtk_list_item_get_item (item);
  GtkWidget *words = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *speaker = gtk_widget_get_next_sibling (words);
  g_autofree char *text = quote (contribution);
  g_autofree char *who = describe_speaker (self->store, contribution);

  gtk_label_set_label (GTK_LABEL (words), text);
  gtk_label_set_label (GTK_LABEL (speaker), who);
}

/* The contributions are read when the chooser opens, so a cycle with none
 * costs nothing and new workshops show up the next time. */
void
cm_spec_editor_cite_popover_show (CmSpecEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cycle_contributions);
  if (self->store != NULL && self->cycle != NULL)
    self->cycle_contributions = cm_store_list_cycle_contributions (self->store,
                                                                   cm_cycle_get_id (self->cycle),
                                                                   &error);
  if (error != NULL)
    cm_toast_show_message (GTK_WIDGET (self), error->message);

  gtk_filter_list_model_set_model (self->cite_filtered, self->cycle_contributions);
  gtk_stack_set_visible_child_name (self->cite_stack,
                                    self->cycle_contributions != NULL &&
                                    g_list_model_get_n_items (self->cycle_contributions) > 0
                                    ? "list" : "empty");
  gtk_editable_set_text (GTK_EDITABLE (self->cite_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->cite_search));
}

void
cm_spec_editor_cite_activated (CmSpecEditor *self,
                               guint         position)
{
  g_autoptr(CmContribution) contribution = NULL;
  g_autoptr(GError) error = NULL;

  contribution = g_list_model_get_item (G_LIST_MODEL (self->cite_filtered), position);
  if (contribution == NULL || self->section == NULL)
    return;

  if (!cm_store_set_section_citation (self->store, self->section,
                                      cm_contribution_get_id (contribution), TRUE, &error))
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  gtk_popover_popdown (self->cite_popover);
  gtk_expander_set_expanded (self->citations_expander, TRUE);
  cm_spec_editor_citations_load (self);
}

void
cm_spec_editor_citations_init (CmSpecEditor *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkStringFilter *filter;
  GtkExpression *expression;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cite_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cite_item), self);
  gtk_list_view_set_factory (self->cite_list, factory);

  expression = gtk_property_expression_new (CM_TYPE_CONTRIBUTION, NULL, "text");
  filter = gtk_string_filter_new (expression);
  g_object_bind_property (self->cite_search, "text", filter, "search", G_BINDING_DEFAULT);
  self->cite_filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->cite_filtered)));
  gtk_list_view_set_model (self->cite_list, GTK_SELECTION_MODEL (selection));

  cm_spec_editor_citations_load (self);
}
