using Ratchet.Engines;
using Ratchet.Execution;
using Ratchet.Revisions;
using Xunit;

namespace Ratchet.Specification.Tests;

/// <summary>One runner at a time: concurrent runners apply each revision once; a held lock times out naming its holder.</summary>
public abstract class ConcurrencySpecification<TFixture>(TFixture fixture) : SpecificationBase<TFixture>(fixture)
    where TFixture : class, IEngineFixture
{
    [Fact]
    public async Task Concurrent_runners_apply_every_revision_exactly_once()
    {
        for (var i = 1; i <= 20; i++)
        {
            Folder.Add($"{i:000}", i == 1 ? null : $"{i - 1:000}", $"CREATE TABLE t{i} (id INTEGER);", $"DROP TABLE t{i};");
        }

        var graph = Folder.Graph();
        var runs = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => new Migrator(Db.Engine, graph).UpAsync(Target.Head)))
            .ToList();
        var results = await Task.WhenAll(runs);

        Assert.Equal(20, results.Sum(r => r.Plan.Steps.Count));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"{i:000}"), await AppliedAsync());
        var log = await Migrator().ReadLogAsync();
        Assert.Equal(20, log.Count(l => l.Action == "up"));
        Assert.Equal(20, log.Select(l => l.RevisionId).Distinct().Count());
    }

    [Fact]
    public async Task A_held_lock_makes_up_give_up_after_the_timeout_naming_the_holder()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        var held = await Db.Engine.AcquireRunnerLockAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        try
        {
            var migrator = Migrator(new MigratorOptions { LockTimeout = TimeSpan.FromMilliseconds(300) });

            var error = await Assert.ThrowsAsync<LockNotAcquiredException>(() => migrator.UpAsync(Target.Head));

            Assert.Equal(RatchetErrorKind.LockNotAcquired, error.Kind);
            Assert.Contains("(held by pid ", error.Message, StringComparison.Ordinal);
            Assert.False(await Db.TableExistsAsync("a"));
        }
        finally
        {
            await held.DisposeAsync();
        }

        await UpAsync();
        Assert.True(await Db.TableExistsAsync("a"));
    }
}
