/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-summary-page"

#include "config.h"

#include "cm-summary-page-private.h"

#include <glib/gi18n.h>

#include "cm-summary-preview.h"
#include "cm-summary-print.h"
#include "cm-toast.h"

/* The cycle's Summary page: what goes into the printed summary, Print and
 * the exports, and a live preview of the pages.
 *
 * The preview is rebuilt when something it shows changes, at most once
 * every REBUILD_DELAY_MS and never twice at once: the cycle's data is
 * gathered here, on the thread that owns the store, and laid out on a
 * worker thread. While the page is not on screen, changes only mark the
 * preview as out of date. Print and the exports are in
 * cm-summary-page-actions.c. */

#define REBUILD_DELAY_MS 400


enum {
  PROP_0,
  PROP_SHOW_WHEEL,
  PROP_SHOW_PROGRESS,
  PROP_SHOW_ACTIVITIES,
  PROP_SHOW_SPECS,
  PROP_SHOW_WORKSHOPS,
  PROP_SHOW_YOU_SAID,
  PROP_SHOW_EVIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each property switches one section; indexed by property id. */
static const CmSummarySections section_of_property[N_PROPS] = {
  [PROP_SHOW_WHEEL]      = CM_SUMMARY_SECTION_WHEEL,
  [PROP_SHOW_PROGRESS]   = CM_SUMMARY_SECTION_PROGRESS,
  [PROP_SHOW_ACTIVITIES] = CM_SUMMARY_SECTION_ACTIVITIES,
  [PROP_SHOW_SPECS]      = CM_SUMMARY_SECTION_SPECS,
  [PROP_SHOW_WORKSHOPS]  = CM_SUMMARY_SECTION_WORKSHOPS,
  [PROP_SHOW_YOU_SAID]   = CM_SUMMARY_SECTION_YOU_SAID,
  [PROP_SHOW_EVIDENCE]   = CM_SUMMARY_SECTION_EVIDENCE,
};

/* The sections chosen last, so that the choice holds for the session
 * across cycles and windows. */
static CmSummarySections session_sections = CM_SUMMARY_SECTION_ALL;

G_DEFINE_FINAL_TYPE (CmSummaryPage, cm_summary_page, GTK_TYPE_WIDGET)

static void schedule_rebuild (CmSummaryPage *self);

/* Watching for changes ------------------------------------------------ */

static void
on_data_changed (CmSummaryPage *self)
{
  schedule_rebuild (self);
}

static void
unwatch_items (CmSummaryPage *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          on_data_changed, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch_items (CmSummaryPage *self)
{
  unwatch_items (self);
  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    {
      guint n = self->lists[l] ? g_list_model_get_n_items (self->lists[l]) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (self->lists[l], i);

          g_signal_connect_swapped (item, "notify", G_CALLBACK (on_data_changed), self);
          g_ptr_array_add (self->watched, g_steal_pointer (&item));
        }
    }
}

static void
on_list_changed (CmSummaryPage *self)
{
  watch_items (self);
  schedule_rebuild (self);
}

static void
unwatch_cycle (CmSummaryPage *self)
{
  unwatch_items (self);
  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    {
      if (self->lists[l] != NULL)
        g_signal_handlers_disconnect_by_func (self->lists[l], on_list_changed, self);
      g_clear_object (&self->lists[l]);
    }
  if (self->cycle != NULL)
    g_signal_handlers_disconnect_by_func (self->cycle, on_data_changed, self);
}

static void
watch_cycle (CmSummaryPage *self)
{
  gint64 id = cm_cycle_get_id (self->cycle);
  g_autoptr(GError) error = NULL;

  self->lists[0] = cm_store_list_activities (self->store, id, CM_STAGE_NONE, -1, &error);
  if (error == NULL)
    self->lists[1] = cm_store_list_specs (self->store, id, &error);
  if (error == NULL)
    self->lists[2] = cm_store_list_workshops (self->store, id, &error);
  if (error == NULL)
    self->lists[3] = cm_store_list_actions (self->store, id, &error);
  if (error != NULL)
    cm_toast_show_message (GTK_WIDGET (self), error->message);

  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    if (self->lists[l] != NULL)
      g_signal_connect_swapped (self->lists[l], "items-changed", G_CALLBACK (on_list_changed),
                                self);
  g_signal_connect_swapped (self->cycle, "notify", G_CALLBACK (on_data_changed), self);
  watch_items (self);
}

/* The preview --------------------------------------------------------- */

static void
show_document (CmSummaryPage     *self,
               CmSummaryDocument *document)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->page_items));
  guint n_new = document ? cm_summary_document_get_n_pages (document) : 0;
  g_autofree char *status = NULL;

  g_clear_pointer (&self->document, cm_summary_document_unref);
  self->document = document ? cm_summary_document_ref (document) : NULL;

  /* Pages that stay keep their rows (and the scroll position); only the
   * tail is added or taken away. */
  if (n_new > n_old)
    {
      g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_free);

      for (guint i = n_old; i < n_new; i++)
        g_ptr_array_add (more, g_strdup_printf ("%u", i));
      g_ptr_array_add (more, NULL);
      gtk_string_list_splice (self->page_items, n_old, 0, (const char * const *) more->pdata);
    }
  else if (n_new < n_old)
    gtk_string_list_splice (self->page_items, n_new, n_old - n_new, NULL);

  /* Rows still bound to a page show its new version; any the list keeps
   * for later beyond the last page show nothing. */
  for (guint i = 0; i < self->previews->len; i++)
    {
      CmSummaryPreview *preview = g_ptr_array_index (self->previews, i);
      guint page = cm_summary_preview_get_page (preview);

      cm_summary_preview_set_page (preview, page < n_new ? self->document : NULL, page);
    }

  if (document != NULL)
    {
      double width, height;

      cm_summary_document_get_page_size (document, &width, &height);
      /* Translators: above the preview, e.g. "12 pages, 210 × 297 mm" */
      status = g_strdup_printf (ngettext ("%u page, %.0f × %.0f mm", "%u pages, %.0f × %.0f mm",
                                          n_new),
                                n_new, width / 72.0 * 25.4, height / 72.0 * 25.4);
    }
  gtk_label_set_label (self->status_label, status ? status : "");
  gtk_stack_set_visible_child_name (self->stack, self->cycle ? "pages" : "empty");
}

