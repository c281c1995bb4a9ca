using System.Text.RegularExpressions;
using Ratchet.Revisions;

namespace Ratchet.Sources.Layouts;

/// <summary>
/// A folder per revision, <c>{id}_{name}/up.sql</c> and <c>down.sql</c> (diesel, whose <c>metadata.toml</c> may say
/// <c>run_in_transaction = false</c>), ordered by id; with a <c>metadata.yaml</c> in a folder naming its
/// <c>parents</c> (a DAG), <c>transactional: false</c> and <c>nonIdempotent</c>. The id is the part of the folder name
/// before the first underscore.
/// </summary>
public sealed partial class FolderLayout : MigrationLayout
{
    /// <inheritdoc />
    public override string Name => "folders";

    /// <inheritdoc />
    public override bool ClaimsOnlyTopLevelSqlFiles => false;

    /// <inheritdoc />
    public override IReadOnlyList<string> Claims(string directory) =>
        Directory.EnumerateDirectories(directory).Where(d => File.Exists(Path.Combine(d, "up.sql")) && FolderName().IsMatch(Path.GetFileName(d)))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public override IReadOnlyList<Revision> Read(string directory, string display) => RevisionLinker.Link(Claims(directory).Select(folder =>
    {
        var path = Path.Combine(directory, folder);
        var shown = Path.Combine(display, folder, "up.sql");
        var name = FolderName().Match(folder);
        var metadataPath = Path.Combine(path, "metadata.yaml");
        var metadata = File.Exists(metadataPath) ? SimpleYaml.Read(File.ReadAllText(metadataPath), Path.Combine(display, folder, "metadata.yaml")) : null;
        var parents = metadata?.List("parents");
        var downPath = Path.Combine(path, "down.sql");
        return new Revision
        {
            Id = name.Groups["id"].Value,
            Message = Words(name.Groups["name"].Value),
            Parents = parents ?? [],
            RevisesStated = parents is not null,
            Up = Script(File.ReadAllText(Path.Combine(path, "up.sql")), shown),
            Down = File.Exists(downPath) ? Script(File.ReadAllText(downPath), Path.Combine(display, folder, "down.sql")) : null,
            Transactional = metadata?.Bool("transactional") ?? DieselTransaction(path) ?? true,
            Idempotent = !(metadata?.Bool("nonIdempotent") ?? false),
            Source = new SourceLocation(shown, 0),
            Kind = "sql",
            Layout = Name,
        };
    }).ToList());

    /// <summary>diesel's <c>metadata.toml</c>: <c>run_in_transaction = false</c>.</summary>
    private static bool? DieselTransaction(string folder)
    {
        var toml = Path.Combine(folder, "metadata.toml");
        return File.Exists(toml) && RunInTransaction().Match(File.ReadAllText(toml)) is { Success: true } m ? m.Groups[1].Value == "true" : null;
    }

    [GeneratedRegex(@"^\s*run_in_transaction\s*=\s*(true|false)\s*$", RegexOptions.Multiline)]
    private static partial Regex RunInTransaction();

    [GeneratedRegex(@"^(?<id>[^_]+)_(?<name>.+)$")]
    private static partial Regex FolderName();
}
