/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-core-model"

#include "config.h"

#include <string.h>

#include "cm-activity.h"
#include "cm-cycle.h"
#include "cm-date.h"
#include "cm-enum-types.h"
#include "cm-enums.h"
#include "cm-participant.h"
#include "cm-validate.h"
#include "cm-workshop.h"

/* ---------------------------------------------------------------------------
 * Counting notifications
 * ------------------------------------------------------------------------- */

typedef struct
{
  GObject   *object;
  gulong     handler_id;
  GPtrArray *names;       /* property names, in the order they were notified */
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  NotifyLog *log = user_data;

  g_ptr_array_add (log->names, (gpointer) g_param_spec_get_name (pspec));
}

static NotifyLog *
notify_log_new (gpointer object)
{
  NotifyLog *log = g_new0 (NotifyLog, 1);

  log->object = g_object_ref (object);
  log->names = g_ptr_array_new ();
  log->handler_id = g_signal_connect (object, "notify", G_CALLBACK (on_notify), log);

  return log;
}

static void
notify_log_free (NotifyLog *log)
{
  g_clear_signal_handler (&log->handler_id, log->object);
  g_clear_object (&log->object);
  g_ptr_array_unref (log->names);
  g_free (log);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyLog, notify_log_free)

/* Asserts that exactly one notification arrived, for @property (or none
 * at all when @property is NULL), then forgets what was logged. */
static void
notify_log_assert (NotifyLog  *log,
                   const char *property)
{
  if (property == NULL)
    {
      g_assert_cmpuint (log->names->len, ==, 0);
    }
  else
    {
      g_assert_cmpuint (log->names->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (log->names, 0), ==, property);
    }

  g_ptr_array_set_size (log->names, 0);
}

static guint
notify_log_count (NotifyLog  *log,
                  const char *property)
{
  guint count = 0;

  for (guint i = 0; i < log->names->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (log->names, i), property))
        count++;
    }

  return count;
}

/* ---------------------------------------------------------------------------
 * Validation helpers
 * ------------------------------------------------------------------------- */

static gboolean
validate_any (gpointer   object,
              GError   **error)
{
  if (CM_IS_CYCLE (object))
    return cm_cycle_validate (object, error);
  if (CM_IS_ACTIVITY (object))
    return cm_activity_validate (object, error);
  if (CM_IS_WORKSHOP (object))
    return cm_workshop_validate (object, error);
  if (CM_IS_PARTICIPANT (object))
    return cm_participant_validate (object, error);

  g_assert_not_reached ();
}

static void
assert_valid (gpointer object)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (validate_any (object, &error));
  g_assert_no_error (error);
}

static void
assert_invalid (gpointer     object,
                CmModelError code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate_any (object, &error));
  g_assert_error (error, CM_MODEL_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  /* Without a GError to fill, validation still fails. */
  g_assert_false (validate_any (object, NULL));
}

static char *
repeat (const char *unit,
        gsize       times)
{
  GString *s = g_string_sized_new (strlen (unit) * times + 1);

  for (gsize i = 0; i < times; i++)
    g_string_append (s, unit);

  return g_string_free (s, FALSE);
}

typedef enum
{
  FIELD_REQUIRED,   /* short text that may not be blank */
  FIELD_SHORT,
  FIELD_LONG,
} FieldKind;

static void
set_text (gpointer    object,
          const char *property,
          const char *value)
{
  g_object_set (object, property, value, NULL);
}

/* Runs one text property of a valid @object through empty, blank,
 * overlong and broken values, leaving it as it found it. */
static void
check_text_field (gpointer    object,
                  const char *property,
                  FieldKind   kind)
{
  g_autofree char *saved = NULL;
  g_autofree char *short_max = repeat ("a", CM_SHORT_TEXT_MAX_CHARS);
  g_autofree char *short_over = repeat ("a", CM_SHORT_TEXT_MAX_CHARS + 1);
  g_autofree char *short_max_wide = repeat ("é", CM_SHORT_TEXT_MAX_CHARS);
  g_autofree char *short_over_wide = repeat ("é", CM_SHORT_TEXT_MAX_CHARS + 1);

  g_object_get (object, property, &saved, NULL);
  assert_valid (object);

  set_text (object, property, "");
  if (kind == FIELD_REQUIRED)
    assert_invalid (object, CM_MODEL_ERROR_EMPTY);
  else
    assert_valid (object);

  set_text (object, property, NULL);
  if (kind == FIELD_REQUIRED)
    assert_invalid (object, CM_MODEL_ERROR_EMPTY);
  else
    assert_valid (object);

  set_text (object, property, " \t\n  ");
  if (kind == FIELD_REQUIRED)
    assert_invalid (object, CM_MODEL_ERROR_EMPTY);
  else
    assert_valid (object);

  /* No-break and ideographic spaces are blank too. */
  set_text (object, property, "\u00a0\u3000");
  if (kind == FIELD_REQUIRED)
    assert_invalid (object, CM_MODEL_ERROR_EMPTY);
  else
    assert_valid (object);

  /* Short fields count characters, not bytes. */
  set_text (object, property, short_max);
  assert_valid (object);
  set_text (object, property, short_max_wide);
  assert_valid (object);

  set_text (object, property, short_over);
  if (kind == FIELD_LONG)
    assert_valid (object);
  else
    assert_invalid (object, CM_MODEL_ERROR_TOO_LONG);

  set_text (object, property, short_over_wide);
  if (kind == FIELD_LONG)
    assert_valid (object);
  else
    assert_invalid (object, CM_MODEL_ERROR_TOO_LONG);

  if (kind == FIELD_LONG)
    {
      g_autofree char *long_over = g_strnfill (CM_LONG_TEXT_MAX_BYTES + 1, 'x');

      set_text (object, property, long_over);
      assert_invalid (object, CM_MODEL_ERROR_TOO_LONG);
    }

  set_text (object, property, "Good start \xff\xfe then junk");
  assert_invalid (object, CM_MODEL_ERROR_INVALID_TEXT);

  set_text (object, property, "Caf\xc3");   /* a truncated two-byte sequence */
  assert_invalid (object, CM_MODEL_ERROR_INVALID_TEXT);

  set_text (object, property, "Ünïcödé — “quoted” 🙂 مرحبا 你好");
  assert_valid (object);

  set_text (object, property, saved);
  assert_valid (object);
}

/* ---------------------------------------------------------------------------
 * Getter/setter round-trips, with exactly one notification per change
 * ------------------------------------------------------------------------- */

#define CHECK_STRING(obj, prop, getter, setter)                                 \
  G_STMT_START {                                                                \
    g_autoptr(NotifyLog) log_ = notify_log_new (obj);                           \
    char buffer_[] = "Changed value";                                           \
    g_autofree char *via_property_ = NULL;                                      \
                                                                                \
    g_assert_cmpstr (getter (obj), ==, "");                                     \
    setter (obj, "First value — ünïcödé");                                      \
    notify_log_assert (log_, prop);                                             \
    g_assert_cmpstr (getter (obj), ==, "First value — ünïcödé");                \
    g_object_get (obj, prop, &via_property_, NULL);                             \
    g_assert_cmpstr (via_property_, ==, "First value — ünïcödé");               \
    setter (obj, "First value — ünïcödé");                                      \
    notify_log_assert (log_, NULL);                                             \
                                                                                \
    /* The setter keeps its own copy. */                                        \
    setter (obj, buffer_);                                                      \
    notify_log_assert (log_, prop);                                             \
    buffer_[0] = 'X';                                                           \
    g_assert_cmpstr (getter (obj), ==, "Changed value");                        \
                                                                                \
    g_object_set (obj, prop, "Through GObject", NULL);                          \
    notify_log_assert (log_, prop);                                             \
    g_assert_cmpstr (getter (obj), ==, "Through GObject");                      \
    g_object_set (obj, prop, "Through GObject", NULL);                          \
    notify_log_assert (log_, NULL);                                             \
                                                                                \
    /* NULL reads back as "", and "" and NULL are the same value. */            \
    setter (obj, NULL);                                                         \
    notify_log_assert (log_, prop);                                             \
    g_assert_nonnull (getter (obj));                                            \
    g_assert_cmpstr (getter (obj), ==, "");                                     \
    setter (obj, "");                                                           \
    notify_log_assert (log_, NULL);                                             \
    setter (obj, NULL);                                                         \
    notify_log_assert (log_, NULL);                                             \
    g_clear_pointer (&via_property_, g_free);                                   \
    g_object_get (obj, prop, &via_property_, NULL);                             \
    g_assert_cmpstr (via_property_, ==, "");                                    \
  } G_STMT_END

