/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-ui-validate"

#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>

/* Loaded into gtk4-builder-tool with LD_PRELOAD so that it can validate
 * the project's .ui files, which it could not do alone:
 *
 *  - it knows neither libadwaita's types nor ours until they are
 *    registered. validate-ui.py names the get_type functions of the Cm
 *    types the .ui files use in CM_UI_VALIDATE_TYPES; they are looked up
 *    by name, so that a .ui naming a type the application does not have
 *    is a failed test rather than a failed build;
 *
 *  - for a template, the tool creates an instance of the real class (which
 *    builds the template with the class's own callbacks: a wrong handler
 *    name shows up there), then builds the file once more with a plain
 *    GtkBuilder, where the handlers — static functions — cannot be found.
 *    GTK 4.8's tool has no stand-in scope for that second build (later
 *    versions do), so this module gives every GtkBuilder one: a C scope
 *    that returns a closure doing nothing for a handler it cannot find.
 *
 * The constructor runs before the tool's main (), which calls gtk_init ()
 * again; the second call does nothing. Without a display it does nothing
 * and lets the tool fail with its own message. */

#define CM_TYPE_VALIDATE_SCOPE (cm_validate_scope_get_type ())
G_DECLARE_FINAL_TYPE (CmValidateScope, cm_validate_scope, CM, VALIDATE_SCOPE, GtkBuilderCScope)

struct _CmValidateScope
{
  GtkBuilderCScope parent_instance;
};

static void cm_validate_scope_iface_init (GtkBuilderScopeInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CmValidateScope, cm_validate_scope, GTK_TYPE_BUILDER_CSCOPE,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDER_SCOPE,
                                                      cm_validate_scope_iface_init))

typedef GType (*GetTypeFunc) (void);

static GtkBuilderScopeInterface *parent_scope_iface;
static void (*builder_parent_constructed) (GObject *object);

static void
do_nothing (void)
{
}

static GClosure *
cm_validate_scope_create_closure (GtkBuilderScope        *scope,
                                  GtkBuilder             *builder,
                                  const char             *function_name,
                                  GtkBuilderClosureFlags  flags,
                                  GObject                *object,
                                  GError                **error)
{
  GClosure *closure;

  closure = parent_scope_iface->create_closure (scope, builder, function_name, flags, object,
                                                NULL);
  if (closure == NULL)
    closure = g_cclosure_new (G_CALLBACK (do_nothing), NULL, NULL);

  return closure;
}

static void
cm_validate_scope_iface_init (GtkBuilderScopeInterface *iface)
{
  parent_scope_iface = g_type_interface_peek_parent (iface);
  iface->get_type_from_name = parent_scope_iface->get_type_from_name;
  iface->get_type_from_function = parent_scope_iface->get_type_from_function;
  iface->create_closure = cm_validate_scope_create_closure;
}

static void
cm_validate_scope_class_init (CmValidateScopeClass *klass)
{
}

static void
cm_validate_scope_init (CmValidateScope *self)
{
}

/* A template's own builder gets the class's scope after this, replacing
 * the stand-in, so the real callbacks are still checked there. */
static void
builder_constructed (GObject *object)
{
  g_autoptr(GtkBuilderScope) scope = g_object_new (CM_TYPE_VALIDATE_SCOPE, NULL);

  if (builder_parent_constructed != NULL)
    builder_parent_constructed (object);

  gtk_builder_set_scope (GTK_BUILDER (object), scope);
}

static void
register_types (const char *list)
{
  g_auto(GStrv) names = g_strsplit_set (list, " ,", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      GetTypeFunc get_type;

      if (*names[i] == '\0')
        continue;

      get_type = (GetTypeFunc) dlsym (RTLD_DEFAULT, names[i]);
      if (get_type == NULL)
        {
          g_printerr ("cm-ui-validate: the application has no %s (): "
                      "is the class's .c file listed in src/gui/meson.build?\n",
                      names[i]);
          continue;
        }
      g_type_ensure (get_type ());
    }
}

__attribute__((constructor)) static void
cm_ui_validate_preload_init (void)
{
  GObjectClass *builder_class;
  const char *types;

  if (!gtk_init_check ())
    return;
  adw_init ();

  builder_class = g_type_class_ref (GTK_TYPE_BUILDER);
  builder_parent_constructed = builder_class->constructed;
  builder_class->constructed = builder_constructed;

  types = g_getenv ("CM_UI_VALIDATE_TYPES");
  if (types != NULL)
    register_types (types);
}
