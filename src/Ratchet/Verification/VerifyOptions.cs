namespace Ratchet.Verification;

/// <summary>How <see cref="StairwayVerifier"/> runs.</summary>
public sealed record VerifyOptions
{
    /// <summary>Fill every table with generated rows before each up and compare the data at each step.</summary>
    public bool Data { get; init; }

    /// <summary>Rows per table when <see cref="Data"/> is on (default 50).</summary>
    public int RowsPerTable { get; init; } = 50;

    /// <summary>The seed of the generated values: the same seed gives the same rows (default 1).</summary>
    public int Seed { get; init; } = 1;
}
