/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void  cm_set_button_text    (GtkButton    *button,
                            const char   *text);
void  cm_show_field_error   (GtkLabel     *error_label,
                            GtkWidget    *field,
                            const GError *error);
void  cm_set_entry_text     (AdwEntryRow  *row,
                            const char   *text);
char *cm_text_view_dup_text (GtkTextView  *view);

GtkWidget *cm_two_line_box_new (void);
void       cm_row_use_single_lines (AdwPreferencesRow *row);
GtkSliceListModel *cm_slice_until_first_frame (GListModel *model,
                                               GtkWidget  *widget,
                                               guint       n_first);
void       cm_menu_button_set_menu_model_lazily (GtkMenuButton *button,
                                                 GMenuModel    *model);

G_END_DECLS
