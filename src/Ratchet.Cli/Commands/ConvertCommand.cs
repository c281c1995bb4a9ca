using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Ratchet.Cli.Output;
using Ratchet.Revisions;
using Ratchet.Sources;
using Ratchet.Sources.Layouts;
using static Ratchet.Cli.Invocation;

namespace Ratchet.Cli.Commands;

/// <summary>
/// <c>ratchet convert --to native</c>: rewrites a folder in another tool's layout as native Ratchet files, keeping
/// the ids, parents, flags and statements, so checksums recorded for the revisions (by <c>adopt</c> or <c>up</c>)
/// still match. The foreign files are removed unless <c>--keep</c>.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CommandRunner runner)
    {
        var to = new Option<string>("--to") { Description = "The layout to write (native)", Required = true };
        to.AcceptOnlyFromAmong("native");
        var keep = new Option<bool>("--keep") { Description = "Keep the foreign files (write the native ones beside them in --out)" };
        var outDir = new Option<string?>("--out") { Description = "Write into this folder instead of the migrations folder" };
        var command = new Command("convert", "Rewrite a folder of another tool's migrations as native Ratchet files (history-preserving)") { to, keep, outDir };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var settings = invocation.Settings;
            var layout = (settings.Layout is { } named ? MigrationLayouts.Named(named) : MigrationLayouts.Detect(settings.MigrationsDirectory))
                ?? throw new RatchetException(RatchetErrorKind.BadInput, $"{settings.MigrationsDisplay} is already in Ratchet's native layout: nothing to convert");
            var graph = invocation.RequireRevisions();
            var target = invocation.Parse.GetValue(outDir) is { } o ? Path.GetFullPath(o, invocation.Environment.WorkingDirectory) : settings.MigrationsDirectory;
            if (invocation.Parse.GetValue(keep) && target == settings.MigrationsDirectory)
            {
                throw new RatchetException(RatchetErrorKind.BadInput, "--keep needs --out: one folder holds one layout");
            }

            var claimed = layout.Claims(settings.MigrationsDirectory);
            Directory.CreateDirectory(target);
            var written = new List<string>();
            foreach (var revision in graph.Ordered.Concat(graph.Repeatables))
            {
                var name = SqlMigrationFileWriter.FileName(revision.Repeatable ? "R" : revision.Id, revision.Message.Length == 0 ? revision.Id : revision.Message);
                await File.WriteAllTextAsync(Path.Combine(target, name), Render(revision), cancellationToken);
                written.Add(name);
            }

            if (!invocation.Parse.GetValue(keep))
            {
                foreach (var item in claimed)
                {
                    var path = Path.Combine(settings.MigrationsDirectory, item);
                    if (Directory.Exists(path))
                    {
                        Directory.Delete(path, recursive: true);
                    }
                    else if (File.Exists(path) && !written.Contains(Path.GetFileName(item)) || target != settings.MigrationsDirectory)
                    {
                        File.Delete(path);
                    }
                }

                RemoveEmptyFolders(settings.MigrationsDirectory, claimed);
            }

            await invocation.DecideAsync($"convert {layout.Name} migrations in {settings.MigrationsDisplay} to native files ({written.Count} revisions, ids kept)", cancellationToken);
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject { ["from"] = layout.Name, ["written"] = JsonShapes.Strings(written), ["removed"] = !invocation.Parse.GetValue(keep) });
            }
            else
            {
                invocation.Line($"Converted {written.Count} {E(layout.Name)} revision(s) to native files in {E(Path.GetRelativePath(invocation.Environment.WorkingDirectory, target))}" +
                    (invocation.Parse.GetValue(keep) ? "." : $"; removed the {claimed.Count} {E(layout.Name)} file(s). `ratchet validate` checks the recorded checksums still match."));
            }

            return 0;
        });
        return command;
    }

    /// <summary>Folders the removed files leave empty (Alembic's <c>versions/</c>) go too.</summary>
    private static void RemoveEmptyFolders(string root, IEnumerable<string> claimed)
    {
        var folders = claimed.Select(c => Path.GetDirectoryName(c)).Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(d => d!.Length);
        foreach (var folder in folders)
        {
            var path = Path.Combine(root, folder!);
            if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
            {
                Directory.Delete(path);
            }
        }
    }

    /// <summary>A native file holding the revision as it was read: id, parents, flags, statements.</summary>
    internal static string Render(Revision revision)
    {
        var text = new StringBuilder();
        text.Append("-- ratchet:revision ").AppendLine(revision.Id);
        if (!revision.Repeatable)
        {
            text.Append("-- ratchet:revises ").AppendLine(revision.Parents.Count == 0 ? "base" : string.Join(", ", revision.Parents));
        }

        text.Append("-- ratchet:message ").AppendLine(revision.Message);
        if (revision.Repeatable)
        {
            text.AppendLine("-- ratchet:repeatable");
        }

        if (revision.BranchLabels.Count > 0)
        {
            text.Append("-- ratchet:branch ").AppendLine(string.Join(", ", revision.BranchLabels));
        }

        if (revision.DependsOn.Count > 0)
        {
            text.Append("-- ratchet:depends-on ").AppendLine(string.Join(", ", revision.DependsOn));
        }

        if (!revision.Transactional)
        {
            text.AppendLine("-- ratchet:transaction off");
        }

        text.Append("-- Converted from ").Append(revision.Layout).Append(": ").AppendLine(revision.Source.File.Replace('\\', '/'));
        text.AppendLine().AppendLine("-- ratchet:up").Append(MigrationLayout.Native(((SqlScript)revision.Up).Statements));
        if (revision.Down is SqlScript down)
        {
            text.AppendLine().AppendLine("-- ratchet:down").Append(MigrationLayout.Native(down.Statements));
        }

        return text.ToString();
    }
}
