/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-spec-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-money.h"
#include "cm-spec-compare.h"
#include "cm-spec-editor-private.h"
#include "cm-toast.h"
#include "cm-store-specs.h"

/* Versions: the list of recorded versions, one version read on its own,
 * and a version compared with the specification as it is now, section by
 * section. Added text is underlined and removed text struck through (and
 * shaded), so the marks do not rely on colour; each section's heading says
 * in words what happened to it. Long unchanged stretches inside a changed
 * section are shortened to their ends. */

#define KEEP_CONTEXT_CHARS 300

static char *
format_recorded (GDateTime *recorded_at)
{
  g_autoptr(GDateTime) local = NULL;

  if (recorded_at == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (recorded_at);
  /* Translators: when a version was recorded, see the strftime manual */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* Text with tags ------------------------------------------------------------ */

static GtkTextBuffer *
prepare_buffer (CmSpecEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->compare_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (table, "heading") == NULL)
    {
      GdkRGBA added = { 0.18, 0.76, 0.49, 0.28 };
      GdkRGBA removed = { 0.88, 0.11, 0.14, 0.22 };

      gtk_text_buffer_create_tag (buffer, "title", "weight", PANGO_WEIGHT_BOLD, "scale", 1.3,
                                  "pixels-below-lines", 6, NULL);
      gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD,
                                  "scale", 1.1, "pixels-above-lines", 14,
                                  "pixels-below-lines", 4, NULL);
      gtk_text_buffer_create_tag (buffer, "note", "style", PANGO_STYLE_ITALIC, NULL);
      gtk_text_buffer_create_tag (buffer, "label", "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
      gtk_text_buffer_create_tag (buffer, "added", "underline", PANGO_UNDERLINE_SINGLE,
                                  "background-rgba", &added, NULL);
      gtk_text_buffer_create_tag (buffer, "removed", "strikethrough", TRUE,
                                  "background-rgba", &removed, NULL);
    }

  gtk_text_buffer_set_text (buffer, "", 0);
  return buffer;
}

static void
append (GtkTextBuffer *buffer,
        const char    *text,
        const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, -1);
}

static void
append_line (GtkTextBuffer *buffer,
             const char    *text,
             const char    *tag)
{
  append (buffer, text, tag);
  append (buffer, "\n", NULL);
}

static void
append_field (GtkTextBuffer *buffer,
              const char    *label,
              const char    *value)
{
  /* Translators: a field's name before its value, e.g. "Status: " */
  g_autofree char *name = g_strdup_printf (_("%s: "), label);

  append (buffer, name, "label");
  append_line (buffer, *value != '\0' ? value : "—", NULL);
}

static char *
describe_types (CmAdvocacyTypes types)
{
  static const CmAdvocacyTypes all[] = {
    CM_ADVOCACY_CARE_ACT, CM_ADVOCACY_IMCA, CM_ADVOCACY_IMHA, CM_ADVOCACY_PAID_RPR,
    CM_ADVOCACY_NHS_COMPLAINTS, CM_ADVOCACY_GENERAL,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (types & all[i])
        g_string_append_printf (text, "%s%s", text->len ? ", " : "",
                                cm_advocacy_type_to_label (all[i]));
    }

  return g_strdup (text->len ? text->str : cm_advocacy_type_to_label (CM_ADVOCACY_NONE));
}

/* One version on its own ------------------------------------------------------ */

static void
show_snapshot (CmSpecEditor         *self,
               const CmSpecSnapshot *snapshot)
{
  GtkTextBuffer *buffer = prepare_buffer (self);
  g_autofree char *types = describe_types (snapshot->advocacy_types);
  g_autofree char *budget = cm_money_format (snapshot->budget_pence);

  append_line (buffer, snapshot->title, "title");
  append_field (buffer, _("Status"), cm_spec_status_to_label (snapshot->status));
  append_field (buffer, _("Advocacy types"), types);
  append_field (buffer, _("Lead"), snapshot->lead);
  append_field (buffer, _("Contract term"), snapshot->contract_term);
  append_field (buffer, _("Budget a year"), budget);
  append_field (buffer, _("Procurement route"),
                cm_procurement_route_to_label (snapshot->procurement_route));

  for (guint i = 0; i < snapshot->sections->len; i++)
    {
      const CmSnapshotSection *section = g_ptr_array_index (snapshot->sections, i);

      append_line (buffer, section->title, "heading");
      append_line (buffer, section->body, NULL);
    }

  append_line (buffer, _("Key performance indicators"), "heading");
  if (snapshot->kpis->len == 0)
    append_line (buffer, _("None"), "note");
  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      const CmSnapshotKpi *kpi = g_ptr_array_index (snapshot->kpis, i);
      g_autofree char *line = NULL;

      /* Translators: one KPI: measure, target, frequency and source */
      line = g_strdup_printf (_("%s · %s · %s · %s"), kpi->measure, kpi->target, kpi->frequency,
                              kpi->source);
      append_line (buffer, line, NULL);
    }
}

