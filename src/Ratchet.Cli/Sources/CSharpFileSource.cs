using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using Ratchet.Operations;
using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Cli.Sources;

/// <summary>
/// C# migrations kept as loose <c>.cs</c> files in the migrations folder, as Alembic keeps Python files: compiled
/// together with Roslyn and cached by the hash of their content (<c>.ratchet/&lt;hash&gt;.dll</c> in the folder), so a
/// later run loads the cached assembly without starting the compiler.
/// </summary>
internal static class CSharpFileSource
{
    public const string CacheFolder = ".ratchet";

    [RequiresUnreferencedCode("Loads compiled migrations by reflection.")]
    public static IReadOnlyList<Revision> Read(string directory, string displayDirectory, EnumCatalog enums)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(directory, "*.cs").Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(Path.Combine(displayDirectory, Path.GetFileName(path)), File.ReadAllText(path)))
            .ToList();
        if (files.Count == 0)
        {
            return [];
        }

        var hash = Hash(files);
        var (assembly, map) = Loaded.GetOrAdd($"{Path.GetFullPath(directory)}\n{hash}", _ => Load(directory, files, hash));
        var locations = map.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new SourceLocation(g.First()[1], int.Parse(g.First()[2], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        return AssemblySource.FromTypes(assembly.GetTypes(), t => locations.GetValueOrDefault(t.FullName ?? t.Name, new SourceLocation(displayDirectory, 0)), enums);
    }

    /// <summary>Assemblies already loaded in this process, by folder and hash: each folder's files are loaded once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Assembly Assembly, string Map)> Loaded = new(StringComparer.Ordinal);

    [RequiresUnreferencedCode("Loads compiled migrations by reflection.")]
    private static (Assembly, string) Load(string directory, List<SourceFile> files, string hash)
    {
        var cache = Path.Combine(directory, CacheFolder);
        var dll = Path.Combine(cache, $"{hash}.dll");
        var mapFile = Path.Combine(cache, $"{hash}.types");

        // A context of its own: another set of files compiled earlier in this process may define the same class names;
        // Ratchet's own assembly still comes from the default context, so the types match.
        var context = new AssemblyLoadContext($"ratchet-migrations-{hash}");
        if (File.Exists(dll) && File.Exists(mapFile))
        {
            return (context.LoadFromAssemblyPath(dll), File.ReadAllText(mapFile));
        }

        var compiled = CSharpCompiler.Compile(files, $"Ratchet.Migrations.{hash[..16]}");
        var map = string.Join('\n', compiled.Types.Select(t => $"{t.TypeName}\t{t.File}\t{t.Line}"));
        try
        {
            Directory.CreateDirectory(cache);
            WriteAtomically(dll, compiled.Assembly);
            WriteAtomically(mapFile, Encoding.UTF8.GetBytes(map));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only checkout (a container image): run from memory, compile again next time.
        }

        using var image = new MemoryStream(compiled.Assembly);
        return (context.LoadFromStream(image), map);
    }

    /// <summary>The hash of every file's name and text, and of the Ratchet build they compile against.</summary>
    private static string Hash(List<SourceFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(Migration).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file.Path) + "\0" + file.Text + "\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>A source file as the user names it, and its text.</summary>
internal sealed record SourceFile(string Path, string Text);
