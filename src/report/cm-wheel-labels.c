/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cm-wheel-labels-private.h"

/* Where the wheel's text goes. Labels are laid out once per model and size,
 * then drawn from the cache: hover, selection and palette changes only
 * repaint. Text is shaped with unhinted metrics at a fixed resolution, so a
 * label wraps the same way on screen and on paper.
 *
 * Every label is confined to a region no other label may enter: activity
 * text to its own segment, less the slot kept for its status mark; stage
 * names to the corner of their own quadrant, outside the wheel; the title
 * and progress to the centre disc. That is why labels never overlap.
 *
 * Inside a segment, text is level or, when the segment is thin, runs out
 * from the centre. Sizes come from a short ladder, so fonts are shared, and
 * a ring's labels share one size except where a label needs a smaller one.
 *
 * When only statuses change, a model takes over the last layout and lays out
 * just the centre again. The centre's texts are tried at the same sizes in the
 * same box as the last time, so how each try came out is remembered from one
 * layout of the centre to the next: the title is not shaped again.
 *
 * The activities' labels, ring by ring, are laid out in
 * cm-wheel-labels-ring.c; the stage names and the centre here. */

/* How a text fitted a box; its layout is not changed again. */
typedef struct
{
  PangoLayout *layout;
  gboolean     fits;
} Fit;

static GQuark
size_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cm-wheel-label-size");
  return quark;
}

/* Sets the layout's font for text at @size: at REFERENCE_FONT_PX, with the
 * size kept (in Pango units) to scale by. */
void
cm_wheel_labels_set_size (PangoLayout                *layout,
                          const PangoFontDescription *font,
                          double                      size,
                          PangoWeight                 weight,
                          PangoStyle                  style)
{
  PangoFontDescription *desc = pango_font_description_copy_static (font);

  pango_font_description_set_absolute_size (desc, REFERENCE_FONT_PX * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  g_object_set_qdata (G_OBJECT (layout), size_quark (),
                      GINT_TO_POINTER (MAX (1, (int) lround (size * PANGO_SCALE))));
}

/* How much the layout's text is to be scaled to be at its size. */
double
cm_wheel_labels_get_scale (PangoLayout *layout)
{
  int size = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (layout), size_quark ()));

  g_return_val_if_fail (size > 0, 1.0);
  return (double) size / PANGO_SCALE / REFERENCE_FONT_PX;
}

/* The layout's logical extents at its size, in Pango units. */
void
cm_wheel_labels_get_logical (PangoLayout    *layout,
                             PangoRectangle *logical)
{
  double scale = cm_wheel_labels_get_scale (layout);
  PangoRectangle r;

  pango_layout_get_extents (layout, NULL, &r);
  logical->x = (int) lround (r.x * scale);
  logical->y = (int) lround (r.y * scale);
  logical->width = (int) lround (r.width * scale);
  logical->height = (int) lround (r.height * scale);
}

/* Whether the text fits in width × height at @size, wrapped between words;
 * or, when @shorten, ellipsized at the end (and broken inside a word only
 * when a word is wider than the box). */
gboolean
cm_wheel_labels_try_fit (PangoLayout                *layout,
                         const PangoFontDescription *font,
                         double                      size,
                         PangoWeight                 weight,
                         PangoStyle                  style,
                         double                      width,
                         double                      height,
                         gboolean                    shorten)
{
  PangoRectangle logical;
  double scale;

  if (width < 1.0 || height < 1.0)
    return FALSE;

  cm_wheel_labels_set_size (layout, font, size, weight, style);
  scale = cm_wheel_labels_get_scale (layout);
  pango_layout_set_width (layout, (int) floor (width / scale * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, shorten ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_height (layout, shorten ? (int) floor (height / scale * PANGO_SCALE) : -1);
  cm_wheel_labels_get_logical (layout, &logical);

  if (shorten && logical.width > width * PANGO_SCALE)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      cm_wheel_labels_get_logical (layout, &logical);
    }

  return logical.width <= width * PANGO_SCALE && logical.height <= height * PANGO_SCALE;
}

PangoLayout *
cm_wheel_labels_new_layout (Builder    *builder,
                            const char *text)
{
  PangoLayout *layout = pango_layout_new (builder->context);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

static void
fit_free (gpointer data)
{
  Fit *fit = data;

  g_object_unref (fit->layout);
  g_free (fit);
}

GHashTable *
cm_wheel_fits_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, fit_free);
}

