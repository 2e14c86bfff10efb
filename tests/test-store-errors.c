/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store-errors"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cm-store.h"

/* Every way of opening or writing a database that goes wrong for a person
 * in practice. For each: the error is in CM_STORE_ERROR with the right code
 * and a sentence a person can act on, the file is byte for byte what it was,
 * and the program carries on (every test runs in the same process).
 *
 * Permissions are tested as someone who does not own the file. Root is
 * stopped by no permission bit, so as root the check runs in a child process
 * that first becomes "nobody". Locks are held by a child process that uses
 * SQLite directly, as another program would. */

#define NOBODY_ID 65534
#define EXIT_UNREACHABLE 77

typedef struct
{
  char *dir;
} Fixture;

/* Helpers -------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return;

  if (S_ISDIR (info.st_mode))
    {
      GDir *dir;
      const char *name;

      /* A test may have left it read-only. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_clear_pointer (&dir, g_dir_close);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cm-store-errors-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
checksum_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
write_file (const char *path,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

/* A sentence, not a code or an empty string. */
static gboolean
is_actionable (const char *message)
{
  return message != NULL && g_utf8_validate (message, -1, NULL) &&
         g_utf8_strlen (message, -1) >= 20 && g_str_has_suffix (message, ".");
}

#define assert_store_error(error, code)                                  \
  G_STMT_START                                                           \
    {                                                                    \
      g_assert_error ((error), CM_STORE_ERROR, (code));                  \
      g_test_message ("Error shown: %s", (error)->message);              \
      g_assert_true (is_actionable ((error)->message));                  \
    }                                                                    \
  G_STMT_END

static void
assert_open_fails (const char   *path,
                   CmStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;

  store = cm_store_open (path, &error);
  g_assert_null (store);
  assert_store_error (error, code);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in a folder, sorted and joined, to compare as one string. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GDir *dir;
  const char *name;

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* Nothing was left behind: no journal, no temporary file. */
#define assert_folder_holds(folder, expected)                            \
  G_STMT_START                                                           \
    {                                                                    \
      g_autofree char *listed_ = list_folder (folder);                   \
      g_assert_cmpstr (listed_, ==, (expected));                         \
    }                                                                    \
  G_STMT_END

static void
exec_sqlite (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);

  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
make_text (GRand *rand,
           gsize  length)
{
  static const char * const words[] = {
    "advocacy", "carers", "referral", "waiting", "listened", "housing", "benefits",
    "appointment", "transport", "interpreter", "hospital", "discharge", "review",
    "assessment", "choice", "control", "independent", "support", "family", "home",
    "wheelchair", "access", "letters", "telephone", "complaint", "mental", "health",
    "capacity", "safeguarding", "outcome", "budget", "provider", "locality", "trust",
  };
  g_autoptr(GString) text = g_string_new (NULL);

  while (text->len < length)
    g_string_append_printf (text, "%s%s%d", text->len ? " " : "",
                            words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                            g_rand_int_range (rand, 0, 1000));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A real database: one cycle, one workshop and n_contributions of about
 * text_length bytes each. Closed, so that the file alone holds it all. */
static gint64
make_database (const char *path,
               guint       n_contributions,
               gsize       text_length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240514);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gint64 workshop_id;

  store = cm_store_open (path, &error);
  g_assert_no_error (error);

  cm_cycle_set_title (cycle, "Independent advocacy 2024–27");
  cm_store_add_cycle (store, cycle, NULL, &error);
  g_assert_no_error (error);

  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (cycle));
  cm_workshop_set_title (workshop, "Listening event");
  cm_store_add_workshop (store, workshop, &error);
  g_assert_no_error (error);
  workshop_id = cm_workshop_get_id (workshop);

  cm_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_contributions; i++)
    {
      g_autoptr(CmContribution) contribution = cm_contribution_new ();
      g_autofree char *text = make_text (rand, text_length);

      cm_contribution_set_workshop_id (contribution, workshop_id);
      cm_contribution_set_text (contribution, text);
      cm_store_add_contribution (store, contribution, &error);
      g_assert_no_error (error);
    }
  cm_store_commit (store, &error);
  g_assert_no_error (error);

  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  return workshop_id;
}

static gint64
count_contributions (CmStore *store,
                     gint64   workshop_id)
{
  g_autoptr(GError) error = NULL;
  gint64 count;

  count = cm_store_count_contributions (store, workshop_id, &error);
  g_assert_no_error (error);

  return count;
}

