namespace Ratchet.Execution;

/// <summary>One mismatch between the migration files and the history of the database.</summary>
public sealed record ValidationProblem(ValidationProblemKind Kind, string RevisionId, string? File, string Message);
