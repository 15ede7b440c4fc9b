#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite, on a loopback port, its files in a
# temporary folder. PostgreSQL refuses to run as root, so under root it runs as the
# `postgres` user (made by Debian's package), or a system user made for it.
#
#   eval "$(scripts/postgres-test-server.sh start)"   # sets ORATOR_TEST_POSTGRES_URL/_DIR
#   scripts/postgres-test-server.sh stop "$ORATOR_TEST_POSTGRES_DIR"
set -euo pipefail

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] && command -v initdb >/dev/null; then dir=$(dirname "$(command -v initdb)"); fi
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "postgres-test-server: no PostgreSQL server found (scripts/setup.sh installs it)" >&2
    exit 1
  fi
  echo "$dir"
}

# Runs a command as the server's user: ourselves, or a non-root user when we are root (from
# `/`, since that user may not be allowed into the folder we were started in).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u "$owner" -- "$@"); else "$@"; fi
}

case "${1:-}" in
  start)
    bin=$(bindir)
    owner=$(id -un)
    if [ "$(id -u)" -eq 0 ]; then
      owner=postgres
      id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home "$owner"
    fi
    dir=$(mktemp -d -t orator-postgres.XXXXXX)
    chown "$owner" "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U orator --auth=trust --encoding=UTF8 --locale=C \
      --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: a few random tries, each checked by connecting to it first.
    for _ in $(seq 1 20); do
      port=$((20000 + RANDOM % 40000))
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
      # Durability is worth nothing for a throwaway server; speed is.
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
        >/dev/null; then
        echo "export ORATOR_TEST_POSTGRES_URL='postgres://orator@127.0.0.1:$port/postgres?sslmode=disable'"
        echo "export ORATOR_TEST_POSTGRES_DIR='$dir'"
        exit 0
      fi
    done
    cat "$dir/server.log" >&2 || true
    echo "postgres-test-server: the server did not start" >&2
    exit 1
    ;;
  stop)
    dir=${2:?usage: $0 stop DIR}
    [ -d "$dir/data" ] || exit 0
    bin=$(bindir)
    owner=$(stat -c %U "$dir")
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