#define CHECK_INT64(obj, prop, getter, setter)                                  \
  G_STMT_START {                                                                \
    g_autoptr(NotifyLog) log_ = notify_log_new (obj);                           \
    gint64 via_property_ = -1;                                                  \
                                                                                \
    g_assert_cmpint (getter (obj), ==, 0);                                      \
    setter (obj, 42);                                                           \
    notify_log_assert (log_, prop);                                             \
    g_assert_cmpint (getter (obj), ==, 42);                                     \
    setter (obj, 42);                                                           \
    notify_log_assert (log_, NULL);                                             \
    setter (obj, G_MAXINT64);                                                   \
    notify_log_assert (log_, prop);                                             \
    g_assert_cmpint (getter (obj), ==, G_MAXINT64);                             \
    g_object_get (obj, prop, &via_property_, NULL);                             \
    g_assert_cmpint (via_property_, ==, G_MAXINT64);                            \
    g_object_set (obj, prop, (gint64) 7, NULL);                                 \
    notify_log_assert (log_, prop);                                             \
    g_assert_cmpint (getter (obj), ==, 7);                                      \
    setter (obj, 0);                                                            \
    notify_log_assert (log_, prop);                                             \
    g_assert_cmpint (getter (obj), ==, 0);                                      \
  } G_STMT_END

#define CHECK_UINT(obj, prop, getter, setter)                                   \
  G_STMT_START {                                                                \
    g_autoptr(NotifyLog) log_ = notify_log_new (obj);                           \
    guint via_property_ = 1;                                                    \
                                                                                \
    g_assert_cmpuint (getter (obj), ==, 0);                                     \
    setter (obj, 3);                                                            \
    notify_log_assert (log_, prop);                                             \
    g_assert_cmpuint (getter (obj), ==, 3);                                     \
    setter (obj, 3);                                                            \
    notify_log_assert (log_, NULL);                                             \
    setter (obj, G_MAXUINT);                                                    \
    notify_log_assert (log_, prop);                                             \
    g_object_get (obj, prop, &via_property_, NULL);                             \
    g_assert_cmpuint (via_property_, ==, G_MAXUINT);                            \
    setter (obj, 0);                                                            \
    notify_log_assert (log_, prop);                                             \
    g_assert_cmpuint (getter (obj), ==, 0);                                     \
  } G_STMT_END

/* Walks an enum property through every value it has and back to @dflt. */
#define CHECK_ENUM(obj, prop, getter, setter, enum_type, ctype, dflt)           \
  G_STMT_START {                                                                \
    g_autoptr(NotifyLog) log_ = notify_log_new (obj);                           \
    g_autoptr(GEnumClass) class_ = g_type_class_ref (enum_type);                \
                                                                                \
    g_assert_cmpint (getter (obj), ==, dflt);                                   \
    for (guint i_ = 0; i_ < class_->n_values; i_++)                             \
      {                                                                         \
        ctype value_ = (ctype) class_->values[i_].value;                        \
        int via_property_ = G_MININT;                                           \
                                                                                \
        if (value_ == (ctype) (dflt))                                           \
          continue;                                                             \
        setter (obj, value_);                                                   \
        notify_log_assert (log_, prop);                                         \
        g_assert_cmpint (getter (obj), ==, value_);                             \
        setter (obj, value_);                                                   \
        notify_log_assert (log_, NULL);                                         \
        g_object_get (obj, prop, &via_property_, NULL);                         \
        g_assert_cmpint (via_property_, ==, value_);                            \
        g_object_set (obj, prop, (int) (dflt), NULL);                           \
        notify_log_assert (log_, prop);                                         \
        g_assert_cmpint (getter (obj), ==, dflt);                               \
      }                                                                         \
  } G_STMT_END

#define CHECK_DATE(obj, prop, getter, setter)                                   \
  G_STMT_START {                                                                \
    g_autoptr(NotifyLog) log_ = notify_log_new (obj);                           \
    g_autoptr(GDate) date_ = g_date_new_dmy (1, G_DATE_APRIL, 2025);            \
    g_autoptr(GDate) same_ = g_date_new_dmy (1, G_DATE_APRIL, 2025);            \
    g_autoptr(GDate) later_ = g_date_new_dmy (29, G_DATE_FEBRUARY, 2028);       \
    g_autoptr(GDate) via_property_ = NULL;                                      \
                                                                                \
    g_assert_null (getter (obj));                                               \
    setter (obj, date_);                                                        \
    notify_log_assert (log_, prop);                                             \
    g_assert_true (cm_date_equal (getter (obj), date_));                        \
    g_assert_true (getter (obj) != date_);                                      \
                                                                                \
    /* An equal date is no change; the setter kept a copy. */                  \
    setter (obj, same_);                                                        \
    notify_log_assert (log_, NULL);                                             \
    g_date_add_days (date_, 10);                                                \
    g_assert_true (cm_date_equal (getter (obj), same_));                        \
                                                                                \
    g_object_set (obj, prop, later_, NULL);                                     \
    notify_log_assert (log_, prop);                                             \
    g_object_get (obj, prop, &via_property_, NULL);                             \
    g_assert_true (cm_date_equal (via_property_, later_));                      \
    g_object_set (obj, prop, same_, NULL);                                      \
    notify_log_assert (log_, prop);                                             \
                                                                                \
    setter (obj, NULL);                                                         \
    notify_log_assert (log_, prop);                                             \
    g_assert_null (getter (obj));                                               \
    setter (obj, NULL);                                                         \
    notify_log_assert (log_, NULL);                                             \
  } G_STMT_END

#define CHECK_DATE_TIME(obj, prop, getter, setter)                              \
  G_STMT_START {                                                                \
    g_autoptr(NotifyLog) log_ = notify_log_new (obj);                           \
    g_autoptr(GDateTime) time_ = g_date_time_new_utc (2025, 6, 12, 10, 30, 0);  \
    g_autoptr(GDateTime) same_ = g_date_time_new_utc (2025, 6, 12, 10, 30, 0);  \
    g_autoptr(GDateTime) later_ = g_date_time_add_hours (time_, 2);             \
    g_autoptr(GDateTime) via_property_ = NULL;                                  \
                                                                                \
    g_assert_null (getter (obj));                                               \
    setter (obj, time_);                                                        \
    notify_log_assert (log_, prop);                                             \
    g_assert_true (getter (obj) == time_);                                      \
    setter (obj, same_);                                                        \
    notify_log_assert (log_, NULL);                                             \
                                                                                \
    g_object_set (obj, prop, later_, NULL);                                     \
    notify_log_assert (log_, prop);                                             \
    g_object_get (obj, prop, &via_property_, NULL);                             \
    g_assert_true (g_date_time_equal (via_property_, later_));                  \
                                                                                \
    setter (obj, NULL);                                                         \
    notify_log_assert (log_, prop);                                             \
    g_assert_null (getter (obj));                                               \
    setter (obj, NULL);                                                         \
    notify_log_assert (log_, NULL);                                             \
  } G_STMT_END

