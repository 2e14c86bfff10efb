# SPDX-License-Identifier: GPL-3.0-or-later
"""A manager opens a cycle's Summary page, sees the pages, switches a section
off and on, opens the print dialog and closes it, then exports the PDF
through the file chooser and finds the file written, all through the
keyboard and the accessibility bus."""

import os
import re
import shutil
import subprocess
import time

import pyatspi

from cmtest import App, Tap, log, wait_for

TITLE = "Summary test cycle"


def page_count(app, summary):
    """How many pages the preview says it has, from the accessible names of
    its pages ("Page 1 of 7"); 0 while the tree is changing under us."""
    try:
        pages = app.find_all(role="image", root=summary) or []
        names = [page.name for page in pages if page.name and page.name.startswith("Page ")]
    except Exception:
        return 0
    counts = {int(m.group(1)) for m in (re.match(r"Page \d+ of (\d+)", n) for n in names) if m}
    return counts.pop() if len(counts) == 1 else 0


def set_switch(app, summary, name, on):
    """Turns a section's switch on or off. GTK 4.8 shows a switch as a check
    box and names it twice ("Activities Activities"); a click sent while the
    app is busy can be lost, so look at its state and try again."""
    def find():
        return pyatspi.findDescendant(
            summary, lambda a: a is not None and a.getRoleName() == "check box"
            and a.name.startswith(name))

    for attempt in range(3):
        switch = wait_for(find, 30, f"the {name} switch")
        if switch.getState().contains(pyatspi.STATE_CHECKED) == on:
            return True
        app.click(switch)
        time.sleep(1.0)
    return find().getState().contains(pyatspi.STATE_CHECKED) == on


def main():
    tap = Tap()
    workdir = os.environ["CM_WORKDIR"]
    database = os.path.join(workdir, "summary.db")
    pdf = os.path.join(workdir, "board-summary.pdf")

    app = App(database, extra_env={"XDG_CONFIG_HOME": os.path.join(workdir, "config")})
    app.focus_window()
    app.key("n", ["Control"])
    app.type_text(TITLE)
    time.sleep(0.5)

    # Alt+4 goes to the Summary page. Keys sent while the new cycle is still
    # settling can be lost, so ask again if the page does not come.
    count, summary = 0, None
    for attempt in range(3):
        app.focus_window()
        app.key("4", ["Alt"])
        try:
            summary = app.find(name="Cycle summary", timeout=15)
            count = wait_for(lambda: page_count(app, summary) or None, 15,
                             "the pages of the preview")
            break
        except Exception:
            log("no preview yet; pressing Alt+4 again")
    app.screenshot(os.path.join(os.environ.get("CM_SHOTS", workdir), "summary-page.png"))
    tap.ok(count >= 2, f"the Summary page shows a preview of {count} pages")

    # Switching the activities off gives a shorter summary, and on again
    # the whole one.
    tap.ok(set_switch(app, summary, "Activities", False), "the Activities switch turns off")
    shorter = wait_for(lambda: page_count(app, summary)
                       if page_count(app, summary) not in (0, count) else None,
                       30, "the preview to change")
    tap.ok(shorter < count, f"switching the activities off leaves {shorter} pages")
    set_switch(app, summary, "Activities", True)
    wait_for(lambda: page_count(app, summary) == count or None, 30, "the preview to come back")

    # Print… opens GTK's print dialog (with its Page Setup tab); Escape
    # closes it again.
    app.click(app.find(name="Print…", role="push button", root=summary, timeout=30))
    dialog = wait_for(lambda: next((w for w in (app.root.getChildAtIndex(i)
                                                for i in range(app.root.childCount))
                                    if w is not None and w.name == "Print"), None),
                      10, "the print dialog")
    tap.ok(dialog is not None, "Print… opens the print dialog")
    app.screenshot(os.path.join(os.environ.get("CM_SHOTS", workdir), "summary-print.png"))
    app.key("Escape")
    wait_for(lambda: all(app.root.getChildAtIndex(i) is None
                         or app.root.getChildAtIndex(i).name != "Print"
                         for i in range(app.root.childCount)) or None, 10,
             "the print dialog to close")

    # Export PDF… through the file chooser, typing the path.
    app.click(app.find(name="Export PDF…", role="push button", root=summary, timeout=30))
    time.sleep(1.0)
    app.key("a", ["Control"])
    app.type_text(pdf)
    app.key("Return")
    written = wait_for(lambda: os.path.exists(pdf) or None, 30, "the exported PDF")
    tap.ok(written, "Export PDF… writes the chosen file")

    if shutil.which("pdftotext") and written:
        # A new file shows up as soon as it is created; read it once whole.
        def exported_text():
            result = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True)
            return result.stdout if result.returncode == 0 and "Page 1 of" in result.stdout \
                else None
        try:
            text = wait_for(exported_text, 30, "the whole PDF")
        except Exception:
            text = ""
        log("exported text starts:", text[:120].replace("\n", " | "))
        # The title was typed by the test, so look for what the app wrote.
        tap.ok("COMMISSIONING CYCLE SUMMARY" in text and "Page 1 of" in text,
               "the exported PDF holds the cycle's summary")

    app.quit()
    tap.ok(app.process.returncode == 0, "the app quits cleanly")
    tap.done()


main()
