#!/usr/bin/env bash
# Redocly CLI for the OpenAPI lint test (tests/Conferences.Api.Tests/OpenApi/OpenApiLintTests.cs).
#   tools/openapi-lint.sh install          npm ci into .tools/openapi-lint (idempotent, quick when present)
#   tools/openapi-lint.sh lint FILE...     lint with the repository's redocly.yaml (the recommended rules)
# The version is pinned by tools/openapi-lint/package-lock.json; the test runs .tools/openapi-lint's bin script.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$root/.tools/openapi-lint"
manifest="$root/tools/openapi-lint"
cli="$prefix/node_modules/@redocly/cli/bin/cli.js"

install() {
  # a matching install is left alone
  if [ -f "$cli" ] && cmp -s "$manifest/package-lock.json" "$prefix/package-lock.json"; then
    return 0
  fi
  command -v npm >/dev/null || { echo "openapi-lint: npm is required (apt-get install nodejs npm)" >&2; exit 1; }
  mkdir -p "$prefix"
  cp "$manifest/package.json" "$manifest/package-lock.json" "$prefix/"
  echo "openapi-lint: installing @redocly/cli into $prefix" >&2
  (cd "$prefix" && npm ci --no-audit --no-fund --loglevel=error >&2)
  [ -f "$cli" ] || { echo "openapi-lint: install did not produce $cli" >&2; exit 1; }
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
