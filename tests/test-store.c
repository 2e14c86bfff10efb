/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "cm-date.h"
#include "cm-store.h"
#include "cm-validate.h"

/* Every test gets a fresh folder and database. Values are checked after
 * closing and reopening the store, so they come from the file and not from
 * objects still held in memory. A few checks read the file with SQLite
 * directly, to see what the store's API cannot show (NULLs, deleted rows). */

/* ---------------------------------------------------------------------------
 * Fixture
 * ------------------------------------------------------------------------- */

typedef struct
{
  char    *dir;
  char    *path;
  CmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "commissioning.db", NULL);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (CM_IS_STORE (fixture->store));
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_unlink (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Nothing the store hands out may keep it alive. */
  if (fixture->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->store));

  remove_folder (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
fixture_close (Fixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
}

static void
fixture_reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  if (fixture->store != NULL)
    fixture_close (fixture);

  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (CM_IS_STORE (fixture->store));
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* ---------------------------------------------------------------------------
 * Reading the file directly
 * ------------------------------------------------------------------------- */

static gint64
query_file (const char *path,
            const char *sql,
            gint64      parameter)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, parameter);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize needle_length = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (contents + i, needle, needle_length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* ---------------------------------------------------------------------------
 * Building objects
 * ------------------------------------------------------------------------- */

static CmCycle *
add_cycle (CmStore    *store,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  CmCycle *cycle = cm_cycle_new ();

  cm_cycle_set_title (cycle, title);
  g_assert_true (cm_store_add_cycle (store, cycle, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_cycle_get_id (cycle), >, 0);

  return cycle;
}

static CmCycle *
add_templated_cycle (CmStore    *store,
                     const char *title)
{
  g_autoptr(GError) error = NULL;
  CmCycle *cycle = cm_cycle_new ();

  cm_cycle_set_title (cycle, title);
  g_assert_true (cm_store_add_cycle_from_default_template (store, cycle, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_cycle_get_id (cycle), >, 0);

  return cycle;
}

static CmActivity *
add_activity (CmStore    *store,
              gint64      cycle_id,
              CmStage     stage,
              CmRing      ring,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  CmActivity *activity = cm_activity_new ();

  cm_activity_set_cycle_id (activity, cycle_id);
  cm_activity_set_stage (activity, stage);
  cm_activity_set_ring (activity, ring);
  cm_activity_set_title (activity, title);
  g_assert_true (cm_store_add_activity (store, activity, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_activity_get_id (activity), >, 0);

  return activity;
}

static CmServiceSpec *
add_spec (CmStore    *store,
          gint64      cycle_id,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  CmServiceSpec *spec = cm_service_spec_new ();

  cm_service_spec_set_cycle_id (spec, cycle_id);
  cm_service_spec_set_title (spec, title);
  g_assert_true (cm_store_add_spec (store, spec, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_service_spec_get_id (spec), >, 0);

  return spec;
}

static CmSpecSection *
add_section (CmStore    *store,
             gint64      spec_id,
             const char *title,
             const char *body)
{
  g_autoptr(GError) error = NULL;
  CmSpecSection *section = cm_spec_section_new ();

  cm_spec_section_set_spec_id (section, spec_id);
  cm_spec_section_set_title (section, title);
  cm_spec_section_set_body (section, body);
  g_assert_true (cm_store_add_section (store, section, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_spec_section_get_id (section), >, 0);

  return section;
}

static CmKpi *
add_kpi (CmStore    *store,
         gint64      spec_id,
         const char *measure)
{
  g_autoptr(GError) error = NULL;
  CmKpi *kpi = cm_kpi_new ();

  cm_kpi_set_spec_id (kpi, spec_id);
  cm_kpi_set_measure (kpi, measure);
  g_assert_true (cm_store_add_kpi (store, kpi, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_kpi_get_id (kpi), >, 0);

  return kpi;
}

static CmWorkshop *
add_workshop (CmStore    *store,
              gint64      cycle_id,
              const char *title)
{
  g_autoptr(GError) error = NULL;
  CmWorkshop *workshop = cm_workshop_new ();

  cm_workshop_set_cycle_id (workshop, cycle_id);
  cm_workshop_set_title (workshop, title);
  g_assert_true (cm_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_workshop_get_id (workshop), >, 0);

  return workshop;
}

static CmParticipant *
add_participant (CmStore    *store,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  CmParticipant *participant = cm_participant_new ();

  cm_participant_set_name (participant, name);
  g_assert_true (cm_store_add_participant (store, participant, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_participant_get_id (participant), >, 0);

  return participant;
}

static CmContribution *
add_contribution (CmStore    *store,
                  gint64      workshop_id,
                  gint64      participant_id,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  CmContribution *contribution = cm_contribution_new ();

  cm_contribution_set_workshop_id (contribution, workshop_id);
  cm_contribution_set_participant_id (contribution, participant_id);
  cm_contribution_set_text (contribution, text);
  g_assert_true (cm_store_add_contribution (store, contribution, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_contribution_get_id (contribution), >, 0);

  return contribution;
}

static CmAction *
add_action (CmStore    *store,
            gint64      cycle_id,
            const char *response)
{
  g_autoptr(GError) error = NULL;
  CmAction *action = cm_action_new ();

  cm_action_set_cycle_id (action, cycle_id);
  cm_action_set_response (action, response);
  g_assert_true (cm_store_add_action (store, action, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_action_get_id (action), >, 0);

  return action;
}

static GDate *
date_new (int        day,
          GDateMonth month,
          int        year)
{
  return g_date_new_dmy ((GDateDay) day, month, (GDateYear) year);
}

/* ---------------------------------------------------------------------------
 * Lists
 * ------------------------------------------------------------------------- */

static gpointer
list_item (GListModel *model,
           guint       position)
{
  /* The list holds a reference; hand back a borrowed pointer. */
  GObject *item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  g_object_unref (item);
  return item;
}

static int
list_index_of (GListModel *model,
               gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (list_item (model, i) == item)
        return (int) i;
    }

  return -1;
}

static gint64
item_id (gpointer item)
{
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  return id;
}

static guint
item_position (gpointer item)
{
  guint position = 0;

  g_object_get (item, "position", &position, NULL);
  return position;
}

/* Positions only grow along the list: a group left with a gap (by the
 * trash, or by an activity moved to another stage) keeps its order. */
static void
assert_positions_increasing (GListModel *model)
{
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    g_assert_cmpuint (item_position (list_item (model, i - 1)), <,
                      item_position (list_item (model, i)));
}

/* Positions in the list are 0, 1, 2… in order. */
static void
assert_positions_dense (GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_assert_cmpuint (item_position (list_item (model, i)), ==, i);
}

static void
assert_titles (GListModel         *model,
               const char * const *titles)
{
  guint n = g_strv_length ((char **) titles);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = NULL;

      g_object_get (list_item (model, i), "title", &title, NULL);
      g_assert_cmpstr (title, ==, titles[i]);
    }
}

/* Replays every items-changed on a copy of the list, so that a list whose
 * signals do not describe its changes is caught, and counts them. */
typedef struct
{
  GListModel *model;
  gulong      handler_id;
  GPtrArray  *shadow;
  guint       emissions;
  guint       position;
  guint       removed;
  guint       added;
} ChangeLog;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ChangeLog *log = user_data;

  log->emissions++;
  log->position = position;
  log->removed = removed;
  log->added = added;

  g_assert_cmpuint (position + removed, <=, log->shadow->len);
  g_ptr_array_remove_range (log->shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (log->shadow, (int) (position + i),
                        g_list_model_get_item (model, position + i));

  g_assert_cmpuint (log->shadow->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < log->shadow->len; i++)
    g_assert_true (g_ptr_array_index (log->shadow, i) == list_item (model, i));
}

static ChangeLog *
change_log_new (GListModel *model)
{
  ChangeLog *log = g_new0 (ChangeLog, 1);

  log->model = g_object_ref (model);
  log->shadow = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (log->shadow, g_list_model_get_item (model, i));
  log->handler_id = g_signal_connect (model, "items-changed",
                                      G_CALLBACK (on_items_changed), log);
  return log;
}

static void
change_log_free (ChangeLog *log)
{
  g_clear_signal_handler (&log->handler_id, log->model);
  g_clear_object (&log->model);
  g_ptr_array_unref (log->shadow);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChangeLog, change_log_free)

static void
change_log_reset (ChangeLog *log)
{
  log->emissions = 0;
  log->position = log->removed = log->added = G_MAXUINT;
}

/* Exactly one items-changed, of this shape. */
static void
change_log_assert_one (ChangeLog *log,
                       guint      position,
                       guint      removed,
                       guint      added)
{
  g_assert_cmpuint (log->emissions, ==, 1);
  g_assert_cmpuint (log->position, ==, position);
  g_assert_cmpuint (log->removed, ==, removed);
  g_assert_cmpuint (log->added, ==, added);
  change_log_reset (log);
}

static void
change_log_assert_none (ChangeLog *log)
{
  g_assert_cmpuint (log->emissions, ==, 0);
}

/* ---------------------------------------------------------------------------
 * Opening
 * ------------------------------------------------------------------------- */

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

static void
test_open_creates_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *header = NULL;
  const char *name;
  GStatBuf info;
  gsize length;

  /* Personal data: nobody else may read the file. */
  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_true (S_ISREG (info.st_mode));
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  g_assert_cmpstr (cm_store_get_path (fixture->store), ==, fixture->path);
  g_assert_cmpint (cm_store_get_schema_version (fixture->store), ==, CM_STORE_SCHEMA_VERSION);
  g_assert_true (cm_store_check_integrity (fixture->store, &error));
  g_assert_no_error (error);

  /* The database was built under a temporary name; nothing else is left. */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_true (g_str_equal (name, "commissioning.db") ||
                     g_str_equal (name, "commissioning.db-wal") ||
                     g_str_equal (name, "commissioning.db-shm"));
    }

  /* A write goes to the write-ahead log, which is as private as the file. */
  cycle = add_cycle (fixture->store, "Independent advocacy 2025–26");
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (wal, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* After closing, the header says WAL (file format 2) and the schema version. */
  fixture_close (fixture);
  g_assert_true (g_file_get_contents (fixture->path, &header, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpmem (header, 16, "SQLite format 3", 16);
  g_assert_cmpint (header[18], ==, 2);
  g_assert_cmpint (header[19], ==, 2);
  g_assert_cmpuint (read_be32 ((const guint8 *) header + 60), ==, CM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_file (fixture->path, "PRAGMA user_version", 0),
                   ==, CM_STORE_SCHEMA_VERSION);

  fixture_reopen (fixture);
  g_assert_cmpint (cm_store_get_schema_version (fixture->store), ==, CM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  {
    g_autoptr(CmCycle) again = cm_store_get_cycle (fixture->store,
                                                   cm_cycle_get_id (cycle), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cm_cycle_get_title (again), ==, "Independent advocacy 2025–26");
  }
}

/* ---------------------------------------------------------------------------
 * Cycles and the template
 * ------------------------------------------------------------------------- */

static void
test_cycle_from_template (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) template = cm_template_load_default (&error);
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(CmCycle) bare = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) none = NULL;
  gint64 cycle_id;

  g_assert_no_error (error);
  cycle = add_templated_cycle (fixture->store, "From the template");
  cycle_id = cm_cycle_get_id (cycle);
  bare = add_cycle (fixture->store, "Bare");

  for (int pass = 0; pass < 2; pass++)
    {
      all = cm_store_list_activities (fixture->store, cycle_id, CM_STAGE_NONE, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (all), ==, template->len);
      g_assert_true (g_list_model_get_item_type (all) == CM_TYPE_ACTIVITY);

      for (int stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_REVIEW; stage++)
        for (int ring = 0; ring < CM_N_RINGS; ring++)
          {
            g_autoptr(GListModel) group = NULL;
            guint n = 0;

            group = cm_store_list_activities (fixture->store, cycle_id, stage, ring, &error);
            g_assert_no_error (error);

            for (guint i = 0; i < template->len; i++)
              {
                CmTemplateActivity *expected = g_ptr_array_index (template, i);
                CmActivity *activity;

                if ((int) expected->stage != stage || (int) expected->ring != ring)
                  continue;

                g_assert_cmpuint (n, <, g_list_model_get_n_items (group));
                activity = list_item (group, n);
                g_assert_cmpint (cm_activity_get_cycle_id (activity), ==, cycle_id);
                g_assert_cmpint (cm_activity_get_stage (activity), ==, stage);
                g_assert_cmpint (cm_activity_get_ring (activity), ==, ring);
                g_assert_cmpuint (cm_activity_get_position (activity), ==, n);
                g_assert_cmpstr (cm_activity_get_title (activity), ==, expected->title);
                g_assert_cmpstr (cm_activity_get_description (activity), ==,
                                 expected->description);
                g_assert_cmpint (cm_activity_get_status (activity), ==,
                                 CM_ACTIVITY_STATUS_NOT_STARTED);
                n++;
              }

            g_assert_cmpuint (n, >, 0);
            g_assert_cmpuint (g_list_model_get_n_items (group), ==, n);
          }

      g_clear_object (&all);
      fixture_reopen (fixture);
    }

  none = cm_store_list_activities (fixture->store, cm_cycle_get_id (bare), CM_STAGE_NONE, -1,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
}

static void
test_cycle_get_save_list (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(GDate) start = date_new (1, G_DATE_APRIL, 2025);
  g_autoptr(GDate) end = date_new (31, G_DATE_MARCH, 2026);
  gint64 id;

  cm_cycle_set_title (cycle, "Advocacy recommissioning");
  cm_cycle_set_service_area (cycle, "Independent advocacy");
  cm_cycle_set_period_start (cycle, start);
  cm_cycle_set_period_end (cycle, end);
  cm_cycle_set_lead_officer (cycle, "Siân Roberts");
  cm_cycle_set_current_stage (cycle, CM_STAGE_PLAN);
  g_assert_true (cm_store_add_cycle (fixture->store, cycle, NULL, &error));
  g_assert_no_error (error);
  id = cm_cycle_get_id (cycle);
  g_assert_cmpint (id, >, 0);

  {
    g_autoptr(CmCycle) got = cm_store_get_cycle (fixture->store, id, &error);
    g_assert_no_error (error);
    g_assert_true (got == cycle);
  }

  cm_cycle_set_current_stage (cycle, CM_STAGE_DO);
  cm_cycle_set_lead_officer (cycle, "Dafydd Evans");
  g_assert_true (cm_store_save_cycle (fixture->store, cycle, &error));
  g_assert_no_error (error);

  fixture_reopen (fixture);

  {
    g_autoptr(CmCycle) got = cm_store_get_cycle (fixture->store, id, &error);
    g_assert_no_error (error);
    g_assert_true (got != cycle);
    g_assert_cmpint (cm_cycle_get_id (got), ==, id);
    g_assert_cmpstr (cm_cycle_get_title (got), ==, "Advocacy recommissioning");
    g_assert_cmpstr (cm_cycle_get_service_area (got), ==, "Independent advocacy");
    g_assert_true (cm_date_equal (cm_cycle_get_period_start (got), start));
    g_assert_true (cm_date_equal (cm_cycle_get_period_end (got), end));
    g_assert_cmpstr (cm_cycle_get_lead_officer (got), ==, "Dafydd Evans");
    g_assert_cmpint (cm_cycle_get_current_stage (got), ==, CM_STAGE_DO);
  }

  cycles = cm_store_list_cycles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (cycles) == CM_TYPE_CYCLE);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);
  g_assert_cmpint (item_id (list_item (cycles, 0)), ==, id);

  /* Saving a cycle the file no longer has is an error, not a silent no-op. */
  {
    g_autoptr(CmCycle) ghost = cm_cycle_new ();

    cm_cycle_set_id (ghost, id + 1000);
    cm_cycle_set_title (ghost, "Ghost");
    g_assert_false (cm_store_save_cycle (fixture->store, ghost, &error));
    g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  {
    g_autoptr(CmCycle) missing = cm_store_get_cycle (fixture->store, id + 1000, &error);
    g_assert_null (missing);
    g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_cycle_find (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) advocacy = add_cycle (fixture->store, "Advocacy 2025");
  g_autoptr(CmCycle) welsh = add_cycle (fixture->store, "Eiriolaeth Ŵŷ");
  g_autoptr(CmCycle) numeric = add_cycle (fixture->store, "2099");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              cm_cycle_get_id (welsh));
  CmCycle *found;

  found = cm_store_find_cycle (fixture->store, id_text, &error);
  g_assert_no_error (error);
  g_assert_true (found == welsh);
  g_object_unref (found);

  found = cm_store_find_cycle (fixture->store, "advocacy 2025", &error);
  g_assert_no_error (error);
  g_assert_true (found == advocacy);
  g_object_unref (found);

  found = cm_store_find_cycle (fixture->store, "ADVOCACY 2025", &error);
  g_assert_no_error (error);
  g_assert_true (found == advocacy);
  g_object_unref (found);

  found = cm_store_find_cycle (fixture->store, "eiriolaeth ŵŷ", &error);
  g_assert_no_error (error);
  g_assert_true (found == welsh);
  g_object_unref (found);

  /* A number that is no cycle's id can still be a title. */
  found = cm_store_find_cycle (fixture->store, "2099", &error);
  g_assert_no_error (error);
  g_assert_true (found == numeric);
  g_object_unref (found);

  found = cm_store_find_cycle (fixture->store, "Advocacy", &error);
  g_assert_null (found);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  found = cm_store_find_cycle (fixture->store, "%s%n%s", &error);
  g_assert_null (found);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "%s%n%s"));
  g_clear_error (&error);

  found = cm_store_find_cycle (fixture->store, "99999", &error);
  g_assert_null (found);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A trashed cycle is not found either way. */
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (advocacy), &error));
  g_assert_no_error (error);
  found = cm_store_find_cycle (fixture->store, "Advocacy 2025", &error);
  g_assert_null (found);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_free (id_text);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, cm_cycle_get_id (advocacy));
  found = cm_store_find_cycle (fixture->store, id_text, &error);
  g_assert_null (found);
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
}

/* ---------------------------------------------------------------------------
 * Every kind of value, after closing and reopening
 * ------------------------------------------------------------------------- */

static void
test_round_trip_all_columns (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (5 * 3600 + 30 * 60);
  g_autoptr(GDateTime) updated = g_date_time_new (zone, 2025, 3, 14, 9, 26, 53.5);
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2025, 6, 30, 13, 0, 0);
  g_autoptr(GDateTime) whole_second = g_date_time_new_from_unix_utc (1751284123);
  g_autoptr(GDateTime) captured = g_date_time_add (whole_second, 456789);
  g_autoptr(GDate) leap = date_new (29, G_DATE_FEBRUARY, 2028);
  g_autoptr(GDate) due = date_new (1, G_DATE_JANUARY, 2026);
  const char * const themes[] = { "transport", "access", "ŵŷ-cymraeg", NULL };
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Round trip");
  g_autoptr(CmActivity) activity = cm_activity_new ();
  g_autoptr(CmActivity) plain_activity = NULL;
  g_autoptr(CmServiceSpec) spec = cm_service_spec_new ();
  g_autoptr(CmSpecSection) section = NULL;
  g_autoptr(CmKpi) kpi = cm_kpi_new ();
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  g_autoptr(CmWorkshop) unscheduled = NULL;
  g_autoptr(CmParticipant) participant = cm_participant_new ();
  g_autoptr(CmContribution) said = cm_contribution_new ();
  g_autoptr(CmContribution) room = NULL;
  g_autoptr(CmAction) action = cm_action_new ();
  gint64 cycle_id = cm_cycle_get_id (cycle);
  gint64 activity_id, plain_id, spec_id, section_id, kpi_id, workshop_id, unscheduled_id;
  gint64 participant_id, said_id, room_id, action_id;

  cm_activity_set_cycle_id (activity, cycle_id);
  cm_activity_set_stage (activity, CM_STAGE_REVIEW);
  cm_activity_set_ring (activity, CM_RING_PROCUREMENT);
  cm_activity_set_title (activity, "Contract review and exit");
  cm_activity_set_description (activity, "Line one\nLine two\r\nLine three");
  cm_activity_set_status (activity, CM_ACTIVITY_STATUS_NOT_APPLICABLE);
  cm_activity_set_owner (activity, "Procurement team");
  cm_activity_set_due_date (activity, leap);
  cm_activity_set_evidence_notes (activity, "Minutes of 3 March");
  cm_activity_set_coproduction_level (activity, CM_COPRODUCTION_CO_PRODUCTION);
  g_assert_true (cm_store_add_activity (fixture->store, activity, &error));
  g_assert_no_error (error);
  activity_id = cm_activity_get_id (activity);
  plain_activity = add_activity (fixture->store, cycle_id, CM_STAGE_ANALYSE,
                                 CM_RING_COMMISSIONING, "Defaults");
  plain_id = cm_activity_get_id (plain_activity);

  cm_service_spec_set_cycle_id (spec, cycle_id);
  cm_service_spec_set_title (spec, "Advocacy hub specification");
  cm_service_spec_set_advocacy_types (spec, CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_IMHA |
                                            CM_ADVOCACY_NHS_COMPLAINTS);
  cm_service_spec_set_status (spec, CM_SPEC_STATUS_CONSULTATION);
  cm_service_spec_set_lead (spec, "Commissioning lead");
  cm_service_spec_set_contract_term (spec, "2+1 years");
  cm_service_spec_set_budget_pence (spec, G_GINT64_CONSTANT (123456789012345));
  cm_service_spec_set_procurement_route (spec, CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION);
  cm_service_spec_set_version (spec, 7);
  cm_service_spec_set_updated_at (spec, updated);
  g_assert_true (cm_store_add_spec (fixture->store, spec, &error));
  g_assert_no_error (error);
  spec_id = cm_service_spec_get_id (spec);

  section = add_section (fixture->store, spec_id, "Outcomes", "People are heard.");
  section_id = cm_spec_section_get_id (section);

  cm_kpi_set_spec_id (kpi, spec_id);
  cm_kpi_set_measure (kpi, "Referrals acknowledged within 2 working days");
  cm_kpi_set_target (kpi, "95%");
  cm_kpi_set_frequency (kpi, "Quarterly");
  cm_kpi_set_source (kpi, "Provider return");
  g_assert_true (cm_store_add_kpi (fixture->store, kpi, &error));
  g_assert_no_error (error);
  kpi_id = cm_kpi_get_id (kpi);

  cm_workshop_set_cycle_id (workshop, cycle_id);
  cm_workshop_set_title (workshop, "What good advocacy looks like");
  cm_workshop_set_starts_at (workshop, starts);
  cm_workshop_set_venue (workshop, "Community hall");
  cm_workshop_set_facilitator (workshop, "Ffion");
  cm_workshop_set_purpose (workshop, "Hear from people who use advocacy");
  cm_workshop_set_access_arrangements (workshop, "Step-free; BSL interpreter; hearing loop");
  cm_workshop_set_state (workshop, CM_WORKSHOP_STATE_CLOSED);
  g_assert_true (cm_store_add_workshop (fixture->store, workshop, &error));
  g_assert_no_error (error);
  workshop_id = cm_workshop_get_id (workshop);
  unscheduled = add_workshop (fixture->store, cycle_id, "Not yet scheduled");
  unscheduled_id = cm_workshop_get_id (unscheduled);

  cm_participant_set_name (participant, "Gwen Jones");
  cm_participant_set_role (participant, CM_PARTICIPANT_ROLE_CARER);
  cm_participant_set_organisation (participant, "Carers' forum");
  cm_participant_set_access_needs (participant, "Large print");
  cm_participant_set_consent (participant, CM_CONSENT_NAMED);
  cm_participant_set_payment_notes (participant, "£25 voucher; bus fare");
  g_assert_true (cm_store_add_participant (fixture->store, participant, &error));
  g_assert_no_error (error);
  participant_id = cm_participant_get_id (participant);

  cm_contribution_set_workshop_id (said, workshop_id);
  cm_contribution_set_participant_id (said, participant_id);
  cm_contribution_set_text (said, "I want someone who listens");
  cm_contribution_set_kind (said, CM_CONTRIBUTION_KIND_I_STATEMENT);
  cm_contribution_set_stage (said, CM_STAGE_REVIEW);
  cm_contribution_set_themes (said, themes);
  cm_contribution_set_captured_at (said, captured);
  cm_contribution_set_pinned (said, TRUE);
  g_assert_true (cm_store_add_contribution (fixture->store, said, &error));
  g_assert_no_error (error);
  said_id = cm_contribution_get_id (said);
  /* From "the room": no participant, no stage, no themes, not pinned. */
  room = add_contribution (fixture->store, workshop_id, 0, "General murmur of agreement");
  room_id = cm_contribution_get_id (room);

  cm_action_set_cycle_id (action, cycle_id);
  cm_action_set_response (action, "We could not fund home visits");
  cm_action_set_state (action, CM_ACTION_STATE_NOT_POSSIBLE);
  cm_action_set_reason (action, "The budget is fixed for this contract term");
  cm_action_set_owner (action, "Head of commissioning");
  cm_action_set_due_date (action, due);
  cm_action_set_activity_id (action, 0);
  cm_action_set_section_id (action, section_id);
  g_assert_true (cm_store_add_action (fixture->store, action, &error));
  g_assert_no_error (error);
  action_id = cm_action_get_id (action);

  fixture_reopen (fixture);

  /* An id of 0 is kept as NULL, so foreign keys hold. */
  g_assert_cmpint (query_file (fixture->path, "SELECT participant_id IS NULL FROM contribution "
                                              "WHERE id = ?", room_id), ==, 1);
  g_assert_cmpint (query_file (fixture->path, "SELECT activity_id IS NULL FROM action "
                                              "WHERE id = ?", action_id), ==, 1);
  g_assert_cmpint (query_file (fixture->path, "SELECT section_id FROM action WHERE id = ?",
                               action_id), ==, section_id);
  g_assert_cmpint (query_file (fixture->path, "SELECT due_date IS NULL FROM activity "
                                              "WHERE id = ?", plain_id), ==, 1);

  {
    g_autoptr(CmActivity) got = cm_store_get_activity (fixture->store, activity_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cm_activity_get_cycle_id (got), ==, cycle_id);
    g_assert_cmpint (cm_activity_get_stage (got), ==, CM_STAGE_REVIEW);
    g_assert_cmpint (cm_activity_get_ring (got), ==, CM_RING_PROCUREMENT);
    g_assert_cmpuint (cm_activity_get_position (got), ==, 0);
    g_assert_cmpstr (cm_activity_get_title (got), ==, "Contract review and exit");
    g_assert_cmpstr (cm_activity_get_description (got), ==, "Line one\nLine two\r\nLine three");
    g_assert_cmpint (cm_activity_get_status (got), ==, CM_ACTIVITY_STATUS_NOT_APPLICABLE);
    g_assert_cmpstr (cm_activity_get_owner (got), ==, "Procurement team");
    g_assert_true (cm_date_equal (cm_activity_get_due_date (got), leap));
    g_assert_cmpstr (cm_activity_get_evidence_notes (got), ==, "Minutes of 3 March");
    g_assert_cmpint (cm_activity_get_coproduction_level (got), ==,
                     CM_COPRODUCTION_CO_PRODUCTION);
  }

  {
    g_autoptr(CmActivity) got = cm_store_get_activity (fixture->store, plain_id, &error);
    g_assert_no_error (error);
    g_assert_null (cm_activity_get_due_date (got));
    g_assert_cmpstr (cm_activity_get_description (got), ==, "");
    g_assert_cmpstr (cm_activity_get_owner (got), ==, "");
    g_assert_cmpint (cm_activity_get_status (got), ==, CM_ACTIVITY_STATUS_NOT_STARTED);
    g_assert_cmpint (cm_activity_get_coproduction_level (got), ==, CM_COPRODUCTION_NOT_SET);
  }

  {
    g_autoptr(CmServiceSpec) got = cm_store_get_spec (fixture->store, spec_id, &error);
    g_autoptr(GListModel) specs = cm_store_list_specs (fixture->store, cycle_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 1);
    g_assert_true (list_item (specs, 0) == got);
    g_assert_cmpint (cm_service_spec_get_cycle_id (got), ==, cycle_id);
    g_assert_cmpstr (cm_service_spec_get_title (got), ==, "Advocacy hub specification");
    g_assert_cmpuint (cm_service_spec_get_advocacy_types (got), ==,
                      CM_ADVOCACY_CARE_ACT | CM_ADVOCACY_IMHA | CM_ADVOCACY_NHS_COMPLAINTS);
    g_assert_cmpint (cm_service_spec_get_status (got), ==, CM_SPEC_STATUS_CONSULTATION);
    g_assert_cmpstr (cm_service_spec_get_lead (got), ==, "Commissioning lead");
    g_assert_cmpstr (cm_service_spec_get_contract_term (got), ==, "2+1 years");
    g_assert_cmpint (cm_service_spec_get_budget_pence (got), ==,
                     G_GINT64_CONSTANT (123456789012345));
    g_assert_cmpint (cm_service_spec_get_procurement_route (got), ==,
                     CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION);
    g_assert_cmpuint (cm_service_spec_get_version (got), ==, 7);
    g_assert_nonnull (cm_service_spec_get_updated_at (got));
    g_assert_true (g_date_time_equal (cm_service_spec_get_updated_at (got), updated));
  }

  {
    g_autoptr(GListModel) sections = cm_store_list_sections (fixture->store, spec_id, &error);
    g_autoptr(GListModel) kpis = cm_store_list_kpis (fixture->store, spec_id, &error);
    CmSpecSection *got_section;
    CmKpi *got_kpi;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 1);
    got_section = list_item (sections, 0);
    g_assert_cmpint (cm_spec_section_get_id (got_section), ==, section_id);
    g_assert_cmpint (cm_spec_section_get_spec_id (got_section), ==, spec_id);
    g_assert_cmpuint (cm_spec_section_get_position (got_section), ==, 0);
    g_assert_cmpstr (cm_spec_section_get_title (got_section), ==, "Outcomes");
    g_assert_cmpstr (cm_spec_section_get_body (got_section), ==, "People are heard.");

    g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, 1);
    got_kpi = list_item (kpis, 0);
    g_assert_cmpint (cm_kpi_get_id (got_kpi), ==, kpi_id);
    g_assert_cmpint (cm_kpi_get_spec_id (got_kpi), ==, spec_id);
    g_assert_cmpstr (cm_kpi_get_measure (got_kpi), ==,
                     "Referrals acknowledged within 2 working days");
    g_assert_cmpstr (cm_kpi_get_target (got_kpi), ==, "95%");
    g_assert_cmpstr (cm_kpi_get_frequency (got_kpi), ==, "Quarterly");
    g_assert_cmpstr (cm_kpi_get_source (got_kpi), ==, "Provider return");
  }

  {
    g_autoptr(CmWorkshop) got = cm_store_get_workshop (fixture->store, workshop_id, &error);
    g_autoptr(CmWorkshop) got_unscheduled = NULL;
    g_assert_no_error (error);
    g_assert_cmpint (cm_workshop_get_cycle_id (got), ==, cycle_id);
    g_assert_cmpstr (cm_workshop_get_title (got), ==, "What good advocacy looks like");
    g_assert_true (cm_date_time_equal (cm_workshop_get_starts_at (got), starts));
    g_assert_cmpstr (cm_workshop_get_venue (got), ==, "Community hall");
    g_assert_cmpstr (cm_workshop_get_facilitator (got), ==, "Ffion");
    g_assert_cmpstr (cm_workshop_get_purpose (got), ==, "Hear from people who use advocacy");
    g_assert_cmpstr (cm_workshop_get_access_arrangements (got), ==,
                     "Step-free; BSL interpreter; hearing loop");
    g_assert_cmpint (cm_workshop_get_state (got), ==, CM_WORKSHOP_STATE_CLOSED);

    got_unscheduled = cm_store_get_workshop (fixture->store, unscheduled_id, &error);
    g_assert_no_error (error);
    g_assert_null (cm_workshop_get_starts_at (got_unscheduled));
    g_assert_cmpint (cm_workshop_get_state (got_unscheduled), ==, CM_WORKSHOP_STATE_PLANNED);
  }

  {
    g_autoptr(CmParticipant) got = cm_store_get_participant (fixture->store, participant_id,
                                                             &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cm_participant_get_name (got), ==, "Gwen Jones");
    g_assert_cmpint (cm_participant_get_role (got), ==, CM_PARTICIPANT_ROLE_CARER);
    g_assert_cmpstr (cm_participant_get_organisation (got), ==, "Carers' forum");
    g_assert_cmpstr (cm_participant_get_access_needs (got), ==, "Large print");
    g_assert_cmpint (cm_participant_get_consent (got), ==, CM_CONSENT_NAMED);
    g_assert_cmpstr (cm_participant_get_payment_notes (got), ==, "£25 voucher; bus fare");
    g_assert_false (cm_participant_get_erased (got));
  }

  {
    g_autoptr(GListModel) contributions = cm_store_list_contributions (fixture->store,
                                                                      workshop_id, &error);
    CmContribution *got;
    const char * const *got_themes;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 2);

    got = list_item (contributions, 0);
    g_assert_cmpint (cm_contribution_get_id (got), ==, said_id);
    g_assert_cmpint (cm_contribution_get_workshop_id (got), ==, workshop_id);
    g_assert_cmpint (cm_contribution_get_participant_id (got), ==, participant_id);
    g_assert_cmpstr (cm_contribution_get_text (got), ==, "I want someone who listens");
    g_assert_cmpint (cm_contribution_get_kind (got), ==, CM_CONTRIBUTION_KIND_I_STATEMENT);
    g_assert_cmpint (cm_contribution_get_stage (got), ==, CM_STAGE_REVIEW);
    got_themes = cm_contribution_get_themes (got);
    g_assert_nonnull (got_themes);
    g_assert_cmpstrv (got_themes, themes);
    g_assert_true (g_date_time_equal (cm_contribution_get_captured_at (got), captured));
    g_assert_cmpint (g_date_time_to_unix (cm_contribution_get_captured_at (got)), ==,
                     1751284123);
    g_assert_cmpint (g_date_time_get_microsecond (cm_contribution_get_captured_at (got)), ==,
                     456789);
    g_assert_true (cm_contribution_get_pinned (got));

    got = list_item (contributions, 1);
    g_assert_cmpint (cm_contribution_get_id (got), ==, room_id);
    g_assert_cmpint (cm_contribution_get_participant_id (got), ==, 0);
    g_assert_cmpint (cm_contribution_get_stage (got), ==, CM_STAGE_NONE);
    g_assert_cmpint (cm_contribution_get_kind (got), ==, CM_CONTRIBUTION_KIND_COMMENT);
    g_assert_nonnull (cm_contribution_get_themes (got));
    g_assert_null (cm_contribution_get_themes (got)[0]);
    g_assert_null (cm_contribution_get_captured_at (got));
    g_assert_false (cm_contribution_get_pinned (got));
  }

  {
    g_autoptr(GListModel) actions = cm_store_list_actions (fixture->store, cycle_id, &error);
    CmAction *got;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
    got = list_item (actions, 0);
    g_assert_cmpint (cm_action_get_id (got), ==, action_id);
    g_assert_cmpint (cm_action_get_cycle_id (got), ==, cycle_id);
    g_assert_cmpstr (cm_action_get_response (got), ==, "We could not fund home visits");
    g_assert_cmpint (cm_action_get_state (got), ==, CM_ACTION_STATE_NOT_POSSIBLE);
    g_assert_cmpstr (cm_action_get_reason (got), ==,
                     "The budget is fixed for this contract term");
    g_assert_cmpstr (cm_action_get_owner (got), ==, "Head of commissioning");
    g_assert_true (cm_date_equal (cm_action_get_due_date (got), due));
    g_assert_cmpint (cm_action_get_activity_id (got), ==, 0);
    g_assert_cmpint (cm_action_get_section_id (got), ==, section_id);
  }
}

