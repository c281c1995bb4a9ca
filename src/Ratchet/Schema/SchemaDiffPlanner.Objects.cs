using System.Text.RegularExpressions;
using Ratchet.Operations;

namespace Ratchet.Schema;

/// <summary>Enums, sequences, functions, views and triggers.</summary>
internal sealed partial class SchemaDiffPlanner
{
    private void PlanEnums(SchemaModel from, SchemaModel to)
    {
        foreach (var e in to.Enums)
        {
            var was = from.Enums.FirstOrDefault(x => x.Name == e.Name);
            if (was is null)
            {
                _early.Add(new CreateEnumOperation { Name = e.Name, Values = e.Values });
            }
            else if (!was.Values.SequenceEqual(e.Values, StringComparer.Ordinal))
            {
                if (KeepsOrder(was.Values, e.Values))
                {
                    AddEnumValues(was, e);
                }
                else
                {
                    RecreateEnum(from, to, was, e);
                }
            }
        }

        foreach (var e in from.Enums.Where(x => to.Enums.All(y => y.Name != x.Name)))
        {
            _late.Add(new DropEnumOperation { Name = e.Name, Values = e.Values });
        }
    }

    /// <summary>New values go where the desired order puts them: before the next value that exists, else at the end.</summary>
    private void AddEnumValues(EnumModel was, EnumModel e)
    {
        for (var k = 0; k < e.Values.Count; k++)
        {
            if (was.Values.Contains(e.Values[k], StringComparer.Ordinal))
            {
                continue;
            }

            var before = e.Values.Skip(k + 1).FirstOrDefault(v => was.Values.Contains(v, StringComparer.Ordinal));
            _early.Add(new AddEnumValueOperation { Enum = e.Name, Value = e.Values[k], Before = before });
        }
    }

    /// <summary>
    /// PostgreSQL cannot remove or reorder enum values: the type is renamed, the new one created, every column that
    /// keeps the type converted through text, and the old type dropped once nothing uses it.
    /// </summary>
    private void RecreateEnum(SchemaModel from, SchemaModel to, EnumModel was, EnumModel e)
    {
        var old = $"{e.Name}_ratchet_old";
        _early.Add(Sql($"ALTER TYPE {Q(e.Name)} RENAME TO {Q(old)}"));
        _early.Add(new CreateEnumOperation { Name = e.Name, Values = e.Values });
        foreach (var table in to.Tables)
        {
            foreach (var column in table.Columns.Where(c => IsEnum(c.Type, e.Name)))
            {
                if (from.Table(table.Name)?.Column(column.Name) is not { } current || !IsEnum(current.Type, e.Name))
                {
                    continue;
                }

                _reshaped.Add(table.Name);
                var alter = $"ALTER TABLE {Q(table.Name)} ALTER COLUMN {Q(column.Name)}";
                if (current.Default is not null)
                {
                    _early.Add(Sql($"{alter} DROP DEFAULT"));
                }

                _early.Add(Sql($"{alter} TYPE {Q(e.Name)} USING {Q(column.Name)}::text::{Q(e.Name)}"));
                // A default that changes is set by the column's own alter, later.
                if (current.Default is not null && column.Default is not null && Same(current.Default, column.Default))
                {
                    _early.Add(Sql($"{alter} SET DEFAULT {column.Default}"));
                }
            }
        }

        _late.Add(Sql($"DROP TYPE {Q(old)}"));
        var removed = was.Values.Except(e.Values, StringComparer.Ordinal).ToList();
        Notes.Add(removed.Count > 0
            ? $"enum {e.Name} loses {string.Join(", ", removed)}: the type is recreated, and a row holding a removed value makes the conversion fail"
            : $"enum {e.Name} changes order: the type is recreated and its columns converted");
    }

    private bool IsEnum(string type, string name) => type == name || type == Q(name);

    /// <summary>Whether <paramref name="part"/> appears in <paramref name="whole"/> in the same order (values only added).</summary>
    internal static bool KeepsOrder(IReadOnlyList<string> part, IReadOnlyList<string> whole)
    {
        var k = 0;
        foreach (var value in whole)
        {
            if (k < part.Count && part[k] == value)
            {
                k++;
            }
        }

        return k == part.Count;
    }

