using Ratchet.Engines;

namespace Ratchet.Schema;

/// <summary>
/// The typed operations between two schemas of one engine, both ways. Nothing is guessed: a dropped and an added table
/// (or column) that look alike are reported as <see cref="SchemaChange.RenameCandidates"/> and stay a drop and an add
/// unless a <see cref="SchemaRename"/> says otherwise.
/// </summary>
public static class SchemaDiff
{
    /// <summary>What turns <paramref name="from"/> into <paramref name="to"/> and back.</summary>
    /// <param name="from">The current schema.</param>
    /// <param name="to">The desired schema.</param>
    /// <param name="dialect">The engine's dialect: quoting, and the statements written as SQL.</param>
    /// <param name="capabilities">Whether the engine alters tables in place or rebuilds them.</param>
    /// <param name="renames">Renames stated by the user.</param>
    /// <exception cref="RatchetException">A rename names a table or column that is not there (bad input).</exception>
    public static SchemaChange Compare(SchemaModel from, SchemaModel to, SqlDialect dialect, EngineCapabilities capabilities, IReadOnlyList<SchemaRename>? renames = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(capabilities);
        renames ??= [];
        var up = new SchemaDiffPlanner(dialect, capabilities.AlterTableInPlace);
        var upOperations = up.Plan(from, to, renames);
        var down = new SchemaDiffPlanner(dialect, capabilities.AlterTableInPlace);
        var downOperations = down.Plan(to, from, SchemaRename.Reverse(renames));
        return new SchemaChange
        {
            Up = upOperations,
            Down = downOperations,
            Notes = up.Notes.Select(n => $"up: {n}").Concat(down.Notes.Select(n => $"down: {n}")).Distinct(StringComparer.Ordinal).ToList(),
            RenameCandidates = up.RenameCandidates,
        };
    }

    /// <summary>
    /// The schemas to go through on the way to <paramref name="to"/>: with PostgreSQL a value added to an enum cannot be
    /// used in the transaction that adds it, so when the change adds enum values and does more, the values come first,
    /// in a revision of their own (the first schema returned); otherwise just <paramref name="to"/>.
    /// </summary>
    public static IReadOnlyList<SchemaModel> Stages(SchemaModel from, SchemaModel to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var extended = from.Enums.Select(e => to.Enums.FirstOrDefault(t => t.Name == e.Name) is { } wanted && wanted.Values.Count > e.Values.Count
            && e.Values.All(v => wanted.Values.Contains(v, StringComparer.Ordinal)) && SchemaDiffPlanner.KeepsOrder(e.Values, wanted.Values) ? wanted : e).ToList();
        if (extended.SequenceEqual(from.Enums))
        {
            return [to];
        }

        var withValues = @from with { Enums = extended };
        return SchemaComparer.AreEqual(withValues, to) ? [to] : [withValues, to];
    }
}
