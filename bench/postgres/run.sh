#!/usr/bin/env bash
# End-to-end PostgreSQL benchmark for Ratchet (issue 3). Not a test: it prints figures and the ratio.
#
# Apply N generated revisions (a table, an index and 10 rows each) to an empty database with `ratchet up`, against
# one `psql` session running the same SQL, each file wrapped in BEGIN/COMMIT. Target: ratio <= 1.3.
# Both run against the same server with its default, durable settings (fsync on), over TCP on 127.0.0.1. ratchet is
# the release build (`dotnet publish src/Ratchet.Cli -c Release -r linux-x64`: self-contained, composite ReadyToRun),
# or the binary RATCHET_TOOL names.
#
# Usage: bench/postgres/run.sh [N=500] [RUNS=3] [MODE=durable|no-fsync-wait]
# durable: the server's defaults (each COMMIT waits for its WAL flush), what production sees.
# no-fsync-wait: synchronous_commit=off on the throwaway server, so commits do not wait for the disk and the figure
# shows the client's own overhead (round trips, CPU) at its worst.
# Uses the server RATCHET_BENCH_POSTGRES names (a postgres:// URL with the right to create databases), else starts
# a throwaway server from the machine's binaries (as the postgres account when run as root).
set -euo pipefail
N=${1:-500}
RUNS=${2:-3}
MODE=${3:-durable}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
# Run from the temporary folder: ratchet appends its decisions to kb/decisions.log under the working directory.
cd "$work"
PG_EXTRA=$([ "$MODE" = no-fsync-wait ] && echo '-c synchronous_commit=off' || true)
. "$root/bench/lib/postgres.sh"
trap 'stop_server; rm -rf "$work"' EXIT
start_server
publish_tool

echo "generating $N revisions ..."
mkdir -p "$work/migrations"
: > "$work/all.sql"
for ((i = 1; i <= N; i++)); do
  id=$(printf '%06d' "$i")
  parent=$([ "$i" -eq 1 ] && echo base || printf '%06d' $((i - 1)))
  values=$(for ((r = 1; r <= 10; r++)); do printf "(%d, 'row %d')" "$r" "$r"; if [ "$r" -lt 10 ]; then printf ', '; fi; done)
  up="CREATE TABLE t$i (id integer PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX ix_t${i}_name ON t$i (name);
INSERT INTO t$i (id, name) VALUES $values;"
  printf -- '-- ratchet:revises %s\n-- ratchet:message Table %s\n\n-- ratchet:up\n%s\n\n-- ratchet:down\nDROP TABLE t%s;\n' \
    "$parent" "$i" "$up" "$i" > "$work/migrations/${id}__table_$i.sql"
  printf 'BEGIN;\n%s\nCOMMIT;\n' "$up" >> "$work/all.sql"
done

# Let the writes of the publish and the generation reach the disk first: fsync latency is what both sides wait on.
sync; sleep 3

"$bindir/psql" -q -d "$(psql_url postgres)" -c "SELECT 1" >/dev/null

psql_times=(); ratchet_times=()
for ((r = 1; r <= RUNS; r++)); do
  fresh_db bench_psql; fresh_db bench_ratchet
  t0=$(now_ms); "$bindir/psql" -q -X -v ON_ERROR_STOP=1 -d "$(psql_url bench_psql)" -f "$work/all.sql" >/dev/null; t1=$(now_ms)
  psql_times+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" up --dir "$work/migrations" --url "$(psql_url bench_ratchet)" >/dev/null; t1=$(now_ms)
  ratchet_times+=($((t1 - t0)))
done
psql_ms=$(printf '%s\n' "${psql_times[@]}" | median)
ratchet_ms=$(printf '%s\n' "${ratchet_times[@]}" | median)
applied=$("$bindir/psql" -qtA -d "$(psql_url bench_ratchet)" -c 'SELECT count(*) FROM ratchet_history')

echo
echo "machine: $(nproc) cores, $(uname -sr), $("$bindir/postgres" --version), mode $MODE, median of $RUNS runs"
echo "apply $N revisions (table + index + 10 rows each), empty database:"
echo "  psql, one session, BEGIN/COMMIT per file     : ${psql_ms} ms"
echo "  ratchet up (lock, history, lock_timeout)      : ${ratchet_ms} ms ($applied revisions recorded)"
awk -v a="$ratchet_ms" -v b="$psql_ms" 'BEGIN { printf "  ratio ratchet/psql                            : %.2fx (target <= 1.3x)\n", a / b }'
