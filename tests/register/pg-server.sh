#!/usr/bin/env bash
# Starts or stops a private PostgreSQL server for tests and benchmarks:
# initdb in a temporary folder, listening on 127.0.0.1 only, on a free port,
# run as the non-root user `evakin` when called as root (initdb and postgres
# refuse to run as root). Never touches a system cluster.
#   eval "$(pg-server.sh start)"   -> sets PG_DIR, PG_PORT, PG_CONN
#   eval "$(pg-server.sh start-password PASSWORD)"
#                                  -> the same, but TCP connections (127.0.0.1) need user evakin's
#                                     PASSWORD (scram-sha-256); the socket in $PG_DIR stays trust.
#                                     PG_CONN holds no password (give it as PGPASSWORD).
#   pg-server.sh stop "$PG_DIR"
# Exit 77 (skip) when Debian's postgresql is not installed.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-server.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 77
fi
as_user() {
  if [ "$(id -u)" = 0 ]; then
    id evakin >/dev/null 2>&1 || useradd -m evakin
    runuser -u evakin -- "$@"
  else
    "$@"
  fi
}
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
    echo $((20000 + RANDOM % 20000))
}
case "${1:-}" in
  start | start-password)
    mode=$1
    auth=(--auth=trust)
    pwfile=
    if [ "$mode" = start-password ]; then
      password=${2:?pg-server.sh start-password PASSWORD}
      auth=(--auth-local=trust --auth-host=scram-sha-256)
    fi
    dir=$(mktemp -d /tmp/evakin-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && { id evakin >/dev/null 2>&1 || useradd -m evakin; chown evakin "$dir"; }
    port=$(free_port)
    if [ "$mode" = start-password ]; then
      # initdb reads the superuser's password from a file: only evakin may read it, and it goes
      # as soon as initdb is done (the server keeps only the SCRAM verifier).
      pwfile="$dir/pwfile"
      (umask 077 && printf '%s\n' "$password" >"$pwfile")
      [ "$(id -u)" = 0 ] && chown evakin "$pwfile"
      auth+=(--pwfile="$pwfile")
    fi
    as_user "$bin/initdb" -D "$dir/data" -U evakin "${auth[@]}" -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
      { [ -z "$pwfile" ] || rm -f "$pwfile"; cat "$dir/initdb.log" >&2; exit 1; }
    [ -z "$pwfile" ] || rm -f "$pwfile"
    # Loopback only, socket in our own folder; fsync stays on so the figures are honest.
    as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=50" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    if [ "$mode" = start-password ]; then
      # Through the socket, which needs no password.
      as_user "$bin/createdb" -h "$dir" -p "$port" -U evakin evakin
    else
      as_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U evakin evakin
    fi
    echo "PG_DIR=$dir PG_PORT=$port PG_CONN='host=127.0.0.1 port=$port dbname=evakin user=evakin'"
    ;;
  stop)
    dir=${2:?pg-server.sh stop DIR}
    as_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: pg-server.sh start | start-password PASSWORD | stop DIR" >&2; exit 2 ;;
esac
