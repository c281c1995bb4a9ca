using System.Data.Common;
using System.Globalization;
using Ratchet.Engines;

namespace Ratchet.Adoption;

/// <summary>
/// The history tables of the tools a database can be adopted from, and how each one's rows read: Flyway
/// (<c>flyway_schema_history</c>), golang-migrate and dbmate (<c>schema_migrations</c>), goose (<c>goose_db_version</c>),
/// Alembic (<c>alembic_version</c>), EF Core (<c>__EFMigrationsHistory</c>), FluentMigrator (<c>VersionInfo</c>), DbUp
/// (<c>SchemaVersions</c>), Evolve (<c>changelog</c>) and grate (<c>ScriptsRun</c>). Columns are found by name without
/// regard to case, as the tools quote them differently per engine.
/// </summary>
public static class ForeignTools
{
    /// <summary>The tools, by the name <c>adopt --from</c> takes.</summary>
    public static IReadOnlyList<string> Names { get; } = ["flyway", "golang-migrate", "dbmate", "goose", "alembic", "ef", "fluentmigrator", "dbup", "evolve", "grate"];

    /// <summary>The table names to look for (schema, table), in order.</summary>
    public static IReadOnlyList<(string? Schema, string Table)> Tables(string tool) => tool switch
    {
        "flyway" => [(null, "flyway_schema_history")],
        "golang-migrate" or "dbmate" => [(null, "schema_migrations")],
        "goose" => [(null, "goose_db_version")],
        "alembic" => [(null, "alembic_version")],
        "ef" => [(null, "__EFMigrationsHistory"), (null, "__efmigrationshistory")],
        "fluentmigrator" => [(null, "VersionInfo"), (null, "versioninfo")],
        "dbup" => [(null, "SchemaVersions"), (null, "schemaversions")],
        "evolve" => [(null, "changelog")],
        "grate" => [("grate", "ScriptsRun"), ("grate", "scriptsrun"), (null, "grate_ScriptsRun"), (null, "ScriptsRun"), (null, "scriptsrun")],
        _ => throw new RatchetException(RatchetErrorKind.BadInput, $"unknown tool '{tool}'; adopt --from takes {string.Join(", ", Names)}"),
    };

    /// <summary>Reads the tool's history table; the table's name as found, and its entries in the order recorded.</summary>
    /// <exception cref="RatchetException">No such table (bad input), or its columns are not the tool's.</exception>
    public static async Task<(string Table, IReadOnlyList<ForeignEntry> Entries)> ReadAsync(string tool, IDatabaseEngine engine, DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(connection);
        var d = engine.Dialect;
        foreach (var (schema, table) in Tables(tool))
        {
            if (!engine.Capabilities.Schemas && schema is not null)
            {
                continue;
            }

            if (await connection.ScalarAsync(d.TableExistsQuery, null, cancellationToken, ("@schema", schema), ("@table", table)).ConfigureAwait(false) is null)
            {
                continue;
            }

            var shown = schema is null ? table : $"{schema}.{table}";
            var rows = await RowsAsync(connection, $"SELECT * FROM {d.Qualify(schema, table)}", cancellationToken).ConfigureAwait(false);
            return (shown, Entries(tool, rows, shown));
        }

        throw new RatchetException(RatchetErrorKind.BadInput,
            $"no {tool} history table in {engine.DisplayName} (looked for {string.Join(", ", Tables(tool).Select(t => t.Schema is null ? t.Table : $"{t.Schema}.{t.Table}").Distinct())})");
    }

