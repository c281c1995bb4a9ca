using System.Text;
using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Operations;

/// <summary>A script of typed operations (a C# migration's Up or Down), rendered by each dialect.</summary>
public sealed class OperationScript : MigrationScript
{
    private readonly EnumCatalog _enums;

    /// <summary>Creates a script; <paramref name="enums"/> gives enum values to dialects that need them.</summary>
    public OperationScript(IReadOnlyList<MigrationOperation> operations, EnumCatalog enums)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(enums);
        Operations = operations;
        _enums = enums;
        Checksum = History.Checksum.OfText(string.Join('\n', operations.Select(o => o.Describe())));
    }

    /// <summary>The operations, in order.</summary>
    public IReadOnlyList<MigrationOperation> Operations { get; }

    /// <inheritdoc />
    public override string Checksum { get; }

    /// <inheritdoc />
    public override bool IsEmpty => Operations.Count == 0;

    /// <inheritdoc />
    public override IReadOnlyList<SqlStatement> Render(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var statements = new List<SqlStatement>();
        foreach (var operation in Operations)
        {
            try
            {
                statements.AddRange(dialect.Generate(operation, _enums));
            }
            catch (NotSupportedException e)
            {
                throw new RatchetException(RatchetErrorKind.BadInput, $"{dialect.Name} cannot run `{operation.Describe()}`: {e.Message}", e);
            }
        }

        return statements;
    }

    /// <summary>Each operation with the number of statements it renders to for <paramref name="dialect"/>.</summary>
    public IEnumerable<(MigrationOperation Operation, int Statements)> RenderEach(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        foreach (var operation in Operations)
        {
            int count;
            try
            {
                count = dialect.Generate(operation, _enums).Count;
            }
            catch (NotSupportedException)
            {
                count = 0;
            }

            yield return (operation, count);
        }
    }

    /// <summary>The operations, one per line, for plans and messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var operation in Operations)
        {
            text.AppendLine(operation.Describe());
        }

        return text.ToString();
    }
}
