#!/usr/bin/env bash
# End-to-end benchmark of `ratchet lint` (issue 7). Not a test: it prints the figure.
#
# 10,000 statements (N revisions of 10 statements each: CREATE TABLE with keys and a foreign key, indexes, ALTERs,
# UPDATE, a type change), linted for postgres@15 with every rule. Compared against the tool's own start-up
# (`ratchet --version`), so the figure shows what reading and checking cost. Target: under 1 s for 10,000 statements.
#
# Usage: bench/lint/run.sh [REVISIONS=1000] [RUNS=5]
set -euo pipefail
N=${1:-1000}
RUNS=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
# Run from the temporary folder: ratchet appends its decisions to kb/decisions.log under the working directory.
cd "$work"
trap 'rm -rf "$work"' EXIT

echo "publishing Ratchet.Cli (the release build: self-contained, composite ReadyToRun, linux-x64) ..."
dotnet publish "$root/src/Ratchet.Cli" -c Release -r linux-x64 -o "$work/tool" -v q >/dev/null
ratchet="$work/tool/Ratchet.Cli"

echo "generating $N revisions of 10 statements ..."
mkdir -p "$work/migrations"
for ((i = 1; i <= N; i++)); do
  id=$(printf '%06d' "$i")
  parent=$([ "$i" -eq 1 ] && echo base || printf '%06d' $((i - 1)))
  ref=$([ "$i" -eq 1 ] && echo "" || echo ", parent_id bigint REFERENCES t$((i - 1)) (id)")
  cat > "$work/migrations/${id}__table_$i.sql" <<SQL
-- ratchet:revises $parent
-- ratchet:up
CREATE TABLE t$i (id bigint PRIMARY KEY, name varchar(100) NOT NULL, status text DEFAULT 'new' CHECK (status IN ('new', 'done'))$ref);
CREATE INDEX ix_t${i}_name ON t$i (name);
ALTER TABLE t$i ADD COLUMN note text;
ALTER TABLE t$i ADD COLUMN amount integer NOT NULL DEFAULT 0;
UPDATE t$i SET note = 'x' WHERE id < 10;
ALTER TABLE t$i ALTER COLUMN name TYPE varchar(200);
CREATE UNIQUE INDEX ix_t${i}_note ON t$i (note) WHERE note IS NOT NULL;
ALTER TABLE t$i ADD CONSTRAINT t${i}_amount CHECK (amount >= 0) NOT VALID;
COMMENT ON TABLE t$i IS 'table $i';
ALTER TABLE t$i RENAME COLUMN note TO remark;
-- ratchet:down
DROP TABLE t$i;
SQL
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
lint_times=(); start_times=()
for ((r = 1; r <= RUNS; r++)); do
  t0=$(now_ms); "$ratchet" --version >/dev/null; t1=$(now_ms); start_times+=($((t1 - t0)))
  t0=$(now_ms); "$ratchet" lint --dir "$work/migrations" --target postgres@15 --format json > "$work/lint.json" || true; t1=$(now_ms)
  lint_times+=($((t1 - t0)))
done
lint_ms=$(printf '%s\n' "${lint_times[@]}" | median)
start_ms=$(printf '%s\n' "${start_times[@]}" | median)
statements=$(python3 -c "import json; print(json.load(open('$work/lint.json'))['statements'])")
findings=$(python3 -c "import json; print(len(json.load(open('$work/lint.json'))['findings']))")

echo
echo "machine: $(nproc) cores, $(uname -sr), median of $RUNS runs"
echo "ratchet lint, $statements statements in $N files, target postgres@15, $findings findings:"
echo "  ratchet --version (start-up alone)        : ${start_ms} ms"
echo "  ratchet lint (start-up, read, parse, check): ${lint_ms} ms (target < 1000 ms)"
awk -v a="$lint_ms" -v s="$statements" 'BEGIN { printf "  per 10,000 statements                     : %.0f ms\n", a * 10000 / s }'
