/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Pages of the user guide (help/C/PAGE.page), for cm_show_help (). */
#define CM_HELP_PAGE_INDEX     "index"
#define CM_HELP_PAGE_WHEEL     "wheel"
#define CM_HELP_PAGE_CAPTURE   "capture"
#define CM_HELP_PAGE_SUMMARY   "summary"

void  cm_show_help              (GtkWindow  *parent,
                                 const char *page);

char *cm_help_dup_html_page_uri (const char *page);

G_END_DECLS
