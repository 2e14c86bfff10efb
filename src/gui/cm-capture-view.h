/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-contribution-writer.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* Live capture of one workshop: the feed of what was said above a single
 * box to type into. Enter saves a contribution at once (on a writer
 * thread, so typing never waits for the disk); it shows in the feed as
 * soon as it is in the database. Emits "back-requested" when the person
 * asks to leave. */

#define CM_TYPE_CAPTURE_VIEW (cm_capture_view_get_type ())
G_DECLARE_FINAL_TYPE (CmCaptureView, cm_capture_view, CM, CAPTURE_VIEW, GtkWidget)

CmCaptureView        *cm_capture_view_new          (void);
void                  cm_capture_view_set_workshop (CmCaptureView *self,
                                                    CmStore       *store,
                                                    CmWorkshop    *workshop);
CmWorkshop           *cm_capture_view_get_workshop (CmCaptureView *self);
/* Saves what is in the box, as Enter does; FALSE when there was nothing
 * to save or it was refused before being sent. */
gboolean              cm_capture_view_commit       (CmCaptureView *self);
void                  cm_capture_view_focus_entry  (CmCaptureView *self);
GtkWindow            *cm_capture_view_open_projector (CmCaptureView *self);

/* For tests and benchmarks. */
GtkTextView          *cm_capture_view_get_entry    (CmCaptureView *self);
GtkListView          *cm_capture_view_get_feed     (CmCaptureView *self);
CmContributionWriter *cm_capture_view_get_writer   (CmCaptureView *self);
guint                 cm_capture_view_get_n_pending (CmCaptureView *self);

G_END_DECLS
