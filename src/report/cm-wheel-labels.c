/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cm-wheel-private.h"

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
 * layout of the centre to the next: the title is not shaped again. */

#define SMALLEST_FONT_PX  6.5
#define MAX_RUNGS         12
#define LADDER_STEP       1.12
#define MAX_CANDIDATES    8
#define RADIAL_PENALTY    0.7   /* level text is easier to read */

/* A box for a label, in a frame turned by @angle about the wheel's centre. */
typedef struct
{
  CmWheelBox box;
  double     angle;
  gboolean   radial;
} Candidate;

typedef struct
{
  CmWheelModel         *model;
  PangoContext         *context;
  PangoFontDescription *font;      /* the user's font, at an absolute size */
  double                base;      /* its size in user units */
  double                scale;     /* how much labels may grow with the wheel */
  CmWheelGeometry       geometry;
  CmWheelMetrics        metrics;
  GArray               *labels;
  GHashTable           *fits;           /* of Fit, by size, box and text */
  GHashTable           *previous_fits;  /* the last layout's, or NULL */
  double                ladder[MAX_RUNGS];
  guint                 n_rungs;
} Builder;

/* How a text fitted a box; its layout is not changed again. */
typedef struct
{
  PangoLayout *layout;
  gboolean     fits;
} Fit;

/* A segment's label while its ring is being laid out. */
typedef struct
{
  const char       *text;
  PangoStyle        style;
  CmWheelLabelKind  kind;
  CmWheelHit        hit;
  CmWheelTextRole   role;
  Candidate         candidates[MAX_CANDIDATES];
  guint             n_candidates;
  int               best;       /* candidate, or -1 when nothing fits whole */
  guint             best_rung;
  /* On one line at the ladder's largest size: how wide the text and its
   * widest word are, and how tall a line is. */
  double            line_width;
  double            word_width;
  double            line_height;
} Pending;

static void
set_layout_size (PangoLayout                *layout,
                 const PangoFontDescription *font,
                 double                      size,
                 PangoWeight                 weight,
                 PangoStyle                  style)
{
  PangoFontDescription *desc = pango_font_description_copy_static (font);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
}

/* Whether the text fits in width × height at @size, wrapped between words;
 * or, when @shorten, ellipsized at the end (and broken inside a word only
 * when a word is wider than the box). */
static gboolean
try_fit (PangoLayout                *layout,
         const PangoFontDescription *font,
         double                      size,
         PangoWeight                 weight,
         PangoStyle                  style,
         double                      width,
         double                      height,
         gboolean                    shorten)
{
  PangoRectangle logical;

  if (width < 1.0 || height < 1.0)
    return FALSE;

  set_layout_size (layout, font, size, weight, style);
  pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, shorten ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_height (layout, shorten ? (int) floor (height * PANGO_SCALE) : -1);
  pango_layout_get_extents (layout, NULL, &logical);

  if (shorten && logical.width > width * PANGO_SCALE)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_extents (layout, NULL, &logical);
    }

  return logical.width <= width * PANGO_SCALE && logical.height <= height * PANGO_SCALE;
}

static PangoLayout *
new_layout (Builder    *builder,
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
      fit->layout = new_layout (builder, text);
      fit->fits = try_fit (fit->layout, builder->font, size, weight, PANGO_STYLE_NORMAL,
                           width, height, shorten);
      g_hash_table_insert (builder->fits, g_steal_pointer (&key), fit);
    }

  *fits = fit->fits;
  return g_object_ref (fit->layout);
}

/* Centres the laid-out text on @box, in a frame turned by @angle about the
 * wheel's centre. */
static void
place_layout (Builder            *builder,
              CmWheelPlacedLabel *label,
              PangoLayout        *layout,
              const CmWheelBox   *box,
              double              angle)
{
  const CmWheelGeometry *g = &builder->geometry;
  PangoRectangle logical;
  double w, h, bx, by, cx, cy;

  pango_layout_get_extents (layout, NULL, &logical);
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
}

static void
add_label (Builder            *builder,
           CmWheelPlacedLabel *label)
{
  g_array_append_val (builder->labels, *label);
}

/* The slot for a segment's status mark: a square by the outer edge at the
 * segment's angular middle. Returns its side, or 0 when there is no room. */
static double
mark_slot (Builder             *builder,
           const CmWheelRegion *region,
           const CmWheelSector *sector,
           CmWheelBox          *mark)
{
  double thickness = region->r_max - region->r_min;
  double m = MIN (thickness * 0.22, builder->base * builder->scale * 1.05);
  double mid = (sector->start_angle + sector->end_angle) / 2.0;

  for (; m >= 5.0; m *= 0.85)
    {
      double c = region->r_max - m * 0.7072;

      cm_wheel_box_init_centred (mark, c * cos (mid), c * sin (mid), m, m);
      if (cm_wheel_region_contains_box (region, mark))
        return m;
    }
  return 0.0;
}

