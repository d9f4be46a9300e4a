#!/usr/bin/env bash
# A CouchDB-protocol server for the storage tests: pouchdb-server from npm, on loopback only.
#   tools/couchdb-test-server.sh install                 npm install into .tools/pouchdb (idempotent, quick when present)
#   tools/couchdb-test-server.sh start PORT [DATA_DIR]   start one in the background (in memory, or persistent in
#                                                        DATA_DIR) and wait until GET / answers (at most 60 s)
#   tools/couchdb-test-server.sh stop [PORT]             stop the one on PORT, or every one this script started
# The tests find the server through CONFERENCES_TEST_COUCHDB, e.g. http://127.0.0.1:15984; without it they start
# their own through this script. Servers are tracked by pid files under .tools/ and stopped by process group.
set -euo pipefail
. "$(dirname "$0")/npm-pinned.sh"

root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
prefix="$tools/pouchdb"
manifest="$root/tools/couchdb-test-server"
bin="$prefix/node_modules/.bin/pouchdb-server"

install() {
  # The versions are pinned by tools/couchdb-test-server/package-lock.json.
  npm_pinned_install couchdb-test-server "$manifest" "$prefix" "$bin" "pouchdb-server, about 90 s"
}

pidfile() { echo "$tools/couchdb-test-server.$1.pid"; }

running_pid() {
  local file
  file="$(pidfile "$1")"
  [ -f "$file" ] || return 1
  local pid
  pid="$(cat "$file")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
  local port="${1:?usage: $0 start PORT [DATA_DIR]}" data="${2:-}"
  [[ "$port" =~ ^[0-9]+$ ]] || { echo "couchdb-test-server: PORT must be a number" >&2; exit 2; }
  install
  # pouchdb-server keeps config.json and log.txt in its working directory (and dies when log.txt is removed),
  # so each server runs in a directory of its own.
  local rundir="$tools/couchdb-test-server.$port"
  local pid
  if pid="$(running_pid "$port")"; then
    echo "couchdb-test-server: already running on $port (pid $pid)" >&2
  else
    mkdir -p "$rundir"
    local storage=(--in-memory)
    if [ -n "$data" ]; then
      mkdir -p "$data"
      storage=(--dir "$(cd "$data" && pwd)")
    fi
    # setsid: its own process group, so stop ends node and whatever it spawned, and nothing else.
    (cd "$rundir" && exec setsid "$bin" --host 127.0.0.1 --port "$port" "${storage[@]}" --no-stdout-logs \
      >"$rundir/stdout.log" 2>&1 </dev/null) &
    echo $! >"$(pidfile "$port")"
  fi
  local deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
    if ! running_pid "$port" >/dev/null; then
      echo "couchdb-test-server: the server on $port exited; its output:" >&2
      cat "$rundir/stdout.log" >&2 || true
      rm -f "$(pidfile "$port")"
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "couchdb-test-server: no answer on port $port within 60 s" >&2
      stop_one "$port"
      exit 1
    fi
    sleep 0.2
  done
  echo "couchdb-test-server: listening on http://127.0.0.1:$port" >&2
}

stop_one() {
  local port="$1" pid
  if pid="$(running_pid "$port")"; then
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$(pidfile "$port")"
  rm -rf "$tools/couchdb-test-server.$port"
}

stop() {
  if [ -n "${1:-}" ]; then
    stop_one "$1"
    return
  fi
  local file
  for file in "$tools"/couchdb-test-server.*.pid; do
    [ -f "$file" ] || continue
    file="${file##*/couchdb-test-server.}"
    stop_one "${file%.pid}"
  done
}

case "${1:-}" in
  install) install ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 install | start PORT [DATA_DIR] | stop [PORT]" >&2; exit 2 ;;
esac
