using System.Globalization;

namespace Ratchet.Verification;

/// <summary>
/// Compares the data of two snapshots. Rows are matched by primary key when both sides have the same one, otherwise
/// as multisets of their values; only the columns present on both sides are compared.
/// </summary>
public static class DataComparison
{
    /// <summary>
    /// After an up: dropped tables and columns are named as dropped on purpose; rows gone from a table that is still
    /// there, and values turned into NULL, are losses; other changed values are reported as changes.
    /// </summary>
    public static IReadOnlyList<DataFinding> AfterUp(DataSnapshot before, DataSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var findings = new List<DataFinding>();
        foreach (var (name, was) in before.Tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (after[name] is not { } now)
            {
                if (was.Rows.Count > 0)
                {
                    findings.Add(new(DataFindingKind.DroppedOnPurpose, name, null, was.Rows.Count, $"drops table {name} ({Rows(was.Rows.Count)})"));
                }

                continue;
            }

            foreach (var column in was.Columns.Where(c => now.IndexOf(c) < 0))
            {
                var values = was.Rows.Count(r => r[was.IndexOf(column)] is not null);
                if (values > 0)
                {
                    findings.Add(new(DataFindingKind.DroppedOnPurpose, name, column, values, $"drops column {name}.{column} ({Values(values)})"));
                }
            }

            var matched = Match(was, now);
            if (matched.Missing > 0)
            {
                findings.Add(new(DataFindingKind.Lost, name, null, matched.Missing,
                    $"{name}: {Rows(matched.Missing)} gone ({was.Rows.Count} before up, {now.Rows.Count} after)"));
            }

            foreach (var (column, pairs) in matched.Differences)
            {
                var nulled = pairs.Where(p => p.Before is not null && p.After is null).ToList();
                var changed = pairs.Where(p => p.After is not null).ToList();
                if (nulled.Count > 0)
                {
                    findings.Add(new(DataFindingKind.Lost, name, column, nulled.Count,
                        $"{name}.{column}: {Values(nulled.Count)} became NULL (e.g. {Show(nulled[0].Before)})"));
                }

                if (changed.Count > 0)
                {
                    findings.Add(new(DataFindingKind.Changed, name, column, changed.Count,
                        $"{name}.{column}: {Values(changed.Count)} changed (e.g. {Show(changed[0].Before)} to {Show(changed[0].After)})"));
                }
            }
        }

        return findings;
    }

    /// <summary>After a down: every table, row and value that was there before the up must be back as it was.</summary>
    public static IReadOnlyList<DataFinding> AfterDown(DataSnapshot beforeUp, DataSnapshot afterDown)
    {
        ArgumentNullException.ThrowIfNull(beforeUp);
        ArgumentNullException.ThrowIfNull(afterDown);
        var findings = new List<DataFinding>();
        foreach (var (name, was) in beforeUp.Tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (afterDown[name] is not { } now)
            {
                findings.Add(new(DataFindingKind.NotRestored, name, null, was.Rows.Count, $"table {name} is not back after down ({Rows(was.Rows.Count)} lost)"));
                continue;
            }

            foreach (var column in was.Columns.Where(c => now.IndexOf(c) < 0))
            {
                findings.Add(new(DataFindingKind.NotRestored, name, column, was.Rows.Count, $"column {name}.{column} is not back after down ({Rows(was.Rows.Count)})"));
            }

            var matched = Match(was, now);
            if (matched.Missing > 0)
            {
                findings.Add(new(DataFindingKind.NotRestored, name, null, matched.Missing,
                    $"{name}: {Rows(matched.Missing)} missing after down ({was.Rows.Count} before up, {now.Rows.Count} after down)"));
            }

            if (matched.Extra > 0)
            {
                findings.Add(new(DataFindingKind.NotRestored, name, null, matched.Extra,
                    $"{name}: {Rows(matched.Extra)} more after down than before up ({was.Rows.Count} before up, {now.Rows.Count} after down)"));
            }

            foreach (var (column, pairs) in matched.Differences)
            {
                findings.Add(new(DataFindingKind.NotRestored, name, column, pairs.Count,
                    $"{name}.{column}: data lost in {Rows(pairs.Count)}: values differ from before up (e.g. {Show(pairs[0].Before)} is now {Show(pairs[0].After)})"));
            }
        }

        return findings;
    }

