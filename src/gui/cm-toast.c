/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-toast"

#include "config.h"

#include "cm-toast.h"

#include <glib/gi18n.h>

/* Toasts, and the one way everything is deleted: to the store's trash, with
 * a toast whose Undo brings it back. Pages and editors show their toasts in
 * the window's overlay, the nearest one above them. */

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  return overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : NULL;
}

/* Shows @toast (taking it) above @widget; a widget not in a window yet has
 * nowhere to show it, and the toast is dropped. */
void
cm_toast_show (GtkWidget *widget,
               AdwToast  *toast)
{
  AdwToastOverlay *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = find_overlay (widget);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
cm_toast_show_message (GtkWidget  *widget,
                       const char *message)
{
  cm_toast_show (widget, adw_toast_new (message));
}

typedef struct
{
  CmStore         *store;
  GObject         *object;
  AdwToastOverlay *overlay;   /* weak: where to say that Undo failed */
  GtkWidget       *widget;    /* weak: who hears that Undo worked */
  CmRestoredFunc   restored;
} Trashed;

static void
trashed_free (gpointer data)
{
  Trashed *trashed = data;

  g_clear_object (&trashed->store);
  g_clear_object (&trashed->object);
  g_clear_weak_pointer (&trashed->overlay);
  g_clear_weak_pointer (&trashed->widget);
  g_free (trashed);
}

static void
on_undo (AdwToast *toast,
         Trashed  *trashed)
{
  g_autoptr(GError) error = NULL;

  if (!cm_store_restore (trashed->store, trashed->object, &error))
    {
      if (trashed->overlay != NULL)
        adw_toast_overlay_add_toast (trashed->overlay, adw_toast_new (error->message));
      else
        g_warning ("Could not undo a deletion: %s", error->message);
      return;
    }

  if (trashed->widget != NULL && trashed->restored != NULL)
    trashed->restored (trashed->widget, trashed->object);
}

/* Moves @object to the trash and offers to undo it with a toast saying
 * @message. When it cannot be moved, nothing changes and @error says why,
 * for the caller to show where it belongs.
 * The toast's Undo outlives @widget: an activity row is gone once its
 * activity is, but its activity can still come back. */
gboolean
cm_toast_trash_with_undo (GtkWidget      *widget,
                          CmStore        *store,
                          GObject        *object,
                          const char     *message,
                          CmRestoredFunc  restored,
                          GError        **error)
{
  g_autoptr(GObject) kept = NULL;
  Trashed *trashed;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (CM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  /* Held first: leaving its lists may drop the caller's last reference. */
  kept = g_object_ref (object);
  if (!cm_store_trash (store, object, error))
    return FALSE;

  trashed = g_new0 (Trashed, 1);
  trashed->store = g_object_ref (store);
  trashed->object = g_steal_pointer (&kept);
  g_set_weak_pointer (&trashed->overlay, find_overlay (widget));
  g_set_weak_pointer (&trashed->widget, widget);
  trashed->restored = restored;

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo), trashed,
                         (GClosureNotify) (void (*) (void)) trashed_free, 0);
  cm_toast_show (widget, toast);
  return TRUE;
}