/* try_fit() for a layout of its own, remembered: a size and box that were
 * tried before (in this layout or the last) come out as they did then. */
static PangoLayout *
fit_text (Builder     *builder,
          const char  *text,
          double       size,
          PangoWeight  weight,
          double       width,
          double       height,
          gboolean     shorten,
          gboolean    *fits)
{
  g_autofree char *key = g_strdup_printf ("%a %d %a %a %d %s", size, (int) weight, width,
                                          height, shorten, text);
  Fit *fit = g_hash_table_lookup (builder->fits, key);

  if (fit == NULL && builder->previous_fits != NULL &&
      (fit = g_hash_table_lookup (builder->previous_fits, key)) != NULL)
    {
      Fit *kept = g_new (Fit, 1);

      kept->layout = g_object_ref (fit->layout);
      kept->fits = fit->fits;
      g_hash_table_insert (builder->fits, g_steal_pointer (&key), kept);
      fit = kept;
    }

  if (fit == NULL)
    {
      fit = g_new (Fit, 1);
      fit->layout = cm_wheel_labels_new_layout (builder, text);
      fit->fits = cm_wheel_labels_try_fit (fit->layout, builder->font, size, weight, PANGO_STYLE_NORMAL,
                           width, height, shorten);
      g_hash_table_insert (builder->fits, g_steal_pointer (&key), fit);
    }

  *fits = fit->fits;
  return g_object_ref (fit->layout);
}

/* Centres the laid-out text on @box, in a frame turned by @angle about the
 * wheel's centre. */
