/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cm-store.h"

G_BEGIN_DECLS

/* A popover to pick a person by typing part of their name: those attending
 * the workshop first, then everyone else, and, when nobody fits, an offer
 * to add the name typed as a new person. Emits "chosen" with the person
 * (NULL for "the room", when offered) or "create" with the typed name. */

#define CM_TYPE_PERSON_CHOOSER (cm_person_chooser_get_type ())
G_DECLARE_FINAL_TYPE (CmPersonChooser, cm_person_chooser, CM, PERSON_CHOOSER, GtkPopover)

CmPersonChooser *cm_person_chooser_new            (void);
void             cm_person_chooser_set_workshop   (CmPersonChooser *self,
                                                   CmStore         *store,
                                                   gint64           workshop_id);
void             cm_person_chooser_set_offer_room (CmPersonChooser *self,
                                                   gboolean         offer_room);

G_END_DECLS
