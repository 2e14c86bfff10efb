/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cm-application.h"
#include "cm-help.h"
#include "cm-summary-export.h"
#include "cm-window.h"

struct _CmApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  CmStore        *store;
  GError         *open_error;
  gboolean        opening;
  guint           present_timeout_id;
};

G_DEFINE_FINAL_TYPE (CmApplication, cm_application, ADW_TYPE_APPLICATION)

/* How long a new window waits for the database before it shows the
 * "opening" spinner instead. */
#define PRESENT_WHILE_OPENING_MS 200

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { "export-summary", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the summary of this cycle (title or number) as a PDF, without a window"),
    N_("CYCLE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Where --export-summary writes the PDF"), N_("PATH") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

static void
use_database (CmApplication *self,
              const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  g_free (self->database_path);
  self->database_path = g_file_get_path (file);
  /* Each database gets its own instance, so two files can be open. */
  g_application_set_flags (G_APPLICATION (self),
                           g_application_get_flags (G_APPLICATION (self)) |
                           G_APPLICATION_NON_UNIQUE);
}

/* The database is opened on a worker thread, so the window is on screen at
 * once even when a large file takes a moment to check. */
static void
open_store_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  CmStore *store = cm_store_open (path, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
on_store_opened (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CmApplication *self = CM_APPLICATION (object);
  GtkWindow *window;

  self->opening = FALSE;
  self->store = g_task_propagate_pointer (G_TASK (result), &self->open_error);
  if (self->store == NULL)
    g_warning ("%s", self->open_error->message);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (CM_IS_WINDOW (window))
    cm_window_set_store (CM_WINDOW (window), self->store, self->open_error);

  /* A window still waiting for its content is shown now, with it. */
  if (self->present_timeout_id != 0)
    {
      g_clear_handle_id (&self->present_timeout_id, g_source_remove);
      if (window != NULL)
        gtk_window_present (window);
    }

  g_application_release (G_APPLICATION (self));
}

static void
open_store (CmApplication *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store != NULL || self->open_error != NULL || self->opening)
    return;

  self->opening = TRUE;
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, on_store_opened, NULL);
  g_task_set_source_tag (task, open_store);
  g_task_set_task_data (task, g_strdup (self->database_path), g_free);
  g_task_run_in_thread (task, open_store_thread);
}

static int
cm_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  CmApplication *self = CM_APPLICATION (application);
  g_autofree const char **remaining = NULL;
  const char *path = NULL;
  const char *cycle = NULL;
  const char *output = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* "commissioning advocacy.db" opens that file, like --database. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining))
    {
      if (g_strv_length ((char **) remaining) > 1)
        {
          g_printerr ("%s\n", _("Give one database at a time."));
          return 1;
        }
      if (remaining[0] != NULL)
        use_database (self, remaining[0]);
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    use_database (self, path);

  /* Managers and scripts: a PDF summary with no window at all. */
  if (g_variant_dict_lookup (options, "export-summary", "&s", &cycle))
    {
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      return cm_summary_run_export (self->database_path, cycle, output);
    }

  return -1;
}

static gboolean
present_while_opening (gpointer user_data)
{
  CmApplication *self = CM_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  self->present_timeout_id = 0;
  if (window != NULL)
    gtk_window_present (window);

  return G_SOURCE_REMOVE;
}

static void
cm_application_activate (GApplication *application)
{
  CmApplication *self = CM_APPLICATION (application);
  GtkWindow *window;

  open_store (self);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (cm_window_new (self, self->store, self->open_error));

      /* The database usually opens in a few milliseconds, while the window
       * is being built: waiting for it lays the window out once, with its
       * content, rather than first around the "opening" spinner and again
       * a moment later. A slow file still gets the spinner on screen soon. */
      if (self->opening)
        {
          self->present_timeout_id = g_timeout_add (PRESENT_WHILE_OPENING_MS,
                                                    present_while_opening, self);
          return;
        }
    }

  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CmApplication *self = CM_APPLICATION (user_data);
  static const char *developers[] = { "The Commissioning Cycle developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Commissioning Cycle"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Plan, do and review the commissioning of social care "
                                      "services, with the people who use them."),
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  cm_show_help (gtk_application_get_active_window (GTK_APPLICATION (user_data)), NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "help", help_activated },
};

static void
cm_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (cm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.help", help_accels);
  /* What GTK sets when it finds gtk/help-overlay.ui, which the
   * application no longer has: see show-help-overlay in cm-window.c. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                         "win.show-help-overlay", shortcuts_accels);

  /* Start reading the database while the window is being built. */
  open_store (CM_APPLICATION (application));
}

static void
cm_application_shutdown (GApplication *application)
{
  CmApplication *self = CM_APPLICATION (application);

  /* Deletions still waiting on an Undo toast become final here, and the
   * file is closed cleanly even if a window still holds the store. */
  if (self->store != NULL)
    {
      cm_store_empty_trash (self->store, NULL);
      cm_store_close (self->store);
    }

  G_APPLICATION_CLASS (cm_application_parent_class)->shutdown (application);
}

static void
cm_application_finalize (GObject *object)
{
  CmApplication *self = CM_APPLICATION (object);

  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_error (&self->open_error);
  g_free (self->database_path);

  G_OBJECT_CLASS (cm_application_parent_class)->finalize (object);
}

static void
cm_application_class_init (CmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cm_application_finalize;
  app_class->handle_local_options = cm_application_handle_local_options;
  app_class->activate = cm_application_activate;
  app_class->startup = cm_application_startup;
  app_class->shutdown = cm_application_shutdown;
}

static void
cm_application_init (CmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[DATABASE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan, do and review the commissioning of "
                                              "social care services."));
}

CmApplication *
cm_application_new (void)
{
  return g_object_new (CM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

CmStore *
cm_application_get_store (CmApplication *self)
{
  g_return_val_if_fail (CM_IS_APPLICATION (self), NULL);

  return self->store;
}
