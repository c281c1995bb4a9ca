using System.Text.RegularExpressions;

namespace Ratchet.Schema;

/// <summary>A model as it is after a table or column rename: every reference to the name follows, as the engines do.</summary>
internal static partial class SchemaModelRenamer
{
    public static SchemaModel RenameTable(SchemaModel model, string table, string newName) => model with
    {
        Tables = model.Tables.Select(t => (Same(t.Name, table) ? t with { Name = newName } : t) with
        {
            ForeignKeys = t.ForeignKeys.Select(f => Same(f.PrincipalTable, table) ? f with { PrincipalTable = newName } : f).ToList(),
        }).ToList(),
        Triggers = model.Triggers.Select(t => (Same(t.Table, table) ? t with { Table = newName } : t) with { Definition = Replace(t.Definition, table, newName)! })
            .ToList(),
        Views = model.Views.Select(v => v with { Definition = Replace(v.Definition, table, newName)! }).ToList(),
    };

    public static SchemaModel RenameColumn(SchemaModel model, string table, string column, string newName)
    {
        IReadOnlyList<string> Names(IReadOnlyList<string> columns) => columns.Select(c => Same(c, column) ? newName : c).ToList();
        string? In(string? expression) => Replace(expression, column, newName);
        return model with
        {
            Tables = model.Tables.Select(t =>
            {
                var renamed = t with
                {
                    ForeignKeys = t.ForeignKeys.Select(f => Same(f.PrincipalTable, table) ? f with { PrincipalColumns = Names(f.PrincipalColumns) } : f).ToList(),
                };
                return !Same(t.Name, table) ? renamed : renamed with
                {
                    Columns = t.Columns.Select(c => (Same(c.Name, column) ? c with { Name = newName } : c) with
                    {
                        Default = In(c.Default),
                        Generated = In(c.Generated),
                    }).ToList(),
                    PrimaryKey = t.PrimaryKey is { } pk ? pk with { Columns = Names(pk.Columns) } : null,
                    UniqueConstraints = t.UniqueConstraints.Select(u => u with { Columns = Names(u.Columns) }).ToList(),
                    ForeignKeys = renamed.ForeignKeys.Select(f => f with { Columns = Names(f.Columns) }).ToList(),
                    Checks = t.Checks.Select(c => c with { Expression = In(c.Expression)! }).ToList(),
                    Indexes = t.Indexes.Select(i => i with { Columns = i.Columns.Select(c => c.StartsWith('(') ? In(c)! : Same(c, column) ? newName : c).ToList(), Where = In(i.Where) })
                        .ToList(),
                };
            }).ToList(),
        };
    }

    /// <summary>The name as a whole word (bare or double-quoted) replaced in an expression.</summary>
    private static string? Replace(string? expression, string name, string newName) => expression is null
        ? null
        : Regex.Replace(expression, $"(?<![\\w\"]){Regex.Escape(name)}(?![\\w\"])|\"{Regex.Escape(name)}\"", newName, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
