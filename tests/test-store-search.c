/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store-search"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cm-store.h"
#include "cm-store-search.h"

/* Full-text search over activities, specification sections and
 * contributions: what is found, what is not, and that nothing a person
 * types into the search box can make it fail. */

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

  fixture->dir = g_dir_make_tmp ("test-store-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "commissioning.db", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (CM_IS_STORE (fixture->store));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->store));

  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_assert_cmpint (g_unlink (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);

  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
fixture_reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* ---------------------------------------------------------------------------
 * Helpers
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
  return cycle;
}

static CmActivity *
add_activity (CmStore    *store,
              gint64      cycle_id,
              const char *title,
              const char *description)
{
  g_autoptr(GError) error = NULL;
  CmActivity *activity = cm_activity_new ();

  cm_activity_set_cycle_id (activity, cycle_id);
  cm_activity_set_stage (activity, CM_STAGE_ANALYSE);
  cm_activity_set_title (activity, title);
  cm_activity_set_description (activity, description);
  g_assert_true (cm_store_add_activity (store, activity, &error));
  g_assert_no_error (error);
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
  return section;
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
  return workshop;
}

static CmContribution *
add_contribution (CmStore    *store,
                  gint64      workshop_id,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  CmContribution *contribution = cm_contribution_new ();

  cm_contribution_set_workshop_id (contribution, workshop_id);
  cm_contribution_set_text (contribution, text);
  g_assert_true (cm_store_add_contribution (store, contribution, &error));
  g_assert_no_error (error);
  return contribution;
}

static GListModel *
search (CmStore    *store,
        const char *text,
        gint64      cycle_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *results = cm_store_search (store, text, cycle_id, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_true (g_list_model_get_item_type (results) == CM_TYPE_SEARCH_RESULT);
  return results;
}

/* The result for this kind and id, or NULL. Borrowed from the list. */
static CmSearchResult *
find_result (GListModel   *results,
             CmSearchKind  kind,
             gint64        object_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CmSearchResult) result = g_list_model_get_item (results, i);

      if (cm_search_result_get_kind (result) == kind &&
          cm_search_result_get_object_id (result) == object_id)
        return result;
    }

  return NULL;
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded_haystack = g_utf8_casefold (haystack, -1);
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);

  return strstr (folded_haystack, folded_needle) != NULL;
}

static void
count_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  guint *bold = user_data;

  if (g_str_equal (element_name, "b"))
    (*bold)++;
}

