/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-demand.h"
#include "cm-spec-snapshot.h"
#include "cm-spec-version.h"
#include "cm-store.h"

G_BEGIN_DECLS

/* What the store does for service specifications beyond plain rows: the
 * demand model, recorded versions, new specifications with the default
 * sections, duplicates, and the workshop contributions a section cites. */

/* A new specification with the default sections of a service
 * specification (purpose and legal duties, scope, outcomes, …), each with
 * a few sentences on what to write there. One transaction. */
gboolean        cm_store_add_spec_with_default_sections
                                                 (CmStore               *self,
                                                  CmServiceSpec         *spec,
                                                  GError               **error);
/* A draft copy titled "Copy of …" with the same header, sections, KPIs,
 * demand model and citations, and no versions. One transaction. */
CmServiceSpec  *cm_store_duplicate_spec          (CmStore               *self,
                                                  CmServiceSpec         *spec,
                                                  GError               **error);
/* Marks the specification as just changed (updated-at = now) and saves it. */
gboolean        cm_store_touch_spec              (CmStore               *self,
                                                  CmServiceSpec         *spec,
                                                  GError               **error);

/* The demand model, kept with the specification. A specification that
 * never had one gets cm_demand_inputs_new_default(). Inputs are saved as
 * they are, valid or not, so that nothing typed is lost. */
CmDemandInputs *cm_store_load_demand_model       (CmStore               *self,
                                                  CmServiceSpec         *spec,
                                                  GError               **error);
gboolean        cm_store_save_demand_model       (CmStore               *self,
                                                  CmServiceSpec         *spec,
                                                  const CmDemandInputs  *inputs,
                                                  GError               **error);

/* Changes the status and saves it. Moving into consultation, approved or
 * published records a version (a snapshot of the header, every section and
 * the KPIs as they are saved) and counts it in the spec's version
 * property, all in one transaction. */
gboolean        cm_store_set_spec_status         (CmStore               *self,
                                                  CmServiceSpec         *spec,
                                                  CmSpecStatus           status,
                                                  GError               **error);
/* The recorded versions (CmSpecVersion), newest first. The list is read
 * once: read it again after a status change. */
GListModel     *cm_store_list_spec_versions      (CmStore               *self,
                                                  gint64                 spec_id,
                                                  GError               **error);
CmSpecSnapshot *cm_store_load_spec_version       (CmStore               *self,
                                                  gint64                 spec_id,
                                                  guint                  version,
                                                  GError               **error);
/* The specification as it is saved now, to compare a version with. */
CmSpecSnapshot *cm_store_snapshot_spec           (CmStore               *self,
                                                  CmServiceSpec         *spec,
                                                  GError               **error);

/* Citations: workshop contributions behind a section. */
gboolean        cm_store_set_section_citation    (CmStore               *self,
                                                  CmSpecSection         *section,
                                                  gint64                 contribution_id,
                                                  gboolean               cited,
                                                  GError               **error);
/* The ids of the contributions a section cites, in the order they were
 * captured (a GArray of gint64). */
GArray         *cm_store_list_section_citation_ids
                                                 (CmStore               *self,
                                                  gint64                 section_id,
                                                  GError               **error);
/* The same as CmContribution objects, read once. */
GListModel     *cm_store_list_section_citations  (CmStore               *self,
                                                  gint64                 section_id,
                                                  GError               **error);
/* Every contribution to the workshops of a cycle, to choose citations
 * from, read once. */
GListModel     *cm_store_list_cycle_contributions
                                                 (CmStore               *self,
                                                  gint64                 cycle_id,
                                                  GError               **error);

G_END_DECLS
