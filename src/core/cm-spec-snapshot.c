/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-spec-snapshot"

#include "config.h"

#include "cm-spec-snapshot.h"

#include <glib/gi18n.h>

#include "cm-kpi.h"
#include "cm-spec-section.h"
#include "cm-validate.h"

/* Snapshots are written as GKeyFile text: one group for the header, one
 * per section and one per KPI, numbered in order. GKeyFile escapes line
 * breaks and leading spaces, so bodies come back byte for byte. */

#define FORMAT_VERSION 1
#define HEADER_GROUP   "specification"

G_DEFINE_BOXED_TYPE (CmSpecSnapshot, cm_spec_snapshot, cm_spec_snapshot_copy,
                     cm_spec_snapshot_free)

static void
snapshot_section_free (gpointer data)
{
  CmSnapshotSection *section = data;

  g_free (section->title);
  g_free (section->body);
  g_free (section);
}

static void
snapshot_kpi_free (gpointer data)
{
  CmSnapshotKpi *kpi = data;

  g_free (kpi->measure);
  g_free (kpi->target);
  g_free (kpi->frequency);
  g_free (kpi->source);
  g_free (kpi);
}

static char *
dup_text (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

CmSpecSnapshot *
cm_spec_snapshot_new (void)
{
  CmSpecSnapshot *snapshot = g_new0 (CmSpecSnapshot, 1);

  snapshot->title = g_strdup ("");
  snapshot->lead = g_strdup ("");
  snapshot->contract_term = g_strdup ("");
  snapshot->sections = g_ptr_array_new_with_free_func (snapshot_section_free);
  snapshot->kpis = g_ptr_array_new_with_free_func (snapshot_kpi_free);

  return snapshot;
}

/**
 * cm_spec_snapshot_new_from_spec:
 * @sections: (nullable): the spec's #CmSpecSection objects, in order
 * @kpis: (nullable): the spec's #CmKpi objects, in order
 *
 * Returns: (transfer full): the specification as it is now
 */
CmSpecSnapshot *
cm_spec_snapshot_new_from_spec (CmServiceSpec *spec,
                                GListModel    *sections,
                                GListModel    *kpis)
{
  CmSpecSnapshot *snapshot;
  guint n;

  g_return_val_if_fail (CM_IS_SERVICE_SPEC (spec), NULL);

  snapshot = cm_spec_snapshot_new ();
  g_free (snapshot->title);
  snapshot->title = g_strdup (cm_service_spec_get_title (spec));
  snapshot->advocacy_types = cm_service_spec_get_advocacy_types (spec);
  snapshot->status = cm_service_spec_get_status (spec);
  g_free (snapshot->lead);
  snapshot->lead = g_strdup (cm_service_spec_get_lead (spec));
  g_free (snapshot->contract_term);
  snapshot->contract_term = g_strdup (cm_service_spec_get_contract_term (spec));
  snapshot->budget_pence = cm_service_spec_get_budget_pence (spec);
  snapshot->procurement_route = cm_service_spec_get_procurement_route (spec);

  n = sections != NULL ? g_list_model_get_n_items (sections) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmSpecSection) section = g_list_model_get_item (sections, i);

      cm_spec_snapshot_add_section (snapshot, cm_spec_section_get_id (section),
                                    cm_spec_section_get_title (section),
                                    cm_spec_section_get_body (section));
    }

  n = kpis != NULL ? g_list_model_get_n_items (kpis) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmKpi) kpi = g_list_model_get_item (kpis, i);

      cm_spec_snapshot_add_kpi (snapshot, cm_kpi_get_measure (kpi), cm_kpi_get_target (kpi),
                                cm_kpi_get_frequency (kpi), cm_kpi_get_source (kpi));
    }

  return snapshot;
}

