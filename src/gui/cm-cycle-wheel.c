/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-cycle-wheel"

#include "config.h"

#include "cm-cycle-wheel-private.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* The commissioning-cycle wheel on screen. The report painter draws it; this
 * widget keeps the wheel (all but hover, selection and focus) as an image of
 * its own (cm-wheel-image.c), brought up to date with only what changed.
 * Moving the pointer or the selection draws only the highlights over it.
 * The focus ring round the whole wheel is a circle as big as the wheel: it
 * goes to GTK as a border node with round corners, which every renderer
 * draws straight onto the frame, rather than as pixels.
 *
 * The selected activity doubles as the keyboard cursor; the keyboard and the
 * pointer are handled in cm-cycle-wheel-input.c. */


enum {
  PROP_0,
  PROP_ACTIVITIES,
  PROP_CYCLE,
  PROP_SELECTED,
  N_PROPS
};

enum {
  ACTIVITY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CmCycleWheel, cm_cycle_wheel, GTK_TYPE_WIDGET)

/* The activity properties the wheel shows. */
static const char * const shown_properties[] = {
  "title", "status", "stage", "ring", "position",
};

static const CmWheelPalette *
current_palette (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);

  if (adw_style_manager_get_high_contrast (style))
    return dark ? cm_wheel_palette_high_contrast_dark () : cm_wheel_palette_high_contrast ();
  return dark ? cm_wheel_palette_dark () : cm_wheel_palette_light ();
}

/* The widget's font at an absolute size, so that the painter lays text out
 * at the screen's resolution. */
static void
update_font (CmCycleWheel *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontDescription *copy;
  double dpi = pango_cairo_context_get_resolution (context);

  if (font == NULL)
    {
      g_clear_pointer (&self->font, pango_font_description_free);
      return;
    }

  copy = pango_font_description_copy (font);
  if (!pango_font_description_get_size_is_absolute (copy))
    pango_font_description_set_absolute_size (copy, pango_font_description_get_size (copy) *
                                                    (dpi > 0.0 ? dpi : 96.0) / 72.0);

  if (self->font != NULL && pango_font_description_equal (self->font, copy))
    {
      pango_font_description_free (copy);
      return;
    }

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = copy;
}

static void
ensure_model (CmCycleWheel *self)
{
  CmWheelModel *model;

  if (self->model != NULL && !self->model_stale)
    return;

  model = cm_wheel_model_new (self->cycle != NULL ? cm_cycle_get_title (self->cycle) : "",
                              self->cycle != NULL ? cm_cycle_get_current_stage (self->cycle)
                                                  : CM_STAGE_NONE,
                              self->activities);
  if (self->model != NULL)
    cm_wheel_model_reuse_layout (model, self->model);

  g_clear_pointer (&self->model, cm_wheel_model_unref);
  self->model = model;
  self->model_stale = FALSE;
}

void
cm_cycle_wheel_get_selected_hit (CmCycleWheel *self,
                                 CmWheelHit   *hit)
{
  CmWheelHit none = CM_WHEEL_HIT_INIT;

  ensure_model (self);
  if (self->selected == NULL || !cm_wheel_model_find_activity (self->model, self->selected, hit))
    *hit = none;
}

void
cm_cycle_wheel_get_geometry (CmCycleWheel    *self,
                             CmWheelGeometry *geometry)
{
  ensure_model (self);
  cm_wheel_model_get_geometry (self->model,
                               gtk_widget_get_width (GTK_WIDGET (self)),
                               gtk_widget_get_height (GTK_WIDGET (self)),
                               geometry);
}

