/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-workshops-page"

#include "config.h"

#include "cm-workshops-page.h"

#include <glib/gi18n.h>

#include "cm-capture-view.h"
#include "cm-gui-util.h"
#include "cm-participant-editor.h"
#include "cm-said-did-view.h"
#include "cm-toast.h"
#include "cm-workshop-editor.h"

/* The list of workshops on the left and what is open on the right: a
 * workshop, one of its people, or the cycle's "You said, we did". On a
 * narrow screen the two fold into a leaflet. Live capture takes the
 * whole page, so that nothing but the feed and the box competes for the
 * workshop lead's attention. */

struct _CmWorkshopsPage
{
  GtkWidget            parent_instance;

  CmStore             *store;
  CmCycle             *cycle;
  GListModel          *workshops;
  GtkSortListModel    *sorted;
  GtkCustomSorter     *sorter;
  GtkSingleSelection  *selection;
  CmWorkshop          *shown;
  gboolean             said_did_loaded;

  GtkStack            *mode_stack;
  AdwLeaflet          *leaflet;
  GtkButton           *new_button;
  GtkToggleButton     *said_did_button;
  GtkListView         *workshop_list;
  GtkStack            *content_stack;
  CmWorkshopEditor    *workshop_editor;
  CmParticipantEditor *participant_editor;
  CmSaidDidView       *said_did_view;
  CmCaptureView       *capture_view;
};

G_DEFINE_FINAL_TYPE (CmWorkshopsPage, cm_workshops_page, GTK_TYPE_WIDGET)

/* Workshop rows ------------------------------------------------------------ */

static int
compare_workshops (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GDateTime *first = cm_workshop_get_starts_at ((CmWorkshop *) a);
  GDateTime *second = cm_workshop_get_starts_at ((CmWorkshop *) b);
  gint64 first_id = cm_workshop_get_id ((CmWorkshop *) a);
  gint64 second_id = cm_workshop_get_id ((CmWorkshop *) b);

  /* By date, workshops not yet dated last, then in the order made. */
  if (first != NULL && second != NULL)
    {
      int order = g_date_time_compare (first, second);
      if (order != 0)
        return order < 0 ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }
  else if (first != NULL || second != NULL)
    return first != NULL ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  return first_id < second_id ? GTK_ORDERING_SMALLER
                              : first_id > second_id ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
setup_workshop_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = cm_two_line_box_new ();
  GtkWidget *state = gtk_label_new (NULL);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state, "caption-heading");
  gtk_widget_add_css_class (state, "accent");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), state);
  gtk_list_item_set_child (list_item, box);
}

static void
update_workshop_row (GtkListItem *list_item)
{
  CmWorkshop *workshop = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *state = gtk_widget_get_next_sibling (text);
  g_autoptr(GString) details = g_string_new (NULL);
  GDateTime *starts = NULL;

  if (workshop == NULL)
    return;

  starts = cm_workshop_get_starts_at (workshop);
  if (starts != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (starts);
      /* Translators: when a workshop starts, e.g. "Sat 18 Sep 2021, 13:00" */
      g_autofree char *when = g_date_time_format (local, _("%a %-d %b %Y, %H:%M"));

      g_string_append (details, g_strstrip (when));
    }
  else
    g_string_append (details, _("No date yet"));
  if (*cm_workshop_get_venue (workshop) != '\0')
    g_string_append_printf (details, " · %s", cm_workshop_get_venue (workshop));

  gtk_label_set_label (GTK_LABEL (title), cm_workshop_get_title (workshop));
  gtk_label_set_label (GTK_LABEL (subtitle), details->str);
  gtk_label_set_label (GTK_LABEL (state),
                       cm_workshop_get_state (workshop) == CM_WORKSHOP_STATE_LIVE
                       ? cm_workshop_state_to_label (CM_WORKSHOP_STATE_LIVE) : "");
  gtk_widget_set_visible (state, cm_workshop_get_state (workshop) == CM_WORKSHOP_STATE_LIVE);
}

static void
on_workshop_start_changed (CmWorkshopsPage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
bind_workshop_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   CmWorkshopsPage          *self)
{
  CmWorkshop *workshop = gtk_list_item_get_item (list_item);

  update_workshop_row (list_item);
  g_signal_connect_object (workshop, "notify", G_CALLBACK (update_workshop_row), list_item,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workshop, "notify::starts-at", G_CALLBACK (on_workshop_start_changed),
                           self, G_CONNECT_SWAPPED);
}

