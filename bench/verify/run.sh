#!/usr/bin/env bash
# End-to-end benchmark of `ratchet verify` on PostgreSQL (issue 6). Not a test: it prints figures and ratios.
#
# N generated revisions (a table, an index and 10 rows each, with a down). Compared: `ratchet up` of all of them on an
# empty database (the server's durable defaults), against `ratchet verify` (every revision up, down and up again on a
# scratch database, the schema read and compared three times per revision) and `ratchet verify --data` (plus 50
# generated rows per table and the data compared at each step). Target: verify <= 5x the plain up.
#
# Usage: bench/verify/run.sh [N=100] [RUNS=3]
set -euo pipefail
N=${1:-100}
RUNS=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
# Run from the temporary folder: ratchet appends its decisions to kb/decisions.log under the working directory.
cd "$work"
. "$root/bench/lib/postgres.sh"
trap 'stop_server; rm -rf "$work"' EXIT
start_server
publish_tool

echo "generating $N revisions ..."
mkdir -p "$work/migrations"
for ((i = 1; i <= N; i++)); do
  id=$(printf '%06d' "$i")
  parent=$([ "$i" -eq 1 ] && echo base || printf '%06d' $((i - 1)))
  values=$(for ((r = 1; r <= 10; r++)); do printf "(%d, 'row %d')" "$r" "$r"; if [ "$r" -lt 10 ]; then printf ', '; fi; done)
  printf -- '-- ratchet:revises %s\n-- ratchet:message Table %s\n\n-- ratchet:up\n%s\n%s\n%s\n\n-- ratchet:down\nDROP TABLE t%s;\n' "$parent" "$i" \
    "CREATE TABLE t$i (id integer PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());" \
    "CREATE INDEX ix_t${i}_name ON t$i (name);" "INSERT INTO t$i (id, name) VALUES $values;" "$i" > "$work/migrations/${id}__table_$i.sql"
done
sync; sleep 2

up_times=(); verify_times=(); data_times=()
for ((r = 1; r <= RUNS; r++)); do
  fresh_db bench_up
  t0=$(now_ms); "$ratchet" up --dir "$work/migrations" --url "$(psql_url bench_up)" >/dev/null; t1=$(now_ms)
  up_times+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" verify --dir "$work/migrations" --url "$(psql_url bench_up)" >/dev/null; t1=$(now_ms)
  verify_times+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" verify --data --dir "$work/migrations" --url "$(psql_url bench_up)" >/dev/null; t1=$(now_ms)
  data_times+=($((t1 - t0)))
done
up_ms=$(printf '%s\n' "${up_times[@]}" | median)
verify_ms=$(printf '%s\n' "${verify_times[@]}" | median)
data_ms=$(printf '%s\n' "${data_times[@]}" | median)

echo
echo "machine: $(nproc) cores, $(uname -sr), $("$bindir/postgres" --version), median of $RUNS runs"
echo "$N revisions (table + index + 10 rows each):"
echo "  ratchet up, empty database (durable)           : ${up_ms} ms"
echo "  ratchet verify (up, down, up again + 3 reads)   : ${verify_ms} ms"
echo "  ratchet verify --data (50 rows per table)       : ${data_ms} ms"
awk -v a="$verify_ms" -v b="$up_ms" 'BEGIN { printf "  ratio verify/up                                 : %.2fx (target <= 5x)\n", a / b }'
awk -v a="$data_ms" -v b="$up_ms" 'BEGIN { printf "  ratio verify --data/up                          : %.2fx\n", a / b }'
