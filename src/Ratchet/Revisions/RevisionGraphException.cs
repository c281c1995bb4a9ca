namespace Ratchet.Revisions;

/// <summary>The revision graph is broken: a cycle, an unknown parent, a duplicate id, an ambiguous prefix.</summary>
public sealed class RevisionGraphException(string message, IReadOnlyList<string> files)
    : RatchetException(RatchetErrorKind.BadInput, message)
{
    /// <summary>The files involved.</summary>
    public IReadOnlyList<string> Files { get; } = files;
}
