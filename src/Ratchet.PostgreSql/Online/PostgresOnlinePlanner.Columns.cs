using Ratchet.Online;

namespace Ratchet.PostgreSql.Online;

/// <summary>Columns renamed, split, dropped, added and made NOT NULL online.</summary>
internal sealed partial class PostgresOnlinePlanner
{
    private async Task RenameAsync(RenameColumnOnline o, CancellationToken cancellationToken)
    {
        var t = await TableAsync(o.TableName, cancellationToken).ConfigureAwait(false);
        var c = ColumnOf(t, o.Column, o.Describe());
        RefuseDependents(t, c, identityMoves: true, keepsValues: true);
        if (t.Column(o.NewName) is not null)
        {
            throw Refused($"table {t.Name} already has a column {o.NewName}");
        }

        // No copy: new code sees the column under its new name through the view; the rename itself is instant.
        Shape(t, x => x.Name == c.Name ? $"{Q(c.Name)} AS {Q(o.NewName)}" : Q(x.Name));
        _plan.Add(OnlineStage.CompleteSwap, OnlineStepKind.Exclusive, "swap", $"rename column {t.Name}.{c.Name} to {o.NewName}",
            $"DROP VIEW IF EXISTS {Q(VersionSchema)}.{Q(t.Name)}", $"ALTER TABLE {t.Qualified} RENAME COLUMN {Q(c.Name)} TO {Q(o.NewName)}");
        _plan.Down(OnlineStepKind.Gentle, "rename", $"rename column {t.Name}.{o.NewName} back to {c.Name}",
            $"ALTER TABLE {t.Qualified} RENAME COLUMN {Q(o.NewName)} TO {Q(c.Name)}");
    }

