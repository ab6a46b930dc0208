#!/usr/bin/env bash
# pg-throwaway.sh - a throwaway PostgreSQL server for the audit-history
# tests (.ci/run; usable by hand).
#
#   eval "$(bash scripts/pg-throwaway.sh start)"   # sets K3A_TEST_PG, K3A_PG_DIR
#   bash scripts/pg-throwaway.sh stop "$K3A_PG_DIR"
#
# start: initdb into a new temporary folder, pg_ctl start on a free port of
# 127.0.0.1 (and a socket in that folder), trust authentication for the
# local user only, a database k3a_test; prints the shell lines that export
# the connection URL.  initdb refuses to run as root, so as root the
# server runs as the `postgres` user of Debian's package.
# stop: stops that server and removes the folder.
set -eu

bindir() {
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

as_owner() { # run a command as the cluster's owner
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    p=54329
    while [ $p -lt 54500 ]; do
        if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo $p; return 0; fi
        p=$((p + 1))
    done
    return 1
}

case "${1:-}" in
start)
    bin=$(bindir) || { echo "pg-throwaway: PostgreSQL is not installed" >&2; exit 1; }
    dir=$(mktemp -d /tmp/k3a-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(free_port) || { echo "pg-throwaway: no free port" >&2; exit 1; }
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
        --no-locale >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start \
        >/dev/null 2>&1 || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres k3a_test >&2
    echo "export K3A_TEST_PG='postgresql://postgres@127.0.0.1:$port/k3a_test'"
    echo "export K3A_PG_DIR='$dir'"
    echo "export K3A_PG_BIN='$bin'"
    ;;
stop)
    dir=${2:?usage: pg-throwaway.sh stop DIR}
    bin=$(bindir) || exit 0
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop \
        >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: pg-throwaway.sh start | stop DIR" >&2
    exit 2
    ;;
esac
