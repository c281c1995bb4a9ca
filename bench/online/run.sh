#!/usr/bin/env bash
# Online (zero-downtime) int -> bigint on PostgreSQL under load. Not a test: it prints a report (bench/online/README.md).
#
# A table `items` (ROWS rows, id serial) takes a steady open-loop load (TPS transactions/s from 8 clients: 50% SELECT,
# 40% UPDATE, 10% INSERT, by random id) while its id becomes bigint:
#   1. online mode (database online_bench): `ratchet start` (new column, trigger, batched backfill, concurrent index,
#      NOT VALID check), a window where half the clients run as new code (search_path rv_002, public), then
#      `ratchet complete` (validate, one short swap);
#   2. plain mode (database plain_bench, same rows, same load): one ALTER TABLE items ALTER COLUMN id TYPE bigint.
# Each phase's latencies are compared with the baseline phase before it; the backfill's rows/s with one unbatched
# UPDATE on an unloaded copy; lock waits come from the server log (log_lock_waits, deadlock_timeout = 10ms).
#
# Usage: bench/online/run.sh [ROWS=1000000] [TPS=200] [PHASE_SECONDS=20]
# RATCHET_TOOL=/path/to/Ratchet.Cli reuses a published CLI instead of publishing one (bench/lib/postgres.sh; saves minutes on 2 cores).
# BENCH_PG_OPTIONS="-c wal_compression=lz4" adds server options to the throwaway server's (tuning runs).
# RATCHET_BENCH_POSTGRES=postgres://... uses that server instead of a throwaway one (then no server log is read:
# the lock-wait figure needs log_lock_waits and the log_line_prefix below, and reads 0).
set -euo pipefail
ROWS=${1:-1000000}
TPS=${2:-200}
PHASE=${3:-20}
CLIENTS=${CLIENTS:-8}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
# Run from the temporary folder: ratchet appends its decisions to kb/decisions.log under the working directory.
cd "$work"
PG_EXTRA="-c log_lock_waits=on -c deadlock_timeout=10ms -c log_line_prefix='%m [%p] %a ' -c shared_buffers=256MB -c max_connections=100 ${BENCH_PG_OPTIONS:-}"
. "$root/bench/lib/postgres.sh"
trap 'stop_server; rm -rf "$work"' EXIT
start_server
log=()
[ -n "${started:-}" ] && log=(--log "$work/server.log")

publish_tool
echo "building bench/online/OnlineLoad (Release) ..."
dotnet build -c Release "$root/bench/online/OnlineLoad" -v q -nologo >/dev/null

mkdir -p "$work/project/migrations"
# ONLINE_SETTINGS="batch_time = \"50ms\"" tunes the online steps ([online] of ratchet.toml; docs/online.md).
if [ -n "${ONLINE_SETTINGS:-}" ]; then printf '[online]\n%s\n' "$ONLINE_SETTINGS" > "$work/project/ratchet.toml"; fi
cat > "$work/project/migrations/001__items.sql" <<'SQL'
-- ratchet:revision 001
-- ratchet:message items
-- ratchet:up
CREATE TABLE items (id serial PRIMARY KEY, account int NOT NULL, qty int NOT NULL, note text);
CREATE INDEX items_account ON items (account);
-- ratchet:down
DROP TABLE items;
SQL
cat > "$work/project/migrations/002__widen_items_id.sql" <<'SQL'
-- ratchet:revision 002
-- ratchet:revises 001
-- ratchet:message widen items.id
-- ratchet:online
-- ratchet:up
ALTER TABLE items ALTER COLUMN id TYPE bigint;
SQL

echo
echo "=== online int -> bigint under load: $ROWS rows, $TPS tx/s, $CLIENTS clients, $PHASE s per phase ==="
echo "machine: $(nproc) cores (nproc), $(uname -sr), $("$bindir/postgres" --version)"
echo "compared: each phase's p99 latency against the baseline phase (same load, no migration);"
echo "          ratchet's batched backfill (under load) against one unbatched UPDATE on an unloaded copy;"
echo "          ratchet start/complete (online_bench) against a plain ALTER TABLE ... TYPE bigint (plain_bench)."
echo "server options: $PG_EXTRA"

run() {
  local mode=$1 db=$2 rc=0
  fresh_db "$db"
  echo
  echo "=== mode $mode (database $db) ==="
  (cd "$work/project" && dotnet run -c Release --no-build --project "$root/bench/online/OnlineLoad" -- \
    --mode "$mode" --url "$(psql_url "$db")" --dir "$work/project/migrations" --ratchet "$ratchet" \
    --rows "$ROWS" --tps "$TPS" --clients "$CLIENTS" --phase-seconds "$PHASE" "${log[@]}") || rc=$?
  [ "$rc" -eq 0 ] || echo "OnlineLoad --mode $mode exited $rc (1: setup failed, 2: a migration command failed)"
}
t0=$(now_ms)
# MODES="online" runs only the online mode (tuning runs).
# backfill: the same table with no load and no pause, for the backfill's own throughput against one unbatched UPDATE.
for mode in ${MODES:-online plain backfill}; do run "$mode" "${mode}_bench"; done
echo
echo "total $(( ($(now_ms) - t0) / 1000 )) s for both modes"
