# SPDX-License-Identifier: GPL-3.0-or-later
"""An X server of the test's own, for tests that are not run under xvfb-run."""

import contextlib
import os
import pathlib
import shutil
import subprocess
import tempfile
import time


@contextlib.contextmanager
def display():
    """Yields the DISPLAY to use: the one in the environment when there is
    one, else that of an Xvfb started here (and stopped on leaving), or None
    when there is neither."""
    if os.environ.get('DISPLAY'):
        yield os.environ['DISPLAY']
        return
    xvfb = shutil.which('Xvfb')
    if xvfb is None:
        yield None
        return

    with tempfile.TemporaryDirectory(prefix='cm-xvfb-') as workdir:
        display_file = pathlib.Path(workdir) / 'display'
        with open(display_file, 'w', encoding='ascii') as out:
            # -displayfd picks a free display without racing other tests.
            process = subprocess.Popen(
                [xvfb, '-displayfd', str(out.fileno()), '-screen', '0', '1280x1024x24',
                 '-nolisten', 'tcp'],
                pass_fds=(out.fileno(),), stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL)
        try:
            number = ''
            for _ in range(100):
                number = display_file.read_text(encoding='ascii').strip()
                if number and pathlib.Path(f'/tmp/.X11-unix/X{number}').exists():
                    break
                time.sleep(0.1)
            else:
                number = ''
            yield f':{number}' if number else None
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
