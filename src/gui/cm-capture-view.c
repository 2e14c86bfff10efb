/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-capture-view"

#include "config.h"

#include "cm-capture-view.h"

#include <glib/gi18n.h>

#include "cm-capture-view-private.h"
#include "cm-person-chooser.h"
#include "cm-projector-window.h"
#include "cm-store-workshops.h"

/* Live capture: the feed above the box. What Enter does is in
 * cm-capture-commit.c, the feed's commands and filters in cm-capture-feed.c;
 * here are the widget, its actions, and scrolling.
 *
 * The feed is a list view over the store's list of the workshop's
 * contributions, through a filter that is only attached while a filter is
 * set. It sticks to the bottom while the newest row is in view. */


G_DEFINE_FINAL_TYPE (CmCaptureView, cm_capture_view, GTK_TYPE_WIDGET)

enum {
  BACK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Status --------------------------------------------------------------- */

void
cm_capture_view_update_status (CmCaptureView *self)
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
      CmWorkshopState state = cm_workshop_get_state (self->workshop);

      g_string_append (status, cm_workshop_state_to_label (state));
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

/* A row just added has no place in the list until the list is laid out,
 * so it cannot be scrolled to before then. Right after the window's layout
 * it can: anchoring it there asks for layout again, which the frame clock
 * runs in the same frame, so the new row is painted at the bottom edge in
 * the first frame after it arrives rather than the one after. */
static void
on_layout (GdkFrameClock *clock,
           CmCaptureView *self)
{
  if (!self->stick_pending)
    return;

  self->stick_pending = FALSE;
  if (self->stick_to_bottom)
    scroll_to_end (self);
}

static void
stick_to_end (CmCaptureView *self)
{
  scroll_to_end (self);
  self->stick_pending = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self->feed_view));
}

static void
cm_capture_view_realize (GtkWidget *widget)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);

  GTK_WIDGET_CLASS (cm_capture_view_parent_class)->realize (widget);

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  g_signal_connect_after (self->frame_clock, "layout", G_CALLBACK (on_layout), self);
}

static void
cm_capture_view_unrealize (GtkWidget *widget)
{
  CmCaptureView *self = CM_CAPTURE_VIEW (widget);

  if (self->frame_clock != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->frame_clock, on_layout, self);
      g_clear_object (&self->frame_clock);
    }

  GTK_WIDGET_CLASS (cm_capture_view_parent_class)->unrealize (widget);
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
  cm_capture_view_update_status (self);

  if (self->stick_to_bottom)
    stick_to_end (self);
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

  cm_capture_feed_forget_undo (self);
  if (self->contributions != NULL)
    gtk_filter_list_model_set_model (self->filtered, NULL);
  if (self->workshop != NULL)
    g_signal_handlers_disconnect_by_data (self->workshop, self);

  g_clear_object (&self->contributions);
  g_clear_object (&self->writer);
  g_clear_pointer (&self->speakers, cm_speaker_cache_unref);
  cm_capture_view_set_speaker (self, NULL);
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

  g_queue_clear_full (&self->pending, (GDestroyNotify) cm_capture_pending_free);
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
  widget_class->realize = cm_capture_view_realize;
  widget_class->unrealize = cm_capture_view_unrealize;

  signals[BACK_REQUESTED] =
    g_signal_new ("back-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-capture-view.ui");
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
  gtk_widget_class_bind_template_callback_full (widget_class, "on_filter_toggled",
                                                G_CALLBACK (cm_capture_feed_filter_toggled));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_filter_changed",
                                                G_CALLBACK (cm_capture_feed_filter_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_feed_activate",
                                                G_CALLBACK (cm_capture_feed_activate));

  gtk_widget_class_install_action (widget_class, "capture.commit", NULL, commit_activated);
  gtk_widget_class_install_action (widget_class, "capture.choose-speaker", NULL,
                                   choose_speaker_activated);
  gtk_widget_class_install_action (widget_class, "capture.set-kind", "i", set_kind_activated);
  gtk_widget_class_install_action (widget_class, "capture.set-stage", "i", set_stage_activated);
  gtk_widget_class_install_action (widget_class, "capture.focus-feed", NULL,
                                   focus_feed_activated);
  gtk_widget_class_install_action (widget_class, "capture.edit", NULL, cm_capture_feed_edit);
  gtk_widget_class_install_action (widget_class, "capture.delete", NULL, cm_capture_feed_delete);
  gtk_widget_class_install_action (widget_class, "capture.pin", NULL, cm_capture_feed_pin);
  gtk_widget_class_install_action (widget_class, "capture.respond", NULL, cm_capture_feed_respond);
  gtk_widget_class_install_action (widget_class, "capture.undo", NULL, cm_capture_feed_undo);
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
  g_signal_connect_swapped (chooser, "chosen", G_CALLBACK (cm_capture_view_speaker_chosen), self);
  g_signal_connect_swapped (chooser, "create", G_CALLBACK (cm_capture_view_speaker_create), self);
  gtk_menu_button_set_popover (self->speaker_button, GTK_WIDGET (chooser));
  cm_capture_view_show_speaker (self);

  /* The feed. */
  row_menu = g_menu_new ();
  g_menu_append (row_menu, _("_Edit"), "capture.edit");
  g_menu_append (row_menu, _("_Pin or Unpin"), "capture.pin");
  g_menu_append (row_menu, _("_Respond with an Action…"), "capture.respond");
  g_menu_append (row_menu, _("_Delete"), "capture.delete");
  self->row_menu = G_MENU_MODEL (row_menu);

  self->filter = gtk_custom_filter_new (cm_capture_feed_filter_match, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (on_filtered_items_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (cm_capture_feed_setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cm_capture_feed_bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cm_capture_feed_unbind_row), self);
  gtk_list_view_set_factory (self->feed_view, factory);

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

  self->pending_tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->entry), NULL,
                                                  "style", PANGO_STYLE_ITALIC, NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cm_capture_view_entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  cm_capture_view_update_status (self);
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
  cm_capture_view_update_status (self);
}

void
cm_capture_view_set_workshop (CmCaptureView *self,
                              CmStore       *store,
                              CmWorkshop    *workshop)
{
  g_autoptr(GError) error = NULL;
  GtkPopover *chooser;

  g_return_if_fail (CM_IS_CAPTURE_VIEW (self));
  g_return_if_fail (store == NULL || CM_IS_STORE (store));
  g_return_if_fail (workshop == NULL || CM_IS_WORKSHOP (workshop));

  if (self->workshop == workshop && self->store == store)
    return;

  release_workshop (self);
  g_set_object (&self->store, store);
  cm_capture_view_show_error (self, NULL);

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

  chooser = gtk_menu_button_get_popover (self->speaker_button);
  cm_person_chooser_set_workshop (CM_PERSON_CHOOSER (chooser), store,
                                  workshop ? cm_workshop_get_id (workshop) : 0);

  self->stick_to_bottom = TRUE;
  gtk_filter_list_model_set_model (self->filtered, self->contributions);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), self->writer != NULL);
  update_title (self);

  if (error != NULL)
    cm_capture_view_show_error (self, error->message);
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
