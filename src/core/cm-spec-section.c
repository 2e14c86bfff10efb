/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-spec-section"

#include "config.h"

#include "cm-spec-section.h"

#include <glib/gi18n.h>

#include "cm-validate.h"

struct _CmSpecSection
{
  GObject parent_instance;

  gint64 id;
  gint64 spec_id;
  guint position;
  char *title;
  char *body;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_SPEC_ID,
  PROP_POSITION,
  PROP_TITLE,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CmSpecSection, cm_spec_section, G_TYPE_OBJECT)

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

static void
cm_spec_section_finalize (GObject *object)
{
  CmSpecSection *self = (CmSpecSection *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (cm_spec_section_parent_class)->finalize (object);
}

static void
cm_spec_section_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CmSpecSection *self = CM_SPEC_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SPEC_ID:
      g_value_set_int64 (value, self->spec_id);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_spec_section_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CmSpecSection *self = CM_SPEC_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_spec_section_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_SPEC_ID:
      cm_spec_section_set_spec_id (self, g_value_get_int64 (value));
      break;

    case PROP_POSITION:
      cm_spec_section_set_position (self, g_value_get_uint (value));
      break;

    case PROP_TITLE:
      cm_spec_section_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      cm_spec_section_set_body (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_spec_section_class_init (CmSpecSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cm_spec_section_finalize;
  object_class->get_property = cm_spec_section_get_property;
  object_class->set_property = cm_spec_section_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_SPEC_ID] =
    g_param_spec_int64 ("spec-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_spec_section_init (CmSpecSection *self)
{
  self->title = g_strdup ("");
  self->body = g_strdup ("");
}

CmSpecSection *
cm_spec_section_new (void)
{
  return g_object_new (CM_TYPE_SPEC_SECTION, NULL);
}

gint64
cm_spec_section_get_id (CmSpecSection *self)
{
  g_return_val_if_fail (CM_IS_SPEC_SECTION (self), 0);

  return self->id;
}

void
cm_spec_section_set_id (CmSpecSection *self,
                        gint64         id)
{
  g_return_if_fail (CM_IS_SPEC_SECTION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cm_spec_section_get_spec_id (CmSpecSection *self)
{
  g_return_val_if_fail (CM_IS_SPEC_SECTION (self), 0);

  return self->spec_id;
}

void
cm_spec_section_set_spec_id (CmSpecSection *self,
                             gint64         spec_id)
{
  g_return_if_fail (CM_IS_SPEC_SECTION (self));
  g_return_if_fail (spec_id >= 0);

  if (self->spec_id == spec_id)
    return;

  self->spec_id = spec_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEC_ID]);
}

guint
cm_spec_section_get_position (CmSpecSection *self)
{
  g_return_val_if_fail (CM_IS_SPEC_SECTION (self), 0);

  return self->position;
}

void
cm_spec_section_set_position (CmSpecSection *self,
                              guint          position)
{
  g_return_if_fail (CM_IS_SPEC_SECTION (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
cm_spec_section_get_title (CmSpecSection *self)
{
  g_return_val_if_fail (CM_IS_SPEC_SECTION (self), "");

  return self->title;
}

void
cm_spec_section_set_title (CmSpecSection *self,
                           const char    *title)
{
  g_return_if_fail (CM_IS_SPEC_SECTION (self));

  if (replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
cm_spec_section_get_body (CmSpecSection *self)
{
  g_return_val_if_fail (CM_IS_SPEC_SECTION (self), "");

  return self->body;
}

void
cm_spec_section_set_body (CmSpecSection *self,
                          const char    *body)
{
  g_return_if_fail (CM_IS_SPEC_SECTION (self));

  if (replace_string (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

gboolean
cm_spec_section_validate (CmSpecSection  *self,
                          GError        **error)
{
  g_return_val_if_fail (CM_IS_SPEC_SECTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return cm_validate_required (_("Title"), self->title, error) &&
         cm_validate_long_text (_("Section text"), self->body, error);
}
