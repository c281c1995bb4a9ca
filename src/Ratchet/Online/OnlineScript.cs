using Ratchet.Engines;
using Ratchet.Revisions;

namespace Ratchet.Online;

/// <summary>
/// The body of an online revision: its operations, planned into phases on the database at <c>ratchet start</c>. It is
/// never rendered as plain statements to run: <see cref="Render"/> gives the statements as written (SQL files) or one
/// comment per operation (C#), for display and review.
/// </summary>
public sealed class OnlineScript : MigrationScript
{
    private readonly IReadOnlyList<SqlStatement> _statements;

    /// <summary>Creates the script; <paramref name="statements"/> are the SQL the operations were read from, if any.</summary>
    public OnlineScript(IReadOnlyList<OnlineOperation> operations, IReadOnlyList<SqlStatement>? statements = null, string? checksum = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        Operations = operations;
        _statements = statements ?? operations.Select(o => new SqlStatement($"-- {o.Describe()}", o.Line)).ToList();
        Checksum = checksum ?? History.Checksum.OfText(string.Join('\n', operations.Select(o => o.Describe())));
    }

    /// <summary>The operations, in order.</summary>
    public IReadOnlyList<OnlineOperation> Operations { get; }

    /// <inheritdoc />
    public override string Checksum { get; }

    /// <inheritdoc />
    public override bool IsEmpty => Operations.Count == 0;

    /// <inheritdoc />
    public override IReadOnlyList<SqlStatement> Render(SqlDialect dialect) => _statements;
}
