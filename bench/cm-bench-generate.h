/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* How much to generate. Specifications, workshops and participants are
 * shared out over the cycles; contributions over the workshops that have
 * already taken place, unevenly, so that a few workshops are very big. */
typedef struct
{
  guint cycles;
  guint specs;
  guint workshops;
  guint contributions;
  guint participants;
} CmBenchSize;

/* One workshop and how many live contributions it holds. */
typedef struct
{
  gint64 workshop_id;
  gint64 cycle_id;
  gint64 n_contributions;
} CmBenchWorkshop;

/* The size of issue 2's benchmark: 50 cycles, 500 specifications, 2,000
 * workshops, 100,000 contributions and 3,000 participants. */
void      cm_bench_size_init_default      (CmBenchSize        *size);

/* Fills the store with realistic, varied data through the public store
 * API. The same size and seed always give the same database. */
gboolean  cm_bench_generate               (CmStore            *store,
                                           const CmBenchSize  *size,
                                           guint32             seed,
                                           GError            **error);

/* Every workshop of every cycle as a GArray of CmBenchWorkshop, the
 * workshop with the most contributions first. */
GArray   *cm_bench_list_workshops_by_size (CmStore            *store,
                                           GError            **error);

/* The id of the workshop with the most contributions, 0 when no workshop
 * has any; n_contributions (optional) receives its count. */
gint64    cm_bench_find_biggest_workshop  (CmStore            *store,
                                           gint64             *n_contributions,
                                           GError            **error);

G_END_DECLS