void
cm_wheel_labels_place (Builder            *builder,
                       CmWheelPlacedLabel *label,
                       PangoLayout        *layout,
                       const CmWheelBox   *box,
                       double              angle)
{
  const CmWheelGeometry *g = &builder->geometry;
  PangoRectangle logical;
  double w, h, bx, by, cx, cy;

  cm_wheel_labels_get_logical (layout, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;
  bx = (box->x0 + box->x1) / 2.0;
  by = (box->y0 + box->y1) / 2.0;
  cx = g->cx + bx * cos (angle) - by * sin (angle);
  cy = g->cy + bx * sin (angle) + by * cos (angle);

  g_set_object (&label->layout, layout);
  label->info.width = w;
  label->info.height = h;
  label->info.x = cx - w / 2.0;
  label->info.y = cy - h / 2.0;
  label->info.angle = angle;
  label->text_dx = -w / 2.0 - (double) logical.x / PANGO_SCALE;
  label->text_dy = -h / 2.0 - (double) logical.y / PANGO_SCALE;
  label->text_scale = cm_wheel_labels_get_scale (layout);
}

void
cm_wheel_labels_add (Builder            *builder,
                     CmWheelPlacedLabel *label)
{
  g_array_append_val (builder->labels, *label);
}

/* A stage's name goes in the corner of its own quadrant, as near the wheel
 * as it can be without touching the stage band; the current stage's name
 * says so on a second line when there is room. */
static void
layout_stage (Builder *builder,
              CmStage  stage)
{
  const CmWheelGeometry *g = &builder->geometry;
  gboolean current = stage == builder->model->current_stage;
  double sx = (stage == CM_STAGE_ANALYSE || stage == CM_STAGE_PLAN) ? 1.0 : -1.0;
  double sy = (stage == CM_STAGE_PLAN || stage == CM_STAGE_DO) ? 1.0 : -1.0;
  double rho = g->band_outer + builder->metrics.pad;
  double margin = MAX (1.0, builder->metrics.pad * 0.5);
  double max_size = builder->base * builder->scale * 1.15;
  double min_size = MAX (SMALLEST_FONT_PX, builder->base * 0.8 * MIN (builder->scale, 1.0));
  const char *name = cm_stage_to_label (stage);
  g_autoptr(PangoLayout) layout = cm_wheel_labels_new_layout (builder, name);

  for (int with_note = current ? 1 : 0; with_note >= 0; with_note--)
    {
      g_autofree char *text = NULL;

      if (with_note)
        /* Translators: shown under the name of the cycle's current stage */
        text = g_strdup_printf ("%s\n%s", name, _("Current stage"));
      else
        text = g_strdup (name);
      pango_layout_set_text (layout, text, -1);

      for (double size = max_size; ; size = MAX (min_size, size / LADDER_STEP))
        {
          CmWheelPlacedLabel label = { 0 };
          PangoRectangle logical;
          double a, b, disc, u;
          CmWheelBox box;

          cm_wheel_labels_set_size (layout, builder->font, size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
          if (with_note)
            {
              g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
              PangoAttribute *attr;
              guint start = strlen (name) + 1;

              attr = pango_attr_size_new_absolute ((int) (REFERENCE_FONT_PX * 0.72 * PANGO_SCALE));
              attr->start_index = start;
              pango_attr_list_insert (attrs, attr);
              attr = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);
              attr->start_index = start;
              pango_attr_list_insert (attrs, attr);
              pango_layout_set_attributes (layout, attrs);
            }
          else
            {
              pango_layout_set_attributes (layout, NULL);
            }

          cm_wheel_labels_get_logical (layout, &logical);
          a = (double) logical.width / PANGO_SCALE / 2.0;
          b = (double) logical.height / PANGO_SCALE / 2.0;

          /* The nearest corner, (u - a, u - b) from the centre, must be
           * rho away: solve for u, then keep inside the quadrant. */
          disc = 2.0 * rho * rho - (a - b) * (a - b);
          u = disc > 0.0 ? ((a + b) + sqrt (disc)) / 2.0 : 0.0;
          u = MAX (u, MAX (a, b) + margin);

          if (u + a <= g->width / 2.0 - margin && u + b <= g->height / 2.0 - margin)
            {
              cm_wheel_box_init_centred (&box, sx * u, sy * u, 2.0 * a, 2.0 * b);
              label.info.kind = CM_WHEEL_LABEL_STAGE;
              label.info.hit.kind = CM_WHEEL_HIT_NONE;
              label.info.hit.stage = stage;
              label.role = CM_WHEEL_TEXT_STAGE;
              cm_wheel_labels_place (builder, &label, layout, &box, 0.0);
              cm_wheel_labels_add (builder, &label);
              return;
            }

          if (size <= min_size)
            break;
        }
    }
}

typedef struct
{
  PangoLayout      *layout;
  CmWheelLabelKind  kind;
  double            height;
  gboolean          shortened;
} Block;

/* Stacks title, percentage and count in the centre at @factor of their
 * full size; any of the texts may be NULL. */
static gboolean
stack_centre (Builder    *builder,
              const char *title,
              const char *percent,
              const char *count,
              double      box_width,
              double      box_height,
              double      factor,
              gboolean    shorten)
{
  double unit = builder->base * builder->scale * factor;
  double spacing = unit * 0.2, used = 0.0, y;
  Block blocks[3] = { { 0 } };
  guint n_blocks = (title != NULL) + (percent != NULL) + (count != NULL);
  gboolean ok = n_blocks > 0;
  PangoRectangle logical;

  if (ok && percent != NULL)
    {
      blocks[1].kind = CM_WHEEL_LABEL_PROGRESS;
      ok = unit * 1.9 >= SMALLEST_FONT_PX;
      if (ok)
        {
          blocks[1].layout = fit_text (builder, percent, unit * 1.9, PANGO_WEIGHT_BOLD,
                                       box_width, box_height, FALSE, &ok);
          cm_wheel_labels_get_logical (blocks[1].layout, &logical);
          used += blocks[1].height = (double) logical.height / PANGO_SCALE;
        }
    }

  if (ok && count != NULL)
    {
      blocks[2].kind = CM_WHEEL_LABEL_PROGRESS;
      ok = unit * 0.85 >= SMALLEST_FONT_PX;
      if (ok)
        {
          blocks[2].layout = fit_text (builder, count, unit * 0.85, PANGO_WEIGHT_NORMAL,
                                       box_width, box_height, FALSE, &ok);
          cm_wheel_labels_get_logical (blocks[2].layout, &logical);
          used += blocks[2].height = (double) logical.height / PANGO_SCALE;
        }
    }

  if (ok && title != NULL)
    {
      double available = box_height - used - spacing * (n_blocks - 1);

      blocks[0].kind = CM_WHEEL_LABEL_TITLE;
      ok = available >= 1.0 && unit * 1.1 >= SMALLEST_FONT_PX;
      if (ok)
        {
          blocks[0].layout = fit_text (builder, title, unit * 1.1, PANGO_WEIGHT_BOLD,
                                       box_width, available, shorten, &ok);
          cm_wheel_labels_get_logical (blocks[0].layout, &logical);
          used += blocks[0].height = (double) logical.height / PANGO_SCALE;
          blocks[0].shortened = pango_layout_is_ellipsized (blocks[0].layout);
        }
    }

  ok = ok && used + spacing * (n_blocks - 1) <= box_height;

  y = -(used + spacing * (n_blocks - 1)) / 2.0;
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      if (blocks[i].layout == NULL)
        continue;

      if (ok)
        {
          CmWheelPlacedLabel label = { 0 };
          CmWheelBox box = { -box_width / 2.0, y, box_width / 2.0, y + blocks[i].height };

          label.info.kind = blocks[i].kind;
          label.info.hit.kind = CM_WHEEL_HIT_CENTRE;
          label.info.shortened = blocks[i].shortened;
          label.role = CM_WHEEL_TEXT_NORMAL;
          cm_wheel_labels_place (builder, &label, blocks[i].layout, &box, 0.0);
          cm_wheel_labels_add (builder, &label);
          y += blocks[i].height + spacing;
        }
      g_object_unref (blocks[i].layout);
    }

  return ok;
}

