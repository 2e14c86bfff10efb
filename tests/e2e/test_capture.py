# SPDX-License-Identifier: GPL-3.0-or-later
"""A workshop lead plans a workshop, starts capturing, and types what people
say: Enter saves, Shift+Enter breaks a line, "@name" says who spoke, "#theme"
tags, Ctrl+2 sets the stage. Each contribution shows in the feed as soon as
Enter is pressed, is in the database, and is still there after a restart."""

import os
import sqlite3
import time

import pyatspi

from cmtest import App, Tap, log, wait_for

SAID = [
    # (typed, text saved, speaker name or None, themes, stage)
    ("@gwen I was never told I could have an advocate #access #letters",
     "I was never told I could have an advocate", "Gwen", "access\nletters", -1),
    ("And nobody explained what one was",
     "And nobody explained what one was", "Gwen", "", -1),
]




def button(app, label, root):
    """A button by what it says. GTK 4.8 names a button with its own
    accessible label and its content's label both ("Start Capture Start
    Capture"), so the label may stand at either end of the name."""
    def match(accessible):
        if accessible is None or accessible.getRoleName() not in ("push button",
                                                                   "toggle button"):
            return False
        name = accessible.name or ""
        if name == label or name.startswith(label + " ") or name.endswith(" " + label):
            return True
        return any(accessible.getChildAtIndex(i) is not None and
                   accessible.getChildAtIndex(i).name == label
                   for i in range(accessible.childCount))

    return wait_for(lambda: pyatspi.findDescendant(root, match), 10, f"a button {label!r}")

def workshops_page(app):
    """The Workshops page, after choosing it in the view switcher. Searched
    breadth first: the pages before it hold a great many widgets."""
    app.click(app.find("page tab", "Workshops"))

    def match(accessible):
        return (accessible is not None and accessible.getRoleName() == "filler" and
                accessible.name == "CmWorkshopsPage")

    return wait_for(lambda: pyatspi.findDescendant(app.window, match, True), 20,
                    "the Workshops page")

def shots():
    return os.environ.get("CM_SHOTS", os.environ["CM_WORKDIR"])


def open_capture(app):
    """From the window to the capture box of the cycle's live workshop."""
    page = workshops_page(app)
    app.click(button(app, "Start Capture", page))
    entry = app.find("text", "New contribution", root=page, timeout=10)
    app.focus_window()
    return page, entry


def feed_shows(app, page, text, timeout=5.0):
    try:
        feed = app.find("list", "Contributions", root=page, timeout=timeout)
        app.find("label", text, root=feed, timeout=timeout)
        return True
    except Exception:
        return False


def rows(database):
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return db.execute(
            "SELECT c.text, p.name, c.themes, c.stage, c.kind FROM contribution c "
            "LEFT JOIN participant p ON p.id = c.participant_id "
            "WHERE c.trashed = 0 ORDER BY c.id").fetchall()
    finally:
        db.close()


def main():
    tap = Tap()
    database = os.path.join(os.environ["CM_WORKDIR"], "capture.db")

    app = App(database)
    app.focus_window()
    app.key("n", ["Control"])
    app.type_text("Advocacy 2027 to 2030")
    time.sleep(0.5)

    page = workshops_page(app)
    app.click(button(app, "New Workshop", page))
    time.sleep(0.5)
    app.click(button(app, "Start Capture", page))
    entry = app.find("text", "New contribution", root=page, timeout=10)
    tap.ok(entry is not None, "the capture box is there, named “New contribution”")
    app.focus_window()

    # Gwen is not on the list yet: "@gwen" adds her as she speaks. Her
    # second point is a concern: Ctrl+Shift+3.
    for index, (typed, text, _, _, _) in enumerate(SAID):
        if index == 1:
            app.key("3", ["Control", "Shift"])
        app.type_text(typed)
        app.key("Return")
        tap.ok(feed_shows(app, page, text), f"“{text}” shows in the feed after Enter")
        tap.ok(app.text_of(entry) == "", "the box is empty again, ready for the next words")

    # Ctrl+P chooses the speaker by typing: "the room" this time. Shift+Enter
    # is a line break within one contribution; Ctrl+2 is "Plan".
    app.key("p", ["Control"])
    app.type_text("room")
    app.key("Return")
    app.key("2", ["Control"])
    app.type_text("First line")
    app.key("Return", ["Shift"])
    app.type_text("second line #plans")
    app.key("Return")
    tap.ok(feed_shows(app, page, "First line\nsecond line"),
           "Shift+Enter made one contribution of two lines")

    saved = rows(database)
    log("saved:", saved)
    tap.ok(len(saved) == 3, f"three contributions are in the database ({len(saved)})")
    if len(saved) == 3:
        tap.ok(saved[0][0] == SAID[0][1] and saved[0][1] == "Gwen" and saved[0][2] == SAID[0][3],
               "the first is Gwen's, without the @name, with its themes")
        tap.ok(saved[1][1] == "Gwen", "the speaker stayed selected for the next contribution")
        tap.ok(saved[0][4] == 0 and saved[1][4] == 2,
               f"Ctrl+Shift+3 made the second a concern, the first stayed a comment "
               f"({saved[0][4]}, {saved[1][4]})")
        tap.ok(saved[2][0] == "First line\nsecond line" and saved[2][3] == 1 and
               saved[2][2] == "plans" and saved[2][1] is None,
               "the room spoke; the line break, the stage (Plan) and the theme were kept")

    app.screenshot(os.path.join(shots(), "capture.png"))
    app.quit()
    tap.ok(app.process.returncode == 0, "the app quits cleanly with Ctrl+Q")

    # Back again: the live workshop opens, and what was said is in its feed.
    app = App(database)
    page, entry = open_capture(app)
    tap.ok(feed_shows(app, page, SAID[1][1], timeout=10),
           "after a restart the feed shows what was said")
    app.quit()

    tap.done()


main()
