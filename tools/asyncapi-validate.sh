#!/usr/bin/env bash
# The AsyncAPI parser for the AsyncAPI document test (tests/Conferences.Api.Tests/OpenApi/AsyncApiDocumentTests.cs).
#   tools/asyncapi-validate.sh install          npm ci into .tools/asyncapi-validate (idempotent, quick when present)
#   tools/asyncapi-validate.sh validate FILE    parse FILE and print its diagnostics as JSON
# The version is pinned by tools/asyncapi-validate/package-lock.json; the test runs .tools/asyncapi-validate/validate.mjs.
set -euo pipefail
. "$(dirname "$0")/npm-pinned.sh"

root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$root/.tools/asyncapi-validate"
manifest="$root/tools/asyncapi-validate"
parser="$prefix/node_modules/@asyncapi/parser/package.json"

install() {
  npm_pinned_install asyncapi-validate "$manifest" "$prefix" "$parser"
  # the script itself is always refreshed
  cp "$manifest/validate.mjs" "$prefix/validate.mjs"
}

case "${1:-}" in
  install) install ;;
  validate) shift; [ $# -eq 1 ] || { echo "usage: $0 validate FILE" >&2; exit 2; }; install; node "$prefix/validate.mjs" "$1" ;;
  *) echo "usage: $0 install | validate FILE" >&2; exit 2 ;;
esac
