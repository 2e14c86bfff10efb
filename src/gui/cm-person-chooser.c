/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-person-chooser"

#include "config.h"

#include "cm-person-chooser.h"

#include <glib/gi18n.h>

#include "cm-gui-util.h"
#include "cm-store-workshops.h"

/* The people are read when the popover opens and let go when it closes,
 * so that a closed chooser costs nothing when attendance changes. The
 * matches are rebuilt on each key: a few thousand names take well under
 * a millisecond to score, and at most MAX_OTHERS of them are shown. */

#define MAX_OTHERS 30

typedef enum
{
  ITEM_ROOM,
  ITEM_PERSON,
  ITEM_NEW,
} ItemKind;

#define CM_TYPE_CHOOSER_ITEM (cm_chooser_item_get_type ())
G_DECLARE_FINAL_TYPE (CmChooserItem, cm_chooser_item, CM, CHOOSER_ITEM, GObject)

struct _CmChooserItem
{
  GObject        parent_instance;

  ItemKind       kind;
  CmParticipant *participant;
  char          *title;
  char          *subtitle;
  guint          score;
};

G_DEFINE_FINAL_TYPE (CmChooserItem, cm_chooser_item, G_TYPE_OBJECT)

static void
cm_chooser_item_finalize (GObject *object)
{
  CmChooserItem *self = CM_CHOOSER_ITEM (object);

  g_clear_object (&self->participant);
  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (cm_chooser_item_parent_class)->finalize (object);
}

static void
cm_chooser_item_class_init (CmChooserItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cm_chooser_item_finalize;
}

static void
cm_chooser_item_init (CmChooserItem *self)
{
}

static CmChooserItem *
chooser_item_new (ItemKind       kind,
                  CmParticipant *participant,
                  const char    *title,
                  const char    *subtitle)
{
  CmChooserItem *item = g_object_new (CM_TYPE_CHOOSER_ITEM, NULL);

  item->kind = kind;
  item->participant = participant ? g_object_ref (participant) : NULL;
  item->title = g_strdup (title);
  item->subtitle = g_strdup (subtitle);
  return item;
}

struct _CmPersonChooser
{
  GtkPopover          parent_instance;

  CmStore            *store;
  gint64              workshop_id;
  gboolean            offer_room;
  GListModel         *attendees;
  GListModel         *everyone;
  GListStore         *items;
  GtkSingleSelection *selection;

  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkLabel           *hint_label;
};

G_DEFINE_FINAL_TYPE (CmPersonChooser, cm_person_chooser, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe (CmParticipant *participant,
          gboolean       attending)
{
  const char *role = cm_participant_role_to_label (cm_participant_get_role (participant));

  if (attending)
    return g_strdup (role);

  /* Translators: %s is a role ("Carer"); the person is not on this
   * workshop's list yet */
  return g_strdup_printf (_("%s · not on the list"), role);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  CmChooserItem *first = *(CmChooserItem **) a;
  CmChooserItem *second = *(CmChooserItem **) b;

  if (first->score != second->score)
    return first->score > second->score ? -1 : 1;

  return g_utf8_collate (first->title, second->title);
}

static void
add_matches (CmPersonChooser *self,
             GListModel      *people,
             GHashTable      *skip,
             const char      *query,
             gboolean         attending,
             guint            limit,
             gboolean        *exact)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = people ? g_list_model_get_n_items (people) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmParticipant) person = g_list_model_get_item (people, i);
      g_autofree char *subtitle = NULL;
      gint64 id = cm_participant_get_id (person);
      CmChooserItem *item;
      guint score = 1;

      if (cm_participant_get_erased (person) || (skip && g_hash_table_contains (skip, &id)))
        continue;

      if (*query != '\0')
        {
          score = cm_name_match_score (cm_participant_get_name (person), query);
          if (score == 0)
            continue;
          if (score == 100)
            *exact = TRUE;
        }

      subtitle = describe (person, attending);
      item = chooser_item_new (ITEM_PERSON, person, cm_participant_get_name (person), subtitle);
      item->score = score;
      g_ptr_array_add (found, item);
    }

  g_ptr_array_sort (found, compare_items);
  for (guint i = 0; i < found->len && i < limit; i++)
    g_list_store_append (self->items, g_ptr_array_index (found, i));
}