    private sealed record Matched(int Missing, int Extra, List<(string Column, List<(string? Before, string? After)> Pairs)> Differences);

    private static Matched Match(TableData was, TableData now)
    {
        var common = was.Columns.Where(c => now.IndexOf(c) >= 0).ToList();
        var differences = new List<(string Column, List<(string? Before, string? After)> Pairs)>();
        var key = was.Key is { Count: > 0 } k && now.Key is { } k2 && k.SequenceEqual(k2, StringComparer.OrdinalIgnoreCase) && k.All(c => now.IndexOf(c) >= 0)
            ? k
            : null;
        if (key is not null)
        {
            var afterByKey = new Dictionary<string, string?[]>(StringComparer.Ordinal);
            foreach (var row in now.Rows)
            {
                afterByKey.TryAdd(KeyOf(row, now, key), row);
            }

            var pairs = common.ToDictionary(c => c, _ => new List<(string?, string?)>(), StringComparer.OrdinalIgnoreCase);
            var missing = 0;
            var seen = 0;
            foreach (var row in was.Rows)
            {
                if (!afterByKey.TryGetValue(KeyOf(row, was, key), out var other))
                {
                    missing++;
                    continue;
                }

                seen++;
                foreach (var column in common)
                {
                    var (a, b) = (row[was.IndexOf(column)], other[now.IndexOf(column)]);
                    if (!string.Equals(a, b, StringComparison.Ordinal))
                    {
                        pairs[column].Add((a, b));
                    }
                }
            }

            differences.AddRange(common.Where(c => pairs[c].Count > 0).Select(c => (c, pairs[c])));
            return new Matched(missing, Math.Max(now.Rows.Count - seen, 0), differences);
        }

        // No common key: rows as multisets over the common columns, then each column's values as multisets.
        var rowsMissing = MultisetMissing(was.Rows.Select(r => Tuple(r, was, common)), now.Rows.Select(r => Tuple(r, now, common)));
        var rowsExtra = MultisetMissing(now.Rows.Select(r => Tuple(r, now, common)), was.Rows.Select(r => Tuple(r, was, common)));
        if (rowsMissing == 0 && rowsExtra == 0)
        {
            return new Matched(0, 0, differences);
        }

        foreach (var column in common)
        {
            var before = was.Rows.Select(r => r[was.IndexOf(column)]).ToList();
            var after = now.Rows.Select(r => r[now.IndexOf(column)]).ToList();
            var lostValues = Unmatched(before, after);
            var newValues = Unmatched(after, before);
            if (lostValues.Count > 0)
            {
                differences.Add((column, lostValues.Select((v, i) => (v, i < newValues.Count ? newValues[i] : null)).ToList()));
            }
        }

        var counted = Math.Max(was.Rows.Count - now.Rows.Count, 0);
        return new Matched(counted, Math.Max(now.Rows.Count - was.Rows.Count, 0), differences);
    }

    private static string KeyOf(string?[] row, TableData table, IReadOnlyList<string> key) =>
        string.Join('\u001f', key.Select(c => row[table.IndexOf(c)] ?? "\u0000"));

    private static string Tuple(string?[] row, TableData table, List<string> columns) =>
        string.Join('\u001f', columns.Select(c => row[table.IndexOf(c)] ?? "\u0000"));

    private static int MultisetMissing(IEnumerable<string> from, IEnumerable<string> inside)
    {
        var counts = inside.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = 0;
        foreach (var item in from)
        {
            if (counts.TryGetValue(item, out var n) && n > 0)
            {
                counts[item] = n - 1;
            }
            else
            {
                missing++;
            }
        }

        return missing;
    }

    private static List<string?> Unmatched(List<string?> from, List<string?> inside)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in inside)
        {
            var k = v ?? "\u0000";
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        var left = new List<string?>();
        foreach (var v in from)
        {
            var k = v ?? "\u0000";
            if (counts.GetValueOrDefault(k) > 0)
            {
                counts[k]--;
            }
            else
            {
                left.Add(v);
            }
        }

        return left;
    }

    private static string Rows(int n) => n == 1 ? "1 row" : n.ToString(CultureInfo.InvariantCulture) + " rows";

    private static string Values(int n) => n == 1 ? "1 value" : n.ToString(CultureInfo.InvariantCulture) + " values";

    private static string Show(string? value) => value is null ? "NULL" : "'" + (value.Length > 40 ? value[..40] + "..." : value) + "'";
}