/* Files that are not databases ----------------------------------------- */

typedef struct
{
  const char *name;
  const char *contents;
  gsize       length;
} BadFile;

static const char minutes_text[] =
  "Minutes of the carers’ forum, 3 March\n"
  "Present: Margaret, Daniel, Aisha (chair)\n"
  "1. Respite: people want more notice of changes to respite dates.\n"
  "2. Any other business: none.\n";

/* The start of a PNG image: its signature and first chunks. */
static const char png_bytes[] =
  "\x89PNG\r\n\x1a\n"
  "\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
  "\x5c\x72\xa8\x66\x00\x00\x20\x00IDAT\x78\x9c\xed\xc1\x01\x0d\x00\x00\x00"
  "\xc2\xa0\xf7\x4f\x6d\x0e\x37\xa0\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00";

static const BadFile text_file = { "minutes.db", minutes_text, sizeof minutes_text - 1 };
static const BadFile png_file = { "picture.db", png_bytes, sizeof png_bytes - 1 };
static const BadFile empty_file = { "empty.db", "", 0 };

static void
check_bad_file (Fixture      *fixture,
                const char   *name,
                const char   *contents,
                gsize         length,
                CmStoreError  code)
{
  g_autofree char *path = path_in (fixture, name);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listed = NULL;

  write_file (path, contents, length);
  before = checksum_file (path);
  listed = list_folder (fixture->dir);

  assert_open_fails (path, code);

  after = checksum_file (path);
  g_assert_cmpstr (after, ==, before);
  /* Nothing was added beside it. */
  assert_folder_holds (fixture->dir, listed);
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  const BadFile *file = data;

  check_bad_file (fixture, file->name, file->contents, file->length,
                  CM_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_random_bytes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *bytes = g_malloc (64 * 1024);

  for (gsize i = 0; i < 64 * 1024; i++)
    bytes[i] = (char) g_rand_int_range (rand, 0, 256);

  check_bad_file (fixture, "noise.db", bytes, 64 * 1024, CM_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_zero_length (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, empty_file.name);
  GStatBuf info;

  check_bad_file (fixture, empty_file.name, empty_file.contents, empty_file.length,
                  CM_STORE_ERROR_NOT_A_DATABASE);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, ==, 0);
}

/* Damaged files -------------------------------------------------------- */

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "whole.db");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gsize cuts[3];

  make_database (path, 300, 1200);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 300 * 1024);

  /* In half; one byte short; just the first page. */
  cuts[0] = length / 2;
  cuts[1] = length - 1;
  cuts[2] = 4096;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *name = g_strdup_printf ("cut-%u.db", i);
      g_autofree char *cut = path_in (fixture, name);

      check_bad_file (fixture, name, contents, cuts[i], CM_STORE_ERROR_CORRUPT);
      g_unlink (cut);
    }

  assert_folder_holds (fixture->dir, "whole.db");
}

typedef struct
{
  double from;   /* the damaged pages, as fractions of the file */
  double to;
} Damage;

/* Everything but the first page (the header and the schema)... */
static const Damage damage_all_interior = { 0.0, 1.0 };
/* ...or a few pages in the middle. */
static const Damage damage_few_pages = { 0.5, 0.52 };

/* Counts an error if there is one; any error must say "damaged". */
static void
note_corruption (GError **error,
                 guint   *n_corrupt)
{
  if (*error == NULL)
    return;

  assert_store_error (*error, CM_STORE_ERROR_CORRUPT);
  (*n_corrupt)++;
  g_clear_error (error);
}

/* SQLite may only notice damage when it reads the damaged page: either
 * opening or the first reads must say so, and nothing may crash. */
