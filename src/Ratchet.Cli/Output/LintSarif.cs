using System.Text.Json.Nodes;
using Ratchet.Safety;

namespace Ratchet.Cli.Output;

/// <summary>
/// SARIF 2.1.0 (OASIS), the format code-scanning services read: one run, the tool's rules with their help, one result
/// per finding with its physical location, and suppressed findings carried with an in-source suppression and its reason.
/// </summary>
internal static class LintSarif
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static JsonObject Write(LintReport report)
    {
        var rules = LintRules.All.Select(r => (r.Id, r.Title, r.Fix, r.Severity))
            .Concat(Trace.Select(t => (t.Id, t.Title, t.Fix, Severity.Error)))
            .Append(("RAT000", "a suppression without a reason, or of an unknown rule", "write `-- ratchet:ignore RATnnn <the reason>`", Severity.Error))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
        var index = rules.Select((r, i) => (r.Item1, i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal);
        return new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "ratchet",
                        ["informationUri"] = "https://github.com/ratchet-migrations/ratchet/blob/main/docs/lint.md",
                        ["semanticVersion"] = Engines.RunnerIdentity.ToolVersion,
                        ["rules"] = new JsonArray(rules.Select(r => (JsonNode)new JsonObject
                        {
                            ["id"] = r.Item1,
                            ["name"] = r.Item1,
                            ["shortDescription"] = new JsonObject { ["text"] = r.Item2 },
                            ["help"] = new JsonObject { ["text"] = "Safe alternative: " + r.Item3 },
                            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(r.Item4) },
                        }).ToArray()),
                    },
                },
                ["columnKind"] = "unicodeCodePoints",
                ["originalUriBaseIds"] = new JsonObject { ["SRCROOT"] = new JsonObject { ["description"] = new JsonObject { ["text"] = "The folder ratchet ran in." } } },
                ["results"] = new JsonArray(report.Findings.Select(f => (JsonNode)Result(f, index)).ToArray()),
            }),
        };
    }

    private static JsonObject Result(LintFinding f, Dictionary<string, int> index)
    {
        var location = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = f.File.Replace('\\', '/'), ["uriBaseId"] = "SRCROOT" } };
        if (f.Line > 0)
        {
            location["region"] = new JsonObject { ["startLine"] = f.Line, ["startColumn"] = Math.Max(f.Column, 1) };
        }

        var result = new JsonObject
        {
            ["ruleId"] = f.Rule,
            ["ruleIndex"] = index.GetValueOrDefault(f.Rule),
            ["level"] = Level(f.Severity),
            ["message"] = new JsonObject { ["text"] = $"{f.Message}. Safe alternative: {f.Fix}" },
            ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = location }),
            ["properties"] = new JsonObject { ["revision"] = f.Revision },
        };
        if (f.SuppressedBecause is { } why)
        {
            result["suppressions"] = new JsonArray(new JsonObject { ["kind"] = "inSource", ["justification"] = why });
        }

        return result;
    }

    /// <summary>The trace rules, reported by <c>--trace</c>.</summary>
    private static readonly (string Id, string Title, string Fix)[] Trace =
    [
        ("RAT101", "a lock that blocks reads or writes taken on an existing table while lock_timeout was 0", "set lock_timeout; Ratchet retries"),
        ("RAT102", "a statement run while a blocking lock was already held", "split the transaction"),
        ("RAT103", "a table rewritten", "an online migration"),
        ("RAT104", "a full scan under a blocking lock", "NOT VALID, then VALIDATE CONSTRAINT"),
        ("RAT105", "an index left invalid", "drop it and retry"),
    ];

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
