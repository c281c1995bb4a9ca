using Ratchet.Revisions;

namespace Ratchet.Adoption;

/// <summary>What adopting another tool's history would record, and what stands in the way.</summary>
public sealed record AdoptionPlan
{
    /// <summary>The revisions to record as applied (stamped), in graph order.</summary>
    public required IReadOnlyList<Revision> Applied { get; init; }

    /// <summary>Each recorded entry with the revision it maps to.</summary>
    public required IReadOnlyList<(ForeignEntry Entry, Revision Revision)> Mapped { get; init; }

    /// <summary>Entries no revision matches, or that match several, each with the reason.</summary>
    public required IReadOnlyList<(ForeignEntry Entry, string Why)> Unmapped { get; init; }

    /// <summary>Failed or dirty entries, each with what to do.</summary>
    public required IReadOnlyList<(ForeignEntry Entry, string Fix)> Broken { get; init; }

    /// <summary>Revisions the entries need applied but the tool did not record.</summary>
    public required IReadOnlyList<string> Gaps { get; init; }

    /// <summary>Whether the plan can be written.</summary>
    public bool Clean => Unmapped.Count == 0 && Broken.Count == 0 && Gaps.Count == 0;
}
