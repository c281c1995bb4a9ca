using Ratchet.Engines;
using Ratchet.Operations;
using Ratchet.Revisions;

namespace Ratchet.Sqlite;

/// <summary>SQLite's SQL spelling and Ratchet's history tables on SQLite.</summary>
public sealed class SqliteDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static SqliteDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override string BeginTransaction => "BEGIN IMMEDIATE";

    /// <inheritdoc />
    public override IReadOnlyList<SqlStatement> Generate(MigrationOperation operation, EnumCatalog enums) =>
        SqliteSqlGenerator.Generate(this, operation, enums);

    /// <inheritdoc />
    public override string BooleanLiteral(bool value) => value ? "1" : "0";

    /// <inheritdoc />
    public override string TableExistsQuery =>
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = @table AND (@schema IS NULL OR @schema = 'main')";

    /// <inheritdoc />
    public override IReadOnlyList<string> CreateHistoryTables(HistoryTableNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return
        [
            $"""
            CREATE TABLE IF NOT EXISTS {Qualify(names.Schema, names.History)} (
                revision_id TEXT NOT NULL PRIMARY KEY,
                parents TEXT NOT NULL,
                message TEXT NOT NULL,
                kind TEXT NOT NULL,
                state TEXT NOT NULL,
                checksum_up TEXT,
                checksum_down TEXT,
                applied_at TEXT NOT NULL,
                applied_by TEXT NOT NULL,
                duration_ms INTEGER NOT NULL,
                tool_version TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                journal TEXT,
                error TEXT
            )
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {Qualify(names.Schema, names.Log)} (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                revision_id TEXT NOT NULL,
                action TEXT NOT NULL,
                at TEXT NOT NULL,
                performed_by TEXT NOT NULL,
                duration_ms INTEGER NOT NULL,
                checksum TEXT,
                detail TEXT,
                tool_version TEXT NOT NULL
            )
            """,
        ];
    }

    /// <inheritdoc />
    public override string ValueAsText(string quotedColumn) =>
        $"CASE typeof({quotedColumn}) WHEN 'blob' THEN 'x' || hex({quotedColumn}) ELSE CAST({quotedColumn} AS TEXT) END";

    /// <summary>SQLite converts the text by the column's affinity (<c>'5'</c> becomes 5 in an INTEGER column).</summary>
    public override string ParameterAs(string parameter, string type) => parameter;

    /// <inheritdoc />
    public override string CreateSnapshotTable(HistoryTableNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return $"""
            CREATE TABLE IF NOT EXISTS {Qualify(names.Schema, names.Snapshots)} (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                recorded_at TEXT NOT NULL,
                revisions TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                model TEXT NOT NULL,
                signature TEXT
            )
            """;
    }
}
