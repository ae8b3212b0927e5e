#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (issue 13).
#
#   .ci/postgres.sh start DIR   installs PostgreSQL when missing (Debian's
#                               `postgresql` package), creates a cluster in
#                               DIR/data owned by a non-root user, starts it
#                               on a free local port and prints the server's
#                               address: postgres://geokg@127.0.0.1:PORT/postgres
#   .ci/postgres.sh stop DIR    stops it (fast shutdown) and removes DIR
#
# PostgreSQL refuses to run as root: as root the cluster runs as `nobody`.
# Nothing outside DIR is changed (but the package install).
set -euo pipefail

cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi

# The newest installed server's binaries.
bindir() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; fi
}

# Runs a command as the cluster's owner.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u nobody -- "$@"
    else
        "$@"
    fi
}

case "$cmd" in
start)
    if [ -z "$(bindir)" ]; then
        echo "ci: installing postgresql" >&2
        SUDO=""
        if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi
        $SUDO apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
    fi
    bin=$(bindir)
    if [ -z "$bin" ]; then
        echo "ci: no PostgreSQL server binaries after the install" >&2
        exit 1
    fi
    mkdir -p "$dir"
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then chown nobody "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U geokg --auth=trust --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # A free port: bind port 0, read what the kernel gave, let it go.
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # Durability is not what the tests check: no fsync makes them faster.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >&2 || {
        cat "$dir/server.log" >&2
        exit 1
    }
    echo "postgres://geokg@127.0.0.1:$port/postgres"
    ;;
stop)
    bin=$(bindir)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
