/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-contribution"

#include "config.h"

#include "cm-contribution.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cm-date.h"
#include "cm-enum-types.h"
#include "cm-validate.h"

struct _CmContribution
{
  GObject parent_instance;

  gint64 id;
  gint64 workshop_id;
  gint64 participant_id;
  char *text;
  CmContributionKind kind;
  CmStage stage;
  char **themes;
  GDateTime *captured_at;
  guint pinned : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_WORKSHOP_ID,
  PROP_PARTICIPANT_ID,
  PROP_TEXT,
  PROP_KIND,
  PROP_STAGE,
  PROP_THEMES,
  PROP_CAPTURED_AT,
  PROP_PINNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CmContribution, cm_contribution, G_TYPE_OBJECT)

/* Stores a copy of @value (NULL becomes "") and says whether it changed. */
static gboolean
replace_string (char       **dest,
                const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* cm_validate_required() also applies the short-text limit, which a
 * contribution (long text) must not be held to. */
static gboolean
validate_required_long (const char  *field_label,
                        const char  *value,
                        GError     **error)
{
  if (is_blank (value))
    return cm_validate_required (field_label, value, error);

  return cm_validate_long_text (field_label, value, error);
}

static void
cm_contribution_finalize (GObject *object)
{
  CmContribution *self = (CmContribution *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->themes, g_strfreev);
  g_clear_pointer (&self->captured_at, g_date_time_unref);

  G_OBJECT_CLASS (cm_contribution_parent_class)->finalize (object);
}

static void
cm_contribution_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CmContribution *self = CM_CONTRIBUTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_WORKSHOP_ID:
      g_value_set_int64 (value, self->workshop_id);
      break;

    case PROP_PARTICIPANT_ID:
      g_value_set_int64 (value, self->participant_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    case PROP_THEMES:
      g_value_set_boxed (value, self->themes);
      break;

    case PROP_CAPTURED_AT:
      g_value_set_boxed (value, self->captured_at);
      break;

    case PROP_PINNED:
      g_value_set_boolean (value, self->pinned);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_contribution_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CmContribution *self = CM_CONTRIBUTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_contribution_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_WORKSHOP_ID:
      cm_contribution_set_workshop_id (self, g_value_get_int64 (value));
      break;

    case PROP_PARTICIPANT_ID:
      cm_contribution_set_participant_id (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      cm_contribution_set_text (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      cm_contribution_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_STAGE:
      cm_contribution_set_stage (self, g_value_get_enum (value));
      break;

    case PROP_THEMES:
      cm_contribution_set_themes (self, g_value_get_boxed (value));
      break;

    case PROP_CAPTURED_AT:
      cm_contribution_set_captured_at (self, g_value_get_boxed (value));
      break;

    case PROP_PINNED:
      cm_contribution_set_pinned (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_contribution_class_init (CmContributionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cm_contribution_finalize;
  object_class->get_property = cm_contribution_get_property;
  object_class->set_property = cm_contribution_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_WORKSHOP_ID] =
    g_param_spec_int64 ("workshop-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  /* 0 means the contribution came from "the room", not a known person. */
  properties[PROP_PARTICIPANT_ID] =
    g_param_spec_int64 ("participant-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "", flags);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CM_TYPE_CONTRIBUTION_KIND, CM_CONTRIBUTION_KIND_COMMENT, flags);

  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, CM_TYPE_STAGE, CM_STAGE_NONE, flags);

  properties[PROP_THEMES] =
    g_param_spec_boxed ("themes", NULL, NULL, G_TYPE_STRV, flags);

  properties[PROP_CAPTURED_AT] =
    g_param_spec_boxed ("captured-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  properties[PROP_PINNED] =
    g_param_spec_boolean ("pinned", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_contribution_init (CmContribution *self)
{
  self->text = g_strdup ("");
  self->kind = CM_CONTRIBUTION_KIND_COMMENT;
  self->stage = CM_STAGE_NONE;
  self->themes = g_new0 (char *, 1);
}

CmContribution *
cm_contribution_new (void)
{
  return g_object_new (CM_TYPE_CONTRIBUTION, NULL);
}

gint64
cm_contribution_get_id (CmContribution *self)
{
  g_return_val_if_fail (CM_IS_CONTRIBUTION (self), 0);

  return self->id;
}

void
cm_contribution_set_id (CmContribution *self,
                        gint64          id)
{
  g_return_if_fail (CM_IS_CONTRIBUTION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cm_contribution_get_workshop_id (CmContribution *self)
{
  g_return_val_if_fail (CM_IS_CONTRIBUTION (self), 0);

  return self->workshop_id;
}

void
cm_contribution_set_workshop_id (CmContribution *self,
                                 gint64          workshop_id)
{
  g_return_if_fail (CM_IS_CONTRIBUTION (self));
  g_return_if_fail (workshop_id >= 0);

  if (self->workshop_id == workshop_id)
    return;

  self->workshop_id = workshop_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP_ID]);
}

gint64
cm_contribution_get_participant_id (CmContribution *self)
{
  g_return_val_if_fail (CM_IS_CONTRIBUTION (self), 0);

  return self->participant_id;
}

void
cm_contribution_set_participant_id (CmContribution *self,
                                    gint64          participant_id)
{
  g_return_if_fail (CM_IS_CONTRIBUTION (self));
  g_return_if_fail (participant_id >= 0);

  if (self->participant_id == participant_id)
    return;

  self->participant_id = participant_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_ID]);
}

const char *
cm_contribution_get_text (CmContribution *self)
{
  g_return_val_if_fail (CM_IS_CONTRIBUTION (self), "");

  return self->text;
}

void
cm_contribution_set_text (CmContribution *self,
                          const char     *text)
{
  g_return_if_fail (CM_IS_CONTRIBUTION (self));

  if (replace_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

CmContributionKind
cm_contribution_get_kind (CmContribution *self)
{
  g_return_val_if_fail (CM_IS_CONTRIBUTION (self), CM_CONTRIBUTION_KIND_COMMENT);

  return self->kind;
}

void
cm_contribution_set_kind (CmContribution     *self,
                          CmContributionKind  kind)
{
  g_return_if_fail (CM_IS_CONTRIBUTION (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

CmStage
cm_contribution_get_stage (CmContribution *self)
{
  g_return_val_if_fail (CM_IS_CONTRIBUTION (self), CM_STAGE_NONE);

  return self->stage;
}

void
cm_contribution_set_stage (CmContribution *self,
                           CmStage         stage)
{
  g_return_if_fail (CM_IS_CONTRIBUTION (self));

  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

/**
 * cm_contribution_get_themes:
 *
 * Returns: (transfer none): the themes, an empty array when there are none
 */
const char * const *
cm_contribution_get_themes (CmContribution *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (CM_IS_CONTRIBUTION (self), empty);

  return (const char * const *) self->themes;
}

void
cm_contribution_set_themes (CmContribution     *self,
                            const char * const *themes)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (CM_IS_CONTRIBUTION (self));

  if (themes == NULL)
    themes = empty;

  if (g_strv_equal ((const char * const *) self->themes, themes))
    return;

  g_strfreev (self->themes);
  self->themes = g_strdupv ((char **) themes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEMES]);
}

/**
 * cm_contribution_get_captured_at:
 *
 * Returns: (transfer none) (nullable): when the contribution was captured
 */
GDateTime *
cm_contribution_get_captured_at (CmContribution *self)
{
  g_return_val_if_fail (CM_IS_CONTRIBUTION (self), NULL);

  return self->captured_at;
}

void
cm_contribution_set_captured_at (CmContribution *self,
                                 GDateTime      *captured_at)
{
  g_return_if_fail (CM_IS_CONTRIBUTION (self));

  if (cm_date_time_equal (self->captured_at, captured_at))
    return;

  if (captured_at != NULL)
    g_date_time_ref (captured_at);
  g_clear_pointer (&self->captured_at, g_date_time_unref);
  self->captured_at = captured_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTURED_AT]);
}

gboolean
cm_contribution_get_pinned (CmContribution *self)
{
  g_return_val_if_fail (CM_IS_CONTRIBUTION (self), FALSE);

  return self->pinned;
}

void
cm_contribution_set_pinned (CmContribution *self,
                            gboolean        pinned)
{
  g_return_if_fail (CM_IS_CONTRIBUTION (self));

  pinned = !!pinned;
  if (self->pinned == pinned)
    return;

  self->pinned = pinned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED]);
}

gboolean
cm_contribution_validate (CmContribution  *self,
                          GError         **error)
{
  g_return_val_if_fail (CM_IS_CONTRIBUTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Translators: what a person said in a workshop */
  if (!validate_required_long (_("Contribution"), self->text, error) ||
      /* Translators: comment, idea, concern, question or "I statement" */
      !cm_validate_enum (_("Kind"), CM_TYPE_CONTRIBUTION_KIND, self->kind, error) ||
      /* Translators: the stage of the commissioning cycle (Analyse, Plan, Do, Review) */
      !cm_validate_enum (_("Stage"), CM_TYPE_STAGE, self->stage, error))
    return FALSE;

  for (guint i = 0; self->themes[i] != NULL; i++)
    {
      /* Translators: a word a contribution is tagged with, e.g. "transport" */
      if (!cm_validate_required (_("Theme"), self->themes[i], error))
        return FALSE;
    }

  return TRUE;
}


/* Typed input: "@speaker text with #themes" -------------------------------
 *
 * A workshop lead types one contribution per line while people talk, so
 * the syntax is deliberately small:
 *
 *  - A leading "@" followed by one word (everything up to the first
 *    whitespace) is the speaker prefix. "@Mary Smith said…" gives the
 *    prefix "Mary" and the text "Smith said…": the caller matches the
 *    prefix against participants' names, so one word (a first name, a
 *    nickname, a few letters) is all that is needed. A trailing ':' or ','
 *    ("@mary: …") is not part of the prefix. A lone "@" is ordinary text.
 *
 *  - "#theme" at the start of a word tags the contribution. The theme runs
 *    to the next whitespace or '#' ("#transport#access" gives two), and
 *    closing punctuation is left in the text ("late #buses." reads "late.").
 *    A '#' inside a word ("C#", "room#4"), or followed by punctuation
 *    ("#!", "##"), is ordinary text. Themes are NFC-normalised, lower-cased
 *    and deduplicated in the order they first appear; emoji and any script
 *    are fine.
 *
 *  - Removing the tags leaves whitespace behind; runs of spaces become one
 *    space, line breaks and blank lines are kept (one of each at most), and
 *    the text is trimmed at both ends.
 */

typedef enum
{
  GAP_NONE,
  GAP_SPACE,
  GAP_LINE,
  GAP_PARAGRAPH,
} Gap;

/* Punctuation that may end a theme word but is not part of it. Connectors
 * and dashes ("#easy_read", "#face-to-face") and symbols (emoji) stay. */
static gboolean
is_trailing_punctuation (gunichar c)
{
  switch ((int) g_unichar_type (c))
    {
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
      return TRUE;

    default:
      return FALSE;
    }
}

static const char *
skip_space (const char *p,
            Gap        *gap)
{
  guint newlines = 0;
  gboolean any = FALSE;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        break;

      any = TRUE;
      if (c == '\n' || c == 0x2028)
        newlines++;
      else if (c == 0x2029)
        newlines += 2;

      p = g_utf8_next_char (p);
    }

  if (any)
    {
      Gap here = newlines >= 2 ? GAP_PARAGRAPH : newlines == 1 ? GAP_LINE : GAP_SPACE;

      *gap = MAX (*gap, here);
    }

  return p;
}

static const char *
find_word_end (const char *p)
{
  while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

/* Returns the start of the punctuation that ends [start, end), or @end. */
static const char *
find_trailing_punctuation (const char *start,
                           const char *end)
{
  const char *p = end;

  while (p > start)
    {
      const char *prev = g_utf8_prev_char (p);

      if (!is_trailing_punctuation (g_utf8_get_char (prev)))
        break;
      p = prev;
    }

  return p;
}

static void
add_theme (GPtrArray  *themes,
           const char *start,
           const char *end)
{
  g_autofree char *lower = g_utf8_strdown (start, end - start);
  g_autofree char *theme = g_utf8_normalize (lower, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  for (guint i = 0; i < themes->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (themes, i), theme))
        return;
    }

  g_ptr_array_add (themes, g_steal_pointer (&theme));
}

/* If [start, end) is a theme word, adds its themes and returns TRUE, with
 * *rest pointing at the punctuation after the last theme (or at @end). */
static gboolean
parse_theme_word (const char  *start,
                  const char  *end,
                  GPtrArray   *themes,
                  const char **rest)
{
  g_autoptr(GPtrArray) bounds = g_ptr_array_new ();
  const char *p;

  g_assert (*start == '#');

  *rest = end;

  /* Check every part first so that a word is either all themes or all text. */
  for (p = start; p < end; )
    {
      const char *part = p + 1;
      const char *part_end = part;
      const char *trimmed;

      while (part_end < end && *part_end != '#')
        part_end = g_utf8_next_char (part_end);

      if (part == part_end || is_trailing_punctuation (g_utf8_get_char (part)))
        return FALSE;

      trimmed = find_trailing_punctuation (part, part_end);
      g_assert (trimmed > part);

      g_ptr_array_add (bounds, (gpointer) part);
      g_ptr_array_add (bounds, (gpointer) trimmed);
      *rest = trimmed;
      p = part_end;
    }

  for (guint i = 0; i < bounds->len; i += 2)
    add_theme (themes, g_ptr_array_index (bounds, i), g_ptr_array_index (bounds, i + 1));

  /* Only the punctuation after the last theme is kept ("#a,#b." keeps "."). */
  return TRUE;
}

static void
append_gap (GString *out,
            Gap      gap)
{
  switch (gap)
    {
    case GAP_NONE:
      break;

    case GAP_SPACE:
      g_string_append_c (out, ' ');
      break;

    case GAP_LINE:
      g_string_append_c (out, '\n');
      break;

    case GAP_PARAGRAPH:
      g_string_append (out, "\n\n");
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * cm_contribution_parse_input:
 * @input: (nullable): what the workshop lead typed
 * @text: (out) (optional): the contribution's text without the speaker
 *   prefix and themes, "" when nothing is left
 * @themes: (out) (optional) (array zero-terminated=1): the themes, lower
 *   case, without '#'; an empty array when there are none
 * @speaker_prefix: (out) (optional) (nullable): the word after a leading
 *   "@", without the "@", as typed; NULL when there is none
 *
 * Splits typed input into text, themes and speaker; see the comment above
 * for the syntax. Never fails: invalid UTF-8 is repaired first.
 */
void
cm_contribution_parse_input (const char   *input,
                             char        **text,
                             char       ***themes,
                             char        **speaker_prefix)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *speaker = NULL;
  Gap gap = GAP_NONE;
  const char *p;

  valid = g_utf8_make_valid (input != NULL ? input : "", -1);
  p = skip_space (valid, &gap);

  if (*p == '@')
    {
      const char *word = p + 1;
      const char *word_end = find_word_end (word);
      const char *name_end = word_end;

      while (name_end > word && (name_end[-1] == ':' || name_end[-1] == ','))
        name_end--;

      if (name_end > word)
        {
          speaker = g_strndup (word, name_end - word);
          p = word_end;
        }
    }

  while (TRUE)
    {
      const char *word_end;
      const char *rest = NULL;

      p = skip_space (p, &gap);
      if (*p == '\0')
        break;

      word_end = find_word_end (p);

      if (*p == '#' && parse_theme_word (p, word_end, found, &rest))
        {
          /* Punctuation after a theme closes the word before it, so it
           * follows that word directly; with no word before, it is dropped. */
          if (rest < word_end && out->len > 0)
            {
              g_string_append_len (out, rest, word_end - rest);
              gap = GAP_NONE;
            }
        }
      else
        {
          if (out->len > 0)
            append_gap (out, gap);
          g_string_append_len (out, p, word_end - p);
          gap = GAP_NONE;
        }

      p = word_end;
    }

  if (text != NULL)
    *text = g_string_free (g_steal_pointer (&out), FALSE);

  if (themes != NULL)
    {
      g_ptr_array_add (found, NULL);
      *themes = (char **) g_ptr_array_free (g_steal_pointer (&found), FALSE);
    }

  if (speaker_prefix != NULL)
    *speaker_prefix = g_steal_pointer (&speaker);
}
