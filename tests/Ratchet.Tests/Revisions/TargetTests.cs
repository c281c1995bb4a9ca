using Ratchet.Revisions;
using Xunit;

namespace Ratchet.Tests.Revisions;

public sealed class TargetTests
{
    [Theory]
    [InlineData("head", TargetKind.Head, null, 0)]
    [InlineData("heads", TargetKind.Heads, null, 0)]
    [InlineData("base", TargetKind.Base, null, 0)]
    [InlineData("2026", TargetKind.Revision, "2026", 0)]
    [InlineData("+2", TargetKind.Relative, null, 2)]
    [InlineData("-1", TargetKind.Relative, null, -1)]
    [InlineData("feature@head", TargetKind.BranchHead, "feature", 0)]
    [InlineData("feature@base", TargetKind.BranchBase, "feature", 0)]
    [InlineData("abc@+3", TargetKind.RevisionRelative, "abc", 3)]
    [InlineData("abc@-2", TargetKind.RevisionRelative, "abc", -2)]
    public void Parses_every_form(string text, TargetKind kind, string? revision, int steps)
    {
        var target = Target.Parse(text);

        Assert.Equal((kind, revision, steps), (target.Kind, target.Revision, target.Steps));
    }

    [Theory]
    [InlineData("", "empty target")]
    [InlineData("+0", "non-zero number of steps")]
    [InlineData("-x", "non-zero number of steps")]
    [InlineData("@head", "nothing before '@'")]
    [InlineData("abc@sideways", "after '@' expected head, base, +N or -N")]
    public void Rejects_malformed_targets(string text, string problem)
    {
        var error = Assert.Throws<TargetException>(() => Target.Parse(text));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
