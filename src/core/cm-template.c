/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-template"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cm-template.h"

/* The template is a small XML file (data/cycle-template.xml):
 *
 *   <cycle-template version="1">
 *     <stage key="analyse">
 *       <ring key="commissioning">
 *         <activity><title>…</title><description>…</description></activity>
 *
 * Titles and descriptions are source strings for translators, extracted
 * from the file by an ITS rule, and translated here as they are read. */

typedef struct
{
  GPtrArray          *activities;
  CmTemplateActivity *current;
  GString            *text;
  gboolean            in_stage;
  gboolean            in_ring;
  gboolean            collecting;
  CmStage             stage;
  CmRing              ring;
  guint               counts[CM_N_STAGES][CM_N_RINGS];
} ParseState;

static const char *
find_attribute (const char  *name,
                const char **attribute_names,
                const char **attribute_values)
{
  for (guint i = 0; attribute_names[i] != NULL; i++)
    if (g_str_equal (attribute_names[i], name))
      return attribute_values[i];

  return NULL;
}

static void
template_start_element (GMarkupParseContext  *context,
                        const char           *element_name,
                        const char          **attribute_names,
                        const char          **attribute_values,
                        gpointer              user_data,
                        GError              **error)
{
  ParseState *state = user_data;
  const char *key;

  if (g_str_equal (element_name, "cycle-template"))
    return;

  if (g_str_equal (element_name, "stage"))
    {
      key = find_attribute ("key", attribute_names, attribute_values);
      if (key == NULL || !cm_stage_from_key (key, &state->stage) || state->stage == CM_STAGE_NONE)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       /* Translators: %s is a key found in the template file */
                       _("The cycle template names an unknown stage “%s”."),
                       key ? key : "");
          return;
        }
      state->in_stage = TRUE;
      return;
    }

  if (g_str_equal (element_name, "ring"))
    {
      key = find_attribute ("key", attribute_names, attribute_values);
      if (!state->in_stage || key == NULL || !cm_ring_from_key (key, &state->ring))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       _("The cycle template names an unknown ring “%s”."),
                       key ? key : "");
          return;
        }
      state->in_ring = TRUE;
      return;
    }

  if (g_str_equal (element_name, "activity"))
    {
      if (!state->in_ring)
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                               _("The cycle template has an activity outside a stage and ring."));
          return;
        }
      state->current = g_new0 (CmTemplateActivity, 1);
      state->current->stage = state->stage;
      state->current->ring = state->ring;
      state->current->position = state->counts[state->stage][state->ring]++;
      return;
    }

  if (g_str_equal (element_name, "title") || g_str_equal (element_name, "description"))
    {
      if (state->current == NULL)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       /* Translators: %s is an XML element name */
                       _("The cycle template has a <%s> outside an activity."), element_name);
          return;
        }
      g_string_truncate (state->text, 0);
      state->collecting = TRUE;
      return;
    }

  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
               _("The cycle template has an unknown element <%s>."), element_name);
}

static void
template_end_element (GMarkupParseContext  *context,
                      const char           *element_name,
                      gpointer              user_data,
                      GError              **error)
{
  ParseState *state = user_data;

  if (g_str_equal (element_name, "stage"))
    state->in_stage = FALSE;
  else if (g_str_equal (element_name, "ring"))
    state->in_ring = FALSE;
  else if (g_str_equal (element_name, "activity"))
    {
      if (state->current->title == NULL || *state->current->title == '\0')
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                               _("The cycle template has an activity without a title."));
          g_clear_pointer (&state->current, cm_template_activity_free);
          return;
        }
      if (state->current->description == NULL)
        state->current->description = g_strdup ("");
      g_ptr_array_add (state->activities, g_steal_pointer (&state->current));
    }
  else if (g_str_equal (element_name, "title") || g_str_equal (element_name, "description"))
    {
      g_autofree char *source = g_strstrip (g_strdup (state->text->str));
      const char *translated = *source ? g_dgettext (GETTEXT_PACKAGE, source) : "";
      char **field = g_str_equal (element_name, "title")
                     ? &state->current->title
                     : &state->current->description;

      g_free (*field);
      *field = g_strdup (translated);
      state->collecting = FALSE;
    }
}

static void
template_text (GMarkupParseContext  *context,
               const char           *text,
               gsize                 text_len,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;

  if (state->collecting)
    g_string_append_len (state->text, text, text_len);
}

static const GMarkupParser template_parser = {
  template_start_element,
  template_end_element,
  template_text,
  NULL,
  NULL,
};

void
cm_template_activity_free (CmTemplateActivity *activity)
{
  if (activity == NULL)
    return;

  g_free (activity->title);
  g_free (activity->description);
  g_free (activity);
}

GPtrArray *
cm_template_parse (const char  *xml,
                   gssize       length,
                   GError     **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) activities = NULL;
  ParseState state = { 0 };

  g_return_val_if_fail (xml != NULL, NULL);

  activities = g_ptr_array_new_with_free_func ((GDestroyNotify) cm_template_activity_free);
  state.activities = activities;
  state.text = text;

  context = g_markup_parse_context_new (&template_parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                        &state, NULL);

  if (!g_markup_parse_context_parse (context, xml, length, error) ||
      !g_markup_parse_context_end_parse (context, error))
    {
      g_clear_pointer (&state.current, cm_template_activity_free);
      return NULL;
    }

  if (activities->len == 0)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY,
                           _("The cycle template has no activities."));
      return NULL;
    }

  return g_steal_pointer (&activities);
}

GPtrArray *
cm_template_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *xml;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/cycle-template.xml",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  xml = g_bytes_get_data (bytes, &length);
  return cm_template_parse (xml, length, error);
}
