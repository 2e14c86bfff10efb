/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cm-diff.h"
#include "cm-spec-snapshot.h"

G_BEGIN_DECLS

/* What changed between two versions of a specification, as plain data:
 * the header fields that differ, and section by section whether it was
 * added, removed, renamed or changed, with the changed text as runs of
 * kept, added and removed words. The screen and the printed summary both
 * mark the runs; nothing here decides how. */

typedef enum
{
  CM_SECTION_UNCHANGED = 0,
  CM_SECTION_CHANGED   = 1,  /* renamed, moved or with different text */
  CM_SECTION_ADDED     = 2,
  CM_SECTION_REMOVED   = 3,
} CmSectionChangeKind;

typedef struct
{
  CmSectionChangeKind  kind;
  gboolean             renamed;        /* the title differs */
  gboolean             text_changed;   /* the body differs */
  gboolean             moved;          /* its place among the kept sections changed */
  char                *old_title;      /* NULL when added */
  char                *new_title;      /* NULL when removed */
  GPtrArray           *spans;          /* CmDiffSpan over the body */
  guint                words_added;
  guint                words_removed;
} CmSectionChange;

typedef struct
{
  char *label;      /* translated field name, e.g. "Status" */
  char *old_value;  /* as shown to a person */
  char *new_value;
} CmFieldChange;

typedef struct
{
  GPtrArray       *fields;    /* CmFieldChange, only the fields that differ */
  GPtrArray       *sections;  /* CmSectionChange: the newer order, removed
                               * sections where they used to be */
  CmSectionChange *kpis;      /* the KPI table, one line per KPI */
} CmSpecComparison;

#define CM_TYPE_SPEC_COMPARISON (cm_spec_comparison_get_type ())

GType             cm_spec_comparison_get_type       (void) G_GNUC_CONST;
CmSpecComparison *cm_spec_compare                   (const CmSpecSnapshot   *older,
                                                     const CmSpecSnapshot   *newer);
CmSpecComparison *cm_spec_comparison_ref            (CmSpecComparison       *comparison);
void              cm_spec_comparison_unref          (CmSpecComparison       *comparison);
gboolean          cm_spec_comparison_is_empty       (const CmSpecComparison *comparison);
guint             cm_spec_comparison_count_changed  (const CmSpecComparison *comparison);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmSpecComparison, cm_spec_comparison_unref)

G_END_DECLS
