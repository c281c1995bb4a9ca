#!/usr/bin/env bash
# End-to-end benchmark of a foreign layout read in place (issue 10). Not a test: it prints figures and ratios.
#
# N generated golang-migrate pairs (N_name.up.sql / N_name.down.sql: a table, an index and 10 rows each). On
# PostgreSQL (a throwaway server, durable defaults) and on SQLite (a file):
#   - `ratchet up` of the golang-migrate folder, compared with one `psql` session (or one `sqlite3` process) running
#     the same up files, each wrapped in BEGIN/COMMIT, and with `ratchet up` of the same folder converted to native
#     files (`ratchet convert --to native`), which shows what reading the foreign layout costs;
#   - `ratchet verify` over the golang-migrate folder: the stairway (each revision up, down, up again on a scratch
#     database, schema compared at each step).
#
# Usage: bench/layouts/run.sh [N=300] [RUNS=3]
set -euo pipefail
N=${1:-300}
RUNS=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
# Run from the temporary folder: ratchet appends its decisions to kb/decisions.log under the working directory.
cd "$work"
. "$root/bench/lib/postgres.sh"
trap 'stop_server; rm -rf "$work"' EXIT
start_server
publish_tool

echo "generating $N golang-migrate pairs ..."
mkdir -p "$work/gm"
: > "$work/all.sql"
for ((i = 1; i <= N; i++)); do
  values=$(for ((r = 1; r <= 10; r++)); do printf "(%d, 'row %d')" "$r" "$r"; if [ "$r" -lt 10 ]; then printf ', '; fi; done)
  printf '%s\n%s\n%s\n' "CREATE TABLE t$i (id integer PRIMARY KEY, name text NOT NULL);" \
    "CREATE INDEX ix_t${i}_name ON t$i (name);" "INSERT INTO t$i (id, name) VALUES $values;" > "$work/gm/${i}_table_$i.up.sql"
  printf 'DROP TABLE t%s;\n' "$i" > "$work/gm/${i}_table_$i.down.sql"
  { echo "BEGIN;"; cat "$work/gm/${i}_table_$i.up.sql"; echo "COMMIT;"; } >> "$work/all.sql"
done
cp -r "$work/gm" "$work/native"
"$ratchet" convert --to native --dir "$work/native" --url "sqlite:$work/convert.db" >/dev/null
sync; sleep 2

"$bindir/psql" -q -d "$(psql_url postgres)" -c "SELECT 1" >/dev/null
pg_psql=(); pg_up=(); pg_native=(); pg_verify=(); sq_cli=(); sq_up=(); sq_native=(); sq_verify=()
for ((r = 1; r <= RUNS; r++)); do
  fresh_db b_psql; fresh_db b_up; fresh_db b_native
  t0=$(now_ms); "$bindir/psql" -q -X -v ON_ERROR_STOP=1 -d "$(psql_url b_psql)" -f "$work/all.sql" >/dev/null; t1=$(now_ms); pg_psql+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" up --dir "$work/gm" --url "$(psql_url b_up)" >/dev/null; t1=$(now_ms); pg_up+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" up --dir "$work/native" --url "$(psql_url b_native)" >/dev/null; t1=$(now_ms); pg_native+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" verify --dir "$work/gm" --url "$(psql_url b_up)" >/dev/null; t1=$(now_ms); pg_verify+=($((t1 - t0)))

  rm -f "$work"/s_*.db
  t0=$(now_ms); sqlite3 -bail "$work/s_cli.db" < "$work/all.sql" >/dev/null; t1=$(now_ms); sq_cli+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" up --dir "$work/gm" --url "sqlite:$work/s_up.db" >/dev/null; t1=$(now_ms); sq_up+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" up --dir "$work/native" --url "sqlite:$work/s_native.db" >/dev/null; t1=$(now_ms); sq_native+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" verify --dir "$work/gm" --url "sqlite:$work/s_up.db" >/dev/null; t1=$(now_ms); sq_verify+=($((t1 - t0)))
done

applied_pg=$("$bindir/psql" -qtA -d "$(psql_url b_up)" -c 'SELECT count(*) FROM ratchet_history')
applied_sq=$(sqlite3 "$work/s_up.db" 'SELECT count(*) FROM ratchet_history')
m() { printf '%s\n' "$@" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
pp=$(m "${pg_psql[@]}"); pu=$(m "${pg_up[@]}"); pn=$(m "${pg_native[@]}"); pv=$(m "${pg_verify[@]}")
sc=$(m "${sq_cli[@]}"); su=$(m "${sq_up[@]}"); sn=$(m "${sq_native[@]}"); sv=$(m "${sq_verify[@]}")

echo
echo "machine: $(nproc) cores, $(uname -sr), $("$bindir/postgres" --version), SQLite $(sqlite3 --version | cut -d' ' -f1), median of $RUNS runs"
echo "$N golang-migrate pairs (table + index + 10 rows each); applied: PostgreSQL $applied_pg, SQLite $applied_sq"
echo "PostgreSQL:"
echo "  psql, one session, each file in BEGIN/COMMIT     : ${pp} ms"
echo "  ratchet up, golang-migrate folder                : ${pu} ms ($(ratio "$pu" "$pp") of psql)"
echo "  ratchet up, the same converted to native         : ${pn} ms (golang-migrate/native $(ratio "$pu" "$pn"))"
echo "  ratchet verify, golang-migrate folder (stairway) : ${pv} ms ($(ratio "$pv" "$pu") of up)"
echo "SQLite:"
echo "  sqlite3, one process, each file in BEGIN/COMMIT  : ${sc} ms"
echo "  ratchet up, golang-migrate folder                : ${su} ms ($(ratio "$su" "$sc") of sqlite3)"
echo "  ratchet up, the same converted to native         : ${sn} ms (golang-migrate/native $(ratio "$su" "$sn"))"
echo "  ratchet verify, golang-migrate folder (stairway) : ${sv} ms ($(ratio "$sv" "$su") of up)"