static void
unbind_workshop_row (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     CmWorkshopsPage          *self)
{
  CmWorkshop *workshop = gtk_list_item_get_item (list_item);

  if (workshop != NULL)
    {
      g_signal_handlers_disconnect_by_func (workshop, update_workshop_row, list_item);
      g_signal_handlers_disconnect_by_func (workshop, on_workshop_start_changed, self);
    }
}

/* What is shown ----------------------------------------------------------- */

static void
select_shown (CmWorkshopsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmWorkshop) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (item == self->shown)
        {
          if (gtk_single_selection_get_selected (self->selection) != i)
            gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static gboolean
is_listed (CmWorkshopsPage *self,
           CmWorkshop      *workshop)
{
  guint n = self->workshops ? g_list_model_get_n_items (self->workshops) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmWorkshop) item = g_list_model_get_item (self->workshops, i);

      if (item == workshop)
        return TRUE;
    }

  return FALSE;
}

static void
update_content (CmWorkshopsPage *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  /* A workshop that went (deleted here or elsewhere) is not shown. */
  if (self->shown != NULL && !is_listed (self, self->shown))
    {
      g_clear_object (&self->shown);
      cm_workshop_editor_set_workshop (self->workshop_editor, self->store, NULL);
      if (gtk_stack_get_visible_child (self->mode_stack) == GTK_WIDGET (self->capture_view))
        {
          cm_capture_view_set_workshop (self->capture_view, NULL, NULL);
          gtk_stack_set_visible_child_name (self->mode_stack, "browse");
        }
    }

  if (gtk_toggle_button_get_active (self->said_did_button))
    page = "said-did";
  else if (self->shown == NULL)
    page = "none";
  else if (g_strcmp0 (page, "participant") != 0)
    page = "workshop";

  gtk_stack_set_visible_child_name (self->content_stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshops.new", self->cycle != NULL);
}

static void
on_sorted_changed (CmWorkshopsPage *self)
{
  select_shown (self);
  update_content (self);
}

void
cm_workshops_page_show_workshop (CmWorkshopsPage *self,
                                 CmWorkshop      *workshop)
{
  g_return_if_fail (CM_IS_WORKSHOPS_PAGE (self));
  g_return_if_fail (workshop == NULL || CM_IS_WORKSHOP (workshop));

  g_set_object (&self->shown, workshop);
  cm_workshop_editor_set_workshop (self->workshop_editor, self->store, workshop);
  gtk_stack_set_visible_child_name (self->mode_stack, "browse");
  gtk_stack_set_visible_child_name (self->content_stack, workshop ? "workshop" : "none");
  if (gtk_toggle_button_get_active (self->said_did_button))
    gtk_toggle_button_set_active (self->said_did_button, FALSE);

  select_shown (self);
  update_content (self);
  if (workshop != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_workshop_activated (CmWorkshopsPage *self,
                       guint            position)
{
  g_autoptr(CmWorkshop) workshop = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  cm_workshops_page_show_workshop (self, workshop);
}

static void
on_selection_changed (CmWorkshopsPage *self)
{
  CmWorkshop *selected = gtk_single_selection_get_selected_item (self->selection);

  /* Moving through the list follows along on a wide screen; on a narrow
   * one, where the details would cover the list, it waits for Enter. */
  if (selected == NULL || selected == self->shown || adw_leaflet_get_folded (self->leaflet))
    return;

  g_set_object (&self->shown, selected);
  cm_workshop_editor_set_workshop (self->workshop_editor, self->store, selected);
  if (gtk_toggle_button_get_active (self->said_did_button))
    gtk_toggle_button_set_active (self->said_did_button, FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "workshop");
}

static void
on_folded_changed (CmWorkshopsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  cm_workshop_editor_set_back_visible (self->workshop_editor, folded);
  cm_said_did_view_set_back_visible (self->said_did_view, folded);
}

/* Actions ---------------------------------------------------------------- */

static void
new_workshop_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CmWorkshopsPage *self = CM_WORKSHOPS_PAGE (widget);
  g_autoptr(CmWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->cycle == NULL)
    return;

  workshop = cm_workshop_new ();
  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (self->cycle));
  cm_workshop_set_title (workshop, _("New workshop"));

  if (!cm_store_add_workshop (self->store, workshop, &error))
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  cm_workshops_page_show_workshop (self, workshop);
  cm_workshop_editor_focus_title (self->workshop_editor);
}

static void
on_workshop_restored (GtkWidget *page,
                      GObject   *workshop)
{
  cm_workshops_page_show_workshop (CM_WORKSHOPS_PAGE (page), CM_WORKSHOP (workshop));
}

static void
on_delete_requested (CmWorkshopsPage *self)
{
  CmWorkshop *workshop = cm_workshop_editor_get_workshop (self->workshop_editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (workshop == NULL)
    return;

  cm_workshop_editor_flush (self->workshop_editor);
  /* Translators: %s is the title of the workshop that was just deleted */
  message = g_strdup_printf (_("“%s” deleted"), cm_workshop_get_title (workshop));
  if (!cm_toast_trash_with_undo (GTK_WIDGET (self), self->store, G_OBJECT (workshop), message,
                                 on_workshop_restored, &error))
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->workshop_list));
}

