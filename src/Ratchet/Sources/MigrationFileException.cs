namespace Ratchet.Sources;

/// <summary>A migration file that cannot be read: an unknown directive, an unterminated string, a missing section.</summary>
public sealed class MigrationFileException(SourceLocation location, string problem)
    : RatchetException(RatchetErrorKind.BadInput, $"{location}: {problem}")
{
    /// <summary>Where the problem is.</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>The problem, without the location.</summary>
    public string Problem { get; } = problem;
}