CmSpecSnapshot *
cm_spec_snapshot_copy (const CmSpecSnapshot *snapshot)
{
  CmSpecSnapshot *copy;

  g_return_val_if_fail (snapshot != NULL, NULL);

  copy = cm_spec_snapshot_new ();
  g_free (copy->title);
  copy->title = dup_text (snapshot->title);
  copy->advocacy_types = snapshot->advocacy_types;
  copy->status = snapshot->status;
  g_free (copy->lead);
  copy->lead = dup_text (snapshot->lead);
  g_free (copy->contract_term);
  copy->contract_term = dup_text (snapshot->contract_term);
  copy->budget_pence = snapshot->budget_pence;
  copy->procurement_route = snapshot->procurement_route;

  for (guint i = 0; i < snapshot->sections->len; i++)
    {
      const CmSnapshotSection *section = g_ptr_array_index (snapshot->sections, i);

      cm_spec_snapshot_add_section (copy, section->section_id, section->title, section->body);
    }

  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      const CmSnapshotKpi *kpi = g_ptr_array_index (snapshot->kpis, i);

      cm_spec_snapshot_add_kpi (copy, kpi->measure, kpi->target, kpi->frequency, kpi->source);
    }

  return copy;
}

void
cm_spec_snapshot_free (CmSpecSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_free (snapshot->title);
  g_free (snapshot->lead);
  g_free (snapshot->contract_term);
  g_ptr_array_unref (snapshot->sections);
  g_ptr_array_unref (snapshot->kpis);
  g_free (snapshot);
}

gboolean
cm_spec_snapshot_equal (const CmSpecSnapshot *a,
                        const CmSpecSnapshot *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (g_strcmp0 (a->title, b->title) != 0 ||
      a->advocacy_types != b->advocacy_types ||
      a->status != b->status ||
      g_strcmp0 (a->lead, b->lead) != 0 ||
      g_strcmp0 (a->contract_term, b->contract_term) != 0 ||
      a->budget_pence != b->budget_pence ||
      a->procurement_route != b->procurement_route ||
      a->sections->len != b->sections->len ||
      a->kpis->len != b->kpis->len)
    return FALSE;

  for (guint i = 0; i < a->sections->len; i++)
    {
      const CmSnapshotSection *sa = g_ptr_array_index (a->sections, i);
      const CmSnapshotSection *sb = g_ptr_array_index (b->sections, i);

      if (sa->section_id != sb->section_id ||
          g_strcmp0 (sa->title, sb->title) != 0 ||
          g_strcmp0 (sa->body, sb->body) != 0)
        return FALSE;
    }

  for (guint i = 0; i < a->kpis->len; i++)
    {
      const CmSnapshotKpi *ka = g_ptr_array_index (a->kpis, i);
      const CmSnapshotKpi *kb = g_ptr_array_index (b->kpis, i);

      if (g_strcmp0 (ka->measure, kb->measure) != 0 ||
          g_strcmp0 (ka->target, kb->target) != 0 ||
          g_strcmp0 (ka->frequency, kb->frequency) != 0 ||
          g_strcmp0 (ka->source, kb->source) != 0)
        return FALSE;
    }

  return TRUE;
}

void
cm_spec_snapshot_add_section (CmSpecSnapshot *snapshot,
                              gint64          section_id,
                              const char     *title,
                              const char     *body)
{
  CmSnapshotSection *section;

  g_return_if_fail (snapshot != NULL);

  section = g_new0 (CmSnapshotSection, 1);
  section->section_id = section_id;
  section->title = dup_text (title);
  section->body = dup_text (body);
  g_ptr_array_add (snapshot->sections, section);
}

void
cm_spec_snapshot_add_kpi (CmSpecSnapshot *snapshot,
                          const char     *measure,
                          const char     *target,
                          const char     *frequency,
                          const char     *source)
{
  CmSnapshotKpi *kpi;

  g_return_if_fail (snapshot != NULL);

  kpi = g_new0 (CmSnapshotKpi, 1);
  kpi->measure = dup_text (measure);
  kpi->target = dup_text (target);
  kpi->frequency = dup_text (frequency);
  kpi->source = dup_text (source);
  g_ptr_array_add (snapshot->kpis, kpi);
}

