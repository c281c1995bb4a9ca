using System.Text.Json.Nodes;
using Ratchet.Revisions;
using Ratchet.Verification;

namespace Ratchet.Knowledge;

/// <summary>
/// What the last <c>ratchet verify</c> found for one revision, kept in <c>kb/verify.json</c> with the checksums it ran
/// on, so <c>ratchet docs</c> says "verified" only of the file as it is now.
/// </summary>
public sealed record VerifiedRecord(string Revision, string Checksum, string Outcome, bool Data, string Engine, IReadOnlyList<string> Problems, IReadOnlyList<string> DownLosesData)
{
    /// <summary>The checksum a record is taken against: the revision's up and down together.</summary>
    public static string ChecksumOf(Revision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return revision.Up.Checksum + ":" + (revision.Down?.Checksum ?? "none");
    }

    /// <summary>The records of a report.</summary>
    public static IEnumerable<VerifiedRecord> From(VerifyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Revisions.Where(v => v.Outcome != VerdictOutcome.NotRun).Select(v => new VerifiedRecord(
            v.Revision.Id,
            ChecksumOf(v.Revision),
            v.Outcome switch { VerdictOutcome.Passed => "passed", VerdictOutcome.UpOnly => "up-only", _ => "failed" },
            report.Options.Data,
            report.Engine.Split(' ')[0].Split(':')[0],
            (v.Error is null ? [] : new[] { v.Error }).Concat(v.SchemaProblems).Concat(v.AfterUp.Concat(v.AfterDown).Where(f => f.IsFailure).Select(f => f.Message)).ToList(),
            v.AfterDown.Where(f => f.IsFailure).Select(f => f.Message).ToList()));
    }

    /// <summary>Reads the records of a file (none when it is missing or unreadable).</summary>
    public static IReadOnlyDictionary<string, VerifiedRecord> Load(string path)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, VerifiedRecord>();
        }

        try
        {
            var records = new Dictionary<string, VerifiedRecord>(StringComparer.Ordinal);
            foreach (var node in JsonNode.Parse(File.ReadAllText(path))!["revisions"]!.AsArray())
            {
                var r = node!.AsObject();
                records[(string)r["revision"]!] = new VerifiedRecord((string)r["revision"]!, (string)r["checksum"]!, (string)r["outcome"]!, (bool)r["data"]!, (string)r["engine"]!,
                    r["problems"]!.AsArray().Select(p => (string)p!).ToList(), r["downLosesData"]!.AsArray().Select(p => (string)p!).ToList());
            }

            return records;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return new Dictionary<string, VerifiedRecord>();
        }
    }

    /// <summary>Merges new records into the file (a record per revision, the newest kept).</summary>
    public static void Save(string path, IEnumerable<VerifiedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var all = Load(path).ToDictionary(StringComparer.Ordinal);
        foreach (var r in records)
        {
            all[r.Revision] = r;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var json = new JsonObject
        {
            ["revisions"] = new JsonArray(all.Values.OrderBy(r => r.Revision, StringComparer.Ordinal).Select(r => (JsonNode)new JsonObject
            {
                ["revision"] = r.Revision,
                ["checksum"] = r.Checksum,
                ["outcome"] = r.Outcome,
                ["data"] = r.Data,
                ["engine"] = r.Engine,
                ["problems"] = new JsonArray(r.Problems.Select(p => (JsonNode)p).ToArray()),
                ["downLosesData"] = new JsonArray(r.DownLosesData.Select(p => (JsonNode)p).ToArray()),
            }).ToArray()),
        };
        File.WriteAllText(path, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
