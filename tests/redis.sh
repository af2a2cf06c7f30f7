#!/usr/bin/env bash
# Run a command (the test suite) with a throwaway Redis server on loopback.
#   tests/redis.sh .venv/bin/pytest tests/accounts/test_throttle.py
# Installs Debian's redis-server when it is missing, starts one with no persistence in a
# temporary folder on 127.0.0.1:$REDIS_PORT, exports QUIZAPP_TEST_REDIS_URL, and stops
# and removes it after. The throttle tests run against it as well as the database store.
set -euo pipefail

REDIS_PORT=${REDIS_PORT:-56379}
if ! command -v redis-server >/dev/null 2>&1; then
  sudo=$( [ "$(id -u)" -eq 0 ] || echo sudo )
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
fi

workdir=$(mktemp -d)
cleanup() {
  if [ -f "$workdir/redis.pid" ]; then
    kill "$(cat "$workdir/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$workdir" --save "" \
  --appendonly no --daemonize yes --pidfile "$workdir/redis.pid" \
  --logfile "$workdir/redis.log" >/dev/null
for _ in $(seq 50); do
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
# The tests empty the database they are given: make sure it is this throwaway server and
# not another one already listening on the port.
if [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" config get dir 2>/dev/null | tail -n 1)" \
     != "$(cd "$workdir" && pwd -P)" ]; then
  echo "tests/redis.sh: could not start Redis on 127.0.0.1:$REDIS_PORT (port in use?)" >&2
  exit 1
fi

export QUIZAPP_TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$REDIS_PORT"
"$@"
