#!/usr/bin/env bash
# The AsyncAPI parser for the AsyncAPI document test (tests/Conferences.Api.Tests/OpenApi/AsyncApiDocumentTests.cs).
#   tools/asyncapi-validate.sh install          npm ci into .tools/asyncapi-validate (idempotent, quick when present)
#   tools/asyncapi-validate.sh validate FILE    parse FILE and print its diagnostics as JSON
# The version is pinned by tools/asyncapi-validate/package-lock.json; the test runs .tools/asyncapi-validate/validate.mjs.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$root/.tools/asyncapi-validate"
manifest="$root/tools/asyncapi-validate"
parser="$prefix/node_modules/@asyncapi/parser/package.json"

install() {
  # a matching install is left alone; the script itself is always refreshed
  if [ ! -f "$parser" ] || ! cmp -s "$manifest/package-lock.json" "$prefix/package-lock.json"; then
    command -v npm >/dev/null || { echo "asyncapi-validate: npm is required (apt-get install nodejs npm)" >&2; exit 1; }
    mkdir -p "$prefix"
    cp "$manifest/package.json" "$manifest/package-lock.json" "$prefix/"
    echo "asyncapi-validate: installing @asyncapi/parser into $prefix" >&2
    (cd "$prefix" && npm ci --no-audit --no-fund --loglevel=error >&2)
    [ -f "$parser" ] || { echo "asyncapi-validate: install did not produce $parser" >&2; exit 1; }
  fi
  cp "$manifest/validate.mjs" "$prefix/validate.mjs"
}

case "${1:-}" in
  install) install ;;
  validate) shift; [ $# -eq 1 ] || { echo "usage: $0 validate FILE" >&2; exit 2; }; install; node "$prefix/validate.mjs" "$1" ;;
  *) echo "usage: $0 install | validate FILE" >&2; exit 2 ;;
esac
