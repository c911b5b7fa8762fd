#!/usr/bin/env bash
# Start/stop the pinned Prism mock server (see package.json) for CI.
#
#   prism.sh install             npm ci the pinned @stoplight/prism-cli
#   prism.sh start SPEC [PORT] [NAME]
#                                run `prism mock` on 127.0.0.1:PORT (default 4010)
#                                in the background; wait until it answers HTTP
#   prism.sh stop [NAME]         kill the server started by `start` (idempotent)
#
# NAME tells several servers apart (one per spec). Log: prism[-NAME].log,
# pid: prism[-NAME].pid (both next to this script, both git-ignored).
set -euo pipefail

usage() {
  echo "usage: $0 install | start SPEC [PORT] [NAME] | stop [NAME]" >&2
  exit 2
}

# Resolve SPEC to an absolute path *before* changing directory.
abs_path() {
  local p=$1
  if [[ -d $(dirname -- "$p") ]]; then
    local dir
    dir=$(cd -- "$(dirname -- "$p")" && pwd -P)
    printf '%s/%s\n' "${dir%/}" "$(basename -- "$p")"
  else
    printf '%s\n' "$p"
  fi
}

cmd=${1:-}
[[ -n $cmd ]] || usage
shift

spec=""
name=""
if [[ $cmd == start ]]; then
  [[ $# -ge 1 && $# -le 3 ]] || usage
  spec=$(abs_path "$1")
  port=${2:-4010}
  name=${3:-}
  [[ $port =~ ^[0-9]+$ ]] || { echo "prism.sh: invalid port: $port" >&2; exit 2; }
  [[ -f $spec ]] || { echo "prism.sh: spec not found: $spec" >&2; exit 1; }
fi

cd -- "$(dirname -- "${BASH_SOURCE[0]}")"
here=$(pwd -P)
if [[ $cmd == stop && $# -eq 1 ]]; then
  name=$1
fi
[[ $name =~ ^[a-z0-9_]*$ ]] || { echo "prism.sh: invalid name: $name" >&2; exit 2; }
suffix=${name:+-$name}
log="$here/prism$suffix.log"
pidfile="$here/prism$suffix.pid"

# Succeeds once something on 127.0.0.1:$1 answers an HTTP request (any status).
http_up() {
  if command -v curl >/dev/null 2>&1; then
    local code
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$1/" 2>/dev/null) || true
    [[ -n $code && $code != 000 ]]
  else
    (
      exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
      printf 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
      IFS= read -r -t 2 line <&3 && [[ $line == HTTP/* ]]
    ) 2>/dev/null
  fi
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Kill a process and all of its descendants.
kill_tree() {
  local pid=$1 child
  if command -v pgrep >/dev/null 2>&1; then
    for child in $(pgrep -P "$pid" 2>/dev/null || true); do
      kill_tree "$child"
    done
  fi
  kill "$pid" 2>/dev/null || true
}

do_stop() {
  [[ -f $pidfile ]] || return 0
  local pid
  pid=$(<"$pidfile") || true
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    kill_tree "$pid"
    local i
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f -- "$pidfile"
}

case $cmd in
  install)
    [[ $# -eq 0 ]] || usage
    # @scarf/scarf (a prism dependency) phones home from a postinstall script.
    export SCARF_ANALYTICS=false
    npm ci --no-audit --no-fund --loglevel=error
    ;;

  start)
    if [[ ! -x node_modules/.bin/prism ]]; then
      echo "prism.sh: node_modules/.bin/prism missing; run '$0 install' first" >&2
      exit 1
    fi
    # Don't leave a previous instance from this folder running.
    do_stop
    if port_open "$port"; then
      echo "prism.sh: something is already listening on 127.0.0.1:$port" >&2
      exit 1
    fi
    # Default behaviour on purpose: no --errors, no --dynamic.
    nohup node_modules/.bin/prism mock -h 127.0.0.1 -p "$port" "$spec" \
      >"$log" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$pidfile"
    deadline=$((SECONDS + 60))
    while ((SECONDS < deadline)); do
      if http_up "$port"; then
        echo "prism listening on http://127.0.0.1:$port (pid $pid, log $log)"
        exit 0
      fi
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "prism.sh: prism exited before accepting requests; log tail:" >&2
        tail -n 50 "$log" >&2 || true
        rm -f -- "$pidfile"
        exit 1
      fi
      sleep 0.5
    done
    echo "prism.sh: prism did not accept requests on 127.0.0.1:$port within 60s; log tail:" >&2
    tail -n 50 "$log" >&2 || true
    do_stop
    exit 1
    ;;

  stop)
    [[ $# -le 1 ]] || usage
    do_stop
    ;;

  *)
    usage
    ;;
esac
