/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-participant"

#include "config.h"

#include "cm-participant.h"

#include <glib/gi18n.h>

#include "cm-enum-types.h"
#include "cm-validate.h"

/* A participant is personal data. What may be printed about them is
 * decided here, in one place: cm_participant_dup_attribution() never
 * names someone who did not agree to be named, and erasing a participant
 * keeps the row (so their contributions stay, anonymised) but drops
 * everything that identifies them. */

struct _CmParticipant
{
  GObject            parent_instance;

  gint64             id;
  char              *name;
  CmParticipantRole  role;
  char              *organisation;
  char              *access_needs;
  CmConsent          consent;
  char              *payment_notes;
  guint              erased : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_ORGANISATION,
  PROP_ACCESS_NEEDS,
  PROP_CONSENT,
  PROP_PAYMENT_NOTES,
  PROP_ERASED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CmParticipant, cm_participant, G_TYPE_OBJECT)

/* Stores "" as NULL so that every unset string looks the same. */
static gboolean
set_string (char       **dest,
            const char  *value)
{
  char *copy;

  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*dest);
  *dest = copy;
  return TRUE;
}

static inline const char *
string_or_empty (const char *value)
{
  return value != NULL ? value : "";
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

static const char *
role_as_speaker (CmParticipantRole role)
{
  switch (role)
    {
    case CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES:
      return _("A person who uses services");

    case CM_PARTICIPANT_ROLE_CARER:
      return _("A carer");

    case CM_PARTICIPANT_ROLE_PROVIDER:
      return _("A provider");

    case CM_PARTICIPANT_ROLE_OFFICER:
      return _("An officer");

    case CM_PARTICIPANT_ROLE_OTHER:
    default:
      return _("A participant");
    }
}

static void
cm_participant_finalize (GObject *object)
{
  CmParticipant *self = (CmParticipant *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->access_needs, g_free);
  g_clear_pointer (&self->payment_notes, g_free);

  G_OBJECT_CLASS (cm_participant_parent_class)->finalize (object);
}

static void
cm_participant_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CmParticipant *self = CM_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, string_or_empty (self->name));
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, string_or_empty (self->organisation));
      break;

    case PROP_ACCESS_NEEDS:
      g_value_set_string (value, string_or_empty (self->access_needs));
      break;

    case PROP_CONSENT:
      g_value_set_enum (value, self->consent);
      break;

    case PROP_PAYMENT_NOTES:
      g_value_set_string (value, string_or_empty (self->payment_notes));
      break;

    case PROP_ERASED:
      g_value_set_boolean (value, self->erased);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_participant_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CmParticipant *self = CM_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      cm_participant_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      cm_participant_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      cm_participant_set_role (self, g_value_get_enum (value));
      break;

    case PROP_ORGANISATION:
      cm_participant_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_ACCESS_NEEDS:
      cm_participant_set_access_needs (self, g_value_get_string (value));
      break;

    case PROP_CONSENT:
      cm_participant_set_consent (self, g_value_get_enum (value));
      break;

    case PROP_PAYMENT_NOTES:
      cm_participant_set_payment_notes (self, g_value_get_string (value));
      break;

    case PROP_ERASED:
      cm_participant_set_erased (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_participant_class_init (CmParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cm_participant_finalize;
  object_class->get_property = cm_participant_get_property;
  object_class->set_property = cm_participant_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       CM_TYPE_PARTICIPANT_ROLE, CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES,
                       flags);

  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, "", flags);

  properties[PROP_ACCESS_NEEDS] =
    g_param_spec_string ("access-needs", NULL, NULL, "", flags);

  properties[PROP_CONSENT] =
    g_param_spec_enum ("consent", NULL, NULL,
                       CM_TYPE_CONSENT, CM_CONSENT_ANONYMISED, flags);

  properties[PROP_PAYMENT_NOTES] =
    g_param_spec_string ("payment-notes", NULL, NULL, "", flags);

  properties[PROP_ERASED] =
    g_param_spec_boolean ("erased", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cm_participant_init (CmParticipant *self)
{
  self->role = CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES;
  self->consent = CM_CONSENT_ANONYMISED;
}

CmParticipant *
cm_participant_new (void)
{
  return g_object_new (CM_TYPE_PARTICIPANT, NULL);
}

gint64
cm_participant_get_id (CmParticipant *self)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), 0);

  return self->id;
}

void
cm_participant_set_id (CmParticipant *self,
                       gint64         id)
{
  g_return_if_fail (CM_IS_PARTICIPANT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cm_participant_get_name (CmParticipant *self)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), "");

  return string_or_empty (self->name);
}

void
cm_participant_set_name (CmParticipant *self,
                         const char    *name)
{
  g_return_if_fail (CM_IS_PARTICIPANT (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

CmParticipantRole
cm_participant_get_role (CmParticipant *self)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES);

  return self->role;
}

/* The enum setters store any value, so that a damaged row can still be
 * loaded and shown; cm_participant_validate() is what refuses it. */
void
cm_participant_set_role (CmParticipant     *self,
                         CmParticipantRole  role)
{
  g_return_if_fail (CM_IS_PARTICIPANT (self));

  if (self->role == role)
    return;

  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
cm_participant_get_organisation (CmParticipant *self)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), "");

  return string_or_empty (self->organisation);
}

