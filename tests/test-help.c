/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cm-help.h"

/* The user guide: which page is found for which language, that the pages
 * the app asks for exist in this build, and what F1 opens — in Yelp when it
 * is there, in the web browser when not — with stand-ins for both that
 * write down the URI they were given. The environment they need is set up
 * in main () before GIO looks at the desktop files. */

static char *workdir;

static const char * const guide_pages[] = {
  "index", "getting-started", "wheel", "activities", "specifications", "demand",
  "workshops", "capture", "projector", "you-said-we-did", "summary",
  CM_HELP_PAGE_INDEX, CM_HELP_PAGE_WHEEL, CM_HELP_PAGE_CAPTURE, CM_HELP_PAGE_SUMMARY,
};

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A stand-in application: "Exec=WORKDIR/record %u" for the given MIME
 * types, made the default for them. */
static void
install_recorder (void)
{
  g_autofree char *script = g_build_filename (workdir, "record", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_path = NULL;
  g_autofree char *desktop_text = NULL;
  g_autofree char *mimeapps = NULL;

  script_text = g_strdup_printf ("#!/bin/sh\n"
                                 "printf '%%s\\n' \"$1\" >> '%s/opened.tmp'\n"
                                 "mv '%s/opened.tmp' '%s/opened'\n",
                                 workdir, workdir, workdir);
  write_file (script, script_text, 0700);

  desktop_path = g_build_filename (workdir, "data", "applications", "cm-test-recorder.desktop",
                                   NULL);
  desktop_text = g_strdup_printf ("[Desktop Entry]\n"
                                  "Type=Application\n"
                                  "Name=Recorder\n"
                                  "Exec=%s %%u\n"
                                  "MimeType=text/html;x-scheme-handler/help;\n",
                                  script);
  write_file (desktop_path, desktop_text, 0600);

  mimeapps = g_build_filename (workdir, "config", "mimeapps.list", NULL);
  write_file (mimeapps,
              "[Default Applications]\n"
              "text/html=cm-test-recorder.desktop\n"
              "x-scheme-handler/help=cm-test-recorder.desktop\n",
              0600);
}

/* Runs the main loop until the recorder has been started, and returns what
 * it was given. */
static char *
wait_for_opened_uri (void)
{
  g_autofree char *opened = g_build_filename (workdir, "opened", NULL);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  char *contents = NULL;

  while (!g_file_test (opened, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }

  if (!g_file_get_contents (opened, &contents, NULL, NULL))
    return NULL;
  g_unlink (opened);
  g_strchomp (contents);
  return contents;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_build_tree_has_every_page (void)
{
  g_autofree char *help_dir = g_test_build_filename (G_TEST_BUILT, "..", "help", NULL);

  g_setenv ("CM_HELP_DIR", help_dir, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (guide_pages); i++)
    {
      g_autofree char *uri = cm_help_dup_html_page_uri (guide_pages[i]);
      g_autofree char *path = NULL;
      g_autofree char *expected_end = g_strdup_printf ("/C/%s.html", guide_pages[i]);

      g_assert_nonnull (uri);
      path = g_filename_from_uri (uri, NULL, NULL);
      g_assert_nonnull (path);
      g_assert_true (g_str_has_suffix (path, expected_end));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

/* The app run from the build tree (BUILD/src/commissioning, or this test
 * in BUILD/tests) finds BUILD/help without being told. */
static void
test_found_from_the_build_tree (void)
{
  g_autofree char *expected = g_test_build_filename (G_TEST_BUILT, "..", "help", "C",
                                                     "wheel.html", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GFile) expected_file = g_file_new_for_path (expected);
  g_autoptr(GFile) found_file = NULL;

  g_unsetenv ("CM_HELP_DIR");
  uri = cm_help_dup_html_page_uri ("wheel");
  g_assert_nonnull (uri);
  found_file = g_file_new_for_uri (uri);
  g_assert_true (g_file_equal (found_file, expected_file));
}

static void
test_page_in_the_users_language (void)
{
  g_autofree char *help_dir = g_build_filename (workdir, "lang-help", NULL);
  g_autofree char *c_page = g_build_filename (help_dir, "C", "capture.html", NULL);
  g_autofree char *cy_page = g_build_filename (help_dir, "cy", "capture.html", NULL);
  g_autofree char *latin_page = g_build_filename (help_dir, "sr@latin", "capture.html", NULL);
  g_autofree char *cyrillic_page = g_build_filename (help_dir, "sr", "capture.html", NULL);
  g_autofree char *uri = NULL;

  write_file (c_page, "<p>English</p>", 0600);
  write_file (cy_page, "<p>Cymraeg</p>", 0600);
  g_setenv ("CM_HELP_DIR", help_dir, TRUE);

  g_setenv ("LANGUAGE", "cy:en", TRUE);
  uri = cm_help_dup_html_page_uri ("capture");
  g_assert_nonnull (uri);
  g_assert_true (g_str_has_suffix (uri, "/cy/capture.html"));
  g_clear_pointer (&uri, g_free);

  /* A language the guide is not translated into falls back to C. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  uri = cm_help_dup_html_page_uri ("capture");
  g_assert_nonnull (uri);
  g_assert_true (g_str_has_suffix (uri, "/C/capture.html"));
  g_clear_pointer (&uri, g_free);

  /* A script variant has a folder of its own, as in Yelp. */
  write_file (latin_page, "<p>Latinica</p>", 0600);
  write_file (cyrillic_page, "<p>Ћирилица</p>", 0600);
  g_setenv ("LANGUAGE", "sr_RS@latin", TRUE);
  uri = cm_help_dup_html_page_uri ("capture");
  g_assert_nonnull (uri);
  g_assert_true (g_str_has_suffix (uri, "/sr@latin/capture.html"));

  g_setenv ("LANGUAGE", "C", TRUE);
}

/* The Welsh guide this build made: the Mallard pages for Yelp and the HTML
 * pages, which are what the app opens under LANGUAGE=cy. Like meson, the
 * test takes itstool being there to mean the translations were built. */
static void
test_welsh_guide_in_the_build_tree (void)
{
  g_autofree char *itstool = g_find_program_in_path ("itstool");
  g_autofree char *help_dir = g_test_build_filename (G_TEST_BUILT, "..", "help", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *opened = NULL;
  g_autoptr(GFile) expected_file = NULL;
  g_autoptr(GFile) opened_file = NULL;

  if (itstool == NULL)
    {
      g_test_skip ("itstool is not installed, so the guide is built in English only");
      return;
    }

  g_setenv ("CM_HELP_DIR", help_dir, TRUE);
  g_setenv ("LANGUAGE", "cy", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (guide_pages); i++)
    {
      g_autofree char *uri = cm_help_dup_html_page_uri (guide_pages[i]);
      g_autofree char *path = NULL;
      g_autofree char *html = NULL;
      g_autofree char *mallard_name = g_strconcat (guide_pages[i], ".page", NULL);
      g_autofree char *mallard_path = g_build_filename (help_dir, "cy", mallard_name, NULL);
      g_autofree char *mallard = NULL;
      g_autofree char *expected_end = g_strdup_printf ("/cy/%s.html", guide_pages[i]);

      g_assert_nonnull (uri);
      path = g_filename_from_uri (uri, NULL, NULL);
      g_assert_nonnull (path);
      g_assert_true (g_str_has_suffix (path, expected_end));
      g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
      g_assert_nonnull (strstr (html, "<html lang=\"cy\">"));
      /* Every page carries the guide's Welsh title, and none says "See also". */
      g_assert_nonnull (strstr (html, "Cymorth Cylch Comisiynu"));
      g_assert_null (strstr (html, "See also"));

      g_assert_true (g_file_get_contents (mallard_path, &mallard, NULL, NULL));
      g_assert_nonnull (strstr (mallard, "xml:lang=\"cy\""));
    }

  /* The words themselves are Welsh, with the app's names for its buttons. */
  {
    g_autofree char *uri = cm_help_dup_html_page_uri ("capture");
    g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
    g_autofree char *html = NULL;

    g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
    g_assert_nonnull (strstr (html, "<h1>Cofnodi gweithdy’n fyw</h1>"));
    g_assert_nonnull (strstr (html, "<span class=\"gui\">Dechrau Cofnodi</span>"));
    g_assert_null (strstr (html, "Start Capture"));
  }

  /* F1 opens the Welsh page. */
  expected = cm_help_dup_html_page_uri ("capture");
  cm_show_help (NULL, "capture");
  opened = wait_for_opened_uri ();
  g_assert_nonnull (opened);
  expected_file = g_file_new_for_uri (expected);
  opened_file = g_file_new_for_commandline_arg (opened);
  g_assert_true (g_file_equal (opened_file, expected_file));

  g_setenv ("LANGUAGE", "C", TRUE);
}

static void
test_unknown_and_bad_pages (void)
{
  g_autofree char *help_dir = g_test_build_filename (G_TEST_BUILT, "..", "help", NULL);
  const char *bad[] = { "", "no-such-page", "../C/index", "C/index", "index.html", "a b" };

  g_setenv ("CM_HELP_DIR", help_dir, TRUE);
  g_assert_null (cm_help_dup_html_page_uri (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_null (cm_help_dup_html_page_uri (bad[i]));
}

static void
test_opens_html_without_yelp (void)
{
  g_autofree char *help_dir = g_test_build_filename (G_TEST_BUILT, "..", "help", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *opened = NULL;
  g_autoptr(GFile) expected_file = NULL;
  g_autoptr(GFile) opened_file = NULL;

  g_setenv ("CM_HELP_DIR", help_dir, TRUE);
  expected = cm_help_dup_html_page_uri ("capture");
  g_assert_nonnull (expected);

  cm_show_help (NULL, "capture");
  opened = wait_for_opened_uri ();
  g_assert_nonnull (opened);

  /* GIO hands a local file to an application as a path or a URI. */
  expected_file = g_file_new_for_uri (expected);
  opened_file = g_file_new_for_commandline_arg (opened);
  g_assert_true (g_file_equal (opened_file, expected_file));
  g_assert_null (find_message_dialog ());
}

static void
test_opens_yelp_when_the_guide_is_installed (void)
{
  g_autofree char *installed = g_build_filename (workdir, "data", "help", "C", "commissioning",
                                                 "index.page", NULL);
  g_autofree char *opened = NULL;

  write_file (installed, "<page xmlns=\"http://projectmallard.org/1.0/\" id=\"index\"/>", 0600);
  g_unsetenv ("CM_HELP_DIR");

  cm_show_help (NULL, CM_HELP_PAGE_SUMMARY);
  opened = wait_for_opened_uri ();
  g_assert_cmpstr (opened, ==, "help:commissioning/summary");

  cm_show_help (NULL, NULL);
  g_clear_pointer (&opened, g_free);
  opened = wait_for_opened_uri ();
  g_assert_cmpstr (opened, ==, "help:commissioning/index");

  g_unlink (installed);
}

static void
test_says_when_there_is_no_guide (void)
{
  g_autofree char *empty_dir = g_build_filename (workdir, "no-help", NULL);
  GtkWindow *window;
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir_with_parents (empty_dir, 0700), ==, 0);
  g_setenv ("CM_HELP_DIR", empty_dir, TRUE);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (window);
  cm_show_help (window, "index");
  while (g_main_context_iteration (NULL, FALSE))
    ;

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Guide Is Not Installed");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *data_dirs = NULL;
  g_autofree char *config_home = NULL;
  const char *system_data_dirs = g_getenv ("XDG_DATA_DIRS");
  int status;

  /* GIO reads the desktop files once and GLib keeps the data folders, so
   * the stand-in application and the places the guide may be installed are
   * set before anything looks. */
  workdir = g_dir_make_tmp ("cm-help-XXXXXX", NULL);
  g_assert_nonnull (workdir);
  data_home = g_build_filename (workdir, "data", NULL);
  config_home = g_build_filename (workdir, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* The system's folders stay for icons and GTK's own schemas; the user's
   * choice of application (in XDG_CONFIG_HOME) wins over the system's. */
  data_dirs = g_strdup_printf ("%s:%s", data_home,
                               system_data_dirs != NULL && *system_data_dirs != '\0'
                               ? system_data_dirs : "/usr/local/share:/usr/share");
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", config_home, TRUE);
  /* The guide in English unless a test asks for another language, whatever
   * the locale the tests are run in. */
  g_setenv ("LANGUAGE", "C", TRUE);
  install_recorder ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/help/build-tree-has-every-page", test_build_tree_has_every_page);
  g_test_add_func ("/help/found-from-the-build-tree", test_found_from_the_build_tree);
  g_test_add_func ("/help/page-in-the-users-language", test_page_in_the_users_language);
  g_test_add_func ("/help/welsh-guide-in-the-build-tree", test_welsh_guide_in_the_build_tree);
  g_test_add_func ("/help/unknown-and-bad-pages", test_unknown_and_bad_pages);
  g_test_add_func ("/help/opens-html-without-yelp", test_opens_html_without_yelp);
  g_test_add_func ("/help/opens-yelp-when-the-guide-is-installed",
                   test_opens_yelp_when_the_guide_is_installed);
  g_test_add_func ("/help/says-when-there-is-no-guide", test_says_when_there_is_no_guide);

  status = g_test_run ();
  remove_tree (workdir);
  g_free (workdir);
  return status;
}
