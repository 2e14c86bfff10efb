/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-search-result"

#include "config.h"

#include "cm-search-result.h"

/* Matches arrive from the database with the matched words between the
 * control characters \x01 and \x02. Saved text may hold those characters
 * too, so the markers are only trusted while they alternate. */
#define MATCH_START '\x01'
#define MATCH_END   '\x02'

struct _CmSearchResult
{
  GObject       parent_instance;

  CmSearchKind  kind;
  gint64        object_id;
  gint64        cycle_id;
  char         *title;
  char         *snippet;
  char         *snippet_markup;
};

G_DEFINE_FINAL_TYPE (CmSearchResult, cm_search_result, G_TYPE_OBJECT)

static void
cm_search_result_finalize (GObject *object)
{
  CmSearchResult *self = CM_SEARCH_RESULT (object);

  g_free (self->title);
  g_free (self->snippet);
  g_free (self->snippet_markup);

  G_OBJECT_CLASS (cm_search_result_parent_class)->finalize (object);
}

static void
cm_search_result_class_init (CmSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cm_search_result_finalize;
}

static void
cm_search_result_init (CmSearchResult *self)
{
}

CmSearchResult *
cm_search_result_new (CmSearchKind  kind,
                      gint64        object_id,
                      gint64        cycle_id,
                      const char   *title,
                      const char   *marked_snippet)
{
  CmSearchResult *self = g_object_new (CM_TYPE_SEARCH_RESULT, NULL);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *run = marked_snippet ? marked_snippet : "";
  gboolean bold = FALSE;
  const char *p;

  self->kind = kind;
  self->object_id = object_id;
  self->cycle_id = cycle_id;
  self->title = g_strdup (title ? title : "");

  for (p = run; ; p++)
    {
      if (*p == MATCH_START || *p == MATCH_END || *p == '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (run, p - run);

          g_string_append_len (plain, run, p - run);
          g_string_append (markup, escaped);
          if (*p == '\0')
            {
              if (bold)
                g_string_append (markup, "</b>");
              break;
            }
          if ((*p == MATCH_START) != bold)
            {
              bold = !bold;
              g_string_append (markup, bold ? "<b>" : "</b>");
            }
          run = p + 1;
        }
    }

  self->snippet = g_string_free (g_steal_pointer (&plain), FALSE);
  self->snippet_markup = g_string_free (g_steal_pointer (&markup), FALSE);

  return self;
}

CmSearchKind
cm_search_result_get_kind (CmSearchResult *self)
{
  g_return_val_if_fail (CM_IS_SEARCH_RESULT (self), 0);
  return self->kind;
}

gint64
cm_search_result_get_object_id (CmSearchResult *self)
{
  g_return_val_if_fail (CM_IS_SEARCH_RESULT (self), 0);
  return self->object_id;
}

gint64
cm_search_result_get_cycle_id (CmSearchResult *self)
{
  g_return_val_if_fail (CM_IS_SEARCH_RESULT (self), 0);
  return self->cycle_id;
}

const char *
cm_search_result_get_title (CmSearchResult *self)
{
  g_return_val_if_fail (CM_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

const char *
cm_search_result_get_snippet (CmSearchResult *self)
{
  g_return_val_if_fail (CM_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

const char *
cm_search_result_get_snippet_markup (CmSearchResult *self)
{
  g_return_val_if_fail (CM_IS_SEARCH_RESULT (self), NULL);
  return self->snippet_markup;
}
