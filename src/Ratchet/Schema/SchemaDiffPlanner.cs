using Ratchet.Engines;
using Ratchet.Operations;

namespace Ratchet.Schema;

/// <summary>
/// Plans one direction of a <see cref="SchemaDiff"/>. Operations are collected per phase and the phases concatenated
/// in dependency order: renames; drops of views, triggers, foreign keys, constraints and indexes; new enums,
/// sequences and functions; new, rebuilt and altered tables; dropped columns and tables (referencing tables first);
/// new constraints and indexes; new foreign keys (every table exists by then); dropped enums, sequences and
/// functions; new views, triggers and comments.
/// </summary>
internal sealed partial class SchemaDiffPlanner(SqlDialect dialect, bool alterInPlace)
{
    private readonly List<MigrationOperation> _renames = [];
    private readonly List<MigrationOperation> _dropObjects = [];
    private readonly List<MigrationOperation> _dropForeignKeys = [];
    private readonly List<MigrationOperation> _dropConstraints = [];
    private readonly List<MigrationOperation> _early = [];
    private readonly List<MigrationOperation> _tables = [];
    private readonly List<MigrationOperation> _dropColumns = [];
    private readonly List<MigrationOperation> _dropTables = [];
    private readonly List<MigrationOperation> _constraints = [];
    private readonly List<MigrationOperation> _foreignKeys = [];
    private readonly List<MigrationOperation> _late = [];
    private readonly List<MigrationOperation> _create = [];
    private readonly HashSet<string> _rebuilt = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tables whose columns change type or go: a view that reads them is dropped first and created again after.</summary>
    private readonly HashSet<string> _reshaped = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What a reviewer must know about this direction.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Drops and adds that look like renames.</summary>
    public List<RenameCandidate> RenameCandidates { get; } = [];

    /// <summary>The current schema, renames applied.</summary>
    private SchemaModel _from = new();

    private string Q(string name) => dialect.QuoteIdentifier(name);

    public IReadOnlyList<MigrationOperation> Plan(SchemaModel from, SchemaModel to, IReadOnlyList<SchemaRename> renames)
    {
        from = ApplyRenames(from, to, renames);
        _from = from;
        FindRenameCandidates(from, to);
        PlanEnums(from, to);
        PlanSequencesAndFunctions(from, to);
        PlanTables(from, to);
        PlanViewsAndTriggers(from, to);
        return [.. _renames, .. _dropObjects, .. _dropForeignKeys, .. _dropConstraints, .. _early, .. _tables, .. _dropColumns, .. _dropTables,
            .. _constraints, .. _foreignKeys, .. _late, .. _create];
    }

    private SchemaModel ApplyRenames(SchemaModel from, SchemaModel to, IReadOnlyList<SchemaRename> renames)
    {
        foreach (var rename in renames.Where(r => r.IsTable))
        {
            if (from.Table(rename.Table) is null)
            {
                throw new RatchetException(RatchetErrorKind.BadInput, $"--rename {rename}: there is no table {rename.Table} to rename");
            }

            if (to.Table(rename.NewName) is null || from.Table(rename.NewName) is not null)
            {
                throw new RatchetException(RatchetErrorKind.BadInput,
                    $"--rename {rename}: the desired schema must have a table {rename.NewName} that the current one does not");
            }

            _renames.Add(new RenameTableOperation { Name = rename.Table, NewName = rename.NewName });
            from = SchemaModelRenamer.RenameTable(from, rename.Table, rename.NewName);
        }

        foreach (var rename in renames.Where(r => !r.IsTable))
        {
            var tableName = from.Table(rename.Table)?.Name
                ?? renames.FirstOrDefault(r => r.IsTable && string.Equals(r.Table, rename.Table, StringComparison.OrdinalIgnoreCase))?.NewName;
            var table = tableName is null ? null : from.Table(tableName);
            if (table?.Column(rename.Column!) is null)
            {
                throw new RatchetException(RatchetErrorKind.BadInput, $"--rename {rename}: there is no column {rename.Table}.{rename.Column} to rename");
            }

            if (to.Table(table.Name)?.Column(rename.NewName) is null || table.Column(rename.NewName) is not null)
            {
                throw new RatchetException(RatchetErrorKind.BadInput,
                    $"--rename {rename}: the desired table {table.Name} must have a column {rename.NewName} that the current one does not");
            }

            _renames.Add(new RenameColumnOperation { Table = table.Name, Name = table.Column(rename.Column!)!.Name, NewName = rename.NewName });
            from = SchemaModelRenamer.RenameColumn(from, table.Name, rename.Column!, rename.NewName);
        }

        return from;
    }

    private void FindRenameCandidates(SchemaModel from, SchemaModel to)
    {
        var dropped = from.Tables.Where(t => to.Table(t.Name) is null).ToList();
        var added = to.Tables.Where(t => from.Table(t.Name) is null).ToList();
        foreach (var (old, @new) in dropped.SelectMany(d => added.Select(a => (d, a))).Where(p => ColumnShape(p.d) == ColumnShape(p.a)))
        {
            RenameCandidates.Add(new RenameCandidate($"table {old.Name} (dropped) and table {@new.Name} (added)", new SchemaRename(old.Name, null, @new.Name)));
        }

        foreach (var table in to.Tables)
        {
            if (from.Table(table.Name) is not { } current)
            {
                continue;
            }

            var droppedColumns = current.Columns.Where(c => table.Column(c.Name) is null);
            var addedColumns = table.Columns.Where(c => current.Column(c.Name) is null).ToList();
            foreach (var old in droppedColumns)
            {
                foreach (var @new in addedColumns.Where(a => Same(a.Type, old.Type)))
                {
                    RenameCandidates.Add(new RenameCandidate($"column {table.Name}.{old.Name} (dropped) and {table.Name}.{@new.Name} (added)",
                        new SchemaRename(table.Name, old.Name, @new.Name)));
                }
            }
        }
    }

    private static string ColumnShape(TableModel table) =>
        string.Join(";", table.Columns.Select(c => $"{c.Name.ToLowerInvariant()} {SchemaComparer.Normalize(c.Type)}").Order(StringComparer.Ordinal));

    private static bool Same(string? a, string? b) => SchemaComparer.Normalize(a) == SchemaComparer.Normalize(b);

    private static SqlOperation Sql(string sql) => new() { Sql = sql };
}
