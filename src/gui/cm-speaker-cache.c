/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-speaker-cache"

#include "config.h"

#include "cm-speaker-cache.h"

#include <glib/gi18n.h>

struct _CmSpeakerCache
{
  CmStore    *store;
  GHashTable *participants;   /* gint64 id → CmParticipant */
};

static void
speaker_cache_clear (gpointer data)
{
  CmSpeakerCache *self = data;

  g_clear_object (&self->store);
  g_clear_pointer (&self->participants, g_hash_table_unref);
}

CmSpeakerCache *
cm_speaker_cache_new (CmStore *store)
{
  CmSpeakerCache *self;

  g_return_val_if_fail (CM_IS_STORE (store), NULL);

  self = g_rc_box_new0 (CmSpeakerCache);
  self->store = g_object_ref (store);
  self->participants = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              g_object_unref);
  return self;
}

CmSpeakerCache *
cm_speaker_cache_ref (CmSpeakerCache *self)
{
  return g_rc_box_acquire (self);
}

void
cm_speaker_cache_unref (CmSpeakerCache *self)
{
  g_rc_box_release_full (self, speaker_cache_clear);
}

CmParticipant *
cm_speaker_cache_lookup (CmSpeakerCache *self,
                         gint64          participant_id)
{
  CmParticipant *participant;
  gint64 *key;

  g_return_val_if_fail (self != NULL, NULL);

  if (participant_id <= 0)
    return NULL;

  participant = g_hash_table_lookup (self->participants, &participant_id);
  if (participant != NULL)
    return participant;

  participant = cm_store_get_participant (self->store, participant_id, NULL);
  if (participant == NULL)
    return NULL;

  key = g_new (gint64, 1);
  *key = participant_id;
  g_hash_table_insert (self->participants, key, participant);
  return participant;
}

char *
cm_speaker_cache_dup_label (CmSpeakerCache *self,
                            gint64          participant_id,
                            gboolean        for_publication)
{
  CmParticipant *participant;

  g_return_val_if_fail (self != NULL, NULL);

  if (participant_id <= 0)
    return g_strdup (C_("speaker", "The room"));

  participant = cm_speaker_cache_lookup (self, participant_id);
  if (participant == NULL)
    return g_strdup (_("A participant"));

  return cm_participant_dup_attribution (participant, for_publication);
}

gboolean
cm_speaker_cache_may_quote (CmSpeakerCache *self,
                            gint64          participant_id)
{
  CmParticipant *participant;

  g_return_val_if_fail (self != NULL, FALSE);

  if (participant_id <= 0)
    return TRUE;

  participant = cm_speaker_cache_lookup (self, participant_id);
  return participant != NULL && cm_participant_may_be_quoted (participant);
}
