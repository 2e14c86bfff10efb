#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate every .ui file of the project with gtk4-builder-tool.

gtk4-builder-tool knows neither libadwaita's widgets nor the project's own,
so it runs with LD_PRELOAD of a small module (preload.c) that calls
adw_init () and registers the Cm types that the .ui file uses. The list of
types is read from each .ui file itself (class="Cm..." and parent="Cm..."),
so a new widget is picked up without editing this test.

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

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
import cmxvfb  # noqa: E402  (tests/cmxvfb.py)

CLASS_ATTR = re.compile(r'\b(?:class|parent)\s*=\s*"(Cm[A-Za-z0-9]+)"')
GRESOURCE_FILE = re.compile(r'<file\b[^>]*>([^<]+\.ui)</file>')
MANIFEST = 'commissioning.gresource.xml'


def get_type_function(type_name):
    """CmCycleWheel -> cm_cycle_wheel_get_type, the GObject convention."""
    words = re.findall(r'[A-Z]+(?![a-z])|[A-Z][a-z0-9]*', type_name)
    return '_'.join(word.lower() for word in words) + '_get_type'


def types_used(path):
    return sorted(set(CLASS_ATTR.findall(path.read_text(encoding='utf-8'))))


def validate(tool, ui_dir, ui_files, env):
    """Runs the tool on each file; prints TAP, returns the number of failures."""
    failed = 0
    for number, path in enumerate(ui_files, start=1):
        name = path.relative_to(ui_dir.parent)
        env['CM_UI_VALIDATE_TYPES'] = ' '.join(get_type_function(type_name)
                                               for type_name in types_used(path))
        result = subprocess.run([tool, 'validate', str(path)], env=env,
                                capture_output=True, text=True, timeout=60, check=False)
        output = (result.stdout + result.stderr).strip()
        # A warning while building a template (a missing resource, a bad
        # property in a binding, a callback failing) fails the file too.
        if result.returncode != 0 or re.search(r'WARNING|CRITICAL', output):
            failed += 1
            print(f'not ok {number} - {name}')
            for line in output.splitlines() or [f'exit status {result.returncode}']:
                print(f'# {line}')
        else:
            print(f'ok {number} - {name}')
    return failed


def check_manifest(ui_dir, ui_files):
    listed = set(GRESOURCE_FILE.findall((ui_dir / MANIFEST).read_text(encoding='utf-8')))
    missing = [str(path.relative_to(ui_dir)) for path in ui_files
               if str(path.relative_to(ui_dir)) not in listed]
    number = len(ui_files) + 1
    if missing:
        print(f'not ok {number} - every .ui file is in {MANIFEST}')
        print(f'# not listed: {", ".join(missing)}')
        return 1
    print(f'ok {number} - every .ui file is in {MANIFEST}')
    return 0


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    preload, schema_dir, ui_dir = (pathlib.Path(arg).resolve() for arg in sys.argv[1:])

    tool = shutil.which('gtk4-builder-tool')
    if tool is None:
        print('1..0 # SKIP gtk4-builder-tool is not installed')
        return 0

    ui_files = sorted(ui_dir.rglob('*.ui'))

    with cmxvfb.display() as display, \
         tempfile.TemporaryDirectory(prefix='cm-ui-validate-') as runtime_dir:
        if display is None:
            print('1..0 # SKIP no display, and no Xvfb to start one')
            return 0

        env = dict(os.environ)
        env.pop('WAYLAND_DISPLAY', None)
        env.pop('G_DEBUG', None)
        env.update({
            'DISPLAY': display,
            'LD_PRELOAD': ' '.join(filter(None, [str(preload), env.get('LD_PRELOAD')])),
            'GTK_A11Y': 'none',
            'NO_AT_BRIDGE': '1',
            'GSK_RENDERER': 'cairo',
            'GSETTINGS_BACKEND': 'memory',
            'GSETTINGS_SCHEMA_DIR': str(schema_dir),
            'XDG_RUNTIME_DIR': runtime_dir,
        })

        print(f'1..{len(ui_files) + 1}')
        failed = validate(tool, ui_dir, ui_files, env)
        failed += check_manifest(ui_dir, ui_files)
        return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
