namespace Ratchet.Cli.Configuration;

/// <summary>
/// The knowledge base's files (<c>[knowledge]</c> in <c>ratchet.toml</c>): the folder (default <c>kb</c>), the
/// decisions log (<c>kb/decisions.log</c>), the backend patterns (<c>kb/backend-patterns.md</c>), the API contracts
/// (<c>kb/api-contracts.md</c>) and the design notes (<c>work/*-design.md</c>), relative to the project folder.
/// </summary>
internal sealed record KnowledgePaths(string ProjectFolder, string Folder, string DecisionsLog, string BackendPatterns, string ApiContracts, string DesignNotes, string WorkingDirectory)
{
    public static KnowledgePaths Resolve(RatchetConfig config, string project, string cwd)
    {
        var folder = Path.GetFullPath(config.KnowledgeFolder ?? "kb", project);
        string In(string? configured, string name) => configured is null ? Path.Combine(folder, name) : Path.GetFullPath(configured, project);
        return new KnowledgePaths(project, folder, In(config.DecisionsLog, "decisions.log"), In(config.BackendPatterns, "backend-patterns.md"),
            In(config.ApiContracts, "api-contracts.md"), config.DesignNotes ?? "work/*-design.md", cwd);
    }

    /// <summary>A path as the user would write it (relative to the working directory when inside it).</summary>
    public string Show(string path)
    {
        var relative = Path.GetRelativePath(WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>The design notes: the files the <see cref="DesignNotes"/> pattern (folder/*-suffix) matches, sorted.</summary>
    public IReadOnlyList<string> FindDesignNotes()
    {
        var pattern = DesignNotes.Replace('\\', '/');
        var slash = pattern.LastIndexOf('/');
        var folder = Path.GetFullPath(slash < 0 ? "." : pattern[..slash], ProjectFolder);
        var name = slash < 0 ? pattern : pattern[(slash + 1)..];
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, name).Order(StringComparer.Ordinal).ToList() : [];
    }
}
