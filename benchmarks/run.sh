#!/usr/bin/env bash
# Builds the service and the benchmarks in Release and runs them; results land in benchmarks/results/.
#   benchmarks/run.sh [seconds-per-round] [rounds]
# Runs the embedded-store benchmark, then the same against a CouchDB-protocol server (pouchdb-server, started here).
# Then the message-bus benchmark (bus mode) on the in-process bus and on RabbitMQ (BENCH_RABBITMQ, else a broker started here).
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
# The message-bus benchmark (issue 5): in-process bus and RabbitMQ side by side with raw RabbitMQ.Client loops, on the
# broker in BENCH_RABBITMQ (an AMQP URI), else on a loopback broker started here; only that broker's port is stopped.
(
  if [ -z "${BENCH_RABBITMQ:-}" ]; then
    rabbit_port="$(tools/rabbitmq-test-broker.sh port)"
    trap 'tools/rabbitmq-test-broker.sh stop "$rabbit_port"' EXIT
    tools/rabbitmq-test-broker.sh start "$rabbit_port"
    export BENCH_RABBITMQ="amqp://guest:guest@127.0.0.1:$rabbit_port/"
  fi
  dotnet run --no-build --project benchmarks/Conferences.Benchmarks -c Release -- bus "$(pwd)" "${1:-3}" "${2:-3}"
)