static void
update_description (CmCycleWheel *self)
{
  g_autofree char *description = NULL;
  CmWheelHit hit;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  cm_cycle_wheel_get_selected_hit (self, &hit);
  if (hit.kind == CM_WHEEL_HIT_NONE)
    hit.kind = CM_WHEEL_HIT_CENTRE;
  description = cm_wheel_model_describe (self->model, &hit);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

/* Something the wheel shows changed: build the model again when next
 * needed, and redraw; the next frame paints what changed. */
static void
invalidate (CmCycleWheel *self)
{
  self->model_stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_description (self);
}

static void
on_activity_notify (CmActivity   *activity,
                    GParamSpec   *pspec,
                    CmCycleWheel *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (shown_properties); i++)
    {
      if (g_str_equal (pspec->name, shown_properties[i]))
        {
          invalidate (self);
          return;
        }
    }
}

static void
unwatch_activities (CmCycleWheel *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          on_activity_notify, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch_activities (CmCycleWheel *self)
{
  guint n;

  unwatch_activities (self);
  if (self->activities == NULL)
    return;

  n = g_list_model_get_n_items (self->activities);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->activities, i);

      if (!CM_IS_ACTIVITY (item))
        continue;
      g_signal_connect (item, "notify", G_CALLBACK (on_activity_notify), self);
      g_ptr_array_add (self->watched, g_object_ref (item));
    }
}

static gboolean
contains_activity (GListModel *list,
                   CmActivity *activity)
{
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (item == (GObject *) activity)
        return TRUE;
    }
  return FALSE;
}

static void
on_items_changed (GListModel   *list,
                  guint         position,
                  guint         removed,
                  guint         added,
                  CmCycleWheel *self)
{
  watch_activities (self);
  if (self->selected != NULL && !contains_activity (self->activities, self->selected))
    cm_cycle_wheel_set_selected (self, NULL);
  invalidate (self);
}

static void
on_cycle_notify (CmCycleWheel *self)
{
  invalidate (self);
}

static void
on_style_changed (CmCycleWheel *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cm_cycle_wheel_select_hit (CmCycleWheel     *self,
                           const CmWheelHit *hit)
{
  CmActivity *activity;

  ensure_model (self);
  activity = cm_wheel_model_get_activity (self->model, hit);
  if (activity != NULL)
    cm_cycle_wheel_set_selected (self, activity);
}

/* Opens the selected activity, as Enter or a double click does. */
void
cm_cycle_wheel_activate_selected (CmCycleWheel *self)
{
  if (self->selected != NULL)
    g_signal_emit (self, signals[ACTIVITY_ACTIVATED], 0, self->selected);
}

/* Drawing */

/* The focus ring round the whole wheel, where the painter would stroke it,
 * as a border whose round corners make a circle. */
static void
append_focus_ring (CmCycleWheel         *self,
                   GtkSnapshot          *snapshot,
                   int                   width,
                   int                   height,
                   const CmWheelPalette *palette,
                   const CmWheelState   *state)
{
  const CmWheelColor *colour = &palette->focus;
  GdkRGBA rgba = { colour->red, colour->green, colour->blue, colour->alpha };
  double cx, cy, radius, line_width;

  if (cm_wheel_painter_get_focus_ring (self->model, width, height, state, &cx, &cy, &radius,
                                       &line_width))
    cm_wheel_focus_ring_append (self->focus_ring, snapshot,
                                gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self))),
                                cx, cy, radius, line_width, &rgba,
                                gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                cm_wheel_image_is_stretched (self->image));
}

/* What the highlight of @hit may cover, in whole units: its segment, with
 * room for the focus ring round it. */
static gboolean
get_highlight_bounds (CmCycleWheel     *self,
                      const CmWheelHit *hit,
                      int               width,
                      int               height,
                      graphene_rect_t  *bounds)
{
  CmWheelGeometry geometry;
  CmWheelSector sector;
  double x, y, w, h, x0, y0, x1, y1;
  double margin = 6.0;

  cm_wheel_model_get_geometry (self->model, width, height, &geometry);
  if ((hit->kind != CM_WHEEL_HIT_SEGMENT && hit->kind != CM_WHEEL_HIT_PLACEHOLDER) ||
      !cm_wheel_geometry_get_sector (&geometry, hit, &sector))
    return FALSE;

  cm_wheel_geometry_sector_bounds (&geometry, &sector, &x, &y, &w, &h);
  x0 = MAX (0.0, floor (x - margin));
  y0 = MAX (0.0, floor (y - margin));
  x1 = MIN (width, ceil (x + w + margin));
  y1 = MIN (height, ceil (y + h + margin));
  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  graphene_rect_init (bounds, x0, y0, x1 - x0, y1 - y0);
  return TRUE;
}

