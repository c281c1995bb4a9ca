using Ratchet.Engines;

namespace Ratchet.Revisions;

/// <summary>One SQL statement of a migration, without its terminating semicolon, and the line it starts on.</summary>
/// <param name="Sql">The statement text as written (inner comments kept).</param>
/// <param name="Line">The 1-based line in the migration file where the statement starts; 0 when generated.</param>
public sealed record SqlStatement(string Sql, int Line)
{
    /// <summary>
    /// For a generated step that is not plain SQL (SQLite's table rebuild), the procedure the engine runs instead;
    /// <see cref="Sql"/> then describes it.
    /// </summary>
    public DatabaseProcedure? Procedure { get; init; }

    /// <summary>The 1-based column where the statement starts on <see cref="Line"/>.</summary>
    public int Column { get; init; } = 1;
}
