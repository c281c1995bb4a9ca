using Ratchet.Engines;
using Ratchet.Operations;
using Ratchet.Revisions;

namespace Ratchet.PostgreSql;

/// <summary>PostgreSQL's SQL spelling and Ratchet's history tables on PostgreSQL.</summary>
public sealed class PostgresDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static PostgresDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    public override string DropTrigger(string name, string table) => $"DROP TRIGGER {QuoteIdentifier(name)} ON {QuoteIdentifier(table)}";

    /// <inheritdoc />
    public override IReadOnlyList<SqlStatement> Generate(MigrationOperation operation, EnumCatalog enums) =>
        PostgresSqlGenerator.Generate(this, operation);

    /// <inheritdoc />
    public override string LockTimeoutStatement(TimeSpan timeout, bool local) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SET {(local ? "LOCAL " : "")}lock_timeout = {(long)timeout.TotalMilliseconds}");

    /// <inheritdoc />
    public override string ValueAsText(string quotedColumn) => $"{quotedColumn}::text";

    /// <inheritdoc />
    public override string ParameterAs(string parameter, string type) => $"CAST({parameter} AS {type})";

    /// <inheritdoc />
    public override string BooleanLiteral(bool value) => value ? "true" : "false";

    /// <inheritdoc />
    public override string TransactionElapsedMilliseconds =>
        "(extract(epoch FROM clock_timestamp() - transaction_timestamp()) * 1000)::bigint";

    /// <inheritdoc />
    public override string TableExistsQuery =>
        "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = COALESCE(@schema, current_schema()) AND tablename = @table";

    /// <inheritdoc />
    public override IReadOnlyList<string> CreateHistoryTables(HistoryTableNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var statements = new List<string>();
        if (names.Schema is not null)
        {
            statements.Add($"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(names.Schema)}");
        }

        statements.Add($"""
            CREATE TABLE IF NOT EXISTS {Qualify(names.Schema, names.History)} (
                revision_id text NOT NULL PRIMARY KEY,
                parents text NOT NULL,
                message text NOT NULL,
                kind text NOT NULL,
                state text NOT NULL,
                checksum_up text,
                checksum_down text,
                applied_at timestamptz NOT NULL,
                applied_by text NOT NULL,
                duration_ms bigint NOT NULL,
                tool_version text NOT NULL,
                sequence bigint NOT NULL,
                journal text,
                error text
            )
            """);
        statements.Add($"""
            CREATE TABLE IF NOT EXISTS {Qualify(names.Schema, names.Log)} (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                revision_id text NOT NULL,
                action text NOT NULL,
                at timestamptz NOT NULL,
                performed_by text NOT NULL,
                duration_ms bigint NOT NULL,
                checksum text,
                detail text,
                tool_version text NOT NULL
            )
            """);
        return statements;
    }

    /// <inheritdoc />
    public override string CreateSnapshotTable(HistoryTableNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return $"""
            CREATE TABLE IF NOT EXISTS {Qualify(names.Schema, names.Snapshots)} (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                recorded_at timestamptz NOT NULL,
                revisions text NOT NULL,
                fingerprint text NOT NULL,
                model text NOT NULL,
                signature text
            )
            """;
    }
}
