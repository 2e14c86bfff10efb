/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* The participants that contributions name, looked up once and kept, so
 * that showing a row of a long feed costs no query. The objects are the
 * store's own, so a rename or an erasure shows at once. */
typedef struct _CmSpeakerCache CmSpeakerCache;

CmSpeakerCache *cm_speaker_cache_new         (CmStore        *store);
CmSpeakerCache *cm_speaker_cache_ref         (CmSpeakerCache *self);
void            cm_speaker_cache_unref       (CmSpeakerCache *self);
/* NULL for "the room" (id 0) or someone who cannot be found. */
CmParticipant  *cm_speaker_cache_lookup      (CmSpeakerCache *self,
                                              gint64          participant_id);
/* What to show as the speaker: on screen for those running the workshop
 * (for_publication FALSE) or for everyone in the room or a report. */
char           *cm_speaker_cache_dup_label   (CmSpeakerCache *self,
                                              gint64          participant_id,
                                              gboolean        for_publication);
/* Whether the words may be shown to everyone: not when the speaker did
 * not agree to be quoted or was erased. "The room" may be quoted. */
gboolean        cm_speaker_cache_may_quote   (CmSpeakerCache *self,
                                              gint64          participant_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSpeakerCache, cm_speaker_cache_unref)

G_END_DECLS
