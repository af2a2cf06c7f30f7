#!/usr/bin/env bash
# Two app servers (gunicorn on :5101 and :5102) and a job worker against one throwaway
# PostgreSQL and one throwaway Redis; prints PASS or FAIL per check (bench/two_servers.py).
#   PGPORT=54329 REDIS_PORT=56379 bench/two_servers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec tests/postgres.sh tests/redis.sh .venv/bin/python bench/two_servers.py "$@"