static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  const Damage *damage = data;
  g_autofree char *path = path_in (fixture, "damaged.db");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);
  g_autoptr(CmStore) store = NULL;
  gsize length = 0;
  gsize page_size;
  gsize n_pages;
  gsize first;
  gsize last;
  guint n_corrupt = 0;
  gint64 workshop_id;

  workshop_id = make_database (path, 150, 1000);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  page_size = ((gsize) (guint8) contents[16] << 8) | (guint8) contents[17];
  g_assert_cmpuint (page_size, >=, 512);
  n_pages = length / page_size;
  g_assert_cmpuint (n_pages, >, 20);

  first = MAX (1, (gsize) (damage->from * n_pages));
  last = MIN (n_pages, MAX (first + 1, (gsize) (damage->to * n_pages)));
  for (gsize i = first * page_size; i < last * page_size; i++)
    contents[i] = (char) g_rand_int_range (rand, 0, 256);
  write_file (path, contents, length);
  before = checksum_file (path);

  store = cm_store_open (path, &error);
  if (store == NULL)
    note_corruption (&error, &n_corrupt);
  else
    {
      GListModel *list;
      GObject *object;

      list = cm_store_list_cycles (store, &error);
      g_clear_object (&list);
      note_corruption (&error, &n_corrupt);

      object = G_OBJECT (cm_store_get_workshop (store, workshop_id, &error));
      g_clear_object (&object);
      note_corruption (&error, &n_corrupt);

      list = cm_store_list_contributions (store, workshop_id, &error);
      g_clear_object (&list);
      note_corruption (&error, &n_corrupt);

      cm_store_check_integrity (store, &error);
      note_corruption (&error, &n_corrupt);

      g_clear_object (&store);
    }
  g_assert_cmpuint (n_corrupt, >, 0);

  after = checksum_file (path);
  g_assert_cmpstr (after, ==, before);
}

/* Someone else's file -------------------------------------------------- */

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "from-the-future.db");
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_database (path, 5, 200);
  sql = g_strdup_printf ("PRAGMA user_version = %d", CM_STORE_SCHEMA_VERSION + 1);
  exec_sqlite (path, sql);
  before = checksum_file (path);

  assert_open_fails (path, CM_STORE_ERROR_TOO_NEW);

  after = checksum_file (path);
  g_assert_cmpstr (after, ==, before);
  assert_folder_holds (fixture->dir, "from-the-future.db");
}

/* Another program's database, which may number its own schema. */
static void
test_other_program (Fixture       *fixture,
                    gconstpointer  data)
{
  const int user_versions[] = { 0, 1, CM_STORE_SCHEMA_VERSION + 5 };

  for (guint i = 0; i < G_N_ELEMENTS (user_versions); i++)
    {
      g_autofree char *name = g_strdup_printf ("recipes-%d.db", user_versions[i]);
      g_autofree char *path = path_in (fixture, name);
      g_autofree char *sql = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      sql = g_strdup_printf ("CREATE TABLE recipe (name TEXT NOT NULL, serves INTEGER);"
                             "INSERT INTO recipe VALUES ('Shepherd’s pie', 4), "
                             "('Bara brith', 8);"
                             "PRAGMA user_version = %d;", user_versions[i]);
      exec_sqlite (path, sql);
      before = checksum_file (path);

      g_test_message ("user_version %d", user_versions[i]);
      assert_open_fails (path, CM_STORE_ERROR_NOT_A_DATABASE);

      after = checksum_file (path);
      g_assert_cmpstr (after, ==, before);
      assert_folder_holds (fixture->dir, name);
      g_unlink (path);
    }
}

/* Permissions ---------------------------------------------------------- */

/* Runs in a child process: gives up root, then opens. The exit status
 * says how it went. */
static int
open_as_nobody (const char   *folder,
                const char   *path,
                CmStoreError  code)
{
  g_autoptr(GError) error = NULL;
  CmStore *store;

  if (setgroups (0, NULL) != 0 ||
      setresgid (NOBODY_ID, NOBODY_ID, NOBODY_ID) != 0 ||
      setresuid (NOBODY_ID, NOBODY_ID, NOBODY_ID) != 0 ||
      geteuid () != NOBODY_ID)
    {
      g_printerr ("Could not become nobody: %s\n", g_strerror (errno));
      return 2;
    }

  /* The temporary folder may sit inside one that nobody cannot enter. */
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return EXIT_UNREACHABLE;

  store = cm_store_open (path, &error);
  if (store != NULL)
    {
      g_printerr ("“%s” opened for nobody\n", path);
      g_object_unref (store);
      return 3;
    }

  if (!g_error_matches (error, CM_STORE_ERROR, code) || !is_actionable (error->message))
    {
      g_printerr ("Wrong error: %s (%s %d, expected code %d)\n", error->message,
                  g_quark_to_string (error->domain), error->code, code);
      return 4;
    }

  return 0;
}

