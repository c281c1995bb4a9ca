using Ratchet.Online;

namespace Ratchet.PostgreSql.Online;

/// <summary>A column's type changed online: a new column kept in step, backfilled, given the old one's indexes and constraints, swapped in.</summary>
internal sealed partial class PostgresOnlinePlanner
{
    private async Task ChangeTypeAsync(ChangeColumnTypeOnline o, CancellationToken cancellationToken)
    {
        var t = await TableAsync(o.TableName, cancellationToken).ConfigureAwait(false);
        var c = ColumnOf(t, o.Column, o.Describe());
        RefuseDependents(t, c, identityMoves: true);
        if (t.Indexes.Any(i => i.ConstraintType == 'x' && Involves(t, i, c)))
        {
            throw Refused($"an exclusion constraint uses {t.Name}.{c.Name}; it cannot be moved online");
        }

        var n = TemporaryColumn(c.Name);
        var type = Type(o.Type);
        var up = (string prefix) => Cast(o.Using is null ? prefix + Q(c.Name) : Over(t, o.Using, prefix), type);
        var down = (string prefix) => Cast(o.DownUsing is null ? prefix + Q(n) : Over(t, o.DownUsing, prefix, x => x == c.Name ? Q(n) : null), c.Type);
        var T = t.Qualified;
        Shape(t, x => x.Name == c.Name ? $"{Q(n)} AS {Q(c.Name)}" : Q(x.Name));

        // Start: the new column (with the old default, converted), the trigger, the backfill.
        var add = new List<string> { $"ALTER TABLE {T} ADD COLUMN {Q(n)} {type}" };
        var sequence = await SequenceAsync(c.OwnedSequence, cancellationToken).ConfigureAwait(false);
        if (c.Identity)
        {
            // Rows new code inserts take their id from the identity's sequence too; the identity itself moves at the swap.
            add.Add($"ALTER TABLE {T} ALTER COLUMN {Q(n)} SET DEFAULT {Cast($"nextval({D.StringLiteral(c.OwnedSequence!)}::regclass)", type)}");
        }
        else if (c.Default is { } def)
        {
            var converted = Cast(o.Using is null ? $"({def})" : ColumnReferences.Rewrite(o.Using, x => x == c.Name ? $"({def})" : null), type);
            add.Add($"ALTER TABLE {T} ALTER COLUMN {Q(n)} SET DEFAULT {converted}");
        }

        _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "add-column", $"add column {t.Name}.{n} {type}{(c.Default is null ? "" : " with the old default")}",
            [.. add]);
        var trigger = Trigger(t, c.Name + "_sync", $"NEW.{Q(c.Name)} := {down("NEW.")};", $"NEW.{Q(n)} := {up("NEW.")};");
        _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "trigger",
            $"trigger {trigger.Name} keeps {t.Name}.{c.Name} ({c.Type}) and {n} ({type}) in step for old and new code", trigger.Create);
        _plan.Add(OnlineStage.StartBackfill, new OnlineStep
        {
            Key = "backfill", Kind = OnlineStepKind.Backfill, Description = $"backfill {t.Name}.{n} from {c.Name}",
            Backfill = Backfill(t, $"{Q(n)} = {up("")}", null),
        });

        // Start, after the backfill: the column's indexes built again on the new column, its constraints added NOT VALID.
        var swap = new List<string>();
        var afterSwap = new List<string>();
        var abort = new List<(OnlineStepKind Kind, string Sql)>();
        var dependents = new List<string>();
        foreach (var index in t.Indexes.Where(i => Involves(t, i, c)))
        {
            var copy = ObjectName(t.Name, index.Name);
            var qualified = $"{Q(t.Schema)}.{Q(copy)}";
            _plan.Add(OnlineStage.StartAfter, new OnlineStep
            {
                Key = "index", Kind = OnlineStepKind.Concurrent, Index = qualified,
                Description = $"build index {copy} like {index.Name} on the new column, concurrently",
                Sql = [CopyIndex(index, copy, c.Name, n)],
            });
            abort.Add((OnlineStepKind.Concurrent, $"DROP INDEX CONCURRENTLY IF EXISTS {qualified}"));
            if (index.Constraint is { } constraint)
            {
                swap.Add($"ALTER TABLE {T} DROP CONSTRAINT {Q(constraint)}");
                afterSwap.Add($"ALTER TABLE {T} ADD CONSTRAINT {Q(constraint)} {(index.Primary ? "PRIMARY KEY" : "UNIQUE")} USING INDEX {Q(copy)}");
            }
            else
            {
                afterSwap.Add($"ALTER INDEX {qualified} RENAME TO {Q(index.Name)}");
            }

            dependents.Add(index.Name);
        }

        var validates = new List<(string Table, string Constraint)>();
        foreach (var constraint in t.Constraints.Where(k => !k.Incoming && k.Keys.Contains(c.Number)))
        {
            var copy = ObjectName(t.Name, constraint.Name);
            var definition = constraint.Type == 'f'
                ? ColumnReferences.Rewrite(constraint.Definition[..constraint.Definition.IndexOf(" REFERENCES ", StringComparison.Ordinal)], x => x == c.Name ? Q(n) : null)
                    + constraint.Definition[constraint.Definition.IndexOf(" REFERENCES ", StringComparison.Ordinal)..]
                : ColumnReferences.Rewrite(constraint.Definition, x => x == c.Name ? Q(n) : null);
            definition = definition.Replace(" NOT VALID", "", StringComparison.Ordinal);
            _plan.Add(OnlineStage.StartAfter, OnlineStepKind.Exclusive, "constraint", $"add constraint {copy} like {constraint.Name} on the new column, not valid",
                $"ALTER TABLE {T} ADD CONSTRAINT {Q(copy)} {definition} NOT VALID");
            validates.Add((T, copy));
            afterSwap.Add($"ALTER TABLE {T} RENAME CONSTRAINT {Q(copy)} TO {Q(constraint.Name)}");
            dependents.Add(constraint.Name);
        }

        string? notNull = null;
        if (c.NotNull)
        {
            notNull = ObjectName(t.Name, c.Name + "_not_null");
            _plan.Add(OnlineStage.StartAfter, OnlineStepKind.Exclusive, "not-null-check", $"add check {notNull} ({n} IS NOT NULL), not valid",
                $"ALTER TABLE {T} ADD CONSTRAINT {Q(notNull)} CHECK ({Q(n)} IS NOT NULL) NOT VALID");
            validates.Add((T, notNull));
        }

        // Still in start, once the backfill is done: the copies are validated (no write waits), so that complete is
        // only the short swap under an exclusive lock, and a copy that does not hold stops start, not complete.
        foreach (var (table, constraint) in validates)
        {
            _plan.Add(OnlineStage.StartAfter, OnlineStepKind.Gentle, "validate", $"validate {constraint}", $"ALTER TABLE {table} VALIDATE CONSTRAINT {Q(constraint)}");
        }

        var incoming = t.Constraints.Where(k => k.Incoming && k.ReferencedKeys.Contains(c.Number)).ToList();
        var lockTables = new[] { T }.Concat(incoming.Select(k => k.OnTable)).Distinct();
        // The view first, then the tables: new code locks its view before the table under it (every statement through
        // the view does, from parse to commit), so a swap that held the table while it waited for the view would
        // deadlock with a new-code writer; waiting for the view with nothing else held only waits.
        var statements = new List<string>
        {
            $"DROP VIEW IF EXISTS {Q(VersionSchema)}.{Q(t.Name)}", $"LOCK TABLE {string.Join(", ", lockTables)} IN ACCESS EXCLUSIVE MODE", trigger.DropTrigger,
        };
        statements.AddRange(incoming.Select(k => $"ALTER TABLE {k.OnTable} DROP CONSTRAINT {Q(k.Name)}"));
        statements.AddRange(swap);
        if (notNull is not null)
        {
            statements.Add($"ALTER TABLE {T} ALTER COLUMN {Q(n)} SET NOT NULL");
            statements.Add($"ALTER TABLE {T} DROP CONSTRAINT {Q(notNull)}");
        }

        if (c.Identity)
        {
            // The identity moves to the new column, its sequence named as before and going on from where it was.
            var kind = c.IdentityKind == 'a' ? "ALWAYS" : "BY DEFAULT";
            var options = $"SEQUENCE NAME {c.OwnedSequence} INCREMENT BY {Number(sequence!.Value.Increment)} START WITH %s";
            statements.Add($"""
                DO $ratchet$
                DECLARE next bigint;
                BEGIN
                  SELECT CASE WHEN is_called THEN last_value + {Number(sequence.Value.Increment)} ELSE last_value END INTO next FROM {c.OwnedSequence};
                  ALTER TABLE {T} ALTER COLUMN {Q(n)} DROP DEFAULT;
                  ALTER TABLE {T} ALTER COLUMN {Q(c.Name)} DROP IDENTITY;
                  EXECUTE format({D.StringLiteral($"ALTER TABLE {T} ALTER COLUMN {Q(n)} ADD GENERATED {kind} AS IDENTITY ({options})")}, next);
                END
                $ratchet$
                """);
        }
        else if (c.OwnedSequence is { } owned)
        {
            statements.Add($"ALTER SEQUENCE {owned} OWNED BY {T}.{Q(n)}");
            if (type == "bigint" && sequence?.Type is "integer" or "smallint")
            {
                statements.Add($"ALTER SEQUENCE {owned} AS bigint");
                _plan.Down(OnlineStepKind.Gentle, "sequence", $"sequence {owned} back to {sequence.Value.Type}", $"ALTER SEQUENCE {owned} AS {sequence.Value.Type}");
            }
        }

        statements.Add($"ALTER TABLE {T} DROP COLUMN {Q(c.Name)}");
        statements.Add($"ALTER TABLE {T} RENAME COLUMN {Q(n)} TO {Q(c.Name)}");
        statements.AddRange(afterSwap);
        statements.AddRange(incoming.Select(k => $"ALTER TABLE {k.OnTable} ADD CONSTRAINT {Q(k.Name)} {k.Definition.Replace(" NOT VALID", "", StringComparison.Ordinal)} NOT VALID"));
        _plan.Add(OnlineStage.CompleteSwap, OnlineStepKind.Exclusive, "swap",
            $"swap {t.Name}.{c.Name} to {type}: drop the old column{(dependents.Count == 0 ? "" : $", its {string.Join(", ", dependents)} moved to the new one")}, rename {n}",
            [.. statements]);
        foreach (var k in incoming)
        {
            _plan.Add(OnlineStage.CompleteAfter, OnlineStepKind.Gentle, "validate-reference", $"validate {k.Name} of {k.OnTable} again",
                $"ALTER TABLE {k.OnTable} VALIDATE CONSTRAINT {Q(k.Name)}");
        }

        _plan.Add(OnlineStage.CompleteAfter, OnlineStepKind.Exclusive, "drop-function", $"drop function {trigger.Name}", trigger.DropFunction);

        // Abort: the trigger, the copies, the new column (the old one was never touched).
        _plan.Abort(OnlineStepKind.Exclusive, "trigger", $"drop trigger {trigger.Name}", trigger.DropTrigger, trigger.DropFunction);
        foreach (var (kind, sql) in abort)
        {
            _plan.Abort(kind, "index", sql, sql);
        }

        _plan.Abort(OnlineStepKind.Exclusive, "column", $"drop column {t.Name}.{n}", $"ALTER TABLE {T} DROP COLUMN IF EXISTS {Q(n)}");

        // Down, once complete: an ordinary (blocking) type change back.
        var back = Cast(o.DownUsing is null ? Q(c.Name) : Over(t, o.DownUsing, ""), c.Type);
        var typeBack = $"ALTER TABLE {T} ALTER COLUMN {Q(c.Name)} TYPE {c.Type} USING {back}";
        _plan.Down(OnlineStepKind.Gentle, "type", $"alter column {t.Name}.{c.Name} back to {c.Type} (rewrites the table under an exclusive lock)",
            c.Default is { } old
                ? [$"ALTER TABLE {T} ALTER COLUMN {Q(c.Name)} DROP DEFAULT", typeBack, $"ALTER TABLE {T} ALTER COLUMN {Q(c.Name)} SET DEFAULT {old}"]
                : [typeBack]);
    }

    /// <summary>Whether an index uses the column (a key, an expression or its predicate).</summary>
    private static bool Involves(OnlineTableFacts table, OnlineIndexFacts index, OnlineColumnFacts column) =>
        index.Keys.Contains(column.Number) || ColumnReferences.Mentions(index.Expressions, column.Name) || ColumnReferences.Mentions(index.Predicate, column.Name);

    /// <summary>The index's definition as a concurrent build of <paramref name="name"/> with the column replaced.</summary>
    private static string CopyIndex(OnlineIndexFacts index, string name, string column, string replacement)
    {
        var definition = index.Definition;
        var on = definition.IndexOf(" ON ", StringComparison.Ordinal);
        var usingAt = definition.IndexOf(" USING ", on, StringComparison.Ordinal);
        var unique = definition.StartsWith("CREATE UNIQUE", StringComparison.Ordinal) ? "UNIQUE " : "";
        var body = ColumnReferences.Rewrite(definition[(usingAt + 7)..], x => x == column ? Q(replacement) : null);
        return $"CREATE {unique}INDEX CONCURRENTLY IF NOT EXISTS {Q(name)}{definition[on..usingAt].Replace(" ON ONLY ", " ON ", StringComparison.Ordinal)} USING {body}";
    }

    private async Task<(string Type, long Increment)?> SequenceAsync(string? sequence, CancellationToken cancellationToken)
    {
        if (sequence is null)
        {
            return null;
        }

        using var command = new Npgsql.NpgsqlCommand("SELECT format_type(seqtypid, NULL), seqincrement FROM pg_catalog.pg_sequence WHERE seqrelid = to_regclass($1)", _connection)
        {
            Parameters = { new() { Value = sequence } },
        };
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }
}
