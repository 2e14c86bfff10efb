/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-wheel-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cm-wheel-labels-private.h"
#include "cm-wheel-text-lines.h"

/* The activities' labels, one ring at a time. Each segment offers a few
 * boxes (level ones of several shapes and, turned to run out from the
 * centre, long ones); each label takes the largest size of the ladder that
 * some box holds whole; the ring's size is the one three quarters of its
 * labels reach, and the rest are set smaller or shortened. */

/* A box for a label, in a frame turned by @angle about the wheel's centre. */
typedef struct
{
  CmWheelBox box;
  double     angle;
  gboolean   radial;
} Candidate;

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
  CmWheelTextLines  lines;      /* how it wraps, when that can be forecast */
  gboolean          exact;      /* a forecast was wrong: try every box for real */
} Pending;

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
  return cm_wheel_labels_try_fit (layout, builder->font, size, PANGO_WEIGHT_NORMAL, pending->style,
                  candidate->box.x1 - candidate->box.x0,
                  candidate->box.y1 - candidate->box.y0, FALSE);
}

/* Measures the text on one line at the ladder's largest size, to forecast
 * how it wraps at every size and box (cm-wheel-text-lines.c) rather than
 * shape it again for each. */
static void
measure_line (Builder     *builder,
              PangoLayout *layout,
              Pending     *pending)
{
  cm_wheel_text_lines_clear (&pending->lines);
  if (pending->exact)
    return;

  cm_wheel_labels_set_size (layout, builder->font, builder->ladder[0], PANGO_WEIGHT_NORMAL,
                            pending->style);
  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  cm_wheel_text_lines_measure (&pending->lines, layout, cm_wheel_labels_get_scale (layout));
}

/* Whether the text fits in @candidate at @size: as forecast, or else as
 * laid out. */
static gboolean
may_fit (Builder         *builder,
         PangoLayout     *layout,
         const Pending   *pending,
         const Candidate *candidate,
         double           size)
{
  if (pending->lines.valid)
    return cm_wheel_text_lines_fit (&pending->lines, size / builder->ladder[0],
                                    candidate->box.x1 - candidate->box.x0,
                                    candidate->box.y1 - candidate->box.y0);
  return candidate_fits (builder, layout, pending, candidate, size);
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
  gboolean whole = FALSE;
  double size;

  label.info.kind = pending->kind;
  label.info.hit = pending->hit;
  label.role = pending->role;

  if (pending->best >= 0 && pending->best_rung <= ring_rung)
    {
      whole = TRUE;
      /* It fits at the ring's size: level text if any level box will do. */
      size = builder->ladder[ring_rung];
      for (guint pass = 0; pass < 2 && chosen == NULL; pass++)
        for (guint c = 0; c < pending->n_candidates && chosen == NULL; c++)
          if (pending->candidates[c].radial == (pass == 1) &&
              may_fit (builder, layout, pending, &pending->candidates[c], size))
            chosen = &pending->candidates[c];
    }
  else if (pending->best >= 0)
    {
      whole = TRUE;
      size = builder->ladder[pending->best_rung];
      chosen = &pending->candidates[pending->best];
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
                  !cm_wheel_labels_try_fit (layout, builder->font, size, PANGO_WEIGHT_NORMAL, pending->style,
                            w, h, TRUE) ||
                  (pass == 0 && pango_layout_get_wrap (layout) != PANGO_WRAP_WORD))
                continue;
              best_area = area;
              chosen = candidate;
            }
        }

      if (chosen == NULL ||
          !cm_wheel_labels_try_fit (layout, builder->font, size, PANGO_WEIGHT_NORMAL, pending->style,
                    chosen->box.x1 - chosen->box.x0, chosen->box.y1 - chosen->box.y0, TRUE))
        return;
      label.info.shortened = pango_layout_is_ellipsized (layout);
    }

  /* Whole text is laid out for real in the box chosen; where that shows a
   * forecast wrong, the label is fitted again the slow way, box by box. */
  if (whole && (chosen == NULL || !candidate_fits (builder, layout, pending, chosen, size)))
    {
      if (!pending->exact)
        {
          pending->exact = TRUE;
          find_best (builder, layout, pending);
          finish_pending (builder, layout, pending, ring_rung);
        }
      return;
    }

  if (chosen == NULL)
    return;

  cm_wheel_labels_place (builder, &label, layout, &chosen->box, chosen->angle);
  cm_wheel_labels_add (builder, &label);
}

static void
clear_pending (gpointer data)
{
  Pending *pending = data;

  cm_wheel_text_lines_clear (&pending->lines);
}

/* One ring, all four stages. The mark slot is kept whatever the status, so
 * labels stay put when an activity's status changes. */
void
cm_wheel_labels_layout_ring (Builder *builder,
                             CmRing   ring)
{
  const CmWheelGeometry *g = &builder->geometry;
  double inset = g->gap / 2.0 + builder->metrics.pad;
  g_autoptr(GArray) pendings = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_autoptr(GArray) rungs = g_array_new (FALSE, FALSE, sizeof (guint));
  guint ring_rung;

  g_array_set_clear_func (pendings, clear_pending);
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
                  cm_wheel_labels_add (builder, &mark_label);

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
    g_autoptr(PangoLayout) layout = cm_wheel_labels_new_layout (builder, "");

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
        g_autoptr(PangoLayout) own = cm_wheel_labels_new_layout (builder, pending->text);

        finish_pending (builder, own, pending, ring_rung);
      }
  }
}
