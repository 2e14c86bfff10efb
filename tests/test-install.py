#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A clean install into a prefix gives an application that starts.

The source tree is set up afresh with --prefix pointing into a temporary
folder, built (only what is installed) and installed there, so that every
path compiled into the program is the prefix's — which `meson install
--destdir` of this build would not prove. Then:

 - the installed tree has everything a desktop needs: the executable, the
   desktop file, the metainfo, the GSettings schema (compiled), the scalable
   and symbolic icons, the D-Bus service, the user guide (Mallard and HTML)
   and a message catalogue for every language in po/LINGUAS;
 - the app is started the way a desktop starts it: the desktop file's Exec
   line, with PATH, XDG_DATA_DIRS and GSETTINGS_SCHEMA_DIR pointing into the
   prefix; and, because the desktop file says DBusActivatable=true, by
   D-Bus activation through `gio launch`, on a session bus that knows only
   the prefix's services. Each time the app runs with CM_DEBUG_FIRST_FRAME=1,
   which makes it print "first-frame N" on its first frame with content and
   quit.

Output is TAP. Set CM_KEEP_INSTALL_TEST=1 to keep the temporary folder.

Usage: test-install.py SOURCE-ROOT   (meson and ninja from PATH)
"""

import json
import os
import pathlib
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import cmxvfb  # noqa: E402  (tests/cmxvfb.py)

APP_ID = 'io.github.commissioning.Commissioning'
PROJECT = 'commissioning'

BUS_CONFIG = '''<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={runtime}</listen>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
'''


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, description, details=''):
        self.count += 1
        if condition:
            print(f'ok {self.count} - {description}', flush=True)
        else:
            self.failed += 1
            print(f'not ok {self.count} - {description}', flush=True)
            for line in str(details).strip().splitlines()[-40:]:
                print(f'# {line}', flush=True)
        return condition

    def bail_out(self, reason):
        print(f'Bail out! {reason}', flush=True)
        sys.exit(1)

    def done(self):
        print(f'1..{self.count}', flush=True)
        return 1 if self.failed else 0


def run_logged(command, log, **kwargs):
    """Runs a command with its output in a log file; returns (status, output)."""
    with open(log, 'w', encoding='utf-8') as out:
        status = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, check=False, **kwargs).returncode
    return status, pathlib.Path(log).read_text(encoding='utf-8', errors='replace')


def install(tap, source_root, meson, workdir, prefix):
    build = workdir / 'build'
    status, output = run_logged(
        [meson, 'setup', str(build), str(source_root), f'--prefix={prefix}',
         '--buildtype=debug', '--wrap-mode=nodownload', '-De2e_tests=false'],
        workdir / 'setup.log')
    if not tap.ok(status == 0, 'meson setup --prefix into a temporary folder', output):
        tap.bail_out('the project could not be set up')

    # Only what gets installed is built: the tests and benchmarks are not needed.
    targets = json.loads(subprocess.run([meson, 'introspect', '--targets', str(build)],
                                        capture_output=True, text=True, check=True).stdout)
    outputs = [os.path.relpath(name, build)
               for target in targets if target.get('installed')
               for name in target['filename']]
    status, output = run_logged(['ninja', '-C', str(build)] + outputs, workdir / 'build.log')
    if not tap.ok(status == 0, f'build what is installed ({len(outputs)} files)', output):
        tap.bail_out('the project could not be built')

    status, output = run_logged([meson, 'install', '-C', str(build), '--no-rebuild'],
                                workdir / 'install.log')
    if not tap.ok(status == 0, 'meson install', output):
        tap.bail_out('the project could not be installed')


def read_desktop_entry(path, group='Desktop Entry'):
    entry = {}
    in_group = False
    for line in path.read_text(encoding='utf-8').splitlines():
        if line.startswith('['):
            in_group = line.strip() == f'[{group}]'
        elif in_group and '=' in line and not line.startswith('#'):
            key, value = line.split('=', 1)
            entry[key.strip()] = value.strip()
    return entry


def check_tree(tap, source_root, prefix):
    share = prefix / 'share'
    desktop = share / 'applications' / f'{APP_ID}.desktop'
    service = share / 'dbus-1' / 'services' / f'{APP_ID}.service'
    schemas = share / 'glib-2.0' / 'schemas'
    executable = prefix / 'bin' / PROJECT

    tap.ok(executable.is_file() and os.access(executable, os.X_OK),
           f'the executable is installed in bin/{PROJECT}')
    tap.ok(desktop.is_file(), 'the desktop file is installed')
    tap.ok((share / 'metainfo' / f'{APP_ID}.metainfo.xml').is_file(),
           'the AppStream metainfo is installed')
    tap.ok((schemas / f'{APP_ID}.gschema.xml').is_file(), 'the GSettings schema is installed')
    for kind, name in [('scalable', f'{APP_ID}.svg'), ('symbolic', f'{APP_ID}-symbolic.svg')]:
        icon = share / 'icons' / 'hicolor' / kind / 'apps' / name
        tap.ok(icon.is_file(), f'the {kind} icon is installed')

    exec_line = ''
    if service.is_file():
        exec_line = read_desktop_entry(service, 'D-BUS Service').get('Exec', '')
    tap.ok(exec_line.startswith(f'{executable} '),
           "the D-Bus service is installed and starts the prefix's executable",
           f'Exec={exec_line}')

    pages = sorted(path.name for path in (source_root / 'help' / 'C').glob('*.page'))
    mallard = share / 'help' / 'C' / PROJECT
    missing = [page for page in pages if not (mallard / page).is_file()]
    tap.ok(pages and not missing, f'the user guide is installed for Yelp ({len(pages)} pages)',
           f'missing: {missing}')
    html = share / PROJECT / 'help' / 'C'
    missing = [page for page in pages
               if not (html / page.replace('.page', '.html')).is_file()]
    missing += [] if (html / 'help.css').is_file() else ['help.css']
    tap.ok(pages and not missing, 'the user guide is installed as HTML', f'missing: {missing}')

    languages = []
    for line in (source_root / 'po' / 'LINGUAS').read_text(encoding='utf-8').splitlines():
        if not line.strip().startswith('#'):
            languages += line.split()
    for language in languages:
        catalogue = share / 'locale' / language / 'LC_MESSAGES' / f'{PROJECT}.mo'
        tap.ok(catalogue.is_file(), f'the {language} message catalogue is installed')

    # gnome.post_install () compiles the schemas; compile them if it did not.
    if not (schemas / 'gschemas.compiled').is_file():
        subprocess.run(['glib-compile-schemas', str(schemas)], check=False)
    tap.ok((schemas / 'gschemas.compiled').is_file(), 'the installed schemas are compiled')

    return desktop


def session_env(workdir, prefix, display):
    home = workdir / 'home'
    runtime = workdir / 'runtime'
    for folder in (home, runtime):
        folder.mkdir(mode=0o700, exist_ok=True)
    env = {
        'PATH': f'{prefix / "bin"}:{os.environ.get("PATH", "/usr/bin:/bin")}',
        'HOME': str(home),
        'XDG_DATA_HOME': str(home / 'data'),
        'XDG_CONFIG_HOME': str(home / 'config'),
        'XDG_CACHE_HOME': str(home / 'cache'),
        'XDG_STATE_HOME': str(home / 'state'),
        'XDG_RUNTIME_DIR': str(runtime),
        'XDG_DATA_DIRS': f'{prefix / "share"}:/usr/local/share:/usr/share',
        'GSETTINGS_SCHEMA_DIR': str(prefix / 'share' / 'glib-2.0' / 'schemas'),
        'DISPLAY': display,
        'LANG': 'C.UTF-8',
        'GTK_A11Y': 'none',
        'NO_AT_BRIDGE': '1',
        'GSK_RENDERER': 'cairo',
        'CM_DEBUG_FIRST_FRAME': '1',
    }
    if os.environ.get('XAUTHORITY') and display == os.environ.get('DISPLAY'):
        env['XAUTHORITY'] = os.environ['XAUTHORITY']
    bus_config = workdir / 'session.conf'
    bus_config.write_text(BUS_CONFIG.format(runtime=runtime,
                                            services=prefix / 'share' / 'dbus-1' / 'services'),
                          encoding='utf-8')
    return env, bus_config


def run_in_session(command, env, bus_config, log, timeout=120):
    """Runs a command on a D-Bus session bus of its own; returns (status, output).
    The process group is ended if it overruns."""
    full = ['dbus-run-session', f'--config-file={bus_config}', '--'] + command
    with open(log, 'w', encoding='utf-8') as out:
        process = subprocess.Popen(full, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, env=env, start_new_session=True)
        try:
            status = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
            status = 'timed out'
    return status, pathlib.Path(log).read_text(encoding='utf-8', errors='replace')


def has_first_frame(output):
    return any(line.startswith('first-frame ') for line in output.splitlines())


def launch(tap, workdir, prefix, desktop):
    entry = read_desktop_entry(desktop)
    # Field codes (%U, %F...) stand for files to open: there are none.
    argv = [word for word in shlex.split(entry.get('Exec', '')) if not word.startswith('%')]
    program = shutil.which(argv[0], path=f'{prefix / "bin"}') if argv else None
    tap.ok(program is not None, "the desktop file's Exec line names the installed program",
           f'Exec={entry.get("Exec")}')
    tap.ok(entry.get('DBusActivatable') == 'true' and entry.get('Icon') == APP_ID,
           'the desktop file is D-Bus activatable and names the application icon')
    if program is None:
        return

    with cmxvfb.display() as display:
        if display is None:
            tap.ok(False, 'an X server to launch the app on (Xvfb is not installed)')
            return
        env, bus_config = session_env(workdir, prefix, display)

        status, output = run_in_session(argv, env, bus_config, workdir / 'exec.log')
        tap.ok(status == 0 and has_first_frame(output),
               'the Exec line starts the installed app and it draws its first frame',
               f'exit status: {status}\n{output}')

        # gio launch asks the bus to start the app from the prefix's service
        # file and returns; the session stays up until the frame is drawn.
        log = workdir / 'activation.log'
        waiter = ('gio launch "$1" || exit 1; i=0; while [ $i -lt 600 ]; do '
                  'grep -q "^first-frame " "$2" && exit 0; sleep 0.1; i=$((i+1)); done; exit 1')
        status, output = run_in_session(['sh', '-c', waiter, 'sh', str(desktop), str(log)],
                                        env, bus_config, log)
        tap.ok(status == 0 and has_first_frame(output),
               'D-Bus activation from the desktop file starts the app',
               f'exit status: {status}\n{output}')


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source_root = pathlib.Path(sys.argv[1]).resolve()
    meson = shutil.which('meson')

    missing = [tool for tool in ('meson', 'ninja', 'dbus-run-session', 'gio')
               if shutil.which(tool) is None]
    if missing:
        print(f'1..0 # SKIP not installed: {", ".join(missing)}')
        return 0

    tap = Tap()
    workdir = pathlib.Path(tempfile.mkdtemp(prefix='cm-install-'))
    try:
        prefix = workdir / 'prefix'
        install(tap, source_root, meson, workdir, prefix)
        desktop = check_tree(tap, source_root, prefix)
        launch(tap, workdir, prefix, desktop)
    finally:
        if os.environ.get('CM_KEEP_INSTALL_TEST'):
            print(f'# kept {workdir}')
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
