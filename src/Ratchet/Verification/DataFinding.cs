namespace Ratchet.Verification;

/// <summary>One thing a data comparison found: which table (and column), how many rows, an example.</summary>
public sealed record DataFinding(DataFindingKind Kind, string Table, string? Column, int Rows, string Message)
{
    /// <summary>Whether the finding fails the verification.</summary>
    public bool IsFailure => Kind is DataFindingKind.Lost or DataFindingKind.NotRestored;

    /// <inheritdoc />
    public override string ToString() => Message;
}
