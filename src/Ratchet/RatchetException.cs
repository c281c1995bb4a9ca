namespace Ratchet;

/// <summary>An error Ratchet reports to its user. The message is complete and names the file, line or revision.</summary>
public class RatchetException : Exception
{
    /// <summary>Creates an error of the given kind.</summary>
    public RatchetException(RatchetErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>What kind of failure this is; also the tool's exit code.</summary>
    public RatchetErrorKind Kind { get; }

    private List<string> _hints = [];

    /// <summary>Extra lines that help the user act on the error (a suggested command, the files involved).</summary>
    public IReadOnlyList<string> Hints
    {
        get => _hints;
        init => _hints = [.. value];
    }

    /// <summary>Adds a hint found after the error was raised (such as a problem the failure left behind).</summary>
    internal void AddHint(string hint) => _hints.Add(hint);
}
