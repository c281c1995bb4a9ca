namespace Ratchet.Engines;

/// <summary>One command of a batch: SQL text and its parameters (values are always parameters).</summary>
public sealed record BatchCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    /// <summary>A generated step the engine runs itself instead of <see cref="Sql"/> (see <see cref="DatabaseProcedure"/>).</summary>
    public DatabaseProcedure? Procedure { get; init; }

    /// <summary>A command without parameters, such as a migration statement.</summary>
    public BatchCommand(string sql)
        : this(sql, [])
    {
    }
}