static void
rebuild (CmPersonChooser *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query = g_strstrip (g_strdup (typed));
  g_autoptr(GHashTable) attending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           NULL);
  guint n_attendees = self->attendees ? g_list_model_get_n_items (self->attendees) : 0;
  gboolean exact = FALSE;
  const char *hint = NULL;

  g_list_store_remove_all (self->items);

  if (self->offer_room &&
      (*query == '\0' || cm_name_match_score (C_("speaker", "The room"), query) > 0))
    {
      g_autoptr(CmChooserItem) room = chooser_item_new (ITEM_ROOM, NULL,
                                                        C_("speaker", "The room"),
                                                        _("Said by several people, or by "
                                                          "no one in particular"));
      g_list_store_append (self->items, room);
    }

  for (guint i = 0; i < n_attendees; i++)
    {
      g_autoptr(CmParticipant) person = g_list_model_get_item (self->attendees, i);
      gint64 *id = g_new (gint64, 1);

      *id = cm_participant_get_id (person);
      g_hash_table_add (attending, id);
    }

  add_matches (self, self->attendees, NULL, query, TRUE, G_MAXUINT, &exact);

  if (*query != '\0')
    {
      add_matches (self, self->everyone, attending, query, FALSE, MAX_OTHERS, &exact);

      if (!exact)
        {
          /* Translators: %s is a name typed into the speaker search */
          g_autofree char *title = g_strdup_printf (_("Add “%s”"), query);
          g_autoptr(CmChooserItem) item = chooser_item_new (ITEM_NEW, NULL, title,
                                                            _("A new person, attending "
                                                              "this workshop"));
          g_list_store_append (self->items, item);
        }
    }
  else if (n_attendees == 0)
    hint = _("Nobody is on this workshop’s list yet. Type a name to find someone, or to "
             "add them.");
  else
    hint = _("Type to find anyone else.");

  gtk_label_set_label (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
choose (CmPersonChooser *self,
        CmChooserItem   *item)
{
  g_autofree char *query = NULL;

  switch (item->kind)
    {
    case ITEM_ROOM:
      g_signal_emit (self, signals[CHOSEN], 0, NULL);
      break;

    case ITEM_PERSON:
      g_signal_emit (self, signals[CHOSEN], 0, item->participant);
      break;

    case ITEM_NEW:
      query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
      if (*query != '\0')
        g_signal_emit (self, signals[CREATE], 0, query);
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_search_changed (CmPersonChooser *self)
{
  rebuild (self);
}

static void
on_search_activate (CmPersonChooser *self)
{
  CmChooserItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    choose (self, item);
}

static void
on_stop_search (CmPersonChooser *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_list_activate (CmPersonChooser *self,
                  guint            position)
{
  g_autoptr(CmChooserItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                         position);

  if (item != NULL)
    choose (self, item);
}

/* Up and Down move through the matches while the keyboard stays in the
 * search, so that typing a few letters and Enter is all it takes. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       CmPersonChooser       *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (n == 0)
    return FALSE;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      gtk_single_selection_set_selected (self->selection,
                                         selected == GTK_INVALID_LIST_POSITION
                                         ? 0 : MIN (selected + 1, n - 1));
      return TRUE;
    }

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    {
      gtk_single_selection_set_selected (self->selection,
                                         selected == GTK_INVALID_LIST_POSITION || selected == 0
                                         ? 0 : selected - 1);
      return TRUE;
    }

  return FALSE;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, cm_two_line_box_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  CmChooserItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);

  gtk_label_set_label (GTK_LABEL (title), item->title);
  gtk_label_set_label (GTK_LABEL (subtitle), item->subtitle ? item->subtitle : "");
  gtk_widget_set_visible (subtitle, item->subtitle != NULL);
}

static void
load_people (CmPersonChooser *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->attendees);
  g_clear_object (&self->everyone);

  if (self->store == NULL)
    return;

  self->attendees = cm_store_list_attendees (self->store, self->workshop_id, &error);
  if (self->attendees != NULL)
    self->everyone = cm_store_list_participants (self->store, &error);

  if (error != NULL)
    {
      gtk_label_set_label (self->hint_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);
    }
}

static void
cm_person_chooser_show (GtkWidget *widget)
{
  CmPersonChooser *self = CM_PERSON_CHOOSER (widget);

  load_people (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rebuild (self);

  GTK_WIDGET_CLASS (cm_person_chooser_parent_class)->show (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
cm_person_chooser_hide (GtkWidget *widget)
{
  CmPersonChooser *self = CM_PERSON_CHOOSER (widget);

  GTK_WIDGET_CLASS (cm_person_chooser_parent_class)->hide (widget);

  g_list_store_remove_all (self->items);
  g_clear_object (&self->attendees);
  g_clear_object (&self->everyone);
}

static void
cm_person_chooser_dispose (GObject *object)
{
  CmPersonChooser *self = CM_PERSON_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_PERSON_CHOOSER);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->attendees);
  g_clear_object (&self->everyone);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cm_person_chooser_parent_class)->dispose (object);
}

static void
cm_person_chooser_class_init (CmPersonChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_person_chooser_dispose;
  widget_class->show = cm_person_chooser_show;
  widget_class->hide = cm_person_chooser_hide;

  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CM_TYPE_PARTICIPANT);
  signals[CREATE] =
    g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-person-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, CmPersonChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CmPersonChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, CmPersonChooser, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
cm_person_chooser_init (CmPersonChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->offer_room = TRUE;
  self->items = g_list_store_new (CM_TYPE_CHOOSER_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

CmPersonChooser *
cm_person_chooser_new (void)
{
  return g_object_new (CM_TYPE_PERSON_CHOOSER, NULL);
}

void
cm_person_chooser_set_workshop (CmPersonChooser *self,
                                CmStore         *store,
                                gint64           workshop_id)
{
  g_return_if_fail (CM_IS_PERSON_CHOOSER (self));

  g_set_object (&self->store, store);
  self->workshop_id = workshop_id;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      load_people (self);
      rebuild (self);
    }
}

void
cm_person_chooser_set_offer_room (CmPersonChooser *self,
                                  gboolean         offer_room)
{
  g_return_if_fail (CM_IS_PERSON_CHOOSER (self));

  self->offer_room = offer_room;
}
