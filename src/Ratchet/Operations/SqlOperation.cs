namespace Ratchet.Operations;

/// <summary>SQL written by hand (a data conversion, anything the typed operations do not cover). Reversible when it has a down.</summary>
public sealed record SqlOperation : MigrationOperation
{
    /// <summary>The SQL: one statement, or several separated by semicolons.</summary>
    public required string Sql { get; init; }

    /// <summary>The SQL that undoes it, if any.</summary>
    public string? Down { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"sql {Sql}" + (Down is null ? "" : $" down {Down}");

    /// <summary>The statements of <see cref="Sql"/>, split by Ratchet's lexer.</summary>
    public IReadOnlyList<string> Statements() => Sources.SqlStatementSplitter.Split(Sql).Select(s => s.Sql).ToList();

    /// <inheritdoc />
    public override MigrationOperation? Invert() => Down is null ? null : new SqlOperation { Sql = Down, Down = Sql };

    /// <inheritdoc />
    public override string WhyNoInverse => "Sql(...) without a down cannot be undone; give it (op.Sql(up, down: ...)) or write Down";
}
