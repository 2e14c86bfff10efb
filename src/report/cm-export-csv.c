/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-export-csv"

#include "config.h"

#include "cm-export-csv.h"

#include <glib/gi18n.h>

#include "cm-export-file.h"
#include "cm-summary-model.h"

#define FLUSH_SIZE (64 * 1024)

void
cm_csv_append_field (GString    *record,
                     const char *value,
                     gboolean    first)
{
  gboolean quote;

  g_return_if_fail (record != NULL);

  if (value == NULL)
    value = "";
  if (!first)
    g_string_append_c (record, ',');

  quote = strpbrk (value, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (record, '"');

  /* CSV injection: Excel, LibreOffice and Google Sheets take a cell that
   * starts with one of these as a formula, so a contribution such as
   * "=HYPERLINK(…)" would run when the file is opened. The apostrophe makes
   * them show it as text; it is the prefix they themselves use for that. */
  if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    g_string_append_c (record, '\'');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (record, '"');
      g_string_append_c (record, *p);
    }

  if (quote)
    g_string_append_c (record, '"');
}

static void
end_record (GString *record)
{
  g_string_append (record, "\r\n");
}

typedef struct
{
  CmStore       *store;
  GOutputStream *stream;
  GString       *buffer;
  GHashTable    *participants;  /* id → CmParticipant or NULL */
} Writer;

static gboolean
flush (Writer   *writer,
       gboolean  all,
       GError  **error)
{
  if (writer->buffer->len == 0 || (!all && writer->buffer->len < FLUSH_SIZE))
    return TRUE;

  if (!g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                                  NULL, NULL, error))
    return FALSE;
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

static CmParticipant *
lookup_participant (Writer *writer,
                    gint64  id)
{
  gpointer participant;

  if (!g_hash_table_lookup_extended (writer->participants, &id, NULL, &participant))
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      participant = cm_store_get_participant (writer->store, id, NULL);
      g_hash_table_insert (writer->participants, key, participant);
    }

  return participant;
}

static void
clear_participant (gpointer participant)
{
  if (participant != NULL)
    g_object_unref (participant);
}

static char *
format_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  if (date_time == NULL)
    return g_strdup ("");

  /* A form every spreadsheet reads as a date and time. */
  local = g_date_time_to_local (date_time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
write_header (Writer *writer)
{
  const char *columns[] = {
    /* Translators: column headings of the contributions CSV export */
    _("Workshop"), _("Workshop date"), _("Captured at"), _("Speaker"), _("Role"),
    _("Kind"), _("Stage"), _("Themes"), _("Pinned"), _("May be quoted"), _("Text"),
  };

  /* A byte order mark, without which Excel reads UTF-8 as the local
   * 8-bit code page and garbles accents and emoji. */
  g_string_append (writer->buffer, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    cm_csv_append_field (writer->buffer, columns[i], i == 0);
  end_record (writer->buffer);
}

static gboolean
write_workshop (Writer      *writer,
                CmWorkshop  *workshop,
                GError     **error)
{
  g_autoptr(GListModel) contributions = NULL;
  g_autofree char *workshop_date = format_time (cm_workshop_get_starts_at (workshop));
  guint n;

  contributions = cm_store_list_contributions (writer->store, cm_workshop_get_id (workshop),
                                               error);
  if (contributions == NULL)
    return FALSE;

  n = g_list_model_get_n_items (contributions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmContribution) contribution = g_list_model_get_item (contributions, i);
      gint64 participant_id = cm_contribution_get_participant_id (contribution);
      g_autofree char *captured = format_time (cm_contribution_get_captured_at (contribution));
      g_autofree char *speaker = NULL;
      g_autofree char *themes = NULL;
      const char *role = "";
      CmStage stage = cm_contribution_get_stage (contribution);
      gboolean quotable = TRUE;

      if (participant_id == 0)
        speaker = g_strdup (_("The room"));
      else
        {
          CmParticipant *participant = lookup_participant (writer, participant_id);

          if (participant != NULL)
            {
              /* Consent applied: the name only with named consent. */
              speaker = cm_participant_dup_attribution (participant, TRUE);
              role = cm_participant_role_to_label (cm_participant_get_role (participant));
              quotable = cm_participant_may_be_quoted (participant);
            }
          else
            {
              speaker = g_strdup (_("A participant"));
              quotable = FALSE;
            }
        }

      themes = g_strjoinv (" ", (char **) cm_contribution_get_themes (contribution));

      cm_csv_append_field (writer->buffer, cm_workshop_get_title (workshop), TRUE);
      cm_csv_append_field (writer->buffer, workshop_date, FALSE);
      cm_csv_append_field (writer->buffer, captured, FALSE);
      cm_csv_append_field (writer->buffer, speaker, FALSE);
      cm_csv_append_field (writer->buffer, role, FALSE);
      cm_csv_append_field (writer->buffer,
                           cm_contribution_kind_to_label (cm_contribution_get_kind (contribution)),
                           FALSE);
      cm_csv_append_field (writer->buffer, stage == CM_STAGE_NONE ? "" : cm_stage_to_label (stage),
                           FALSE);
      cm_csv_append_field (writer->buffer, themes, FALSE);
      cm_csv_append_field (writer->buffer,
                           cm_contribution_get_pinned (contribution) ? _("Yes") : _("No"), FALSE);
      cm_csv_append_field (writer->buffer, quotable ? _("Yes") : _("No"), FALSE);
      cm_csv_append_field (writer->buffer, cm_contribution_get_text (contribution), FALSE);
      end_record (writer->buffer);

      if (!flush (writer, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
cm_export_contributions_csv (CmStore        *store,
                             gint64          cycle_id,
                             gint64          workshop_id,
                             GOutputStream  *stream,
                             GError        **error)
{
  Writer writer = { store, stream, NULL, NULL };
  gboolean ok = TRUE;

  g_return_val_if_fail (CM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cycle_id > 0 || workshop_id > 0, FALSE);

  writer.buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  writer.participants = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               clear_participant);
  write_header (&writer);

  if (workshop_id > 0)
    {
      g_autoptr(CmWorkshop) workshop = cm_store_get_workshop (store, workshop_id, error);

      ok = workshop != NULL && write_workshop (&writer, workshop, error);
    }
  else
    {
      g_autoptr(GListModel) workshops = cm_store_list_workshops (store, cycle_id, error);
      guint n = workshops != NULL ? g_list_model_get_n_items (workshops) : 0;

      ok = workshops != NULL;
      for (guint i = 0; ok && i < n; i++)
        {
          g_autoptr(CmWorkshop) workshop = g_list_model_get_item (workshops, i);
          ok = write_workshop (&writer, workshop, error);
        }
    }

  ok = ok && flush (&writer, TRUE, error);

  g_hash_table_unref (writer.participants);
  g_string_free (writer.buffer, TRUE);
  return ok;
}

gboolean
cm_export_contributions_csv_to_path (CmStore     *store,
                                     gint64       cycle_id,
                                     gint64       workshop_id,
                                     const char  *path,
                                     GError     **error)
{
  CmExportFile export = { 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean written;

  g_return_val_if_fail (CM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!cm_export_file_open (&export, path, error))
    return FALSE;

  written = cm_export_contributions_csv (store, cycle_id, workshop_id,
                                         G_OUTPUT_STREAM (export.stream), &local_error);
  if (!written)
    g_set_error (error, local_error->domain, local_error->code,
                 /* Translators: the first %s is a file name, the second the reason */
                 _("Could not write “%s”: %s"), path, local_error->message);

  return cm_export_file_close (&export, written, written ? error : NULL) && written;
}