/* Level boxes of a few shapes and, turned to run out from the centre (and
 * read left to right), long ones. */
static void
find_candidates (Builder             *builder,
                 const CmWheelRegion *region,
                 double               mid_angle,
                 Pending             *pending)
{
  static const double level_aspects[] = { 0.6, 1.0, 1.7, 3.0, 5.0 };
  static const double radial_aspects[] = { 1.5, 3.0, 6.0 };
  double min_size = builder->ladder[builder->n_rungs - 1];
  double angle = cos (mid_angle) >= -1e-9 ? mid_angle : mid_angle + G_PI;
  CmWheelRegion turned;

  G_STATIC_ASSERT (G_N_ELEMENTS (level_aspects) + G_N_ELEMENTS (radial_aspects) <=
                   MAX_CANDIDATES);

  pending->n_candidates = 0;
  cm_wheel_region_rotate (region, angle, &turned);

  for (guint i = 0; i < G_N_ELEMENTS (level_aspects) + G_N_ELEMENTS (radial_aspects); i++)
    {
      gboolean radial = i >= G_N_ELEMENTS (level_aspects);
      Candidate *candidate = &pending->candidates[pending->n_candidates];

      if (!radial)
        {
          if (!cm_wheel_region_largest_box (region, level_aspects[i], &candidate->box))
            continue;
        }
      else if (!cm_wheel_region_largest_box (&turned,
                                             radial_aspects[i - G_N_ELEMENTS (level_aspects)],
                                             &candidate->box))
        {
          continue;
        }

      if (candidate->box.y1 - candidate->box.y0 < min_size ||
          candidate->box.x1 - candidate->box.x0 < 2.0 * min_size)
        continue;

      candidate->radial = radial;
      candidate->angle = radial ? angle : 0.0;
      pending->n_candidates++;
    }
}

static gboolean
candidate_fits (Builder         *builder,
                PangoLayout     *layout,
                const Pending   *pending,
                const Candidate *candidate,
                double           size)
{
  return try_fit (layout, builder->font, size, PANGO_WEIGHT_NORMAL, pending->style,
                  candidate->box.x1 - candidate->box.x0,
                  candidate->box.y1 - candidate->box.y0, FALSE);
}

/* Measures the text on one line at the ladder's largest size. Shaping is
 * what laying text out costs, and metrics are unhinted, so sizes scale
 * these figures: a box that clearly cannot hold the text at some size is
 * turned down without shaping it again. */
static void
measure_line (Builder     *builder,
              PangoLayout *layout,
              Pending     *pending)
{
  const char *text = pending->text;
  PangoRectangle logical;
  const char *word = text;

  set_layout_size (layout, builder->font, builder->ladder[0], PANGO_WEIGHT_NORMAL,
                   pending->style);
  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_get_extents (layout, NULL, &logical);
  pending->line_width = (double) logical.width / PANGO_SCALE;
  pending->line_height = (double) logical.height / PANGO_SCALE;
  pending->word_width = 0.0;

  for (const char *p = text; ; p++)
    {
      if (*p == ' ' || *p == '\0')
        {
          PangoRectangle start, end;

          pango_layout_index_to_pos (layout, (int) (word - text), &start);
          pango_layout_index_to_pos (layout, (int) (p - text), &end);
          pending->word_width = MAX (pending->word_width,
                                     (double) ABS (end.x - start.x) / PANGO_SCALE);
          word = p + 1;
        }
      if (*p == '\0')
        break;
    }
}

/* Whether the text surely does not fit in @candidate at @size: its widest
 * word is wider than the box, or the lines it needs are taller. With room
 * to spare for rounding, so that a box it might fit is always tried. */
static gboolean
surely_too_small (Builder         *builder,
                  const Pending   *pending,
                  const Candidate *candidate,
                  double           size)
{
  const double spare = 1.05;
  double scale = size / builder->ladder[0];
  double width = candidate->box.x1 - candidate->box.x0;
  double height = candidate->box.y1 - candidate->box.y0;
  double lines;

  if (pending->word_width * scale > width * spare + 1.0)
    return TRUE;

  lines = ceil (pending->line_width * scale / (width * spare + 1.0));
  return lines * pending->line_height * scale > height * spare + 1.0;
}

static gboolean
may_fit (Builder         *builder,
         PangoLayout     *layout,
         const Pending   *pending,
         const Candidate *candidate,
         double           size)
{
  return !surely_too_small (builder, pending, candidate, size) &&
         candidate_fits (builder, layout, pending, candidate, size);
}

/* The largest rung at which some candidate holds the whole text, level text
 * winning unless turning it buys a good deal more size. */