/* The markup is well formed, uses only <b>, and has at least one. */
static void
assert_markup_well_formed (const char *markup)
{
  static const GMarkupParser parser = { count_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);
  guint bold = 0;

  context = g_markup_parse_context_new (&parser, 0, &bold, NULL);
  g_assert_true (g_markup_parse_context_parse (context, document, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bold, >, 0);
}

/* Checks one result in full: what it is, where it belongs, and that the
 * snippet shows the match, bold in the markup. */
static void
assert_result (CmSearchResult *result,
               gint64          cycle_id,
               const char     *title,
               const char     *match)
{
  const char *snippet = cm_search_result_get_snippet (result);
  const char *markup = cm_search_result_get_snippet_markup (result);
  g_autofree char *bold_match = NULL;

  g_assert_nonnull (result);
  g_assert_cmpint (cm_search_result_get_cycle_id (result), ==, cycle_id);
  g_assert_cmpstr (cm_search_result_get_title (result), ==, title);
  g_assert_nonnull (snippet);
  g_assert_true (contains_folded (snippet, match));
  g_assert_null (strchr (snippet, '\x01'));
  g_assert_null (strchr (snippet, '\x02'));
  g_assert_nonnull (strstr (markup, "<b>"));
  g_assert_nonnull (strstr (markup, "</b>"));
  bold_match = g_strconcat ("<b>", match, NULL);
  g_assert_true (contains_folded (markup, bold_match));
  assert_markup_well_formed (markup);
}

/* ---------------------------------------------------------------------------
 * A small world to search
 * ------------------------------------------------------------------------- */

typedef struct
{
  CmCycle        *cycle;
  CmCycle        *other_cycle;
  CmActivity     *activity;
  CmActivity     *other_activity;
  CmServiceSpec  *spec;
  CmSpecSection  *section;
  CmWorkshop     *workshop;
  CmContribution *contribution;
  CmContribution *cafe;
} World;

static void
world_init (World   *world,
            CmStore *store)
{
  gint64 cycle_id;

  world->cycle = add_cycle (store, "Independent advocacy 2025");
  world->other_cycle = add_cycle (store, "Home care 2026");
  cycle_id = cm_cycle_get_id (world->cycle);

  world->activity = add_activity (store, cycle_id, "Map current provision and providers",
                                  "Who provides advocacy now, for whom, at what cost.");
  world->other_activity = add_activity (store, cm_cycle_get_id (world->other_cycle),
                                        "Home care market", "Advocacy is out of scope here.");
  world->spec = add_spec (store, cycle_id, "Advocacy hub");
  world->section = add_section (store, cm_service_spec_get_id (world->spec),
                                "Quality standards",
                                "Providers hold the Advocacy Quality Performance Mark and "
                                "follow the Advocacy Charter.");
  world->workshop = add_workshop (store, cycle_id, "Listening event");
  world->contribution = add_contribution (store, cm_workshop_get_id (world->workshop),
                                          "My advocate listened & <b>really</b> helped; "
                                          "advocacy made my care assessment fair");
  world->cafe = add_contribution (store, cm_workshop_get_id (world->workshop),
                                  "Meet in a café, not the council offices");
}

static void
world_clear (World *world)
{
  g_clear_object (&world->cycle);
  g_clear_object (&world->other_cycle);
  g_clear_object (&world->activity);
  g_clear_object (&world->other_activity);
  g_clear_object (&world->spec);
  g_clear_object (&world->section);
  g_clear_object (&world->workshop);
  g_clear_object (&world->contribution);
  g_clear_object (&world->cafe);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (World, world_clear)

/* ---------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------- */

static void
test_search_kinds (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(World) world = { 0 };
  g_autoptr(GListModel) results = NULL;
  gint64 cycle_id;

  world_init (&world, fixture->store);
  cycle_id = cm_cycle_get_id (world.cycle);

  for (int pass = 0; pass < 2; pass++)
    {
      CmSearchResult *result;

      g_clear_object (&results);
      results = search (fixture->store, "advocacy", 0);

      result = find_result (results, CM_SEARCH_KIND_ACTIVITY, cm_activity_get_id (world.activity));
      g_assert_nonnull (result);
      assert_result (result, cycle_id, "Map current provision and providers", "advocacy");

      result = find_result (results, CM_SEARCH_KIND_ACTIVITY,
                            cm_activity_get_id (world.other_activity));
      g_assert_nonnull (result);
      assert_result (result, cm_cycle_get_id (world.other_cycle), "Home care market",
                     "advocacy");

      result = find_result (results, CM_SEARCH_KIND_SECTION,
                            cm_spec_section_get_id (world.section));
      g_assert_nonnull (result);
      assert_result (result, cycle_id, "Quality standards", "advocacy");

      /* A contribution is shown under its workshop's title. */
      result = find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                            cm_contribution_get_id (world.contribution));
      g_assert_nonnull (result);
      assert_result (result, cycle_id, "Listening event", "advocacy");

      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 4);

      /* The index is in the file. */
      fixture_reopen (fixture);
    }

  /* Text that looks like markup is escaped in the markup snippet. */
  {
    CmSearchResult *result = find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                                          cm_contribution_get_id (world.contribution));
    g_assert_nonnull (strstr (cm_search_result_get_snippet (result), "& <b>really</b>"));
    g_assert_nonnull (strstr (cm_search_result_get_snippet_markup (result),
                              "&amp; &lt;b&gt;really&lt;/b&gt;"));
  }

  /* Words in different fields of one activity all count. */
  g_clear_object (&results);
  results = search (fixture->store, "providers cost", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_ACTIVITY,
                                 cm_activity_get_id (world.activity)));

  g_clear_object (&results);
  results = search (fixture->store, "nothing matches this", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

static void
test_search_prefix_and_accents (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(World) world = { 0 };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(CmContribution) cjk = NULL;
  g_autoptr(CmContribution) plain_cafe = NULL;
  gint64 cycle_id;
  CmSearchResult *result;

  world_init (&world, fixture->store);
  cycle_id = cm_cycle_get_id (world.cycle);

  results = search (fixture->store, "advoc", cycle_id);
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_ACTIVITY,
                                 cm_activity_get_id (world.activity)));
  result = find_result (results, CM_SEARCH_KIND_SECTION, cm_spec_section_get_id (world.section));
  g_assert_nonnull (result);
  assert_result (result, cycle_id, "Quality standards", "advocacy");
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                                 cm_contribution_get_id (world.contribution)));

  /* Case does not matter. */
  g_clear_object (&results);
  results = search (fixture->store, "ADVOC", cycle_id);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);

  /* Accents are ignored both ways, composed or not. */
  g_clear_object (&results);
  results = search (fixture->store, "cafe", 0);
  result = find_result (results, CM_SEARCH_KIND_CONTRIBUTION, cm_contribution_get_id (world.cafe));
  g_assert_nonnull (result);
  assert_result (result, cycle_id, "Listening event", "café");

  g_clear_object (&results);
  results = search (fixture->store, "CAFÉ", 0);
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                                 cm_contribution_get_id (world.cafe)));

  g_clear_object (&results);
  results = search (fixture->store, "cafe\xcc\x81", 0);
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                                 cm_contribution_get_id (world.cafe)));

  plain_cafe = add_contribution (fixture->store, cm_workshop_get_id (world.workshop),
                                 "The cafe was too noisy");
  g_clear_object (&results);
  results = search (fixture->store, "café", 0);
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                                 cm_contribution_get_id (plain_cafe)));
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                                 cm_contribution_get_id (world.cafe)));

  /* Welsh and CJK words are words too. */
  cjk = add_contribution (fixture->store, cm_workshop_get_id (world.workshop),
                          "独立倡导服务 and Gwasanaeth ŵŷ eiriolaeth");
  g_clear_object (&results);
  results = search (fixture->store, "独立", 0);
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                                 cm_contribution_get_id (cjk)));
  g_clear_object (&results);
  results = search (fixture->store, "wy", 0);
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                                 cm_contribution_get_id (cjk)));
  g_clear_object (&results);
  results = search (fixture->store, "ŵŷ eirio", 0);
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                                 cm_contribution_get_id (cjk)));

  /* Every word must match, not any. */
  g_clear_object (&results);
  results = search (fixture->store, "advocacy zebra", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

static void
test_search_cycle_and_limit (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(World) world = { 0 };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cycle_id;

  world_init (&world, fixture->store);
  cycle_id = cm_cycle_get_id (world.cycle);

  results = search (fixture->store, "advocacy", cycle_id);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CmSearchResult) result = g_list_model_get_item (results, i);
      g_assert_cmpint (cm_search_result_get_cycle_id (result), ==, cycle_id);
    }
  g_assert_null (find_result (results, CM_SEARCH_KIND_ACTIVITY,
                              cm_activity_get_id (world.other_activity)));

  g_clear_object (&results);
  results = search (fixture->store, "advocacy", cm_cycle_get_id (world.other_cycle));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_ACTIVITY,
                                 cm_activity_get_id (world.other_activity)));

  g_clear_object (&results);
  results = search (fixture->store, "advocacy", 424242);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  /* At most as many results as asked for. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *text = g_strdup_printf ("Advocacy point number %u", i);
      g_object_unref (add_contribution (fixture->store, cm_workshop_get_id (world.workshop),
                                        text));
    }
  g_clear_object (&results);
  results = cm_store_search (fixture->store, "advocacy", 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  g_clear_object (&results);
  results = search (fixture->store, "advocacy", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 14);
}

static void
test_search_trashed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(World) world = { 0 };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  GObject *items[4];

  world_init (&world, fixture->store);
  items[0] = G_OBJECT (world.activity);
  items[1] = G_OBJECT (world.section);
  items[2] = G_OBJECT (world.contribution);
  items[3] = G_OBJECT (world.other_activity);

  /* Each item disappears from the results while it is in the trash. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_assert_true (cm_store_trash (fixture->store, items[i], &error));
      g_assert_no_error (error);
      results = search (fixture->store, "advoc", 0);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
      g_clear_object (&results);

      g_assert_true (cm_store_restore (fixture->store, items[i], &error));
      g_assert_no_error (error);
      results = search (fixture->store, "advoc", 0);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 4);
      g_clear_object (&results);
    }

  /* So do the contents of a trashed parent. */
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (world.workshop), &error));
  g_assert_no_error (error);
  results = search (fixture->store, "advoc", 0);
  g_assert_null (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                              cm_contribution_get_id (world.contribution)));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  g_clear_object (&results);

  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (world.spec), &error));
  g_assert_no_error (error);
  results = search (fixture->store, "advoc", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);

  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (world.cycle), &error));
  g_assert_no_error (error);
  results = search (fixture->store, "advoc", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_nonnull (find_result (results, CM_SEARCH_KIND_ACTIVITY,
                                 cm_activity_get_id (world.other_activity)));
  g_clear_object (&results);

  /* Emptying the trash takes the rows out of the index cleanly. */
  g_assert_true (cm_store_empty_trash (fixture->store, &error));
  g_assert_no_error (error);
  results = search (fixture->store, "advoc", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  results = search (fixture->store, "cafe", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);
  g_assert_true (cm_store_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

/* The kind and object id of each result, in order, against an expected
 * list of (kind, id) pairs. */
static void
assert_results_in_order (GListModel   *results,
                         const gint64 *expected,
                         guint         n_expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_expected / 2);
  for (guint i = 0; i < n_expected / 2; i++)
    {
      g_autoptr(CmSearchResult) result = g_list_model_get_item (results, i);

      g_test_message ("result %u", i);
      g_assert_cmpint (cm_search_result_get_kind (result), ==, expected[2 * i]);
      g_assert_cmpint (cm_search_result_get_object_id (result), ==, expected[2 * i + 1]);
    }
}

/* Activities first, then sections, then contributions, newest first
 * within each kind; a limit cuts the list there and nowhere else. */
static void
test_search_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Ordering");
  gint64 cycle_id = cm_cycle_get_id (cycle);
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, cycle_id, "Event");
  g_autoptr(CmServiceSpec) spec = add_spec (fixture->store, cycle_id, "Spec");
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 contributions[3];
  gint64 activities[2];
  gint64 sections[2];
  g_autoptr(GError) error = NULL;

  /* Made in an order that is not the order of the results. */
  for (guint i = 0; i < 3; i++)
    {
      CmContribution *contribution =
        add_contribution (fixture->store, cm_workshop_get_id (workshop), "an okapi spoke");

      contributions[i] = cm_contribution_get_id (contribution);
      g_ptr_array_add (keep, contribution);
      if (i < 2)
        {
          CmSpecSection *section = add_section (fixture->store, cm_service_spec_get_id (spec),
                                                "Okapi care", "Body");
          CmActivity *activity = add_activity (fixture->store, cycle_id, "Ask the okapi", "");

          sections[i] = cm_spec_section_get_id (section);
          activities[i] = cm_activity_get_id (activity);
          g_ptr_array_add (keep, section);
          g_ptr_array_add (keep, activity);
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      /* Over every cycle, then within the cycle: the same order. */
      gint64 scope = pass == 0 ? 0 : cycle_id;
      const gint64 all[] = {
        CM_SEARCH_KIND_ACTIVITY, activities[1],
        CM_SEARCH_KIND_ACTIVITY, activities[0],
        CM_SEARCH_KIND_SECTION, sections[1],
        CM_SEARCH_KIND_SECTION, sections[0],
        CM_SEARCH_KIND_CONTRIBUTION, contributions[2],
        CM_SEARCH_KIND_CONTRIBUTION, contributions[1],
        CM_SEARCH_KIND_CONTRIBUTION, contributions[0],
      };

      for (guint limit = 1; limit <= G_N_ELEMENTS (all) / 2 + 1; limit++)
        {
          g_autoptr(GListModel) results = cm_store_search (fixture->store, "okapi", scope,
                                                           limit, &error);

          g_assert_no_error (error);
          g_test_message ("cycle %" G_GINT64_FORMAT ", limit %u", scope, limit);
          assert_results_in_order (results, all, MIN (2 * limit, G_N_ELEMENTS (all)));
        }
    }
}

/* Trashed rows are left out before the limit is applied, so that the
 * newest matches being in the trash cannot hide older live ones. */
static void
test_search_trash_before_limit (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(CmCycle) cycle = add_cycle (fixture->store, "Live");
  g_autoptr(CmCycle) binned = add_cycle (fixture->store, "Binned");
  g_autoptr(CmWorkshop) workshop = add_workshop (fixture->store, cm_cycle_get_id (cycle),
                                                 "Event");
  g_autoptr(CmWorkshop) binned_workshop = NULL;
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) trashed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (live, add_contribution (fixture->store, cm_workshop_get_id (workshop),
                                             "a wombat was mentioned"));

  /* Newer matches: some trashed themselves, some in a trashed cycle. */
  for (guint i = 0; i < 4; i++)
    {
      CmContribution *contribution =
        add_contribution (fixture->store, cm_workshop_get_id (workshop), "wombat again");

      g_assert_true (cm_store_trash (fixture->store, G_OBJECT (contribution), &error));
      g_assert_no_error (error);
      g_ptr_array_add (trashed, contribution);
    }
  binned_workshop = add_workshop (fixture->store, cm_cycle_get_id (binned), "Gone");
  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (trashed, add_contribution (fixture->store,
                                                cm_workshop_get_id (binned_workshop),
                                                "wombat in the bin"));
  g_assert_true (cm_store_trash (fixture->store, G_OBJECT (binned), &error));
  g_assert_no_error (error);

  for (guint pass = 0; pass < 2; pass++)
    {
      gint64 scope = pass == 0 ? 0 : cm_cycle_get_id (cycle);

      for (guint limit = 1; limit <= 4; limit++)
        {
          g_autoptr(GListModel) results = cm_store_search (fixture->store, "wombat", scope,
                                                           limit, &error);

          g_assert_no_error (error);
          g_test_message ("cycle %" G_GINT64_FORMAT ", limit %u", scope, limit);
          g_assert_cmpuint (g_list_model_get_n_items (results), ==, MIN (limit, live->len));
          for (guint i = 0; i < g_list_model_get_n_items (results); i++)
            {
              g_autoptr(CmSearchResult) result = g_list_model_get_item (results, i);
              CmContribution *expected = g_ptr_array_index (live, live->len - 1 - i);

              g_assert_cmpint (cm_search_result_get_object_id (result), ==,
                               cm_contribution_get_id (expected));
            }
        }
    }

  /* The trashed cycle's own search finds nothing either. */
  {
    g_autoptr(GListModel) results = search (fixture->store, "wombat", cm_cycle_get_id (binned));
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  }
}

