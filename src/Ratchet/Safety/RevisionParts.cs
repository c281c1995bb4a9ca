using Ratchet.Operations;
using Ratchet.Revisions;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety;

/// <summary>
/// The statements of a revision's up, as lint reads them: SQL through <see cref="SqlParser"/>; a C# migration's typed
/// operations directly (their <c>Sql(...)</c> parsed, their <c>Update</c> also seen as an UPDATE).
/// </summary>
public static class RevisionParts
{
    /// <summary>The up's statements.</summary>
    public static IReadOnlyList<LintStatement> Of(Revision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var file = revision.Source.File;
        return revision.Up switch
        {
            SqlScript sql => sql.Statements.Select(s => new LintStatement(SqlParser.Parse(s, file), FromSql: true)).ToList(),
            OperationScript typed => typed.Operations.SelectMany(Typed).ToList(),
            _ => [],
        };
    }

    private static IEnumerable<LintStatement> Typed(MigrationOperation operation)
    {
        if (operation is SqlOperation sql)
        {
            foreach (var statement in Sources.SqlStatementSplitter.Split(sql.Sql))
            {
                yield return new LintStatement(SqlParser.Parse(statement with { Line = 0 }), FromSql: true);
            }

            yield break;
        }

        List<StatementPart> parts = [new OperationPart(operation)];
        if (operation is UpdateOperation update)
        {
            parts.Add(new RowsPart("UPDATE", update.Table, update.Where is not null));
        }

        yield return new LintStatement(new ParsedStatement { Sql = operation.Describe(), Line = 0, Verb = "", Parts = parts }, FromSql: false);
    }
}