static void
find_best (Builder     *builder,
           PangoLayout *layout,
           Pending     *pending)
{
  double best_score = 0.0;

  measure_line (builder, layout, pending);

  pending->best = -1;
  pending->best_rung = builder->n_rungs - 1;

  for (guint c = 0; c < pending->n_candidates; c++)
    {
      const Candidate *candidate = &pending->candidates[c];
      double weight = candidate->radial ? RADIAL_PENALTY : 1.0;
      guint lo, hi;

      /* Rungs from large (0) to small: find the first that fits. */
      hi = builder->n_rungs - 1;
      if (builder->ladder[hi] * weight <= best_score ||
          !may_fit (builder, layout, pending, candidate, builder->ladder[hi]))
        continue;

      lo = 0;
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (builder->ladder[mid] * weight <= best_score)
            lo = mid + 1;
          else if (may_fit (builder, layout, pending, candidate, builder->ladder[mid]))
            hi = mid;
          else
            lo = mid + 1;
        }

      if (builder->ladder[lo] * weight > best_score)
        {
          best_score = builder->ladder[lo] * weight;
          pending->best = c;
          pending->best_rung = lo;
        }
    }
}

static int
compare_rungs (gconstpointer a,
               gconstpointer b)
{
  guint ra = *(const guint *) a, rb = *(const guint *) b;

  return ra < rb ? -1 : (ra > rb ? 1 : 0);
}

static void
finish_pending (Builder     *builder,
                PangoLayout *layout,
                Pending     *pending,
                guint        ring_rung)
{
  CmWheelPlacedLabel label = { 0 };
  const Candidate *chosen = NULL;
  double size;

  label.info.kind = pending->kind;
  label.info.hit = pending->hit;
  label.role = pending->role;

  if (pending->best >= 0 && pending->best_rung <= ring_rung)
    {
      /* It fits at the ring's size: level text if any level box will do. */
      size = builder->ladder[ring_rung];
      for (guint pass = 0; pass < 2 && chosen == NULL; pass++)
        for (guint c = 0; c < pending->n_candidates && chosen == NULL; c++)
          if (pending->candidates[c].radial == (pass == 1) &&
              candidate_fits (builder, layout, pending, &pending->candidates[c], size))
            chosen = &pending->candidates[c];
    }
  else if (pending->best >= 0)
    {
      size = builder->ladder[pending->best_rung];
      chosen = &pending->candidates[pending->best];
      candidate_fits (builder, layout, pending, chosen, size);
    }
  else
    {
      /* Nothing holds it whole: shorten it in the roomiest box that holds
       * several characters a line, preferring level text and boxes where no
       * word has to break. */
      size = builder->ladder[builder->n_rungs - 1];
      for (guint pass = 0; pass < 2 && chosen == NULL; pass++)
        {
          double best_area = 0.0;

          for (guint c = 0; c < pending->n_candidates; c++)
            {
              const Candidate *candidate = &pending->candidates[c];
              double w = candidate->box.x1 - candidate->box.x0;
              double h = candidate->box.y1 - candidate->box.y0;

              double area = cm_wheel_box_area (&candidate->box) * (candidate->radial ? 0.6 : 1.0);

              if (w < 4.0 * size || area <= best_area ||
                  !try_fit (layout, builder->font, size, PANGO_WEIGHT_NORMAL, pending->style,
                            w, h, TRUE) ||
                  (pass == 0 && pango_layout_get_wrap (layout) != PANGO_WRAP_WORD))
                continue;
              best_area = area;
              chosen = candidate;
            }
        }

      if (chosen == NULL ||
          !try_fit (layout, builder->font, size, PANGO_WEIGHT_NORMAL, pending->style,
                    chosen->box.x1 - chosen->box.x0, chosen->box.y1 - chosen->box.y0, TRUE))
        return;
      label.info.shortened = pango_layout_is_ellipsized (layout);
    }

  if (chosen == NULL)
    return;

  place_layout (builder, &label, layout, &chosen->box, chosen->angle);
  add_label (builder, &label);
}

/* One ring, all four stages. The mark slot is kept whatever the status, so
 * labels stay put when an activity's status changes. */
