/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* A cycle part-way through, for someone trying the app for the first time:
 * analysis done, planning under way, the rest to come; a draft
 * specification, and a co-production workshop with what people said and
 * what was done about it. */
CmCycle *cm_sample_create_cycle (CmStore  *store,
                                 GError  **error);

G_END_DECLS
