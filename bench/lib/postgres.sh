# Shared by the PostgreSQL benchmarks: a throwaway server (or RATCHET_BENCH_POSTGRES), the published tool, timing.
# Source it after setting `work` (a temporary folder the caller removes) and, optionally, PG_EXTRA (server options).
# RATCHET_BENCH_DATA=/dev/shm puts the throwaway server's data directory in a new folder there instead of in `work`
# (to compare this disk with a filesystem that has no device behind it); it is removed when the server stops.
bindir=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_server() {
  if [ -n "${started:-}" ]; then as_pg "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  if [ -n "${RATCHET_BENCH_DATA:-}" ] && [ -n "${data:-}" ]; then rm -rf "$(dirname "$data")"; fi
}

start_server() {
  if [ -n "${RATCHET_BENCH_POSTGRES:-}" ]; then
    base="${RATCHET_BENCH_POSTGRES%/*}"
    return
  fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  chmod 755 "$work"
  [ "$(id -u)" = 0 ] && chown postgres "$work"
  data="$work/data"
  if [ -n "${RATCHET_BENCH_DATA:-}" ]; then
    data="$(mktemp -d -p "$RATCHET_BENCH_DATA")/data"
    chmod 755 "$(dirname "$data")"
    [ "$(id -u)" = 0 ] && chown postgres "$(dirname "$data")"
  fi
  echo "server data directory: $data ($(df --output=fstype "$(dirname "$data")" | tail -n 1))"
  as_pg "$bindir/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C --no-instructions >/dev/null
  as_pg "$bindir/pg_ctl" -D "$data" -l "$work/server.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1 ${PG_EXTRA:-}" start >/dev/null
  started=1
  base="postgres://postgres@127.0.0.1:$port"
}

psql_url() { echo "$base/$1"; }

# RATCHET_TOOL=/path/to/Ratchet.Cli reuses a CLI published before (publishing the release build takes minutes on 2 cores).
publish_tool() {
  if [ -n "${RATCHET_TOOL:-}" ]; then ratchet=$RATCHET_TOOL; echo "using $ratchet"; return; fi
  echo "publishing Ratchet.Cli (the release build: self-contained, composite ReadyToRun, linux-x64) ..."
  dotnet publish "$root/src/Ratchet.Cli" -c Release -r linux-x64 -o "$work/tool" -v q >/dev/null
  ratchet="$work/tool/Ratchet.Cli"
}

fresh_db() { "$bindir/psql" -q -d "$(psql_url postgres)" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