/* A comparison -------------------------------------------------------------- */

static char *
describe_change (const CmSectionChange *change)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *title = change->new_title != NULL ? change->new_title : change->old_title;
  g_autofree char *joined = NULL;

  switch (change->kind)
    {
    case CM_SECTION_ADDED:
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("added (%u word)", "added (%u words)",
                                                         change->words_added),
                                               change->words_added));
      break;
    case CM_SECTION_REMOVED:
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("removed (%u word)",
                                                         "removed (%u words)",
                                                         change->words_removed),
                                               change->words_removed));
      break;
    case CM_SECTION_UNCHANGED:
      g_ptr_array_add (parts, g_strdup (_("unchanged")));
      break;
    case CM_SECTION_CHANGED:
    default:
      if (change->renamed)
        /* Translators: %s is the section's earlier title */
        g_ptr_array_add (parts, g_strdup_printf (_("renamed from “%s”"), change->old_title));
      if (change->moved)
        g_ptr_array_add (parts, g_strdup (_("moved")));
      if (change->text_changed)
        {
          g_autofree char *added = g_strdup_printf (ngettext ("%u word added",
                                                              "%u words added",
                                                              change->words_added),
                                                    change->words_added);

          /* Translators: e.g. "12 words added, 3 removed" */
          g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s, %u removed",
                                                             "%s, %u removed",
                                                             change->words_removed),
                                                   added, change->words_removed));
        }
      break;
    }

  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv ("; ", (char **) parts->pdata);
  /* Translators: a section's heading in a comparison: its title, then what changed */
  return g_strdup_printf (_("%s — %s"), title, joined);
}

static void
append_spans (GtkTextBuffer *buffer,
              GPtrArray     *spans,
              gboolean       shorten)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const CmDiffSpan *span = g_ptr_array_index (spans, i);
      glong length;

      if (span->op == CM_DIFF_ADDED)
        {
          append (buffer, span->text, "added");
          continue;
        }
      if (span->op == CM_DIFF_REMOVED)
        {
          append (buffer, span->text, "removed");
          continue;
        }

      length = g_utf8_strlen (span->text, -1);
      if (!shorten || length <= 3 * KEEP_CONTEXT_CHARS)
        {
          append (buffer, span->text, NULL);
          continue;
        }

      /* Keep the ends of a long unchanged stretch around the changes. */
      {
        const char *head_end = g_utf8_offset_to_pointer (span->text,
                                                         i > 0 ? KEEP_CONTEXT_CHARS : 0);
        const char *tail_start = g_utf8_offset_to_pointer (span->text,
                                                           i + 1 < spans->len
                                                           ? length - KEEP_CONTEXT_CHARS
                                                           : length);
        g_autofree char *head = g_strndup (span->text, head_end - span->text);

        append (buffer, head, NULL);
        append (buffer, "\n", NULL);
        append (buffer, _("[… unchanged text left out …]"), "note");
        append (buffer, "\n", NULL);
        append (buffer, tail_start, NULL);
      }
    }
}

static void
show_comparison (CmSpecEditor           *self,
                 CmSpecVersion          *version,
                 const CmSpecComparison *comparison)
{
  GtkTextBuffer *buffer = prepare_buffer (self);
  guint changed = cm_spec_comparison_count_changed (comparison);
  g_autofree char *summary = NULL;

  if (cm_spec_comparison_is_empty (comparison))
    {
      append_line (buffer, _("Nothing has changed since this version."), "note");
      return;
    }

  if (comparison->fields->len > 0)
    {
      append_line (buffer, _("Details"), "heading");
      for (guint i = 0; i < comparison->fields->len; i++)
        {
          const CmFieldChange *field = g_ptr_array_index (comparison->fields, i);
          /* Translators: a field's name before its old and new values */
          g_autofree char *name = g_strdup_printf (_("%s: "), field->label);

          append (buffer, name, "label");
          append (buffer, *field->old_value != '\0' ? field->old_value : "—", "removed");
          append (buffer, " → ", NULL);
          append_line (buffer, *field->new_value != '\0' ? field->new_value : "—", "added");
        }
    }

  /* Translators: %u is a number of sections */
  summary = g_strdup_printf (ngettext ("%u section changed.", "%u sections changed.", changed),
                             changed);
  append_line (buffer, summary, "note");

  for (guint i = 0; i < comparison->sections->len; i++)
    {
      const CmSectionChange *change = g_ptr_array_index (comparison->sections, i);
      g_autofree char *heading = describe_change (change);

      append_line (buffer, heading, "heading");
      if (change->kind == CM_SECTION_UNCHANGED || (!change->text_changed &&
                                                   change->kind == CM_SECTION_CHANGED))
        continue;

      append_spans (buffer, change->spans, change->kind == CM_SECTION_CHANGED);
      append (buffer, "\n", NULL);
    }

  if (comparison->kpis->kind != CM_SECTION_UNCHANGED)
    {
      g_autofree char *heading = describe_change (comparison->kpis);

      append_line (buffer, heading, "heading");
      append_spans (buffer, comparison->kpis->spans, FALSE);
    }

  (void) version;
}

