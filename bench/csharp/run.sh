#!/usr/bin/env bash
# C# migrations benchmark (issue 4). Not a test: it prints figures.
#
# N loose .cs migrations (a table with a foreign key and an index each) in a migrations folder:
#   1. the first `ratchet status` compiles them with Roslyn and caches the assembly;
#   2. later cold `ratchet status` runs load the cached assembly (target: under 500 ms), compared with the same
#      number of .sql revisions;
#   3. `ratchet up` of all of them on a new SQLite file.
# Usage: bench/csharp/run.sh [N=50] [RUNS=7]
set -euo pipefail
N=${1:-50}
RUNS=${2:-7}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
# Run from the temporary folder: ratchet appends its decisions to kb/decisions.log under the working directory.
cd "$work"
trap 'rm -rf "$work"' EXIT

echo "publishing Ratchet.Cli (the release build: self-contained, composite ReadyToRun, linux-x64) ..."
dotnet publish "$root/src/Ratchet.Cli" -c Release -r linux-x64 -o "$work/tool" -v q >/dev/null
ratchet="$work/tool/Ratchet.Cli"

mkdir -p "$work/cs/migrations" "$work/sql/migrations"
for ((i = 1; i <= N; i++)); do
  id=$(printf '20260101_%03d' "$i")
  parent=$([ "$i" -eq 1 ] && echo base || printf '20260101_%03d' $((i - 1)))
  cat > "$work/cs/migrations/${id}__table_$i.cs" <<CS
[Migration("$id", Revises = "$parent", Message = "Table $i")]
public sealed class Table$i : Migration
{
    public override void Up(MigrationBuilder op)
    {
        op.CreateTable("t$i", t =>
        {
            t.Column("id", SqlType.Int).PrimaryKey();
            t.Column("name", SqlType.String(100)).NotNull();
            t.Column("created_at", SqlType.DateTime).NotNull().Default(Sql.Now);
        });
        op.CreateIndex("ix_t${i}_name", "t$i", "name");
    }
}
CS
  printf -- '-- ratchet:revises %s\n-- ratchet:message Table %s\n-- ratchet:up\nCREATE TABLE t%s (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\nCREATE INDEX ix_t%s_name ON t%s (name);\n-- ratchet:down\nDROP TABLE t%s;\n' \
    "$parent" "$i" "$i" "$i" "$i" "$i" > "$work/sql/migrations/${id}__table_$i.sql"
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
status_ms() { local t0 t1; t0=$(now_ms); (cd "$1" && "$ratchet" status > /dev/null); t1=$(now_ms); echo $((t1 - t0)); }

first=$(status_ms "$work/cs")
cs_times=(); sql_times=()
for ((r = 1; r <= RUNS; r++)); do
  cs_times+=($(status_ms "$work/cs"))
  sql_times+=($(status_ms "$work/sql"))
done
cached=$(ls "$work/cs/migrations/.ratchet"/*.dll | wc -l)
t0=$(now_ms); (cd "$work/cs" && "$ratchet" up > /dev/null); t1=$(now_ms)

echo
echo "machine: $(nproc) cores, $(uname -sr); median of $RUNS cold runs"
echo "$N C# migrations:"
echo "  first status (compiles with Roslyn, writes the cache) : ${first} ms"
echo "  later cold status (cached assembly, $cached in cache)   : $(printf '%s\n' "${cs_times[@]}" | median) ms (target < 500 ms)"
echo "  same number of .sql revisions, cold status         : $(printf '%s\n' "${sql_times[@]}" | median) ms"
echo "  up, all $N, new SQLite file                        : $((t1 - t0)) ms"
