/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cm-action.h"
#include "cm-activity.h"
#include "cm-contribution.h"
#include "cm-cycle.h"
#include "cm-kpi.h"
#include "cm-participant.h"
#include "cm-service-spec.h"
#include "cm-spec-section.h"
#include "cm-template.h"
#include "cm-workshop.h"

G_BEGIN_DECLS

/* CmStore keeps every object of the model in one SQLite file. No SQL type
 * appears in this header, so that another backend (a shared server) could
 * one day sit behind the same calls.
 *
 * The store hands out one instance per row: asking twice for the same
 * activity, or finding it in two lists, gives the same object, so a change
 * made anywhere shows everywhere. Changing an object's properties does not
 * write it; cm_store_save_*() does, and lists stay in step. */

#define CM_TYPE_STORE (cm_store_get_type ())
G_DECLARE_FINAL_TYPE (CmStore, cm_store, CM, STORE, GObject)

#define CM_STORE_ERROR (cm_store_error_quark ())

typedef enum
{
  CM_STORE_ERROR_NO_SUCH_FOLDER,  /* the folder for the file does not exist */
  CM_STORE_ERROR_NOT_A_DATABASE,  /* not a Commissioning Cycle database at all */
  CM_STORE_ERROR_CORRUPT,         /* a damaged or truncated database */
  CM_STORE_ERROR_TOO_NEW,         /* written by a newer version of the app */
  CM_STORE_ERROR_READ_ONLY,       /* the file or its folder cannot be written */
  CM_STORE_ERROR_LOCKED,          /* another program holds the database */
  CM_STORE_ERROR_FULL,            /* the disk (or the file's size limit) is full */
  CM_STORE_ERROR_NOT_FOUND,       /* no such object */
  CM_STORE_ERROR_INVALID,         /* the object failed validation */
  CM_STORE_ERROR_IO,              /* the operating system could not read or write */
  CM_STORE_ERROR_FAILED,          /* anything else */
} CmStoreError;

/* The schema version this build writes; older files are migrated forwards. */
#define CM_STORE_SCHEMA_VERSION 3

GQuark      cm_store_error_quark          (void);

char       *cm_store_default_path         (void);
CmStore    *cm_store_open                 (const char     *path,
                                           GError        **error);
CmStore    *cm_store_open_with_timeout    (const char     *path,
                                           guint           busy_timeout_ms,
                                           GError        **error);
CmStore    *cm_store_open_keeping_trash   (const char     *path,
                                           GError        **error);
void        cm_store_close                (CmStore        *self);
gboolean    cm_store_is_closed            (CmStore        *self);
const char *cm_store_get_path             (CmStore        *self);
int         cm_store_get_schema_version   (CmStore        *self);
gboolean    cm_store_check_integrity      (CmStore        *self,
                                           GError        **error);
/* Caps the file's size, as a full disk would. */
void        cm_store_limit_size           (CmStore        *self,
                                           gint64          max_bytes);

/* Several changes as one: all land or none does. */
gboolean    cm_store_begin                (CmStore        *self,
                                           GError        **error);
gboolean    cm_store_commit               (CmStore        *self,
                                           GError        **error);
void        cm_store_rollback             (CmStore        *self);

/* Cycles. A cycle is created with the activities of a template (NULL for
 * none); cm_store_add_cycle_from_default_template() uses data/cycle-template.xml. */
gboolean    cm_store_add_cycle            (CmStore        *self,
                                           CmCycle        *cycle,
                                           GPtrArray      *template_activities,
                                           GError        **error);
gboolean    cm_store_add_cycle_from_default_template
                                          (CmStore        *self,
                                           CmCycle        *cycle,
                                           GError        **error);
CmCycle    *cm_store_get_cycle            (CmStore        *self,
                                           gint64          id,
                                           GError        **error);
CmCycle    *cm_store_find_cycle           (CmStore        *self,
                                           const char     *title_or_id,
                                           GError        **error);
gboolean    cm_store_save_cycle           (CmStore        *self,
                                           CmCycle        *cycle,
                                           GError        **error);
GListModel *cm_store_list_cycles          (CmStore        *self,
                                           GError        **error);

/* Activities, ordered by position within their stage and ring. stage may
 * be CM_STAGE_NONE and ring -1 for "every stage" and "both rings". */
gboolean    cm_store_add_activity         (CmStore        *self,
                                           CmActivity     *activity,
                                           GError        **error);
CmActivity *cm_store_get_activity         (CmStore        *self,
                                           gint64          id,
                                           GError        **error);
gboolean    cm_store_save_activity        (CmStore        *self,
                                           CmActivity     *activity,
                                           GError        **error);
gboolean    cm_store_move_activity        (CmStore        *self,
                                           CmActivity     *activity,
                                           CmStage         stage,
                                           CmRing          ring,
                                           guint           position,
                                           GError        **error);
GListModel *cm_store_list_activities      (CmStore        *self,
                                           gint64          cycle_id,
                                           CmStage         stage,
                                           int             ring,
                                           GError        **error);

