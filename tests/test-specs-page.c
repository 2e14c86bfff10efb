/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-specs-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cm-spec-editor.h"
#include "cm-specs-page.h"
#include "cm-store-specs.h"

/* The Specifications page in process: its actions, typing into a section
 * and the text reaching the file (read back through a second connection,
 * as another program would), with and without waiting for the pause that
 * saves it, and when the window goes away at once. */

typedef struct
{
  char        *folder;
  char        *path;
  CmStore     *store;
  CmCycle     *cycle;
  GtkWidget   *window;
  CmSpecsPage *page;
} Fixture;

static void
run_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  fixture->folder = g_dir_make_tmp ("cm-specs-page-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "test.db", NULL);
  fixture->store = cm_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->cycle = cm_cycle_new ();
  cm_cycle_set_title (fixture->cycle, "Advocacy");
  cm_store_add_cycle (fixture->store, fixture->cycle, NULL, &error);
  g_assert_no_error (error);

  fixture->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  overlay = adw_toast_overlay_new ();
  fixture->page = cm_specs_page_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  adw_window_set_content (ADW_WINDOW (fixture->window), overlay);
  cm_specs_page_set_cycle (fixture->page, fixture->store, fixture->cycle);
  gtk_window_present (GTK_WINDOW (fixture->window));
  run_pending ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      run_pending ();
      /* The page lets go of everything it held. */
      g_assert_null (fixture->page);
    }
  g_clear_object (&fixture->cycle);
  g_assert_finalize_object (fixture->store);

  dir = g_dir_open (fixture->folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->folder, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_row_titled (GtkWidget  *root,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return TRUE;
      if (has_row_titled (child, title))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_subtitle (GtkWidget  *root,
              const char *subtitle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)), subtitle) == 0)
        return TRUE;
      if (has_subtitle (child, subtitle))
        return TRUE;
    }

  return FALSE;
}

static CmSpecEditor *
editor_of (Fixture *fixture)
{
  GtkWidget *editor = find_descendant (GTK_WIDGET (fixture->page), CM_TYPE_SPEC_EDITOR);

  g_assert_nonnull (editor);
  return CM_SPEC_EDITOR (editor);
}

/* What the file holds, through a connection of its own. */
static char *
saved_body (Fixture *fixture,
            gint64   spec_id,
            guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmStore) other = cm_store_open (fixture->path, &error);
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(CmSpecSection) section = NULL;

  g_assert_no_error (error);
  sections = cm_store_list_sections (other, spec_id, &error);
  g_assert_no_error (error);
  section = g_list_model_get_item (sections, index);
  g_assert_nonnull (section);
  return g_strdup (cm_spec_section_get_body (section));
}

static void
type_at_end (GtkTextView *view,
             const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
}

static CmServiceSpec *
new_spec (Fixture *fixture)
{
  CmServiceSpec *spec;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "specs.new", NULL);
  run_pending ();
  spec = cm_specs_page_get_selected (fixture->page);
  g_assert_nonnull (spec);
  g_assert_true (cm_spec_editor_get_spec (editor_of (fixture)) == spec);
  return spec;
}

static void
test_new_spec (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GListModel) specs = NULL;
  g_autoptr(GListModel) sections = NULL;
  CmServiceSpec *spec;
  GtkTextView *view;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  spec = new_spec (fixture);
  g_assert_cmpstr (cm_service_spec_get_title (spec), ==, "New specification");

  specs = cm_store_list_specs (fixture->store, cm_cycle_get_id (fixture->cycle), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 1);
  sections = cm_store_list_sections (fixture->store, cm_service_spec_get_id (spec), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 12);

  /* The first section is open in the text view. */
  view = cm_spec_editor_get_text_view (editor_of (fixture));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  shown = gtk_text_iter_get_text (&start, &end);
  g_assert_true (g_str_has_prefix (shown, "Say what the service is for"));
}

static void
test_typing_is_saved (Fixture       *fixture,
                      gconstpointer  data)
{
  CmServiceSpec *spec = new_spec (fixture);
  GtkTextView *view = cm_spec_editor_get_text_view (editor_of (fixture));
  gint64 spec_id = cm_service_spec_get_id (spec);
  g_autofree char *body = NULL;
  gint64 start;

  /* Saved by itself once typing pauses... */
  type_at_end (view, " Typed and left alone.");
  body = saved_body (fixture, spec_id, 0);
  g_assert_null (strstr (body, "Typed and left alone."));
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
      g_free (body);
      body = saved_body (fixture, spec_id, 0);
      if (strstr (body, "Typed and left alone.") != NULL)
        break;
    }
  g_test_message ("saved after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_nonnull (strstr (body, "Typed and left alone."));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2500 * 1000);

  /* ...when the page is asked to... */
  type_at_end (view, " Flushed.");
  cm_specs_page_flush (fixture->page);
  g_free (body);
  body = saved_body (fixture, spec_id, 0);
  g_assert_true (g_str_has_suffix (body, " Typed and left alone. Flushed."));

  /* ...and when the window goes away straight after the last key. */
  type_at_end (view, " Last words.");
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  run_pending ();
  g_free (body);
  body = saved_body (fixture, spec_id, 0);
  g_assert_true (g_str_has_suffix (body, " Flushed. Last words."));
}

