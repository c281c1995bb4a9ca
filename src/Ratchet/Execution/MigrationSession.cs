using System.Data.Common;
using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>
/// One connection and the runner lock, held across many single steps: what <c>ratchet verify</c> walks the graph
/// with, so each step costs its own statements and one history read, not a new lock and two connections.
/// </summary>
public sealed class MigrationSession : IAsyncDisposable
{
    private readonly Migrator _migrator;
    private readonly IAsyncDisposable _lock;
    private readonly RevisionRunner _runner;
    private readonly HistoryStore _history;

    internal MigrationSession(Migrator migrator, DbConnection connection, IAsyncDisposable held, RevisionRunner runner, HistoryStore history)
    {
        _migrator = migrator;
        Connection = connection;
        _lock = held;
        _runner = runner;
        _history = history;
    }

    /// <summary>The session's connection, which others may use between steps (to read the schema, to add rows).</summary>
    public DbConnection Connection { get; }

    /// <summary>Runs exactly one revision one way, as <c>up</c> or <c>down</c> would.</summary>
    /// <exception cref="RatchetException">The step cannot run now, or it failed.</exception>
    public async Task RunStepAsync(PlanStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var history = await _history.ReadAsync(Connection, null, cancellationToken, exists: true).ConfigureAwait(false);
        var (plan, partial) = _migrator.StepPlan(step, history);
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var row = history.FirstOrDefault(h => h.RevisionId == step.Revision.Id);
            await _runner.RunAsync(Connection, plan.Steps[i], i + 1, plan.Steps.Count, row, partial, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _lock.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
