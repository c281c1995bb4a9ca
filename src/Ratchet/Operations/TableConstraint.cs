namespace Ratchet.Operations;

/// <summary>A named table constraint: primary key, unique, foreign key or check.</summary>
public abstract record TableConstraint
{
    private protected TableConstraint(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The constraint name.</summary>
    public string Name { get; }

    /// <summary>A canonical description.</summary>
    public abstract string Describe();

    /// <inheritdoc />
    public override string ToString() => Describe();
}

/// <summary>PRIMARY KEY (columns).</summary>
public sealed record PrimaryKeyConstraint(string ConstraintName, IReadOnlyList<string> Columns) : TableConstraint(ConstraintName)
{
    /// <inheritdoc />
    public override string Describe() => $"primary key {Name} ({string.Join(",", Columns)})";
}

/// <summary>UNIQUE (columns).</summary>
public sealed record UniqueConstraint(string ConstraintName, IReadOnlyList<string> Columns) : TableConstraint(ConstraintName)
{
    /// <inheritdoc />
    public override string Describe() => $"unique {Name} ({string.Join(",", Columns)})";
}

/// <summary>FOREIGN KEY (columns) REFERENCES principal (columns).</summary>
public sealed record ForeignKeyConstraint(string ConstraintName, IReadOnlyList<string> Columns, ForeignKeyReference References) : TableConstraint(ConstraintName)
{
    /// <inheritdoc />
    public override string Describe() => $"foreign key {Name} ({string.Join(",", Columns)}) references {References}";
}

/// <summary>CHECK (expression).</summary>
public sealed record CheckConstraint(string ConstraintName, string Expression) : TableConstraint(ConstraintName)
{
    /// <inheritdoc />
    public override string Describe() => $"check {Name} ({Expression})";
}

/// <summary>EXCLUDE [USING method] (element WITH operator, ...) (PostgreSQL): no two rows may match on all the operators.</summary>
public sealed record ExcludeConstraint(string ConstraintName, string Definition) : TableConstraint(ConstraintName)
{
    /// <inheritdoc />
    public override string Describe() => $"exclude {Name} {Definition}";
}
