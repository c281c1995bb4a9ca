namespace Ratchet.Operations;

/// <summary>Marks a <see cref="Migration"/> class as a revision and says where it stands in the graph.</summary>
/// <param name="id">The revision id, such as <c>20260203_001</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MigrationAttribute(string id) : Attribute
{
    /// <summary>The revision id.</summary>
    public string Id { get; } = id;

    /// <summary>The parent revision(s), comma-separated; <c>base</c> for a root; unset to follow the previous revision in id order.</summary>
    public string? Revises { get; init; }

    /// <summary>What the revision does.</summary>
    public string Message { get; init; } = "";

    /// <summary>Branch labels, comma-separated.</summary>
    public string? Branch { get; init; }

    /// <summary>Revisions of other branches that must be applied first, comma-separated.</summary>
    public string? DependsOn { get; init; }

    /// <summary>False to run statement by statement outside a transaction (for concurrent index builds).</summary>
    public bool Transactional { get; init; } = true;
}