    private async Task SplitAsync(SplitColumnOnline o, CancellationToken cancellationToken)
    {
        var t = await TableAsync(o.TableName, cancellationToken).ConfigureAwait(false);
        var c = ColumnOf(t, o.Column, o.Describe());
        RefuseDependents(t, c);
        RefuseKey(t, c);
        foreach (var target in o.Into.Where(x => t.Column(x.Name) is not null))
        {
            throw Refused($"table {t.Name} already has a column {target.Name}");
        }

        var T = t.Qualified;
        Shape(t, x => x.Name == c.Name ? null : Q(x.Name));
        foreach (var target in o.Into)
        {
            Added(t, target.Name);
        }

        var targets = o.Into.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
        string Up(SplitTarget x, string prefix) => Cast(Over(t, x.Using, prefix), Type(x.Type));
        string Down(string prefix) => Cast(ColumnReferences.Rewrite(o.DownUsing, x => targets.Contains(x) || t.Column(x) is not null ? prefix + Q(x) : null), c.Type);
        _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "add-columns", $"add columns {string.Join(", ", o.Into.Select(x => $"{t.Name}.{x.Name} {Type(x.Type)}"))}",
            $"ALTER TABLE {T} {string.Join(", ", o.Into.Select(x => $"ADD COLUMN {Q(x.Name)} {Type(x.Type)}"))}");
        var trigger = Trigger(t, c.Name + "_split", $"NEW.{Q(c.Name)} := {Down("NEW.")};",
            string.Join("\n    ", o.Into.Select(x => $"NEW.{Q(x.Name)} := {Up(x, "NEW.")};")));
        _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "trigger", $"trigger {trigger.Name} keeps {t.Name}.{c.Name} and {string.Join(", ", targets)} in step",
            trigger.Create);
        _plan.Add(OnlineStage.StartBackfill, new OnlineStep
        {
            Key = "backfill", Kind = OnlineStepKind.Backfill, Description = $"backfill {string.Join(", ", targets)} of {t.Name} from {c.Name}",
            Backfill = Backfill(t, string.Join(", ", o.Into.Select(x => $"{Q(x.Name)} = {Up(x, "")}")), null),
        });
        var checks = NotNullChecks(t, o.Into.Where(x => !x.Nullable).Select(x => x.Name));
        var swap = new List<string> { $"DROP VIEW IF EXISTS {Q(VersionSchema)}.{Q(t.Name)}", trigger.DropTrigger };
        swap.AddRange(checks.SelectMany(k => new[] { $"ALTER TABLE {T} ALTER COLUMN {Q(k.Column)} SET NOT NULL", $"ALTER TABLE {T} DROP CONSTRAINT {Q(k.Check)}" }));
        swap.Add($"ALTER TABLE {T} DROP COLUMN {Q(c.Name)}");
        _plan.Add(OnlineStage.CompleteSwap, OnlineStepKind.Exclusive, "swap", $"drop {t.Name}.{c.Name}, now split into {string.Join(", ", targets)}", [.. swap]);
        _plan.Add(OnlineStage.CompleteAfter, OnlineStepKind.Exclusive, "drop-function", $"drop function {trigger.Name}", trigger.DropFunction);
        _plan.Abort(OnlineStepKind.Exclusive, "trigger", $"drop trigger {trigger.Name}", trigger.DropTrigger, trigger.DropFunction);
        _plan.Abort(OnlineStepKind.Exclusive, "columns", $"drop columns {string.Join(", ", targets)}",
            $"ALTER TABLE {T} {string.Join(", ", o.Into.Select(x => $"DROP COLUMN IF EXISTS {Q(x.Name)}"))}");

        var down = new List<string> { $"ALTER TABLE {T} ADD COLUMN {Q(c.Name)} {c.Type}", $"UPDATE {T} SET {Q(c.Name)} = {Down("")}" };
        if (c.Default is { } def)
        {
            down.Add($"ALTER TABLE {T} ALTER COLUMN {Q(c.Name)} SET DEFAULT {def}");
        }

        if (c.NotNull)
        {
            down.Add($"ALTER TABLE {T} ALTER COLUMN {Q(c.Name)} SET NOT NULL");
        }

        down.Add($"ALTER TABLE {T} {string.Join(", ", o.Into.Select(x => $"DROP COLUMN {Q(x.Name)}"))}");
        _plan.Down(OnlineStepKind.Gentle, "join", $"add {t.Name}.{c.Name} back from {string.Join(", ", targets)} and drop them (blocking; the column's indexes are not rebuilt)",
            [.. down]);
    }

    private async Task DropColumnAsync(DropColumnOnline o, CancellationToken cancellationToken)
    {
        var t = await TableAsync(o.TableName, cancellationToken).ConfigureAwait(false);
        var c = ColumnOf(t, o.Column, o.Describe());
        RefuseDependents(t, c);
        RefuseKey(t, c);
        Shape(t, x => x.Name == c.Name ? null : Q(x.Name));
        var T = t.Qualified;
        var swap = new List<string> { $"DROP VIEW IF EXISTS {Q(VersionSchema)}.{Q(t.Name)}" };
        if (c.NotNull && c.Default is null)
        {
            // New code does not write the column; old code's NOT NULL still holds, so rows new code writes get a value.
            if (o.DownUsing is null)
            {
                throw Refused($"{t.Name}.{c.Name} is NOT NULL without a default: give the value rows written by new code get meanwhile (down using ...)");
            }

            var trigger = Trigger(t, c.Name + "_fill", $"IF NEW.{Q(c.Name)} IS NULL THEN NEW.{Q(c.Name)} := {Cast(Over(t, o.DownUsing, "NEW."), c.Type)}; END IF;", "");
            _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "trigger", $"trigger {trigger.Name} fills {t.Name}.{c.Name} for rows new code writes", trigger.Create);
            swap.Add(trigger.DropTrigger);
            _plan.Add(OnlineStage.CompleteAfter, OnlineStepKind.Exclusive, "drop-function", $"drop function {trigger.Name}", trigger.DropFunction);
            _plan.Abort(OnlineStepKind.Exclusive, "trigger", $"drop trigger {trigger.Name}", trigger.DropTrigger, trigger.DropFunction);
        }

        swap.Add($"ALTER TABLE {T} DROP COLUMN {Q(c.Name)}");
        _plan.Add(OnlineStage.CompleteSwap, OnlineStepKind.Exclusive, "swap", $"drop column {t.Name}.{c.Name}", [.. swap]);
        var down = new List<string> { $"ALTER TABLE {T} ADD COLUMN {Q(c.Name)} {c.Type}{(c.Default is null ? "" : $" DEFAULT {c.Default}")}" };
        if (o.DownUsing is not null)
        {
            down.Add($"UPDATE {T} SET {Q(c.Name)} = {Cast(Over(t, o.DownUsing, ""), c.Type)}");
        }

        if (c.NotNull)
        {
            down.Add($"ALTER TABLE {T} ALTER COLUMN {Q(c.Name)} SET NOT NULL");
        }

        _plan.Down(OnlineStepKind.Gentle, "add", $"add column {t.Name}.{c.Name} back (its values are gone{(o.DownUsing is null ? "" : ", filled from the down expression")})",
            [.. down]);
    }

    private async Task AddColumnAsync(AddColumnOnline o, CancellationToken cancellationToken)
    {
        var t = await TableAsync(o.TableName, cancellationToken).ConfigureAwait(false);
        var column = o.Column;
        if (t.Column(column.Name) is not null)
        {
            throw Refused($"table {t.Name} already has a column {column.Name}");
        }

        Added(t, column.Name);
        var T = t.Qualified;
        var type = Type(column.Type);
        var def = column.Default is null ? null : PostgresSqlGenerator.DefaultSql(D, column.Default);
        _plan.Down(OnlineStepKind.Gentle, "drop", $"drop column {t.Name}.{column.Name}", $"ALTER TABLE {T} DROP COLUMN {Q(column.Name)}");
        _plan.Abort(OnlineStepKind.Exclusive, "column", $"drop column {t.Name}.{column.Name}", $"ALTER TABLE {T} DROP COLUMN IF EXISTS {Q(column.Name)}");
        if (o.Backfill is null && column.Default is Operations.LiteralDefault or Operations.NowDefault)
        {
            // A constant (or now()) default is stored once in the catalog: no rewrite, no scan, even with NOT NULL.
            _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "add-column", $"add column {t.Name}.{column.Name} {type} default {def} (no rewrite)",
                $"ALTER TABLE {T} ADD COLUMN {Q(column.Name)} {type}{(column.Nullable ? "" : " NOT NULL")} DEFAULT {def}");
            return;
        }

        var fill = o.Backfill ?? def ?? (column.Nullable ? null
            : throw Refused($"a NOT NULL column needs a default or a backfill expression for the rows that exist"));
        var add = new List<string> { $"ALTER TABLE {T} ADD COLUMN {Q(column.Name)} {type}" };
        if (def is not null)
        {
            add.Add($"ALTER TABLE {T} ALTER COLUMN {Q(column.Name)} SET DEFAULT {def}");
        }

        _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "add-column", $"add column {t.Name}.{column.Name} {type}, nullable until complete", [.. add]);
        if (fill is null)
        {
            return;
        }

        FillNulls(t, column.Name, type, fill, !column.Nullable);
    }

    private async Task SetNotNullAsync(SetNotNullOnline o, CancellationToken cancellationToken)
    {
        var t = await TableAsync(o.TableName, cancellationToken).ConfigureAwait(false);
        var c = ColumnOf(t, o.Column, o.Describe());
        if (c.NotNull)
        {
            throw Refused($"{t.Name}.{c.Name} is NOT NULL already");
        }

        _plan.Down(OnlineStepKind.Gentle, "drop-not-null", $"{t.Name}.{c.Name} nullable again", $"ALTER TABLE {t.Qualified} ALTER COLUMN {Q(c.Name)} DROP NOT NULL");
        if (o.Backfill is null)
        {
            var check = NotNullChecks(t, [c.Name], atComplete: true)[0];
            _plan.Add(OnlineStage.CompleteSwap, OnlineStepKind.Exclusive, "swap", $"set {t.Name}.{c.Name} not null (through the validated check)",
                $"ALTER TABLE {t.Qualified} ALTER COLUMN {Q(c.Name)} SET NOT NULL", $"ALTER TABLE {t.Qualified} DROP CONSTRAINT {Q(check.Check)}");
            return;
        }

        FillNulls(t, c.Name, c.Type, o.Backfill, notNull: true);
    }

    /// <summary>A trigger and a backfill that fill NULLs of a column, then (when NOT NULL) a check validated and swapped for SET NOT NULL.</summary>
    private void FillNulls(OnlineTableFacts t, string column, string type, string fill, bool notNull)
    {
        var T = t.Qualified;
        // Old and new code alike get the value when they leave the column out.
        var body = $"IF NEW.{Q(column)} IS NULL THEN NEW.{Q(column)} := {Cast(Over(t, fill, "NEW."), type)}; END IF;";
        var trigger = Trigger(t, column + "_fill", body, body);
        _plan.Add(OnlineStage.StartDdl, OnlineStepKind.Exclusive, "trigger", $"trigger {trigger.Name} fills {t.Name}.{column} when a writer leaves it NULL", trigger.Create);
        _plan.Add(OnlineStage.StartBackfill, new OnlineStep
        {
            Key = "backfill", Kind = OnlineStepKind.Backfill, Description = $"backfill {t.Name}.{column} where NULL",
            Backfill = Backfill(t, $"{Q(column)} = {Cast(Over(t, fill, ""), type)}", $"{Q(column)} IS NULL"),
        });
        var swap = new List<string> { trigger.DropTrigger };
        if (notNull)
        {
            var check = NotNullChecks(t, [column])[0];
            swap.Add($"ALTER TABLE {T} ALTER COLUMN {Q(column)} SET NOT NULL");
            swap.Add($"ALTER TABLE {T} DROP CONSTRAINT {Q(check.Check)}");
        }

        _plan.Add(OnlineStage.CompleteSwap, OnlineStepKind.Exclusive, "swap", $"{(notNull ? $"set {t.Name}.{column} not null, " : "")}drop trigger {trigger.Name}", [.. swap]);
        _plan.Add(OnlineStage.CompleteAfter, OnlineStepKind.Exclusive, "drop-function", $"drop function {trigger.Name}", trigger.DropFunction);
        _plan.Abort(OnlineStepKind.Exclusive, "trigger", $"drop trigger {trigger.Name}", trigger.DropTrigger, trigger.DropFunction);
    }

    /// <summary>A NOT VALID <c>CHECK (c IS NOT NULL)</c> per column at start, with a pre-check and its validation at complete.</summary>
    /// <remarks>
    /// Where nothing fills the column (<paramref name="atComplete"/>), the check is added only at complete, after its
    /// pre-check: a NOT VALID check in place during the transition would fail old code's updates of rows still NULL.
    /// </remarks>
    private List<(string Column, string Check)> NotNullChecks(OnlineTableFacts t, IEnumerable<string> columns, bool atComplete = false)
    {
        var list = new List<(string, string)>();
        foreach (var column in columns)
        {
            var check = ObjectName(t.Name, column + "_not_null");
            var add = $"ALTER TABLE {t.Qualified} ADD CONSTRAINT {Q(check)} CHECK ({Q(column)} IS NOT NULL) NOT VALID";
            if (!atComplete)
            {
                _plan.Add(OnlineStage.StartAfter, OnlineStepKind.Exclusive, "not-null-check", $"add check {check} ({column} IS NOT NULL), not valid", add);
            }

            // A column something fills is checked and validated at the end of start; one nothing fills, at complete.
            var stage = atComplete ? OnlineStage.CompleteValidate : OnlineStage.StartAfter;
            _plan.Add(stage, new OnlineStep
            {
                Key = "precheck", Kind = OnlineStepKind.Precheck, Description = $"no NULL left in {t.Name}.{column}",
                Sql = [$"SELECT {RowKey(t)} FROM {t.Qualified} WHERE {Q(column)} IS NULL LIMIT 5"],
                Failure = $"rows of {t.Name} where {column} is NULL",
            });
            if (atComplete)
            {
                _plan.Add(OnlineStage.CompleteValidate, OnlineStepKind.Exclusive, "not-null-check", $"add check {check} ({column} IS NOT NULL), not valid",
                    $"ALTER TABLE {t.Qualified} DROP CONSTRAINT IF EXISTS {Q(check)}", add);
            }

            _plan.Add(stage, OnlineStepKind.Gentle, "validate", $"validate {check}",
                $"ALTER TABLE {t.Qualified} VALIDATE CONSTRAINT {Q(check)}");
            _plan.Abort(OnlineStepKind.Exclusive, "check", $"drop check {check}", $"ALTER TABLE {t.Qualified} DROP CONSTRAINT IF EXISTS {Q(check)}");
            list.Add((column, check));
        }

        return list;
    }

    /// <summary>How a row is named in a pre-check's message: its primary key, or its ctid.</summary>
    private static string RowKey(OnlineTableFacts t) =>
        t.PrimaryKey.Count == 0 ? "'ctid ' || ctid::text" : $"ROW({string.Join(", ", t.PrimaryKey.Select(Q))})::text";

    private void RefuseKey(OnlineTableFacts t, OnlineColumnFacts c)
    {
        if (t.Indexes.Any(i => i.Primary && i.Keys.Contains(c.Number)))
        {
            throw Refused($"{t.Name}.{c.Name} is part of the primary key");
        }

        if (t.Constraints.FirstOrDefault(k => k.Incoming && k.ReferencedKeys.Contains(c.Number)) is { } reference)
        {
            throw Refused($"foreign key {reference.Name} of {reference.OnTable} references {t.Name}.{c.Name}; drop it first");
        }
    }
}
