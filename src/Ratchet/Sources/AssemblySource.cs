using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Ratchet.Operations;
using Ratchet.Revisions;

namespace Ratchet.Sources;

/// <summary>
/// Reads C# migrations: classes deriving from <see cref="Migration"/> and marked with <see cref="MigrationAttribute"/>.
/// Their Up and Down are run against a <see cref="MigrationBuilder"/> once, at load; a migration without Down gets
/// the inverse of its Up, or loading fails naming the migration and the operation that cannot be undone.
/// </summary>
public static class AssemblySource
{
    /// <summary>Every migration class in <paramref name="assembly"/>.</summary>
    [RequiresUnreferencedCode("Finds migration classes by reflection; keep them when trimming.")]
    public static IReadOnlyList<Revision> Load(Assembly assembly, EnumCatalog? enums = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = assembly.GetName().Name ?? "assembly";
        return FromTypes(assembly.GetTypes(), type => new SourceLocation($"{name}:{type.FullName}", 0), enums);
    }

    /// <summary>The migration classes among <paramref name="types"/>; <paramref name="sourceOf"/> names where each is written.</summary>
    [RequiresUnreferencedCode("Creates migration classes by reflection; keep them when trimming.")]
    public static IReadOnlyList<Revision> FromTypes(IEnumerable<Type> types, Func<Type, SourceLocation> sourceOf, EnumCatalog? enums = null)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(sourceOf);
        var catalog = enums ?? new EnumCatalog();
        var migrations = types
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(Migration).IsAssignableFrom(t))
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<MigrationAttribute>()))
            .ToList();
        foreach (var unmarked in migrations.Where(m => m.Attribute is null))
        {
            throw new MigrationFileException(sourceOf(unmarked.Type), $"migration class {unmarked.Type.Name} has no [Migration(\"id\")] attribute");
        }

        var built = migrations.Select(m => Build(m.Type, m.Attribute!, sourceOf(m.Type))).ToList();
        foreach (var create in built.SelectMany(b => b.Up.Concat(b.Down)).OfType<CreateEnumOperation>())
        {
            catalog.Define(create.Name, create.Values);
        }

        return built.Select(b => ToRevision(b, catalog)).Concat(OnlineRevisions(types, sourceOf)).ToList();
    }

    /// <summary>The <see cref="Online.OnlineMigration"/> classes: an online script each, with no down (Ratchet plans it).</summary>
    [RequiresUnreferencedCode("Creates migration classes by reflection; keep them when trimming.")]
    private static IEnumerable<Revision> OnlineRevisions(IEnumerable<Type> types, Func<Type, SourceLocation> sourceOf)
    {
        foreach (var type in types.Where(t => t is { IsAbstract: false, IsClass: true } && typeof(Online.OnlineMigration).IsAssignableFrom(t)))
        {
            var source = sourceOf(type);
            var attribute = type.GetCustomAttribute<MigrationAttribute>()
                ?? throw new MigrationFileException(source, $"migration class {type.Name} has no [Migration(\"id\")] attribute");
            Online.OnlineMigration migration;
            try
            {
                migration = (Online.OnlineMigration)Activator.CreateInstance(type)!;
            }
            catch (Exception e) when (e is MissingMethodException or TargetInvocationException)
            {
                throw new MigrationFileException(source, $"migration class {type.Name} cannot be created: {e.InnerException?.Message ?? e.Message}");
            }

            var builder = new Online.OnlineBuilder();
            Invoke(type, source, "Up", () => migration.Up(builder));
            yield return Revision(attribute, source, new Online.OnlineScript(builder.Operations));
        }
    }

    /// <summary>The migration classes among <paramref name="types"/>, named after their assembly.</summary>
    [RequiresUnreferencedCode("Creates migration classes by reflection; keep them when trimming.")]
    public static IReadOnlyList<Revision> FromTypes(params Type[] types) =>
        FromTypes(types, t => new SourceLocation($"{t.Assembly.GetName().Name}:{t.FullName}", 0));

    private sealed record Built(Type Type, MigrationAttribute Attribute, SourceLocation Source, IReadOnlyList<MigrationOperation> Up, IReadOnlyList<MigrationOperation> Down,
        bool Derived = false);

    [RequiresUnreferencedCode("Creates migration classes by reflection; keep them when trimming.")]
    private static Built Build(Type type, MigrationAttribute attribute, SourceLocation source)
    {
        Migration migration;
        try
        {
            migration = (Migration)Activator.CreateInstance(type)!;
        }
        catch (MissingMethodException e)
        {
            throw new MigrationFileException(source, $"migration class {type.Name} needs a public constructor without parameters ({e.Message})");
        }
        catch (TargetInvocationException e)
        {
            throw new MigrationFileException(source, $"the constructor of {type.Name} threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
        }

        var up = Run(type, source, "Up", migration.Up);
        var downBuilder = new MigrationBuilder();
        Invoke(type, source, "Down", () => migration.Down(downBuilder));
        if (!downBuilder.DeriveRequested)
        {
            return new Built(type, attribute, source, up, downBuilder.Operations);
        }

        if (downBuilder.Operations.Count > 0)
        {
            throw new MigrationFileException(source, $"migration {attribute.Id} ({type.Name}): Down both adds operations and asks to derive them from Up");
        }

        var derived = new List<MigrationOperation>(up.Count);
        foreach (var operation in up.Reverse())
        {
            derived.Add(operation.Invert() ?? throw new MigrationFileException(source,
                $"migration {attribute.Id} ({type.Name}) has no Down, and its operation `{operation.Describe()}` cannot be undone: {operation.WhyNoInverse}"));
        }

        return new Built(type, attribute, source, up, derived, Derived: true);
    }

    private static IReadOnlyList<MigrationOperation> Run(Type type, SourceLocation source, string direction, Action<MigrationBuilder> body)
    {
        var builder = new MigrationBuilder();
        Invoke(type, source, direction, () => body(builder));
        return builder.Operations;
    }

    private static void Invoke(Type type, SourceLocation source, string direction, Action body)
    {
        try
        {
            body();
        }
        catch (Exception e) when (e is not RatchetException)
        {
            // Whatever the migration's own code throws, the user needs the migration and the method, not a crash.
            throw new MigrationFileException(source, $"{type.Name}.{direction} threw {e.GetType().Name}: {e.Message}");
        }
    }

    private static Revision ToRevision(Built built, EnumCatalog catalog) =>
        Revision(built.Attribute, built.Source, new OperationScript(built.Up, catalog)) with
        {
            Down = new OperationScript(built.Down, catalog),
            DownDerived = built.Derived,
            Transactional = built.Attribute.Transactional,
        };

    /// <summary>A C# migration's revision: its graph facts from the attribute, and its up.</summary>
    private static Revision Revision(MigrationAttribute attribute, SourceLocation source, MigrationScript up)
    {
        var revises = attribute.Revises is null ? null : List(attribute.Revises);
        return new Revision
        {
            Id = attribute.Id,
            Message = attribute.Message,
            Parents = revises is ["base"] or ["none"] ? [] : revises ?? [],
            RevisesStated = revises is not null,
            BranchLabels = attribute.Branch is null ? [] : List(attribute.Branch),
            DependsOn = attribute.DependsOn is null ? [] : List(attribute.DependsOn),
            Up = up,
            Source = source,
            Kind = "csharp",
        };
    }

    private static List<string> List(string text) =>
        text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
