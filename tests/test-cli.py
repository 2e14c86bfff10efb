#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line follows GApplication's conventions.

--help lists the options and --version prints the version, both without a
display or a session bus and with exit status 0; a mistaken command line
is refused with a message and a non-zero status. Output is TAP.

Usage: test-cli.py COMMISSIONING VERSION
"""

import os
import subprocess
import sys
import tempfile


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, description, details=''):
        self.count += 1
        if condition:
            print(f'ok {self.count} - {description}')
        else:
            self.failed += 1
            print(f'not ok {self.count} - {description}')
            for line in str(details).strip().splitlines():
                print(f'# {line}')

    def done(self):
        print(f'1..{self.count}')
        return 1 if self.failed else 0


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    program, version = sys.argv[1:]
    tap = Tap()

    with tempfile.TemporaryDirectory(prefix='cm-cli-') as home:
        # No display and no session bus: neither is needed to answer these.
        env = {key: value for key, value in os.environ.items()
               if key not in ('DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS')}
        env.update({'HOME': home, 'XDG_DATA_HOME': os.path.join(home, 'data'),
                    'XDG_RUNTIME_DIR': home, 'LANGUAGE': '', 'LC_ALL': 'C.UTF-8',
                    'DBUS_SESSION_BUS_ADDRESS': 'disabled:'})

        def run(*args):
            result = subprocess.run([program, *args], env=env, capture_output=True, text=True,
                                    timeout=60, check=False)
            details = (f'$ commissioning {" ".join(args)}\nexit status {result.returncode}\n'
                       f'stdout:\n{result.stdout}\nstderr:\n{result.stderr}')
            return result, details

        result, details = run('--help')
        tap.ok(result.returncode == 0, '--help exits with status 0', details)
        tap.ok(result.stdout.startswith('Usage:') and 'commissioning' in result.stdout,
               '--help starts with the usage line', details)
        for option in ('--help', '--version', '--database'):
            tap.ok(option in result.stdout, f'--help lists {option}', details)
        tap.ok('[DATABASE]' in result.stdout, '--help says a database may be given', details)
        tap.ok(result.stderr == '', '--help writes nothing to stderr', details)

        result, details = run('--help-all')
        tap.ok(result.returncode == 0 and '--gapplication-service' in result.stdout,
               '--help-all lists the GApplication options too', details)

        result, details = run('--version')
        tap.ok(result.returncode == 0, '--version exits with status 0', details)
        tap.ok(result.stdout.strip() == f'Commissioning Cycle {version}',
               f'--version prints "Commissioning Cycle {version}"', details)
        tap.ok(not os.path.exists(os.path.join(home, 'data', 'commissioning')),
               '--version creates no database', details)

        result, details = run('--no-such-option')
        tap.ok(result.returncode != 0 and '--no-such-option' in result.stderr,
               'an unknown option is refused, naming it', details)

        result, details = run('one.db', 'two.db')
        tap.ok(result.returncode != 0 and result.stderr.strip() != '',
               'two databases at once are refused with a message', details)

    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