/* Changing values and saving them, for every kind that has a save. */
static void
test_save_every_kind (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Saving");
  gint64 cycle_id = cm_cycle_get_id (cycle);
  g_autoptr(CmActivity) activity = add_activity (fixture->store, cycle_id, CM_STAGE_DO,
                                                 CM_RING_COMMISSIONING, "Secure services");
  g_autoptr(CmServiceSpec) spec = add_spec (fixture->store, cycle_id, "Spec");
  g_autoptr(CmSpecSection) section = add_section (fixture->store,
                                                  cm_service_spec_get_id (spec), "Scope", "");
  g_autoptr(CmKpi) kpi = add_kpi (fixture->store, cm_service_spec_get_id (spec), "Uptake");
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, cycle_id, "Workshop");
  g_autoptr(CmParticipant) participant = add_participant (fixture->store, "Alun");
  g_autoptr(CmContribution) contribution = add_contribution (fixture->store,
                                                             cm_workshop_get_id (workshop),
                                                             0, "First words");
  g_autoptr(CmAction) action = add_action (fixture->store, cycle_id, "We will");
  g_autoptr(GDate) due = date_new (15, G_DATE_JULY, 2025);
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_utc (1700000000);
  g_autoptr(GDateTime) now = g_date_time_add (then, 1);
  const char * const themes[] = { "trust", NULL };

  cm_activity_set_status (activity, CM_ACTIVITY_STATUS_DONE);
  cm_activity_set_due_date (activity, due);
  g_assert_true (cm_store_save_activity (fixture->store, activity, &error));
  g_assert_no_error (error);

  cm_service_spec_set_advocacy_types (spec, CM_ADVOCACY_ALL);
  cm_service_spec_set_updated_at (spec, now);
  g_assert_true (cm_store_save_spec (fixture->store, spec, &error));
  g_assert_no_error (error);

  cm_spec_section_set_body (section, "All Care Act advocacy");
  g_assert_true (cm_store_save_section (fixture->store, section, &error));
  g_assert_no_error (error);

  cm_kpi_set_target (kpi, "7%");
  g_assert_true (cm_store_save_kpi (fixture->store, kpi, &error));
  g_assert_no_error (error);

  cm_workshop_set_state (workshop, CM_WORKSHOP_STATE_LIVE);
  cm_workshop_set_starts_at (workshop, now);
  g_assert_true (cm_store_save_workshop (fixture->store, workshop, &error));
  g_assert_no_error (error);

  cm_participant_set_consent (participant, CM_CONSENT_NONE);
  g_assert_true (cm_store_save_participant (fixture->store, participant, &error));
  g_assert_no_error (error);

  cm_contribution_set_participant_id (contribution, cm_participant_get_id (participant));
  cm_contribution_set_themes (contribution, themes);
  cm_contribution_set_pinned (contribution, TRUE);
  g_assert_true (cm_store_save_contribution (fixture->store, contribution, &error));
  g_assert_no_error (error);

  cm_action_set_state (action, CM_ACTION_STATE_DONE);
  cm_action_set_activity_id (action, cm_activity_get_id (activity));
  cm_action_set_section_id (action, cm_spec_section_get_id (section));
  g_assert_true (cm_store_save_action (fixture->store, action, &error));
  g_assert_no_error (error);

  fixture_reopen (fixture);

  {
    g_autoptr(CmActivity) got = cm_store_get_activity (fixture->store,
                                                       cm_activity_get_id (activity), &error);
    g_assert_no_error (error);
    g_assert_cmpint (cm_activity_get_status (got), ==, CM_ACTIVITY_STATUS_DONE);
    g_assert_true (cm_date_equal (cm_activity_get_due_date (got), due));
  }
  {
    g_autoptr(CmServiceSpec) got = cm_store_get_spec (fixture->store,
                                                      cm_service_spec_get_id (spec), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cm_service_spec_get_advocacy_types (got), ==, CM_ADVOCACY_ALL);
    g_assert_true (g_date_time_equal (cm_service_spec_get_updated_at (got), now));
  }
  {
    g_autoptr(GListModel) sections = cm_store_list_sections (fixture->store,
                                                             cm_service_spec_get_id (spec),
                                                             &error);
    g_autoptr(GListModel) kpis = cm_store_list_kpis (fixture->store,
                                                     cm_service_spec_get_id (spec), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cm_spec_section_get_body (list_item (sections, 0)), ==,
                     "All Care Act advocacy");
    g_assert_cmpstr (cm_kpi_get_target (list_item (kpis, 0)), ==, "7%");
  }
  {
    g_autoptr(CmWorkshop) got = cm_store_get_workshop (fixture->store,
                                                       cm_workshop_get_id (workshop), &error);
    g_assert_no_error (error);
    g_assert_cmpint (cm_workshop_get_state (got), ==, CM_WORKSHOP_STATE_LIVE);
    g_assert_true (g_date_time_equal (cm_workshop_get_starts_at (got), now));
  }
  {
    g_autoptr(CmParticipant) got = cm_store_get_participant (fixture->store,
                                                             cm_participant_get_id (participant),
                                                             &error);
    g_assert_no_error (error);
    g_assert_cmpint (cm_participant_get_consent (got), ==, CM_CONSENT_NONE);
  }
  {
    g_autoptr(GListModel) contributions = cm_store_list_contributions (
      fixture->store, cm_workshop_get_id (workshop), &error);
    CmContribution *got;

    g_assert_no_error (error);
    got = list_item (contributions, 0);
    g_assert_cmpint (cm_contribution_get_participant_id (got), ==,
                     cm_participant_get_id (participant));
    g_assert_cmpstrv (cm_contribution_get_themes (got), themes);
    g_assert_true (cm_contribution_get_pinned (got));
  }
  {
    g_autoptr(GListModel) actions = cm_store_list_actions (fixture->store, cycle_id, &error);
    CmAction *got;

    g_assert_no_error (error);
    got = list_item (actions, 0);
    g_assert_cmpint (cm_action_get_state (got), ==, CM_ACTION_STATE_DONE);
    g_assert_cmpint (cm_action_get_activity_id (got), ==, cm_activity_get_id (activity));
    g_assert_cmpint (cm_action_get_section_id (got), ==, cm_spec_section_get_id (section));
  }
}