void
cm_workshops_page_start_capture (CmWorkshopsPage *self,
                                 CmWorkshop      *workshop)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CM_IS_WORKSHOPS_PAGE (self));
  g_return_if_fail (CM_IS_WORKSHOP (workshop));

  cm_workshop_editor_flush (self->workshop_editor);
  g_set_object (&self->shown, workshop);

  /* Capturing is what makes a planned workshop live. */
  if (cm_workshop_get_state (workshop) == CM_WORKSHOP_STATE_PLANNED)
    {
      cm_workshop_set_state (workshop, CM_WORKSHOP_STATE_LIVE);
      if (!cm_store_save_workshop (self->store, workshop, &error))
        {
          cm_workshop_set_state (workshop, CM_WORKSHOP_STATE_PLANNED);
          cm_toast_show_message (GTK_WIDGET (self), error->message);
        }
    }

  cm_capture_view_set_workshop (self->capture_view, self->store, workshop);
  gtk_stack_set_visible_child_name (self->mode_stack, "capture");
  cm_capture_view_focus_entry (self->capture_view);
}

static void
on_capture_requested (CmWorkshopsPage *self)
{
  CmWorkshop *workshop = cm_workshop_editor_get_workshop (self->workshop_editor);

  if (workshop != NULL)
    cm_workshops_page_start_capture (self, workshop);
}

static void
on_capture_back (CmWorkshopsPage *self)
{
  CmWorkshop *workshop = cm_capture_view_get_workshop (self->capture_view);

  /* Leaving the capture is when its writes are finished and its
   * connection closed; the feed is read again next time. */
  if (workshop != NULL)
    {
      g_autoptr(CmWorkshop) kept = g_object_ref (workshop);

      cm_capture_view_set_workshop (self->capture_view, NULL, NULL);
      cm_workshops_page_show_workshop (self, kept);
    }
  else
    gtk_stack_set_visible_child_name (self->mode_stack, "browse");
}

static void
on_participant_activated (CmWorkshopsPage *self,
                          CmParticipant   *participant)
{
  cm_participant_editor_set_participant (self->participant_editor, self->store, self->shown,
                                         participant);
  gtk_stack_set_visible_child_name (self->content_stack, "participant");
  cm_participant_editor_focus_name (self->participant_editor);
}

static void
on_participant_back (CmWorkshopsPage *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, self->shown ? "workshop" : "none");
  cm_participant_editor_set_participant (self->participant_editor, NULL, NULL, NULL);
}

static void
on_said_did_toggled (CmWorkshopsPage *self)
{
  if (gtk_toggle_button_get_active (self->said_did_button))
    {
      if (!self->said_did_loaded)
        {
          cm_said_did_view_set_cycle (self->said_did_view, self->store, self->cycle);
          self->said_did_loaded = TRUE;
        }
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }

  update_content (self);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CmWorkshopsPage *self = CM_WORKSHOPS_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "participant") == 0)
    {
      on_participant_back (self);
      return;
    }

  if (gtk_toggle_button_get_active (self->said_did_button))
    gtk_toggle_button_set_active (self->said_did_button, FALSE);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->workshop_list));
}

static void
said_did_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CmWorkshopsPage *self = CM_WORKSHOPS_PAGE (widget);

  gtk_toggle_button_set_active (self->said_did_button, TRUE);
}

/* GObject ---------------------------------------------------------------- */

static void
cm_workshops_page_dispose (GObject *object)
{
  CmWorkshopsPage *self = CM_WORKSHOPS_PAGE (object);
  GtkWidget *child;

  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_WORKSHOPS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->workshops);
  g_clear_object (&self->shown);
  g_clear_object (&self->cycle);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_workshops_page_parent_class)->dispose (object);
}

