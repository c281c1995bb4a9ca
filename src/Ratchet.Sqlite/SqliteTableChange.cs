namespace Ratchet.Sqlite;

/// <summary>One change a table rebuild makes to the CREATE TABLE text.</summary>
internal abstract record SqliteTableChange
{
    public abstract string Describe();

    public abstract void Apply(SqliteTableDefinition table);
}

/// <summary>A new column, for what ALTER TABLE ADD COLUMN refuses (NOT NULL without default, non-constant default).</summary>
internal sealed record AddColumnChange(string Name, string Definition) : SqliteTableChange
{
    public override string Describe() => $"add column {Name}";

    public override void Apply(SqliteTableDefinition table)
    {
        if (table.Columns.Any(c => string.Equals(c.Name, Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"the table already has a column {Name}");
        }

        table.Columns.Add(new SqliteTableDefinition.Item(Name, Definition));
    }
}

/// <summary>A column with a new type (and the enum CHECK that goes with it), nullability or default.</summary>
internal sealed record AlterColumnChange(string Name, string? Type, string? TypeCheck, bool? Nullable, bool ChangesDefault, string? DefaultSql) : SqliteTableChange
{
    public override string Describe()
    {
        var parts = new List<string>();
        if (Type is not null)
        {
            parts.Add($"type {Type}");
        }

        if (Nullable is { } nullable)
        {
            parts.Add(nullable ? "drop not null" : "set not null");
        }

        if (ChangesDefault)
        {
            parts.Add(DefaultSql is null ? "drop default" : $"default {DefaultSql}");
        }

        return $"alter column {Name} ({string.Join(", ", parts)})";
    }

    public override void Apply(SqliteTableDefinition table)
    {
        var index = table.IndexOfColumn(Name);
        var text = SqliteTableDefinition.EditColumn(table.Columns[index].Text, Type, TypeCheck, Nullable, ChangesDefault, DefaultSql);
        table.Columns[index] = table.Columns[index] with { Text = text };
    }
}

/// <summary>A table constraint (primary key, foreign key, check) that SQLite cannot add in place.</summary>
internal sealed record AddConstraintChange(string Name, string Definition) : SqliteTableChange
{
    public override string Describe() => $"add constraint {Name}";

    public override void Apply(SqliteTableDefinition table)
    {
        if (table.Constraints.Any(c => string.Equals(c.Name, Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"the table already has a constraint {Name}");
        }

        table.Constraints.Add(new SqliteTableDefinition.Item(Name, Definition));
    }
}

/// <summary>A named table constraint removed.</summary>
internal sealed record DropConstraintChange(string Name) : SqliteTableChange
{
    public override string Describe() => $"drop constraint {Name}";

    public override void Apply(SqliteTableDefinition table)
    {
        var removed = table.Constraints.RemoveAll(c => string.Equals(c.Name, Name, StringComparison.OrdinalIgnoreCase));
        if (removed == 0)
        {
            throw new InvalidOperationException($"the table has no constraint named {Name}");
        }
    }
}