static void
test_status_records_version (Fixture       *fixture,
                             gconstpointer  data)
{
  CmServiceSpec *spec = new_spec (fixture);
  GtkTextView *view = cm_spec_editor_get_text_view (editor_of (fixture));
  AdwComboRow *status = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(CmSpecSnapshot) snapshot = NULL;
  const CmSnapshotSection *first;

  /* The combo row of the status is the one whose model lists "Published". */
  for (GtkWidget *widget = GTK_WIDGET (editor_of (fixture)); widget != NULL;)
    {
      widget = find_descendant (widget, ADW_TYPE_COMBO_ROW);
      g_assert_nonnull (widget);
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                     "Status") == 0)
        {
          status = ADW_COMBO_ROW (widget);
          break;
        }
    }
  g_assert_nonnull (status);

  /* Unsaved typing is part of the version. */
  type_at_end (view, " Just typed.");
  adw_combo_row_set_selected (status, CM_SPEC_STATUS_PUBLISHED);
  run_pending ();

  g_assert_cmpint (cm_service_spec_get_status (spec), ==, CM_SPEC_STATUS_PUBLISHED);
  g_assert_cmpuint (cm_service_spec_get_version (spec), ==, 1);
  versions = cm_store_list_spec_versions (fixture->store, cm_service_spec_get_id (spec), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  snapshot = cm_store_load_spec_version (fixture->store, cm_service_spec_get_id (spec), 1, NULL);
  first = g_ptr_array_index (snapshot->sections, 0);
  g_assert_true (g_str_has_suffix (first->body, " Just typed."));

  /* The Versions page lists it at once. */
  g_assert_true (has_row_titled (GTK_WIDGET (editor_of (fixture)), "Version 1 · Published"));

  /* The filter shows it under Published, and not under Draft. */
  {
    GtkDropDown *filter = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (fixture->page),
                                                          GTK_TYPE_DROP_DOWN));

    gtk_drop_down_set_selected (filter, 1 + CM_SPEC_STATUS_DRAFT);
    run_pending ();
    g_assert_null (cm_specs_page_get_selected (fixture->page));
    gtk_drop_down_set_selected (filter, 1 + CM_SPEC_STATUS_PUBLISHED);
    run_pending ();
    g_assert_true (cm_specs_page_get_selected (fixture->page) == spec);
  }
}

static void
test_duplicate_and_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GListModel) specs = NULL;
  CmServiceSpec *spec = new_spec (fixture);
  CmServiceSpec *copy;

  specs = cm_store_list_specs (fixture->store, cm_cycle_get_id (fixture->cycle), NULL);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "specs.duplicate", NULL);
  run_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 2);
  copy = cm_specs_page_get_selected (fixture->page);
  g_assert_true (copy != spec);
  g_assert_cmpstr (cm_service_spec_get_title (copy), ==, "Copy of New specification");

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "specs.delete", NULL);
  run_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 1);
  g_assert_true (cm_specs_page_get_selected (fixture->page) == spec);

  /* No cycle: nothing to show and nothing to add to. */
  cm_specs_page_set_cycle (fixture->page, fixture->store, NULL);
  run_pending ();
  g_assert_null (cm_specs_page_get_selected (fixture->page));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "specs.new", NULL);
  run_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (specs), ==, 1);
}

static GtkEditableLabel *
find_editing_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditableLabel *found;

      if (GTK_IS_EDITABLE_LABEL (child) &&
          gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (child)))
        return GTK_EDITABLE_LABEL (child);
      if ((found = find_editing_label (child)) != NULL)
        return found;
    }

  return NULL;
}

/* Adding an indicator puts the keyboard in its measure, ready to type;
 * Enter keeps the text and saves it. */
