/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-cycle-wheel"

#include "config.h"

#include "cm-cycle-wheel-private.h"

/* The wheel from the keyboard and the pointer: arrows move the selection
 * round a ring and from ring to ring, Home and End go to a ring's ends,
 * Enter opens the activity; the pointer highlights the segment under it,
 * a click selects and a double click opens. */

static gboolean
switch_ring (CmCycleWheel          *self,
             const CmWheelGeometry *geometry,
             const CmWheelHit      *from,
             CmRing                 ring)
{
  CmWheelSector sector;
  CmWheelHit to;
  double angle;

  if (from->ring == ring || !cm_wheel_geometry_get_sector (geometry, from, &sector))
    return FALSE;

  angle = self->ring_angle_set ? self->ring_angle
                               : (sector.start_angle + sector.end_angle) / 2.0;
  if (!cm_wheel_geometry_nearest_in_ring (geometry, ring, angle, &to))
    return FALSE;

  cm_cycle_wheel_select_hit (self, &to);
  self->ring_angle = angle;
  self->ring_angle_set = TRUE;
  return TRUE;
}

static gboolean
move_cursor (CmCycleWheel *self,
             guint         keyval)
{
  CmWheelGeometry geometry;
  CmWheelHit from, to = CM_WHEEL_HIT_INIT;
  gboolean moved = FALSE;

  cm_cycle_wheel_get_geometry (self, &geometry);
  cm_cycle_wheel_get_selected_hit (self, &from);

  if (from.kind != CM_WHEEL_HIT_SEGMENT)
    {
      /* Nothing selected yet: start at the current stage. */
      CmStage stage = cm_wheel_model_get_current_stage (self->model);

      moved = cm_wheel_geometry_first_in_stage (&geometry, stage, &to) ||
              cm_wheel_geometry_step (&geometry, &from, 1, &to);
    }
  else
    {
      switch (keyval)
        {
        case GDK_KEY_Right:
        case GDK_KEY_KP_Right:
          moved = cm_wheel_geometry_step (&geometry, &from, 1, &to);
          break;
        case GDK_KEY_Left:
        case GDK_KEY_KP_Left:
          moved = cm_wheel_geometry_step (&geometry, &from, -1, &to);
          break;
        case GDK_KEY_Up:
        case GDK_KEY_KP_Up:
        case GDK_KEY_Page_Up:
        case GDK_KEY_KP_Page_Up:
          if (!switch_ring (self, &geometry, &from, CM_RING_COMMISSIONING))
            gtk_widget_error_bell (GTK_WIDGET (self));
          return TRUE;
        case GDK_KEY_Down:
        case GDK_KEY_KP_Down:
        case GDK_KEY_Page_Down:
        case GDK_KEY_KP_Page_Down:
          if (!switch_ring (self, &geometry, &from, CM_RING_PROCUREMENT))
            gtk_widget_error_bell (GTK_WIDGET (self));
          return TRUE;
        case GDK_KEY_Home:
        case GDK_KEY_KP_Home:
          moved = cm_wheel_geometry_first (&geometry, from.ring, &to);
          break;
        case GDK_KEY_End:
        case GDK_KEY_KP_End:
          moved = cm_wheel_geometry_last (&geometry, from.ring, &to);
          break;
        default:
          break;
        }
    }

  if (moved)
    cm_cycle_wheel_select_hit (self, &to);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CmCycleWheel          *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if ((state & GDK_SHIFT_MASK) != 0)
        return FALSE;
      return move_cursor (self, keyval);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->selected == NULL)
        return move_cursor (self, keyval);
      cm_cycle_wheel_activate_selected (self);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Pointer */

static void
set_hover (CmCycleWheel     *self,
           const CmWheelHit *hit)
{
  if (cm_wheel_hit_equal (&self->hover, hit))
    return;

  self->hover = *hit;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   hit->kind == CM_WHEEL_HIT_SEGMENT ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CmCycleWheel             *self)
{
  CmWheelGeometry geometry;
  CmWheelHit hit;

  cm_cycle_wheel_get_geometry (self, &geometry);
  cm_wheel_geometry_hit_test (&geometry, x, y, &hit);
  set_hover (self, &hit);
}

static void
on_leave (GtkEventControllerMotion *controller,
          CmCycleWheel             *self)
{
  CmWheelHit none = CM_WHEEL_HIT_INIT;

  set_hover (self, &none);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CmCycleWheel    *self)
{
  CmWheelGeometry geometry;
  CmWheelHit hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  cm_cycle_wheel_get_geometry (self, &geometry);
  if (cm_wheel_geometry_hit_test (&geometry, x, y, &hit) != CM_WHEEL_HIT_SEGMENT)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  cm_cycle_wheel_select_hit (self, &hit);
  if (n_press == 2 && self->selected != NULL)
    cm_cycle_wheel_activate_selected (self);
}

void
cm_cycle_wheel_add_input_controllers (CmCycleWheel *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}
