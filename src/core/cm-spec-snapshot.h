/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cm-enums.h"
#include "cm-service-spec.h"

G_BEGIN_DECLS

/* A specification as it stood at one moment: its header fields, every
 * section's title and body and every KPI. A snapshot is what a recorded
 * version keeps, and what two versions are compared by. It is plain data,
 * written as text by cm_spec_snapshot_to_string() and read back exactly. */

typedef struct
{
  gint64  section_id;  /* the live section it was taken from; 0 if unknown */
  char   *title;
  char   *body;
} CmSnapshotSection;

typedef struct
{
  char *measure;
  char *target;
  char *frequency;
  char *source;
} CmSnapshotKpi;

typedef struct
{
  char               *title;
  CmAdvocacyTypes     advocacy_types;
  CmSpecStatus        status;
  char               *lead;
  char               *contract_term;
  gint64              budget_pence;
  CmProcurementRoute  procurement_route;
  GPtrArray          *sections;  /* CmSnapshotSection, in order */
  GPtrArray          *kpis;      /* CmSnapshotKpi, in order */
} CmSpecSnapshot;

#define CM_TYPE_SPEC_SNAPSHOT (cm_spec_snapshot_get_type ())

GType           cm_spec_snapshot_get_type        (void) G_GNUC_CONST;
CmSpecSnapshot *cm_spec_snapshot_new             (void);
CmSpecSnapshot *cm_spec_snapshot_new_from_spec   (CmServiceSpec         *spec,
                                                  GListModel            *sections,
                                                  GListModel            *kpis);
CmSpecSnapshot *cm_spec_snapshot_copy            (const CmSpecSnapshot  *snapshot);
void            cm_spec_snapshot_free            (CmSpecSnapshot        *snapshot);
gboolean        cm_spec_snapshot_equal           (const CmSpecSnapshot  *a,
                                                  const CmSpecSnapshot  *b);
void            cm_spec_snapshot_add_section     (CmSpecSnapshot        *snapshot,
                                                  gint64                 section_id,
                                                  const char            *title,
                                                  const char            *body);
void            cm_spec_snapshot_add_kpi         (CmSpecSnapshot        *snapshot,
                                                  const char            *measure,
                                                  const char            *target,
                                                  const char            *frequency,
                                                  const char            *source);
char           *cm_spec_snapshot_to_string       (const CmSpecSnapshot  *snapshot);
CmSpecSnapshot *cm_spec_snapshot_from_string     (const char            *text,
                                                  GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSpecSnapshot, cm_spec_snapshot_free)

G_END_DECLS
