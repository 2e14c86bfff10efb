/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-store-schema"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-store-private.h"

/* The schema grows by forward migrations only. Each step takes the file
 * from version N-1 to N inside one transaction and records N in
 * PRAGMA user_version, so a crash leaves either the old or the new schema.
 * Never edit a step that has shipped; add another. */

static const char migration_1[] =
  "CREATE TABLE cycle ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  service_area TEXT NOT NULL DEFAULT '',"
  "  period_start TEXT,"
  "  period_end TEXT,"
  "  lead_officer TEXT NOT NULL DEFAULT '',"
  "  current_stage INTEGER NOT NULL DEFAULT 0,"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE activity ("
  "  id INTEGER PRIMARY KEY,"
  "  cycle_id INTEGER NOT NULL REFERENCES cycle (id) ON DELETE CASCADE,"
  "  stage INTEGER NOT NULL,"
  "  ring INTEGER NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  status INTEGER NOT NULL DEFAULT 0,"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  due_date TEXT,"
  "  evidence_notes TEXT NOT NULL DEFAULT '',"
  "  coproduction_level INTEGER NOT NULL DEFAULT 0,"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX activity_by_cycle ON activity (cycle_id, stage, ring, position);"
  "CREATE TABLE service_spec ("
  "  id INTEGER PRIMARY KEY,"
  "  cycle_id INTEGER NOT NULL REFERENCES cycle (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  advocacy_types INTEGER NOT NULL DEFAULT 0,"
  "  status INTEGER NOT NULL DEFAULT 0,"
  "  lead TEXT NOT NULL DEFAULT '',"
  "  contract_term TEXT NOT NULL DEFAULT '',"
  "  budget_pence INTEGER NOT NULL DEFAULT 0,"
  "  procurement_route INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  updated_at TEXT,"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX spec_by_cycle ON service_spec (cycle_id);"
  "CREATE TABLE spec_section ("
  "  id INTEGER PRIMARY KEY,"
  "  spec_id INTEGER NOT NULL REFERENCES service_spec (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL DEFAULT '',"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX section_by_spec ON spec_section (spec_id, position);"
  "CREATE TABLE kpi ("
  "  id INTEGER PRIMARY KEY,"
  "  spec_id INTEGER NOT NULL REFERENCES service_spec (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  measure TEXT NOT NULL,"
  "  target TEXT NOT NULL DEFAULT '',"
  "  frequency TEXT NOT NULL DEFAULT '',"
  "  source TEXT NOT NULL DEFAULT '',"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX kpi_by_spec ON kpi (spec_id, position);"
  "CREATE TABLE workshop ("
  "  id INTEGER PRIMARY KEY,"
  "  cycle_id INTEGER NOT NULL REFERENCES cycle (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  starts_at TEXT,"
  "  venue TEXT NOT NULL DEFAULT '',"
  "  facilitator TEXT NOT NULL DEFAULT '',"
  "  purpose TEXT NOT NULL DEFAULT '',"
  "  access_arrangements TEXT NOT NULL DEFAULT '',"
  "  state INTEGER NOT NULL DEFAULT 0,"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX workshop_by_cycle ON workshop (cycle_id);"
  "CREATE TABLE participant ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  role INTEGER NOT NULL DEFAULT 0,"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  access_needs TEXT NOT NULL DEFAULT '',"
  "  consent INTEGER NOT NULL DEFAULT 1,"
  "  payment_notes TEXT NOT NULL DEFAULT '',"
  "  erased INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE attendance ("
  "  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,"
  "  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (workshop_id, participant_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE contribution ("
  "  id INTEGER PRIMARY KEY,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,"
  "  participant_id INTEGER REFERENCES participant (id) ON DELETE SET NULL,"
  "  text TEXT NOT NULL,"
  "  kind INTEGER NOT NULL DEFAULT 0,"
  "  stage INTEGER NOT NULL DEFAULT -1,"
  "  themes TEXT NOT NULL DEFAULT '',"
  "  captured_at TEXT,"
  "  pinned INTEGER NOT NULL DEFAULT 0,"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX contribution_by_workshop ON contribution (workshop_id, id);"
  "CREATE INDEX contribution_by_participant ON contribution (participant_id);"
  "CREATE TABLE action ("
  "  id INTEGER PRIMARY KEY,"
  "  cycle_id INTEGER NOT NULL REFERENCES cycle (id) ON DELETE CASCADE,"
  "  response TEXT NOT NULL DEFAULT '',"
  "  state INTEGER NOT NULL DEFAULT 0,"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  due_date TEXT,"
  "  activity_id INTEGER REFERENCES activity (id) ON DELETE SET NULL,"
  "  section_id INTEGER REFERENCES spec_section (id) ON DELETE SET NULL,"
  "  trashed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX action_by_cycle ON action (cycle_id);"
  "CREATE TABLE action_contribution ("
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  contribution_id INTEGER NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (action_id, contribution_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX action_by_contribution ON action_contribution (contribution_id);"
  /* Full-text search reads the tables themselves (external content), kept
   * current by triggers, so no text is stored twice. */
  "CREATE VIRTUAL TABLE activity_fts USING fts5 ("
  "  title, description, evidence_notes,"
  "  content='activity', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER activity_fts_insert AFTER INSERT ON activity BEGIN"
  "  INSERT INTO activity_fts (rowid, title, description, evidence_notes)"
  "  VALUES (new.id, new.title, new.description, new.evidence_notes);"
  "END;"
  "CREATE TRIGGER activity_fts_delete AFTER DELETE ON activity BEGIN"
  "  INSERT INTO activity_fts (activity_fts, rowid, title, description, evidence_notes)"
  "  VALUES ('delete', old.id, old.title, old.description, old.evidence_notes);"
  "END;"
  "CREATE TRIGGER activity_fts_update AFTER UPDATE OF title, description, evidence_notes"
  "  ON activity BEGIN"
  "  INSERT INTO activity_fts (activity_fts, rowid, title, description, evidence_notes)"
  "  VALUES ('delete', old.id, old.title, old.description, old.evidence_notes);"
  "  INSERT INTO activity_fts (rowid, title, description, evidence_notes)"
  "  VALUES (new.id, new.title, new.description, new.evidence_notes);"
  "END;"
  "CREATE VIRTUAL TABLE section_fts USING fts5 ("
  "  title, body,"
  "  content='spec_section', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER section_fts_insert AFTER INSERT ON spec_section BEGIN"
  "  INSERT INTO section_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TRIGGER section_fts_delete AFTER DELETE ON spec_section BEGIN"
  "  INSERT INTO section_fts (section_fts, rowid, title, body)"
  "  VALUES ('delete', old.id, old.title, old.body);"
  "END;"
  "CREATE TRIGGER section_fts_update AFTER UPDATE OF title, body ON spec_section BEGIN"
  "  INSERT INTO section_fts (section_fts, rowid, title, body)"
  "  VALUES ('delete', old.id, old.title, old.body);"
  "  INSERT INTO section_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE VIRTUAL TABLE contribution_fts USING fts5 ("
  "  text, themes,"
  "  content='contribution', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER contribution_fts_insert AFTER INSERT ON contribution BEGIN"
  "  INSERT INTO contribution_fts (rowid, text, themes) VALUES (new.id, new.text, new.themes);"
  "END;"
  "CREATE TRIGGER contribution_fts_delete AFTER DELETE ON contribution BEGIN"
  "  INSERT INTO contribution_fts (contribution_fts, rowid, text, themes)"
  "  VALUES ('delete', old.id, old.text, old.themes);"
  "END;"
  "CREATE TRIGGER contribution_fts_update AFTER UPDATE OF text, themes ON contribution BEGIN"
  "  INSERT INTO contribution_fts (contribution_fts, rowid, text, themes)"
  "  VALUES ('delete', old.id, old.text, old.themes);"
  "  INSERT INTO contribution_fts (rowid, text, themes) VALUES (new.id, new.text, new.themes);"
  "END;";

/* Version 2: specification versions, the demand model and citations of
 * workshop contributions from specification sections. */
static const char migration_2[] =
  "ALTER TABLE service_spec ADD COLUMN demand_model TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE spec_version ("
  "  id INTEGER PRIMARY KEY,"
  "  spec_id INTEGER NOT NULL REFERENCES service_spec (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  recorded_at TEXT NOT NULL,"
  "  snapshot TEXT NOT NULL,"
  "  UNIQUE (spec_id, version)"
  ");"
  "CREATE TABLE section_citation ("
  "  section_id INTEGER NOT NULL REFERENCES spec_section (id) ON DELETE CASCADE,"
  "  contribution_id INTEGER NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (section_id, contribution_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX citation_by_contribution ON section_citation (contribution_id);";

/* Version 3: emptying the trash at start-up finds trashed rows through
 * small partial indexes instead of reading every table, and the full-text
 * indexes gain prefix indexes, so that a search typed a few letters at a
 * time ("adv", "advo") does not merge the entries of every word that
 * begins that way. */
#define PREFIXED_FTS(table, columns, content)                                        \
  "DROP TABLE " table ";"                                                            \
  "CREATE VIRTUAL TABLE " table " USING fts5 (" columns ","                          \
  "  content='" content "', content_rowid='id', prefix='2 3 4 5 6',"                     \
  "  tokenize='unicode61 remove_diacritics 2');"                                     \
  "INSERT INTO " table " (" table ") VALUES ('rebuild');"

static const char migration_3[] =
  PREFIXED_FTS ("activity_fts", "title, description, evidence_notes", "activity")
  PREFIXED_FTS ("section_fts", "title, body", "spec_section")
  PREFIXED_FTS ("contribution_fts", "text, themes", "contribution")
  "CREATE INDEX cycle_trashed ON cycle (id) WHERE trashed = 1;"
  "CREATE INDEX activity_trashed ON activity (id) WHERE trashed = 1;"
  "CREATE INDEX spec_trashed ON service_spec (id) WHERE trashed = 1;"
  "CREATE INDEX section_trashed ON spec_section (id) WHERE trashed = 1;"
  "CREATE INDEX kpi_trashed ON kpi (id) WHERE trashed = 1;"
  "CREATE INDEX workshop_trashed ON workshop (id) WHERE trashed = 1;"
  "CREATE INDEX contribution_trashed ON contribution (id) WHERE trashed = 1;"
  "CREATE INDEX action_trashed ON action (id) WHERE trashed = 1;";

static const char * const migrations[] = {
  NULL,          /* version 0: an empty file */
  migration_1,
  migration_2,
  migration_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CM_STORE_SCHEMA_VERSION + 1);

static gboolean
run_migration (CmStore  *self,
               int       version,
               GError  **error)
{
  g_autofree char *set_version = NULL;
  g_autoptr(GError) local_error = NULL;

  g_debug ("Migrating %s to schema version %d", self->path, version);

  if (!cm_store_begin (self, error))
    return FALSE;

  set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!cm_store_exec (self, migrations[version], &local_error) ||
      !cm_store_exec (self, set_version, &local_error) ||
      !cm_store_commit (self, &local_error))
    {
      g_autofree char *detail = g_strdup (sqlite3_errmsg (self->db));

      if (self->transaction_depth > 0)
        cm_store_rollback (self);

      /* A full disk, a lock or a read-only file already say what to do;
       * SQL that fails means the file holds something this step did not
       * expect, and SQLite's words alone would not help. */
      if (g_error_matches (local_error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED) ||
          g_error_matches (local_error, CM_STORE_ERROR, CM_STORE_ERROR_INVALID))
        {
          g_autofree char *shown = g_filename_display_name (self->path);

          g_set_error (error, CM_STORE_ERROR, CM_STORE_ERROR_FAILED,
                       /* Translators: the first %s is a file, the second a technical
                        * detail from the database engine */
                       _("“%s” could not be brought up to date for this version of "
                         "Commissioning Cycle (%s). Nothing in it was lost; please report "
                         "the problem, and go on using the version of the app that saved it."),
                       shown, detail);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->schema_version = version;
  return TRUE;
}

/* Exposed for tests, which build old files to migrate. */
gboolean
cm_store_migrate_to (CmStore  *self,
                     int       target_version,
                     GError  **error)
{
  g_return_val_if_fail (target_version <= CM_STORE_SCHEMA_VERSION, FALSE);

  for (int version = self->schema_version + 1; version <= target_version; version++)
    {
      if (!run_migration (self, version, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
cm_store_migrate (CmStore  *self,
                  GError  **error)
{
  return cm_store_migrate_to (self, CM_STORE_SCHEMA_VERSION, error);
}
