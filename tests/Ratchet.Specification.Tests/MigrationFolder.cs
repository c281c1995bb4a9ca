using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Specification.Tests;

/// <summary>A temporary migrations folder that tests write revision files into.</summary>
public sealed class MigrationFolder : IDisposable
{
    /// <summary>Creates an empty folder, at <paramref name="path"/> or in a new temporary place.</summary>
    public MigrationFolder(string? path = null)
    {
        Path = path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ratchet-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Writes <c>&lt;id&gt;__&lt;slug&gt;.sql</c> with the given parent(s) and sections.</summary>
    public string Add(string id, string? revises, string up, string? down = "", string? extraHeader = null, string? check = null, string? verify = null)
    {
        var text = $"""
            -- ratchet:revises {revises ?? "base"}
            -- ratchet:message Revision {id}
            {extraHeader}
            {(check is null ? "" : "-- ratchet:check\n" + check + "\n")}
            -- ratchet:up
            {up}
            {(verify is null ? "" : "-- ratchet:verify\n" + verify + "\n")}
            {(down is null ? "" : "-- ratchet:down\n" + down)}
            """;
        return Write($"{id}__revision_{id}.sql", text);
    }

    /// <summary>Writes a file as given.</summary>
    public string Write(string fileName, string text)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Reads the folder into a checked graph.</summary>
    public RevisionGraph Graph() => new(SqlFileSource.Load(Path, Path));

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
