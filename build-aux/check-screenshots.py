#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the screenshots that the AppStream metainfo points at.

Each <image> of the metainfo must be a https address ending in
data/screenshots/NAME.png, that file must be in the source tree, be a PNG of
the width and height the metainfo gives, and stay small enough for software
centres to fetch quickly (under 300 KB). Every screenshot has a caption.

Usage: check-screenshots.py SOURCE_ROOT METAINFO
"""

import pathlib
import struct
import sys
import xml.etree.ElementTree as ElementTree

MAX_BYTES = 300 * 1024
PNG_SIGNATURE = b'\x89PNG\r\n\x1a\n'
URL_FOLDER = '/raw/main/data/screenshots/'


def png_size(path):
    """Width and height from the PNG header, or None when it is not a PNG."""
    with open(path, 'rb') as png:
        header = png.read(24)
    if len(header) < 24 or header[:8] != PNG_SIGNATURE or header[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', header[16:24])


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    root = pathlib.Path(argv[0])
    metainfo = ElementTree.parse(argv[1]).getroot()

    problems = []
    screenshots = metainfo.findall('screenshots/screenshot')
    if len(screenshots) < 2:
        problems.append(f'the metainfo has {len(screenshots)} screenshot(s); give at least two')

    for number, screenshot in enumerate(screenshots, 1):
        if screenshot.find('caption') is None or not screenshot.findtext('caption').strip():
            problems.append(f'screenshot {number} has no caption')
        for image in screenshot.findall('image'):
            url = (image.text or '').strip()
            if not url.startswith('https://') or URL_FOLDER not in url:
                problems.append(f'screenshot {number}: {url!r} is not a https address of a '
                                f'file in data/screenshots')
                continue
            path = root / 'data' / 'screenshots' / url.rsplit('/', 1)[1]
            if not path.is_file():
                problems.append(f'screenshot {number}: {path.relative_to(root)} does not exist')
                continue
            size = png_size(path)
            if size is None:
                problems.append(f'{path.relative_to(root)} is not a PNG')
                continue
            expected = (int(image.get('width', 0)), int(image.get('height', 0)))
            if size != expected:
                problems.append(f'{path.relative_to(root)} is {size[0]}×{size[1]}, the metainfo '
                                f'says {expected[0]}×{expected[1]}')
            if path.stat().st_size > MAX_BYTES:
                problems.append(f'{path.relative_to(root)} is {path.stat().st_size // 1024} KB; '
                                f'keep it under {MAX_BYTES // 1024} KB')
            else:
                print(f'{path.relative_to(root)}: {size[0]}×{size[1]}, '
                      f'{path.stat().st_size // 1024} KB')

    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
