using Ratchet.Revisions;
using Xunit;

namespace Ratchet.Tests.Revisions;

public sealed class RevisionIdComparerTests
{
    [Fact]
    public void Digit_runs_compare_by_value()
    {
        string[] ids = ["10", "2", "1", "20260101_010", "20260101_002", "V1_10", "V1_9", "abc"];

        Assert.Equal(["1", "2", "10", "20260101_002", "20260101_010", "V1_9", "V1_10", "abc"], ids.Order(RevisionIdComparer.Instance));
    }

    [Fact]
    public void Padded_and_unpadded_numbers_are_distinct_but_adjacent()
    {
        Assert.True(RevisionIdComparer.Instance.Compare("01", "1") != 0);
        Assert.True(RevisionIdComparer.Instance.Compare("01", "2") < 0);
    }
}
