#!/usr/bin/env bash
# Builds the service and the benchmarks in Release and runs them; results land in benchmarks/results/.
#   benchmarks/run.sh [seconds-per-round] [rounds]
# Runs the embedded-store benchmark, then the same against a CouchDB-protocol server (pouchdb-server, started here).
# Then the message-bus benchmark (bus mode) on the in-process bus and on RabbitMQ (BENCH_RABBITMQ, else a broker started here).
# Then the realtime benchmark (realtime mode): live state memory and ingestion, GET/list of running conferences.
# The first two also run a second API process with telemetry on (a metrics listener, every trace recorded) in the same rounds.
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
# The websocket fan-out benchmark (issue 8): 1,000 sockets of a client process on /ws (in-process bus) beside 1,000 plain
# subscriptions of the same bus, in one run (benchmarks/results/websocket.md).
dotnet run --no-build --project benchmarks/Conferences.Benchmarks -c Release -- ws "$(pwd)" "${1:-3}" "${2:-3}"
# The realtime benchmark (issue 6): the live state's memory and event ingestion in-process, then GET and list of
# running conferences next to idle ones through the API on RabbitMQ (BENCH_RABBITMQ, else a broker started here).
(
  if [ -z "${BENCH_RABBITMQ:-}" ]; then
    rabbit_port="$(tools/rabbitmq-test-broker.sh port)"
    trap 'tools/rabbitmq-test-broker.sh stop "$rabbit_port"' EXIT
    tools/rabbitmq-test-broker.sh start "$rabbit_port"
    export BENCH_RABBITMQ="amqp://guest:guest@127.0.0.1:$rabbit_port/"
  fi
  dotnet run --no-build --project benchmarks/Conferences.Benchmarks -c Release -- realtime "$(pwd)" "${1:-3}" "${2:-3}"
)
# The actions benchmark (issue 7): PUT mute → the participant shows muted in GET, on the in-process bus and on RabbitMQ
# (the simulator beside the API on the same broker), each beside a bare publish → consume on the same bus.
(
  if [ -z "${BENCH_RABBITMQ:-}" ]; then
    rabbit_port="$(tools/rabbitmq-test-broker.sh port)"
    trap 'tools/rabbitmq-test-broker.sh stop "$rabbit_port"' EXIT
    tools/rabbitmq-test-broker.sh start "$rabbit_port"
    export BENCH_RABBITMQ="amqp://guest:guest@127.0.0.1:$rabbit_port/"
  fi
  dotnet run --no-build --project benchmarks/Conferences.Benchmarks -c Release -- actions "$(pwd)" "${1:-3}" "${2:-3}"
)
# The token benchmark (issue 14): GET with a Kazoo-issued token beside GET with an own token (benchmarks/results/tokens.md).
dotnet run --no-build --project benchmarks/Conferences.Benchmarks -c Release -- tokens "$(pwd)" "${1:-3}" 7
# The webhook benchmark (issue 17): event → delivery latency at 200 events/s to 10 loopback receivers, the API on
# RabbitMQ (BENCH_RABBITMQ, else a broker started here) with the embedded store (benchmarks/results/webhooks.md).
(
  if [ -z "${BENCH_RABBITMQ:-}" ]; then
    rabbit_port="$(tools/rabbitmq-test-broker.sh port)"
    trap 'tools/rabbitmq-test-broker.sh stop "$rabbit_port"' EXIT
    tools/rabbitmq-test-broker.sh start "$rabbit_port"
    export BENCH_RABBITMQ="amqp://guest:guest@127.0.0.1:$rabbit_port/"
  fi
  dotnet run --no-build --project benchmarks/Conferences.Benchmarks -c Release -- webhooks "$(pwd)" 10
)
