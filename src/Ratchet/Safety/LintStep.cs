using Ratchet.Revisions;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety;

/// <summary>
/// One statement part and everything a rule may ask about it: the revision, the target, the schema before the part,
/// what the revision did so far, and the statements around it.
/// </summary>
public sealed class LintStep
{
    internal LintStep(Revision revision, LintTarget target, IReadOnlyList<LintStatement> statements)
    {
        Revision = revision;
        Target = target;
        Statements = statements;
    }

    /// <summary>The revision.</summary>
    public Revision Revision { get; }

    /// <summary>The engine and version linted for.</summary>
    public LintTarget Target { get; }

    /// <summary>Every statement of the revision's up.</summary>
    public IReadOnlyList<LintStatement> Statements { get; }

    /// <summary>The position of the current statement.</summary>
    public int StatementIndex { get; internal set; }

    /// <summary>The current statement.</summary>
    public LintStatement Statement => Statements[StatementIndex];

    /// <summary>The current part.</summary>
    public StatementPart Part { get; internal set; } = null!;

    /// <summary>The schema before this part.</summary>
    public SchemaFacts Facts { get; internal set; } = null!;

    /// <summary>Whether the revision runs in a transaction.</summary>
    public bool Transactional => Revision.Transactional;

    /// <summary>
    /// Whether no lock_timeout guards this statement: the runner's is off (configuration or <c>-- ratchet:lock-timeout
    /// off</c>) and the revision set none, or the revision set it to 0.
    /// </summary>
    public bool LockTimeoutOff { get; internal set; }

    /// <summary>Whether an earlier statement of this transaction took an ACCESS EXCLUSIVE lock on an existing table.</summary>
    public bool AccessExclusiveHeld { get; internal set; }

    internal HashSet<string> CreatedTables { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the table was created earlier in this revision (lock rules do not apply to it).</summary>
    public bool CreatedHere(string table) => CreatedTables.Contains(table);

    /// <summary>Whether the table exists from an earlier revision (or is unknown: then it is assumed to exist).</summary>
    public bool Existing(string table) => !CreatedHere(table);

    /// <summary>The parts after the current one in this revision, in order.</summary>
    public IEnumerable<StatementPart> Later()
    {
        var current = Statement.Parsed.Parts.ToList();
        var at = current.IndexOf(Part);
        foreach (var part in current.Skip(at + 1))
        {
            yield return part;
        }

        foreach (var statement in Statements.Skip(StatementIndex + 1))
        {
            foreach (var part in statement.Parsed.Parts)
            {
                yield return part;
            }
        }
    }

    /// <summary>The parts before the current statement in this revision, in order.</summary>
    public IEnumerable<StatementPart> Earlier() => Statements.Take(StatementIndex).SelectMany(s => s.Parsed.Parts);
}
