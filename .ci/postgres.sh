#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the decision log's tests: a temporary folder, an unprivileged
# user, a free localhost port (password authentication) and a socket in the same folder.
#
#   .ci/postgres.sh start              creates and starts a cluster; prints shell exports to eval:
#                                        SAFESHARE_TEST_POSTGRES       superuser connection string
#                                        SAFESHARE_TEST_POSTGRES_DIR   the cluster's folder (for stop)
#   .ci/postgres.sh stop DIR           stops the cluster in DIR (fast) and deletes DIR
#   .ci/postgres.sh kill DIR           stops it abruptly (pg_ctl stop -m immediate): a crash, for tests
#   .ci/postgres.sh restart DIR        starts it again after kill (same port, same data)
#   .ci/postgres.sh run -- CMD ARGS    start, run CMD with the exports set, stop on exit (even on failure)
#
# Installs PostgreSQL with apt-get when initdb is missing (as root). Everything but the exports goes
# to standard error, so "eval "$(.ci/postgres.sh start)"" works.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local name=$1 candidate
  if candidate=$(command -v "$name" 2>/dev/null); then
    echo "$candidate"
    return 0
  fi
  # Debian's packages keep the server tools out of PATH.
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$candidate/$name" ]]; then
      echo "$candidate/$name"
      return 0
    fi
  done
  return 1
}

ensure_installed() {
  if find_bin initdb >/dev/null; then
    return 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    log "initdb is not installed; install PostgreSQL (apt-get install postgresql) or set SAFESHARE_TEST_POSTGRES"
    exit 1
  fi
  log "installing postgresql"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  find_bin initdb >/dev/null || { log "initdb still missing after installing postgresql"; exit 1; }
}

# The server refuses to run as root: as root, run it as a dedicated system user.
cluster_user() {
  if [[ $(id -u) -ne 0 ]]; then
    id -un
    return
  fi
  if ! id -u safeshare-ci >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin safeshare-ci
  fi
  echo safeshare-ci
}

as_user() {
  local user=$1
  shift
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  ensure_installed
  local initdb pg_ctl user dir port password
  initdb=$(find_bin initdb)
  pg_ctl=$(find_bin pg_ctl)
  user=$(cluster_user)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/safeshare-pg.XXXXXX")
  chmod 700 "$dir"
  port=$(free_port)
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  printf '%s\n' "$password" >"$dir/pwfile"
  chown -R "$user" "$dir"
  as_user "$user" "$initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '$dir'"
    echo "max_connections = 200"
    echo "fsync = on"
    echo "synchronous_commit = on"
  } >>"$dir/data/postgresql.conf"
  echo "$pg_ctl" >"$dir/pg_ctl"
  echo "$user" >"$dir/user"
  as_user "$user" "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >&2 ||
    { cat "$dir/server.log" >&2; exit 1; }
  log "cluster up in $dir on 127.0.0.1:$port as $user"
  printf 'export SAFESHARE_TEST_POSTGRES=%q\n' "Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Password=$password"
  printf 'export SAFESHARE_TEST_POSTGRES_DIR=%q\n' "$dir"
}

control() {
  local dir=$1
  shift
  [[ -f "$dir/pg_ctl" ]] || { log "no cluster in '$dir'"; exit 1; }
  as_user "$(cat "$dir/user")" "$(cat "$dir/pg_ctl")" -D "$dir/data" "$@" >&2
}

stop() {
  local dir=${1:-}
  [[ -n "$dir" && -d "$dir" ]] || return 0
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    control "$dir" -m fast -w -t 60 stop || control "$dir" -m immediate stop || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  kill) control "${2:?cluster folder}" -m immediate -w stop ;;
  restart) control "${2:?cluster folder}" -l "${2}/server.log" -w -t 60 start ;;
  run)
    shift
    [[ "${1:-}" == "--" ]] && shift
    eval "$(start)"
    trap 'stop "$SAFESHARE_TEST_POSTGRES_DIR"' EXIT
    "$@"
    ;;
  *)
    echo "usage: $0 start | stop DIR | kill DIR | restart DIR | run -- CMD [ARGS]" >&2
    exit 2
    ;;
esac