/* ---------------------------------------------------------------------------
 * One instance per row
 * ------------------------------------------------------------------------- */

static void
test_one_instance_per_row (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_templated_cycle (fixture->store, "Instances");
  gint64 cycle_id = cm_cycle_get_id (cycle);
  g_autoptr(GListModel) cycles = cm_store_list_cycles (fixture->store, &error);
  g_autoptr(GListModel) activities = NULL;
  g_autoptr(GListModel) analyse = NULL;
  CmActivity *first;
  gint64 first_id;

  g_assert_no_error (error);

  {
    g_autoptr(CmCycle) once = cm_store_get_cycle (fixture->store, cycle_id, &error);
    g_autoptr(CmCycle) twice = cm_store_get_cycle (fixture->store, cycle_id, &error);
    g_assert_no_error (error);
    g_assert_true (once == cycle);
    g_assert_true (twice == once);
    g_assert_true (list_item (cycles, 0) == once);
  }

  activities = cm_store_list_activities (fixture->store, cycle_id, CM_STAGE_NONE, -1, &error);
  g_assert_no_error (error);
  analyse = cm_store_list_activities (fixture->store, cycle_id, CM_STAGE_ANALYSE,
                                      CM_RING_COMMISSIONING, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      CmActivity *item = list_item (activities, i);
      g_autoptr(CmActivity) got = cm_store_get_activity (fixture->store,
                                                         cm_activity_get_id (item), &error);
      g_assert_no_error (error);
      g_assert_true (got == item);
    }

  /* The same row in two lists is the same object, so an edit shows in both. */
  first = list_item (analyse, 0);
  g_assert_cmpint (list_index_of (activities, first), >=, 0);
  cm_activity_set_owner (first, "Shared owner");
  g_assert_cmpstr (cm_activity_get_owner (list_item (activities,
                                                     (guint) list_index_of (activities,
                                                                            first))),
                   ==, "Shared owner");

  /* Saving a separate copy of a row brings the shared instance up to date. */
  {
    g_autoptr(CmCycle) copy = cm_cycle_new ();

    cm_cycle_set_id (copy, cycle_id);
    cm_cycle_set_title (copy, "Renamed through a copy");
    cm_cycle_set_current_stage (copy, CM_STAGE_REVIEW);
    g_assert_true (cm_store_save_cycle (fixture->store, copy, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cm_cycle_get_title (cycle), ==, "Renamed through a copy");
    g_assert_cmpint (cm_cycle_get_current_stage (cycle), ==, CM_STAGE_REVIEW);

    {
      g_autoptr(CmCycle) got = cm_store_get_cycle (fixture->store, cycle_id, &error);
      g_assert_no_error (error);
      g_assert_true (got == cycle);
      g_assert_true (list_item (cycles, 0) == cycle);
    }
  }

  /* Once nobody holds a row's object, asking again makes a fresh one. */
  first_id = cm_activity_get_id (first);
  g_clear_object (&activities);
  g_clear_object (&analyse);
  {
    g_autoptr(CmActivity) fresh = cm_store_get_activity (fixture->store, first_id, &error);
    g_autoptr(CmActivity) again = cm_store_get_activity (fixture->store, first_id, &error);
    g_assert_no_error (error);
    g_assert_true (fresh == again);
    /* The unsaved owner was never written. */
    g_assert_cmpstr (cm_activity_get_owner (fresh), ==, "");
  }
}

/* ---------------------------------------------------------------------------
 * Lists in step
 * ------------------------------------------------------------------------- */

static void
test_lists_cycles_in_step (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cycles = cm_store_list_cycles (fixture->store, &error);
  g_autoptr(GListModel) other = cm_store_list_cycles (fixture->store, &error);
  g_autoptr(GListModel) activities = NULL;
  g_autoptr(ChangeLog) log = NULL;
  g_autoptr(ChangeLog) other_log = NULL;
  g_autoptr(ChangeLog) activities_log = NULL;
  g_autoptr(CmCycle) charlie = NULL;
  g_autoptr(CmCycle) alpha = NULL;
  g_autoptr(CmCycle) bravo = NULL;

  g_assert_no_error (error);
  log = change_log_new (cycles);
  other_log = change_log_new (other);
  change_log_reset (log);
  change_log_reset (other_log);

  charlie = add_cycle (fixture->store, "Charlie");
  change_log_assert_one (log, 0, 0, 1);
  change_log_assert_one (other_log, 0, 0, 1);

  activities = cm_store_list_activities (fixture->store, cm_cycle_get_id (charlie),
                                         CM_STAGE_NONE, -1, &error);
  g_assert_no_error (error);
  activities_log = change_log_new (activities);
  change_log_reset (activities_log);

  alpha = add_cycle (fixture->store, "Alpha");
  change_log_assert_one (log, 0, 0, 1);
  bravo = add_cycle (fixture->store, "Bravo");
  change_log_assert_one (log, 1, 0, 1);
  g_assert_cmpuint (other_log->emissions, ==, 2);
  change_log_reset (other_log);
  assert_titles (cycles, (const char * const[]) { "Alpha", "Bravo", "Charlie", NULL });
  assert_titles (other, (const char * const[]) { "Alpha", "Bravo", "Charlie", NULL });

  /* Renaming moves the cycle to its new place in the sidebar, in one change. */
  cm_cycle_set_title (alpha, "Delta");
  g_assert_true (cm_store_save_cycle (fixture->store, alpha, &error));
  g_assert_no_error (error);
  assert_titles (cycles, (const char * const[]) { "Bravo", "Charlie", "Delta", NULL });
  assert_titles (other, (const char * const[]) { "Bravo", "Charlie", "Delta", NULL });
  g_assert_cmpuint (log->emissions, ==, 1);
  g_assert_cmpuint (other_log->emissions, ==, 1);
  change_log_reset (log);
  change_log_reset (other_log);

  /* A change that keeps the order needs no items-changed: the object notifies. */
  cm_cycle_set_service_area (bravo, "Independent advocacy");
  g_assert_true (cm_store_save_cycle (fixture->store, bravo, &error));
  g_assert_no_error (error);
  change_log_assert_none (log);

  /* Case does not fool the order. */
  cm_cycle_set_title (charlie, "apple");
  g_assert_true (cm_store_save_cycle (fixture->store, charlie, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->emissions, ==, 1);
  change_log_reset (log);
  change_log_reset (other_log);
  {
    g_autoptr(GListModel) fresh = cm_store_list_cycles (fixture->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (fresh), ==, 3);
    for (guint i = 0; i < 3; i++)
      g_assert_true (list_item (fresh, i) == list_item (cycles, i));
  }

  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (bravo), &error));
  g_assert_no_error (error);
  g_assert_cmpint (list_index_of (cycles, bravo), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 2);
  g_assert_cmpuint (log->emissions, ==, 1);
  g_assert_cmpuint (log->removed, ==, 1);
  g_assert_cmpuint (log->added, ==, 0);
  change_log_reset (log);

  g_assert_true (cm_store_restore (fixture->store, G_OBJECT (bravo), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 3);
  g_assert_cmpint (list_index_of (cycles, bravo), >=, 0);
  g_assert_cmpuint (log->emissions, ==, 1);
  g_assert_cmpuint (log->removed, ==, 0);
  g_assert_cmpuint (log->added, ==, 1);
  g_assert_cmpuint (log->position, ==, (guint) list_index_of (cycles, bravo));
  change_log_reset (log);

  /* None of this concerned the activities of a cycle. */
  change_log_assert_none (activities_log);
}

static void
test_lists_participants_sorted (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = cm_store_list_participants (fixture->store, &error);
  g_autoptr(ChangeLog) log = NULL;
  g_autoptr(CmParticipant) mair = NULL;
  g_autoptr(CmParticipant) bethan = NULL;

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (people) == CM_TYPE_PARTICIPANT);
  log = change_log_new (people);
  change_log_reset (log);

  mair = add_participant (fixture->store, "Mair");
  change_log_assert_one (log, 0, 0, 1);
  bethan = add_participant (fixture->store, "Bethan");
  change_log_assert_one (log, 0, 0, 1);
  g_assert_true (list_item (people, 0) == bethan);

  cm_participant_set_name (bethan, "Nia");
  g_assert_true (cm_store_save_participant (fixture->store, bethan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->emissions, ==, 1);
  g_assert_true (list_item (people, 0) == mair);
  g_assert_true (list_item (people, 1) == bethan);

  {
    g_autoptr(CmParticipant) got = cm_store_get_participant (fixture->store,
                                                             cm_participant_get_id (mair),
                                                             &error);
    g_assert_no_error (error);
    g_assert_true (got == mair);
  }

  /* People are erased, not trashed. */
  g_assert_false (cm_store_trash (fixture->store, G_OBJECT (mair), &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == CM_STORE_ERROR);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
}

static void
test_lists_every_kind (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Lists");
  g_autoptr(CmCycle) other_cycle = add_cycle (fixture->store, "Other");
  gint64 cycle_id = cm_cycle_get_id (cycle);
  g_autoptr(GListModel) specs = cm_store_list_specs (fixture->store, cycle_id, &error);
  g_autoptr(GListModel) workshops = cm_store_list_workshops (fixture->store, cycle_id, &error);
  g_autoptr(GListModel) actions = cm_store_list_actions (fixture->store, cycle_id, &error);
  g_autoptr(ChangeLog) specs_log = change_log_new (specs);
  g_autoptr(ChangeLog) workshops_log = change_log_new (workshops);
  g_autoptr(ChangeLog) actions_log = change_log_new (actions);
  g_autoptr(CmServiceSpec) spec = NULL;
  g_autoptr(CmServiceSpec) elsewhere = NULL;
  g_autoptr(CmWorkshop) workshop = NULL;
  g_autoptr(CmAction) first_action = NULL;
  g_autoptr(CmAction) second_action = NULL;
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(GListModel) kpis = NULL;
  g_autoptr(GListModel) contributions = NULL;
  g_autoptr(ChangeLog) sections_log = NULL;
  g_autoptr(ChangeLog) kpis_log = NULL;
  g_autoptr(ChangeLog) contributions_log = NULL;
  g_autoptr(CmSpecSection) section = NULL;
  g_autoptr(CmKpi) kpi = NULL;
  g_autoptr(CmContribution) contribution = NULL;

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (specs) == CM_TYPE_SERVICE_SPEC);
  g_assert_true (g_list_model_get_item_type (workshops) == CM_TYPE_WORKSHOP);
  g_assert_true (g_list_model_get_item_type (actions) == CM_TYPE_ACTION);
  change_log_reset (specs_log);
  change_log_reset (workshops_log);
  change_log_reset (actions_log);

  spec = add_spec (fixture->store, cycle_id, "Spec");
  change_log_assert_one (specs_log, 0, 0, 1);
  elsewhere = add_spec (fixture->store, cm_cycle_get_id (other_cycle), "Elsewhere");
  change_log_assert_none (specs_log);

  workshop = add_workshop (fixture->store, cycle_id, "Workshop");
  change_log_assert_one (workshops_log, 0, 0, 1);
  first_action = add_action (fixture->store, cycle_id, "First");
  change_log_assert_one (actions_log, 0, 0, 1);
  second_action = add_action (fixture->store, cycle_id, "Second");
  change_log_assert_one (actions_log, 1, 0, 1);
  change_log_assert_none (specs_log);

  sections = cm_store_list_sections (fixture->store, cm_service_spec_get_id (spec), &error);
  kpis = cm_store_list_kpis (fixture->store, cm_service_spec_get_id (spec), &error);
  contributions = cm_store_list_contributions (fixture->store, cm_workshop_get_id (workshop),
                                               &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (sections) == CM_TYPE_SPEC_SECTION);
  g_assert_true (g_list_model_get_item_type (kpis) == CM_TYPE_KPI);
  g_assert_true (g_list_model_get_item_type (contributions) == CM_TYPE_CONTRIBUTION);
  sections_log = change_log_new (sections);
  kpis_log = change_log_new (kpis);
  contributions_log = change_log_new (contributions);
  change_log_reset (sections_log);
  change_log_reset (kpis_log);
  change_log_reset (contributions_log);

  section = add_section (fixture->store, cm_service_spec_get_id (spec), "Purpose", "");
  change_log_assert_one (sections_log, 0, 0, 1);
  kpi = add_kpi (fixture->store, cm_service_spec_get_id (spec), "Waiting time");
  change_log_assert_one (kpis_log, 0, 0, 1);
  contribution = add_contribution (fixture->store, cm_workshop_get_id (workshop), 0, "Hello");
  change_log_assert_one (contributions_log, 0, 0, 1);
  change_log_assert_none (sections_log);

  /* Trash and restore, one change each, for every kind. */
  {
    struct { GObject *object; ChangeLog *log; guint position; } cases[] = {
      { G_OBJECT (spec), specs_log, 0 },
      { G_OBJECT (workshop), workshops_log, 0 },
      { G_OBJECT (first_action), actions_log, 0 },
      { G_OBJECT (second_action), actions_log, 1 },
      { G_OBJECT (section), sections_log, 0 },
      { G_OBJECT (kpi), kpis_log, 0 },
      { G_OBJECT (contribution), contributions_log, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        guint before = g_list_model_get_n_items (cases[i].log->model);

        g_assert_true (cm_store_trash (fixture->store, cases[i].object, &error));
        g_assert_no_error (error);
        change_log_assert_one (cases[i].log, cases[i].position, 1, 0);
        g_assert_cmpint (list_index_of (cases[i].log->model, cases[i].object), ==, -1);
        g_assert_cmpuint (g_list_model_get_n_items (cases[i].log->model), ==, before - 1);

        g_assert_true (cm_store_restore (fixture->store, cases[i].object, &error));
        g_assert_no_error (error);
        change_log_assert_one (cases[i].log, cases[i].position, 0, 1);
        g_assert_true (list_item (cases[i].log->model, cases[i].position) == cases[i].object);
      }
  }

  /* Saving moves an activity out of a list filtered by stage. */
  {
    g_autoptr(CmActivity) activity = add_activity (fixture->store, cycle_id, CM_STAGE_PLAN,
                                                   CM_RING_PROCUREMENT, "Route");
    g_autoptr(GListModel) plan = cm_store_list_activities (fixture->store, cycle_id,
                                                           CM_STAGE_PLAN, CM_RING_PROCUREMENT,
                                                           &error);
    g_autoptr(GListModel) review = cm_store_list_activities (fixture->store, cycle_id,
                                                             CM_STAGE_REVIEW, -1, &error);
    g_autoptr(ChangeLog) plan_log = change_log_new (plan);
    g_autoptr(ChangeLog) review_log = change_log_new (review);

    g_assert_no_error (error);
    change_log_reset (plan_log);
    change_log_reset (review_log);
    g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 1);

    cm_activity_set_stage (activity, CM_STAGE_REVIEW);
    g_assert_true (cm_store_save_activity (fixture->store, activity, &error));
    g_assert_no_error (error);
    change_log_assert_one (plan_log, 0, 1, 0);
    change_log_assert_one (review_log, 0, 0, 1);
    g_assert_true (list_item (review, 0) == activity);
  }
}

/* ---------------------------------------------------------------------------
 * Moving
 * ------------------------------------------------------------------------- */

static void
test_move_activity (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_templated_cycle (fixture->store, "Moving");
  gint64 cycle_id = cm_cycle_get_id (cycle);
  g_autoptr(GListModel) analyse = NULL;
  g_autoptr(GListModel) plan = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(ChangeLog) analyse_log = NULL;
  g_autoptr(ChangeLog) plan_log = NULL;
  g_autoptr(ChangeLog) all_log = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plan_order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) analyse_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) plan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_analyse, n_plan, n_all;
  CmActivity *moving;

  analyse = cm_store_list_activities (fixture->store, cycle_id, CM_STAGE_ANALYSE,
                                      CM_RING_COMMISSIONING, &error);
  plan = cm_store_list_activities (fixture->store, cycle_id, CM_STAGE_PLAN,
                                   CM_RING_COMMISSIONING, &error);
  all = cm_store_list_activities (fixture->store, cycle_id, CM_STAGE_NONE, -1, &error);
  g_assert_no_error (error);
  n_analyse = g_list_model_get_n_items (analyse);
  n_plan = g_list_model_get_n_items (plan);
  n_all = g_list_model_get_n_items (all);
  g_assert_cmpuint (n_analyse, >=, 3);
  g_assert_cmpuint (n_plan, >=, 2);
  analyse_log = change_log_new (analyse);
  plan_log = change_log_new (plan);
  all_log = change_log_new (all);
  change_log_reset (analyse_log);

  for (guint i = 0; i < n_analyse; i++)
    g_ptr_array_add (order, g_object_ref (list_item (analyse, i)));
  for (guint i = 0; i < n_plan; i++)
    g_ptr_array_add (plan_order, g_object_ref (list_item (plan, i)));

  /* The last to the front, within its group. */
  moving = g_ptr_array_index (order, n_analyse - 1);
  g_assert_true (cm_store_move_activity (fixture->store, moving, CM_STAGE_ANALYSE,
                                         CM_RING_COMMISSIONING, 0, &error));
  g_assert_no_error (error);
  change_log_assert_one (analyse_log, 0, n_analyse, n_analyse);
  g_assert_cmpuint (g_list_model_get_n_items (analyse), ==, n_analyse);
  g_assert_true (list_item (analyse, 0) == moving);
  for (guint i = 1; i < n_analyse; i++)
    g_assert_true (list_item (analyse, i) == g_ptr_array_index (order, i - 1));
  assert_positions_dense (analyse);
  g_ptr_array_remove_index (order, n_analyse - 1);
  g_ptr_array_insert (order, 0, g_object_ref (moving));

  /* The front one to the middle. */
  moving = g_ptr_array_index (order, 0);
  g_assert_true (cm_store_move_activity (fixture->store, moving, CM_STAGE_ANALYSE,
                                         CM_RING_COMMISSIONING, 2, &error));
  g_assert_no_error (error);
  change_log_assert_one (analyse_log, 0, 3, 3);
  g_assert_true (list_item (analyse, 2) == moving);
  assert_positions_dense (analyse);
  g_ptr_array_remove_index (order, 0);
  g_ptr_array_insert (order, 2, g_object_ref (moving));
  for (guint i = 0; i < n_analyse; i++)
    g_assert_true (list_item (analyse, i) == g_ptr_array_index (order, i));

  /* To another stage: it leaves the analyse list and joins the plan list
   * where it was dropped, which is numbered 0, 1, 2… again. */
  change_log_reset (plan_log);
  change_log_reset (all_log);
  moving = g_ptr_array_index (order, 1);
  g_assert_true (cm_store_move_activity (fixture->store, moving, CM_STAGE_PLAN,
                                         CM_RING_COMMISSIONING, 1, &error));
  g_assert_no_error (error);
  change_log_assert_one (analyse_log, 1, 1, 0);
  change_log_assert_one (plan_log, 1, 0, 1);
  g_assert_cmpuint (all_log->emissions, ==, 1);
  g_assert_cmpint (cm_activity_get_stage (moving), ==, CM_STAGE_PLAN);
  g_assert_cmpint (list_index_of (analyse, moving), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (analyse), ==, n_analyse - 1);
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, n_plan + 1);
  g_assert_true (list_item (plan, 1) == moving);
  g_assert_true (list_item (plan, 0) == g_ptr_array_index (plan_order, 0));
  g_assert_true (list_item (plan, 2) == g_ptr_array_index (plan_order, 1));
  assert_positions_dense (plan);
  assert_positions_increasing (analyse);
  for (guint i = 0; i < n_analyse - 1; i++)
    g_assert_true (list_item (analyse, i) == g_ptr_array_index (order, i < 1 ? i : i + 1));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_all);
  g_assert_cmpint (list_index_of (all, moving), >=, 0);
  g_ptr_array_remove_index (order, 1);
  g_ptr_array_insert (plan_order, 1, g_object_ref (moving));

  /* A position past the end means the end. */
  moving = g_ptr_array_index (plan_order, 0);
  g_assert_true (cm_store_move_activity (fixture->store, moving, CM_STAGE_PLAN,
                                         CM_RING_COMMISSIONING, 999, &error));
  g_assert_no_error (error);
  change_log_assert_one (plan_log, 0, n_plan + 1, n_plan + 1);
  change_log_assert_none (analyse_log);
  g_assert_true (list_item (plan, n_plan) == moving);
  assert_positions_dense (plan);
  g_ptr_array_remove_index (plan_order, 0);
  g_ptr_array_add (plan_order, g_object_ref (moving));

  for (guint i = 0; i < order->len; i++)
    {
      gint64 id = cm_activity_get_id (g_ptr_array_index (order, i));
      g_array_append_val (analyse_ids, id);
    }
  for (guint i = 0; i < plan_order->len; i++)
    {
      gint64 id = cm_activity_get_id (g_ptr_array_index (plan_order, i));
      g_array_append_val (plan_ids, id);
    }

  /* The order and numbering are in the file. */
  g_clear_pointer (&analyse_log, change_log_free);
  g_clear_pointer (&plan_log, change_log_free);
  g_clear_pointer (&all_log, change_log_free);
  g_clear_object (&analyse);
  g_clear_object (&plan);
  g_clear_object (&all);
  g_ptr_array_set_size (order, 0);
  g_ptr_array_set_size (plan_order, 0);
  g_clear_object (&cycle);
  fixture_reopen (fixture);

  analyse = cm_store_list_activities (fixture->store, cycle_id, CM_STAGE_ANALYSE,
                                      CM_RING_COMMISSIONING, &error);
  plan = cm_store_list_activities (fixture->store, cycle_id, CM_STAGE_PLAN,
                                   CM_RING_COMMISSIONING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (analyse), ==, analyse_ids->len);
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, plan_ids->len);
  for (guint i = 0; i < analyse_ids->len; i++)
    g_assert_cmpint (item_id (list_item (analyse, i)), ==, g_array_index (analyse_ids, gint64, i));
  for (guint i = 0; i < plan_ids->len; i++)
    g_assert_cmpint (item_id (list_item (plan, i)), ==, g_array_index (plan_ids, gint64, i));
  assert_positions_increasing (analyse);
  assert_positions_dense (plan);
}

