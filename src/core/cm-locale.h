/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The locale the app runs in: the user's, with British English for dates,
 * numbers and money when the environment leaves them to the C locale. */

void     cm_locale_init         (void);
gboolean cm_locale_is_c         (const char *name);

G_END_DECLS
