using Ratchet.Engines;

namespace Ratchet.Revisions;

/// <summary>A script written in SQL: the same statements for every dialect.</summary>
public sealed class SqlScript : MigrationScript
{
    /// <summary>Creates a script from statements and the checksum of their normalized text.</summary>
    public SqlScript(IReadOnlyList<SqlStatement> statements, string checksum)
    {
        Statements = statements;
        Checksum = checksum;
    }

    /// <summary>The statements as written.</summary>
    public IReadOnlyList<SqlStatement> Statements { get; }

    /// <inheritdoc />
    public override string Checksum { get; }

    /// <inheritdoc />
    public override bool IsEmpty => Statements.Count == 0;

    /// <inheritdoc />
    public override IReadOnlyList<SqlStatement> Render(SqlDialect dialect) => Statements;
}
