#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the template holds every source string and that every
translation is complete.

Extracts a fresh template from the files in po/POTFILES into a temporary
folder — with the keywords of meson's i18n.gettext (preset: 'glib') and the
ITS rules in po/its, as the "commissioning-pot" target does — and fails
when a message of it is missing from po/commissioning.pot (the template
translators work from), or missing from a language's .po file, untranslated
there, or only fuzzy. A string added to the sources but not yet in the
template or not yet translated therefore fails the check.

Usage: check-translations.py [SOURCE_ROOT [LANGUAGE...]]
       (default: every language in po/LINGUAS)
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

PACKAGE = 'commissioning'

# i18n.gettext (preset: 'glib'); xgettext's own C keywords (gettext,
# ngettext...) stay on as well.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
]

PROBLEM = re.compile(r'(this message is used but not defined|this message is untranslated'
                     r'|this message needs to be reviewed)')


def read_linguas(po_dir):
    languages = []
    for line in (po_dir / 'LINGUAS').read_text(encoding='utf-8').splitlines():
        if not line.strip().startswith('#'):
            languages += line.split()
    return languages


def make_template(source_root, out_dir):
    po_dir = source_root / 'po'
    template = out_dir / f'{PACKAGE}.pot'
    env = dict(os.environ, GETTEXTDATADIRS=str(po_dir))
    subprocess.run(['xgettext', f'--package-name={PACKAGE}', '-D', str(source_root),
                    '-f', str(po_dir / 'POTFILES'), '-o', str(template)] + XGETTEXT_ARGS,
                   env=env, check=True)
    return template


def describe_message(file_lines, line_number, problem):
    """Where a message comes from and its text, from the entry around the
    line that msgcmp points at (1-based): in the template for a missing
    message, in the .po file for an untranslated or fuzzy one."""
    first = line_number - 1
    while first > 0 and file_lines[first - 1].strip() != '':
        first -= 1
    last = line_number - 1
    while last + 1 < len(file_lines) and file_lines[last + 1].strip() != '':
        last += 1

    text, context, sources, field = '', '', '', None
    for line in file_lines[first:last + 1]:
        if line.startswith('#:') and not sources:
            sources = line[2:].split()[0]
        elif line.startswith('msgctxt '):
            field = 'msgctxt'
            context = line[len('msgctxt '):].strip('"')
        elif line.startswith('msgid '):
            field = 'msgid'
            text = line[len('msgid '):].strip('"')
        elif line.startswith('"') and field == 'msgid':
            text += line.strip('"')
        elif line.startswith('msg'):
            field = None

    if len(text) > 70:
        text = text[:67] + '...'
    kind = ('missing' if 'not defined' in problem
            else 'untranslated' if 'untranslated' in problem else 'fuzzy')
    context = f'[{context}] ' if context else ''
    return f'{kind}: {context}"{text}" ({sources})'


def compare(name, po_file, template, extra_args=()):
    """Prints the messages of the fresh template that po_file lacks;
    returns their number."""
    result = subprocess.run(['msgcmp', *extra_args, str(po_file), str(template)],
                            capture_output=True, text=True, check=False)
    file_lines = {}
    problems = []
    lines = result.stderr.splitlines()
    for line in lines:
        match = PROBLEM.search(line)
        place = re.match(r'(.*):(\d+): ', line)
        if match and place:
            path = place.group(1)
            if path not in file_lines:
                file_lines[path] = pathlib.Path(path).read_text(encoding='utf-8').splitlines()
            problems.append(describe_message(file_lines[path], int(place.group(2)),
                                             match.group(1)))
    if result.returncode != 0 and not problems:
        problems = lines or [f'msgcmp failed with exit status {result.returncode}']

    if problems:
        print(f'{name}: {len(problems)} message(s) of the sources missing, untranslated '
              'or fuzzy:')
        for problem in problems:
            print(f'  {problem}')
    else:
        print(f'{name}: complete')
    return len(problems)


def check_template(source_root, template):
    """The committed template must hold every message of the sources (its
    messages are untranslated by nature: --use-untranslated)."""
    pot_file = source_root / 'po' / f'{PACKAGE}.pot'
    if not pot_file.is_file():
        print(f'po/{PACKAGE}.pot does not exist')
        return 1
    return compare(f'po/{PACKAGE}.pot', pot_file, template, ['--use-untranslated'])


def check_language(source_root, template, language):
    """Prints what is missing for one language; returns the number of problems."""
    po_file = source_root / 'po' / f'{language}.po'
    if not po_file.is_file():
        print(f'{language}: po/{language}.po does not exist')
        return 1

    # msgcmp counts untranslated and fuzzy messages as missing unless told
    # otherwise, which is what "complete" means here.
    return compare(f'po/{language}.po', po_file, template)


def main():
    source_root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').resolve()
    for tool in ('xgettext', 'msgcmp'):
        if shutil.which(tool) is None:
            print(f'{tool} is not installed (it comes with gettext)')
            return 77
    languages = sys.argv[2:] or read_linguas(source_root / 'po')

    with tempfile.TemporaryDirectory(prefix='cm-translations-') as out_dir:
        template = make_template(source_root, pathlib.Path(out_dir))
        problems = check_template(source_root, template)
        problems += sum(check_language(source_root, template, language)
                        for language in languages)

    if problems:
        print('Run "ninja -C BUILD commissioning-pot commissioning-update-po" to bring the '
              'template and the .po files up to date, then translate what is new or fuzzy.')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
