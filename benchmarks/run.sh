#!/usr/bin/env bash
# Builds the service and the benchmarks in Release and runs them; results land in benchmarks/results/.
#   benchmarks/run.sh [seconds-per-round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Conferences.Api -c Release -nologo -v quiet
dotnet run --project benchmarks/Conferences.Benchmarks -c Release -- "$(pwd)" "${1:-3}" "${2:-3}"