void
cm_participant_set_organisation (CmParticipant *self,
                                 const char    *organisation)
{
  g_return_if_fail (CM_IS_PARTICIPANT (self));

  if (set_string (&self->organisation, organisation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

const char *
cm_participant_get_access_needs (CmParticipant *self)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), "");

  return string_or_empty (self->access_needs);
}

void
cm_participant_set_access_needs (CmParticipant *self,
                                 const char    *access_needs)
{
  g_return_if_fail (CM_IS_PARTICIPANT (self));

  if (set_string (&self->access_needs, access_needs))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESS_NEEDS]);
}

CmConsent
cm_participant_get_consent (CmParticipant *self)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), CM_CONSENT_NONE);

  return self->consent;
}

void
cm_participant_set_consent (CmParticipant *self,
                            CmConsent      consent)
{
  g_return_if_fail (CM_IS_PARTICIPANT (self));

  if (self->consent == consent)
    return;

  self->consent = consent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT]);
}

const char *
cm_participant_get_payment_notes (CmParticipant *self)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), "");

  return string_or_empty (self->payment_notes);
}

void
cm_participant_set_payment_notes (CmParticipant *self,
                                  const char    *payment_notes)
{
  g_return_if_fail (CM_IS_PARTICIPANT (self));

  if (set_string (&self->payment_notes, payment_notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAYMENT_NOTES]);
}

gboolean
cm_participant_get_erased (CmParticipant *self)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), FALSE);

  return self->erased;
}

/* Only flips the flag, as the store does when loading a row; use
 * cm_participant_erase() to remove someone's personal details. */
void
cm_participant_set_erased (CmParticipant *self,
                           gboolean       erased)
{
  g_return_if_fail (CM_IS_PARTICIPANT (self));

  erased = !!erased;
  if (self->erased == erased)
    return;

  self->erased = erased;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERASED]);
}

gboolean
cm_participant_validate (CmParticipant  *self,
                         GError        **error)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* An erased participant has no name left to require. */
  if (self->erased)
    {
      if (!cm_validate_short_text (_("Name"), self->name, error))
        return FALSE;
    }
  else if (!cm_validate_required (_("Name"), self->name, error))
    {
      return FALSE;
    }

  return cm_validate_enum (_("Role"), CM_TYPE_PARTICIPANT_ROLE, self->role, error) &&
         cm_validate_short_text (_("Organisation"), self->organisation, error) &&
         cm_validate_long_text (_("Access needs"), self->access_needs, error) &&
         cm_validate_enum (_("Consent to quote"), CM_TYPE_CONSENT, self->consent, error) &&
         cm_validate_long_text (_("Payment and expenses"), self->payment_notes, error);
}

/**
 * cm_participant_dup_attribution:
 * @self: a #CmParticipant
 * @for_publication: whether the text goes into a printed or exported summary
 *
 * Returns what to show as the speaker of a contribution. On screen, for
 * the people running the workshop, that is the participant's name. In a
 * summary it is the name only when the participant agreed to be named,
 * and otherwise their role ("A carer"). An erased participant is always
 * "A participant".
 *
 * Whether a contribution may be quoted at all is a separate question:
 * see cm_participant_may_be_quoted().
 *
 * Returns: (transfer full): the attribution, never %NULL
 */
char *
cm_participant_dup_attribution (CmParticipant *self,
                                gboolean       for_publication)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), NULL);

  if (self->erased)
    return g_strdup (_("A participant"));

  if (!is_blank (self->name) &&
      (!for_publication || self->consent == CM_CONSENT_NAMED))
    return g_strdup (self->name);

  return g_strdup (role_as_speaker (self->role));
}

gboolean
cm_participant_may_be_quoted (CmParticipant *self)
{
  g_return_val_if_fail (CM_IS_PARTICIPANT (self), FALSE);

  return self->consent != CM_CONSENT_NONE && !self->erased;
}

/**
 * cm_participant_erase:
 * @self: a #CmParticipant
 *
 * Removes the participant's personal details (name, organisation, access
 * needs, payment notes), withdraws their consent to be quoted and marks
 * them erased. Their role is kept: it says nothing about who they are.
 */
void
cm_participant_erase (CmParticipant *self)
{
  g_return_if_fail (CM_IS_PARTICIPANT (self));

  g_object_freeze_notify (G_OBJECT (self));

  cm_participant_set_name (self, NULL);
  cm_participant_set_organisation (self, NULL);
  cm_participant_set_access_needs (self, NULL);
  cm_participant_set_payment_notes (self, NULL);
  cm_participant_set_consent (self, CM_CONSENT_NONE);
  cm_participant_set_erased (self, TRUE);

  g_object_thaw_notify (G_OBJECT (self));
}
