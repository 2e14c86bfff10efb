#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one end-to-end test script inside its own X server (when there is no
# display yet) and its own D-Bus session with the accessibility bus.
#   run-e2e.sh TEST.py APP SCHEMA-DIR
set -u

script=$1
app=$2
schema_dir=$3

workdir=$(mktemp -d)
xvfb_pid=
cleanup ()
{
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$workdir"
}
trap cleanup EXIT

# Each run gets its own X server; -displayfd picks a free display without
# the races of guessing one when tests or builds run side by side.
if [ -z "${CM_E2E_SHARED_DISPLAY:-}" ]; then
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3> "$workdir/display" 2>/dev/null &
  xvfb_pid=$!
  for _ in $(seq 50); do
    [ -s "$workdir/display" ] && break
    sleep 0.1
  done
  display=$(cat "$workdir/display")
  for _ in $(seq 50); do
    [ -S "/tmp/.X11-unix/X$display" ] && break
    sleep 0.1
  done
  export DISPLAY=:$display
fi
export XDG_RUNTIME_DIR=$workdir/runtime
mkdir -m 0700 -p "$XDG_RUNTIME_DIR"
export CM_APP=$app CM_SCHEMA_DIR=$schema_dir CM_WORKDIR=$workdir
export PYTHONPATH=$(dirname "$0")${PYTHONPATH:+:$PYTHONPATH}

# at-spi2-registryd can outlive the session and hold our output open, so
# the test writes to files. TAP goes to a descriptor of its own; the chatter
# of the session's daemons goes to stderr, where it cannot be mistaken for
# test results.
CM_TAP_FD=3 timeout -k 5 240 dbus-run-session -- /usr/bin/python3 "$script" \
  3> "$workdir/out.txt" > "$workdir/err.txt" 2>&1
status=$?
cat "$workdir/out.txt"
cat "$workdir/err.txt" >&2

# End this run's leftover accessibility daemons, and only this run's: other
# end-to-end tests may be running side by side with their own.
end_own_leftovers ()
{
  local pid
  for pid in $(pgrep -u "$(id -u)" -f "$1"); do
    if tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null |
        grep -qxF "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR"; then
      kill "$pid" 2>/dev/null
    fi
  done
}
end_own_leftovers at-spi2-registryd
end_own_leftovers at-spi-bus-launcher
exit $status
