namespace Ratchet.Verification.SampleData;

/// <summary>What a fill did: rows added per table, and tables it could not fill (with the reason).</summary>
public sealed record FillResult(IReadOnlyDictionary<string, int> Added, IReadOnlyDictionary<string, string> Skipped)
{
    /// <summary>Nothing added, nothing skipped.</summary>
    public static FillResult Empty { get; } = new(new Dictionary<string, int>(), new Dictionary<string, string>());
}