static void
test_move_section_and_kpi (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Spec moves");
  g_autoptr(CmServiceSpec) spec = add_spec (fixture->store, cm_cycle_get_id (cycle), "Spec");
  g_autoptr(CmServiceSpec) other = add_spec (fixture->store, cm_cycle_get_id (cycle), "Other");
  gint64 spec_id = cm_service_spec_get_id (spec);
  const char * const section_titles[] = { "Purpose", "Scope", "Outcomes", "Eligibility", NULL };
  const char * const measures[] = { "Referrals", "Waiting", "Outcomes met", NULL };
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) section_list = NULL;
  g_autoptr(GListModel) kpi_list = NULL;
  g_autoptr(CmSpecSection) unrelated = NULL;
  g_autoptr(GListModel) other_list = NULL;
  g_autoptr(ChangeLog) section_log = NULL;
  g_autoptr(ChangeLog) other_log = NULL;
  g_autoptr(ChangeLog) kpi_log = NULL;

  for (guint i = 0; section_titles[i] != NULL; i++)
    {
      CmSpecSection *section = cm_spec_section_new ();

      /* Added sections go to the end, whatever position they carry. */
      cm_spec_section_set_spec_id (section, spec_id);
      cm_spec_section_set_title (section, section_titles[i]);
      cm_spec_section_set_position (section, 42);
      g_assert_true (cm_store_add_section (fixture->store, section, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (cm_spec_section_get_position (section), ==, i);
      g_ptr_array_add (sections, section);
    }
  for (guint i = 0; measures[i] != NULL; i++)
    g_ptr_array_add (kpis, add_kpi (fixture->store, spec_id, measures[i]));
  unrelated = add_section (fixture->store, cm_service_spec_get_id (other), "Unrelated", "");
  g_assert_cmpuint (cm_spec_section_get_position (unrelated), ==, 0);

  section_list = cm_store_list_sections (fixture->store, spec_id, &error);
  kpi_list = cm_store_list_kpis (fixture->store, spec_id, &error);
  other_list = cm_store_list_sections (fixture->store, cm_service_spec_get_id (other), &error);
  g_assert_no_error (error);
  assert_titles (section_list, section_titles);
  section_log = change_log_new (section_list);
  other_log = change_log_new (other_list);
  kpi_log = change_log_new (kpi_list);

  /* Last to first, then first to the middle. */
  g_assert_true (cm_store_move_section (fixture->store, g_ptr_array_index (sections, 3), 0,
                                        &error));
  g_assert_no_error (error);
  assert_titles (section_list,
                 (const char * const[]) { "Eligibility", "Purpose", "Scope", "Outcomes", NULL });
  assert_positions_dense (section_list);
  g_assert_true (cm_store_move_section (fixture->store, g_ptr_array_index (sections, 3), 2,
                                        &error));
  g_assert_no_error (error);
  assert_titles (section_list,
                 (const char * const[]) { "Purpose", "Scope", "Eligibility", "Outcomes", NULL });
  assert_positions_dense (section_list);
  g_assert_cmpuint (cm_spec_section_get_position (g_ptr_array_index (sections, 3)), ==, 2);

  g_assert_true (cm_store_move_kpi (fixture->store, g_ptr_array_index (kpis, 0), 2, &error));
  g_assert_no_error (error);
  g_assert_true (list_item (kpi_list, 0) == g_ptr_array_index (kpis, 1));
  g_assert_true (list_item (kpi_list, 1) == g_ptr_array_index (kpis, 2));
  g_assert_true (list_item (kpi_list, 2) == g_ptr_array_index (kpis, 0));
  assert_positions_dense (kpi_list);

  /* Each move was one change; nothing else moved. */
  g_assert_cmpuint (section_log->emissions, ==, 2);
  g_assert_cmpuint (kpi_log->emissions, ==, 1);
  change_log_assert_none (other_log);
  g_assert_cmpuint (cm_spec_section_get_position (unrelated), ==, 0);

  g_clear_pointer (&section_log, change_log_free);
  g_clear_pointer (&other_log, change_log_free);
  g_clear_pointer (&kpi_log, change_log_free);
  g_clear_object (&other_list);
  g_clear_object (&section_list);
  g_clear_object (&kpi_list);
  g_ptr_array_set_size (sections, 0);
  g_ptr_array_set_size (kpis, 0);
  g_clear_object (&unrelated);
  fixture_reopen (fixture);

  section_list = cm_store_list_sections (fixture->store, spec_id, &error);
  kpi_list = cm_store_list_kpis (fixture->store, spec_id, &error);
  g_assert_no_error (error);
  assert_titles (section_list,
                 (const char * const[]) { "Purpose", "Scope", "Eligibility", "Outcomes", NULL });
  assert_positions_dense (section_list);
  g_assert_cmpuint (g_list_model_get_n_items (kpi_list), ==, 3);
  g_assert_cmpstr (cm_kpi_get_measure (list_item (kpi_list, 0)), ==, "Waiting");
  g_assert_cmpstr (cm_kpi_get_measure (list_item (kpi_list, 1)), ==, "Outcomes met");
  g_assert_cmpstr (cm_kpi_get_measure (list_item (kpi_list, 2)), ==, "Referrals");
  assert_positions_dense (kpi_list);
}

/* ---------------------------------------------------------------------------
 * Trash
 * ------------------------------------------------------------------------- */

/* Asks the store for the row behind an object of any kind that has a get. */
static gpointer
get_like (CmStore  *store,
          GObject  *object,
          GError  **error)
{
  gint64 id = item_id (object);

  if (CM_IS_CYCLE (object))
    return cm_store_get_cycle (store, id, error);
  if (CM_IS_ACTIVITY (object))
    return cm_store_get_activity (store, id, error);
  if (CM_IS_SERVICE_SPEC (object))
    return cm_store_get_spec (store, id, error);
  if (CM_IS_WORKSHOP (object))
    return cm_store_get_workshop (store, id, error);
  if (CM_IS_PARTICIPANT (object))
    return cm_store_get_participant (store, id, error);

  g_assert_not_reached ();
}

static void
test_trash_restore_get (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Trash");
  gint64 cycle_id = cm_cycle_get_id (cycle);
  g_autoptr(CmActivity) activity = add_activity (fixture->store, cycle_id, CM_STAGE_DO,
                                                 CM_RING_PROCUREMENT, "Tender");
  g_autoptr(CmServiceSpec) spec = add_spec (fixture->store, cycle_id, "Spec");
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, cycle_id, "Workshop");
  GObject *objects[] = {
    G_OBJECT (cycle), G_OBJECT (activity), G_OBJECT (spec), G_OBJECT (workshop),
  };

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      gpointer got;

      g_assert_true (cm_store_trash (fixture->store, objects[i], &error));
      g_assert_no_error (error);
      got = get_like (fixture->store, objects[i], &error);
      g_assert_null (got);
      g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);

      g_assert_true (cm_store_restore (fixture->store, objects[i], &error));
      g_assert_no_error (error);
      got = get_like (fixture->store, objects[i], &error);
      g_assert_no_error (error);
      g_assert_true (got == objects[i]);
      g_object_unref (got);
    }

  /* Trash survives closing; opening empties it for good. */
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (activity), &error));
  g_assert_no_error (error);
  fixture_reopen (fixture);
  {
    g_autoptr(CmActivity) got = cm_store_get_activity (fixture->store,
                                                       cm_activity_get_id (activity), &error);
    g_assert_null (got);
    g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_false (cm_store_restore (fixture->store, G_OBJECT (activity), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM activity", 0), ==, 0);
}

static void
test_empty_trash (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) keep = add_templated_cycle (fixture->store, "Keep");
  g_autoptr(CmCycle) doomed = add_templated_cycle (fixture->store, "Doomed");
  gint64 doomed_id = cm_cycle_get_id (doomed);
  gint64 keep_id = cm_cycle_get_id (keep);
  g_autoptr(CmActivity) lone = add_activity (fixture->store, keep_id, CM_STAGE_REVIEW,
                                             CM_RING_COMMISSIONING, "Lone");
  g_autoptr(CmServiceSpec) spec = add_spec (fixture->store, doomed_id, "Spec");
  g_autoptr(CmSpecSection) section = add_section (fixture->store,
                                                  cm_service_spec_get_id (spec), "S", "B");
  g_autoptr(CmKpi) kpi = add_kpi (fixture->store, cm_service_spec_get_id (spec), "K");
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, doomed_id, "W");
  g_autoptr(CmParticipant) person = add_participant (fixture->store, "Person");
  g_autoptr(CmContribution) said = add_contribution (fixture->store,
                                                     cm_workshop_get_id (workshop),
                                                     cm_participant_get_id (person), "Said");
  g_autoptr(CmAction) action = add_action (fixture->store, doomed_id, "Did");
  g_autoptr(GListModel) doomed_activities = NULL;
  g_autoptr(GListModel) kept_activities = NULL;
  g_autoptr(GListModel) cycles = cm_store_list_cycles (fixture->store, &error);
  g_autoptr(GPtrArray) doomed_ids = g_ptr_array_new_with_free_func (g_free);
  gint64 activities_before;
  guint n_kept;

  g_assert_no_error (error);
  g_assert_true (cm_store_set_attendance (fixture->store, workshop, person, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_link_action_contribution (fixture->store, action, said, TRUE,
                                                    &error));
  g_assert_no_error (error);

  doomed_activities = cm_store_list_activities (fixture->store, doomed_id, CM_STAGE_NONE, -1,
                                                &error);
  kept_activities = cm_store_list_activities (fixture->store, keep_id, CM_STAGE_NONE, -1,
                                              &error);
  g_assert_no_error (error);
  /* All but the lone activity, which is about to be trashed. */
  n_kept = g_list_model_get_n_items (kept_activities) - 1;
  for (guint i = 0; i < g_list_model_get_n_items (doomed_activities); i++)
    g_ptr_array_add (doomed_ids, g_memdup2 (&(gint64) { item_id (list_item (doomed_activities,
                                                                            i)) },
                                            sizeof (gint64)));
  g_assert_cmpuint (doomed_ids->len, >, 0);
  activities_before = query_file (fixture->path, "SELECT count(*) FROM activity", 0);

  /* A single trashed activity of the kept cycle goes for good too. */
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (lone), &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (doomed), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);

  /* Still recoverable until the trash is emptied. */
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM activity", 0), ==,
                   activities_before);

  g_assert_true (cm_store_empty_trash (fixture->store, &error));
  g_assert_no_error (error);

  {
    g_autoptr(CmCycle) got = cm_store_get_cycle (fixture->store, doomed_id, &error);
    g_assert_null (got);
    g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_false (cm_store_restore (fixture->store, G_OBJECT (doomed), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cm_store_restore (fixture->store, G_OBJECT (lone), &error));
  g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);
  g_assert_true (list_item (cycles, 0) == keep);

  /* The cycle's activities, specification, workshop and what was said
   * there went with it, and its lists say so. */
  for (guint i = 0; i < doomed_ids->len; i++)
    {
      gint64 id = *(gint64 *) g_ptr_array_index (doomed_ids, i);
      g_autoptr(CmActivity) got = cm_store_get_activity (fixture->store, id, &error);

      g_assert_null (got);
      g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (doomed_activities), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kept_activities), ==, n_kept);
  {
    g_autoptr(GListModel) fresh = cm_store_list_activities (fixture->store, doomed_id,
                                                            CM_STAGE_NONE, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (fresh), ==, 0);
  }
  {
    g_autoptr(CmServiceSpec) got = cm_store_get_spec (fixture->store,
                                                      cm_service_spec_get_id (spec), &error);
    g_assert_null (got);
    g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(CmWorkshop) got = cm_store_get_workshop (fixture->store,
                                                       cm_workshop_get_id (workshop), &error);
    g_assert_null (got);
    g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_cmpint (cm_store_count_contributions (fixture->store, cm_workshop_get_id (workshop),
                                                 &error), ==, 0);
  g_assert_no_error (error);

  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM activity", 0), ==,
                   (gint64) n_kept);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM activity WHERE cycle_id = ?",
                               doomed_id), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM service_spec", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM spec_section", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM kpi", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM workshop", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM contribution", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM action", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM attendance", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM action_contribution", 0),
                   ==, 0);
  /* People outlive the cycles they took part in. */
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM participant", 0), ==, 1);

  fixture_reopen (fixture);
  {
    g_autoptr(GListModel) reopened = cm_store_list_cycles (fixture->store, &error);
    g_assert_no_error (error);
    assert_titles (reopened, (const char * const[]) { "Keep", NULL });
  }
}

