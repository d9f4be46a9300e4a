#!/usr/bin/env bash
# Builds the service and the benchmarks in Release and runs them; results land in benchmarks/results/.
#   benchmarks/run.sh [seconds-per-round] [rounds]
# Runs the embedded-store benchmark, then the same against a CouchDB-protocol server (pouchdb-server, started here).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Conferences.Api -c Release -nologo -v quiet
dotnet build benchmarks/Conferences.Benchmarks -c Release -nologo -v quiet
dotnet run --no-build --project benchmarks/Conferences.Benchmarks -c Release -- "$(pwd)" "${1:-3}" "${2:-3}"
port=15995
tools/couchdb-test-server.sh install
tools/couchdb-test-server.sh start "$port"
trap 'tools/couchdb-test-server.sh stop "$port"' EXIT
BENCH_COUCHDB="http://127.0.0.1:$port" dotnet run --no-build --project benchmarks/Conferences.Benchmarks -c Release -- "$(pwd)" "${1:-3}" "${2:-3}"
