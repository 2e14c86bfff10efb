/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cm-gui-util"

#include "config.h"

#include "cm-gui-util.h"

/* Gives a button a label that may shorten, so that a row of buttons still
 * fits a 360-pixel-wide phone; the button keeps the whole text as its
 * accessible name. */
void
cm_set_button_text (GtkButton  *button,
                    const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_button_set_child (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}
