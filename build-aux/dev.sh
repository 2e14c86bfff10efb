#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for working on Commissioning Cycle on Debian 12:
#
#   build-aux/dev.sh run [APP-ARGS...]    build, then launch the app from the build tree
#   build-aux/dev.sh test [TEST-ARGS...]  build, then run every test under Xvfb
#   build-aux/dev.sh build                install what is missing and build
#   build-aux/dev.sh deps                 only install missing Debian packages
#
# Each command first installs the Debian packages that are missing (apt-get, with sudo when
# not root), so it works on a fresh machine; when nothing is missing it goes straight on.
#
# Environment:
#   CM_BUILD_DIR   build directory (default: build)
#   CM_MESON_ARGS  extra options for `meson setup`, e.g. "-Dwerror=true"; on an existing
#                  build directory they are applied with `meson configure` and stay set

set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc libc6-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev gettext
  # run: icons and fonts that GTK needs to draw without warnings
  libglib2.0-bin adwaita-icon-theme librsvg2-common fonts-dejavu-core
  # validators run as tests (gtk4-builder-tool is in libgtk-4-bin, yelp-check in yelp-tools)
  appstream desktop-file-utils libgtk-4-bin yelp-tools
  # GUI and end-to-end tests: X server, session bus, accessibility bus
  xvfb xauth dbus-daemon at-spi2-core python3-gi gir1.2-atspi-2.0 python3-pyatspi
  # screenshots and PDF checks
  imagemagick poppler-utils
)

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${CM_BUILD_DIR:-build}
case $build_dir in
  /*) ;;
  *) build_dir=$top/$build_dir ;;
esac
read -r -a meson_args <<< "${CM_MESON_ARGS:-}"

say ()
{
  printf '==> %s\n' "$*" >&2
}

die ()
{
  printf 'dev.sh: %s\n' "$*" >&2
  exit 1
}

as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo > /dev/null; then
    sudo "$@"
  else
    die "need root to install packages: run as root, or install sudo"
  fi
}

install_deps ()
{
  if ! command -v dpkg-query > /dev/null || ! command -v apt-get > /dev/null; then
    say "Not a Debian system: make sure the equivalents of these are installed:"
    printf '    %s\n' "${packages[*]}" >&2
    return 0
  fi

  local installed missing=() pkg
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2> /dev/null \
              | awk '$2 == "ii" { print $1 }' || true)
  for pkg in "${packages[@]}"; do
    if ! grep -qxF "$pkg" <<< "$installed"; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi

  say "Installing missing packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

configure ()
{
  if [ ! -f "$build_dir/build.ninja" ]; then
    # A set-up that failed half-way leaves a directory meson can set up again; one that
    # once succeeded needs --reconfigure.
    local again=()
    if [ -f "$build_dir/meson-private/coredata.dat" ]; then
      again=(--reconfigure)
    fi
    say "Configuring $build_dir"
    meson setup "${again[@]}" "$build_dir" "$top" "${meson_args[@]}"
  elif [ ${#meson_args[@]} -gt 0 ]; then
    meson configure "$build_dir" "${meson_args[@]}"
  fi
}

build ()
{
  install_deps
  configure
  say "Building in $build_dir"
  meson compile -C "$build_dir"
}

run_app ()
{
  build
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "No display (DISPLAY and WAYLAND_DISPLAY are unset): the window cannot open here."
    say "Run this from a desktop session, or on a headless machine: xvfb-run -a $0 run"
  fi
  # Run without being installed: the GSettings schema compiled into the build tree, and the
  # app icon from the source tree (GTK looks for icons under $XDG_DATA_DIRS/icons).
  export GSETTINGS_SCHEMA_DIR="$build_dir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
  export XDG_DATA_DIRS="$top/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
  exec "$build_dir/src/commissioning" "$@"
}

run_tests ()
{
  build
  # Every test gets an X server of its own session, even on a desktop, so that tests which
  # open windows neither need nor disturb the developer's display.
  say "Testing"
  exec xvfb-run -a -s '-screen 0 1280x1024x24' \
    meson test -C "$build_dir" --print-errorlogs "$@"
}

command=${1:-}
if [ $# -gt 0 ]; then
  shift
fi
case $command in
  run) run_app "$@" ;;
  test) run_tests "$@" ;;
  build) build ;;
  deps) install_deps ;;
  *)
    sed -n '3,18s/^# \{0,1\}//p' "$0" >&2
    exit 2
    ;;
esac