/* Opens path as someone who does not own it, expecting code. */
static void
assert_open_fails_for_others (Fixture      *fixture,
                              const char   *path,
                              CmStoreError  code)
{
  pid_t pid;
  int status = 0;

  if (geteuid () != 0)
    {
      assert_open_fails (path, code);
      return;
    }

  /* Let nobody into the temporary folder; the test decides the rest. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (open_as_nobody (fixture->dir, path, code));

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_UNREACHABLE)
    {
      g_test_skip ("The temporary folder is out of nobody’s reach");
      return;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static char *
make_folder (Fixture    *fixture,
             const char *name)
{
  char *folder = path_in (fixture, name);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  return folder;
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "shared");
  g_autofree char *path = g_build_filename (folder, "read-only.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_database (path, 5, 200);
  /* Anyone may write in the folder, nobody but root in the file. */
  g_assert_cmpint (g_chmod (folder, 0777), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = checksum_file (path);

  assert_open_fails_for_others (fixture, path, CM_STORE_ERROR_READ_ONLY);

  after = checksum_file (path);
  g_assert_cmpstr (after, ==, before);
  assert_folder_holds (folder, "read-only.db");
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = make_folder (fixture, "archive");
  g_autofree char *path = g_build_filename (folder, "kept.db", NULL);
  g_autofree char *new_path = g_build_filename (folder, "new.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_database (path, 5, 200);
  /* Anyone may write in the file, nobody in the folder. */
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  before = checksum_file (path);

  assert_open_fails_for_others (fixture, path, CM_STORE_ERROR_READ_ONLY);
  /* Nor can a new database be made there. */
  assert_open_fails_for_others (fixture, new_path, CM_STORE_ERROR_READ_ONLY);

  after = checksum_file (path);
  g_assert_cmpstr (after, ==, before);
  assert_folder_holds (folder, "kept.db");
}

/* Locks ---------------------------------------------------------------- */

typedef struct
{
  pid_t pid;
  int   command;  /* write end: "L" takes the lock, "R" (or closing it) lets go */
  int   ready;    /* read end: one byte arrives once the lock is held */
} LockHolder;

static gboolean
wait_for_byte (int   fd,
               char *byte)
{
  ssize_t n;

  do
    n = read (fd, byte, 1);
  while (n < 0 && errno == EINTR);

  return n == 1;
}

/* Runs in a child process: what another program holding the database
 * would do. Its write is rolled back when it lets go. */
static int
hold_lock (const char *path,
           gboolean    exclusive,
           int         command,
           int         ready)
{
  sqlite3 *db = NULL;
  const char *take = exclusive ? "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                               : "BEGIN IMMEDIATE;";
  char byte = 0;

  if (!wait_for_byte (command, &byte) || byte != 'L')
    return 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, take, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "INSERT INTO cycle (title) VALUES ('Held by another program')",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_printerr ("The lock holder failed: %s\n", db != NULL ? sqlite3_errmsg (db) : "");
      return 1;
    }

  if (write (ready, "1", 1) != 1)
    return 2;

  wait_for_byte (command, &byte);

  if (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    return 3;

  return sqlite3_close (db) == SQLITE_OK ? 0 : 4;
}

/* Starts the other program. No connection may be open in this process
 * yet: SQLite's state must not be copied into a child by fork(). The child
 * opens its own connection only when told to take the lock. */
static void
lock_holder_start (LockHolder *holder,
                   const char *path,
                   gboolean    exclusive)
{
  int command[2];
  int ready[2];

  g_assert_cmpint (pipe (command), ==, 0);
  g_assert_cmpint (pipe (ready), ==, 0);

  fflush (stdout);
  fflush (stderr);
  holder->pid = fork ();
  g_assert_cmpint (holder->pid, >=, 0);
  if (holder->pid == 0)
    {
      close (command[1]);
      close (ready[0]);
      _exit (hold_lock (path, exclusive, command[0], ready[1]));
    }

  close (command[0]);
  close (ready[1]);
  holder->command = command[1];
  holder->ready = ready[0];
}

static void
lock_holder_lock (LockHolder *holder)
{
  char byte = 0;

  g_assert_cmpint (write (holder->command, "L", 1), ==, 1);
  g_assert_true (wait_for_byte (holder->ready, &byte));
}

static void
lock_holder_release (LockHolder *holder)
{
  int status = 0;

  g_assert_cmpint (write (holder->command, "R", 1), ==, 1);
  close (holder->command);
  close (holder->ready);

  g_assert_cmpint (waitpid (holder->pid, &status, 0), ==, holder->pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_locked_exclusive (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "in-use.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GListModel) cycles = NULL;
  LockHolder holder;
  gint64 started;

  make_database (path, 5, 200);
  before = checksum_file (path);

  lock_holder_start (&holder, path, TRUE);
  lock_holder_lock (&holder);

  started = g_get_monotonic_time ();
  store = cm_store_open_with_timeout (path, 100, &error);
  g_assert_null (store);
  assert_store_error (error, CM_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  /* It gave up after the time it was given, not the default. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);

  lock_holder_release (&holder);
  after = checksum_file (path);
  g_assert_cmpstr (after, ==, before);

  /* Once the other program lets go, the database opens as it was. */
  store = cm_store_open_with_timeout (path, 100, &error);
  g_assert_no_error (error);
  cycles = cm_store_list_cycles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);
}

/* Nothing can be saved while another program is writing; reading goes
 * on, so opening may work or may say the file is in use. When the other
 * program lets go, saving works again. */
static void
test_locked_for_writing (Fixture       *fixture,
                         gconstpointer  data)
{
  gboolean open_first = GPOINTER_TO_INT (data);
  g_autofree char *path = path_in (fixture, "being-written.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(CmContribution) contribution = cm_contribution_new ();
  LockHolder holder;
  gint64 workshop_id;
  gboolean saved;

  workshop_id = make_database (path, 5, 200);
  before = checksum_file (path);
  cm_contribution_set_workshop_id (contribution, workshop_id);
  cm_contribution_set_text (contribution, "Said while the file was locked.");

  lock_holder_start (&holder, path, FALSE);
  if (!open_first)
    lock_holder_lock (&holder);

  store = cm_store_open_with_timeout (path, 100, &error);
  if (store == NULL)
    {
      g_assert_false (open_first);
      g_test_message ("Opening failed while another program was writing");
      assert_store_error (error, CM_STORE_ERROR_LOCKED);
      g_clear_error (&error);
    }
  else
    {
      g_autoptr(GListModel) cycles = cm_store_list_cycles (store, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);
      cycle = g_list_model_get_item (cycles, 0);

      if (open_first)
        lock_holder_lock (&holder);

      cm_cycle_set_title (cycle, "Renamed while locked");
      saved = cm_store_save_cycle (store, cycle, &error);
      g_assert_false (saved);
      assert_store_error (error, CM_STORE_ERROR_LOCKED);
      g_clear_error (&error);

      saved = cm_store_add_contribution (store, contribution, &error);
      g_assert_false (saved);
      assert_store_error (error, CM_STORE_ERROR_LOCKED);
      g_clear_error (&error);
      g_assert_cmpint (cm_contribution_get_id (contribution), ==, 0);

      /* Reading still works. */
      g_assert_cmpint (count_contributions (store, workshop_id), ==, 5);
    }

  after = checksum_file (path);
  g_assert_cmpstr (after, ==, before);

  lock_holder_release (&holder);
  g_clear_pointer (&after, g_free);
  after = checksum_file (path);
  g_assert_cmpstr (after, ==, before);

  /* Now saving works, with the store that was open or a new one. */
  if (store == NULL)
    {
      store = cm_store_open_with_timeout (path, 100, &error);
      g_assert_no_error (error);
      cycle = cm_store_find_cycle (store, "Independent advocacy 2024–27", &error);
      g_assert_no_error (error);
    }
  cm_cycle_set_title (cycle, "Renamed once free");
  cm_store_save_cycle (store, cycle, &error);
  g_assert_no_error (error);
  cm_store_add_contribution (store, contribution, &error);
  g_assert_no_error (error);
  g_clear_object (&cycle);
  g_clear_object (&store);

  store = cm_store_open (path, &error);
  g_assert_no_error (error);
  cycle = cm_store_find_cycle (store, "Renamed once free", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_contributions (store, workshop_id), ==, 6);
}

/* A full disk ---------------------------------------------------------- */

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "full.db");
  g_autofree char *huge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmContribution) big = cm_contribution_new ();
  g_autoptr(CmContribution) small = cm_contribution_new ();
  g_autoptr(GListModel) contributions = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  gint64 workshop_id;
  gboolean saved;

  workshop_id = make_database (path, 10, 300);

  store = cm_store_open (path, &error);
  g_assert_no_error (error);
  contributions = cm_store_list_contributions (store, workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 10);

  /* Room for small changes, not for a megabyte. */
  cm_store_limit_size (store, 512 * 1024);

  huge = make_text (rand, 1024 * 1024);
  cm_contribution_set_workshop_id (big, workshop_id);
  cm_contribution_set_text (big, huge);
  saved = cm_store_add_contribution (store, big, &error);
  g_assert_false (saved);
  assert_store_error (error, CM_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpint (cm_contribution_get_id (big), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 10);

  /* The store carries on for what fits. */
  cm_contribution_set_workshop_id (small, workshop_id);
  cm_contribution_set_text (small, "A short note still fits.");
  cm_store_add_contribution (store, small, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 11);

  g_clear_object (&contributions);
  g_clear_object (&store);

  /* Everything saved before (and since) is there, and sound. */
  store = cm_store_open (path, &error);
  g_assert_no_error (error);
  cm_store_check_integrity (store, &error);
  g_assert_no_error (error);
  contributions = cm_store_list_contributions (store, workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contributions), ==, 11);
  for (guint i = 0; i < 11; i++)
    {
      g_autoptr(CmContribution) item = g_list_model_get_item (contributions, i);

      g_assert_cmpuint (strlen (cm_contribution_get_text (item)), <, 1024);
    }
}

/* Paths that cannot be a database -------------------------------------- */

static void
test_no_such_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *missing = path_in (fixture, "missing");
  g_autofree char *path = g_build_filename (missing, "deeper", "commissioning.db", NULL);

  assert_open_fails (path, CM_STORE_ERROR_NO_SUCH_FOLDER);

  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_folder_holds (fixture->dir, "");
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = make_folder (fixture, "looks-like.db");

  assert_open_fails (path, CM_STORE_ERROR_NOT_A_DATABASE);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  assert_folder_holds (path, "");
  assert_folder_holds (fixture->dir, "looks-like.db");
}

/* And a good file opens, again and again -------------------------------- */

static void
test_open_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "good.db");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) first = NULL;
  g_autoptr(CmStore) second = NULL;
  g_autoptr(CmContribution) contribution = cm_contribution_new ();
  gint64 workshop_id;

  workshop_id = make_database (path, 20, 200);
  before = checksum_file (path);

  /* One after the other: nothing lost, and opening alone writes nothing. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(CmStore) store = cm_store_open (path, &error);
      g_autoptr(GListModel) cycles = NULL;
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (cm_store_get_schema_version (store), ==, CM_STORE_SCHEMA_VERSION);
      cycles = cm_store_list_cycles (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);
      g_assert_cmpint (count_contributions (store, workshop_id), ==, 20);
      g_clear_object (&cycles);
      g_clear_object (&store);

      after = checksum_file (path);
      g_assert_cmpstr (after, ==, before);
    }

  /* Both at once, as two windows would. */
  first = cm_store_open (path, &error);
  g_assert_no_error (error);
  second = cm_store_open (path, &error);
  g_assert_no_error (error);

  cm_contribution_set_workshop_id (contribution, workshop_id);
  cm_contribution_set_text (contribution, "Seen from the other window.");
  cm_store_add_contribution (first, contribution, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_contributions (second, workshop_id), ==, 21);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/store-errors/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("not-a-database/text", test_not_a_database, &text_file);
  ADD ("not-a-database/png", test_not_a_database, &png_file);
  ADD ("not-a-database/random-bytes", test_random_bytes, NULL);
  ADD ("zero-length", test_zero_length, NULL);
  ADD ("truncated", test_truncated, NULL);
  ADD ("corrupt/interior-pages", test_corrupt, &damage_all_interior);
  ADD ("corrupt/few-pages", test_corrupt, &damage_few_pages);
  ADD ("too-new", test_too_new, NULL);
  ADD ("other-program", test_other_program, NULL);
  ADD ("read-only/file", test_read_only_file, NULL);
  ADD ("read-only/folder", test_read_only_folder, NULL);
  ADD ("locked/exclusive", test_locked_exclusive, NULL);
  ADD ("locked/for-writing/while-open", test_locked_for_writing, GINT_TO_POINTER (TRUE));
  ADD ("locked/for-writing/before-open", test_locked_for_writing, GINT_TO_POINTER (FALSE));
  ADD ("disk-full", test_disk_full, NULL);
  ADD ("no-such-folder", test_no_such_folder, NULL);
  ADD ("directory", test_directory, NULL);
  ADD ("open-twice", test_open_twice, NULL);

#undef ADD

  return g_test_run ();
}
