#!/usr/bin/env bash
# The reverse proxies of the proxy-recipe tests (tests/Conferences.Api.Tests/Proxy): Debian's haproxy and nginx.
#   tools/proxy-test-tools.sh install   apt-get install haproxy nginx when either is missing (idempotent, quick when
#                                       present); the packages' own services are not needed by the tests
# The tests start each proxy themselves on a free loopback port with the configuration in docs/kazoo-cluster/.
set -euo pipefail

haproxy_bin="/usr/sbin/haproxy"
nginx_bin="/usr/sbin/nginx"

install() {
  if [ -x "$haproxy_bin" ] && [ -x "$nginx_bin" ]; then
    return 0
  fi
  [ "$(id -u)" = 0 ] || { echo "proxy-test-tools: run as root to install haproxy and nginx (apt-get)" >&2; exit 1; }
  echo "proxy-test-tools: installing haproxy and nginx" >&2
  export DEBIAN_FRONTEND=noninteractive
  # a fresh machine may not have package lists yet
  if ! apt-get install -y -q haproxy nginx >&2; then
    apt-get update -q >&2
    apt-get install -y -q haproxy nginx >&2
  fi
  [ -x "$haproxy_bin" ] || { echo "proxy-test-tools: the install did not produce $haproxy_bin" >&2; exit 1; }
  [ -x "$nginx_bin" ] || { echo "proxy-test-tools: the install did not produce $nginx_bin" >&2; exit 1; }
}

case "${1:-}" in
  install) install ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