#define CHECK_BOOLEAN(obj, prop, getter, setter)                                \
  G_STMT_START {                                                                \
    g_autoptr(NotifyLog) log_ = notify_log_new (obj);                           \
    gboolean via_property_ = FALSE;                                             \
                                                                                \
    g_assert_false (getter (obj));                                              \
    setter (obj, TRUE);                                                         \
    notify_log_assert (log_, prop);                                             \
    g_assert_true (getter (obj));                                               \
    setter (obj, TRUE);                                                         \
    notify_log_assert (log_, NULL);                                             \
    setter (obj, 2);   /* any true value is the same as TRUE */                 \
    notify_log_assert (log_, NULL);                                             \
    g_assert_cmpint (getter (obj), ==, TRUE);                                   \
    g_object_get (obj, prop, &via_property_, NULL);                             \
    g_assert_true (via_property_);                                              \
    g_object_set (obj, prop, FALSE, NULL);                                      \
    notify_log_assert (log_, prop);                                             \
    g_assert_false (getter (obj));                                              \
  } G_STMT_END

/* ---------------------------------------------------------------------------
 * Every property of every class, through GObject
 * ------------------------------------------------------------------------- */

static GType
model_type (guint i)
{
  switch (i)
    {
    case 0: return CM_TYPE_CYCLE;
    case 1: return CM_TYPE_ACTIVITY;
    case 2: return CM_TYPE_WORKSHOP;
    case 3: return CM_TYPE_PARTICIPANT;
    default: return G_TYPE_INVALID;
    }
}

/* Each property is read-write with explicit notification, and a new
 * object holds its pspec's default. */
static void
test_property_specs (void)
{
  for (guint t = 0; model_type (t) != G_TYPE_INVALID; t++)
    {
      g_autoptr(GObject) object = g_object_new (model_type (t), NULL);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs = 0;
      gboolean has_id = FALSE;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
      g_assert_cmpuint (n_pspecs, >, 1);

      for (guint i = 0; i < n_pspecs; i++)
        {
          GParamSpec *pspec = pspecs[i];
          g_auto(GValue) value = G_VALUE_INIT;

          g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), pspec->name);

          g_assert_true (pspec->owner_type == model_type (t));
          g_assert_cmpint (pspec->flags & G_PARAM_READWRITE, ==, G_PARAM_READWRITE);
          g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
          g_assert_false (pspec->flags & G_PARAM_CONSTRUCT_ONLY);

          g_value_init (&value, pspec->value_type);
          g_object_get_property (object, pspec->name, &value);
          g_assert_cmpint (g_param_values_cmp (pspec, &value,
                                               g_param_spec_get_default_value (pspec)),
                           ==, 0);

          if (G_IS_PARAM_SPEC_STRING (pspec))
            g_assert_cmpstr (g_value_get_string (&value), ==, "");

          if (g_str_equal (pspec->name, "id"))
            {
              has_id = TRUE;
              g_assert_true (G_IS_PARAM_SPEC_INT64 (pspec));
            }
        }

      g_assert_true (has_id);
    }
}

/* Writing back what was read is not a change, for every property. */
static void
test_property_set_same_value (void)
{
  for (guint t = 0; model_type (t) != G_TYPE_INVALID; t++)
    {
      g_autoptr(GObject) object = g_object_new (model_type (t), NULL);
      g_autoptr(NotifyLog) log = notify_log_new (object);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs = 0;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

      for (guint i = 0; i < n_pspecs; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, pspecs[i]->value_type);
          g_object_get_property (object, pspecs[i]->name, &value);
          g_object_set_property (object, pspecs[i]->name, &value);
          notify_log_assert (log, NULL);
        }
    }
}

/* GObject itself refuses an enum value that is not in the enum, with a
 * warning, and leaves the property as it was. */
static void
test_property_enum_out_of_range (void)
{
  for (guint t = 0; model_type (t) != G_TYPE_INVALID; t++)
    {
      g_autoptr(GObject) object = g_object_new (model_type (t), NULL);
      g_autoptr(NotifyLog) log = notify_log_new (object);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs = 0;
      guint n_enums = 0;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

      for (guint i = 0; i < n_pspecs; i++)
        {
          const int bad_values[] = { 99, -7 };

          if (!G_IS_PARAM_SPEC_ENUM (pspecs[i]))
            continue;

          n_enums++;

          for (guint j = 0; j < G_N_ELEMENTS (bad_values); j++)
            {
              g_auto(GValue) bad = G_VALUE_INIT;
              int before = G_MININT, after = G_MININT;

              g_object_get (object, pspecs[i]->name, &before, NULL);

              g_value_init (&bad, pspecs[i]->value_type);
              g_value_set_enum (&bad, bad_values[j]);
              g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*");
              g_object_set_property (object, pspecs[i]->name, &bad);
              g_test_assert_expected_messages ();

              g_object_get (object, pspecs[i]->name, &after, NULL);
              g_assert_cmpint (before, ==, after);
              notify_log_assert (log, NULL);
            }
        }

      g_assert_cmpuint (n_enums, >, 0);
    }
}

/* ---------------------------------------------------------------------------
 * CmCycle
 * ------------------------------------------------------------------------- */

static void
test_cycle_defaults (void)
{
  g_autoptr(CmCycle) cycle = cm_cycle_new ();

  g_assert_true (CM_IS_CYCLE (cycle));
  g_assert_cmpint (cm_cycle_get_id (cycle), ==, 0);
  g_assert_cmpstr (cm_cycle_get_title (cycle), ==, "");
  g_assert_cmpstr (cm_cycle_get_service_area (cycle), ==, "");
  g_assert_null (cm_cycle_get_period_start (cycle));
  g_assert_null (cm_cycle_get_period_end (cycle));
  g_assert_cmpstr (cm_cycle_get_lead_officer (cycle), ==, "");
  g_assert_cmpint (cm_cycle_get_current_stage (cycle), ==, CM_STAGE_ANALYSE);

  /* A new cycle has no title yet, and says so. */
  assert_invalid (cycle, CM_MODEL_ERROR_EMPTY);
}

static void
test_cycle_properties (void)
{
  CmCycle *cycle = cm_cycle_new ();

  CHECK_INT64 (cycle, "id", cm_cycle_get_id, cm_cycle_set_id);
  CHECK_STRING (cycle, "title", cm_cycle_get_title, cm_cycle_set_title);
  CHECK_STRING (cycle, "service-area", cm_cycle_get_service_area, cm_cycle_set_service_area);
  CHECK_DATE (cycle, "period-start", cm_cycle_get_period_start, cm_cycle_set_period_start);
  CHECK_DATE (cycle, "period-end", cm_cycle_get_period_end, cm_cycle_set_period_end);
  CHECK_STRING (cycle, "lead-officer", cm_cycle_get_lead_officer, cm_cycle_set_lead_officer);
  CHECK_ENUM (cycle, "current-stage", cm_cycle_get_current_stage, cm_cycle_set_current_stage,
              CM_TYPE_STAGE, CmStage, CM_STAGE_ANALYSE);

  g_assert_finalize_object (cycle);
}