/* ---------------------------------------------------------------------------
 * People
 * ------------------------------------------------------------------------- */

static void
test_erase_participant (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Erasure");
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, cm_cycle_get_id (cycle), "W");
  g_autoptr(CmParticipant) person = cm_participant_new ();
  g_autoptr(CmParticipant) other = add_participant (fixture->store, "Other person");
  g_autoptr(GListModel) people = cm_store_list_participants (fixture->store, &error);
  g_autoptr(GListModel) attendees = NULL;
  g_autoptr(GListModel) contributions = NULL;
  g_autoptr(ChangeLog) people_log = NULL;
  gint64 person_id, workshop_id = cm_workshop_get_id (workshop);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_assert_no_error (error);
  cm_participant_set_name (person, "Gwenllian Pryderi-Huws");
  cm_participant_set_role (person, CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES);
  cm_participant_set_organisation (person, "Llanfrothen Residents Panel");
  cm_participant_set_access_needs (person, "Wheelchair user; needs Quietroomzebra");
  cm_participant_set_consent (person, CM_CONSENT_NAMED);
  cm_participant_set_payment_notes (person, "Sort code 12-34-56 Paymentzebra");
  g_assert_true (cm_store_add_participant (fixture->store, person, &error));
  g_assert_no_error (error);
  person_id = cm_participant_get_id (person);
  g_assert_true (cm_store_set_attendance (fixture->store, workshop, person, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_set_attendance (fixture->store, workshop, other, TRUE, &error));
  g_assert_no_error (error);
  g_object_unref (add_contribution (fixture->store, workshop_id, person_id, "First point"));
  g_object_unref (add_contribution (fixture->store, workshop_id, person_id, "Second point"));
  g_object_unref (add_contribution (fixture->store, workshop_id, 0, "From the room"));

  attendees = cm_store_list_attendees (fixture->store, workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  /* Other people's rows around theirs, and everything on disk, so that the
   * check below looks at the file's pages rather than a log. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Neighbour %u with a long enough name", i);
      g_object_unref (add_participant (fixture->store, name));
    }
  g_clear_object (&people);
  g_clear_object (&attendees);
  fixture_reopen (fixture);
  g_assert_true (file_contains (fixture->path, "Pryderi-Huws"));
  g_assert_true (file_contains (fixture->path, "Paymentzebra"));
  people = cm_store_list_participants (fixture->store, &error);
  attendees = cm_store_list_attendees (fixture->store, workshop_id, &error);
  g_assert_no_error (error);
  g_clear_object (&person);
  person = cm_store_get_participant (fixture->store, person_id, &error);
  g_assert_no_error (error);
  people_log = change_log_new (people);
  change_log_reset (people_log);

  g_assert_true (cm_store_erase_participant (fixture->store, person, &error));
  g_assert_no_error (error);

  g_assert_true (cm_participant_get_erased (person));
  g_assert_cmpstr (cm_participant_get_name (person), ==, "");
  g_assert_cmpstr (cm_participant_get_organisation (person), ==, "");
  g_assert_cmpstr (cm_participant_get_access_needs (person), ==, "");
  g_assert_cmpstr (cm_participant_get_payment_notes (person), ==, "");
  g_assert_cmpint (list_index_of (people, person), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 21);
  g_assert_cmpuint (people_log->emissions, >=, 1);
  /* Attendance is personal data too. */
  g_assert_cmpint (list_index_of (attendees, person), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 1);

  g_clear_pointer (&people_log, change_log_free);
  g_clear_object (&people);
  g_clear_object (&attendees);
  fixture_reopen (fixture);

  {
    g_autoptr(CmParticipant) got = cm_store_get_participant (fixture->store, person_id, &error);
    g_autofree char *published = NULL;
    g_autofree char *on_screen = NULL;

    g_assert_no_error (error);
    g_assert_true (cm_participant_get_erased (got));
    g_assert_cmpstr (cm_participant_get_name (got), ==, "");
    g_assert_cmpstr (cm_participant_get_organisation (got), ==, "");
    g_assert_cmpstr (cm_participant_get_access_needs (got), ==, "");
    g_assert_cmpstr (cm_participant_get_payment_notes (got), ==, "");
    g_assert_cmpint (cm_participant_get_consent (got), ==, CM_CONSENT_NONE);
    g_assert_false (cm_participant_may_be_quoted (got));
    published = cm_participant_dup_attribution (got, TRUE);
    on_screen = cm_participant_dup_attribution (got, FALSE);
    g_assert_cmpstr (published, ==, "A participant");
    g_assert_cmpstr (on_screen, ==, "A participant");
  }

  /* What they said stays, still pointing at the erased row. */
  contributions = cm_store_list_contributions (fixture->store, workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 3);
  g_assert_cmpint (cm_store_count_contributions (fixture->store, workshop_id, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (cm_contribution_get_participant_id (list_item (contributions, 0)), ==,
                   person_id);
  g_assert_cmpstr (cm_contribution_get_text (list_item (contributions, 0)), ==, "First point");
  g_assert_cmpint (cm_contribution_get_participant_id (list_item (contributions, 1)), ==,
                   person_id);
  g_assert_cmpint (cm_contribution_get_participant_id (list_item (contributions, 2)), ==, 0);

  people = cm_store_list_participants (fixture->store, &error);
  attendees = cm_store_list_attendees (fixture->store, workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 21);
  g_assert_cmpuint (g_list_model_get_n_items (attendees), ==, 1);
  g_assert_cmpint (item_id (list_item (attendees, 0)), ==, cm_participant_get_id (other));

  /* Erased for good: not left in the file's free space or its log. */
  g_clear_object (&people);
  g_clear_object (&attendees);
  g_clear_object (&contributions);
  fixture_close (fixture);
  g_assert_false (file_contains (fixture->path, "Pryderi-Huws"));
  g_assert_false (file_contains (fixture->path, "Llanfrothen"));
  g_assert_false (file_contains (fixture->path, "Quietroomzebra"));
  g_assert_false (file_contains (fixture->path, "Paymentzebra"));
  g_assert_false (file_contains (wal, "Pryderi-Huws"));
  fixture_reopen (fixture);
}

static void
test_attendance (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Attendance");
  g_autoptr(CmWorkshop) morning = add_workshop (fixture->store, cm_cycle_get_id (cycle), "AM");
  g_autoptr(CmWorkshop) evening = add_workshop (fixture->store, cm_cycle_get_id (cycle), "PM");
  g_autoptr(CmParticipant) rhys = add_participant (fixture->store, "Rhys");
  g_autoptr(CmParticipant) carys = add_participant (fixture->store, "Carys");
  g_autoptr(GListModel) am = cm_store_list_attendees (fixture->store,
                                                      cm_workshop_get_id (morning), &error);
  g_autoptr(GListModel) pm = cm_store_list_attendees (fixture->store,
                                                      cm_workshop_get_id (evening), &error);
  g_autoptr(GListModel) people = cm_store_list_participants (fixture->store, &error);
  g_autoptr(ChangeLog) am_log = NULL;
  g_autoptr(ChangeLog) pm_log = NULL;
  g_autoptr(ChangeLog) people_log = NULL;

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (am) == CM_TYPE_PARTICIPANT);
  g_assert_cmpuint (g_list_model_get_n_items (am), ==, 0);
  am_log = change_log_new (am);
  pm_log = change_log_new (pm);
  change_log_reset (am_log);
  change_log_reset (pm_log);

  people_log = change_log_new (people);
  change_log_reset (people_log);

  g_assert_true (cm_store_set_attendance (fixture->store, morning, rhys, TRUE, &error));
  g_assert_no_error (error);
  change_log_assert_one (am_log, 0, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (am), ==, 1);
  g_assert_true (list_item (am, 0) == rhys);
  g_assert_cmpuint (g_list_model_get_n_items (pm), ==, 0);
  change_log_assert_none (pm_log);

  /* Saying it twice changes nothing. */
  g_assert_true (cm_store_set_attendance (fixture->store, morning, rhys, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am), ==, 1);
  change_log_assert_none (am_log);

  g_assert_true (cm_store_set_attendance (fixture->store, morning, carys, TRUE, &error));
  g_assert_no_error (error);
  change_log_assert_one (am_log, 0, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (am), ==, 2);
  g_assert_true (list_item (am, 0) == carys);
  g_assert_true (list_item (am, 1) == rhys);
  g_assert_true (list_item (people, 0) == carys);

  g_assert_true (cm_store_set_attendance (fixture->store, evening, carys, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pm), ==, 1);
  change_log_assert_one (pm_log, 0, 0, 1);
  change_log_assert_none (am_log);

  g_assert_true (cm_store_set_attendance (fixture->store, morning, rhys, FALSE, &error));
  g_assert_no_error (error);
  change_log_assert_one (am_log, 1, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (am), ==, 1);
  g_assert_true (list_item (am, 0) == carys);
  g_assert_cmpuint (g_list_model_get_n_items (pm), ==, 1);
  change_log_assert_none (pm_log);

  /* Who attended what is not who is on the list of people. */
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  change_log_assert_none (people_log);

  /* Removing someone who was not there is harmless. */
  g_assert_true (cm_store_set_attendance (fixture->store, evening, rhys, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pm), ==, 1);

  /* A renamed attendee is re-sorted in the attendees list as well. */
  g_assert_true (cm_store_set_attendance (fixture->store, morning, rhys, TRUE, &error));
  g_assert_no_error (error);
  cm_participant_set_name (carys, "Zoe");
  g_assert_true (cm_store_save_participant (fixture->store, carys, &error));
  g_assert_no_error (error);
  g_assert_true (list_item (am, 0) == rhys);
  g_assert_true (list_item (am, 1) == carys);

  g_clear_pointer (&am_log, change_log_free);
  g_clear_pointer (&pm_log, change_log_free);
  g_clear_pointer (&people_log, change_log_free);
  g_clear_object (&am);
  g_clear_object (&pm);
  fixture_reopen (fixture);

  am = cm_store_list_attendees (fixture->store, cm_workshop_get_id (morning), &error);
  pm = cm_store_list_attendees (fixture->store, cm_workshop_get_id (evening), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pm), ==, 1);
  g_assert_cmpstr (cm_participant_get_name (list_item (pm, 0)), ==, "Zoe");
}

/* ---------------------------------------------------------------------------
 * What was said, and what was done about it
 * ------------------------------------------------------------------------- */

static void
test_action_links (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "You said, we did");
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, cm_cycle_get_id (cycle), "W");
  gint64 workshop_id = cm_workshop_get_id (workshop);
  g_autoptr(CmContribution) first = add_contribution (fixture->store, workshop_id, 0, "One");
  g_autoptr(CmContribution) second = add_contribution (fixture->store, workshop_id, 0, "Two");
  g_autoptr(CmAction) action = add_action (fixture->store, cm_cycle_get_id (cycle), "Done");
  g_autoptr(CmAction) other = add_action (fixture->store, cm_cycle_get_id (cycle), "Other");
  gint64 action_id = cm_action_get_id (action);
  g_autoptr(GListModel) linked = cm_store_list_action_contributions (fixture->store, action_id,
                                                                     &error);
  g_autoptr(GListModel) other_linked = NULL;
  g_autoptr(GListModel) contributions = cm_store_list_contributions (fixture->store,
                                                                    workshop_id, &error);

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (linked) == CM_TYPE_CONTRIBUTION);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 0);

  g_assert_true (cm_store_link_action_contribution (fixture->store, action, second, TRUE,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  g_assert_true (list_item (linked, 0) == second);

  g_assert_true (cm_store_link_action_contribution (fixture->store, action, first, TRUE,
                                                    &error));
  g_assert_no_error (error);
  g_assert_true (cm_store_link_action_contribution (fixture->store, action, first, TRUE,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 2);
  g_assert_true (list_item (linked, 0) == first);
  g_assert_true (list_item (linked, 1) == second);
  g_assert_true (list_item (contributions, 0) == first);

  /* One contribution can be answered by several actions. */
  g_assert_true (cm_store_link_action_contribution (fixture->store, other, first, TRUE, &error));
  g_assert_no_error (error);
  other_linked = cm_store_list_action_contributions (fixture->store, cm_action_get_id (other),
                                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (other_linked), ==, 1);

  g_assert_true (cm_store_link_action_contribution (fixture->store, action, second, FALSE,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  g_assert_true (list_item (linked, 0) == first);
  g_assert_cmpuint (g_list_model_get_n_items (other_linked), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 2);

  /* A trashed contribution leaves the links list, and comes back. */
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (first), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 0);
  g_assert_true (cm_store_restore (fixture->store, G_OBJECT (first), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);

  g_clear_object (&linked);
  g_clear_object (&other_linked);
  g_clear_object (&contributions);
  fixture_reopen (fixture);

  linked = cm_store_list_action_contributions (fixture->store, action_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  g_assert_cmpint (item_id (list_item (linked, 0)), ==, cm_contribution_get_id (first));
}

static void
test_count_contributions (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Counting");
  g_autoptr(CmWorkshop) one = add_workshop (fixture->store, cm_cycle_get_id (cycle), "One");
  g_autoptr(CmWorkshop) two = add_workshop (fixture->store, cm_cycle_get_id (cycle), "Two");
  g_autoptr(GPtrArray) said = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpint (cm_store_count_contributions (fixture->store, cm_workshop_get_id (one),
                                                 &error), ==, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("Point %u", i);
      g_ptr_array_add (said, add_contribution (fixture->store, cm_workshop_get_id (one), 0,
                                               text));
    }
  g_object_unref (add_contribution (fixture->store, cm_workshop_get_id (two), 0, "Elsewhere"));

  g_assert_cmpint (cm_store_count_contributions (fixture->store, cm_workshop_get_id (one),
                                                 &error), ==, 5);
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_count_contributions (fixture->store, cm_workshop_get_id (two),
                                                 &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_count_contributions (fixture->store, 424242, &error), ==, 0);
  g_assert_no_error (error);

  g_assert_true (cm_store_trash (fixture->store, g_ptr_array_index (said, 2), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_count_contributions (fixture->store, cm_workshop_get_id (one),
                                                 &error), ==, 4);
  g_assert_no_error (error);
  g_assert_true (cm_store_restore (fixture->store, g_ptr_array_index (said, 2), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cm_store_count_contributions (fixture->store, cm_workshop_get_id (one),
                                                 &error), ==, 5);
  g_assert_no_error (error);

  fixture_reopen (fixture);
  g_assert_cmpint (cm_store_count_contributions (fixture->store, cm_workshop_get_id (one),
                                                 &error), ==, 5);
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------------
 * Refusals
 * ------------------------------------------------------------------------- */

/* Takes the error's address, as the call filling it in may be evaluated
 * after the arguments. */
static void
assert_invalid (gboolean   ok,
                GError   **error)
{
  g_assert_false (ok);
  g_assert_error (*error, CM_STORE_ERROR, CM_STORE_ERROR_INVALID);
  g_assert_cmpstr ((*error)->message, !=, "");
  g_clear_error (error);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Valid");
  gint64 cycle_id = cm_cycle_get_id (cycle);
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, cycle_id, "Workshop");
  g_autoptr(GListModel) cycles = cm_store_list_cycles (fixture->store, &error);
  g_autoptr(GListModel) activities = cm_store_list_activities (fixture->store, cycle_id,
                                                               CM_STAGE_NONE, -1, &error);
  g_autoptr(ChangeLog) cycles_log = change_log_new (cycles);
  g_autoptr(ChangeLog) activities_log = change_log_new (activities);
  g_autofree char *too_long = NULL;
  g_autoptr(GString) long_title = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i <= CM_SHORT_TEXT_MAX_CHARS; i++)
    g_string_append (long_title, "ŵ");
  too_long = g_string_free (g_steal_pointer (&long_title), FALSE);
  change_log_reset (cycles_log);
  change_log_reset (activities_log);

  {
    g_autoptr(CmCycle) blank = cm_cycle_new ();
    cm_cycle_set_title (blank, "   ");
    assert_invalid (cm_store_add_cycle (fixture->store, blank, NULL, &error), &error);
    g_assert_cmpint (cm_cycle_get_id (blank), ==, 0);

    /* With a template the cycle's activities are not written either. */
    assert_invalid (cm_store_add_cycle_from_default_template (fixture->store, blank, &error),
                    &error);
    g_assert_cmpint (cm_cycle_get_id (blank), ==, 0);
  }
  {
    g_autoptr(CmCycle) backwards = cm_cycle_new ();
    g_autoptr(GDate) start = date_new (1, G_DATE_APRIL, 2026);
    g_autoptr(GDate) end = date_new (31, G_DATE_MARCH, 2026);

    cm_cycle_set_title (backwards, "Backwards");
    cm_cycle_set_period_start (backwards, start);
    cm_cycle_set_period_end (backwards, end);
    assert_invalid (cm_store_add_cycle (fixture->store, backwards, NULL, &error), &error);
  }
  {
    g_autoptr(CmCycle) wordy = cm_cycle_new ();
    cm_cycle_set_title (wordy, too_long);
    assert_invalid (cm_store_add_cycle (fixture->store, wordy, NULL, &error), &error);
  }
  {
    g_autoptr(CmActivity) no_stage = cm_activity_new ();
    cm_activity_set_cycle_id (no_stage, cycle_id);
    cm_activity_set_title (no_stage, "No stage");
    cm_activity_set_stage (no_stage, CM_STAGE_NONE);
    assert_invalid (cm_store_add_activity (fixture->store, no_stage, &error), &error);
    g_assert_cmpint (cm_activity_get_id (no_stage), ==, 0);
  }
  {
    g_autoptr(CmActivity) untitled = cm_activity_new ();
    cm_activity_set_cycle_id (untitled, cycle_id);
    assert_invalid (cm_store_add_activity (fixture->store, untitled, &error), &error);
  }
  {
    /* A parent that does not exist is refused by the database. */
    g_autoptr(CmActivity) orphan = cm_activity_new ();
    cm_activity_set_cycle_id (orphan, cycle_id + 1000);
    cm_activity_set_title (orphan, "Orphan");
    assert_invalid (cm_store_add_activity (fixture->store, orphan, &error), &error);
    g_assert_cmpint (cm_activity_get_id (orphan), ==, 0);
  }
  {
    g_autoptr(CmServiceSpec) spec = cm_service_spec_new ();
    cm_service_spec_set_cycle_id (spec, cycle_id);
    cm_service_spec_set_title (spec, "");
    assert_invalid (cm_store_add_spec (fixture->store, spec, &error), &error);
  }
  {
    g_autoptr(CmServiceSpec) spec = cm_service_spec_new ();
    cm_service_spec_set_cycle_id (spec, cycle_id);
    cm_service_spec_set_title (spec, "Negative budget");
    cm_service_spec_set_budget_pence (spec, -1);
    assert_invalid (cm_store_add_spec (fixture->store, spec, &error), &error);
  }
  {
    g_autoptr(CmParticipant) nameless = cm_participant_new ();
    assert_invalid (cm_store_add_participant (fixture->store, nameless, &error), &error);
  }
  {
    g_autoptr(CmContribution) silent = cm_contribution_new ();
    cm_contribution_set_workshop_id (silent, cm_workshop_get_id (workshop));
    assert_invalid (cm_store_add_contribution (fixture->store, silent, &error), &error);
  }
  {
    g_autoptr(CmContribution) stranger = cm_contribution_new ();
    cm_contribution_set_workshop_id (stranger, cm_workshop_get_id (workshop));
    cm_contribution_set_participant_id (stranger, 99999);
    cm_contribution_set_text (stranger, "Nobody said this");
    assert_invalid (cm_store_add_contribution (fixture->store, stranger, &error), &error);
  }
  {
    g_autoptr(CmAction) unexplained = cm_action_new ();
    cm_action_set_cycle_id (unexplained, cycle_id);
    cm_action_set_response (unexplained, "No");
    cm_action_set_state (unexplained, CM_ACTION_STATE_NOT_POSSIBLE);
    assert_invalid (cm_store_add_action (fixture->store, unexplained, &error), &error);
  }
  {
    g_autoptr(CmKpi) kpi = cm_kpi_new ();
    g_autoptr(CmSpecSection) section = cm_spec_section_new ();
    g_autoptr(CmWorkshop) untitled = cm_workshop_new ();

    cm_kpi_set_spec_id (kpi, 1);
    assert_invalid (cm_store_add_kpi (fixture->store, kpi, &error), &error);
    cm_spec_section_set_spec_id (section, 1);
    assert_invalid (cm_store_add_section (fixture->store, section, &error), &error);
    cm_workshop_set_cycle_id (untitled, cycle_id);
    assert_invalid (cm_store_add_workshop (fixture->store, untitled, &error), &error);
  }

  change_log_assert_none (cycles_log);
  change_log_assert_none (activities_log);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);

  /* A failed save leaves the file as it was. */
  cm_cycle_set_title (cycle, "");
  assert_invalid (cm_store_save_cycle (fixture->store, cycle, &error), &error);
  cm_workshop_set_title (workshop, too_long);
  assert_invalid (cm_store_save_workshop (fixture->store, workshop, &error), &error);

  g_clear_pointer (&cycles_log, change_log_free);
  g_clear_pointer (&activities_log, change_log_free);
  g_clear_object (&cycles);
  g_clear_object (&activities);
  g_clear_object (&cycle);
  g_clear_object (&workshop);
  fixture_reopen (fixture);

  cycles = cm_store_list_cycles (fixture->store, &error);
  g_assert_no_error (error);
  assert_titles (cycles, (const char * const[]) { "Valid", NULL });
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM cycle", 0), ==, 1);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM activity", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM service_spec", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM participant", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM contribution", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM action", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM kpi", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM spec_section", 0), ==, 0);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM workshop", 0), ==, 1);
  {
    g_autoptr(GListModel) workshops = cm_store_list_workshops (fixture->store,
                                                               item_id (list_item (cycles, 0)),
                                                               &error);
    g_assert_no_error (error);
    assert_titles (workshops, (const char * const[]) { "Workshop", NULL });
  }
}

/* ---------------------------------------------------------------------------
 * Hostile and unusual text
 * ------------------------------------------------------------------------- */

static void
test_sql_injection (Fixture       *fixture,
                    gconstpointer  data)
{
  const char * const titles[] = {
    "'); DROP TABLE cycle;--",
    "Robert'); DROP TABLE cycle;--",
    "\"; DROP TABLE activity; --",
    "x' OR '1'='1",
    "?1 ?2 :name @name $name",
    "%s%n%x",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 workshop_id;

  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autoptr(CmCycle) cycle = add_cycle (fixture->store, titles[i]);
      g_autoptr(CmActivity) activity = add_activity (fixture->store, cm_cycle_get_id (cycle),
                                                     CM_STAGE_ANALYSE, CM_RING_COMMISSIONING,
                                                     titles[i]);
      gint64 id = cm_cycle_get_id (cycle);

      g_array_append_val (ids, id);
    }
  {
    g_autoptr(CmCycle) first = cm_store_get_cycle (fixture->store,
                                                   g_array_index (ids, gint64, 0), &error);
    g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, cm_cycle_get_id (first),
                                                   titles[1]);
    g_autoptr(CmParticipant) person = add_participant (fixture->store, titles[0]);
    g_autoptr(CmContribution) said = add_contribution (fixture->store,
                                                       cm_workshop_get_id (workshop),
                                                       cm_participant_get_id (person),
                                                       titles[1]);

    g_assert_no_error (error);
    workshop_id = cm_workshop_get_id (workshop);
  }

  {
    CmCycle *found = cm_store_find_cycle (fixture->store, "robert'); drop table cycle;--",
                                          &error);
    g_assert_no_error (error);
    g_assert_cmpint (cm_cycle_get_id (found), ==, g_array_index (ids, gint64, 1));
    g_object_unref (found);
  }

  fixture_reopen (fixture);

  for (guint i = 0; titles[i] != NULL; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(CmCycle) cycle = cm_store_get_cycle (fixture->store, id, &error);
      g_autoptr(GListModel) activities = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (cm_cycle_get_title (cycle), ==, titles[i]);
      activities = cm_store_list_activities (fixture->store, id, CM_STAGE_NONE, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 1);
      g_assert_cmpstr (cm_activity_get_title (list_item (activities, 0)), ==, titles[i]);
    }
  {
    g_autoptr(GListModel) cycles = cm_store_list_cycles (fixture->store, &error);
    g_autoptr(GListModel) contributions = cm_store_list_contributions (fixture->store,
                                                                      workshop_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, ids->len);
    g_assert_cmpstr (cm_contribution_get_text (list_item (contributions, 0)), ==, titles[1]);
  }

  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM sqlite_master "
                                              "WHERE type = 'table' AND name = 'cycle'", 0),
                   ==, 1);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM sqlite_master "
                                              "WHERE type = 'table' AND name = 'activity'", 0),
                   ==, 1);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM cycle", 0), ==, ids->len);
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM activity", 0), ==,
                   ids->len);
}

