using Ratchet.Engines;

namespace Ratchet.Revisions;

/// <summary>The body of one direction of a revision: something that renders to SQL statements for a dialect.</summary>
public abstract class MigrationScript
{
    private protected MigrationScript()
    {
    }

    /// <summary>A checksum that changes when the script's meaning may change, and not for whitespace or comments.</summary>
    public abstract string Checksum { get; }

    /// <summary>Whether the script has nothing to run.</summary>
    public abstract bool IsEmpty { get; }

    /// <summary>The statements to run, in order, for <paramref name="dialect"/>.</summary>
    public abstract IReadOnlyList<SqlStatement> Render(SqlDialect dialect);
}
