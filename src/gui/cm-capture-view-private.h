/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-capture-dialogs.h"
#include "cm-capture-view.h"
#include "cm-contribution-row.h"
#include "cm-speaker-cache.h"
#include "cm-toast.h"

G_BEGIN_DECLS

/* Shared by the capture view's files: cm-capture-view.c (the box, Enter,
 * the speaker, scrolling) and cm-capture-feed.c (the feed's rows, its
 * commands with Undo, and its filters). */

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
  GtkTextTag           *pending_tag;
  gboolean              stick_to_bottom;
  gboolean              scrolling;
  gboolean              dragging_scrollbar;
  gint64                last_user_scroll;
  gboolean              stick_pending;
  GdkFrameClock        *frame_clock;
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


#define ANY_STAGE (CM_STAGE_NONE - 1)

/* cm-capture-view.c */
void     cm_capture_view_update_status    (CmCaptureView            *self);

/* cm-capture-commit.c */
typedef struct _CmCapturePending CmCapturePending;

void     cm_capture_pending_free          (CmCapturePending         *pending);
void     cm_capture_view_show_speaker     (CmCaptureView            *self);
void     cm_capture_view_set_speaker      (CmCaptureView            *self,
                                           CmParticipant            *speaker);
void     cm_capture_view_speaker_chosen   (CmCaptureView            *self,
                                           CmParticipant            *person);
void     cm_capture_view_speaker_create   (CmCaptureView            *self,
                                           const char               *name);
void     cm_capture_view_show_error       (CmCaptureView            *self,
                                           const char               *message);
gboolean cm_capture_view_entry_key_pressed (GtkEventControllerKey   *controller,
                                           guint                     keyval,
                                           guint                     keycode,
                                           GdkModifierType           state,
                                           CmCaptureView            *self);

/* cm-capture-feed.c */
void     cm_capture_feed_setup_row        (GtkSignalListItemFactory *factory,
                                           GtkListItem              *list_item,
                                           CmCaptureView            *self);
void     cm_capture_feed_bind_row         (GtkSignalListItemFactory *factory,
                                           GtkListItem              *list_item,
                                           CmCaptureView            *self);
void     cm_capture_feed_unbind_row       (GtkSignalListItemFactory *factory,
                                           GtkListItem              *list_item,
                                           CmCaptureView            *self);
gboolean cm_capture_feed_filter_match     (gpointer                  item,
                                           gpointer                  user_data);
void     cm_capture_feed_activate         (CmCaptureView            *self,
                                           guint                     position);
void     cm_capture_feed_filter_changed   (CmCaptureView            *self);
void     cm_capture_feed_filter_toggled   (CmCaptureView            *self);
void     cm_capture_feed_forget_undo      (CmCaptureView            *self);
void     cm_capture_feed_delete           (GtkWidget                *widget,
                                           const char               *action_name,
                                           GVariant                 *parameter);
void     cm_capture_feed_pin              (GtkWidget                *widget,
                                           const char               *action_name,
                                           GVariant                 *parameter);
void     cm_capture_feed_edit             (GtkWidget                *widget,
                                           const char               *action_name,
                                           GVariant                 *parameter);
void     cm_capture_feed_respond          (GtkWidget                *widget,
                                           const char               *action_name,
                                           GVariant                 *parameter);
void     cm_capture_feed_undo             (GtkWidget                *widget,
                                           const char               *action_name,
                                           GVariant                 *parameter);

G_END_DECLS
