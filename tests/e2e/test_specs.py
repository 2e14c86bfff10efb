# SPDX-License-Identifier: GPL-3.0-or-later
"""A commissioning officer starts a cycle and a service specification, names
it, types into its first section with the keyboard and quits at once; comes
back to find the words there; then publishes it and finds the version it
recorded, holding those words."""

import os
import time

import pyatspi

from cmtest import App, Tap, log, wait_for

TITLE = "IMHA and IMCA 2027"
TYPED = " Typed through the keyboard, then straight to Ctrl+Q."


def specs_page(app):
    """The Specifications page, after choosing it in the view switcher."""
    app.click(app.find("page tab", "Specifications"))
    return app.find("filler", "CmSpecsPage")


def click_with_mouse(accessible):
    """Click in the middle of a widget, as a person with a mouse would."""
    x, y, width, height = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(x + width // 2, y + height // 2, "abs")
    time.sleep(0.2)
    pyatspi.Registry.generateMouseEvent(x + width // 2, y + height // 2, "b1c")
    time.sleep(0.8)


def main():
    tap = Tap()
    workdir = os.environ["CM_WORKDIR"]
    shots = os.environ.get("CM_SHOTS", workdir)
    database = os.path.join(workdir, "specs.db")

    app = App(database)
    app.focus_window()
    app.key("n", ["Control"])
    app.type_text("Advocacy 2027 to 2030")
    time.sleep(0.5)

    page = specs_page(app)
    app.click(app.button("New Specification", root=page))

    # The new specification opens with the keyboard on its title.
    title = app.find("text", "Title", root=page)
    wait_for(lambda: app.text_of(title) == "New specification", 10, "the new specification")
    app.focus_window()
    app.key("a", ["Control"])
    app.type_text(TITLE)
    wait_for(lambda: app.text_of(title) == TITLE, 10, "the title typed")

    # Ctrl+2: the Sections page, with the keyboard in the first section's text.
    app.key("2", ["Control"])
    text = app.find("text", "Section text", root=page)
    app.key("End", ["Control"])
    app.type_text(TYPED)
    shown = wait_for(lambda: app.text_of(text).endswith(TYPED) and app.text_of(text), 10,
                     "the typed words in the section")
    tap.ok(shown.endswith(TYPED), f"the typed words show in the section ({shown[-40:]!r})")
    app.screenshot(os.path.join(shots, "specs-typed.png"))

    # Quit at once: the last words must not wait for the pause that saves them.
    app.key("q", ["Control"])
    try:
        app.process.wait(15)
    finally:
        app.log_file.close()
    tap.ok(app.process.returncode == 0, "the app quits cleanly with Ctrl+Q")

    app = App(database)
    page = specs_page(app)
    tap.ok(app.find("label", TITLE, root=page) is not None,
           "the renamed specification is listed after a restart")
    app.click(app.find("page tab", "Sections", root=page))
    text = app.find("text", "Section text", root=page)
    shown = app.text_of(text)
    log("after restart:", shown[-60:])
    tap.ok(shown.endswith(TYPED), "the typed words are there after a restart")

    # Publish: open the status list with the mouse, choose with the keyboard.
    app.click(app.find("page tab", "Details", root=page))
    click_with_mouse(app.find("combo box", "Status", root=page))
    for _ in range(3):          # Draft → Consultation → Approved → Published
        app.key("Down")
    app.key("Return")

    published = app.find("label", "Published · version 1", root=page, timeout=10)
    tap.ok(published is not None, "the list says the specification is published, version 1")

    app.click(app.find("page tab", "Versions", root=page))
    version = app.find("list item", "Version 1 · Published", root=page, timeout=10)
    tap.ok(version is not None, "the version recorded on publishing is listed")

    # Reading it shows the words typed before the restart.
    app.click(app.button("Read", root=version))
    content = wait_for(lambda: app.text_of(app.find("text", "Version", root=page, timeout=2)),
                       20, "the version's text")
    tap.ok(TYPED.strip() in content, "the recorded version holds the typed words")
    app.screenshot(os.path.join(shots, "specs-version.png"))

    app.quit()
    tap.ok(app.process.returncode == 0, "the app quits cleanly again")
    tap.done()


main()
