/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-image"

#include "config.h"

#include "cm-wheel-image.h"

#include <string.h>

/* The wheel as the widget keeps it: painted once into an image; when an
 * activity's status changes, the painter paints just that segment (and the
 * centre, when the progress changed) into it; it is painted whole again
 * only when the layout, the size, the font or the style change.
 *
 * GL renderers get the image as tiles of texture: a change makes new
 * textures of only the tiles it touched, and only those are uploaded again.
 * The cairo renderer of GTK 4.8 converts every pixel of a texture on every
 * frame it draws, so it gets the image painted by cairo instead, which
 * costs it next to nothing. */

#define TILE_SIZE 128  /* device pixels */

/* Laying the labels out again costs ten times a frame's budget, so while
 * the size keeps changing (a window being resized) the last image is drawn
 * scaled; the wheel is painted afresh once the size has held still. */
#define RESIZING_WINDOW_US (250 * G_TIME_SPAN_MILLISECOND)
#define SETTLE_MS          150

struct _CmWheelImage
{
  GtkWidget            *owner;            /* drawn again when a resize settles */

  /* What the image shows, and how: model, size, scale, palette, font. */
  cairo_surface_t      *image;
  cairo_surface_t      *image_view;       /* the same pixels, for cairo nodes */
  GPtrArray            *tiles;            /* of GdkTexture, row by row, or empty */
  int                   n_columns;
  int                   n_rows;
  int                   tile_size;        /* device pixels */
  cairo_region_t       *stale_tiles;      /* device pixels */
  CmWheelModel         *image_model;
  int                   image_width;
  int                   image_height;
  int                   image_scale;
  const CmWheelPalette *image_palette;
  char                 *image_font;
  gint64                image_painted_at; /* monotonic time of the last whole paint */
  gint64                resized_at;       /* of the last frame drawn stretched */
  gboolean              stretched;        /* the image is of another size than the widget */
  guint                 settle_id;
};

static void
unref_texture (gpointer texture)
{
  g_clear_object (&texture);
}

void
cm_wheel_image_clear (CmWheelImage *self)
{
  g_clear_pointer (&self->image_view, cairo_surface_destroy);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_clear_pointer (&self->image_model, cm_wheel_model_unref);
  g_clear_pointer (&self->image_font, g_free);
  g_ptr_array_set_size (self->tiles, 0);
  cairo_region_subtract (self->stale_tiles, self->stale_tiles);
  g_clear_handle_id (&self->settle_id, g_source_remove);
}

/* A texture of its own for a tile: it must not change once GTK has it. */
static GdkTexture *
texture_from_image (cairo_surface_t             *image,
                    const cairo_rectangle_int_t *rect)
{
  const guchar *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  gsize row_size = (gsize) rect->width * 4;
  guchar *pixels = g_malloc (row_size * rect->height);
  g_autoptr(GBytes) bytes = NULL;

  for (int row = 0; row < rect->height; row++)
    memcpy (pixels + row_size * row, data + (gsize) stride * (rect->y + row) + rect->x * 4,
            row_size);
  bytes = g_bytes_new_take (pixels, row_size * rect->height);

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32, premultiplied, native-endian. */
  return gdk_memory_texture_new (rect->width, rect->height, GDK_MEMORY_DEFAULT, bytes,
                                 row_size);
}

static void
get_tile_rect (CmWheelImage          *self,
               guint                  i,
               cairo_rectangle_int_t *rect)
{
  rect->x = (i % self->n_columns) * self->tile_size;
  rect->y = (i / self->n_columns) * self->tile_size;
  rect->width = MIN (self->tile_size, cairo_image_surface_get_width (self->image) - rect->x);
  rect->height = MIN (self->tile_size, cairo_image_surface_get_height (self->image) - rect->y);
}

/* Makes new textures of the tiles that the image changed under, or of all
 * of them the first time. */
static void
update_tiles (CmWheelImage *self)
{
  gboolean all = self->tiles->len == 0;

  if (!all && cairo_region_is_empty (self->stale_tiles))
    return;

  g_ptr_array_set_size (self->tiles, self->n_columns * self->n_rows);

  cairo_surface_flush (self->image);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      cairo_rectangle_int_t rect;

      get_tile_rect (self, i, &rect);
      if (!all &&
          cairo_region_contains_rectangle (self->stale_tiles, &rect) == CAIRO_REGION_OVERLAP_OUT)
        continue;

      g_clear_object (&g_ptr_array_index (self->tiles, i));
      g_ptr_array_index (self->tiles, i) = texture_from_image (self->image, &rect);
    }

  cairo_region_subtract (self->stale_tiles, self->stale_tiles);
}