typedef struct
{
  CmSummaryModel   *model;
  CmSummaryOptions  options;
} BuildJob;

static void
build_job_free (BuildJob *job)
{
  cm_summary_model_free (job->model);
  g_free (job);
}

void
cm_summary_page_layout_options (CmSummaryPage    *self,
                                CmSummaryOptions *options)
{
  g_autoptr(GtkPageSetup) setup = cm_summary_print_get_page_setup ();

  cm_summary_options_init (options);
  options->sections = self->sections;
  cm_summary_print_apply_page_setup (setup, options);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildJob *job = task_data;
  CmSummaryDocument *document;

  document = cm_summary_document_new (g_steal_pointer (&job->model), &job->options);
  g_task_return_pointer (task, document, (GDestroyNotify) cm_summary_document_unref);
}

static void
on_built (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (object);
  g_autoptr(CmSummaryDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->building);
  gtk_spinner_stop (self->spinner);

  if (document != NULL)
    show_document (self, document);

  if (self->again)
    {
      self->again = FALSE;
      schedule_rebuild (self);
    }
}

static void
start_build (CmSummaryPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  BuildJob *job;

  if (self->cycle == NULL)
    {
      show_document (self, NULL);
      return;
    }

  /* The store belongs to this thread: gather here, lay out there. */
  job = g_new0 (BuildJob, 1);
  cm_summary_page_layout_options (self, &job->options);
  job->model = cm_summary_model_gather (self->store, self->cycle, NULL, &error);
  if (job->model == NULL)
    {
      gtk_label_set_label (self->status_label, error->message);
      build_job_free (job);
      return;
    }

  self->dirty = FALSE;
  self->building = g_cancellable_new ();
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->building, on_built, NULL);
  g_task_set_source_tag (task, start_build);
  g_task_set_task_data (task, job, (GDestroyNotify) build_job_free);
  g_task_run_in_thread (task, build_thread);
}

static gboolean
rebuild_timeout (gpointer user_data)
{
  CmSummaryPage *self = user_data;

  self->rebuild_source = 0;
  if (self->building != NULL)
    self->again = TRUE;
  else
    start_build (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (CmSummaryPage *self)
{
  self->dirty = TRUE;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->building != NULL)
    {
      self->again = TRUE;
      return;
    }
  if (self->rebuild_source == 0)
    self->rebuild_source = g_timeout_add (REBUILD_DELAY_MS, rebuild_timeout, self);
}

static void
cancel_build (CmSummaryPage *self)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->building != NULL)
    {
      g_cancellable_cancel (self->building);
      g_clear_object (&self->building);
    }
  self->again = FALSE;
  gtk_spinner_stop (self->spinner);
}

static void
setup_page_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CmSummaryPage            *self)
{
  GtkWidget *preview = cm_summary_preview_new ();

  gtk_list_item_set_child (item, preview);
  gtk_list_item_set_activatable (item, FALSE);
  g_object_set_data (G_OBJECT (item), "cm-summary-preview", preview);
  g_ptr_array_add (self->previews, g_object_ref (preview));
}

static void
teardown_page_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    CmSummaryPage            *self)
{
  /* The list item may have let go of its child already. */
  g_ptr_array_remove (self->previews, g_object_get_data (G_OBJECT (item), "cm-summary-preview"));
}

static void
unbind_page_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  CmSummaryPage            *self)
{
  cm_summary_preview_set_page (CM_SUMMARY_PREVIEW (gtk_list_item_get_child (item)), NULL, 0);
}

