/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cm-template.h"
#include "cm-window.h"
#include "cm-workshop-editor.h"

/* The Welsh translation, read from the catalogue that the build tree's po/
 * folder compiles (po/cy/LC_MESSAGES/commissioning.mo), the way the app reads
 * it once installed: the labels of the core, the default cycle template and
 * the main window all come back in Welsh.
 *
 * LANGUAGE=cy chooses the catalogue; gettext ignores LANGUAGE only when the
 * locale is exactly "C", so C.UTF-8 (built into glibc) is enough. */

static const char *skip_reason;

static void
run_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
skip_if_no_catalogue (void)
{
  if (skip_reason == NULL)
    return FALSE;

  g_test_skip (skip_reason);
  return TRUE;
}

static void
remove_all (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
test_catalogue (void)
{
  const char *forms[] = { "flwyddyn.", "flynedd.", "blynedd.", "mlynedd." };
  const guint years[] = { 1, 2, 3, 8 };

  if (skip_if_no_catalogue ())
    return;

  g_assert_nonnull (strstr (g_dgettext (GETTEXT_PACKAGE, ""), "Language: cy\n"));

  /* All four plural forms of the header are used: un flwyddyn, dwy flynedd,
   * tair blynedd, wyth mlynedd. */
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      const char *text = ngettext ("%s an hour, growing %s a year, over %u year.",
                                   "%s an hour, growing %s a year, over %u years.",
                                   years[i]);

      g_assert_true (g_str_has_suffix (text, forms[i]));
    }
}

static void
test_stage_labels (void)
{
  if (skip_if_no_catalogue ())
    return;

  g_assert_cmpstr (cm_stage_to_label (CM_STAGE_ANALYSE), ==, "Dadansoddi");
  g_assert_cmpstr (cm_stage_to_label (CM_STAGE_PLAN), ==, "Cynllunio");
  g_assert_cmpstr (cm_stage_to_label (CM_STAGE_DO), ==, "Gwneud");
  g_assert_cmpstr (cm_stage_to_label (CM_STAGE_REVIEW), ==, "Adolygu");
  g_assert_cmpstr (cm_ring_to_label (CM_RING_PROCUREMENT), ==, "Caffael");
}

static void
test_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GBytes) english = NULL;
  const char *xml;

  if (skip_if_no_catalogue ())
    return;

  activities = cm_template_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, >, 0);

  {
    CmTemplateActivity *first = g_ptr_array_index (activities, 0);

    g_assert_cmpstr (first->title, ==, "Adolygu deddfwriaeth, canllawiau a strategaeth leol");
  }

  /* No title or description is left as it is in the English template. */
  english = g_resources_lookup_data (RESOURCE_PREFIX "/cycle-template.xml",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  xml = g_bytes_get_data (english, NULL);
  for (guint i = 0; i < activities->len; i++)
    {
      CmTemplateActivity *activity = g_ptr_array_index (activities, i);
      g_autofree char *title = g_strdup_printf ("<title>%s</title>", activity->title);
      g_autofree char *description = g_strdup_printf ("<description>%s</description>",
                                                      activity->description);

      g_assert_null (strstr (xml, title));
      g_assert_null (strstr (xml, description));
    }
}

static gboolean
find_mapped_status_page (GtkWidget  *widget,
                         const char *title)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_mapped_status_page (child, title))
      return TRUE;

  return FALSE;
}

