/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-help"

#include "config.h"

#include "cm-help.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

/* The user guide is written as Mallard pages for Yelp (installed under
 * DATADIR/help/LANG/commissioning) and also built as HTML pages (installed
 * under DATADIR/commissioning/help/LANG) for systems without Yelp, which
 * are opened in the web browser instead.
 *
 * The HTML pages are looked for, in this order, in:
 *  - $CM_HELP_DIR, for the tests and for running from the build tree; when
 *    it is set, Yelp is not used, so the pages of this build are shown;
 *  - the build tree, when the app runs from it (BUILD/src/commissioning
 *    finds BUILD/help);
 *  - the installed copy. */

/* The project id given to gnome.yelp () in help/meson.build, and the name
 * of the app's data folder. */
#define HELP_ID "commissioning"

typedef struct
{
  GtkWindow *parent;
  char      *page;
} HelpRequest;

static void
help_request_free (HelpRequest *request)
{
  g_clear_weak_pointer (&request->parent);
  g_free (request->page);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelpRequest, help_request_free)

static HelpRequest *
help_request_new (GtkWindow  *parent,
                  const char *page)
{
  HelpRequest *request = g_new0 (HelpRequest, 1);

  g_set_weak_pointer (&request->parent, parent);
  request->page = g_strdup (page);
  return request;
}

/* Page names come from the code, but keep them to what a page id can be so
 * that a name can never walk out of the help folder. */
static gboolean
page_name_is_valid (const char *page)
{
  if (page == NULL || *page == '\0')
    return FALSE;

  for (const char *p = page; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }
  return TRUE;
}

static char *
dup_build_tree_help_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = NULL;
  g_autofree char *build_dir = NULL;

  if (exe == NULL)
    return NULL;

  exe_dir = g_path_get_dirname (exe);
  build_dir = g_path_get_dirname (exe_dir);
  return g_build_filename (build_dir, "help", NULL);
}

static char *
find_page_in (const char *help_dir,
              const char *page)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *file_name = g_strconcat (page, ".html", NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      /* Folders are named by language as Yelp's are ("cy", "en_GB",
       * "sr@latin", "C"), never by codeset ("cy_GB.UTF-8"); a name from
       * the environment never reaches outside the help folder. */
      if (strchr (languages[i], '.') != NULL || strchr (languages[i], G_DIR_SEPARATOR) != NULL)
        continue;

      path = g_build_filename (help_dir, languages[i], file_name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_canonicalize_filename (path, NULL);
    }
  return NULL;
}

static char *
find_html_page (const char *page)
{
  const char *env_dir = g_getenv ("CM_HELP_DIR");
  g_autofree char *build_dir = NULL;
  g_autofree char *installed_dir = NULL;
  char *path;

  if (env_dir != NULL && *env_dir != '\0')
    return find_page_in (env_dir, page);

  build_dir = dup_build_tree_help_dir ();
  if (build_dir != NULL && (path = find_page_in (build_dir, page)) != NULL)
    return path;

  installed_dir = g_build_filename (DATADIR, HELP_ID, "help", NULL);
  return find_page_in (installed_dir, page);
}

/* Yelp is used when something handles help: URIs and the guide is
 * installed where it looks, so that it never says "page not found" for
 * an app run from the build tree. */
static gboolean
yelp_can_show_guide (void)
{
  g_autoptr(GAppInfo) handler = NULL;
  const char * const *data_dirs;
  g_autofree char *user_page = NULL;

  if (g_getenv ("CM_HELP_DIR") != NULL)
    return FALSE;

  handler = g_app_info_get_default_for_uri_scheme ("help");
  if (handler == NULL)
    {
      g_autofree char *yelp = g_find_program_in_path ("yelp");

      if (yelp == NULL)
        return FALSE;
    }

  user_page = g_build_filename (g_get_user_data_dir (), "help", "C", HELP_ID, "index.page", NULL);
  if (g_file_test (user_page, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  data_dirs = g_get_system_data_dirs ();
  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (data_dirs[i], "help", "C", HELP_ID, "index.page",
                                                NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body,
              const char *path)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  if (path != NULL)
    {
      GtkWidget *label = gtk_label_new (path);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "monospace");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
    }

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_html_shown (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HelpRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    return;

  g_message ("Could not open the user guide in a web browser: %s", error->message);
  path = find_html_page (request->page);
  show_message (request->parent,
                _("The Guide Could Not Be Opened"),
                _("No web browser could open the user guide. Open this file in a web "
                  "browser to read it:"),
                path);
}

static void
show_html (GtkWindow  *parent,
           const char *page)
{
  g_autofree char *uri = cm_help_dup_html_page_uri (page);

  if (uri == NULL)
    {
      show_message (parent,
                    _("The Guide Is Not Installed"),
                    _("The user guide could not be found. Installing Commissioning Cycle "
                      "again should put it back."),
                    NULL);
      return;
    }

  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, on_html_shown,
                     help_request_new (parent, page));
}

static void
on_yelp_shown (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HelpRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    return;

  g_message ("Could not open the user guide in Yelp, trying the web browser: %s",
             error->message);
  show_html (request->parent, request->page);
}

/**
 * cm_help_dup_html_page_uri:
 * @page: a page of the guide, such as %CM_HELP_PAGE_CAPTURE
 *
 * Returns: (transfer full) (nullable): the file:// URI of the page as HTML,
 *   in the first of the user's languages it is translated into, or %NULL
 *   when the HTML guide is not there
 */
char *
cm_help_dup_html_page_uri (const char *page)
{
  g_autofree char *path = NULL;

  if (!page_name_is_valid (page))
    return NULL;

  path = find_html_page (page);
  return path != NULL ? g_filename_to_uri (path, NULL, NULL) : NULL;
}

/**
 * cm_show_help:
 * @parent: (nullable): the window the guide is opened for
 * @page: (nullable): a page of the guide, such as %CM_HELP_PAGE_CAPTURE;
 *   %NULL for the contents
 *
 * Opens the user guide at @page: in Yelp when it is installed, otherwise
 * as HTML in the web browser, otherwise says why it cannot.
 */
void
cm_show_help (GtkWindow  *parent,
              const char *page)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (page == NULL)
    page = CM_HELP_PAGE_INDEX;
  g_return_if_fail (page_name_is_valid (page));

  if (yelp_can_show_guide ())
    {
      g_autofree char *uri = g_strconcat ("help:" HELP_ID "/", page, NULL);

      gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, on_yelp_shown,
                         help_request_new (parent, page));
      return;
    }

  show_html (parent, page);
}
