namespace Ratchet.History;

/// <summary>One row of the append-only <c>ratchet_log</c>.</summary>
public sealed record LogEntry
{
    /// <summary>The row id (order of events).</summary>
    public long Id { get; init; }

    /// <summary>The revision concerned.</summary>
    public required string RevisionId { get; init; }

    /// <summary>What happened: up, down, stamp, unstamp, fail, repair.</summary>
    public required string Action { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; init; }

    /// <summary>Who.</summary>
    public string By { get; init; } = "";

    /// <summary>How long it took.</summary>
    public long DurationMs { get; init; }

    /// <summary>The checksum of the script that ran.</summary>
    public string? Checksum { get; init; }

    /// <summary>More about it: the error of a failure.</summary>
    public string? Detail { get; init; }

    /// <summary>The Ratchet version.</summary>
    public string ToolVersion { get; init; } = "";
}
