namespace Ratchet.Safety;

/// <summary>How bad a finding is. Errors fail <c>ratchet lint</c> (exit 3).</summary>
public enum Severity
{
    /// <summary>Worth knowing.</summary>
    Info,

    /// <summary>A hazard to confirm.</summary>
    Warning,

    /// <summary>A hazard to fix (or suppress with a reason).</summary>
    Error,
}
