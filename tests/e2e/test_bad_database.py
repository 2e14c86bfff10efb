# SPDX-License-Identifier: GPL-3.0-or-later
"""Someone opens a file that is not a database: the app says so plainly, in
the window, keeps running, and leaves the file exactly as it was."""

import hashlib
import os
import time

import pyatspi

from cmtest import App, Tap


def digest(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def labels(root):
    return [acc.name for acc in pyatspi.findAllDescendants(
        root, lambda acc: acc is not None and acc.getRoleName() == "label")]


def main():
    tap = Tap()
    workdir = os.environ["CM_WORKDIR"]

    notes = os.path.join(workdir, "minutes.db")
    with open(notes, "w", encoding="utf-8") as file:
        file.write("Minutes of the advocacy provider forum, 3 March\n" * 50)
    before = digest(notes)

    app = App(notes)
    time.sleep(1.5)
    shown = labels(app.window)
    tap.ok("The Database Could Not Be Opened" in shown, "the window says the database could not be opened")
    tap.ok(any("is not a Commissioning Cycle database" in text for text in shown),
           "and why, in words a person can act on")
    tap.ok(app.process.poll() is None, "the app keeps running")
    app.quit()
    tap.ok(digest(notes) == before, "the file is unchanged")
    tap.ok(not os.path.exists(notes + "-wal"), "nothing was written beside it")

    empty = os.path.join(workdir, "empty.db")
    open(empty, "wb").close()
    app = App(empty)
    time.sleep(1.5)
    shown = labels(app.window)
    tap.ok(any("is empty" in text for text in shown), "an empty file is recognised as such")
    app.quit()
    tap.ok(os.path.getsize(empty) == 0, "the empty file stays empty")

    tap.done()


main()