static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(GListModel) cycles = NULL;
  g_autoptr(CmCycle) cycle = NULL;
  g_autoptr(GListModel) activities = NULL;
  gboolean found = FALSE;
  CmWindow *window;

  if (skip_if_no_catalogue ())
    return;

  folder = g_dir_make_tmp ("cm-welsh-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "test.db", NULL);
  store = cm_store_open (path, &error);
  g_assert_no_error (error);

  window = cm_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  run_pending ();

  /* From cm-window.ui: the title and the page shown before any cycle. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Cylch Comisiynu");
  g_assert_true (find_mapped_status_page (GTK_WIDGET (window), "Dim Cylchoedd Eto"));

  /* From cm-window.c and the template: a new cycle is named in Welsh. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cycle", NULL));
  run_pending ();
  cycles = cm_store_list_cycles (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cycles), ==, 1);
  cycle = g_list_model_get_item (cycles, 0);
  g_assert_cmpstr (cm_cycle_get_title (cycle), ==, "Cylch comisiynu newydd");
  g_assert_cmpstr (cm_cycle_get_service_area (cycle), ==, "Eiriolaeth annibynnol");

  activities = cm_store_list_activities (store, cm_cycle_get_id (cycle), CM_STAGE_NONE, -1,
                                         NULL);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(CmActivity) activity = g_list_model_get_item (activities, i);

      const char *title = cm_activity_get_title (activity);

      found |= g_strcmp0 (title, "Asesiad o anghenion y boblogaeth") == 0;
    }
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_clear_object (&store);
  remove_all (folder);
}

static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found;

      if (GTK_IS_CHECK_BUTTON (child) &&
          g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (child)), label) == 0)
        return GTK_CHECK_BUTTON (child);
      if ((found = find_check (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* A colleague wrote the access arrangements in English: in Welsh, the
 * switches still show what was arranged, and turning one off takes the
 * English words out. */
static void
test_access_arrangements (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CmStore) store = NULL;
  g_autoptr(CmCycle) cycle = cm_cycle_new ();
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  CmWorkshopEditor *editor;
  GtkCheckButton *bsl, *loop;
  GtkWidget *window;

  if (skip_if_no_catalogue ())
    return;

  folder = g_dir_make_tmp ("cm-welsh-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "test.db", NULL);
  store = cm_store_open (path, &error);
  g_assert_no_error (error);

  cm_cycle_set_title (cycle, "Advocacy");
  g_assert_true (cm_store_add_cycle (store, cycle, NULL, &error));
  cm_workshop_set_cycle_id (workshop, cm_cycle_get_id (cycle));
  cm_workshop_set_title (workshop, "Forum");
  cm_workshop_set_access_arrangements (workshop, "BSL interpreter\nLunch provided");
  g_assert_true (cm_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);

  window = gtk_window_new ();
  editor = cm_workshop_editor_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  cm_workshop_editor_set_workshop (editor, store, workshop);
  gtk_window_present (GTK_WINDOW (window));
  run_pending ();

  bsl = find_check (GTK_WIDGET (editor), "Dehonglydd BSL");
  loop = find_check (GTK_WIDGET (editor), "Dolen sain");
  g_assert_nonnull (bsl);
  g_assert_nonnull (loop);
  g_assert_true (gtk_check_button_get_active (bsl));
  g_assert_false (gtk_check_button_get_active (loop));

  gtk_check_button_set_active (bsl, FALSE);
  run_pending ();
  g_assert_cmpstr (cm_workshop_get_access_arrangements (workshop), ==, "Lunch provided");

  gtk_check_button_set_active (loop, TRUE);
  run_pending ();
  g_assert_cmpstr (cm_workshop_get_access_arrangements (workshop), ==,
                   "Lunch provided\nDolen sain");

  gtk_window_destroy (GTK_WINDOW (window));
  run_pending ();
  g_clear_object (&store);
  remove_all (folder);
}

/* Chooses Welsh before anything is translated; leaves skip_reason set when
 * the catalogue cannot be used here. */
static void
use_welsh (void)
{
  const char *locales[] = { "C.UTF-8", "en_GB.UTF-8", "" };
  const char *chosen = NULL;
  g_autofree char *folder = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (folder, "cy", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                          NULL);

  g_setenv ("LANGUAGE", "cy", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (locales) && chosen == NULL; i++)
    {
      const char *locale = setlocale (LC_ALL, locales[i]);

      if (locale != NULL && strcmp (locale, "C") != 0 && strcmp (locale, "POSIX") != 0)
        chosen = locale;
    }

  if (chosen == NULL)
    {
      skip_reason = "no locale other than C is available, so gettext ignores LANGUAGE: "
                    "generate one (localedef -i en_GB -f UTF-8 en_GB.UTF-8)";
      return;
    }

  /* A missing catalogue is a build problem, not a reason to skip. */
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("The Welsh catalogue %s has not been built", mo);

  bindtextdomain (GETTEXT_PACKAGE, folder);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  /* gtk_test_init() sets a locale of its own: choose Welsh after it. */
  gtk_test_init (&argc, &argv, NULL);
  use_welsh ();
  adw_init ();

  g_test_add_func ("/welsh/catalogue", test_catalogue);
  g_test_add_func ("/welsh/stage-labels", test_stage_labels);
  g_test_add_func ("/welsh/template", test_template);
  g_test_add_func ("/welsh/window", test_window);
  g_test_add_func ("/welsh/access-arrangements", test_access_arrangements);

  return g_test_run ();
}
