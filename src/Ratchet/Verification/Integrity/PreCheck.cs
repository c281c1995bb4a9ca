namespace Ratchet.Verification.Integrity;

/// <summary>
/// A query the data must pass before a statement of a real run: it returns the rows in the way (duplicates before a
/// unique constraint, NULLs before NOT NULL, orphans before a foreign key, violations before a CHECK), none when clear.
/// </summary>
public sealed record PreCheck
{
    /// <summary>The statement it runs before (0-based, among the revision's rendered statements).</summary>
    public required int Statement { get; init; }

    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The constraint, as the revision names it (<c>unique users_email_key (email)</c>).</summary>
    public required string Constraint { get; init; }

    /// <summary>What rows in the way mean (<c>duplicate values</c>, <c>NULLs</c>).</summary>
    public required string Problem { get; init; }

    /// <summary>The query (at most a few offending rows).</summary>
    public required string Query { get; init; }
}