/* Draws what @state highlights over the segment of @hit. */
static void
append_highlight (CmCycleWheel         *self,
                  GtkSnapshot          *snapshot,
                  const CmWheelHit     *hit,
                  int                   width,
                  int                   height,
                  const CmWheelPalette *palette,
                  const CmWheelState   *state)
{
  graphene_rect_t bounds;
  cairo_t *cr;

  if (!get_highlight_bounds (self, hit, width, height, &bounds))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cm_wheel_painter_draw_highlights (cr, self->model, width, height, palette, state);
  cairo_destroy (cr);
}

static void
cm_cycle_wheel_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CmCycleWheel *self = CM_CYCLE_WHEEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  const CmWheelPalette *palette = current_palette ();
  CmWheelState state = CM_WHEEL_STATE_INIT;
  CmWheelState hover_only, selection_only;
  gboolean ring;

  if (width <= 0 || height <= 0)
    return;

  ensure_model (self);
  update_font (self);
  cm_wheel_image_update (self->image, self->model, self->font, width, height, scale, palette);
  cm_wheel_image_append (self->image, snapshot, width, height);

  state.hover = self->hover;
  cm_cycle_wheel_get_selected_hit (self, &state.selected);
  state.focus_visible = gtk_widget_has_visible_focus (widget);
  state.font = self->font;

  /* The ring round the whole wheel comes last, as the painter has it. */
  ring = state.focus_visible && state.selected.kind == CM_WHEEL_HIT_NONE;
  if (ring)
    state.focus_visible = FALSE;

  /* Hover and selection get a node each, the hover's first: the cairo
   * renderer plays a cairo node back into an image the size of its bounds,
   * and one node round both could cover most of the wheel. */
  hover_only = state;
  hover_only.selected.kind = CM_WHEEL_HIT_NONE;
  hover_only.focus_visible = FALSE;
  append_highlight (self, snapshot, &state.hover, width, height, palette, &hover_only);
  selection_only = state;
  selection_only.hover.kind = CM_WHEEL_HIT_NONE;
  append_highlight (self, snapshot, &state.selected, width, height, palette, &selection_only);

  if (ring)
    {
      state.focus_visible = TRUE;
      append_focus_ring (self, snapshot, width, height, palette, &state);
    }
}

static void
cm_cycle_wheel_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = 160;
  *natural = 480;
}

static gboolean
cm_cycle_wheel_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  CmCycleWheel *self = CM_CYCLE_WHEEL (widget);
  g_autofree char *text = NULL;
  CmWheelGeometry geometry;
  CmWheelSector sector;
  CmWheelHit hit;
  double sx, sy, sw, sh;

  cm_cycle_wheel_get_geometry (self, &geometry);
  if (keyboard_tooltip)
    cm_cycle_wheel_get_selected_hit (self, &hit);
  else
    cm_wheel_geometry_hit_test (&geometry, x, y, &hit);

  text = cm_wheel_model_describe (self->model, &hit);
  if (text == NULL || !cm_wheel_geometry_get_sector (&geometry, &hit, &sector))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  cm_wheel_geometry_sector_bounds (&geometry, &sector, &sx, &sy, &sw, &sh);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) sx, (int) sy,
                                                        (int) (sw + 1.0), (int) (sh + 1.0) });
  return TRUE;
}

