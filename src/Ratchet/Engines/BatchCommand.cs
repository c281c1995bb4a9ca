namespace Ratchet.Engines;

/// <summary>One command of a batch: SQL text and its parameters (values are always parameters).</summary>
public sealed record BatchCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    /// <summary>A command without parameters, such as a migration statement.</summary>
    public BatchCommand(string sql)
        : this(sql, [])
    {
    }
}
