# SPDX-License-Identifier: GPL-3.0-or-later
"""A commissioning officer starts a cycle and a service specification, names
it, types into its first section with the keyboard and quits at once; comes
back to find the words there; then publishes it and finds the version it
recorded."""

import os
import time

from cmtest import App, Tap, log

TYPED = " Typed through the keyboard, then straight to Ctrl+Q."


def open_specifications(app):
    app.click(app.find("page tab", "Specifications"))
    time.sleep(0.5)


def section_text(app):
    return app.text_of(app.find("text", "Section text"))


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

    open_specifications(app)
    app.click(app.button("New Specification"))
    time.sleep(1.0)

    # The new specification opens with the keyboard on its title.
    app.focus_window()
    app.key("a", ["Control"])
    app.type_text("IMHA and IMCA 2027")
    time.sleep(0.5)

    # Alt+2: the Sections page, with the keyboard in the first section's text.
    app.key("2", ["Alt"])
    time.sleep(0.5)
    app.key("End", ["Control"])
    app.type_text(TYPED)
    shown = section_text(app)
    tap.ok(shown.endswith(TYPED), f"the typed words show in the section ({shown[-60:]!r})")
    app.screenshot(os.path.join(shots, "specs-typed.png"))

    # Quit at once: the last words must not wait for the pause that saves them.
    app.key("q", ["Control"])
    try:
        app.process.wait(10)
    finally:
        app.log_file.close()
    tap.ok(app.process.returncode == 0, "the app quits cleanly with Ctrl+Q")

    app = App(database)
    time.sleep(1.0)
    open_specifications(app)
    title = app.find("label", "IMHA and IMCA 2027", timeout=5)
    tap.ok(title is not None, "the renamed specification is listed after a restart")
    app.click(app.find("page tab", "Sections"))
    time.sleep(0.5)
    shown = section_text(app)
    log("after restart:", shown[-80:])
    tap.ok(shown.endswith(TYPED), "the typed words are there after a restart")

    # Publish with the keyboard: Alt+1 puts it on the title, Tab on the status.
    app.focus_window()
    app.key("1", ["Alt"])
    time.sleep(0.3)
    app.key("Tab")
    app.key("space")
    time.sleep(0.5)
    for _ in range(3):          # Draft → Consultation → Approved → Published
        app.key("Down")
    app.key("Return")
    time.sleep(1.0)

    published = app.find("label", "Published · version 1", timeout=5)
    tap.ok(published is not None, "the list says the specification is published, version 1")

    app.click(app.find("page tab", "Versions"))
    time.sleep(0.5)
    version = app.find("list item", "Version 1 · Published", timeout=5)
    tap.ok(version is not None, "the version recorded on publishing is listed")

    # Reading it shows the words typed before the restart.
    app.click(app.button("Read", root=version))
    time.sleep(0.5)
    content = app.text_of(app.find("text", "Version"))
    tap.ok(TYPED.strip() in content, "the recorded version holds the typed words")
    app.screenshot(os.path.join(shots, "specs-version.png"))

    app.quit()
    tap.ok(app.process.returncode == 0, "the app quits cleanly again")
    tap.done()


main()
