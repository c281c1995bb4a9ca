namespace Ratchet.Engines;

/// <summary>What an engine can do. The core asks these; it never branches on an engine's name.</summary>
public sealed record EngineCapabilities
{
    /// <summary>DDL statements take part in transactions and roll back with them.</summary>
    public bool TransactionalDdl { get; init; }

    /// <summary>Indexes can be built without blocking writes (PostgreSQL <c>CONCURRENTLY</c>).</summary>
    public bool ConcurrentIndexes { get; init; }

    /// <summary>The engine has named schemas (namespaces) for tables.</summary>
    public bool Schemas { get; init; }

    /// <summary>
    /// ALTER TABLE changes columns and constraints in place (PostgreSQL). Without it (SQLite) such changes rebuild the
    /// table: a new table, the rows copied, the old one dropped.
    /// </summary>
    public bool AlterTableInPlace { get; init; }

    /// <summary>The server version, when known.</summary>
    public Version? ServerVersion { get; init; }
}