static void
paint_image (CmWheelImage               *self,
             CmWheelModel               *model,
             const PangoFontDescription *font,
             int                         width,
             int                         height,
             int                         scale,
             const CmWheelPalette       *palette,
             const char                 *font_key)
{
  CmWheelState state = CM_WHEEL_STATE_INIT;
  cairo_t *cr;

  cm_wheel_image_clear (self);

  self->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (self->image, scale, scale);

  /* A recording (as in a cairo node) keeps what it painted from a surface by
   * copying all of it the moment that surface changes. The render nodes of
   * past frames are never drawn again, so they paint from a second surface
   * on the same pixels, which the painter never draws into. */
  self->image_view =
    cairo_image_surface_create_for_data (cairo_image_surface_get_data (self->image),
                                         CAIRO_FORMAT_ARGB32, width * scale, height * scale,
                                         cairo_image_surface_get_stride (self->image));
  cairo_surface_set_device_scale (self->image_view, scale, scale);
  state.font = (PangoFontDescription *) font;
  cr = cairo_create (self->image);
  cm_wheel_painter_draw (cr, model, width, height, palette, &state);
  cairo_destroy (cr);

  /* Tiles whose edges fall on whole units. */
  self->tile_size = MAX (scale, TILE_SIZE - TILE_SIZE % scale);
  self->n_columns = (width * scale + self->tile_size - 1) / self->tile_size;
  self->n_rows = (height * scale + self->tile_size - 1) / self->tile_size;

  self->image_model = cm_wheel_model_ref (model);
  self->image_width = width;
  self->image_height = height;
  self->image_scale = scale;
  self->image_palette = palette;
  self->image_font = g_strdup (font_key);
  self->image_painted_at = g_get_monotonic_time ();
}

/* Paints into the image only what the model changed since it was painted.
 * Returns FALSE when it must be painted whole. */
static gboolean
paint_changes (CmWheelImage               *self,
               CmWheelModel               *model,
               const PangoFontDescription *font)
{
  CmWheelState state = CM_WHEEL_STATE_INIT;
  cairo_region_t *damage;
  gboolean painted;
  cairo_t *cr;

  if (self->image_model == model)
    return TRUE;

  damage = cairo_region_create ();
  state.font = (PangoFontDescription *) font;
  cr = cairo_create (self->image);
  painted = cm_wheel_painter_draw_changes (cr, model, self->image_model,
                                           self->image_width, self->image_height,
                                           self->image_palette, &state, damage);
  cairo_destroy (cr);

  if (painted)
    {
      for (int i = 0; i < cairo_region_num_rectangles (damage); i++)
        {
          cairo_rectangle_int_t rect;

          cairo_region_get_rectangle (damage, i, &rect);
          rect.x *= self->image_scale;
          rect.y *= self->image_scale;
          rect.width *= self->image_scale;
          rect.height *= self->image_scale;
          cairo_region_union_rectangle (self->stale_tiles, &rect);
        }

      g_clear_pointer (&self->image_model, cm_wheel_model_unref);
      self->image_model = cm_wheel_model_ref (model);
    }

  cairo_region_destroy (damage);
  return painted;
}

static gboolean
on_size_settled (gpointer data)
{
  CmWheelImage *self = data;

  self->settle_id = 0;
  self->image_painted_at = 0;
  self->resized_at = 0;
  gtk_widget_queue_draw (self->owner);
  return G_SOURCE_REMOVE;
}

/* Whether the image, of another size, may stand in for a while: only when
 * the size was changing a moment ago, as it does frame after frame while a
 * window is resized. The first frame of a resize paints afresh. */
static gboolean
may_stretch (CmWheelImage               *self,
             CmWheelModel               *model,
             const PangoFontDescription *font,
             int                         scale,
             const CmWheelPalette       *palette,
             const char                 *font_key)
{
  if (self->image == NULL || self->image_scale != scale || self->image_palette != palette ||
      g_strcmp0 (self->image_font, font_key) != 0 ||
      g_get_monotonic_time () - MAX (self->image_painted_at, self->resized_at) >
      RESIZING_WINDOW_US)
    return FALSE;

  self->resized_at = g_get_monotonic_time ();
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, on_size_settled, self);
  return paint_changes (self, model, font);
}

