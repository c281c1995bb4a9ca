using Ratchet.Revisions;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety;

/// <summary>
/// Runs the rules over revisions: every revision's up is read in graph order so the schema facts grow as the
/// migrations build the schema; the chosen revisions are checked part by part; suppressions are applied last (a
/// suppression without a reason, or of an unknown rule, is itself a finding, RAT000).
/// </summary>
public sealed class Linter(LintOptions options)
{
    private readonly IReadOnlyList<LintRule> _rules = (options.Rules ?? LintRules.All).Where(r => r.AppliesTo(options.Target)).ToList();

    /// <summary>Lints the revisions of <paramref name="graph"/> that <paramref name="include"/> picks (all when null).</summary>
    public LintReport Lint(RevisionGraph graph, Func<Revision, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var facts = new SchemaFacts();
        var findings = new List<LintFinding>();
        var (revisions, statements) = (0, 0);
        foreach (var revision in graph.Ordered)
        {
            var parsed = RevisionParts.Of(revision);
            if (include?.Invoke(revision) ?? true)
            {
                revisions++;
                statements += parsed.Count;
                findings.AddRange(Suppress(revision, parsed, Check(revision, parsed, facts)));
            }
            else
            {
                foreach (var part in parsed.SelectMany(s => s.Parsed.Parts))
                {
                    facts.Apply(part);
                }
            }
        }

        return new LintReport
        {
            Target = options.Target,
            Findings = findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList(),
            Revisions = revisions,
            Statements = statements,
        };
    }

    /// <summary>Checks one revision part by part, folding each part into <paramref name="facts"/> after its check.</summary>
    private List<LintFinding> Check(Revision revision, IReadOnlyList<LintStatement> statements, SchemaFacts facts)
    {
        var found = new List<LintFinding>();
        var step = new LintStep(revision, options.Target, statements) { Facts = facts };
        var lockTimeoutOff = revision.StatementLockTimeout is { } own ? own == TimeSpan.Zero : options.RunnerLockTimeoutOff;
        for (var i = 0; i < statements.Count; i++)
        {
            step.StatementIndex = i;
            step.LockTimeoutOff = lockTimeoutOff;
            var takesAccessExclusive = false;
            foreach (var part in statements[i].Parsed.Parts)
            {
                step.Part = part;
                foreach (var rule in _rules)
                {
                    foreach (var hit in rule.Check(step))
                    {
                        found.Add(Finding(rule.Id, rule.Severity, revision, statements[i], part, hit.Message, hit.Fix ?? rule.Fix));
                    }
                }

                if (Locks.Taken(part, facts) is { BlocksReads: true } taken && step.Existing(taken.Table))
                {
                    takesAccessExclusive = true;
                }

                if (part is SettingPart { Name: "lock_timeout" } setting)
                {
                    lockTimeoutOff = setting.Value is null ? revision.StatementLockTimeout is { } o ? o == TimeSpan.Zero : options.RunnerLockTimeoutOff : IsZero(setting.Value);
                }

                if (part is OperationPart { Operation: Operations.CreateTableOperation create })
                {
                    step.CreatedTables.Add(create.Name);
                }
                else if (part is CreatedTablePart created)
                {
                    step.CreatedTables.Add(created.Table);
                }
                else if (part is OperationPart { Operation: Operations.RenameTableOperation rename } && step.CreatedHere(rename.Name))
                {
                    step.CreatedTables.Add(rename.NewName);
                }

                facts.Apply(part);
            }

            step.AccessExclusiveHeld |= takesAccessExclusive && revision.Transactional;
        }

        return found;
    }

    private static bool IsZero(string value)
    {
        var v = value.Trim().Trim('\'').ToLowerInvariant();
        return v is "0" or "0s" or "0ms" or "0min";
    }

    private static LintFinding Finding(string rule, Severity severity, Revision revision, LintStatement statement, StatementPart part, string message, string fix) => new()
    {
        Rule = rule,
        Severity = severity,
        File = revision.Source.File,
        Revision = revision.Id,
        Line = part.Line > 0 ? part.Line : statement.Parsed.Line,
        Column = part.Line > 0 ? part.Column : 0,
        Message = message,
        Fix = fix,
        Statement = SqlParser.Short(statement.Parsed.Sql),
    };

    /// <summary>Marks the trace findings of a revision that its suppressions cover.</summary>
    public static IReadOnlyList<LintFinding> SuppressTraced(Revision revision, IEnumerable<LintFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var list = findings.ToList();
        var statements = RevisionParts.Of(revision);
        return Suppress(revision with { Suppressions = revision.Suppressions.Where(s => s.Rule.StartsWith("RAT1", StringComparison.Ordinal) && s.Reason.Length > 0).ToList() }, statements, list).ToList();
    }

    /// <summary>Marks the findings each suppression covers; adds RAT000 for suppressions without a reason or of unknown rules.</summary>
    private static IEnumerable<LintFinding> Suppress(Revision revision, IReadOnlyList<LintStatement> statements, List<LintFinding> findings)
    {
        var known = LintRules.All.Select(r => r.Id).Append("RAT101").Append("RAT102").Append("RAT103").Append("RAT104").Append("RAT105").ToHashSet(StringComparer.Ordinal);
        foreach (var suppression in revision.Suppressions)
        {
            var problem = suppression.Rule.Length == 0 ? "names no rule"
                : !known.Contains(suppression.Rule) ? $"names {suppression.Rule}, which is not a rule"
                : suppression.Reason.Length == 0 ? $"of {suppression.Rule} gives no reason"
                : null;
            if (problem is not null)
            {
                yield return new LintFinding
                {
                    Rule = "RAT000",
                    Severity = Severity.Error,
                    File = revision.Source.File,
                    Revision = revision.Id,
                    Line = suppression.Line,
                    Column = 1,
                    Message = $"this `-- ratchet:ignore` {problem}: a suppression must say which rule and why",
                    Fix = "write `-- ratchet:ignore RATnnn <the reason it is safe here>`",
                };
                continue;
            }

            var statement = suppression.StatementLine is { } line ? statements.FirstOrDefault(s => s.Parsed.Line == line) : null;
            for (var k = 0; k < findings.Count; k++)
            {
                var f = findings[k];
                var covered = f.Rule == suppression.Rule && f.SuppressedBecause is null
                    && (statement is null ? suppression.WholeRevision : f.Line >= statement.Parsed.Line && f.Line <= statement.EndLine);
                if (covered)
                {
                    findings[k] = f with { SuppressedBecause = suppression.Reason };
                }
            }
        }

        foreach (var finding in findings)
        {
            yield return finding;
        }
    }
}
