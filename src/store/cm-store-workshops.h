/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-store.h"

G_BEGIN_DECLS

/* Questions about workshops that go beyond adding and saving rows: who
 * was meant by "@gwen", which themes came up, what was done about what
 * people said, and the second connection that lets the capture view write
 * without holding up the keyboard. */

/* A theme and how many live contributions carry it. */
typedef struct
{
  char  *theme;
  guint  count;
} CmThemeCount;

void           cm_theme_count_free              (CmThemeCount   *count);

/* One "You said, we did" point: an action and the contributions it
 * answers, oldest first. */
typedef struct
{
  CmAction  *action;
  GPtrArray *contributions;   /* of CmContribution */
} CmSaidDid;

void           cm_said_did_free                 (CmSaidDid      *said_did);

/* The themes of one workshop (or, with workshop_id 0, of every workshop of
 * the cycle), the most used first. */
GPtrArray     *cm_store_count_themes            (CmStore        *self,
                                                 gint64          cycle_id,
                                                 gint64          workshop_id,
                                                 GError        **error);

/* Every live action of a cycle with the contributions it answers, in the
 * order the actions were made. */
GPtrArray     *cm_store_list_said_did           (CmStore        *self,
                                                 gint64          cycle_id,
                                                 GError        **error);

/* The workshops a person attended, earliest first. Not kept in step. */
GPtrArray     *cm_store_list_attended_workshops (CmStore        *self,
                                                 gint64          participant_id,
                                                 GError        **error);

/* How well what was typed after "@" (or into a speaker search) fits a
 * name: 0 not at all, higher is better. Case and accents are ignored;
 * "gwen", "jones", "gwen_jones" and "gwenj" all fit "Gwen Jones". */
guint          cm_name_match_score              (const char     *name,
                                                 const char     *typed);

/* The person meant by "@typed" in a workshop: the best fit among those
 * attending, else among everyone (then *attending is FALSE), else NULL
 * without an error. Erased participants never match. */
CmParticipant *cm_store_find_speaker            (CmStore        *self,
                                                 gint64          workshop_id,
                                                 const char     *typed,
                                                 gboolean       *attending,
                                                 GError        **error);

/* Loads a contribution that another connection to the same file added
 * (the capture view's writer) and tells every list about it. */
CmContribution *cm_store_adopt_contribution     (CmStore        *self,
                                                 gint64          id,
                                                 GError        **error);

/* A second connection to the same database, for one other thread. It
 * makes none of cm_store_open()'s checks, which the first connection has
 * made, and never empties the trash, which would take away the first
 * connection's Undo. */
CmStore       *cm_store_open_companion          (CmStore        *self,
                                                 guint           busy_timeout_ms,
                                                 GError        **error);

/* Makes erasures final on disk: copies the write-ahead log into the
 * database and empties it, so that no old copy of an erased person's
 * details lingers in the "-wal" file. */
gboolean       cm_store_flush_erased            (CmStore        *self,
                                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmThemeCount, cm_theme_count_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSaidDid, cm_said_did_free)

G_END_DECLS