/**
 * cm_spec_snapshot_to_string:
 *
 * Returns: (transfer full): @snapshot as text that
 *   cm_spec_snapshot_from_string() reads back exactly
 */
char *
cm_spec_snapshot_to_string (const CmSpecSnapshot *snapshot)
{
  g_autoptr(GKeyFile) key_file = NULL;

  g_return_val_if_fail (snapshot != NULL, NULL);

  key_file = g_key_file_new ();

  g_key_file_set_integer (key_file, HEADER_GROUP, "format", FORMAT_VERSION);
  g_key_file_set_string (key_file, HEADER_GROUP, "title", snapshot->title);
  g_key_file_set_uint64 (key_file, HEADER_GROUP, "advocacy-types", snapshot->advocacy_types);
  g_key_file_set_integer (key_file, HEADER_GROUP, "status", snapshot->status);
  g_key_file_set_string (key_file, HEADER_GROUP, "lead", snapshot->lead);
  g_key_file_set_string (key_file, HEADER_GROUP, "contract-term", snapshot->contract_term);
  g_key_file_set_int64 (key_file, HEADER_GROUP, "budget-pence", snapshot->budget_pence);
  g_key_file_set_integer (key_file, HEADER_GROUP, "procurement-route",
                          snapshot->procurement_route);
  g_key_file_set_integer (key_file, HEADER_GROUP, "sections", (int) snapshot->sections->len);
  g_key_file_set_integer (key_file, HEADER_GROUP, "kpis", (int) snapshot->kpis->len);

  for (guint i = 0; i < snapshot->sections->len; i++)
    {
      const CmSnapshotSection *section = g_ptr_array_index (snapshot->sections, i);
      g_autofree char *group = g_strdup_printf ("section %u", i);

      g_key_file_set_int64 (key_file, group, "id", section->section_id);
      g_key_file_set_string (key_file, group, "title", section->title);
      g_key_file_set_string (key_file, group, "body", section->body);
    }

  for (guint i = 0; i < snapshot->kpis->len; i++)
    {
      const CmSnapshotKpi *kpi = g_ptr_array_index (snapshot->kpis, i);
      g_autofree char *group = g_strdup_printf ("kpi %u", i);

      g_key_file_set_string (key_file, group, "measure", kpi->measure);
      g_key_file_set_string (key_file, group, "target", kpi->target);
      g_key_file_set_string (key_file, group, "frequency", kpi->frequency);
      g_key_file_set_string (key_file, group, "source", kpi->source);
    }

  return g_key_file_to_data (key_file, NULL, NULL);
}

static void
set_unreadable (GError     **error,
                const char  *detail)
{
  g_set_error (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT,
               /* Translators: %s says what is wrong with the saved text */
               _("The saved version of the specification could not be read: %s"), detail);
}

static char *
read_string (GKeyFile    *key_file,
             const char  *group,
             const char  *key,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *value = g_key_file_get_string (key_file, group, key, &local_error);

  if (value == NULL)
    set_unreadable (error, local_error->message);

  return value;
}

static gboolean
read_int64 (GKeyFile    *key_file,
            const char  *group,
            const char  *key,
            gint64      *value,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 read = g_key_file_get_int64 (key_file, group, key, &local_error);

  if (local_error != NULL)
    {
      set_unreadable (error, local_error->message);
      return FALSE;
    }

  *value = read;
  return TRUE;
}

/**
 * cm_spec_snapshot_from_string:
 *
 * Returns: (transfer full) (nullable): the snapshot, or %NULL with @error
 *   set (%CM_MODEL_ERROR_INVALID_TEXT) when @text is not one, or was
 *   written by a newer version
 */
