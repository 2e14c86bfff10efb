# SPDX-License-Identifier: GPL-3.0-or-later
"""Drive Commissioning Cycle as a person would, through the accessibility bus.

Each end-to-end test starts the real application (built in this tree) in the
X server and D-Bus session that run-e2e.sh provides, finds widgets by role and
accessible name, clicks and types, and reads back what it shows.
"""

import os
import signal
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402
from gi.repository import Atspi  # noqa: E402

APP = os.environ.get("CM_APP", "")
SCHEMA_DIR = os.environ.get("CM_SCHEMA_DIR", "")

# run-e2e.sh hands us a descriptor of our own for the TAP stream, so that
# what the session's daemons print on stdout cannot mix with the results.
if os.environ.get("CM_TAP_FD"):
    sys.stdout = os.fdopen(int(os.environ.pop("CM_TAP_FD")), "w", buffering=1)


def log(*args):
    print("#", *args, flush=True)


class Failure(Exception):
    pass


def wait_for(predicate, timeout=15.0, what="condition"):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the tree changes under our feet
            last_error = error
        time.sleep(0.1)
    raise Failure(f"timed out waiting for {what}" + (f" ({last_error})" if last_error else ""))


class App:
    """The application under test, started fresh on a given database."""

    def __init__(self, database, extra_env=None, args=()):
        self.database = database
        env = dict(os.environ)
        env.update({
            "GTK_A11Y": "atspi",
            "GSK_RENDERER": "cairo",
            "GSETTINGS_BACKEND": "memory",
            "NO_AT_BRIDGE": "0",
        })
        if SCHEMA_DIR:
            env["GSETTINGS_SCHEMA_DIR"] = SCHEMA_DIR
        env.update(extra_env or {})
        self.log_path = database + ".log"
        self.log_file = open(self.log_path, "ab")
        for attempt in range(2):
            self.process = subprocess.Popen([APP, "--database", database, *args], env=env,
                                            stdout=self.log_file, stderr=subprocess.STDOUT)
            # An X server that is still settling can refuse the first connection.
            time.sleep(0.5)
            if self.process.poll() is None:
                break
            log("the application exited at once; starting it again")
        self.root = wait_for(self._find_app, 20, "the application on the accessibility bus")
        self.window = wait_for(lambda: self._find_window(), 20, "the main window")

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            try:
                if app is not None and app.get_process_id() == self.process.pid:
                    return app
            except Exception:
                continue
        return None

    def _find_window(self):
        for index in range(self.root.childCount):
            child = self.root.getChildAtIndex(index)
            if child is not None and child.getRoleName() in ("frame", "window"):
                return child
        return None

    # Finding things -----------------------------------------------------

    def find(self, role=None, name=None, root=None, timeout=10.0, showing=False):
        """The first descendant with this role and accessible name."""
        def match(accessible):
            if accessible is None:
                return False
            if role is not None and accessible.getRoleName() != role:
                return False
            if name is not None and accessible.name != name:
                return False
            if showing and not accessible.getState().contains(pyatspi.STATE_SHOWING):
                return False
            return True

        def search():
            return pyatspi.findDescendant(root or self.window, match)

        return wait_for(search, timeout, f"{role or 'anything'} named {name!r}")

    def find_all(self, role=None, name=None, root=None, showing=False):
        def match(accessible):
            if accessible is None:
                return False
            if role is not None and accessible.getRoleName() != role:
                return False
            if name is not None and accessible.name != name:
                return False
            if showing and not accessible.getState().contains(pyatspi.STATE_SHOWING):
                return False
            return True
        return pyatspi.findAllDescendants(root or self.window, match)

    # Doing things ---------------------------------------------------------

    def click(self, accessible):
        action = accessible.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        index = names.index("click") if "click" in names else 0
        action.doAction(index)
        time.sleep(0.2)

    def button(self, label, root=None, timeout=10.0):
        """A button by its visible label or its accessible name. GTK 4.8 names
        a button with a mnemonic "_Label Label", so look at its label too."""
        def match(accessible):
            if accessible is None or accessible.getRoleName() not in ("push button",
                                                                       "toggle button"):
                return False
            if accessible.name == label:
                return True
            for index in range(accessible.childCount):
                child = accessible.getChildAtIndex(index)
                if child is not None and child.getRoleName() == "label" and child.name == label:
                    return True
            return False

        return wait_for(lambda: pyatspi.findDescendant(root or self.window, match), timeout,
                        f"a button labelled {label!r}")

    def click_button(self, label, root=None):
        self.click(self.button(label, root))

    def set_text(self, accessible, text):
        accessible.queryEditableText().setTextContents(text)
        time.sleep(0.2)

    def text_of(self, accessible):
        text = accessible.queryText()
        return text.getText(0, text.characterCount)

    def key(self, keysym_name, modifiers=()):
        """Press and release a key, e.g. key("Right") or key("n", ["Control"]).

        Modifiers are latched for the one key, as a person holding them would."""
        mask = 0
        for modifier in modifiers:
            mask |= _MODIFIER_MASKS[modifier]
        if mask:
            pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
        pyatspi.Registry.generateKeyboardEvent(_keysym(keysym_name), None, pyatspi.KEY_SYM)
        if mask:
            pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)
        time.sleep(0.15)

    def type_text(self, text):
        """Type text into whatever has the keyboard focus."""
        pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
        time.sleep(0.2)

    def focus_window(self):
        """Without a window manager, X sends keys to the window under the pointer."""
        component = self.window.queryComponent()
        x, y, width, height = component.getExtents(pyatspi.DESKTOP_COORDS)
        pyatspi.Registry.generateMouseEvent(max(x, 0) + 5, max(y, 0) + 5, "abs")
        time.sleep(0.2)

    def screenshot(self, path):
        subprocess.run(["import", "-window", "root", path], check=False)

    # Stopping -------------------------------------------------------------

    def quit(self):
        """Quit as a person would (Ctrl+Q), and wait for the process to end."""
        self.focus_window()
        self.key("q", ["Control"])
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(5)
        self.log_file.close()

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(5)
        self.log_file.close()


_MODIFIER_MASKS = {"Shift": 1 << 0, "Control": 1 << 2, "Alt": 1 << 3}
_KEYSYMS = {}


def _keysym(name):
    if name not in _KEYSYMS:
        gi.require_version("Gdk", "4.0")
        from gi.repository import Gdk
        value = Gdk.keyval_from_name(name)
        if value == 0 or value == 0xFFFFFF:
            raise ValueError(f"unknown key {name}")
        _KEYSYMS[name] = value
    return _KEYSYMS[name]


class Tap:
    """Minimal TAP output, so meson shows each check."""

    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, description):
        self.count += 1
        if condition:
            print(f"ok {self.count} - {description}", flush=True)
        else:
            self.failed += 1
            print(f"not ok {self.count} - {description}", flush=True)
        return condition

    def done(self):
        print(f"1..{self.count}", flush=True)
        sys.exit(1 if self.failed else 0)
