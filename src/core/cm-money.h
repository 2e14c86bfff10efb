/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sums of money are kept in whole pence and shown in pounds, grouped and
 * punctuated as the user's locale does ("£1,250.00" in en_GB). */

char     *cm_money_format (gint64       pence);
gboolean  cm_money_parse  (const char  *text,
                           gint64      *pence,
                           GError     **error);

G_END_DECLS
