/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Copies the write-ahead log back into the database file on a thread of
 * its own, so that no commit ever waits for it. */
typedef struct _CmCheckpointer CmCheckpointer;

CmCheckpointer *cm_checkpointer_new     (const char     *path);
void            cm_checkpointer_request (CmCheckpointer *self);
guint           cm_checkpointer_get_count (CmCheckpointer *self);
void            cm_checkpointer_free    (CmCheckpointer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmCheckpointer, cm_checkpointer_free)

G_END_DECLS
