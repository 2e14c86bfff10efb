#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keep po/POTFILES in step with the sources.

Fails when POTFILES names a file that does not exist, or when a source file
with translatable strings is missing from it (its strings would silently
never reach translators). With --update, rewrites POTFILES instead.

Usage: check-potfiles.py [--update] [SOURCE_ROOT]
"""

import pathlib
import re
import sys

# Files that are always listed: their strings are found by xgettext through
# their format (desktop entry, ITS rules), not by a keyword in the text.
DATA_FILES = [
    'data/io.github.commissioning.Commissioning.desktop.in',
    'data/io.github.commissioning.Commissioning.metainfo.xml.in',
    'data/io.github.commissioning.Commissioning.gschema.xml',
    'data/cycle-template.xml',
]

# The keywords of i18n.gettext (preset: 'glib'), in any spacing style.
C_KEYWORDS = re.compile(
    r'(?<![\w.])(?:_|N_|C_|NC_|ngettext|g_dcgettext|g_dngettext|g_dpgettext2)\s*\(\s*"')
UI_TRANSLATABLE = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')


def translatable_sources(root):
    found = set()
    for path in (root / 'src').rglob('*'):
        if path.suffix in ('.c', '.h') and C_KEYWORDS.search(path.read_text(encoding='utf-8')):
            found.add(path.relative_to(root).as_posix())
    for path in (root / 'ui').rglob('*.ui'):
        if UI_TRANSLATABLE.search(path.read_text(encoding='utf-8')):
            found.add(path.relative_to(root).as_posix())
    return found


def read_potfiles(potfiles):
    listed = []
    for line in potfiles.read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)
    return listed


def main(argv):
    update = '--update' in argv
    args = [a for a in argv if a != '--update']
    root = pathlib.Path(args[0] if args else pathlib.Path(__file__).parent.parent).resolve()
    potfiles = root / 'po' / 'POTFILES'

    wanted = translatable_sources(root)

    if update:
        header = [line for line in potfiles.read_text(encoding='utf-8').splitlines()
                  if line.startswith('#')] if potfiles.exists() else []
        body = sorted(wanted) + DATA_FILES
        potfiles.write_text('\n'.join(header + body) + '\n', encoding='utf-8')
        print(f'po/POTFILES: {len(body)} files')
        return 0

    listed = read_potfiles(potfiles)
    problems = []
    for name in listed:
        if not (root / name).is_file():
            problems.append(f'po/POTFILES lists {name}, which does not exist')
    for name in sorted(wanted - set(listed)):
        problems.append(f'{name} has translatable strings but is not in po/POTFILES')
    for name in DATA_FILES:
        if name not in listed:
            problems.append(f'po/POTFILES must list {name}')
    duplicates = sorted({name for name in listed if listed.count(name) > 1})
    for name in duplicates:
        problems.append(f'po/POTFILES lists {name} more than once')

    for problem in problems:
        print(problem)
    if problems:
        print('Fix it with: build-aux/check-potfiles.py --update')
        return 1
    print(f'po/POTFILES: all {len(listed)} files present, no translatable source missing')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