/* Brings the image up to @model at this size, scale, palette and font:
 * nothing to do, only what changed to paint, the last image to stretch
 * while a resize goes on, or all of it to paint afresh. */
void
cm_wheel_image_update (CmWheelImage               *self,
                       CmWheelModel               *model,
                       const PangoFontDescription *font,
                       int                         width,
                       int                         height,
                       int                         scale,
                       const CmWheelPalette       *palette)
{
  g_autofree char *font_key = font != NULL ? pango_font_description_to_string (font)
                                           : g_strdup ("");

  self->stretched = FALSE;
  if (self->image != NULL && self->image_width == width && self->image_height == height &&
      self->image_scale == scale && self->image_palette == palette &&
      g_strcmp0 (self->image_font, font_key) == 0 && paint_changes (self, model, font))
    return;

  if (self->image != NULL && (self->image_width != width || self->image_height != height) &&
      may_stretch (self, model, font, scale, palette, font_key))
    {
      self->stretched = TRUE;
      return;
    }

  paint_image (self, model, font, width, height, scale, palette, font_key);
}

/* Maps the image onto a widget of another size. The wheel is centred and
 * its size follows the smaller side, so one scale fits it exactly. */
static void
transform_stretched (CmWheelImage *self,
                     GtkSnapshot  *snapshot,
                     int           width,
                     int           height)
{
  double factor = (double) MIN (width, height) / MIN (self->image_width, self->image_height);

  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2.0, height / 2.0));
  gtk_snapshot_scale (snapshot, factor, factor);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-self->image_width / 2.0,
                                                          -self->image_height / 2.0));
}

/* Hands GTK the tiles of the image as textures. */
static void
append_tiles (CmWheelImage *self,
              GtkSnapshot  *snapshot)
{
  double scale = self->image_scale;

  for (guint i = 0; i < self->tiles->len; i++)
    {
      GdkTexture *tile = g_ptr_array_index (self->tiles, i);
      cairo_rectangle_int_t rect;

      get_tile_rect (self, i, &rect);
      gtk_snapshot_append_texture (snapshot, tile,
                                   &GRAPHENE_RECT_INIT (rect.x / scale, rect.y / scale,
                                                        rect.width / scale,
                                                        rect.height / scale));
    }
}

/* Hands GTK the image for a widget of @width × @height: painted by cairo
 * for the cairo renderer, as tiles of texture for the others, and scaled
 * while a resize goes on. */
void
cm_wheel_image_append (CmWheelImage *self,
                       GtkSnapshot  *snapshot,
                       int           width,
                       int           height)
{
  GskRenderer *renderer;
  cairo_t *cr;

  if (self->image == NULL)
    return;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (self->owner));
  gtk_snapshot_save (snapshot);
  if (self->stretched)
    transform_stretched (self, snapshot, width, height);
  if (renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer))
    {
      cr = gtk_snapshot_append_cairo (snapshot,
                                      &GRAPHENE_RECT_INIT (0, 0, self->image_width,
                                                           self->image_height));
      cairo_set_source_surface (cr, self->image_view, 0, 0);
      /* Scaled, the image is only a stand-in until the size holds still:
       * the fastest filter keeps such a frame at half the cost. */
      if (self->stretched)
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  else
    {
      update_tiles (self);
      append_tiles (self, snapshot);
    }
  gtk_snapshot_restore (snapshot);
}

/* Whether the last update kept the image of another size, drawn scaled
 * until the size holds still. */
gboolean
cm_wheel_image_is_stretched (CmWheelImage *self)
{
  return self->stretched;
}

CmWheelImage *
cm_wheel_image_new (GtkWidget *owner)
{
  CmWheelImage *self = g_new0 (CmWheelImage, 1);

  self->owner = owner;
  self->tiles = g_ptr_array_new_with_free_func (unref_texture);
  self->stale_tiles = cairo_region_create ();
  return self;
}

void
cm_wheel_image_free (CmWheelImage *self)
{
  if (self == NULL)
    return;

  cm_wheel_image_clear (self);
  g_ptr_array_unref (self->tiles);
  cairo_region_destroy (self->stale_tiles);
  g_free (self);
}
