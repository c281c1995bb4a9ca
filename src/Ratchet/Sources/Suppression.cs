namespace Ratchet.Sources;

/// <summary>A <c>-- ratchet:ignore RULE reason</c> line: the rule it silences, why, and where it stands.</summary>
public sealed record Suppression(string Rule, string Reason, int Line);
