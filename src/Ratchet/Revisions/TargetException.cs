namespace Ratchet.Revisions;

/// <summary>A target that does not exist or does not fit the command (exit code 2).</summary>
public sealed class TargetException(string message) : RatchetException(RatchetErrorKind.BadInput, message);
