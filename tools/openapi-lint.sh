#!/usr/bin/env bash
# Redocly CLI for the OpenAPI lint test (tests/Conferences.Api.Tests/OpenApi/OpenApiLintTests.cs).
#   tools/openapi-lint.sh install          npm ci into .tools/openapi-lint (idempotent, quick when present)
#   tools/openapi-lint.sh lint FILE...     lint with the repository's redocly.yaml (the recommended rules)
# The version is pinned by tools/openapi-lint/package-lock.json; the test runs .tools/openapi-lint's bin script.
set -euo pipefail
. "$(dirname "$0")/npm-pinned.sh"

root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$root/.tools/openapi-lint"
manifest="$root/tools/openapi-lint"
cli="$prefix/node_modules/@redocly/cli/bin/cli.js"

install() {
  npm_pinned_install openapi-lint "$manifest" "$prefix" "$cli"
}

lint() {
  [ $# -gt 0 ] || { echo "usage: $0 lint FILE..." >&2; exit 2; }
  install
  # no usage data and no update check, as in the test
  REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node "$cli" lint --config "$root/redocly.yaml" "$@"
}

case "${1:-}" in
  install) install ;;
  lint) shift; lint "$@" ;;
  *) echo "usage: $0 install | lint FILE..." >&2; exit 2 ;;
esac