static void
layout_ring (Builder *builder,
             CmRing   ring)
{
  const CmWheelGeometry *g = &builder->geometry;
  double inset = g->gap / 2.0 + builder->metrics.pad;
  g_autoptr(GArray) pendings = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_autoptr(GArray) rungs = g_array_new (FALSE, FALSE, sizeof (guint));
  guint ring_rung;

  for (guint s = 0; s < CM_N_STAGES; s++)
    {
      GPtrArray *items = builder->model->items[s][ring];
      CmWheelHit hit = { items->len > 0 ? CM_WHEEL_HIT_SEGMENT : CM_WHEEL_HIT_PLACEHOLDER,
                         (CmStage) s, ring, 0 };

      for (guint i = 0; i < MAX (items->len, 1); i++)
        {
          Pending pending = { 0 };
          CmWheelSector sector;
          CmWheelRegion region;

          hit.index = i;
          if (!cm_wheel_geometry_get_sector (g, &hit, &sector))
            continue;

          cm_wheel_region_init (&region, sector.inner_radius + inset, sector.outer_radius - inset);
          cm_wheel_region_set_wedge (&region, sector.start_angle, sector.end_angle, inset);

          if (items->len > 0)
            {
              CmWheelItem *item = g_ptr_array_index (items, i);
              CmWheelBox mark;
              double m = mark_slot (builder, &region, &sector, &mark);

              if (m > 0.0)
                {
                  CmWheelPlacedLabel mark_label = { 0 };

                  mark_label.info.kind = CM_WHEEL_LABEL_MARK;
                  mark_label.info.hit = hit;
                  mark_label.info.x = g->cx + mark.x0;
                  mark_label.info.y = g->cy + mark.y0;
                  mark_label.info.width = m;
                  mark_label.info.height = m;
                  add_label (builder, &mark_label);

                  region.has_hole = TRUE;
                  cm_wheel_box_init_centred (&region.hole,
                                             (mark.x0 + mark.x1) / 2.0,
                                             (mark.y0 + mark.y1) / 2.0,
                                             m + builder->metrics.pad,
                                             m + builder->metrics.pad);
                }

              pending.text = item->title;
              pending.style = PANGO_STYLE_NORMAL;
              pending.kind = CM_WHEEL_LABEL_ACTIVITY;
              pending.role = CM_WHEEL_TEXT_STATUS;
            }
          else
            {
              pending.text = _("No activities");
              pending.style = PANGO_STYLE_ITALIC;
              pending.kind = CM_WHEEL_LABEL_PLACEHOLDER;
              pending.role = CM_WHEEL_TEXT_DIM;
            }

          pending.hit = hit;
          if (region.r_max <= region.r_min || pending.text == NULL || *pending.text == '\0')
            continue;

          find_candidates (builder, &region, (sector.start_angle + sector.end_angle) / 2.0,
                           &pending);
          if (pending.n_candidates > 0)
            g_array_append_val (pendings, pending);
        }
    }

  {
    g_autoptr(PangoLayout) layout = new_layout (builder, "");

    for (guint i = 0; i < pendings->len; i++)
      {
        Pending *pending = &g_array_index (pendings, Pending, i);

        pango_layout_set_text (layout, pending->text, -1);
        find_best (builder, layout, pending);
        if (pending->best >= 0 && pending->kind == CM_WHEEL_LABEL_ACTIVITY)
          g_array_append_val (rungs, pending->best_rung);
      }

    /* The ring's size is the one that three quarters of its labels reach;
     * the rest are set smaller, or shortened. */
    g_array_sort (rungs, compare_rungs);
    ring_rung = rungs->len > 0 ? g_array_index (rungs, guint, (rungs->len * 3) / 4 -
                                                (rungs->len * 3 % 4 == 0 ? 1 : 0))
                               : 0;

    for (guint i = 0; i < pendings->len; i++)
      {
        Pending *pending = &g_array_index (pendings, Pending, i);
        g_autoptr(PangoLayout) own = new_layout (builder, pending->text);

        finish_pending (builder, own, pending, ring_rung);
      }
  }
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
  g_autoptr(PangoLayout) layout = new_layout (builder, name);

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

          set_layout_size (layout, builder->font, size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
          if (with_note)
            {
              g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
              PangoAttribute *attr;
              guint start = strlen (name) + 1;

              attr = pango_attr_size_new_absolute ((int) (size * 0.72 * PANGO_SCALE));
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

          pango_layout_get_extents (layout, NULL, &logical);
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
              place_layout (builder, &label, layout, &box, 0.0);
              add_label (builder, &label);
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
          pango_layout_get_extents (blocks[1].layout, NULL, &logical);
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
          pango_layout_get_extents (blocks[2].layout, NULL, &logical);
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
          pango_layout_get_extents (blocks[0].layout, NULL, &logical);
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
          place_layout (builder, &label, blocks[i].layout, &box, 0.0);
          add_label (builder, &label);
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
            layout_ring (&builder, (CmRing) r);
          for (guint s = 0; s < CM_N_STAGES; s++)
            layout_stage (&builder, (CmStage) s);
        }
      layout_centre (&builder);
    }
  pango_font_description_free (builder.font);

  /* What this layout tried is all the next one needs. */
  g_clear_pointer (&cache->previous_fits, g_hash_table_unref);
}
