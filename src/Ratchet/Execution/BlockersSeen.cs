namespace Ratchet.Execution;

/// <summary>
/// The blocking sessions seen over a statement's tries. The watch that names them looks only once a try has waited half
/// its lock timeout; under a short timeout on a busy machine one try can end before the look, so a give-up names the
/// sessions the last try saw or, when it saw none, those of the latest try that did.
/// </summary>
internal sealed class BlockersSeen
{
    private IReadOnlyList<string> _latest = [];
    private int _latestTry;

    /// <summary>Records what try <paramref name="attempt"/> saw.</summary>
    public void Add(int attempt, IReadOnlyList<string> blockers)
    {
        if (blockers.Count > 0)
        {
            (_latest, _latestTry) = (blockers, attempt);
        }
    }

    /// <summary>The give-up sentence: the blockers, with the try that saw them when it was not the last one.</summary>
    public string Describe(int lastAttempt) => _latest.Count == 0
        ? "No blocking session was seen."
        : (_latestTry == lastAttempt ? "Blocking: " : $"Blocking (seen on try {_latestTry}): ") + string.Join("; ", _latest);
}