static void
test_kpi_editing (Fixture       *fixture,
                  gconstpointer  data)
{
  CmServiceSpec *spec = new_spec (fixture);
  CmSpecEditor *editor = editor_of (fixture);
  g_autoptr(GListModel) kpis = NULL;
  g_autoptr(CmKpi) kpi = NULL;
  GtkEditableLabel *label = NULL;
  gint64 start = g_get_monotonic_time ();

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-kpi", NULL);
  while (label == NULL && g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, FALSE);
      label = find_editing_label (GTK_WIDGET (editor));
    }
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==, "New measure");

  gtk_editable_set_text (GTK_EDITABLE (label), "Referrals acknowledged in 2 days");
  gtk_widget_activate_action (GTK_WIDGET (label), "editing.stop", "b", TRUE);
  run_pending ();

  kpis = cm_store_list_kpis (fixture->store, cm_service_spec_get_id (spec), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, 1);
  kpi = g_list_model_get_item (kpis, 0);
  g_assert_cmpstr (cm_kpi_get_measure (kpi), ==, "Referrals acknowledged in 2 days");

  /* An empty measure is refused with a reason, and the saved one stays. */
  gtk_editable_label_start_editing (label);
  gtk_editable_set_text (GTK_EDITABLE (label), "");
  gtk_widget_activate_action (GTK_WIDGET (label), "editing.stop", "b", TRUE);
  run_pending ();
  g_assert_cmpstr (cm_kpi_get_measure (kpi), ==, "Referrals acknowledged in 2 days");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==,
                   "Referrals acknowledged in 2 days");

  /* GTK 4.8's editable label checks its focus 100 ms after losing it, and
   * does not cancel the check if it is destroyed first: take the focus
   * away now and let the check run before the window goes. */
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 200 * 1000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* A section cites what was said at a workshop: chosen from the cycle's
 * contributions, shown with who said it as a summary would name them. */
static void
test_citation (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  g_autoptr(CmParticipant) carer = cm_participant_new ();
  g_autoptr(CmContribution) said = cm_contribution_new ();
  g_autoptr(GListModel) sections = NULL;
  g_autoptr(CmSpecSection) first = NULL;
  g_autoptr(GArray) cited = NULL;
  CmServiceSpec *spec;
  CmSpecEditor *editor;
  GtkWidget *button, *list;
  g_autoptr(GError) error = NULL;

  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (fixture->cycle));
  cm_workshop_set_title (workshop, "Listening event");
  cm_store_add_workshop (fixture->store, workshop, &error);
  g_assert_no_error (error);
  cm_participant_set_name (carer, "Jo Brown");
  cm_participant_set_role (carer, CM_PARTICIPANT_ROLE_CARER);
  cm_participant_set_consent (carer, CM_CONSENT_ANONYMISED);
  cm_store_add_participant (fixture->store, carer, &error);
  g_assert_no_error (error);
  cm_contribution_set_workshop_id (said, cm_workshop_get_id (workshop));
  cm_contribution_set_participant_id (said, cm_participant_get_id (carer));
  cm_contribution_set_text (said, "Nobody told me about advocacy");
  cm_store_add_contribution (fixture->store, said, &error);
  g_assert_no_error (error);

  spec = new_spec (fixture);
  editor = editor_of (fixture);
  cm_spec_editor_show_page (editor, "sections");
  run_pending ();

  gtk_expander_set_expanded (GTK_EXPANDER (find_descendant (GTK_WIDGET (editor),
                                                            GTK_TYPE_EXPANDER)), TRUE);
  button = find_descendant (GTK_WIDGET (editor), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  run_pending ();
  list = find_descendant (button, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      GTK_LIST_VIEW (list)))), ==, 1);
  g_signal_emit_by_name (list, "activate", 0);
  run_pending ();

  sections = cm_store_list_sections (fixture->store, cm_service_spec_get_id (spec), NULL);
  first = g_list_model_get_item (sections, 0);
  cited = cm_store_list_section_citation_ids (fixture->store, cm_spec_section_get_id (first),
                                              NULL);
  g_assert_cmpuint (cited->len, ==, 1);
  g_assert_cmpint (g_array_index (cited, gint64, 0), ==, cm_contribution_get_id (said));

  /* Anonymised: the carer's role, never the name. */
  g_assert_true (has_row_titled (GTK_WIDGET (editor), "“Nobody told me about advocacy”"));
  {
    GtkWidget *row = find_descendant (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW);
    gboolean named = FALSE;

    for (; row != NULL; row = gtk_widget_get_next_sibling (row))
      if (ADW_IS_ACTION_ROW (row) &&
          g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "") != 0 &&
          strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Jo Brown") != NULL)
        named = TRUE;
    g_assert_false (named);
  }
  g_assert_true (has_subtitle (GTK_WIDGET (editor), "A carer · Listening event"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/specs-page/new-spec", test_new_spec);
  ADD ("/specs-page/typing-is-saved", test_typing_is_saved);
  ADD ("/specs-page/status-records-version", test_status_records_version);
  ADD ("/specs-page/duplicate-and-delete", test_duplicate_and_delete);
  ADD ("/specs-page/kpi-editing", test_kpi_editing);
  ADD ("/specs-page/citation", test_citation);

  return g_test_run ();
}
