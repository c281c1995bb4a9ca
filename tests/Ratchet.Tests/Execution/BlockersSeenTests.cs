using Ratchet.Execution;
using Xunit;

namespace Ratchet.Tests.Execution;

/// <summary>The give-up sentence of a lock timeout names the blockers of the last try that saw any.</summary>
public sealed class BlockersSeenTests
{
    [Fact]
    public void The_last_try_s_blockers_are_named_as_they_are()
    {
        var seen = new BlockersSeen();
        seen.Add(1, ["pid 7 (user a)"]);
        seen.Add(2, ["pid 8 (user b)", "pid 9 (user c)"]);
        Assert.Equal("Blocking: pid 8 (user b); pid 9 (user c)", seen.Describe(2));
    }

    [Fact]
    public void A_last_try_that_saw_nothing_names_those_of_the_latest_try_that_did_and_says_which()
    {
        var seen = new BlockersSeen();
        seen.Add(1, ["pid 7 (user a)"]);
        seen.Add(2, ["pid 8 (user b)"]);
        seen.Add(3, []);
        Assert.Equal("Blocking (seen on try 2): pid 8 (user b)", seen.Describe(3));
    }

    [Fact]
    public void No_try_that_saw_a_blocker_says_so()
    {
        var seen = new BlockersSeen();
        seen.Add(1, []);
        seen.Add(2, []);
        Assert.Equal("No blocking session was seen.", seen.Describe(2));
    }
}
