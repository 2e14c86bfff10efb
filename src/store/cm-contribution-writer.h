/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* Writes contributions on a thread of its own, through a second connection
 * to the database, so that whoever types them never waits for the disk or
 * for a lock. Writes happen one at a time, in the order they were asked
 * for, and each reports back on the caller's main context once it is
 * committed (or has failed). */

#define CM_TYPE_CONTRIBUTION_WRITER (cm_contribution_writer_get_type ())
G_DECLARE_FINAL_TYPE (CmContributionWriter, cm_contribution_writer,
                      CM, CONTRIBUTION_WRITER, GObject)

CmContributionWriter *cm_contribution_writer_new        (CmStore               *store,
                                                         GError               **error);
/* Takes the draft (id 0, not in any store); it must not be used again. */
void                  cm_contribution_writer_add_async  (CmContributionWriter  *self,
                                                         CmContribution        *draft,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
/* The id of the committed row, or 0 with @error set. */
gint64                cm_contribution_writer_add_finish (CmContributionWriter  *self,
                                                         GAsyncResult          *result,
                                                         GError               **error);
/* Waits until every write asked for so far is committed or has failed. */
void                  cm_contribution_writer_flush      (CmContributionWriter  *self);
/* Caps the file's size for this writer's connection, as a full disk
 * would (see cm_store_limit_size()); for tests. */
void                  cm_contribution_writer_limit_size (CmContributionWriter  *self,
                                                         gint64                 max_bytes);

G_END_DECLS
