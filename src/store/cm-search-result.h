/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CM_SEARCH_KIND_ACTIVITY,
  CM_SEARCH_KIND_SECTION,
  CM_SEARCH_KIND_CONTRIBUTION,
} CmSearchKind;

#define CM_TYPE_SEARCH_RESULT (cm_search_result_get_type ())
G_DECLARE_FINAL_TYPE (CmSearchResult, cm_search_result, CM, SEARCH_RESULT, GObject)

CmSearchResult *cm_search_result_new            (CmSearchKind    kind,
                                                 gint64          object_id,
                                                 gint64          cycle_id,
                                                 const char     *title,
                                                 const char     *marked_snippet);
CmSearchKind    cm_search_result_get_kind       (CmSearchResult *self);
gint64          cm_search_result_get_object_id  (CmSearchResult *self);
gint64          cm_search_result_get_cycle_id   (CmSearchResult *self);
/* The activity's or section's title, or the workshop's for a contribution. */
const char     *cm_search_result_get_title      (CmSearchResult *self);
/* The words around the match, as plain text… */
const char     *cm_search_result_get_snippet    (CmSearchResult *self);
/* …and as Pango markup with the matching words in bold. */
const char     *cm_search_result_get_snippet_markup (CmSearchResult *self);

G_END_DECLS
