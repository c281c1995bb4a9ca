namespace Ratchet.Schema;

/// <summary>
/// A rename the user states, so a drop and an add are one rename: <c>old=new</c> for a table, <c>table.old=new</c>
/// for a column (the table named as it is now, or as it is after its own rename).
/// </summary>
public sealed record SchemaRename(string Table, string? Column, string NewName)
{
    /// <summary>Parses <c>old=new</c> or <c>table.old=new</c>.</summary>
    /// <exception cref="RatchetException">The text is neither (bad input).</exception>
    public static SchemaRename Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var left = eq > 0 ? text[..eq].Trim() : "";
        var right = eq > 0 ? text[(eq + 1)..].Trim() : "";
        var dot = left.IndexOf('.', StringComparison.Ordinal);
        if (left.Length == 0 || right.Length == 0 || right.Contains('.', StringComparison.Ordinal) || dot == 0 || dot == left.Length - 1)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, $"--rename '{text}' is not a rename: write old=new for a table, table.old=new for a column");
        }

        return dot < 0 ? new SchemaRename(left, null, right) : new SchemaRename(left[..dot], left[(dot + 1)..], right);
    }

    /// <summary>Whether this renames a table (else a column).</summary>
    public bool IsTable => Column is null;

    /// <inheritdoc />
    public override string ToString() => Column is null ? $"{Table}={NewName}" : $"{Table}.{Column}={NewName}";

    /// <summary>The renames that undo <paramref name="renames"/>, in the order they apply.</summary>
    public static IReadOnlyList<SchemaRename> Reverse(IReadOnlyList<SchemaRename> renames)
    {
        ArgumentNullException.ThrowIfNull(renames);
        var tables = renames.Where(r => r.IsTable).ToList();
        string After(string table) => tables.FirstOrDefault(t => string.Equals(t.Table, table, StringComparison.OrdinalIgnoreCase))?.NewName ?? table;
        return tables.Select(t => new SchemaRename(t.NewName, null, t.Table))
            .Concat(renames.Where(r => !r.IsTable).Select(c => new SchemaRename(After(c.Table), c.NewName, c.Column!)))
            .ToList();
    }
}