/* Searching one cycle finds exactly its rows, however its ids lie among
 * other cycles' ids: interleaved, all older, all newer, or none at all. */
static void
test_search_cycle_interleaved (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(CmCycle) first = add_cycle (fixture->store, "First");
  g_autoptr(CmCycle) second = add_cycle (fixture->store, "Second");
  g_autoptr(CmCycle) early = add_cycle (fixture->store, "Early");
  g_autoptr(CmCycle) empty = add_cycle (fixture->store, "Empty");
  g_autoptr(CmWorkshop) early_workshop = add_workshop (fixture->store,
                                                       cm_cycle_get_id (early), "Early");
  g_autoptr(CmContribution) early_contribution = NULL;
  g_autoptr(CmActivity) early_activity = NULL;
  g_autoptr(CmServiceSpec) early_spec = add_spec (fixture->store, cm_cycle_get_id (early),
                                                  "Early spec");
  g_autoptr(CmSpecSection) early_section = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  CmCycle *cycles[2] = { first, second };
  CmWorkshop *workshops[2][2];
  CmServiceSpec *specs[2];
  guint n_per_cycle[2] = { 0, 0 };
  g_autoptr(GError) error = NULL;

  early_contribution = add_contribution (fixture->store, cm_workshop_get_id (early_workshop),
                                         "the quagga came early");
  early_activity = add_activity (fixture->store, cm_cycle_get_id (early), "Quagga plan", "");
  early_section = add_section (fixture->store, cm_service_spec_get_id (early_spec),
                               "Quagga section", "");

  for (guint c = 0; c < 2; c++)
    {
      specs[c] = add_spec (fixture->store, cm_cycle_get_id (cycles[c]), "Spec");
      g_ptr_array_add (keep, specs[c]);
      for (guint w = 0; w < 2; w++)
        {
          workshops[c][w] = add_workshop (fixture->store, cm_cycle_get_id (cycles[c]), "W");
          g_ptr_array_add (keep, workshops[c][w]);
        }
    }

  /* Rows of both cycles, taken in turns, in workshops taken in turns. */
  for (guint i = 0; i < 24; i++)
    {
      guint c = (i / 3) % 2;

      g_ptr_array_add (keep, add_contribution (fixture->store,
                                               cm_workshop_get_id (workshops[c][i % 2]),
                                               "many a quagga"));
      g_ptr_array_add (keep, add_activity (fixture->store, cm_cycle_get_id (cycles[c]),
                                           "Quagga", ""));
      g_ptr_array_add (keep, add_section (fixture->store, cm_service_spec_get_id (specs[c]),
                                          "Quagga", ""));
      n_per_cycle[c] += 3;
    }

  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(GListModel) results = search (fixture->store, "quagga",
                                              cm_cycle_get_id (cycles[c]));
      gint64 previous_id = G_MAXINT64;
      CmSearchKind previous_kind = CM_SEARCH_KIND_ACTIVITY;

      g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_per_cycle[c]);
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(CmSearchResult) result = g_list_model_get_item (results, i);
          CmSearchKind kind = cm_search_result_get_kind (result);

          g_assert_cmpint (cm_search_result_get_cycle_id (result), ==,
                           cm_cycle_get_id (cycles[c]));
          g_assert_cmpint (kind, >=, previous_kind);
          if (kind == previous_kind)
            g_assert_cmpint (cm_search_result_get_object_id (result), <, previous_id);
          previous_kind = kind;
          previous_id = cm_search_result_get_object_id (result);
        }
    }

  /* The early cycle's rows are older than every other match. */
  {
    g_autoptr(GListModel) results = search (fixture->store, "quagga", cm_cycle_get_id (early));
    const gint64 expected[] = {
      CM_SEARCH_KIND_ACTIVITY, cm_activity_get_id (early_activity),
      CM_SEARCH_KIND_SECTION, cm_spec_section_get_id (early_section),
      CM_SEARCH_KIND_CONTRIBUTION, cm_contribution_get_id (early_contribution),
    };

    assert_results_in_order (results, expected, G_N_ELEMENTS (expected));
  }

  /* A cycle with no rows at all finds nothing, and says so without error. */
  {
    g_autoptr(GListModel) results = cm_store_search (fixture->store, "quagga",
                                                     cm_cycle_get_id (empty), 50, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  }

  /* Every cycle: all of them, up to the limit. */
  {
    g_autoptr(GListModel) results = cm_store_search (fixture->store, "quagga", 0, 1000,
                                                     &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==,
                      n_per_cycle[0] + n_per_cycle[1] + 3);
  }
}