/* The list ----------------------------------------------------------------- */

static void
open_view (CmSpecEditor *self,
           const char   *title)
{
  GtkTextIter start;

  gtk_label_set_label (self->view_title, title);
  gtk_stack_set_visible_child_name (self->versions_stack, "view");
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (self->compare_view), &start);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (self->compare_view), &start);
  gtk_widget_grab_focus (GTK_WIDGET (self->compare_view));
}

static void
on_view_clicked (GtkButton    *button,
                 CmSpecEditor *self)
{
  CmSpecVersion *version = g_object_get_data (G_OBJECT (button), "version");
  g_autoptr(CmSpecSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  snapshot = cm_store_load_spec_version (self->store, cm_spec_version_get_spec_id (version),
                                         cm_spec_version_get_version (version), &error);
  if (snapshot == NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  show_snapshot (self, snapshot);
  gtk_widget_set_visible (GTK_WIDGET (self->view_legend), FALSE);
  /* Translators: %u is a version number */
  title = g_strdup_printf (_("Version %u"), cm_spec_version_get_version (version));
  open_view (self, title);
}

static void
on_compare_clicked (GtkButton    *button,
                    CmSpecEditor *self)
{
  CmSpecVersion *version = g_object_get_data (G_OBJECT (button), "version");
  g_autoptr(CmSpecSnapshot) older = NULL;
  g_autoptr(CmSpecSnapshot) now = NULL;
  g_autoptr(CmSpecComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  cm_spec_editor_flush (self);

  older = cm_store_load_spec_version (self->store, cm_spec_version_get_spec_id (version),
                                      cm_spec_version_get_version (version), &error);
  if (older != NULL)
    now = cm_store_snapshot_spec (self->store, self->spec, &error);
  if (now == NULL)
    {
      cm_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  comparison = cm_spec_compare (older, now);
  show_comparison (self, version, comparison);
  gtk_widget_set_visible (GTK_WIDGET (self->view_legend), TRUE);
  /* Translators: %u is a version number */
  title = g_strdup_printf (_("Changes since version %u"), cm_spec_version_get_version (version));
  open_view (self, title);
}

static GtkWidget *
version_button (CmSpecEditor  *self,
                CmSpecVersion *version,
                const char    *label,
                const char    *tooltip,
                GCallback      callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "version", g_object_ref (version), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
create_version_row (gpointer item,
                    gpointer user_data)
{
  CmSpecEditor *self = user_data;
  CmSpecVersion *version = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *title = NULL;
  g_autofree char *when = format_recorded (cm_spec_version_get_recorded_at (version));
  g_autofree char *view_tip = NULL;
  g_autofree char *compare_tip = NULL;
  guint number = cm_spec_version_get_version (version);

  /* Translators: a recorded version: its number and the status it moved to */
  title = g_strdup_printf (_("Version %u · %s"), number,
                           cm_spec_status_to_label (cm_spec_version_get_status (version)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);

  /* Translators: tooltips of the buttons of a version; %u is its number */
  view_tip = g_strdup_printf (_("Read Version %u"), number);
  compare_tip = g_strdup_printf (_("Compare Version %u with the Current Specification"), number);
  gtk_box_append (GTK_BOX (buttons),
                  version_button (self, version, _("_Read"), view_tip,
                                  G_CALLBACK (on_view_clicked)));
  gtk_box_append (GTK_BOX (buttons),
                  version_button (self, version, _("_Compare"), compare_tip,
                                  G_CALLBACK (on_compare_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);

  return row;
}

void
cm_spec_editor_versions_load (CmSpecEditor *self)
{
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *placeholder;

  if (self->spec != NULL && self->store != NULL)
    versions = cm_store_list_spec_versions (self->store, cm_service_spec_get_id (self->spec),
                                            &error);
  if (error != NULL)
    cm_toast_show_message (GTK_WIDGET (self), error->message);

  placeholder = gtk_label_new (_("No versions yet. Moving the specification to consultation "
                                 "records the first."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->version_list, placeholder);

  gtk_list_box_bind_model (self->version_list, versions, create_version_row, self, NULL);
}

void
cm_spec_editor_show_versions (CmSpecEditor *self)
{
  gtk_stack_set_visible_child_name (self->versions_stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->version_list));
}
