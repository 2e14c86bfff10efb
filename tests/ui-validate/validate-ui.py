#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate every .ui file of the project with gtk4-builder-tool.

gtk4-builder-tool knows neither libadwaita's widgets nor the project's own,
so it runs with LD_PRELOAD of a small module (preload.c) that calls
adw_init () and registers the Cm types that the .ui files use. The list of
types is read from the .ui files themselves (class="Cm..." and
parent="Cm..."), so a new widget is picked up without editing this test.

It needs a display: without DISPLAY it starts an Xvfb of its own. Output is
TAP, one line per .ui file, plus one saying every .ui file is in the
GResource manifest (a file that is not there is never loaded by the app).

Usage: validate-ui.py PRELOAD-MODULE SCHEMA-DIR UI-DIR
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

CLASS_ATTR = re.compile(r'\b(?:class|parent)\s*=\s*"(Cm[A-Za-z0-9]+)"')
GRESOURCE_FILE = re.compile(r'<file\b[^>]*>([^<]+\.ui)</file>')


def get_type_function(type_name):
    """CmCycleWheel -> cm_cycle_wheel_get_type, the GObject convention."""
    words = re.findall(r'[A-Z]+(?![a-z])|[A-Z][a-z0-9]*', type_name)
    return '_'.join(word.lower() for word in words) + '_get_type'


def start_xvfb(workdir):
    """Starts an X server on a free display; returns (process, display)."""
    xvfb = shutil.which('Xvfb')
    if xvfb is None:
        return None, None
    display_file = workdir / 'display'
    with open(display_file, 'w', encoding='ascii') as out:
        process = subprocess.Popen(
            [xvfb, '-displayfd', str(out.fileno()), '-screen', '0', '1280x1024x24',
             '-nolisten', 'tcp'],
            pass_fds=(out.fileno(),), stderr=subprocess.DEVNULL)
    for _ in range(100):
        number = display_file.read_text(encoding='ascii').strip()
        if number and pathlib.Path(f'/tmp/.X11-unix/X{number}').exists():
            return process, f':{number}'
        time.sleep(0.1)
    process.kill()
    return None, None


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    preload, schema_dir, ui_dir = (pathlib.Path(arg).resolve() for arg in sys.argv[1:])

    tool = shutil.which('gtk4-builder-tool')
    if tool is None:
        print('1..0 # SKIP gtk4-builder-tool is not installed')
        return 0

    ui_files = sorted(ui_dir.rglob('*.ui'))
    type_names = sorted({name for path in ui_files
                         for name in CLASS_ATTR.findall(path.read_text(encoding='utf-8'))})

    xvfb = None
    workdir = pathlib.Path(tempfile.mkdtemp(prefix='cm-ui-validate-'))
    env = dict(os.environ)
    try:
        if not env.get('DISPLAY') and not env.get('WAYLAND_DISPLAY'):
            xvfb, display = start_xvfb(workdir)
            if xvfb is None:
                print('1..0 # SKIP no display, and no Xvfb to start one')
                return 0
            env['DISPLAY'] = display
            env.pop('WAYLAND_DISPLAY', None)

        env.update({
            'LD_PRELOAD': ' '.join(filter(None, [str(preload), env.get('LD_PRELOAD')])),
            'CM_UI_VALIDATE_TYPES': ' '.join(get_type_function(name) for name in type_names),
            'GTK_A11Y': 'none',
            'NO_AT_BRIDGE': '1',
            'GSK_RENDERER': 'cairo',
            'GSETTINGS_BACKEND': 'memory',
            'GSETTINGS_SCHEMA_DIR': str(schema_dir),
            'XDG_RUNTIME_DIR': str(workdir),
        })
        # A warning while building a template (a missing resource, a bad
        # property in a binding) fails the file like an error does.
        env.pop('G_DEBUG', None)

        print(f'1..{len(ui_files) + 1}')
        print(f'# types registered for the .ui files: {", ".join(type_names)}')
        failed = 0
        for number, path in enumerate(ui_files, start=1):
            name = path.relative_to(ui_dir.parent)
            result = subprocess.run([tool, 'validate', str(path)], env=env,
                                    capture_output=True, text=True, timeout=60, check=False)
            output = (result.stdout + result.stderr).strip()
            bad = result.returncode != 0 or re.search(r'WARNING|CRITICAL', output)
            if bad:
                failed += 1
                print(f'not ok {number} - {name}')
                for line in output.splitlines() or [f'exit status {result.returncode}']:
                    print(f'# {line}')
            else:
                print(f'ok {number} - {name}')

        manifest = ui_dir / 'commissioning.gresource.xml'
        listed = set(GRESOURCE_FILE.findall(manifest.read_text(encoding='utf-8')))
        missing = [str(path.relative_to(ui_dir)) for path in ui_files
                   if str(path.relative_to(ui_dir)) not in listed]
        number = len(ui_files) + 1
        if missing:
            failed += 1
            print(f'not ok {number} - every .ui file is in {manifest.name}')
            print(f'# not listed: {", ".join(missing)}')
        else:
            print(f'ok {number} - every .ui file is in {manifest.name}')
        return 1 if failed else 0
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