static const char * const unusual_texts[] = {
  "Gwasanaeth eiriolaeth annibynnol — ŵŷ ŴŶ âêîôû",
  "Family 👩‍👩‍👧‍👦 and flags 🏳️‍🌈 🏴󠁧󠁢󠁷󠁬󠁳󠁿 and skin tone 👋🏽",
  "خدمة المناصرة المستقلة \u200F(RTL)\u200E and back",
  "独立倡导服务 · 独立したアドボカシー · 독립 옹호 서비스",
  "Combining: Cafe\u0301, n\u0303, a\u030A\u0323, Z\u0351\u0352\u0353 (not normalised)",
  "Tab\there, bell\a, escape\x1b[0m and vertical\vtab",
  "\uFEFFByte order mark, 𝔄𝔡𝔳𝔬𝔠𝔞𝔠𝔶 𝟙𝟚𝟛, replacement \uFFFD",
  "  padded with spaces  ",
  NULL,
};

static void
test_unicode_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cycle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CmCycle) home = add_cycle (fixture->store, "Unicode");
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, cm_cycle_get_id (home), "W");
  g_autoptr(CmServiceSpec) spec = add_spec (fixture->store, cm_cycle_get_id (home), "S");
  gint64 workshop_id = cm_workshop_get_id (workshop);
  gint64 spec_id = cm_service_spec_get_id (spec);
  guint n = g_strv_length ((char **) unusual_texts);

  for (guint i = 0; i < n; i++)
    {
      const char *text = unusual_texts[i];
      const char * const themes[] = { text, "plain", NULL };
      g_autoptr(CmCycle) cycle = cm_cycle_new ();
      g_autoptr(CmActivity) activity = NULL;
      g_autoptr(CmParticipant) person = NULL;
      g_autoptr(CmContribution) said = cm_contribution_new ();
      g_autoptr(CmSpecSection) section = NULL;
      gint64 id;

      g_assert_true (g_utf8_validate (text, -1, NULL));
      cm_cycle_set_title (cycle, text);
      cm_cycle_set_service_area (cycle, text);
      cm_cycle_set_lead_officer (cycle, text);
      g_assert_true (cm_store_add_cycle (fixture->store, cycle, NULL, &error));
      g_assert_no_error (error);
      id = cm_cycle_get_id (cycle);
      g_array_append_val (cycle_ids, id);

      activity = add_activity (fixture->store, id, CM_STAGE_DO, CM_RING_PROCUREMENT, text);
      cm_activity_set_description (activity, text);
      cm_activity_set_owner (activity, text);
      cm_activity_set_evidence_notes (activity, text);
      g_assert_true (cm_store_save_activity (fixture->store, activity, &error));
      g_assert_no_error (error);

      person = add_participant (fixture->store, text);
      id = cm_participant_get_id (person);
      g_array_append_val (person_ids, id);

      cm_contribution_set_workshop_id (said, workshop_id);
      cm_contribution_set_text (said, text);
      cm_contribution_set_themes (said, themes);
      g_assert_true (cm_store_add_contribution (fixture->store, said, &error));
      g_assert_no_error (error);

      section = add_section (fixture->store, spec_id, text, text);
    }

  fixture_reopen (fixture);

  {
    g_autoptr(GListModel) contributions = cm_store_list_contributions (fixture->store,
                                                                      workshop_id, &error);
    g_autoptr(GListModel) sections = cm_store_list_sections (fixture->store, spec_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, n);
    g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n);

    for (guint i = 0; i < n; i++)
      {
        const char *text = unusual_texts[i];
        const char * const themes[] = { text, "plain", NULL };
        gint64 cycle_id = g_array_index (cycle_ids, gint64, i);
        g_autoptr(CmCycle) cycle = cm_store_get_cycle (fixture->store, cycle_id, &error);
        g_autoptr(CmParticipant) person = NULL;
        g_autoptr(GListModel) activities = NULL;
        CmActivity *activity;
        CmContribution *said = list_item (contributions, i);
        CmSpecSection *section = list_item (sections, i);

        g_test_message ("text %u", i);
        g_assert_no_error (error);
        g_assert_cmpstr (cm_cycle_get_title (cycle), ==, text);
        g_assert_cmpstr (cm_cycle_get_service_area (cycle), ==, text);
        g_assert_cmpstr (cm_cycle_get_lead_officer (cycle), ==, text);

        activities = cm_store_list_activities (fixture->store, cycle_id, CM_STAGE_DO,
                                               CM_RING_PROCUREMENT, &error);
        g_assert_no_error (error);
        activity = list_item (activities, 0);
        g_assert_cmpstr (cm_activity_get_title (activity), ==, text);
        g_assert_cmpstr (cm_activity_get_description (activity), ==, text);
        g_assert_cmpstr (cm_activity_get_owner (activity), ==, text);
        g_assert_cmpstr (cm_activity_get_evidence_notes (activity), ==, text);

        person = cm_store_get_participant (fixture->store, g_array_index (person_ids, gint64, i),
                                           &error);
        g_assert_no_error (error);
        g_assert_cmpstr (cm_participant_get_name (person), ==, text);

        g_assert_cmpstr (cm_contribution_get_text (said), ==, text);
        g_assert_cmpstrv (cm_contribution_get_themes (said), themes);
        g_assert_cmpstr (cm_spec_section_get_title (section), ==, text);
        g_assert_cmpstr (cm_spec_section_get_body (section), ==, text);

        /* Found by its exact title, whatever it is made of. */
        {
          CmCycle *found = cm_store_find_cycle (fixture->store, text, &error);
          g_assert_no_error (error);
          g_assert_true (found == cycle);
          g_object_unref (found);
        }
      }
  }

  {
    g_autoptr(GListModel) cycles = cm_store_list_cycles (fixture->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, n + 1);
  }
}

