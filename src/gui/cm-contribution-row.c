/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-contribution-row"

#include "config.h"

#include "cm-contribution-row.h"

#include <glib/gi18n.h>

struct _CmContributionRow
{
  GtkWidget       parent_instance;

  CmContribution *contribution;
  CmParticipant  *speaker;
  CmSpeakerCache *speakers;
  GMenuModel     *menu;

  GtkLabel       *meta_label;
  GtkLabel       *text_label;
  GtkImage       *pin_image;
  GtkMenuButton  *menu_button;
};

G_DEFINE_FINAL_TYPE (CmContributionRow, cm_contribution_row, GTK_TYPE_WIDGET)

enum {
  MENU_OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (CmContributionRow *self);

char *
cm_contribution_dup_tags (CmContribution *contribution)
{
  g_autoptr(GString) tags = g_string_new (NULL);
  const char * const *themes;
  CmStage stage;

  g_return_val_if_fail (CM_IS_CONTRIBUTION (contribution), NULL);

  g_string_append (tags, cm_contribution_kind_to_label (cm_contribution_get_kind (contribution)));

  stage = cm_contribution_get_stage (contribution);
  if (stage != CM_STAGE_NONE)
    g_string_append_printf (tags, " · %s", cm_stage_to_label (stage));

  themes = cm_contribution_get_themes (contribution);
  for (guint i = 0; themes[i] != NULL; i++)
    g_string_append_printf (tags, "%s#%s", i == 0 ? " · " : " ", themes[i]);

  return g_string_free (g_steal_pointer (&tags), FALSE);
}

static void
follow_speaker (CmContributionRow *self)
{
  CmParticipant *speaker = NULL;

  if (self->contribution != NULL && self->speakers != NULL)
    speaker = cm_speaker_cache_lookup (self->speakers,
                                       cm_contribution_get_participant_id (self->contribution));

  if (speaker == self->speaker)
    return;

  if (self->speaker != NULL)
    g_signal_handlers_disconnect_by_func (self->speaker, update, self);
  g_set_object (&self->speaker, speaker);
  if (speaker != NULL)
    g_signal_connect_swapped (speaker, "notify", G_CALLBACK (update), self);
}

static void
update (CmContributionRow *self)
{
  g_autofree char *speaker = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *when = NULL;
  g_autofree char *markup = NULL;
  GDateTime *captured;

  if (self->contribution == NULL)
    return;

  follow_speaker (self);

  captured = cm_contribution_get_captured_at (self->contribution);
  if (captured != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (captured);
      /* Translators: a time of day, see the strftime manual */
      when = g_date_time_format (local, _("%H:%M"));
    }

  speaker = cm_speaker_cache_dup_label (self->speakers,
                                        cm_contribution_get_participant_id (self->contribution),
                                        FALSE);
  tags = cm_contribution_dup_tags (self->contribution);
  markup = g_markup_printf_escaped ("<span font_features=\"tnum\">%s</span>  <b>%s</b>  %s",
                                    when ? when : "", speaker, tags);

  gtk_label_set_markup (self->meta_label, markup);
  gtk_label_set_label (self->text_label, cm_contribution_get_text (self->contribution));
  gtk_widget_set_visible (GTK_WIDGET (self->pin_image),
                          cm_contribution_get_pinned (self->contribution));

  if (cm_contribution_get_pinned (self->contribution))
    gtk_widget_add_css_class (GTK_WIDGET (self), "pinned");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "pinned");
}

static void
on_menu_shown (CmContributionRow *self)
{
  g_signal_emit (self, signals[MENU_OPENED], 0);
}

/* A list keeps a couple of hundred rows; building each one's menu only
 * when it is first opened keeps the feed quick to fill. */
static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  CmContributionRow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->menu);
  g_signal_connect_object (gtk_menu_button_get_popover (button), "show",
                           G_CALLBACK (on_menu_shown), self, G_CONNECT_SWAPPED);
  on_menu_shown (self);
}

static void
cm_contribution_row_dispose (GObject *object)
{
  CmContributionRow *self = CM_CONTRIBUTION_ROW (object);
  GtkWidget *child;

  cm_contribution_row_unbind (self);
  g_clear_object (&self->menu);
  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_CONTRIBUTION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cm_contribution_row_parent_class)->dispose (object);
}

static void
cm_contribution_row_class_init (CmContributionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_contribution_row_dispose;

  signals[MENU_OPENED] =
    g_signal_new ("menu-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "contribution");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-contribution-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CmContributionRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CmContributionRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, CmContributionRow, pin_image);
  gtk_widget_class_bind_template_child (widget_class, CmContributionRow, menu_button);
}

static void
cm_contribution_row_init (CmContributionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CmContributionRow *
cm_contribution_row_new (GMenuModel *menu)
{
  CmContributionRow *self = g_object_new (CM_TYPE_CONTRIBUTION_ROW, NULL);

  self->menu = g_object_ref (menu);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
  return self;
}

void
cm_contribution_row_bind (CmContributionRow *self,
                          CmContribution    *contribution,
                          CmSpeakerCache    *speakers)
{
  g_return_if_fail (CM_IS_CONTRIBUTION_ROW (self));
  g_return_if_fail (CM_IS_CONTRIBUTION (contribution));

  cm_contribution_row_unbind (self);

  self->contribution = g_object_ref (contribution);
  self->speakers = cm_speaker_cache_ref (speakers);
  g_signal_connect_swapped (contribution, "notify", G_CALLBACK (update), self);
  update (self);
}

void
cm_contribution_row_unbind (CmContributionRow *self)
{
  g_return_if_fail (CM_IS_CONTRIBUTION_ROW (self));

  if (self->contribution != NULL)
    g_signal_handlers_disconnect_by_func (self->contribution, update, self);
  if (self->speaker != NULL)
    g_signal_handlers_disconnect_by_func (self->speaker, update, self);

  g_clear_object (&self->contribution);
  g_clear_object (&self->speaker);
  g_clear_pointer (&self->speakers, cm_speaker_cache_unref);
}

CmContribution *
cm_contribution_row_get_contribution (CmContributionRow *self)
{
  g_return_val_if_fail (CM_IS_CONTRIBUTION_ROW (self), NULL);

  return self->contribution;
}