    private void PlanSequencesAndFunctions(SchemaModel from, SchemaModel to)
    {
        _early.AddRange(to.Sequences.Where(s => from.Sequences.All(x => x.Name != s.Name)).Select(s => Sql($"CREATE SEQUENCE {Q(s.Name)}")));
        _late.AddRange(from.Sequences.Where(s => to.Sequences.All(x => x.Name != s.Name)).Select(s => Sql($"DROP SEQUENCE {Q(s.Name)}")));

        // pg_get_functiondef writes CREATE OR REPLACE: a changed body replaces the old one. Bodies are not checked while
        // they are created (as pg_dump does), so a function may read tables this revision creates later.
        var functions = to.Functions.Where(f => from.Functions.FirstOrDefault(x => x.Name == f.Name) is not { } was || !Same(was.Definition, f.Definition)).ToList();
        if (functions.Count > 0)
        {
            _early.Add(Sql("SET LOCAL check_function_bodies = off"));
            _early.AddRange(functions.Select(f => Sql(f.Definition.TrimEnd().TrimEnd(';'))));
        }

        _late.AddRange(from.Functions.Where(f => to.Functions.All(x => x.Name != f.Name)).Select(f =>
            Sql($"DROP {(f.Definition.TrimStart().StartsWith("CREATE OR REPLACE PROCEDURE", StringComparison.OrdinalIgnoreCase) ? "PROCEDURE" : "FUNCTION")} {f.Name}")));
    }

    /// <summary>Whether a definition names the table or view (bare, or double-quoted as PostgreSQL writes reserved and mixed-case names).</summary>
    private static bool Reads(string definition, string name) =>
        Regex.IsMatch(definition, $"(?<![\\w\"]){Regex.Escape(name)}(?![\\w\"])", RegexOptions.IgnoreCase)
        || definition.Contains($"\"{name}\"", StringComparison.Ordinal);

    /// <summary>Views ordered so each comes after the views it reads.</summary>
    private static List<ViewModel> ByReads(List<ViewModel> views)
    {
        var ordered = new List<ViewModel>();
        var left = views.ToList();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(v => !left.Any(o => o != v && Reads(v.Definition, o.Name))) ?? left[0];
            ordered.Add(next);
            left.Remove(next);
        }

        return ordered;
    }

    private void PlanViewsAndTriggers(SchemaModel from, SchemaModel to)
    {
        // A view that changes or goes is dropped first, with every view that reads it; on PostgreSQL, which refuses to
        // change or drop a column a view reads, so are the views over tables whose columns change type or go. Drops go
        // readers first; creations go in the order the views read each other.
        var dropped = from.Views.Where(v => to.Views.FirstOrDefault(x => Equal(x.Name, v.Name)) is not { } wanted || !Same(wanted.Definition, v.Definition))
            .Select(v => v.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (alterInPlace)
        {
            dropped.UnionWith(from.Views.Where(v => _reshaped.Any(t => Reads(v.Definition, t))).Select(v => v.Name));
        }

        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var view in from.Views.Where(v => !dropped.Contains(v.Name) && dropped.Any(d => Reads(v.Definition, d))))
            {
                grown |= dropped.Add(view.Name);
            }
        }

        foreach (var view in Enumerable.Reverse(ByReads(from.Views.Where(v => dropped.Contains(v.Name)).ToList())))
        {
            _dropObjects.Add(Sql($"DROP VIEW {Q(view.Name)}"));
        }

        foreach (var view in ByReads(to.Views.Where(v => dropped.Contains(v.Name) || from.Views.All(x => !Equal(x.Name, v.Name))).ToList()))
        {
            _create.Add(Sql(view.Definition.TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase)
                ? view.Definition.Trim().TrimEnd(';')
                : $"CREATE VIEW {Q(view.Name)} AS\n{view.Definition.Trim().TrimEnd(';')}"));
        }

        foreach (var trigger in from.Triggers.Where(t => to.Triggers.FirstOrDefault(x => Equal(x.Name, t.Name)) is not { } wanted || !Same(wanted.Definition, t.Definition)))
        {
            // A trigger of a table that is dropped or rebuilt goes with it.
            if (to.Table(trigger.Table) is not null && !_rebuilt.Contains(trigger.Table))
            {
                _dropObjects.Add(Sql(dialect.DropTrigger(trigger.Name, trigger.Table)));
            }
        }

        foreach (var trigger in to.Triggers.Where(t => _rebuilt.Contains(t.Table)
            || from.Triggers.FirstOrDefault(x => Equal(x.Name, t.Name)) is not { } was || !Same(was.Definition, t.Definition)))
        {
            _create.Add(Sql(trigger.Definition.Trim().TrimEnd(';')));
        }
    }
}