static void
test_cycle_validate (void)
{
  g_autoptr(CmCycle) cycle = cm_cycle_new ();
  g_autoptr(GDate) start = cm_date_new_from_iso ("2025-04-01", NULL);
  g_autoptr(GDate) end = cm_date_new_from_iso ("2028-03-31", NULL);
  g_autoptr(GDate) day_before = cm_date_new_from_iso ("2025-03-31", NULL);

  cm_cycle_set_title (cycle, "Independent advocacy 2025–28");
  assert_valid (cycle);

  check_text_field (cycle, "title", FIELD_REQUIRED);
  check_text_field (cycle, "service-area", FIELD_SHORT);
  check_text_field (cycle, "lead-officer", FIELD_SHORT);

  /* Either end of the period may be missing; a period may be one day. */
  cm_cycle_set_period_start (cycle, start);
  assert_valid (cycle);
  cm_cycle_set_period_end (cycle, end);
  assert_valid (cycle);
  cm_cycle_set_period_end (cycle, start);
  assert_valid (cycle);
  cm_cycle_set_period_start (cycle, NULL);
  cm_cycle_set_period_end (cycle, day_before);
  assert_valid (cycle);

  cm_cycle_set_period_start (cycle, start);
  assert_invalid (cycle, CM_MODEL_ERROR_DATE_ORDER);
  cm_cycle_set_period_end (cycle, end);
  assert_valid (cycle);

  /* "No stage" is a value of the enum, but not a stage a cycle can be in. */
  g_object_set (cycle, "current-stage", CM_STAGE_NONE, NULL);
  g_assert_cmpint (cm_cycle_get_current_stage (cycle), ==, CM_STAGE_NONE);
  assert_invalid (cycle, CM_MODEL_ERROR_OUT_OF_RANGE);

  cm_cycle_set_current_stage (cycle, (CmStage) 4);
  assert_invalid (cycle, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_cycle_set_current_stage (cycle, (CmStage) -2);
  assert_invalid (cycle, CM_MODEL_ERROR_OUT_OF_RANGE);

  for (int stage = CM_STAGE_ANALYSE; stage <= CM_STAGE_REVIEW; stage++)
    {
      cm_cycle_set_current_stage (cycle, (CmStage) stage);
      assert_valid (cycle);
    }
}

/* ---------------------------------------------------------------------------
 * CmActivity
 * ------------------------------------------------------------------------- */

static void
test_activity_defaults (void)
{
  g_autoptr(CmActivity) activity = cm_activity_new ();

  g_assert_true (CM_IS_ACTIVITY (activity));
  g_assert_cmpint (cm_activity_get_id (activity), ==, 0);
  g_assert_cmpint (cm_activity_get_cycle_id (activity), ==, 0);
  g_assert_cmpint (cm_activity_get_stage (activity), ==, CM_STAGE_ANALYSE);
  g_assert_cmpint (cm_activity_get_ring (activity), ==, CM_RING_COMMISSIONING);
  g_assert_cmpuint (cm_activity_get_position (activity), ==, 0);
  g_assert_cmpstr (cm_activity_get_title (activity), ==, "");
  g_assert_cmpstr (cm_activity_get_description (activity), ==, "");
  g_assert_cmpint (cm_activity_get_status (activity), ==, CM_ACTIVITY_STATUS_NOT_STARTED);
  g_assert_cmpstr (cm_activity_get_owner (activity), ==, "");
  g_assert_null (cm_activity_get_due_date (activity));
  g_assert_cmpstr (cm_activity_get_evidence_notes (activity), ==, "");
  g_assert_cmpint (cm_activity_get_coproduction_level (activity), ==, CM_COPRODUCTION_NOT_SET);

  assert_invalid (activity, CM_MODEL_ERROR_EMPTY);
}

static void
test_activity_properties (void)
{
  CmActivity *activity = cm_activity_new ();

  CHECK_INT64 (activity, "id", cm_activity_get_id, cm_activity_set_id);
  CHECK_INT64 (activity, "cycle-id", cm_activity_get_cycle_id, cm_activity_set_cycle_id);
  CHECK_ENUM (activity, "stage", cm_activity_get_stage, cm_activity_set_stage,
              CM_TYPE_STAGE, CmStage, CM_STAGE_ANALYSE);
  CHECK_ENUM (activity, "ring", cm_activity_get_ring, cm_activity_set_ring,
              CM_TYPE_RING, CmRing, CM_RING_COMMISSIONING);
  CHECK_UINT (activity, "position", cm_activity_get_position, cm_activity_set_position);
  CHECK_STRING (activity, "title", cm_activity_get_title, cm_activity_set_title);
  CHECK_STRING (activity, "description",
                cm_activity_get_description, cm_activity_set_description);
  CHECK_ENUM (activity, "status", cm_activity_get_status, cm_activity_set_status,
              CM_TYPE_ACTIVITY_STATUS, CmActivityStatus, CM_ACTIVITY_STATUS_NOT_STARTED);
  CHECK_STRING (activity, "owner", cm_activity_get_owner, cm_activity_set_owner);
  CHECK_DATE (activity, "due-date", cm_activity_get_due_date, cm_activity_set_due_date);
  CHECK_STRING (activity, "evidence-notes",
                cm_activity_get_evidence_notes, cm_activity_set_evidence_notes);
  CHECK_ENUM (activity, "coproduction-level",
              cm_activity_get_coproduction_level, cm_activity_set_coproduction_level,
              CM_TYPE_COPRODUCTION_LEVEL, CmCoproductionLevel, CM_COPRODUCTION_NOT_SET);

  g_assert_finalize_object (activity);
}

static void
test_activity_validate (void)
{
  g_autoptr(CmActivity) activity = cm_activity_new ();
  g_autoptr(GDate) due = cm_date_new_from_iso ("2025-09-30", NULL);

  cm_activity_set_title (activity, "Population needs assessment");
  cm_activity_set_due_date (activity, due);
  assert_valid (activity);

  check_text_field (activity, "title", FIELD_REQUIRED);
  check_text_field (activity, "description", FIELD_LONG);
  check_text_field (activity, "owner", FIELD_SHORT);
  check_text_field (activity, "evidence-notes", FIELD_LONG);

  /* Every activity belongs to one of the four stages. */
  cm_activity_set_stage (activity, CM_STAGE_NONE);
  assert_invalid (activity, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_activity_set_stage (activity, (CmStage) CM_N_STAGES);
  assert_invalid (activity, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_activity_set_stage (activity, CM_STAGE_REVIEW);
  assert_valid (activity);

  cm_activity_set_ring (activity, (CmRing) CM_N_RINGS);
  assert_invalid (activity, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_activity_set_ring (activity, (CmRing) -1);
  assert_invalid (activity, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_activity_set_ring (activity, CM_RING_PROCUREMENT);
  assert_valid (activity);

  cm_activity_set_status (activity, (CmActivityStatus) CM_N_ACTIVITY_STATUSES);
  assert_invalid (activity, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_activity_set_status (activity, CM_ACTIVITY_STATUS_NOT_APPLICABLE);
  assert_valid (activity);

  cm_activity_set_coproduction_level (activity, (CmCoproductionLevel) 8);
  assert_invalid (activity, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_activity_set_coproduction_level (activity, (CmCoproductionLevel) -1);
  assert_invalid (activity, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_activity_set_coproduction_level (activity, CM_COPRODUCTION_CO_PRODUCTION);
  assert_valid (activity);
}

/* ---------------------------------------------------------------------------
 * CmWorkshop
 * ------------------------------------------------------------------------- */

static void
test_workshop_defaults (void)
{
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();

  g_assert_true (CM_IS_WORKSHOP (workshop));
  g_assert_cmpint (cm_workshop_get_id (workshop), ==, 0);
  g_assert_cmpint (cm_workshop_get_cycle_id (workshop), ==, 0);
  g_assert_cmpstr (cm_workshop_get_title (workshop), ==, "");
  g_assert_null (cm_workshop_get_starts_at (workshop));
  g_assert_cmpstr (cm_workshop_get_venue (workshop), ==, "");
  g_assert_cmpstr (cm_workshop_get_facilitator (workshop), ==, "");
  g_assert_cmpstr (cm_workshop_get_purpose (workshop), ==, "");
  g_assert_cmpstr (cm_workshop_get_access_arrangements (workshop), ==, "");
  g_assert_cmpint (cm_workshop_get_state (workshop), ==, CM_WORKSHOP_STATE_PLANNED);

  assert_invalid (workshop, CM_MODEL_ERROR_EMPTY);
}

static void
test_workshop_properties (void)
{
  CmWorkshop *workshop = cm_workshop_new ();

  CHECK_INT64 (workshop, "id", cm_workshop_get_id, cm_workshop_set_id);
  CHECK_INT64 (workshop, "cycle-id", cm_workshop_get_cycle_id, cm_workshop_set_cycle_id);
  CHECK_STRING (workshop, "title", cm_workshop_get_title, cm_workshop_set_title);
  CHECK_DATE_TIME (workshop, "starts-at", cm_workshop_get_starts_at, cm_workshop_set_starts_at);
  CHECK_STRING (workshop, "venue", cm_workshop_get_venue, cm_workshop_set_venue);
  CHECK_STRING (workshop, "facilitator",
                cm_workshop_get_facilitator, cm_workshop_set_facilitator);
  CHECK_STRING (workshop, "purpose", cm_workshop_get_purpose, cm_workshop_set_purpose);
  CHECK_STRING (workshop, "access-arrangements",
                cm_workshop_get_access_arrangements, cm_workshop_set_access_arrangements);
  CHECK_ENUM (workshop, "state", cm_workshop_get_state, cm_workshop_set_state,
              CM_TYPE_WORKSHOP_STATE, CmWorkshopState, CM_WORKSHOP_STATE_PLANNED);

  g_assert_finalize_object (workshop);
}

static void
test_workshop_starts_at_time_zone (void)
{
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  g_autoptr(NotifyLog) log = notify_log_new (workshop);
  g_autoptr(GTimeZone) bst = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2025, 6, 12, 9, 0, 0);
  g_autoptr(GDateTime) local = g_date_time_new (bst, 2025, 6, 12, 10, 0, 0);

  cm_workshop_set_starts_at (workshop, utc);
  notify_log_assert (log, "starts-at");

  /* 10:00 BST is 09:00 UTC: the same moment, so no change. */
  cm_workshop_set_starts_at (workshop, local);
  notify_log_assert (log, NULL);
  g_assert_true (cm_workshop_get_starts_at (workshop) == utc);
}

static void
test_workshop_validate (void)
{
  g_autoptr(CmWorkshop) workshop = cm_workshop_new ();
  g_autoptr(GDateTime) starts_at = g_date_time_new_utc (2025, 6, 12, 10, 0, 0);

  cm_workshop_set_title (workshop, "What good advocacy looks like");
  cm_workshop_set_starts_at (workshop, starts_at);
  assert_valid (workshop);

  check_text_field (workshop, "title", FIELD_REQUIRED);
  check_text_field (workshop, "venue", FIELD_SHORT);
  check_text_field (workshop, "facilitator", FIELD_SHORT);
  check_text_field (workshop, "purpose", FIELD_LONG);
  check_text_field (workshop, "access-arrangements", FIELD_LONG);

  cm_workshop_set_state (workshop, (CmWorkshopState) 3);
  assert_invalid (workshop, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_workshop_set_state (workshop, (CmWorkshopState) -1);
  assert_invalid (workshop, CM_MODEL_ERROR_OUT_OF_RANGE);

  for (int state = CM_WORKSHOP_STATE_PLANNED; state <= CM_WORKSHOP_STATE_CLOSED; state++)
    {
      cm_workshop_set_state (workshop, (CmWorkshopState) state);
      assert_valid (workshop);
    }
}

/* ---------------------------------------------------------------------------
 * CmParticipant
 * ------------------------------------------------------------------------- */

static void
test_participant_defaults (void)
{
  g_autoptr(CmParticipant) participant = cm_participant_new ();

  g_assert_true (CM_IS_PARTICIPANT (participant));
  g_assert_cmpint (cm_participant_get_id (participant), ==, 0);
  g_assert_cmpstr (cm_participant_get_name (participant), ==, "");
  g_assert_cmpint (cm_participant_get_role (participant), ==,
                   CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES);
  g_assert_cmpstr (cm_participant_get_organisation (participant), ==, "");
  g_assert_cmpstr (cm_participant_get_access_needs (participant), ==, "");
  g_assert_cmpint (cm_participant_get_consent (participant), ==, CM_CONSENT_ANONYMISED);
  g_assert_cmpstr (cm_participant_get_payment_notes (participant), ==, "");
  g_assert_false (cm_participant_get_erased (participant));

  assert_invalid (participant, CM_MODEL_ERROR_EMPTY);
}

static void
test_participant_properties (void)
{
  CmParticipant *participant = cm_participant_new ();

  CHECK_INT64 (participant, "id", cm_participant_get_id, cm_participant_set_id);
  CHECK_STRING (participant, "name", cm_participant_get_name, cm_participant_set_name);
  CHECK_ENUM (participant, "role", cm_participant_get_role, cm_participant_set_role,
              CM_TYPE_PARTICIPANT_ROLE, CmParticipantRole,
              CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES);
  CHECK_STRING (participant, "organisation",
                cm_participant_get_organisation, cm_participant_set_organisation);
  CHECK_STRING (participant, "access-needs",
                cm_participant_get_access_needs, cm_participant_set_access_needs);
  CHECK_ENUM (participant, "consent", cm_participant_get_consent, cm_participant_set_consent,
              CM_TYPE_CONSENT, CmConsent, CM_CONSENT_ANONYMISED);
  CHECK_STRING (participant, "payment-notes",
                cm_participant_get_payment_notes, cm_participant_set_payment_notes);
  CHECK_BOOLEAN (participant, "erased", cm_participant_get_erased, cm_participant_set_erased);

  g_assert_finalize_object (participant);
}

static void
test_participant_validate (void)
{
  g_autoptr(CmParticipant) participant = cm_participant_new ();

  cm_participant_set_name (participant, "Siobhán O’Neill");
  assert_valid (participant);

  check_text_field (participant, "name", FIELD_REQUIRED);
  check_text_field (participant, "organisation", FIELD_SHORT);
  check_text_field (participant, "access-needs", FIELD_LONG);
  check_text_field (participant, "payment-notes", FIELD_LONG);

  cm_participant_set_role (participant, (CmParticipantRole) CM_N_PARTICIPANT_ROLES);
  assert_invalid (participant, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_participant_set_role (participant, (CmParticipantRole) -1);
  assert_invalid (participant, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_participant_set_role (participant, CM_PARTICIPANT_ROLE_CARER);
  assert_valid (participant);

  cm_participant_set_consent (participant, (CmConsent) 3);
  assert_invalid (participant, CM_MODEL_ERROR_OUT_OF_RANGE);
  cm_participant_set_consent (participant, CM_CONSENT_NONE);
  assert_valid (participant);

  /* Once erased, a participant needs no name; an overlong one is still refused. */
  cm_participant_erase (participant);
  g_assert_cmpstr (cm_participant_get_name (participant), ==, "");
  assert_valid (participant);
  check_text_field (participant, "name", FIELD_SHORT);
}

static const char *
expected_role_phrase (CmParticipantRole role)
{
  switch ((int) role)
    {
    case CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES: return "A person who uses services";
    case CM_PARTICIPANT_ROLE_CARER:                 return "A carer";
    case CM_PARTICIPANT_ROLE_PROVIDER:              return "A provider";
    case CM_PARTICIPANT_ROLE_OFFICER:               return "An officer";
    case CM_PARTICIPANT_ROLE_OTHER:                 return "A participant";
    default:                                        return "A participant";
    }
}

static void
test_participant_attribution (void)
{
  const CmConsent consents[] = { CM_CONSENT_NAMED, CM_CONSENT_ANONYMISED, CM_CONSENT_NONE };
  g_autoptr(GEnumClass) consent_class = g_type_class_ref (CM_TYPE_CONSENT);
  g_autoptr(GEnumClass) role_class = g_type_class_ref (CM_TYPE_PARTICIPANT_ROLE);

  /* Make sure the table below covers every value there is. */
  g_assert_cmpuint (consent_class->n_values, ==, G_N_ELEMENTS (consents));
  g_assert_cmpuint (role_class->n_values, ==, CM_N_PARTICIPANT_ROLES);

  for (guint c = 0; c < G_N_ELEMENTS (consents); c++)
    {
      /* One past the last role stands for a damaged value. */
      for (int role = 0; role <= CM_N_PARTICIPANT_ROLES; role++)
        {
          g_autoptr(CmParticipant) participant = cm_participant_new ();
          const char *phrase = expected_role_phrase ((CmParticipantRole) role);
          g_autofree char *on_screen = NULL;
          g_autofree char *published = NULL;
          g_autofree char *blank_on_screen = NULL;
          g_autofree char *blank_published = NULL;
          g_autofree char *erased_on_screen = NULL;
          g_autofree char *erased_published = NULL;

          g_test_message ("consent %d, role %d", consents[c], role);

          cm_participant_set_name (participant, "Ada Lovelace");
          cm_participant_set_organisation (participant, "Carers’ Centre");
          cm_participant_set_role (participant, (CmParticipantRole) role);
          cm_participant_set_consent (participant, consents[c]);

          /* On screen, the people running the workshop see the name. */
          on_screen = cm_participant_dup_attribution (participant, FALSE);
          g_assert_cmpstr (on_screen, ==, "Ada Lovelace");

          /* In print, only someone who agreed to be named is named. */
          published = cm_participant_dup_attribution (participant, TRUE);
          if (consents[c] == CM_CONSENT_NAMED)
            g_assert_cmpstr (published, ==, "Ada Lovelace");
          else
            g_assert_cmpstr (published, ==, phrase);
          g_assert_null (strstr (published, "Carers’ Centre"));

          g_assert_cmpint (cm_participant_may_be_quoted (participant), ==,
                           consents[c] != CM_CONSENT_NONE);

          /* Without a name there is only the role to go on. */
          cm_participant_set_name (participant, "   ");
          blank_on_screen = cm_participant_dup_attribution (participant, FALSE);
          blank_published = cm_participant_dup_attribution (participant, TRUE);
          g_assert_cmpstr (blank_on_screen, ==, phrase);
          g_assert_cmpstr (blank_published, ==, phrase);
          cm_participant_set_name (participant, "Ada Lovelace");

          /* An erased participant is nobody in particular, everywhere. */
          cm_participant_erase (participant);
          erased_on_screen = cm_participant_dup_attribution (participant, FALSE);
          erased_published = cm_participant_dup_attribution (participant, TRUE);
          g_assert_cmpstr (erased_on_screen, ==, "A participant");
          g_assert_cmpstr (erased_published, ==, "A participant");
          g_assert_false (cm_participant_may_be_quoted (participant));
        }
    }
}

static void
test_participant_may_be_quoted (void)
{
  g_autoptr(CmParticipant) participant = cm_participant_new ();

  cm_participant_set_name (participant, "Sam");

  cm_participant_set_consent (participant, CM_CONSENT_NAMED);
  g_assert_true (cm_participant_may_be_quoted (participant));
  cm_participant_set_consent (participant, CM_CONSENT_ANONYMISED);
  g_assert_true (cm_participant_may_be_quoted (participant));
  cm_participant_set_consent (participant, CM_CONSENT_NONE);
  g_assert_false (cm_participant_may_be_quoted (participant));

  /* The erased flag alone is enough, whatever the consent says. */
  cm_participant_set_consent (participant, CM_CONSENT_NAMED);
  cm_participant_set_erased (participant, TRUE);
  g_assert_false (cm_participant_may_be_quoted (participant));
}

static void
test_participant_erase (void)
{
  g_autoptr(CmParticipant) participant = cm_participant_new ();
  g_autoptr(NotifyLog) log = NULL;
  const char * const erased_props[] = {
    "name", "organisation", "access-needs", "payment-notes", "consent", "erased",
  };

  cm_participant_set_id (participant, 12);
  cm_participant_set_name (participant, "Priya Shah");
  cm_participant_set_role (participant, CM_PARTICIPANT_ROLE_CARER);
  cm_participant_set_organisation (participant, "Parent Carers Forum");
  cm_participant_set_access_needs (participant, "Step-free access; BSL interpreter");
  cm_participant_set_consent (participant, CM_CONSENT_NAMED);
  cm_participant_set_payment_notes (participant, "£25 voucher, bus fare £4.50");

  log = notify_log_new (participant);
  cm_participant_erase (participant);

  g_assert_cmpstr (cm_participant_get_name (participant), ==, "");
  g_assert_cmpstr (cm_participant_get_organisation (participant), ==, "");
  g_assert_cmpstr (cm_participant_get_access_needs (participant), ==, "");
  g_assert_cmpstr (cm_participant_get_payment_notes (participant), ==, "");
  g_assert_cmpint (cm_participant_get_consent (participant), ==, CM_CONSENT_NONE);
  g_assert_true (cm_participant_get_erased (participant));

  /* The row and the role stay: contributions still point at them. */
  g_assert_cmpint (cm_participant_get_id (participant), ==, 12);
  g_assert_cmpint (cm_participant_get_role (participant), ==, CM_PARTICIPANT_ROLE_CARER);

  g_assert_cmpuint (log->names->len, ==, G_N_ELEMENTS (erased_props));
  for (guint i = 0; i < G_N_ELEMENTS (erased_props); i++)
    g_assert_cmpuint (notify_log_count (log, erased_props[i]), ==, 1);
  g_ptr_array_set_size (log->names, 0);

  /* Erasing twice changes nothing. */
  cm_participant_erase (participant);
  notify_log_assert (log, NULL);
  assert_valid (participant);
}

static void
test_participant_erase_partial (void)
{
  g_autoptr(CmParticipant) participant = cm_participant_new ();
  g_autoptr(NotifyLog) log = NULL;

  /* Only what actually changes is notified. */
  cm_participant_set_name (participant, "Jo");
  log = notify_log_new (participant);
  cm_participant_erase (participant);

  g_assert_cmpuint (log->names->len, ==, 3);
  g_assert_cmpuint (notify_log_count (log, "name"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "consent"), ==, 1);
  g_assert_cmpuint (notify_log_count (log, "erased"), ==, 1);
}

/* ---------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------- */

static void
test_date_iso (void)
{
  const char * const invalid[] = {
    "2025-02-29",   /* not a leap year */
    "2025-13-01",
    "2025-00-10",
    "2025-04-31",
    "2025-04-00",
    "2025-1-1",
    "2025-01-1",
    "25-01-01",
    "2025/01/01",
    "2025-01-01x",
    "2025-01-01T10:00:00Z",
    " 2025-01-01",
    "tomorrow",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) leap = NULL;
  g_autoptr(GDate) century = NULL;
  g_autofree char *iso = NULL;

  leap = cm_date_new_from_iso ("2024-02-29", &error);
  g_assert_no_error (error);
  g_assert_nonnull (leap);
  g_assert_true (g_date_valid (leap));
  g_assert_cmpint (g_date_get_year (leap), ==, 2024);
  g_assert_cmpint (g_date_get_month (leap), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (leap), ==, 29);
  iso = cm_date_to_iso (leap);
  g_assert_cmpstr (iso, ==, "2024-02-29");

  century = cm_date_new_from_iso ("2000-02-29", &error);
  g_assert_no_error (error);
  g_assert_nonnull (century);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GDate) date = NULL;

      g_test_message ("\"%s\"", invalid[i]);
      date = cm_date_new_from_iso (invalid[i], &local_error);
      g_assert_null (date);
      g_assert_error (local_error, CM_MODEL_ERROR, CM_MODEL_ERROR_INVALID_DATE);
    }

  /* Empty means "not set": no date, and no error either. */
  {
    g_autoptr(GError) local_error = NULL;

    g_assert_null (cm_date_new_from_iso ("", &local_error));
    g_assert_no_error (local_error);
    g_assert_null (cm_date_new_from_iso (NULL, &local_error));
    g_assert_no_error (local_error);
    g_assert_null (cm_date_to_iso (NULL));
  }

  g_assert_true (cm_date_equal (NULL, NULL));
  g_assert_false (cm_date_equal (leap, NULL));
  g_assert_false (cm_date_equal (NULL, leap));
  g_assert_false (cm_date_equal (leap, century));
}

/* ---------------------------------------------------------------------------
 * Enum labels and keys
 * ------------------------------------------------------------------------- */

typedef const char *(*LabelFunc) (int value);

/* Every value of @enum_type has a label of its own, and a value that is
 * not in the enum gets a placeholder rather than NULL. */
static void
check_labels_distinct (GType     enum_type,
                       LabelFunc label_func)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *unknown = label_func (1000);

  g_assert_nonnull (unknown);
  g_assert_cmpstr (unknown, ==, label_func (-1000));
  g_assert_cmpstr (unknown, ==, label_func (klass->maximum + 1));
  g_assert_cmpstr (unknown, ==, label_func (klass->minimum - 1));

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *label = label_func (klass->values[i].value);

      g_test_message ("%s -> %s", klass->values[i].value_name, label);
      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
      g_assert_cmpstr (label, !=, unknown);
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);
    }
}

/* The label functions take their own enum types; these adapters let one
 * helper walk them all. */
#define LABEL_ADAPTER(name, ctype) \
  static const char *name##_int (int value) { return name ((ctype) value); }

LABEL_ADAPTER (cm_stage_to_label, CmStage)
LABEL_ADAPTER (cm_ring_to_label, CmRing)
LABEL_ADAPTER (cm_activity_status_to_label, CmActivityStatus)
LABEL_ADAPTER (cm_coproduction_level_to_label, CmCoproductionLevel)
LABEL_ADAPTER (cm_spec_status_to_label, CmSpecStatus)
LABEL_ADAPTER (cm_procurement_route_to_label, CmProcurementRoute)
LABEL_ADAPTER (cm_workshop_state_to_label, CmWorkshopState)
LABEL_ADAPTER (cm_participant_role_to_label, CmParticipantRole)
LABEL_ADAPTER (cm_consent_to_label, CmConsent)
LABEL_ADAPTER (cm_contribution_kind_to_label, CmContributionKind)
LABEL_ADAPTER (cm_action_state_to_label, CmActionState)

static void
test_enum_labels (void)
{
  /* The tests run untranslated, so labels are the British English source. */
  g_assert_cmpstr (cm_stage_to_label (CM_STAGE_ANALYSE), ==, "Analyse");
  g_assert_cmpstr (cm_stage_to_label (CM_STAGE_PLAN), ==, "Plan");
  g_assert_cmpstr (cm_stage_to_label (CM_STAGE_DO), ==, "Do");
  g_assert_cmpstr (cm_stage_to_label (CM_STAGE_REVIEW), ==, "Review");

  g_assert_cmpstr (cm_ring_to_label (CM_RING_COMMISSIONING), ==, "Commissioning");
  g_assert_cmpstr (cm_ring_to_label (CM_RING_PROCUREMENT), ==, "Procurement");

  g_assert_cmpstr (cm_activity_status_to_label (CM_ACTIVITY_STATUS_NOT_STARTED), ==,
                   "Not started");
  g_assert_cmpstr (cm_activity_status_to_label (CM_ACTIVITY_STATUS_IN_PROGRESS), ==,
                   "In progress");
  g_assert_cmpstr (cm_activity_status_to_label (CM_ACTIVITY_STATUS_DONE), ==, "Done");
  g_assert_cmpstr (cm_activity_status_to_label (CM_ACTIVITY_STATUS_NOT_APPLICABLE), ==,
                   "Not applicable");

  g_assert_cmpstr (cm_coproduction_level_to_label (CM_COPRODUCTION_NOT_SET), ==, "Not set");
  g_assert_cmpstr (cm_coproduction_level_to_label (CM_COPRODUCTION_COERCION), ==, "Coercion");
  g_assert_cmpstr (cm_coproduction_level_to_label (CM_COPRODUCTION_EDUCATING), ==, "Educating");
  g_assert_cmpstr (cm_coproduction_level_to_label (CM_COPRODUCTION_INFORMING), ==, "Informing");
  g_assert_cmpstr (cm_coproduction_level_to_label (CM_COPRODUCTION_CONSULTING), ==,
                   "Consulting");
  g_assert_cmpstr (cm_coproduction_level_to_label (CM_COPRODUCTION_ENGAGING), ==, "Engaging");
  g_assert_cmpstr (cm_coproduction_level_to_label (CM_COPRODUCTION_CO_DESIGN), ==, "Co-design");
  g_assert_cmpstr (cm_coproduction_level_to_label (CM_COPRODUCTION_CO_PRODUCTION), ==,
                   "Co-production");

  g_assert_cmpstr (cm_advocacy_type_to_label (CM_ADVOCACY_CARE_ACT), ==, "Care Act advocacy");
  g_assert_cmpstr (cm_advocacy_type_to_label (CM_ADVOCACY_IMCA), ==, "IMCA");
  g_assert_cmpstr (cm_advocacy_type_to_label (CM_ADVOCACY_IMHA), ==, "IMHA");
  g_assert_cmpstr (cm_advocacy_type_to_label (CM_ADVOCACY_PAID_RPR), ==, "Paid RPR");
  g_assert_cmpstr (cm_advocacy_type_to_label (CM_ADVOCACY_NHS_COMPLAINTS), ==,
                   "NHS complaints advocacy");
  g_assert_cmpstr (cm_advocacy_type_to_label (CM_ADVOCACY_GENERAL), ==,
                   "General (non-statutory)");

  g_assert_cmpstr (cm_spec_status_to_label (CM_SPEC_STATUS_DRAFT), ==, "Draft");
  g_assert_cmpstr (cm_spec_status_to_label (CM_SPEC_STATUS_CONSULTATION), ==, "Consultation");
  g_assert_cmpstr (cm_spec_status_to_label (CM_SPEC_STATUS_APPROVED), ==, "Approved");
  g_assert_cmpstr (cm_spec_status_to_label (CM_SPEC_STATUS_PUBLISHED), ==, "Published");
  g_assert_cmpstr (cm_spec_status_to_label (CM_SPEC_STATUS_RETIRED), ==, "Retired");

  g_assert_cmpstr (cm_procurement_route_to_label (CM_PROCUREMENT_ROUTE_NOT_SET), ==,
                   "Not chosen");
  g_assert_cmpstr (cm_procurement_route_to_label (CM_PROCUREMENT_ROUTE_LIGHT_TOUCH_OPEN), ==,
                   "Light-touch open procedure");
  g_assert_cmpstr (cm_procurement_route_to_label (CM_PROCUREMENT_ROUTE_COMPETITIVE_FLEXIBLE),
                   ==, "Competitive flexible procedure");
  g_assert_cmpstr (cm_procurement_route_to_label (CM_PROCUREMENT_ROUTE_PROVIDER_SELECTION),
                   ==, "Provider Selection Regime");
  g_assert_cmpstr (cm_procurement_route_to_label (CM_PROCUREMENT_ROUTE_GRANT), ==, "Grant");
  g_assert_cmpstr (cm_procurement_route_to_label (CM_PROCUREMENT_ROUTE_DIRECT_AWARD), ==,
                   "Direct award");

  g_assert_cmpstr (cm_workshop_state_to_label (CM_WORKSHOP_STATE_PLANNED), ==, "Planned");
  g_assert_cmpstr (cm_workshop_state_to_label (CM_WORKSHOP_STATE_LIVE), ==, "Live");
  g_assert_cmpstr (cm_workshop_state_to_label (CM_WORKSHOP_STATE_CLOSED), ==, "Closed");

  g_assert_cmpstr (cm_participant_role_to_label (CM_PARTICIPANT_ROLE_PERSON_USING_SERVICES),
                   ==, "Person who uses services");
  g_assert_cmpstr (cm_participant_role_to_label (CM_PARTICIPANT_ROLE_CARER), ==, "Carer");
  g_assert_cmpstr (cm_participant_role_to_label (CM_PARTICIPANT_ROLE_PROVIDER), ==, "Provider");
  g_assert_cmpstr (cm_participant_role_to_label (CM_PARTICIPANT_ROLE_OFFICER), ==, "Officer");
  g_assert_cmpstr (cm_participant_role_to_label (CM_PARTICIPANT_ROLE_OTHER), ==, "Other");

  g_assert_cmpstr (cm_consent_to_label (CM_CONSENT_NAMED), ==, "Named");
  g_assert_cmpstr (cm_consent_to_label (CM_CONSENT_ANONYMISED), ==, "Anonymised");
  g_assert_cmpstr (cm_consent_to_label (CM_CONSENT_NONE), ==, "Not to be quoted");

  g_assert_cmpstr (cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_COMMENT), ==, "Comment");
  g_assert_cmpstr (cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_IDEA), ==, "Idea");
  g_assert_cmpstr (cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_CONCERN), ==, "Concern");
  g_assert_cmpstr (cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_QUESTION), ==,
                   "Question");
  g_assert_cmpstr (cm_contribution_kind_to_label (CM_CONTRIBUTION_KIND_I_STATEMENT), ==,
                   "I statement");

  g_assert_cmpstr (cm_action_state_to_label (CM_ACTION_STATE_OPEN), ==, "Open");
  g_assert_cmpstr (cm_action_state_to_label (CM_ACTION_STATE_DONE), ==, "Done");
  g_assert_cmpstr (cm_action_state_to_label (CM_ACTION_STATE_NOT_POSSIBLE), ==, "Not possible");
}

static void
test_enum_labels_complete (void)
{
  g_autoptr(GFlagsClass) advocacy = g_type_class_ref (CM_TYPE_ADVOCACY_TYPES);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *unknown = cm_stage_to_label ((CmStage) 1000);

  check_labels_distinct (CM_TYPE_STAGE, cm_stage_to_label_int);
  check_labels_distinct (CM_TYPE_RING, cm_ring_to_label_int);
  check_labels_distinct (CM_TYPE_ACTIVITY_STATUS, cm_activity_status_to_label_int);
  check_labels_distinct (CM_TYPE_COPRODUCTION_LEVEL, cm_coproduction_level_to_label_int);
  check_labels_distinct (CM_TYPE_SPEC_STATUS, cm_spec_status_to_label_int);
  check_labels_distinct (CM_TYPE_PROCUREMENT_ROUTE, cm_procurement_route_to_label_int);
  check_labels_distinct (CM_TYPE_WORKSHOP_STATE, cm_workshop_state_to_label_int);
  check_labels_distinct (CM_TYPE_PARTICIPANT_ROLE, cm_participant_role_to_label_int);
  check_labels_distinct (CM_TYPE_CONSENT, cm_consent_to_label_int);
  check_labels_distinct (CM_TYPE_CONTRIBUTION_KIND, cm_contribution_kind_to_label_int);
  check_labels_distinct (CM_TYPE_ACTION_STATE, cm_action_state_to_label_int);

  /* Every single advocacy type has its own label; a combination does not. */
  for (guint i = 0; i < advocacy->n_values; i++)
    {
      CmAdvocacyTypes type = advocacy->values[i].value;
      const char *label = cm_advocacy_type_to_label (type);

      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);

      if (type != CM_ADVOCACY_NONE)
        g_assert_cmpstr (label, !=, unknown);
    }

  g_assert_cmpstr (cm_advocacy_type_to_label (CM_ADVOCACY_IMCA | CM_ADVOCACY_IMHA), ==,
                   unknown);
  g_assert_cmpstr (cm_advocacy_type_to_label ((CmAdvocacyTypes) (1 << 10)), ==, unknown);
}

