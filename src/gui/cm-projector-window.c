/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-projector-window"

#include "config.h"

#include "cm-projector-window.h"

#include <glib/gi18n.h>

#include "cm-contribution-row.h"
#include "cm-speaker-cache.h"

/* Only the last few contributions are shown, rebuilt whenever the feed
 * changes: a handful of labels is cheaper than any list machinery, and the
 * projector never shows more than a screenful. What the room may see is
 * decided by the rules of cm_participant_dup_attribution() (names only
 * with consent) and cm_participant_may_be_quoted() (otherwise the point is
 * acknowledged, not quoted). */

#define N_SHOWN      5
#define N_SIZES      5
#define DEFAULT_SIZE 2

struct _CmProjectorWindow
{
  AdwWindow       parent_instance;

  CmStore        *store;
  CmWorkshop     *workshop;
  GListModel     *contributions;
  CmSpeakerCache *speakers;
  GPtrArray      *shown;        /* CmContribution, newest last */
  guint           size;
  guint           scroll_tick_id;
  int             scroll_frames;

  GtkBox         *frame;
  GtkLabel       *title_label;
  GtkScrolledWindow *scroller;
  GtkBox         *items_box;
  GtkLabel       *empty_label;
};

G_DEFINE_FINAL_TYPE (CmProjectorWindow, cm_projector_window, ADW_TYPE_WINDOW)

static void rebuild (CmProjectorWindow *self);

static void
forget_shown (CmProjectorWindow *self)
{
  for (guint i = 0; i < self->shown->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->shown, i), rebuild, self);
  g_ptr_array_set_size (self->shown, 0);
}

static GtkWidget *
item_widget (CmProjectorWindow *self,
             CmContribution    *contribution)
{
  gint64 speaker_id = cm_contribution_get_participant_id (contribution);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text;

  gtk_widget_add_css_class (box, "projector-item");
  if (cm_contribution_get_pinned (contribution))
    gtk_widget_add_css_class (box, "pinned");

  if (cm_speaker_cache_may_quote (self->speakers, speaker_id))
    {
      g_autofree char *speaker = cm_speaker_cache_dup_label (self->speakers, speaker_id, TRUE);
      g_autofree char *tags = cm_contribution_dup_tags (contribution);
      g_autofree char *heading = g_strdup_printf ("%s · %s", speaker, tags);
      GtkWidget *who = gtk_label_new (heading);

      gtk_label_set_xalign (GTK_LABEL (who), 0);
      gtk_label_set_wrap (GTK_LABEL (who), TRUE);
      gtk_widget_add_css_class (who, "projector-speaker");
      gtk_box_append (GTK_BOX (box), who);

      text = gtk_label_new (cm_contribution_get_text (contribution));
      gtk_widget_add_css_class (text, "projector-text");
    }
  else
    {
      /* The person asked not to be quoted: the room sees that their point
       * was heard, not their words, and not who they are. */
      text = gtk_label_new (_("A participant’s point (not quoted)"));
      gtk_widget_add_css_class (text, "projector-withheld");
    }

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), text);

  return box;
}

/* Moves to the end from a frame callback, never from inside a layout:
 * a value set while the viewport is being allocated does not move it. */
static void
scroll_to_end (CmProjectorWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_value (adjustment) != end)
    gtk_adjustment_set_value (adjustment, end);
  else
    gtk_widget_queue_allocate (gtk_widget_get_parent (GTK_WIDGET (self->items_box)));
}

static gboolean
scroll_on_next_frames (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  CmProjectorWindow *self = CM_PROJECTOR_WINDOW (widget);

  /* Wrapped text settles its height over the frames after a change; the
   * newest point stays at the bottom edge throughout. */
  scroll_to_end (self);
  if (--self->scroll_frames > 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
follow_end (CmProjectorWindow *self)
{
  self->scroll_frames = 3;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_on_next_frames,
                                                         NULL, NULL);
}

static void
on_size_changed (CmProjectorWindow *self)
{
  follow_end (self);
}

static void
rebuild (CmProjectorWindow *self)
{
  guint n = self->contributions ? g_list_model_get_n_items (self->contributions) : 0;
  GtkWidget *child;

  forget_shown (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);

  for (guint i = n > N_SHOWN ? n - N_SHOWN : 0; i < n; i++)
    {
      g_autoptr(CmContribution) contribution = g_list_model_get_item (self->contributions, i);

      g_ptr_array_add (self->shown, g_object_ref (contribution));
      g_signal_connect_swapped (contribution, "notify", G_CALLBACK (rebuild), self);
      gtk_box_append (self->items_box, item_widget (self, contribution));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->scroller), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  follow_end (self);
}

static void
update_title (CmProjectorWindow *self)
{
  g_autofree char *window_title = NULL;
  const char *title = cm_workshop_get_title (self->workshop);

  gtk_label_set_label (self->title_label, title);
  /* Translators: the title of the projector window; %s is a workshop */
  window_title = g_strdup_printf (_("Projector: %s"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
set_size (CmProjectorWindow *self,
          guint              size)
{
  g_autofree char *old_class = g_strdup_printf ("size-%u", self->size);
  g_autofree char *new_class = NULL;

  self->size = MIN (size, N_SIZES - 1);
  new_class = g_strdup_printf ("size-%u", self->size);
  gtk_widget_remove_css_class (GTK_WIDGET (self->frame), old_class);
  gtk_widget_add_css_class (GTK_WIDGET (self->frame), new_class);
  follow_end (self);
}

static void
bigger_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CmProjectorWindow *self = CM_PROJECTOR_WINDOW (widget);

  set_size (self, self->size + 1);
}

static void
smaller_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CmProjectorWindow *self = CM_PROJECTOR_WINDOW (widget);

  set_size (self, self->size > 0 ? self->size - 1 : 0);
}

static void
reset_size_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_size (CM_PROJECTOR_WINDOW (widget), DEFAULT_SIZE);
}

static void
fullscreen_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
escape_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_close (window);
}