static void
cm_workshops_page_class_init (CmWorkshopsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_workshops_page_dispose;

  g_type_ensure (CM_TYPE_CAPTURE_VIEW);
  g_type_ensure (CM_TYPE_PARTICIPANT_EDITOR);
  g_type_ensure (CM_TYPE_SAID_DID_VIEW);
  g_type_ensure (CM_TYPE_WORKSHOP_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-workshops-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopsPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopsPage, said_did_button);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopsPage, workshop_list);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopsPage, workshop_editor);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopsPage, participant_editor);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopsPage, said_did_view);
  gtk_widget_class_bind_template_child (widget_class, CmWorkshopsPage, capture_view);
  gtk_widget_class_bind_template_callback (widget_class, on_workshop_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_said_did_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_capture_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_participant_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_participant_back);
  gtk_widget_class_bind_template_callback (widget_class, on_capture_back);

  gtk_widget_class_install_action (widget_class, "workshops.new", NULL, new_workshop_activated);
  gtk_widget_class_install_action (widget_class, "workshops.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "workshops.said-did", NULL, said_did_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "workshops.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "workshops.new", NULL);
}

static void
cm_workshops_page_init (CmWorkshopsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  cm_set_button_text (self->new_button, _("New Workshop"));
  cm_set_button_text (GTK_BUTTON (self->said_did_button), _("You Said, We Did"));

  self->sorter = gtk_custom_sorter_new (compare_workshops, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (on_sorted_changed), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);

  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_changed),
                            self);
  on_folded_changed (self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_workshop_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_workshop_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_workshop_row), self);
  gtk_list_view_set_factory (self->workshop_list, factory);
  gtk_list_view_set_model (self->workshop_list, GTK_SELECTION_MODEL (self->selection));

  update_content (self);
}

CmWorkshopsPage *
cm_workshops_page_new (void)
{
  return g_object_new (CM_TYPE_WORKSHOPS_PAGE, NULL);
}

/* The workshop to open on: the live one, else the next to come, else
 * the latest. */
static CmWorkshop *
pick_workshop (CmWorkshopsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CmWorkshop) next = NULL;
  GListModel *sorted = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (sorted);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmWorkshop) workshop = g_list_model_get_item (sorted, i);
      GDateTime *starts = cm_workshop_get_starts_at (workshop);

      if (cm_workshop_get_state (workshop) == CM_WORKSHOP_STATE_LIVE)
        return g_steal_pointer (&workshop);
      if (next == NULL && starts != NULL && g_date_time_compare (starts, now) >= 0)
        next = g_steal_pointer (&workshop);
    }

  if (next != NULL)
    return g_steal_pointer (&next);

  return n > 0 ? g_list_model_get_item (sorted, n - 1) : NULL;
}

void
cm_workshops_page_set_cycle (CmWorkshopsPage *self,
                             CmStore         *store,
                             CmCycle         *cycle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmWorkshop) shown = NULL;

  g_return_if_fail (CM_IS_WORKSHOPS_PAGE (self));
  g_return_if_fail (store == NULL || CM_IS_STORE (store));
  g_return_if_fail (cycle == NULL || CM_IS_CYCLE (cycle));

  if (self->cycle == cycle && self->store == store)
    return;

  /* Whatever the capture has on its way to the disk is written first. */
  cm_capture_view_set_workshop (self->capture_view, NULL, NULL);
  cm_workshop_editor_set_workshop (self->workshop_editor, NULL, NULL);
  cm_participant_editor_set_participant (self->participant_editor, NULL, NULL, NULL);

  g_set_object (&self->store, store);
  g_set_object (&self->cycle, cycle);
  g_clear_object (&self->shown);
  g_clear_object (&self->workshops);
  self->said_did_loaded = FALSE;
  cm_said_did_view_set_cycle (self->said_did_view, NULL, NULL);
  gtk_toggle_button_set_active (self->said_did_button, FALSE);

  if (store != NULL && cycle != NULL)
    self->workshops = cm_store_list_workshops (store, cm_cycle_get_id (cycle), &error);

  gtk_sort_list_model_set_model (self->sorted, self->workshops);
  gtk_stack_set_visible_child_name (self->mode_stack, "browse");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  shown = pick_workshop (self);
  if (shown != NULL)
    {
      g_set_object (&self->shown, shown);
      cm_workshop_editor_set_workshop (self->workshop_editor, store, shown);
      select_shown (self);
    }

  update_content (self);

  if (error != NULL)
    cm_toast_show_message (GTK_WIDGET (self), error->message);
}
