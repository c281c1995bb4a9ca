namespace Ratchet.Safety;

/// <summary>How a lint run goes.</summary>
public sealed record LintOptions
{
    /// <summary>The engine and version (default <c>postgres@15</c>).</summary>
    public LintTarget Target { get; init; } = LintTarget.Default;

    /// <summary>The runner's per-statement lock timeout is switched off in the configuration (RAT023).</summary>
    public bool RunnerLockTimeoutOff { get; init; }

    /// <summary>The rules to run (default: all of <see cref="LintRules.All"/>).</summary>
    public IReadOnlyList<LintRule>? Rules { get; init; }
}