/* The centre holds as much as fits, in order of what matters most; a whole
 * title in smaller type beats a shortened one. */
static void
layout_centre (Builder *builder)
{
  static const struct { gboolean title, percent, count, shorten; } choices[] = {
    { TRUE, TRUE, TRUE, FALSE },
    { TRUE, TRUE, TRUE, TRUE },
    { TRUE, TRUE, FALSE, FALSE },
    { TRUE, TRUE, FALSE, TRUE },
    { FALSE, TRUE, TRUE, FALSE },
    { FALSE, TRUE, FALSE, FALSE },
    { FALSE, FALSE, TRUE, FALSE },
  };
  const CmWheelGeometry *g = &builder->geometry;
  double r = g->centre_radius - g->gap / 2.0 - builder->metrics.progress_width -
             builder->metrics.pad;
  g_autofree char *percent = cm_wheel_model_format_percent (builder->model);
  g_autofree char *count = cm_wheel_model_format_progress (builder->model);
  const char *title = builder->model->title[0] != '\0' ? builder->model->title : NULL;

  if (r < 4.0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    for (double factor = 1.0; factor > 0.45; factor /= LADDER_STEP)
      if (stack_centre (builder,
                        choices[i].title ? title : NULL,
                        choices[i].percent ? percent : NULL,
                        choices[i].count ? count : NULL,
                        2.0 * r * cos (0.7), 2.0 * r * sin (0.7), factor,
                        choices[i].shorten))
        return;
}


static void
builder_init (Builder                    *builder,
              CmWheelModel               *model,
              CmWheelLabelCache          *cache,
              const PangoFontDescription *font)
{
  double max_size, min_size;

  memset (builder, 0, sizeof *builder);
  builder->model = model;
  builder->context = cache->context;
  builder->labels = cache->labels;
  builder->fits = cache->fits;
  builder->previous_fits = cache->previous_fits;
  builder->font = cm_wheel_font_normalise (font, &builder->base);
  cm_wheel_model_get_geometry (model, cache->width, cache->height, &builder->geometry);
  cm_wheel_metrics_init (&builder->metrics, &builder->geometry, builder->base);
  builder->scale = CLAMP (builder->geometry.radius / 260.0, 0.8, 2.0);

  max_size = builder->base * builder->scale;
  min_size = MAX (SMALLEST_FONT_PX, builder->base * 0.68 * MIN (builder->scale, 1.0));
  for (double size = max_size; builder->n_rungs < MAX_RUNGS - 1 && size > min_size + 0.01;
       size /= LADDER_STEP)
    builder->ladder[builder->n_rungs++] = size;
  builder->ladder[builder->n_rungs++] = MIN (min_size, max_size);
}

/* Lays out every label of @model into @cache, or only the centre's. */
void
cm_wheel_labels_build (CmWheelModel               *model,
                       CmWheelLabelCache          *cache,
                       const PangoFontDescription *font,
                       gboolean                    centre_only)
{
  Builder builder;

  builder_init (&builder, model, cache, font);
  if (builder.geometry.radius >= 16.0)
    {
      if (!centre_only)
        {
          for (guint r = 0; r < CM_N_RINGS; r++)
            cm_wheel_labels_layout_ring (&builder, (CmRing) r);
          for (guint s = 0; s < CM_N_STAGES; s++)
            layout_stage (&builder, (CmStage) s);
        }
      layout_centre (&builder);
    }
  pango_font_description_free (builder.font);

  /* What this layout tried is all the next one needs. */
  g_clear_pointer (&cache->previous_fits, g_hash_table_unref);
}