    private static async Task<List<Dictionary<string, string?>>> RowsAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var rows = new List<Dictionary<string, string?>>();
        using var command = connection.Command(sql);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<ForeignEntry> Entries(string tool, List<Dictionary<string, string?>> rows, string table)
    {
        string Column(Dictionary<string, string?> row, params string[] names)
        {
            foreach (var name in names)
            {
                if (row.TryGetValue(name, out var value))
                {
                    return value ?? "";
                }
            }

            throw new RatchetException(RatchetErrorKind.BadInput, $"{table} has no column {string.Join(" or ", names)}: it is not {tool}'s history table as Ratchet knows it");
        }

        static bool True(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("t", StringComparison.OrdinalIgnoreCase));

        switch (tool)
        {
            case "flyway":
                var flyway = new List<ForeignEntry>();
                foreach (var row in rows.OrderBy(r => long.Parse(Column(r, "installed_rank"), CultureInfo.InvariantCulture)))
                {
                    var type = Column(row, "type").ToUpperInvariant();
                    var version = Column(row, "version");
                    var script = Column(row, "script");
                    if (type is "SCHEMA" or "DELETE")
                    {
                        continue;
                    }

                    var identity = version.Length == 0 ? Path.GetFileNameWithoutExtension(script) : version;
                    flyway.Add(new ForeignEntry
                    {
                        Identity = identity,
                        Script = script,
                        State = !True(Column(row, "success")) ? ForeignState.Failed : type.StartsWith("UNDO", StringComparison.Ordinal) ? ForeignState.Reverted : ForeignState.Applied,
                        Reach = type == "BASELINE" ? ForeignReach.UpToVersion : ForeignReach.Itself,
                        Shown = $"installed_rank {Column(row, "installed_rank")}: {type} {(version.Length == 0 ? "" : "version " + version + " ")}{script}".TrimEnd(),
                    });
                }

                return flyway;
            case "golang-migrate":
                return rows.Select(r => new ForeignEntry
                {
                    Identity = Column(r, "version"),
                    State = True(Column(r, "dirty")) ? ForeignState.Dirty : ForeignState.Applied,
                    Reach = ForeignReach.UpToVersion,
                    Shown = $"version {Column(r, "version")}{(True(Column(r, "dirty")) ? " (dirty)" : "")}",
                }).ToList();
            case "dbmate":
                return rows.Select(r => new ForeignEntry { Identity = Column(r, "version"), Shown = $"version {Column(r, "version")}" }).ToList();
            case "goose":
                // goose appends a row per up (is_applied true) and per down (false); the last row of a version decides.
                return rows.OrderBy(r => long.Parse(Column(r, "id"), CultureInfo.InvariantCulture))
                    .GroupBy(r => Column(r, "version_id")).Where(g => g.Key != "0")
                    .Select(g => new ForeignEntry
                    {
                        Identity = g.Key,
                        State = True(Column(g.Last(), "is_applied")) ? ForeignState.Applied : ForeignState.Reverted,
                        Shown = $"version_id {g.Key}",
                    }).ToList();
            case "alembic":
                return rows.Select(r => new ForeignEntry { Identity = Column(r, "version_num"), Reach = ForeignReach.WithAncestors, Shown = $"version_num {Column(r, "version_num")}" }).ToList();
            case "ef":
                return rows.Select(r => new ForeignEntry { Identity = Column(r, "MigrationId"), Shown = $"MigrationId {Column(r, "MigrationId")}" }).ToList();
            case "fluentmigrator":
                return rows.Select(r => new ForeignEntry { Identity = Column(r, "Version"), Shown = $"Version {Column(r, "Version")}" }).ToList();
            case "dbup":
                return rows.Select(r => new ForeignEntry { Identity = Column(r, "ScriptName"), Script = Column(r, "ScriptName"), Shown = $"ScriptName {Column(r, "ScriptName")}" }).ToList();
            case "evolve":
                // MetadataType: 0 migration, 1 new schema, 2 empty schema (markers), 3 start version (a baseline), 4 repeatable.
                return rows.OrderBy(r => long.Parse(Column(r, "id"), CultureInfo.InvariantCulture))
                    .Where(r => Column(r, "type") is "0" or "3" or "4")
                    .Select(r =>
                    {
                        var version = Column(r, "version");
                        var name = Column(r, "name");
                        return new ForeignEntry
                        {
                            Identity = version.Length == 0 ? Path.GetFileNameWithoutExtension(name) : version,
                            Script = name,
                            State = True(Column(r, "success")) ? ForeignState.Applied : ForeignState.Failed,
                            Reach = Column(r, "type") == "3" ? ForeignReach.UpToVersion : ForeignReach.Itself,
                            Shown = $"id {Column(r, "id")}: version {version} {name}".Trim(),
                        };
                    }).Where(e => e.Identity.Length > 0).ToList();
            case "grate":
                return rows.Select(r => new ForeignEntry { Identity = Column(r, "script_name"), Script = Column(r, "script_name"), Shown = $"script_name {Column(r, "script_name")}" }).ToList();
            default:
                throw new RatchetException(RatchetErrorKind.BadInput, $"unknown tool '{tool}'");
        }
    }
}