static void
cm_projector_window_dispose (GObject *object)
{
  CmProjectorWindow *self = CM_PROJECTOR_WINDOW (object);

  if (self->shown != NULL)
    forget_shown (self);
  if (self->contributions != NULL)
    g_signal_handlers_disconnect_by_data (self->contributions, self);
  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_PROJECTOR_WINDOW);
  g_clear_object (&self->contributions);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);
  g_clear_pointer (&self->speakers, cm_speaker_cache_unref);

  G_OBJECT_CLASS (cm_projector_window_parent_class)->dispose (object);
}

static void
cm_projector_window_finalize (GObject *object)
{
  CmProjectorWindow *self = CM_PROJECTOR_WINDOW (object);

  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (cm_projector_window_parent_class)->finalize (object);
}

static void
cm_projector_window_class_init (CmProjectorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_projector_window_dispose;
  object_class->finalize = cm_projector_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-projector-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CmProjectorWindow, frame);
  gtk_widget_class_bind_template_child (widget_class, CmProjectorWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CmProjectorWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, CmProjectorWindow, items_box);
  gtk_widget_class_bind_template_child (widget_class, CmProjectorWindow, empty_label);

  gtk_widget_class_install_action (widget_class, "projector.bigger", NULL, bigger_activated);
  gtk_widget_class_install_action (widget_class, "projector.smaller", NULL, smaller_activated);
  gtk_widget_class_install_action (widget_class, "projector.reset-size", NULL,
                                   reset_size_activated);
  gtk_widget_class_install_action (widget_class, "projector.fullscreen", NULL,
                                   fullscreen_activated);
  gtk_widget_class_install_action (widget_class, "projector.escape", NULL, escape_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "projector.bigger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "projector.bigger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "projector.bigger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "projector.smaller", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "projector.smaller", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "projector.reset-size", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0,
                                       "projector.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "projector.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
cm_projector_window_init (CmProjectorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->size = DEFAULT_SIZE;
  gtk_widget_add_css_class (GTK_WIDGET (self->frame), "size-2");

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_size_changed), self, G_CONNECT_SWAPPED);
}

CmProjectorWindow *
cm_projector_window_new (CmStore    *store,
                         CmWorkshop *workshop,
                         GListModel *contributions)
{
  CmProjectorWindow *self;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);
  g_return_val_if_fail (CM_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (contributions == NULL || G_IS_LIST_MODEL (contributions), NULL);

  self = g_object_new (CM_TYPE_PROJECTOR_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->workshop = g_object_ref (workshop);
  self->speakers = cm_speaker_cache_new (store);
  if (contributions != NULL)
    {
      self->contributions = g_object_ref (contributions);
      g_signal_connect_swapped (contributions, "items-changed", G_CALLBACK (rebuild), self);
    }
  g_signal_connect_swapped (workshop, "notify::title", G_CALLBACK (update_title), self);

  update_title (self);
  rebuild (self);
  return self;
}

char *
cm_projector_window_dup_shown (CmProjectorWindow *self)
{
  GString *shown = g_string_new (NULL);

  g_return_val_if_fail (CM_IS_PROJECTOR_WINDOW (self), NULL);

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->items_box));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    for (GtkWidget *label = gtk_widget_get_first_child (item);
         label != NULL;
         label = gtk_widget_get_next_sibling (label))
      {
        g_string_append (shown, gtk_label_get_label (GTK_LABEL (label)));
        g_string_append_c (shown, '\n');
      }

  return g_string_free (shown, FALSE);
}
