#!/usr/bin/env bash
# The browser of the console's tests (tests/Conferences.Api.Tests/Console): Debian's chromium, driven by Playwright at
# /usr/bin/chromium (Playwright's own browser download is not used).
#   tools/browser-test-tools.sh install   apt-get install chromium when it is missing (idempotent, quick when present)
set -euo pipefail

chromium_bin="/usr/bin/chromium"

install() {
  if [ -x "$chromium_bin" ]; then
    return 0
  fi
  [ "$(id -u)" = 0 ] || { echo "browser-test-tools: run as root to install chromium (apt-get)" >&2; exit 1; }
  echo "browser-test-tools: installing chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  # a fresh machine may not have package lists yet
  if ! apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >&2; then
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >&2
  fi
  [ -x "$chromium_bin" ] || { echo "browser-test-tools: the install did not produce $chromium_bin" >&2; exit 1; }
}

case "${1:-}" in
  install) install ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
