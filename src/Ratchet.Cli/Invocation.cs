using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ratchet.Cli.Configuration;
using Ratchet.Engines;
using Ratchet.Execution;
using Ratchet.Revisions;
using Ratchet.Sources;
using Spectre.Console;

namespace Ratchet.Cli;

/// <summary>One command being run: its environment, resolved settings, and the project's revisions on demand.</summary>
internal sealed class Invocation
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Lazy<Settings> _settings;
    private RevisionGraph? _graph;

    private readonly GlobalOptions _options;

    public Invocation(CliEnvironment environment, ParseResult parse, GlobalOptions options)
    {
        _options = options;
        Environment = environment;
        Parse = parse;
        Json = parse.GetValue(options.Json);
        _settings = new Lazy<Settings>(() => Settings.Resolve(environment, new CommandLineSettings(
            parse.GetValue(options.Url),
            parse.GetValue(options.Dir),
            parse.GetValue(options.Config),
            parse.GetValue(options.LockTimeout) is { } timeout ? ConfigLoader.ParseDuration(timeout, "--lock-timeout") : null,
            parse.GetValue(options.StatementLockTimeout) is { } statement ? ConfigLoader.ParseDuration(statement, "--statement-lock-timeout") : null,
            parse.GetValue(options.LockRetries) is { } retries ? ConfigLoader.ParseCount(retries, "--lock-retries") : null,
            parse.GetValue(options.HistorySchema),
            parse.GetValue(options.Layout))));
    }

    public CliEnvironment Environment { get; }

    /// <summary>The reason given with <c>--decision</c>, if any.</summary>
    public string? DecisionReason => Parse.GetValue(_options.Decision);

    /// <summary>Appends this command's line to the decisions log (<c>kb/decisions.log</c>).</summary>
    public Task DecideAsync(string what, CancellationToken cancellationToken) =>
        Knowledge.DecisionLog.AppendAsync(Settings.Knowledge.DecisionsLog, DateTime.UtcNow, $"{what} (by {Engines.RunnerIdentity.UserAtHost})", DecisionReason, cancellationToken);

    public ParseResult Parse { get; }

    public bool Json { get; }

    public IAnsiConsole Console => Environment.Console;

    public Settings Settings => _settings.Value;

    /// <summary>The revisions in the migrations folder (SQL and C# files together), checked as a graph.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The tool is not trimmed.")]
    public RevisionGraph Graph()
    {
        if (_graph is not null)
        {
            return _graph;
        }

        var sql = Ratchet.Sources.Layouts.MigrationLayouts.Read(Settings.MigrationsDirectory, Settings.MigrationsDisplay, Settings.Layout);
        var csharp = Sources.CSharpFileSource.Read(Settings.MigrationsDirectory, Settings.MigrationsDisplay, new Operations.EnumCatalog());
        return _graph = new RevisionGraph(RevisionLinker.Link(sql.Concat(csharp)));
    }

    /// <summary>The graph, which must hold at least one revision.</summary>
    public RevisionGraph RequireRevisions()
    {
        var graph = Graph();
        return graph.Count > 0
            ? graph
            : throw new RatchetException(RatchetErrorKind.BadInput, $"no migrations in {Settings.MigrationsDisplay}")
            {
                Hints = ["create one with `ratchet new \"describe the change\"`"],
            };
    }

    public IDatabaseEngine Engine() => EngineFactory.Create(Settings);

    public Migrator Migrator(RevisionGraph graph, Action<MigrationEvent>? onEvent = null, bool singleTransaction = false,
        Ratchet.Online.OnlineOptions? online = null, bool runOnline = false) =>
        new(Engine(), graph, new MigratorOptions
        {
            LockTimeout = Settings.LockTimeout,
            LockRetry = new LockRetryPolicy { MaxAttempts = Settings.LockRetries },
            SingleTransaction = singleTransaction,
            OnEvent = onEvent,
            Online = online ?? Settings.Config.Online,
            RunOnline = runOnline,
        });

    public void WriteJson(JsonNode document) => Environment.Out.WriteLine(document.ToJsonString(Indented));

    public void WriteJsonLine(JsonNode document) => Environment.Out.WriteLine(document.ToJsonString());

    /// <summary>A line of plain text; Spectre markup in <paramref name="markup"/> is rendered, values must be escaped.</summary>
    public void Line(string markup = "") => Console.MarkupLine(markup);

    public static string E(string? text) => Markup.Escape(text ?? "");
}