/* Service specifications, their sections and KPIs. */
gboolean       cm_store_add_spec          (CmStore        *self,
                                           CmServiceSpec  *spec,
                                           GError        **error);
CmServiceSpec *cm_store_get_spec          (CmStore        *self,
                                           gint64          id,
                                           GError        **error);
gboolean       cm_store_save_spec         (CmStore        *self,
                                           CmServiceSpec  *spec,
                                           GError        **error);
GListModel    *cm_store_list_specs        (CmStore        *self,
                                           gint64          cycle_id,
                                           GError        **error);
gboolean       cm_store_add_section       (CmStore        *self,
                                           CmSpecSection  *section,
                                           GError        **error);
gboolean       cm_store_save_section      (CmStore        *self,
                                           CmSpecSection  *section,
                                           GError        **error);
gboolean       cm_store_move_section      (CmStore        *self,
                                           CmSpecSection  *section,
                                           guint           position,
                                           GError        **error);
GListModel    *cm_store_list_sections     (CmStore        *self,
                                           gint64          spec_id,
                                           GError        **error);
gboolean       cm_store_add_kpi           (CmStore        *self,
                                           CmKpi          *kpi,
                                           GError        **error);
gboolean       cm_store_save_kpi          (CmStore        *self,
                                           CmKpi          *kpi,
                                           GError        **error);
gboolean       cm_store_move_kpi          (CmStore        *self,
                                           CmKpi          *kpi,
                                           guint           position,
                                           GError        **error);
GListModel    *cm_store_list_kpis         (CmStore        *self,
                                           gint64          spec_id,
                                           GError        **error);

/* Workshops, participants and what they said. */
gboolean       cm_store_add_workshop      (CmStore        *self,
                                           CmWorkshop     *workshop,
                                           GError        **error);
CmWorkshop    *cm_store_get_workshop      (CmStore        *self,
                                           gint64          id,
                                           GError        **error);
gboolean       cm_store_save_workshop     (CmStore        *self,
                                           CmWorkshop     *workshop,
                                           GError        **error);
GListModel    *cm_store_list_workshops    (CmStore        *self,
                                           gint64          cycle_id,
                                           GError        **error);
gboolean       cm_store_add_participant   (CmStore        *self,
                                           CmParticipant  *participant,
                                           GError        **error);
CmParticipant *cm_store_get_participant   (CmStore        *self,
                                           gint64          id,
                                           GError        **error);
gboolean       cm_store_save_participant  (CmStore        *self,
                                           CmParticipant  *participant,
                                           GError        **error);
/* Erases a person's details for good; their contributions stay, anonymised. */
gboolean       cm_store_erase_participant (CmStore        *self,
                                           CmParticipant  *participant,
                                           GError        **error);
GListModel    *cm_store_list_participants (CmStore        *self,
                                           GError        **error);
gboolean       cm_store_set_attendance    (CmStore        *self,
                                           CmWorkshop     *workshop,
                                           CmParticipant  *participant,
                                           gboolean        attended,
                                           GError        **error);
GListModel    *cm_store_list_attendees    (CmStore        *self,
                                           gint64          workshop_id,
                                           GError        **error);
gboolean       cm_store_add_contribution  (CmStore        *self,
                                           CmContribution *contribution,
                                           GError        **error);
gboolean       cm_store_save_contribution (CmStore        *self,
                                           CmContribution *contribution,
                                           GError        **error);
GListModel    *cm_store_list_contributions (CmStore       *self,
                                           gint64          workshop_id,
                                           GError        **error);
gint64         cm_store_count_contributions (CmStore      *self,
                                           gint64          workshop_id,
                                           GError        **error);

/* "You said, we did". */
gboolean       cm_store_add_action        (CmStore        *self,
                                           CmAction       *action,
                                           GError        **error);
gboolean       cm_store_save_action       (CmStore        *self,
                                           CmAction       *action,
                                           GError        **error);
GListModel    *cm_store_list_actions      (CmStore        *self,
                                           gint64          cycle_id,
                                           GError        **error);
gboolean       cm_store_link_action_contribution
                                          (CmStore        *self,
                                           CmAction       *action,
                                           CmContribution *contribution,
                                           gboolean        linked,
                                           GError        **error);
GListModel    *cm_store_list_action_contributions
                                          (CmStore        *self,
                                           gint64          action_id,
                                           GError        **error);

/* Deleting goes through the trash so that a toast can offer Undo: a
 * trashed object leaves every list at once, comes back on restore, and is
 * erased for good by cm_store_empty_trash(). Works on every object above
 * except participants, who are erased instead. */
gboolean    cm_store_trash                (CmStore        *self,
                                           GObject        *object,
                                           GError        **error);
gboolean    cm_store_restore              (CmStore        *self,
                                           GObject        *object,
                                           GError        **error);
gboolean    cm_store_empty_trash          (CmStore        *self,
                                           GError        **error);

G_END_DECLS