static void
assert_fts_consistent (const char *path)
{
  const char * const checks[] = {
    "INSERT INTO activity_fts (activity_fts, rank) VALUES ('integrity-check', 1)",
    "INSERT INTO section_fts (section_fts, rank) VALUES ('integrity-check', 1)",
    "INSERT INTO contribution_fts (contribution_fts, rank) VALUES ('integrity-check', 1)",
  };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      int rc = sqlite3_exec (db, checks[i], NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        g_test_message ("%s: %s", checks[i], sqlite3_errmsg (db));
      g_assert_cmpint (rc, ==, SQLITE_OK);
    }
  sqlite3_close (db);
}

static void
test_search_follows_edits (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(World) world = { 0 };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cycle_id;

  world_init (&world, fixture->store);
  cycle_id = cm_cycle_get_id (world.cycle);

  cm_activity_set_title (world.activity, "Zebra crossing survey");
  cm_activity_set_description (world.activity, "Nothing about the old subject");
  g_assert_true (cm_store_save_activity (fixture->store, world.activity, &error));
  g_assert_no_error (error);

  results = search (fixture->store, "zebra", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  assert_result (find_result (results, CM_SEARCH_KIND_ACTIVITY,
                              cm_activity_get_id (world.activity)),
                 cycle_id, "Zebra crossing survey", "zebra");
  g_clear_object (&results);
  results = search (fixture->store, "provision", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  cm_activity_set_evidence_notes (world.activity, "Minutes mention quokkas");
  g_assert_true (cm_store_save_activity (fixture->store, world.activity, &error));
  g_assert_no_error (error);
  results = search (fixture->store, "quokka", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  cm_spec_section_set_body (world.section, "Rewritten around tapirs");
  g_assert_true (cm_store_save_section (fixture->store, world.section, &error));
  g_assert_no_error (error);
  results = search (fixture->store, "tapir", 0);
  assert_result (find_result (results, CM_SEARCH_KIND_SECTION,
                              cm_spec_section_get_id (world.section)),
                 cycle_id, "Quality standards", "tapirs");
  g_clear_object (&results);
  results = search (fixture->store, "charter", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  cm_spec_section_set_title (world.section, "Okapi standards");
  g_assert_true (cm_store_save_section (fixture->store, world.section, &error));
  g_assert_no_error (error);
  results = search (fixture->store, "okapi", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  cm_contribution_set_text (world.contribution, "Now about narwhals");
  g_assert_true (cm_store_save_contribution (fixture->store, world.contribution, &error));
  g_assert_no_error (error);
  results = search (fixture->store, "narwhal", 0);
  assert_result (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                              cm_contribution_get_id (world.contribution)),
                 cycle_id, "Listening event", "narwhals");
  g_clear_object (&results);
  results = search (fixture->store, "advocate", 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  /* Themes are searched with the text. */
  {
    const char * const themes[] = { "transport", NULL };

    cm_contribution_set_themes (world.cafe, themes);
    g_assert_true (cm_store_save_contribution (fixture->store, world.cafe, &error));
    g_assert_no_error (error);
    results = search (fixture->store, "transp", 0);
    g_assert_nonnull (find_result (results, CM_SEARCH_KIND_CONTRIBUTION,
                                   cm_contribution_get_id (world.cafe)));
    g_clear_object (&results);
  }

  /* A workshop's new title shows in its contributions' results. */
  cm_workshop_set_title (world.workshop, "Renamed event");
  g_assert_true (cm_store_save_workshop (fixture->store, world.workshop, &error));
  g_assert_no_error (error);
  results = search (fixture->store, "narwhal", 0);
  g_assert_cmpstr (cm_search_result_get_title (find_result (results,
                                                            CM_SEARCH_KIND_CONTRIBUTION,
                                                            cm_contribution_get_id (
                                                              world.contribution))),
                   ==, "Renamed event");
  g_clear_object (&results);

  /* The triggers kept the external-content indexes exactly in step. */
  world_clear (&world);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  assert_fts_consistent (fixture->path);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* What a test message may show of text that need not be valid UTF-8. */
static char *
printable (const char *text)
{
  if (text == NULL)
    return g_strdup ("(null)");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strescape (text, NULL);
  return g_strdup (text);
}

static void
test_search_user_syntax (Fixture       *fixture,
                         gconstpointer  data)
{
  const char * const inputs[] = {
    "\"", "\"\"", "\"advocacy", "advocacy\"", "*", "advoc*", "**", "* advocacy",
    "AND", "OR", "NOT", "advocacy AND", "AND advocacy", "advocacy OR care",
    "advocacy NOT care", "NEAR(", "NEAR(advocacy care", "NEAR(advocacy care, 2)",
    "-", "-advocacy", "advocacy -care", ":", "title:advocacy", "title : advocacy",
    "{title body}: advocacy", "(", ")", "()", "(advocacy", "advocacy)", "((advocacy OR",
    "^advocacy", "+advocacy", "'", "' OR 1=1 --", "'); DROP TABLE activity;--",
    "\\", "%", "_", ";", ",", ".", "advocacy.", "care-act", "e-mail",
    "\t\n", "\xc2\xa0", "\xef\xbb\xbf", "\xff\xfe", "advoc\xff", "👩‍👩‍👧", "#access @gwen",
    "rank", "rowid", "activity_fts", "MATCH", "NULL",
  };
  g_autoptr(GError) error = NULL;
  g_auto(World) world = { 0 };
  g_autoptr(GString) long_query = g_string_new (NULL);

  world_init (&world, fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GListModel) results = NULL;
      g_autofree char *shown = printable (inputs[i]);

      g_test_message ("query: %s", shown);
      results = cm_store_search (fixture->store, inputs[i], 0, 20, &error);
      g_assert_no_error (error);
      g_assert_nonnull (results);
    }

  /* The words among the syntax are still searched for. */
  {
    const char * const still_found[] = {
      "\"advocacy", "advoc*", "(advocacy", "-advocacy", "^advocacy", "advocacy)",
      "{advocacy}", "advocacy:",
    };

    for (guint i = 0; i < G_N_ELEMENTS (still_found); i++)
      {
        g_autoptr(GListModel) results = NULL;

        g_test_message ("query: %s", still_found[i]);
        results = cm_store_search (fixture->store, still_found[i], 0, 20, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (results), ==, 4);
      }
  }

  /* A pasted paragraph is not an error either. */
  for (guint i = 0; i < 500; i++)
    g_string_append (long_query, "advocacy (care) \"act\" ");
  {
    g_autoptr(GListModel) results = cm_store_search (fixture->store, long_query->str, 0, 20,
                                                     &error);
    g_assert_no_error (error);
    g_assert_nonnull (results);
  }

  {
    g_autoptr(GListModel) results = cm_store_search (fixture->store, NULL, 0, 20, &error);
    g_assert_no_error (error);
    g_assert_nonnull (results);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  }
  {
    g_autoptr(GListModel) results = cm_store_search (fixture->store, "", 0, 20, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  }
}

/* Control characters in saved text cannot unbalance the markup. */
static void
test_search_control_characters (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(World) world = { 0 };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(CmContribution) odd = NULL;
  CmSearchResult *result;

  world_init (&world, fixture->store);
  odd = add_contribution (fixture->store, cm_workshop_get_id (world.workshop),
                          "stray \x02 wombat \x01 end\tand a tab");

  results = search (fixture->store, "wombat", 0);
  result = find_result (results, CM_SEARCH_KIND_CONTRIBUTION, cm_contribution_get_id (odd));
  g_assert_nonnull (result);
  assert_result (result, cm_cycle_get_id (world.cycle), "Listening event", "wombat");
}

static void
test_query_from_text (void)
{
  const struct
  {
    const char *text;
    const char *query;
  } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { "   ", NULL },
    { "\t\n\r", NULL },
    { "!!!", NULL },
    { "\"*():-^+{},.;'", NULL },
    { "--- *** ---", NULL },
    { "👩‍👩‍👧 👍", NULL },
    { "\xff\xfe", NULL },
    { "advocacy", "\"advocacy\"*" },
    { "  advoc  care ", "\"advoc\" \"care\"*" },
    { "AND", "\"AND\"*" },
    { "a OR b", "\"a\" \"OR\" \"b\"" },
    { "NEAR(x y)", "\"NEAR\" \"x\" \"y\"" },
    { "title:advocacy", "\"title\" \"advocacy\"*" },
    { "\"quoted\"", "\"quoted\"*" },
    { "don't", "\"don\" \"t\"" },
    { "care-act 2014", "\"care\" \"act\" \"2014\"*" },
    { "#access @gwen", "\"access\" \"gwen\"*" },
    { "café", "\"café\"*" },
    { "cafe\xcc\x81", "\"café\"*" },
    { "Ŵŷ", "\"Ŵŷ\"*" },
    { "独立倡导", "\"独立倡导\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = cm_store_search_query_from_text (cases[i].text);
      g_autofree char *shown = printable (cases[i].text);

      g_test_message ("text: %s", shown);
      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

static void
test_search_result_object (void)
{
  g_autoptr(CmSearchResult) result = NULL;
  g_autoptr(CmSearchResult) empty = NULL;

  result = cm_search_result_new (CM_SEARCH_KIND_SECTION, 12, 3, "Title",
                                 "before \x01match\x02 & <after>");
  g_assert_cmpint (cm_search_result_get_kind (result), ==, CM_SEARCH_KIND_SECTION);
  g_assert_cmpint (cm_search_result_get_object_id (result), ==, 12);
  g_assert_cmpint (cm_search_result_get_cycle_id (result), ==, 3);
  g_assert_cmpstr (cm_search_result_get_title (result), ==, "Title");
  g_assert_cmpstr (cm_search_result_get_snippet (result), ==, "before match & <after>");
  g_assert_cmpstr (cm_search_result_get_snippet_markup (result), ==,
                   "before <b>match</b> &amp; &lt;after&gt;");

  empty = cm_search_result_new (CM_SEARCH_KIND_ACTIVITY, 1, 1, NULL, NULL);
  g_assert_cmpstr (cm_search_result_get_title (empty), ==, "");
  g_assert_cmpstr (cm_search_result_get_snippet (empty), ==, "");
  g_assert_cmpstr (cm_search_result_get_snippet_markup (empty), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/store-search/kinds", test_search_kinds);
  ADD_TEST ("/store-search/prefix-and-accents", test_search_prefix_and_accents);
  ADD_TEST ("/store-search/cycle-and-limit", test_search_cycle_and_limit);
  ADD_TEST ("/store-search/order", test_search_order);
  ADD_TEST ("/store-search/trash-before-limit", test_search_trash_before_limit);
  ADD_TEST ("/store-search/cycle-interleaved", test_search_cycle_interleaved);
  ADD_TEST ("/store-search/trashed", test_search_trashed);
  ADD_TEST ("/store-search/follows-edits", test_search_follows_edits);
  ADD_TEST ("/store-search/user-syntax", test_search_user_syntax);
  ADD_TEST ("/store-search/control-characters", test_search_control_characters);
  g_test_add_func ("/store-search/query-from-text", test_query_from_text);
  g_test_add_func ("/store-search/result-object", test_search_result_object);

  return g_test_run ();
}
