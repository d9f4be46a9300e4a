#!/usr/bin/env bash
# A RabbitMQ broker for the messaging tests: Debian's rabbitmq-server, on loopback only, one node per port.
#   tools/rabbitmq-test-broker.sh install        apt-get install rabbitmq-server when it is missing
#   tools/rabbitmq-test-broker.sh start PORT     start a node listening on 127.0.0.1:PORT in the background and wait
#                                                until it answers (at most 60 s)
#   tools/rabbitmq-test-broker.sh stop [PORT]    stop the node on PORT, or every node this script started
#   tools/rabbitmq-test-broker.sh restart PORT   stop and start the node on PORT again (the broker-restart tests)
#   tools/rabbitmq-test-broker.sh port           print a PORT that is free with PORT+10000 and PORT+20000
# The tests find the broker through CONFERENCES_TEST_RABBITMQ, e.g. amqp://guest:guest@127.0.0.1:25672/; without it
# they start their own through this script. Each node runs as the rabbitmq user with everything of its own under
# /tmp/conferences-rabbitmq/PORT: node name conferences-test-PORT@localhost, database, logs, Erlang cookie, an epmd
# on PORT+10000 and distribution on PORT+20000 (so PORT must be at most 45535). Nodes are stopped by process group.
set -euo pipefail

base="${CONFERENCES_RABBITMQ_BASE:-/tmp/conferences-rabbitmq}"
rabbit_bin="/usr/lib/rabbitmq/bin"

install() {
  if [ -x "$rabbit_bin/rabbitmq-server" ] && id rabbitmq >/dev/null 2>&1; then
    return 0
  fi
  echo "rabbitmq-test-broker: installing rabbitmq-server" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q rabbitmq-server >&2; then
    apt-get update -q >&2
    apt-get install -y -q rabbitmq-server >&2
  fi
  [ -x "$rabbit_bin/rabbitmq-server" ] || { echo "rabbitmq-test-broker: the install did not produce $rabbit_bin/rabbitmq-server" >&2; exit 1; }
}

need_root() {
  [ "$(id -u)" = 0 ] || { echo "rabbitmq-test-broker: run as root (the node runs as the rabbitmq user)" >&2; exit 1; }
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local attempt port
  for attempt in $(seq 1 200); do
    port=$((15000 + RANDOM % 10000))
    if ! listening "$port" && ! listening $((port + 10000)) && ! listening $((port + 20000)); then
      echo "$port"
      return 0
    fi
  done
  echo "rabbitmq-test-broker: no free port in 15000..25000" >&2
  exit 1
}

check_port() {
  local port="$1"
  [[ "$port" =~ ^[0-9]+$ ]] || { echo "rabbitmq-test-broker: PORT must be a number" >&2; exit 2; }
  if [ "$port" -lt 1024 ] || [ "$port" -gt 45535 ]; then
    echo "rabbitmq-test-broker: PORT must be within 1024..45535 (PORT+20000 is the distribution port)" >&2
    exit 2
  fi
}

node_name() { echo "conferences-test-$1@localhost"; }
node_dir() { echo "$base/$1"; }
pidfile() { echo "$(node_dir "$1")/server.pid"; }

# Runs a command as the rabbitmq user in the environment of the node on port $1.
as_node() {
  local port="$1" dir
  shift
  dir="$(node_dir "$port")"
  runuser -u rabbitmq -- env -i \
    PATH="/usr/sbin:/usr/bin:/sbin:/bin" \
    HOME="$dir" \
    LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    ERL_EPMD_PORT="$((port + 10000))" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" \
    RABBITMQ_NODENAME="$(node_name "$port")" \
    RABBITMQ_USE_LONGNAME=false \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$port" \
    RABBITMQ_DIST_PORT="$((port + 20000))" \
    RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" \
    RABBITMQ_LOG_BASE="$dir/log" \
    RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
    RABBITMQ_LOGS="$dir/log/node.log" \
    "$@"
}

