using Ratchet.Cli.Configuration;
using Ratchet.Engines;
using Ratchet.Execution;
using Ratchet.Operations;
using Ratchet.Revisions;
using Ratchet.Schema;
using Ratchet.Sources;

namespace Ratchet.Cli.Commands;

/// <summary>
/// The databases behind <c>ratchet diff</c>: the current schema is what the migrations build (replayed on a scratch
/// database of the configured engine), the desired one is a SQL file, a Markdown note's SQL blocks (run on another
/// scratch database) or a live database; the revision written is then run on the first scratch database, up and down,
/// and the schemas it leaves compared with the desired and the current one.
/// </summary>
internal sealed class DiffWorkbench(IDatabaseEngine engine, RevisionGraph graph, ScratchDatabase current) : IAsyncDisposable
{
    public SchemaModel Current { get; private set; } = new();

    public static async Task<DiffWorkbench> OpenAsync(IDatabaseEngine engine, RevisionGraph graph, CancellationToken cancellationToken)
    {
        if (graph.Heads.Count > 1)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, $"the migrations have {graph.Heads.Count} heads ({string.Join(", ", graph.Heads.Select(h => h.Id))})")
            {
                Hints = ["join them with `ratchet merge` first: a new revision follows one head"],
            };
        }

        var scratch = await engine.CreateScratchAsync(cancellationToken);
        var bench = new DiffWorkbench(engine, graph, scratch);
        try
        {
            var migrator = new Migrator(scratch.Engine, graph, new MigratorOptions { RunOnline = true });
            if (graph.Count > 0)
            {
                await migrator.UpAsync(Target.Heads, cancellationToken);
            }

            bench.Current = await migrator.ReadSchemaAsync(cancellationToken);
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    /// <summary>The desired schema from a file (<c>.md</c>: its SQL blocks) or a database URL.</summary>
    public async Task<(SchemaModel Model, string Shown)> DesiredAsync(string to, Settings settings, string workingDirectory, CancellationToken cancellationToken)
    {
        if (LooksLikeUrl(to))
        {
            var url = DatabaseUrl.Parse(to);
            var other = EngineFactory.Create(settings with { Url = url, UrlBaseDirectory = workingDirectory });
            if (other.Dialect.Name != engine.Dialect.Name)
            {
                throw new RatchetException(RatchetErrorKind.BadInput,
                    $"--to {url.Redacted} is a {other.DisplayName} database and the migrations run on {engine.DisplayName}: diff compares schemas of one engine");
            }

            using var connection = await other.OpenAsync(createIfMissing: false, cancellationToken)
                ?? throw new RatchetException(RatchetErrorKind.BadInput, $"--to {url.Redacted}: the database does not exist");
            return (await other.ReadSchemaAsync(connection, cancellationToken), url.Redacted);
        }

        var path = Path.Combine(workingDirectory, to);
        if (!File.Exists(path))
        {
            throw new RatchetException(RatchetErrorKind.BadInput, $"--to {to}: no such file")
            {
                Hints = ["give a .sql file, a Markdown design note with ```sql blocks, or a database URL"],
            };
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        if (Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase))
        {
            text = MarkdownSqlBlocks.Extract(text) ?? throw new RatchetException(RatchetErrorKind.BadInput, $"{to} has no ```sql code block: nothing describes the desired schema");
        }

        await using var scratch = await engine.CreateScratchAsync(cancellationToken);
        return (await ScratchSchema.ApplyAsync(scratch, text, to, cancellationToken), to);
    }

    /// <summary>
    /// Runs the new revisions on the scratch database one at a time, up then back down, comparing the schema after each
    /// step with the one expected there: the differences found (empty when they do their job).
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync(IReadOnlyList<Revision> revisions, IReadOnlyList<SchemaModel> stages, CancellationToken cancellationToken)
    {
        var withNew = new RevisionGraph(RevisionLinker.Link(graph.Ordered.Concat(revisions)));
        var migrator = new Migrator(current.Engine, withNew, new MigratorOptions { RunOnline = true });
        var problems = new List<string>();
        try
        {
            for (var k = 0; k < revisions.Count; k++)
            {
                await migrator.UpAsync(Target.Parse("+1"), cancellationToken);
                problems.AddRange(SchemaComparer.Differences(stages[k], await migrator.ReadSchemaAsync(cancellationToken)).Select(d => $"after up {revisions[k].Id}: {d}"));
            }

            for (var k = revisions.Count - 1; k >= 0; k--)
            {
                await migrator.DownAsync(Target.Parse("-1"), cancellationToken);
                var expected = k == 0 ? Current : stages[k - 1];
                problems.AddRange(SchemaComparer.Differences(expected, await migrator.ReadSchemaAsync(cancellationToken)).Select(d => $"after down {revisions[k].Id}: {d}"));
            }
        }
        catch (RatchetException e)
        {
            problems.Add($"the revision failed on the scratch database: {e.Message}");
        }

        return problems;
    }

    /// <summary>The operations as the engine's SQL, one statement per paragraph.</summary>
    public string Render(IReadOnlyList<MigrationOperation> operations) =>
        string.Join("\n\n", new OperationScript(operations, new EnumCatalog()).Render(engine.Dialect).Select(s => s.Sql.TrimEnd().TrimEnd(';') + ";"));

    public ValueTask DisposeAsync() => current.DisposeAsync();

    private static bool LooksLikeUrl(string text) =>
        text.Contains("://", StringComparison.Ordinal) || text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase);
}
