/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cm-demand-editor.h"
#include "cm-spec-editor.h"

G_BEGIN_DECLS

/* The editor is one class split by topic: cm-spec-editor.c (the header
 * fields, saving and actions), -sections.c (sections and their text),
 * -citations.c, -kpis.c and -versions.c. */

struct _CmSpecEditor
{
  GtkWidget            parent_instance;

  CmStore             *store;
  CmCycle             *cycle;
  CmServiceSpec       *spec;
  GListModel          *sections;
  GListModel          *kpis;
  GListModel          *citations;
  GListModel          *cycle_contributions;
  CmSpecSection       *section;        /* the one being edited */
  GtkFilterListModel  *cite_filtered;
  GtkSingleSelection  *kpi_selection;
  GHashTable          *kpi_first_cells; /* CmKpi → its measure's GtkEditableLabel */
  guint                body_save_id;
  guint                versions_reload_id;
  gint64               first_unsaved_change;  /* monotonic time, for the longest wait */
  gboolean             updating;
  gboolean             save_failed;

  GtkLabel            *heading_label;
  GtkLabel            *saved_label;
  AdwViewStack        *view_stack;

  AdwEntryRow         *title_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *lead_row;
  AdwEntryRow         *term_row;
  AdwEntryRow         *budget_row;
  AdwComboRow         *route_row;
  GtkLabel            *details_error_label;
  AdwPreferencesGroup *types_group;
  GtkCheckButton      *type_checks[6];

  AdwPreferencesGroup *kpi_group;
  GtkColumnView       *kpi_view;
  GtkLabel            *kpi_empty_label;
  GtkLabel            *kpi_error_label;

  AdwLeaflet          *sections_leaflet;
  GtkListBox          *section_list;
  GtkEntry            *section_title_entry;
  GtkLabel            *section_error_label;
  GtkScrolledWindow   *body_scroller;
  GtkTextView         *body_view;
  GtkExpander         *citations_expander;
  GtkListBox          *citation_list;
  GtkMenuButton       *cite_button;
  GtkPopover          *cite_popover;
  GtkSearchEntry      *cite_search;
  GtkStack            *cite_stack;
  GtkListView         *cite_list;

  CmDemandEditor      *demand_editor;

  GtkStack            *versions_stack;
  GtkListBox          *version_list;
  GtkLabel            *view_title;
  GtkLabel            *view_legend;
  GtkTextView         *compare_view;
};

/* cm-spec-editor.c */
void     cm_spec_editor_mark_saved         (CmSpecEditor  *self,
                                            const GError  *error);
void     cm_spec_editor_update_saved_label (CmSpecEditor  *self);

/* cm-spec-editor-sections.c */
void     cm_spec_editor_sections_init      (CmSpecEditor  *self);
void     cm_spec_editor_sections_load      (CmSpecEditor  *self);
void     cm_spec_editor_sections_flush     (CmSpecEditor  *self);
void     cm_spec_editor_sections_clear     (CmSpecEditor  *self);
void     cm_spec_editor_add_section        (CmSpecEditor  *self);
void     cm_spec_editor_remove_section     (CmSpecEditor  *self);
void     cm_spec_editor_move_section       (CmSpecEditor  *self,
                                            int            direction);
void     cm_spec_editor_step_section       (CmSpecEditor  *self,
                                            int            direction);
void     cm_spec_editor_rename_section     (CmSpecEditor  *self);
void     cm_spec_editor_show_outline       (CmSpecEditor  *self);

/* cm-spec-editor-citations.c */
void     cm_spec_editor_citations_init     (CmSpecEditor  *self);
void     cm_spec_editor_citations_load     (CmSpecEditor  *self);
void     cm_spec_editor_cite_popover_show (CmSpecEditor  *self);
void     cm_spec_editor_cite_activated   (CmSpecEditor  *self,
                                          guint          position);

/* cm-spec-editor-kpis.c */
void     cm_spec_editor_kpis_init          (CmSpecEditor  *self);
void     cm_spec_editor_kpis_load          (CmSpecEditor  *self);
void     cm_spec_editor_add_kpi            (CmSpecEditor  *self);
void     cm_spec_editor_remove_kpi         (CmSpecEditor  *self);
void     cm_spec_editor_move_kpi           (CmSpecEditor  *self,
                                            int            direction);

/* cm-spec-editor-versions.c */
void     cm_spec_editor_versions_load      (CmSpecEditor  *self);
void     cm_spec_editor_show_versions      (CmSpecEditor  *self);

G_END_DECLS
