#!/usr/bin/env bash
# Run a command (the test suite) against a throwaway PostgreSQL server on loopback.
#   tests/postgres.sh .venv/bin/pytest -m "not browser"
# Installs Debian's postgresql when it is missing, starts a fresh cluster in a temporary
# folder on 127.0.0.1:$PGPORT, exports QUIZAPP_TEST_DATABASE_URL, and removes it all after.
set -euo pipefail

PGPORT=${PGPORT:-54329}
# Tests need no durability; the benchmark sets PG_SERVER_OPTIONS=" " for the defaults.
PG_SERVER_OPTIONS=${PG_SERVER_OPTIONS:-"-c fsync=off -c synchronous_commit=off -c full_page_writes=off"}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  sudo=$( [ "$(id -u)" -eq 0 ] || echo sudo )
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

workdir=$(mktemp -d)
# PostgreSQL will not run as root: use the postgres account the package creates.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$workdir"
  as_owner=(runuser -u postgres --)
fi
cleanup() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$workdir/data" -U quizapp -A trust -E UTF8 \
  --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
  -o "-h 127.0.0.1 -p $PGPORT -k $workdir $PG_SERVER_OPTIONS" \
  start >/dev/null

export QUIZAPP_TEST_DATABASE_URL="postgresql+psycopg://quizapp@127.0.0.1:$PGPORT/postgres"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
"$@"