static void
bind_page_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CmSummaryPage            *self)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  guint page = (guint) g_ascii_strtoull (gtk_string_object_get_string (string), NULL, 10);

  cm_summary_preview_set_page (CM_SUMMARY_PREVIEW (gtk_list_item_get_child (item)),
                               self->document, page);
}

/* GObject ----------------------------------------------------------------- */

static void
cm_summary_page_map (GtkWidget *widget)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (widget);

  GTK_WIDGET_CLASS (cm_summary_page_parent_class)->map (widget);

  /* Bring the preview up to date with what changed while it was away. */
  if (self->dirty && self->building == NULL)
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      start_build (self);
    }
}

static void
cm_summary_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_boolean (value, (self->sections & section_of_property[prop_id]) != 0);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cm_summary_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (object);
  CmSummarySections sections;

  if (prop_id <= PROP_0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (g_value_get_boolean (value))
    sections = self->sections | section_of_property[prop_id];
  else
    sections = self->sections & ~section_of_property[prop_id];

  if (sections == self->sections)
    return;

  self->sections = sections;
  session_sections = sections;
  g_object_notify_by_pspec (object, properties[prop_id]);
  schedule_rebuild (self);
}

static void
cm_summary_page_dispose (GObject *object)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (object);

  cancel_build (self);
  unwatch_cycle (self);
  g_clear_object (&self->cycle);
  g_clear_object (&self->store);
  g_clear_pointer (&self->document, cm_summary_document_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CM_TYPE_SUMMARY_PAGE);
  g_clear_object (&self->page_items);

  G_OBJECT_CLASS (cm_summary_page_parent_class)->dispose (object);
}

static void
cm_summary_page_finalize (GObject *object)
{
  CmSummaryPage *self = CM_SUMMARY_PAGE (object);

  g_ptr_array_unref (self->watched);
  g_ptr_array_unref (self->previews);

  G_OBJECT_CLASS (cm_summary_page_parent_class)->finalize (object);
}

static void
cm_summary_page_class_init (CmSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct
  {
    guint       prop_id;
    const char *name;
    const char *action;
  } switches[] = {
    { PROP_SHOW_WHEEL,      "show-wheel",      "summary.show-wheel" },
    { PROP_SHOW_PROGRESS,   "show-progress",   "summary.show-progress" },
    { PROP_SHOW_ACTIVITIES, "show-activities", "summary.show-activities" },
    { PROP_SHOW_SPECS,      "show-specs",      "summary.show-specs" },
    { PROP_SHOW_WORKSHOPS,  "show-workshops",  "summary.show-workshops" },
    { PROP_SHOW_YOU_SAID,   "show-you-said",   "summary.show-you-said" },
    { PROP_SHOW_EVIDENCE,   "show-evidence",   "summary.show-evidence" },
  };

  object_class->get_property = cm_summary_page_get_property;
  object_class->set_property = cm_summary_page_set_property;
  object_class->dispose = cm_summary_page_dispose;
  object_class->finalize = cm_summary_page_finalize;
  widget_class->map = cm_summary_page_map;

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    properties[switches[i].prop_id] =
      g_param_spec_boolean (switches[i].name, NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cm-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmSummaryPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CmSummaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CmSummaryPage, page_list);
  gtk_widget_class_bind_template_child (widget_class, CmSummaryPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CmSummaryPage, spinner);

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    gtk_widget_class_install_property_action (widget_class, switches[i].action,
                                              switches[i].name);
  cm_summary_page_install_actions (widget_class);
}

static void
cm_summary_page_init (CmSummaryPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->sections = session_sections;
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->previews = g_ptr_array_new_with_free_func (g_object_unref);
  self->page_items = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cycle summary"), -1);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_page_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_page_item), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_page_item), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_page_item), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->page_items)));
  gtk_list_view_set_model (self->page_list, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->page_list, factory);

  cm_summary_page_update_actions (self);
}

CmSummaryPage *
cm_summary_page_new (void)
{
  return g_object_new (CM_TYPE_SUMMARY_PAGE, NULL);
}

void
cm_summary_page_set_cycle (CmSummaryPage *self,
                           CmStore       *store,
                           CmCycle       *cycle)
{
  g_return_if_fail (CM_IS_SUMMARY_PAGE (self));
  g_return_if_fail (store == NULL || CM_IS_STORE (store));
  g_return_if_fail (cycle == NULL || CM_IS_CYCLE (cycle));
  g_return_if_fail (cycle == NULL || store != NULL);

  if (self->cycle == cycle && self->store == store)
    return;

  cancel_build (self);
  unwatch_cycle (self);
  g_set_object (&self->store, store);
  g_set_object (&self->cycle, cycle);

  /* The old cycle's pages must not linger under the new one's name. */
  show_document (self, NULL);
  if (cycle != NULL)
    {
      watch_cycle (self);
      self->dirty = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        start_build (self);
    }

  cm_summary_page_update_actions (self);
}

CmCycle *
cm_summary_page_get_cycle (CmSummaryPage *self)
{
  g_return_val_if_fail (CM_IS_SUMMARY_PAGE (self), NULL);

  return self->cycle;
}