static void
cm_cycle_wheel_state_flags_changed (GtkWidget     *widget,
                                    GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (cm_cycle_wheel_parent_class)->state_flags_changed (widget, previous);

  if (((previous ^ gtk_widget_get_state_flags (widget)) &
       (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE)) != 0)
    gtk_widget_queue_draw (widget);
}

/* GObject */

static void
cm_cycle_wheel_dispose (GObject *object)
{
  CmCycleWheel *self = CM_CYCLE_WHEEL (object);

  cm_cycle_wheel_set_activities (self, NULL);
  cm_cycle_wheel_set_cycle (self, NULL);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->image, cm_wheel_image_free);
  g_clear_pointer (&self->focus_ring, cm_wheel_focus_ring_free);
  g_clear_pointer (&self->model, cm_wheel_model_unref);

  G_OBJECT_CLASS (cm_cycle_wheel_parent_class)->dispose (object);
}

static void
cm_cycle_wheel_finalize (GObject *object)
{
  CmCycleWheel *self = CM_CYCLE_WHEEL (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (cm_cycle_wheel_parent_class)->finalize (object);
}

static void
cm_cycle_wheel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CmCycleWheel *self = CM_CYCLE_WHEEL (object);

  switch (prop_id)
    {
    case PROP_ACTIVITIES:
      g_value_set_object (value, self->activities);
      break;
    case PROP_CYCLE:
      g_value_set_object (value, self->cycle);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_cycle_wheel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CmCycleWheel *self = CM_CYCLE_WHEEL (object);

  switch (prop_id)
    {
    case PROP_ACTIVITIES:
      cm_cycle_wheel_set_activities (self, g_value_get_object (value));
      break;
    case PROP_CYCLE:
      cm_cycle_wheel_set_cycle (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      cm_cycle_wheel_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cm_cycle_wheel_class_init (CmCycleWheelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cm_cycle_wheel_dispose;
  object_class->finalize = cm_cycle_wheel_finalize;
  object_class->get_property = cm_cycle_wheel_get_property;
  object_class->set_property = cm_cycle_wheel_set_property;

  widget_class->snapshot = cm_cycle_wheel_snapshot;
  widget_class->measure = cm_cycle_wheel_measure;
  widget_class->query_tooltip = cm_cycle_wheel_query_tooltip;
  widget_class->state_flags_changed = cm_cycle_wheel_state_flags_changed;

  properties[PROP_ACTIVITIES] =
    g_param_spec_object ("activities", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CYCLE] =
    g_param_spec_object ("cycle", NULL, NULL,
                         CM_TYPE_CYCLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         CM_TYPE_ACTIVITY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CmCycleWheel::activity-activated:
   * @activity: the activity to open
   *
   * Enter, Space or a double click on a segment asks for its activity.
   */
  signals[ACTIVITY_ACTIVATED] =
    g_signal_new ("activity-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CM_TYPE_ACTIVITY);

  gtk_widget_class_set_css_name (widget_class, "cycle-wheel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cm_cycle_wheel_init (CmCycleWheel *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->image = cm_wheel_image_new (GTK_WIDGET (self));
  self->focus_ring = cm_wheel_focus_ring_new ();
  self->hover = (CmWheelHit) CM_WHEEL_HIT_INIT;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  cm_cycle_wheel_add_input_controllers (self);

  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_style_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (on_style_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Commissioning cycle wheel"),
                                  -1);
  update_description (self);
}

/* Public API */

GtkWidget *
cm_cycle_wheel_new (void)
{
  return g_object_new (CM_TYPE_CYCLE_WHEEL, NULL);
}

/* Returns: (transfer none) (nullable) */
GListModel *
cm_cycle_wheel_get_activities (CmCycleWheel *self)
{
  g_return_val_if_fail (CM_IS_CYCLE_WHEEL (self), NULL);

  return self->activities;
}

/**
 * cm_cycle_wheel_set_activities:
 * @activities: (nullable): a list of #CmActivity
 *
 * The wheel redraws when the list changes, and when any activity's title,
 * status, stage, ring or position does.
 */
void
cm_cycle_wheel_set_activities (CmCycleWheel *self,
                               GListModel   *activities)
{
  g_return_if_fail (CM_IS_CYCLE_WHEEL (self));
  g_return_if_fail (activities == NULL || G_IS_LIST_MODEL (activities));

  if (self->activities == activities)
    return;

  if (self->activities != NULL)
    g_signal_handlers_disconnect_by_func (self->activities, on_items_changed, self);
  unwatch_activities (self);

  g_set_object (&self->activities, activities);

  if (self->activities != NULL)
    g_signal_connect (self->activities, "items-changed", G_CALLBACK (on_items_changed), self);
  watch_activities (self);

  if (self->selected != NULL && !contains_activity (self->activities, self->selected))
    cm_cycle_wheel_set_selected (self, NULL);

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITIES]);
}

/* Returns: (transfer none) (nullable) */
CmCycle *
cm_cycle_wheel_get_cycle (CmCycleWheel *self)
{
  g_return_val_if_fail (CM_IS_CYCLE_WHEEL (self), NULL);

  return self->cycle;
}

/**
 * cm_cycle_wheel_set_cycle:
 * @cycle: (nullable): the cycle whose title and current stage to show
 */
void
cm_cycle_wheel_set_cycle (CmCycleWheel *self,
                          CmCycle      *cycle)
{
  g_return_if_fail (CM_IS_CYCLE_WHEEL (self));
  g_return_if_fail (cycle == NULL || CM_IS_CYCLE (cycle));

  if (self->cycle == cycle)
    return;

  if (self->cycle != NULL)
    g_signal_handlers_disconnect_by_func (self->cycle, on_cycle_notify, self);

  g_set_object (&self->cycle, cycle);

  if (self->cycle != NULL)
    {
      g_signal_connect_swapped (self->cycle, "notify::title",
                                G_CALLBACK (on_cycle_notify), self);
      g_signal_connect_swapped (self->cycle, "notify::current-stage",
                                G_CALLBACK (on_cycle_notify), self);
    }

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE]);
}

/* Returns: (transfer none) (nullable) */
CmActivity *
cm_cycle_wheel_get_selected (CmCycleWheel *self)
{
  g_return_val_if_fail (CM_IS_CYCLE_WHEEL (self), NULL);

  return self->selected;
}

/**
 * cm_cycle_wheel_set_selected:
 * @activity: (nullable): one of the wheel's activities, or %NULL
 */
void
cm_cycle_wheel_set_selected (CmCycleWheel *self,
                             CmActivity   *activity)
{
  g_return_if_fail (CM_IS_CYCLE_WHEEL (self));
  g_return_if_fail (activity == NULL || CM_IS_ACTIVITY (activity));

  if (!g_set_object (&self->selected, activity))
    return;

  self->ring_angle_set = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * cm_cycle_wheel_get_activity_point:
 * @point: (out): a point, in widget coordinates
 *
 * Finds a point inside @activity's segment that shows its status fill, clear
 * of text and marks: for tests that look at the pixels.
 *
 * Returns: %FALSE when the activity is not on the wheel
 */
gboolean
cm_cycle_wheel_get_activity_point (CmCycleWheel     *self,
                                   CmActivity       *activity,
                                   graphene_point_t *point)
{
  CmWheelHit hit;
  double x, y;

  g_return_val_if_fail (CM_IS_CYCLE_WHEEL (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  ensure_model (self);
  update_font (self);
  if (!cm_wheel_model_find_activity (self->model, activity, &hit) ||
      !cm_wheel_painter_get_fill_point (self->model,
                                        gtk_widget_get_width (GTK_WIDGET (self)),
                                        gtk_widget_get_height (GTK_WIDGET (self)),
                                        self->font, &hit, &x, &y))
    return FALSE;

  graphene_point_init (point, (float) x, (float) y);
  return TRUE;
}
