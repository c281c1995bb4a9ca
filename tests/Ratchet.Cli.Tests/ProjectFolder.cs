using System.Diagnostics;
using Ratchet.Specification.Tests;
using Ratchet.Sqlite.Tests;

namespace Ratchet.Cli.Tests;

/// <summary>A temporary project folder: a migrations folder and, on demand, a copy of an example.</summary>
public sealed class ProjectFolder : IDisposable
{
    private readonly TestDatabase? _given;
    private SqliteTestDatabase? _default;

    /// <summary>A project on the default database (<c>sqlite:ratchet.db</c> in its folder), or on <paramref name="database"/> through RATCHET_URL.</summary>
    public ProjectFolder(TestDatabase? database = null)
    {
        _given = database;
        Root = Path.Combine(Path.GetTempPath(), "ratchet-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Migrations = new MigrationFolder(Path.Combine(Root, "migrations"));
    }

    public string Root { get; }

    public MigrationFolder Migrations { get; }

    /// <summary>The project's database.</summary>
    public TestDatabase Database => _given ?? (_default ??= new SqliteTestDatabase(Path.Combine(Root, "ratchet.db")));

    /// <summary>The environment the tool sees: RATCHET_URL when the project is not on the default database.</summary>
    public IReadOnlyDictionary<string, string>? Environment =>
        _given is null ? null : new Dictionary<string, string> { ["RATCHET_URL"] = _given.Url };

    /// <summary>Copies <c>examples/NAME</c> of this repository into the folder.</summary>
    public ProjectFolder WithExample(string name)
    {
        var source = Path.Combine(RepositoryRoot(), "examples", name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".db", StringComparison.Ordinal)))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return this;
    }

    public Task<CliResult> RunAsync(params string[] args) => Cli.RunAsync(Root, Environment, args);

    /// <summary>Runs the tool as a separate process on the project's database.</summary>
    public Process Start(params string[] args) => Cli.Start(Root, Environment, args);

    public Task<CliResult> RunProcessAsync(params string[] args) => Cli.RunProcessAsync(Root, Environment, args);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ratchet.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ratchet.slnx not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