running_pid() {
  local file
  file="$(pidfile "$1")"
  [ -f "$file" ] || return 1
  local pid
  pid="$(cat "$file")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

prepare() {
  local port="$1" dir
  dir="$(node_dir "$port")"
  mkdir -p "$base" "$dir/mnesia" "$dir/log"
  chmod 755 "$base"
  : >"$dir/rabbitmq-env.conf"
  # Loopback only; guest may connect from localhost (RabbitMQ's default loopback_users).
  cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$port
loopback_users.guest = true
log.console = false
log.file.level = info
EOF
  echo "[]." >"$dir/advanced.config"
  echo "[]." >"$dir/enabled_plugins"
  if [ ! -f "$dir/.erlang.cookie" ]; then
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F' >"$dir/.erlang.cookie"
  fi
  chown -R rabbitmq:rabbitmq "$dir"
  chmod 400 "$dir/.erlang.cookie"
}

# Up means the node answers and has finished booting (its AMQP listener is open).
ping() {
  as_node "$1" "$rabbit_bin/rabbitmq-diagnostics" -q -n "$(node_name "$1")" ping >/dev/null 2>&1 \
    && as_node "$1" "$rabbit_bin/rabbitmqctl" -q -n "$(node_name "$1")" await_startup --timeout 5 >/dev/null 2>&1
}

start() {
  local port="${1:?usage: $0 start PORT}"
  check_port "$port"
  need_root
  install
  local dir pid
  dir="$(node_dir "$port")"
  if pid="$(running_pid "$port")"; then
    echo "rabbitmq-test-broker: already running on $port (pid $pid)" >&2
  else
    prepare "$port"
    # setsid: its own process group, so stop ends the node and its epmd, and nothing else.
    (exec setsid "$0" __run "$port" >"$dir/stdout.log" 2>&1 </dev/null) &
    echo $! >"$(pidfile "$port")"
  fi
  local deadline=$((SECONDS + 60))
  until ping "$port"; do
    if ! running_pid "$port" >/dev/null; then
      echo "rabbitmq-test-broker: the node on $port exited; its output:" >&2
      cat "$dir/stdout.log" >&2 || true
      tail -n 40 "$dir/log/node.log" >&2 2>/dev/null || true
      rm -f "$(pidfile "$port")"
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "rabbitmq-test-broker: the node on $port did not answer within 60 s" >&2
      stop_one "$port"
      exit 1
    fi
    sleep 0.5
  done
  echo "rabbitmq-test-broker: listening on amqp://guest:guest@127.0.0.1:$port/ (node $(node_name "$port"))" >&2
}

stop_one() {
  local port="$1" pid
  if pid="$(running_pid "$port")"; then
    # A clean shutdown closes the clients' connections (CONNECTION_FORCED), as a broker restart in production does.
    as_node "$port" timeout 20 "$rabbit_bin/rabbitmqctl" -q -n "$(node_name "$port")" shutdown >/dev/null 2>&1 || true
    kill -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 -- "-$pid" 2>/dev/null || true
  fi
  # The node's own epmd (on PORT+10000) is started by Erlang as a daemon outside the process group.
  as_node "$port" epmd -kill >/dev/null 2>&1 || true
  rm -f "$(pidfile "$port")"
}

stop() {
  if [ -n "${1:-}" ]; then
    check_port "$1"
    stop_one "$1"
    rm -rf "$(node_dir "$1")"
    return
  fi
  local file port
  for file in "$base"/*/server.pid; do
    [ -f "$file" ] || continue
    port="$(basename "$(dirname "$file")")"
    stop_one "$port"
    rm -rf "$(node_dir "$port")"
  done
}

restart() {
  local port="${1:?usage: $0 restart PORT}"
  check_port "$port"
  stop_one "$port"
  start "$port"
}

case "${1:-}" in
  install) need_root; install ;;
  port) free_port ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  restart) shift; restart "$@" ;;
  __run) exec_node="$2"; as_node "$exec_node" "$rabbit_bin/rabbitmq-server" ;;
  *) echo "usage: $0 install | start PORT | stop [PORT] | restart PORT | port" >&2; exit 2 ;;
esac
