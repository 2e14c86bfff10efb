/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calendar dates travel as GDate (a boxed type, NULL meaning "not set")
 * and are written as ISO 8601 "YYYY-MM-DD", which sorts as text. */
GDate *cm_date_new_from_iso (const char   *iso,
                             GError      **error);
char  *cm_date_to_iso       (const GDate  *date);
GDate *cm_date_copy         (const GDate  *date);
gboolean cm_date_equal      (const GDate  *a,
                             const GDate  *b);

/* Timestamps are GDateTime, written as ISO 8601 in UTC. */
GDateTime *cm_date_time_new_from_iso (const char      *iso,
                                      GError         **error);
char      *cm_date_time_to_iso       (GDateTime       *date_time);
gboolean   cm_date_time_equal        (GDateTime       *a,
                                      GDateTime       *b);

G_END_DECLS
