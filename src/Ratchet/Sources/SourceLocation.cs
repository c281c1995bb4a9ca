namespace Ratchet.Sources;

/// <summary>A place in a migration file: its path (as the user gave it) and a 1-based line.</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
