# SPDX-License-Identifier: GPL-3.0-or-later
"""A commissioning officer creates a cycle, moves round the wheel with the
keyboard, marks an activity done, quits, comes back, and finds it done, both
in what the wheel says and in the colour it paints."""

import os
import subprocess
import time

from cmtest import App, Tap, log

PROBE = os.environ.get("CM_WHEEL_PROBE", "")
ACTIVITY = "Population needs assessment"


def wheel_says(app):
    """Put the keyboard on the wheel, go to the second commissioning activity
    of Analyse, and return what a screen reader would announce."""
    app.focus_window()
    app.key("F6")
    app.key("Home")
    app.key("Right")
    wheel = app.find(name="Commissioning cycle wheel")
    time.sleep(0.3)
    return wheel, wheel.description


def read_png_pixel(path, x, y):
    """The RGB of one pixel of a PNG written by ImageMagick's import."""
    out = subprocess.run(["convert", path, "-crop", f"1x1+{x}+{y}", "-depth", "8", "txt:-"],
                         capture_output=True, text=True, check=True).stdout
    # "# ImageMagick pixel enumeration...\n0,0: (r,g,b)  #RRGGBB  srgb(...)"
    hex_colour = out.split("#")[2].split()[0]
    return tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))


def main():
    tap = Tap()
    database = os.path.join(os.environ["CM_WORKDIR"], "wheel.db")

    app = App(database)
    app.focus_window()
    app.key("n", ["Control"])
    app.type_text("Advocacy 2027 to 2030")
    time.sleep(0.5)

    wheel, said = wheel_says(app)
    tap.ok(said == f"Analyse, commissioning: {ACTIVITY} — not started",
           f"the wheel announces the segment reached with the keyboard ({said!r})")

    # Enter opens the activity with the keyboard on its current status;
    # two steps right is "Done".
    app.key("Return")
    time.sleep(0.5)
    app.key("Right")
    app.key("Right")
    app.key("space")
    time.sleep(0.5)

    wheel, said = wheel_says(app)
    tap.ok(said.endswith("— done"), f"the wheel shows the activity done ({said!r})")
    app.screenshot(os.path.join(os.environ.get("CM_SHOTS", os.environ["CM_WORKDIR"]),
                                "wheel-before-quit.png"))
    app.quit()
    tap.ok(app.process.returncode == 0, "the app quits cleanly with Ctrl+Q")

    app = App(database)
    time.sleep(1.0)
    cycle = app.find("label", "Advocacy 2027 to 2030", timeout=5)
    tap.ok(cycle is not None, "the renamed cycle is there after a restart")
    wheel, said = wheel_says(app)
    tap.ok(said == f"Analyse, commissioning: {ACTIVITY} — done",
           f"the activity is still done after a restart ({said!r})")

    # Now the pixels: where the wheel paints that segment's fill, the screen
    # shows the colour of "done".
    app.key("Tab")  # move the keyboard off the wheel so no focus ring covers it
    time.sleep(0.5)
    shot = os.path.join(os.environ.get("CM_SHOTS", os.environ["CM_WORKDIR"]), "wheel-after.png")
    app.screenshot(shot)
    x, y, width, height = wheel.queryComponent().getExtents(1)  # window coordinates
    frame_x, frame_y, _, _ = app.window.queryComponent().getExtents(1)
    probe = subprocess.run([PROBE, database, "1", ACTIVITY, str(width), str(height)],
                           capture_output=True, text=True)
    log("probe:", probe.stdout.strip().replace("\n", "; "), probe.stderr.strip())
    point, fills = None, {}
    for line in probe.stdout.splitlines():
        words = line.split()
        if words[0] == "point":
            point = (float(words[1]), float(words[2]))
        elif words[0] == "fill":
            fills[int(words[1])] = tuple(int(v) for v in words[2:5])
    if tap.ok(probe.returncode == 0 and point is not None, "the probe finds the segment"):
        px, py = point
        done, not_started = fills[2], fills[0]
        screen_x, screen_y = int(x + px), int(y + py)
        pixel = read_png_pixel(shot, screen_x, screen_y)
        log(f"wheel at {x},{y} {width}x{height}; fill point {px:.0f},{py:.0f}; "
            f"pixel {pixel}; done {done}; not started {not_started}")
        close = all(abs(a - b) <= 12 for a, b in zip(pixel, done))
        tap.ok(close, "the segment is painted in the done style")

    app.quit()
    tap.done()


main()
