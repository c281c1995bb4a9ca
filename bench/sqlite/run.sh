#!/usr/bin/env bash
# End-to-end SQLite benchmark for Ratchet (issue 2). Not a test: it prints figures and ratios.
#
# 1. Apply N generated revisions (a table, an index and 3 rows each) to an empty SQLite file with `ratchet up`,
#    against the same SQL run by one `sqlite3` process, one BEGIN/COMMIT per file. Target: ratio <= 2.0.
# 2. Cold-process wall time of `ratchet status` with the N revisions applied. Target: < 300 ms.
#
# Usage: bench/sqlite/run.sh [N=1000] [RUNS=5]
set -euo pipefail
N=${1:-1000}
RUNS=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
# Run from the temporary folder: ratchet appends its decisions to kb/decisions.log under the working directory.
cd "$work"
trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed for the baseline (apt-get install -y sqlite3)"; exit 2; }

echo "publishing Ratchet.Cli (the release build: self-contained, composite ReadyToRun, linux-x64) ..."
dotnet publish "$root/src/Ratchet.Cli" -c Release -r linux-x64 \
  -o "$work/tool" -v q >/dev/null
ratchet="$work/tool/Ratchet.Cli"

echo "generating $N revisions ..."
mkdir -p "$work/migrations"
: > "$work/all.sql"
for ((i = 1; i <= N; i++)); do
  id=$(printf '%06d' "$i")
  parent=$([ "$i" -eq 1 ] && echo base || printf '%06d' $((i - 1)))
  up="CREATE TABLE t$i (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at TEXT);
CREATE INDEX ix_t${i}_name ON t$i (name);
INSERT INTO t$i (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c');"
  printf -- '-- ratchet:revises %s\n-- ratchet:message Table %s\n\n-- ratchet:up\n%s\n\n-- ratchet:down\nDROP TABLE t%s;\n' \
    "$parent" "$i" "$up" "$i" > "$work/migrations/${id}__table_$i.sql"
  printf 'BEGIN;\n%s\nCOMMIT;\n' "$up" >> "$work/all.sql"
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

sqlite_times=(); ratchet_times=()
for ((r = 1; r <= RUNS; r++)); do
  rm -f "$work/s.db" "$work/r.db"
  t0=$(now_ms); sqlite3 "$work/s.db" < "$work/all.sql"; t1=$(now_ms)
  sqlite_times+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" up --dir "$work/migrations" --url "sqlite:$work/r.db" > /dev/null; t1=$(now_ms)
  ratchet_times+=($((t1 - t0)))
done
sqlite_ms=$(printf '%s\n' "${sqlite_times[@]}" | median)
ratchet_ms=$(printf '%s\n' "${ratchet_times[@]}" | median)

status_times=()
for ((r = 1; r <= RUNS * 2; r++)); do
  t0=$(now_ms); "$ratchet" status --dir "$work/migrations" --url "sqlite:$work/r.db" > /dev/null; t1=$(now_ms)
  status_times+=($((t1 - t0)))
done
status_ms=$(printf '%s\n' "${status_times[@]}" | median)
applied=$(sqlite3 "$work/r.db" 'SELECT count(*) FROM ratchet_history')

echo
echo "machine: $(nproc) cores, $(uname -sr), sqlite3 $(sqlite3 --version | cut -d' ' -f1), median of $RUNS runs"
echo "apply $N revisions, empty SQLite file:"
echo "  sqlite3, one process, BEGIN/COMMIT per file : ${sqlite_ms} ms"
echo "  ratchet up (history rows, lock, checksums)  : ${ratchet_ms} ms ($applied revisions recorded)"
awk -v a="$ratchet_ms" -v b="$sqlite_ms" 'BEGIN { printf "  ratio ratchet/sqlite3                       : %.2fx (target <= 2.0x)\n", a / b }'
echo "cold ratchet status, $N applied                : ${status_ms} ms (target < 300 ms)"
