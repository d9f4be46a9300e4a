#!/usr/bin/env bash
# Conferences build script.
#   ./build.sh test    restore, build (warnings are errors) and run every test project, then print
#                      one line "N passed, N failed[, N skipped]" with the real totals from the TRX files.
#   ./build.sh build   restore and build only.
# Real components the tests need are installed and started on loopback by this script (see tools/).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command="${1:-test}"
results="$(pwd)/artifacts/test-results"

build() {
  dotnet build Conferences.sln -c Release -nologo -v minimal
}

stop_components() {
  [ -n "${started_couchdb:-}" ] && tools/couchdb-test-server.sh stop "$started_couchdb"
  [ -n "${started_rabbitmq:-}" ] && tools/rabbitmq-test-broker.sh stop "$started_rabbitmq"
  return 0
}

# A CouchDB-protocol server (pouchdb-server from npm) and a RabbitMQ broker (Debian's rabbitmq-server), both on
# loopback, for the CouchDB adapter's and the RabbitMQ adapter's tests. Already-running ones can be given through
# CONFERENCES_TEST_COUCHDB and CONFERENCES_TEST_RABBITMQ. HAProxy and nginx are only installed: the proxy tests start
# them on free ports themselves. Redocly CLI (npm, pinned) is installed for the OpenAPI lint test, the AsyncAPI parser
# (npm, pinned) for the AsyncAPI document test, Debian's chromium for the console's browser tests.
start_components() {
  trap stop_components EXIT
  tools/proxy-test-tools.sh install || return 1
  tools/browser-test-tools.sh install || return 1
  tools/openapi-lint.sh install || return 1
  tools/asyncapi-validate.sh install || return 1
  local couch_port="${CONFERENCES_TEST_COUCHDB_PORT:-15984}"
  if [ -z "${CONFERENCES_TEST_COUCHDB:-}" ]; then
    tools/couchdb-test-server.sh install || return 1
    tools/couchdb-test-server.sh start "$couch_port" || return 1
    started_couchdb="$couch_port"
    export CONFERENCES_TEST_COUCHDB="http://127.0.0.1:$couch_port"
  fi
  if [ -z "${CONFERENCES_TEST_RABBITMQ:-}" ]; then
    tools/rabbitmq-test-broker.sh install || return 1
    local amqp_port
    amqp_port="$(tools/rabbitmq-test-broker.sh port)" || return 1
    tools/rabbitmq-test-broker.sh start "$amqp_port" || return 1
    started_rabbitmq="$amqp_port"
    export CONFERENCES_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$amqp_port/"
  fi
}

run_tests() {
  rm -rf "$results" && mkdir -p "$results"
  local status=0
  build || { echo "0 passed, 1 failed"; return 1; }
  start_components || { echo "could not start the test components" >&2; echo "0 passed, 1 failed"; return 1; }
  for project in tests/*/*.csproj; do
    local name
    name="$(basename "$project" .csproj)"
    dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
    if [ ! -f "$results/$name.trx" ]; then
      echo "no results from $name (the test host did not finish)" >&2
      status=1
      missing=$((${missing:-0} + 1))
    fi
  done
  local passed=0 failed=${missing:-0} skipped=0
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    local counters
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    local total p f
    total="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    # xunit reports a failing fixture disposal ("[Test Class Cleanup Failure (…)]") outside the counters: count each
    local cleanup
    cleanup="$(grep -o 'Cleanup Failure ([^)]*)' "$trx" | sort -u | wc -l)"
    if [ "$cleanup" -gt 0 ]; then
      grep -o 'Cleanup Failure ([^)]*)' "$trx" | sort -u | sed 's/^/  /' >&2
      failed=$((failed + cleanup))
    fi
    skipped=$((skipped + ${total:-0} - ${p:-0} - ${f:-0}))
  done
  [ "$failed" -gt 0 ] && status=1
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  return $status
}

case "$command" in
  build) build ;;
  test) run_tests ;;
  *) echo "usage: ./build.sh [build|test]" >&2; exit 2 ;;
esac
