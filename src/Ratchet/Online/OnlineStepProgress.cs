namespace Ratchet.Online;

/// <summary>A step's row in <c>ratchet_online</c>: done, or a backfill's checkpoint.</summary>
public sealed record OnlineStepProgress
{
    /// <summary>The step's key.</summary>
    public required string Step { get; init; }

    /// <summary>Whether it finished.</summary>
    public bool Done { get; init; }

    /// <summary>A backfill: the last key (or page) written, as a JSON array of text values; null before the first batch.</summary>
    public string? LastKey { get; init; }

    /// <summary>The values of <see cref="LastKey"/>, in key order; null before the first batch.</summary>
    public IReadOnlyList<string>? LastKeyValues => LastKey is null ? null : ParseKey(LastKey);

    /// <summary>A checkpoint's key as stored (a JSON array of text values).</summary>
    public static IReadOnlyList<string> ParseKey(string json) => System.Text.Json.JsonSerializer.Deserialize(json, OnlineJson.Default.ListString) ?? [];

    /// <summary>A backfill: the rows written so far.</summary>
    public long RowsDone { get; init; }

    /// <summary>A backfill: the rows (or, by page, the pages) it expects in all.</summary>
    public long? RowsTotal { get; init; }

    /// <summary>When the row last changed (UTC).</summary>
    public DateTime UpdatedAt { get; init; }
}