/* Exactly 1,000,000 bytes of valid UTF-8, mixing one- to four-byte characters. */
static char *
make_megabyte (const char *seed)
{
  const char *pieces[] = { seed, " Eiriolaeth ŵŷ ", "倡导 ", "👩‍👩‍👧 ", "\n", "café\t" };
  GString *text = g_string_sized_new (1000000);
  guint i = 0;

  while (TRUE)
    {
      const char *piece = pieces[i++ % G_N_ELEMENTS (pieces)];

      if (text->len + strlen (piece) > 1000000)
        break;
      g_string_append (text, piece);
    }
  while (text->len < 1000000)
    g_string_append_c (text, 'x');

  g_assert_cmpuint (text->len, ==, 1000000);
  g_assert_true (g_utf8_validate (text->str, text->len, NULL));
  return g_string_free (text, FALSE);
}

static void
test_megabyte_fields (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = make_megabyte ("description");
  g_autofree char *body = make_megabyte ("body");
  g_autofree char *said_text = make_megabyte ("contribution");
  g_autofree char *notes = make_megabyte ("notes");
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Big");
  g_autoptr(CmActivity) activity = add_activity (fixture->store, cm_cycle_get_id (cycle),
                                                 CM_STAGE_ANALYSE, CM_RING_COMMISSIONING,
                                                 "Big activity");
  g_autoptr(CmServiceSpec) spec = add_spec (fixture->store, cm_cycle_get_id (cycle), "Spec");
  g_autoptr(CmSpecSection) section = add_section (fixture->store,
                                                  cm_service_spec_get_id (spec), "Big", body);
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, cm_cycle_get_id (cycle), "W");
  g_autoptr(CmContribution) said = add_contribution (fixture->store,
                                                     cm_workshop_get_id (workshop), 0,
                                                     said_text);
  gint64 activity_id = cm_activity_get_id (activity);

  cm_activity_set_description (activity, description);
  cm_activity_set_evidence_notes (activity, notes);
  g_assert_true (cm_store_save_activity (fixture->store, activity, &error));
  g_assert_no_error (error);

  fixture_reopen (fixture);

  {
    g_autoptr(CmActivity) got = cm_store_get_activity (fixture->store, activity_id, &error);
    g_autoptr(GListModel) sections = cm_store_list_sections (fixture->store,
                                                             cm_service_spec_get_id (spec),
                                                             &error);
    g_autoptr(GListModel) contributions = cm_store_list_contributions (
      fixture->store, cm_workshop_get_id (workshop), &error);
    const char *value;

    g_assert_no_error (error);
    value = cm_activity_get_description (got);
    g_assert_cmpuint (strlen (value), ==, 1000000);
    g_assert_true (strcmp (value, description) == 0);
    value = cm_activity_get_evidence_notes (got);
    g_assert_cmpuint (strlen (value), ==, 1000000);
    g_assert_true (strcmp (value, notes) == 0);
    value = cm_spec_section_get_body (list_item (sections, 0));
    g_assert_cmpuint (strlen (value), ==, 1000000);
    g_assert_true (strcmp (value, body) == 0);
    value = cm_contribution_get_text (list_item (contributions, 0));
    g_assert_cmpuint (strlen (value), ==, 1000000);
    g_assert_true (strcmp (value, said_text) == 0);
  }

  g_assert_true (cm_store_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

/* ---------------------------------------------------------------------------
 * Transactions
 * ------------------------------------------------------------------------- */

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cycles = cm_store_list_cycles (fixture->store, &error);
  g_autoptr(ChangeLog) log = change_log_new (cycles);
  g_autoptr(CmCycle) kept = add_cycle (fixture->store, "Kept");
  g_autoptr(CmCycle) undone = NULL;
  g_autoptr(CmCycle) templated = cm_cycle_new ();
  gint64 undone_id, templated_id;

  g_assert_no_error (error);

  /* Rolled back: nothing remains, in the file or in the lists. */
  g_assert_true (cm_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  undone = add_cycle (fixture->store, "Undone");
  undone_id = cm_cycle_get_id (undone);
  cm_cycle_set_title (templated, "Templated");
  g_assert_true (cm_store_add_cycle_from_default_template (fixture->store, templated, &error));
  g_assert_no_error (error);
  templated_id = cm_cycle_get_id (templated);
  cm_cycle_set_title (kept, "Kept, renamed");
  g_assert_true (cm_store_save_cycle (fixture->store, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 3);
  cm_store_rollback (fixture->store);

  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);
  g_assert_true (list_item (cycles, 0) == kept);
  /* The shared instance is brought back to what the file holds. */
  g_assert_cmpstr (cm_cycle_get_title (kept), ==, "Kept");
  {
    g_autoptr(CmCycle) got = cm_store_get_cycle (fixture->store, undone_id, &error);
    g_assert_null (got);
    g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(CmCycle) got = cm_store_get_cycle (fixture->store, templated_id, &error);
    g_autoptr(GListModel) activities = NULL;

    g_assert_null (got);
    g_assert_error (error, CM_STORE_ERROR, CM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    activities = cm_store_list_activities (fixture->store, templated_id, CM_STAGE_NONE, -1,
                                           &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 0);
  }
  g_assert_cmpint (query_file (fixture->path, "SELECT count(*) FROM activity", 0), ==, 0);

  /* Committed: it stays. */
  g_assert_true (cm_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_object (&undone);
  undone = add_cycle (fixture->store, "Committed");
  g_object_unref (add_activity (fixture->store, cm_cycle_get_id (undone), CM_STAGE_PLAN,
                                CM_RING_PROCUREMENT, "Within"));
  g_assert_true (cm_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 2);
  undone_id = cm_cycle_get_id (undone);

  g_clear_pointer (&log, change_log_free);
  g_clear_object (&cycles);
  fixture_reopen (fixture);

  cycles = cm_store_list_cycles (fixture->store, &error);
  g_assert_no_error (error);
  assert_titles (cycles, (const char * const[]) { "Committed", "Kept", NULL });
  {
    g_autoptr(GListModel) activities = cm_store_list_activities (fixture->store, undone_id,
                                                                 CM_STAGE_NONE, -1, &error);
    g_assert_no_error (error);
    assert_titles (activities, (const char * const[]) { "Within", NULL });
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/store/open/creates-file", test_open_creates_file);
  ADD_TEST ("/store/cycle/from-template", test_cycle_from_template);
  ADD_TEST ("/store/cycle/get-save-list", test_cycle_get_save_list);
  ADD_TEST ("/store/cycle/find", test_cycle_find);
  ADD_TEST ("/store/values/round-trip", test_round_trip_all_columns);
  ADD_TEST ("/store/values/save-every-kind", test_save_every_kind);
  ADD_TEST ("/store/instances/one-per-row", test_one_instance_per_row);
  ADD_TEST ("/store/lists/cycles", test_lists_cycles_in_step);
  ADD_TEST ("/store/lists/participants", test_lists_participants_sorted);
  ADD_TEST ("/store/lists/every-kind", test_lists_every_kind);
  ADD_TEST ("/store/move/activity", test_move_activity);
  ADD_TEST ("/store/move/section-and-kpi", test_move_section_and_kpi);
  ADD_TEST ("/store/trash/restore", test_trash_restore_get);
  ADD_TEST ("/store/trash/empty", test_empty_trash);
  ADD_TEST ("/store/people/erase", test_erase_participant);
  ADD_TEST ("/store/people/attendance", test_attendance);
  ADD_TEST ("/store/contributions/action-links", test_action_links);
  ADD_TEST ("/store/contributions/count", test_count_contributions);
  ADD_TEST ("/store/refusals/validation", test_validation);
  ADD_TEST ("/store/text/sql-injection", test_sql_injection);
  ADD_TEST ("/store/text/unicode", test_unicode_round_trip);
  ADD_TEST ("/store/text/megabyte", test_megabyte_fields);
  ADD_TEST ("/store/transactions", test_transactions);

  return g_test_run ();
}
