using Ratchet.Revisions;

namespace Ratchet.Sources;

/// <summary>
/// Reads native SQL migrations (<c>&lt;id&gt;__&lt;slug&gt;.sql</c>) from a folder. The id comes from a
/// <c>revision</c> directive, else from the file name; a file without <c>revises</c> follows the previous file in id
/// order (the first one is a root).
/// </summary>
public static class SqlFileSource
{
    /// <summary>The file-name separator between id and slug.</summary>
    public const string Separator = "__";

    /// <summary>Reads every <c>*.sql</c> file in <paramref name="directory"/> and links them into a chain where they do not say.</summary>
    /// <param name="directory">The folder on disk.</param>
    /// <param name="displayDirectory">The folder as the user named it, used in messages.</param>
    /// <exception cref="RatchetException">The folder does not exist, or a file is not a valid migration.</exception>
    public static IReadOnlyList<Revision> Load(string directory, string displayDirectory) =>
        RevisionLinker.Link(Read(directory, displayDirectory));

    /// <summary>Reads every <c>*.sql</c> file; revisions without <c>revises</c> are left unlinked (see <see cref="RevisionLinker"/>).</summary>
    /// <exception cref="RatchetException">The folder does not exist, or a file is not a valid migration.</exception>
    public static IReadOnlyList<Revision> Read(string directory, string displayDirectory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new RatchetException(RatchetErrorKind.BadInput,
                $"migrations folder '{displayDirectory}' does not exist") { Hints = ["create it with `ratchet init`, or point --dir at it"] };
        }

        return Directory.EnumerateFiles(directory, "*.sql")
            .Select(path => ReadFile(path, Path.Combine(displayDirectory, Path.GetFileName(path))))
            .Select(f => ToRevision(f.Id, f.File))
            .ToList();
    }

    /// <summary>The revision in a migration file's <paramref name="text"/>, as if read from <paramref name="path"/> (ids from its name).</summary>
    /// <exception cref="RatchetException">The text is not a valid migration.</exception>
    public static Revision FromText(string path, string text)
    {
        var file = SqlMigrationFileParser.Parse(path, text);
        return ToRevision(file.Id ?? IdFromFileName(path), file);
    }

    /// <summary>The id a file name implies: the part before <c>__</c>, or the whole name without <c>.sql</c>.</summary>
    public static string IdFromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var cut = stem.IndexOf(Separator, StringComparison.Ordinal);
        return cut > 0 ? stem[..cut] : stem;
    }

    private static (string Id, SqlMigrationFile File) ReadFile(string path, string display)
    {
        var file = SqlMigrationFileParser.Parse(display, File.ReadAllText(path));
        return (file.Id ?? IdFromFileName(path), file);
    }

    private static Revision ToRevision(string id, SqlMigrationFile file) => new()
    {
        Id = id,
        Message = file.Message,
        Parents = file.Revises ?? [],
        BranchLabels = file.BranchLabels,
        DependsOn = file.DependsOn,
        Up = file.Online ? OnlineSqlReader.Read(file) : file.Up,
        Down = file.Down,
        Checks = file.Checks,
        Verifies = file.Verifies,
        Transactional = file.Transactional,
        StatementLockTimeout = file.StatementLockTimeout,
        Repeatable = file.Repeatable,
        RevisesStated = file.Revises is not null || file.Repeatable,
        Suppressions = file.Suppressions,
        Source = new SourceLocation(file.Path, 0),
        Kind = "sql",
    };
}