static void
test_enum_keys (void)
{
  const struct { CmStage stage; const char *key; } stages[] = {
    { CM_STAGE_ANALYSE, "analyse" },
    { CM_STAGE_PLAN, "plan" },
    { CM_STAGE_DO, "do" },
    { CM_STAGE_REVIEW, "review" },
  };
  const struct { CmRing ring; const char *key; } rings[] = {
    { CM_RING_COMMISSIONING, "commissioning" },
    { CM_RING_PROCUREMENT, "procurement" },
  };
  const char * const bad_stage_keys[] = {
    "", "Analyse", "ANALYSE", "analyse ", "none", "commissioning", "0", "analysis",
  };
  const char * const bad_ring_keys[] = {
    "", "Commissioning", "procurement\n", "analyse", "outer", "1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      CmStage stage = CM_STAGE_NONE;

      g_assert_cmpstr (cm_stage_to_key (stages[i].stage), ==, stages[i].key);
      g_assert_true (cm_stage_from_key (stages[i].key, &stage));
      g_assert_cmpint (stage, ==, stages[i].stage);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rings); i++)
    {
      CmRing ring = (CmRing) -1;

      g_assert_cmpstr (cm_ring_to_key (rings[i].ring), ==, rings[i].key);
      g_assert_true (cm_ring_from_key (rings[i].key, &ring));
      g_assert_cmpint (ring, ==, rings[i].ring);
    }

  /* "No stage" and damaged values have no key. */
  g_assert_null (cm_stage_to_key (CM_STAGE_NONE));
  g_assert_null (cm_stage_to_key ((CmStage) CM_N_STAGES));
  g_assert_null (cm_ring_to_key ((CmRing) CM_N_RINGS));
  g_assert_null (cm_ring_to_key ((CmRing) -1));

  /* An unknown key is refused and leaves the output alone. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_stage_keys); i++)
    {
      CmStage stage = CM_STAGE_PLAN;

      g_assert_false (cm_stage_from_key (bad_stage_keys[i], &stage));
      g_assert_cmpint (stage, ==, CM_STAGE_PLAN);
    }
  g_assert_false (cm_stage_from_key (NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad_ring_keys); i++)
    {
      CmRing ring = CM_RING_PROCUREMENT;

      g_assert_false (cm_ring_from_key (bad_ring_keys[i], &ring));
      g_assert_cmpint (ring, ==, CM_RING_PROCUREMENT);
    }
  g_assert_false (cm_ring_from_key (NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/model/properties/specs", test_property_specs);
  g_test_add_func ("/core/model/properties/set-same-value", test_property_set_same_value);
  g_test_add_func ("/core/model/properties/enum-out-of-range", test_property_enum_out_of_range);

  g_test_add_func ("/core/model/cycle/defaults", test_cycle_defaults);
  g_test_add_func ("/core/model/cycle/properties", test_cycle_properties);
  g_test_add_func ("/core/model/cycle/validate", test_cycle_validate);

  g_test_add_func ("/core/model/activity/defaults", test_activity_defaults);
  g_test_add_func ("/core/model/activity/properties", test_activity_properties);
  g_test_add_func ("/core/model/activity/validate", test_activity_validate);

  g_test_add_func ("/core/model/workshop/defaults", test_workshop_defaults);
  g_test_add_func ("/core/model/workshop/properties", test_workshop_properties);
  g_test_add_func ("/core/model/workshop/starts-at-time-zone", test_workshop_starts_at_time_zone);
  g_test_add_func ("/core/model/workshop/validate", test_workshop_validate);

  g_test_add_func ("/core/model/participant/defaults", test_participant_defaults);
  g_test_add_func ("/core/model/participant/properties", test_participant_properties);
  g_test_add_func ("/core/model/participant/validate", test_participant_validate);
  g_test_add_func ("/core/model/participant/attribution", test_participant_attribution);
  g_test_add_func ("/core/model/participant/may-be-quoted", test_participant_may_be_quoted);
  g_test_add_func ("/core/model/participant/erase", test_participant_erase);
  g_test_add_func ("/core/model/participant/erase-partial", test_participant_erase_partial);

  g_test_add_func ("/core/model/date/iso", test_date_iso);

  g_test_add_func ("/core/model/enums/labels", test_enum_labels);
  g_test_add_func ("/core/model/enums/labels-complete", test_enum_labels_complete);
  g_test_add_func ("/core/model/enums/keys", test_enum_keys);

  return g_test_run ();
}