CmSpecSnapshot *
cm_spec_snapshot_from_string (const char  *text,
                              GError     **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(CmSpecSnapshot) snapshot = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 format = 0, types = 0, status = 0, route = 0, n_sections = 0, n_kpis = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key_file = g_key_file_new ();
  if (text == NULL ||
      !g_key_file_load_from_data (key_file, text, -1, G_KEY_FILE_NONE, &local_error))
    {
      set_unreadable (error, local_error != NULL ? local_error->message : _("there is no text"));
      return NULL;
    }

  if (!g_key_file_has_group (key_file, HEADER_GROUP))
    {
      set_unreadable (error, _("the text is not a specification."));
      return NULL;
    }

  if (!read_int64 (key_file, HEADER_GROUP, "format", &format, error))
    return NULL;
  if (format > FORMAT_VERSION)
    {
      g_set_error_literal (error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_TEXT,
                           _("This version of the specification was saved by a newer version "
                             "of Commissioning Cycle. Update the application to open it."));
      return NULL;
    }

  snapshot = cm_spec_snapshot_new ();
  g_clear_pointer (&snapshot->title, g_free);
  g_clear_pointer (&snapshot->lead, g_free);
  g_clear_pointer (&snapshot->contract_term, g_free);

  if ((snapshot->title = read_string (key_file, HEADER_GROUP, "title", error)) == NULL ||
      (snapshot->lead = read_string (key_file, HEADER_GROUP, "lead", error)) == NULL ||
      (snapshot->contract_term = read_string (key_file, HEADER_GROUP, "contract-term",
                                              error)) == NULL ||
      !read_int64 (key_file, HEADER_GROUP, "advocacy-types", &types, error) ||
      !read_int64 (key_file, HEADER_GROUP, "status", &status, error) ||
      !read_int64 (key_file, HEADER_GROUP, "budget-pence", &snapshot->budget_pence, error) ||
      !read_int64 (key_file, HEADER_GROUP, "procurement-route", &route, error) ||
      !read_int64 (key_file, HEADER_GROUP, "sections", &n_sections, error) ||
      !read_int64 (key_file, HEADER_GROUP, "kpis", &n_kpis, error))
    return NULL;

  snapshot->advocacy_types = (CmAdvocacyTypes) types;
  snapshot->status = (CmSpecStatus) status;
  snapshot->procurement_route = (CmProcurementRoute) route;

  if (n_sections < 0 || n_kpis < 0 || n_sections > G_MAXINT || n_kpis > G_MAXINT)
    {
      set_unreadable (error, _("the number of sections is not possible."));
      return NULL;
    }

  for (gint64 i = 0; i < n_sections; i++)
    {
      g_autofree char *group = g_strdup_printf ("section %" G_GINT64_FORMAT, i);
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      gint64 id = 0;

      if (!read_int64 (key_file, group, "id", &id, error) ||
          (title = read_string (key_file, group, "title", error)) == NULL ||
          (body = read_string (key_file, group, "body", error)) == NULL)
        return NULL;

      cm_spec_snapshot_add_section (snapshot, id, title, body);
    }

  for (gint64 i = 0; i < n_kpis; i++)
    {
      g_autofree char *group = g_strdup_printf ("kpi %" G_GINT64_FORMAT, i);
      g_autofree char *measure = NULL;
      g_autofree char *target = NULL;
      g_autofree char *frequency = NULL;
      g_autofree char *source = NULL;

      if ((measure = read_string (key_file, group, "measure", error)) == NULL ||
          (target = read_string (key_file, group, "target", error)) == NULL ||
          (frequency = read_string (key_file, group, "frequency", error)) == NULL ||
          (source = read_string (key_file, group, "source", error)) == NULL)
        return NULL;

      cm_spec_snapshot_add_kpi (snapshot, measure, target, frequency, source);
    }

  return g_steal_pointer (&snapshot);
}
