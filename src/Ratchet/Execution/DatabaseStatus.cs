using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>What <c>status</c> reports: the history, what is pending toward every head, and what is wrong.</summary>
public sealed record DatabaseStatus
{
    /// <summary>Whether the database exists yet (an embedded file may not).</summary>
    public bool DatabaseExists { get; init; }

    /// <summary>The history rows, in order of application.</summary>
    public required IReadOnlyList<HistoryEntry> History { get; init; }

    /// <summary>Revisions not applied, in the order <c>up heads</c> would apply them.</summary>
    public required IReadOnlyList<Revision> Pending { get; init; }

    /// <summary>The heads of the graph.</summary>
    public required IReadOnlyList<Revision> Heads { get; init; }

    /// <summary>The applied revisions that no other applied revision needs: where the database is.</summary>
    public required IReadOnlyList<string> Current { get; init; }

    /// <summary>Mismatches between files and history.</summary>
    public required IReadOnlyList<ValidationProblem> Problems { get; init; }

    /// <summary>Problems the engine sees in the database, each with its fix (such as an invalid index).</summary>
    public IReadOnlyList<string> DatabaseProblems { get; init; } = [];

    /// <summary>How the live schema differs from the one recorded after the last run; empty when it does not (or none was recorded).</summary>
    public IReadOnlyList<string> Drift { get; init; } = [];
}
